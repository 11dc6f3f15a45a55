//! "from X to Y" said as one change: "from 4.1 to 4.6 stars", "from about forty minutes
//! to about twelve", "from 3.1% of all scans to 0.2%".

use super::words::{few_duration, one_duration};
use super::{is_plural_noun, norm, rate, unit, APPROX, CUT_VERBS, SCORE_WORDS};
use crate::analysis::numbers::{self, Num};
use crate::analysis::tokens::{Token, FIGURE_ASIDES};

/// The first token from `k` past up to three hedges and asides: "to just over 400 a
/// week", "from, let's say, about two hours".
fn past_approx(toks: &[Token], k: usize) -> usize {
    let hedge =
        |j: usize| APPROX.contains(&norm(toks, j)) || FIGURE_ASIDES.contains(&norm(toks, j));
    (k..k + 3).find(|&j| !hedge(j)).unwrap_or(k + 3)
}

/// What a starting figure may be said as: "from an average of about two and a half hours".
const LEVEL_NAMES: &[&str] = &["average", "median", "mean", "peak", "high", "low", "baseline"];

/// The first token past "a|an <level name> of" at `k`, or `k`.
fn past_level_name(toks: &[Token], k: usize) -> usize {
    let named = matches!(norm(toks, k), "a" | "an")
        && LEVEL_NAMES.contains(&norm(toks, k + 1))
        && norm(toks, k + 2) == "of";
    if named {
        k + 3
    } else {
        k
    }
}

/// Most words before "from" that may name what a change without units counts: "Swipes
/// from search to purchase, from about forty down to under ten".
const KIND_WORDS: usize = 6;
/// The same for a range said without "from": "tickets, 300 to 120".
const RANGE_KIND_WORDS: usize = 4;
/// Most words naming what a share counts between "from" and "to" ("of all orders").
const COUNTED: usize = 3;
/// Most words saying when the starting figure was measured ("in the quarter before").
const WHEN: usize = 4;
/// Most words qualifying a starting figure that has a unit ("behind reality").
const QUALIFIER: usize = 3;
/// The words such a time is said in.
const WHEN_WORDS: &str = "in the a that last previous prior quarter month year week season summer \
    today now currently \
    winter before earlier beforehand at launch start";

/// "from 4.1 to 4.6 stars", "from 12% to 4%", "from 300 to 120 tickets" starting at `x`
/// (the first number); the metric begins at `start`.
pub(super) fn from_to(
    toks: &[Token],
    x: usize,
    start: usize,
) -> Option<(usize, usize, &'static str)> {
    // "from about forty minutes to about twelve", "from an average of 2.5 hours to 55 minutes"
    let x = past_approx(toks, past_level_name(toks, x));
    // "from all fourteen leads to two": the whole of a count, said as its start; "from
    // that seventy-one percent to eighty-five": one said before
    let x =
        if matches!(norm(toks, x), "all" | "that" | "this" | "the" | "our") { x + 1 } else { x };
    // "from about a day to under an hour": durations said without digits
    let start_duration = one_duration(toks, x).or_else(|| few_duration(toks, x));
    if let Some(j) = start_duration.filter(|&j| norm(toks, j) == "to") {
        let y = past_approx(toks, j + 1);
        let end = one_duration(toks, y).or_else(|| few_duration(toks, y)).or_else(|| {
            let b = numbers::parse(toks, y)?;
            match unit(toks, y + b.len, &b) {
                Some(("duration", l)) => Some(y + b.len + l),
                _ => None,
            }
        });
        if let Some(end) = end.filter(|_| !toks[j - 1].clause_end) {
            return Some((start, end, "duration"));
        }
    }
    let a = numbers::parse(toks, x)?;
    let mut j = x + a.len;
    let u1 = own_unit(toks, j, &a);
    if let Some((_, l)) = u1 {
        j += l;
    }
    j = rate(toks, j);
    // "from 12 percent down to 0.5 percent"
    if matches!(norm(toks, j), "down" | "up") && !toks[j - 1].clause_end {
        j += 1;
    }
    // what the share counts: "from 1 in 4 releases to 1 in 20", "from 9% of orders to 3%"
    let noun_words = (j..toks.len().min(j + COUNTED))
        .take_while(|&k| !toks[k - 1].clause_end)
        .take_while(|&k| {
            matches!(norm(toks, k), "of" | "all" | "the") || is_plural_noun(norm(toks, k))
        })
        .count();
    let counted = noun_words > 0 && norm(toks, j + noun_words) == "to";
    if counted {
        j += noun_words;
    }
    // when the start was measured: "from ninety-two in the quarter before to four"
    let when_words = (j..toks.len().min(j + WHEN))
        .take_while(|&k| !toks[k - 1].clause_end)
        .take_while(|&k| WHEN_WORDS.split_whitespace().any(|w| w == norm(toks, k)))
        .count();
    if !counted && when_words > 0 && norm(toks, j + when_words) == "to" {
        j += when_words;
    }
    // a figure with its unit may be qualified before the "to": "from about 45 minutes
    // behind reality to under 2 minutes"
    if norm(toks, j) != "to" && u1.is_some() {
        j = qualified_to(toks, j).unwrap_or(j);
    }
    // whisper puts commas where the speaker breathes: "went from 22%, to 25%"
    if norm(toks, j) != "to" || toks[j - 1].sentence_end {
        return None;
    }
    let y = past_approx(toks, j + 1);
    // "from about two days to a few hours", "from twelve days to the same day"
    let to_duration = few_duration(toks, y).or_else(|| named_day(toks, y));
    if let Some(end) = to_duration.filter(|_| matches!(u1, Some(("duration", _)))) {
        return Some((start, end, "duration"));
    }
    let b = numbers::parse(toks, y)?;
    let mut end = y + b.len;
    let u2 = own_unit(toks, end, &b);
    if let Some((_, l)) = u2 {
        end += l;
    } else if counted && !toks[end - 1].clause_end && is_plural_noun(norm(toks, end)) {
        end += 1; // "from 190 words to 46 words"
    }
    let year = |n: &Num| n.plain_int && (1900.0..2100.0).contains(&n.value);
    if year(&a) && year(&b) {
        return None;
    }
    // a range ("call it forty-five to fifty million") names no change however near its noun
    let reach = if norm(toks, start) == "from" { KIND_WORDS } else { RANGE_KIND_WORDS };
    let before = &toks[start.saturating_sub(reach)..start];
    let kind = match (u1, u2) {
        (_, Some((k, _))) | (Some((k, _)), None) => k,
        _ if before.iter().any(|t| SCORE_WORDS.contains(&t.norm.as_str())) => "score",
        // "tickets went down from 300 to 120"; "from 190 words to 46 words" names what
        // it counts itself, even a word the answer's own parts use ("two words")
        // "I cut the temp request from sixty to twenty-five": a verb of change names it
        _ if counted
            || before
                .iter()
                .any(|t| is_plural_noun(&t.norm) || CUT_VERBS.contains(&t.norm.as_str())) =>
        {
            "change"
        }
        _ => return None,
    };
    Some((start, rate(toks, end), kind))
}

/// The "to" within [`QUALIFIER`] words of `j` that a figure follows, with no figure or
/// clause end before it.
fn qualified_to(toks: &[Token], j: usize) -> Option<usize> {
    let to = (j..toks.len().min(j + QUALIFIER + 1))
        .take_while(|&k| !toks[k - 1].clause_end && !numbers::is_numeric(&toks[k].norm))
        .find(|&k| norm(toks, k) == "to")?;
    numbers::parse(toks, past_approx(toks, to + 1)).map(|_| to)
}

/// "the same day", "next day", "same-day": a wait brought down to a day named, not counted.
fn named_day(toks: &[Token], y: usize) -> Option<usize> {
    let k = y + usize::from(norm(toks, y) == "the");
    match norm(toks, k) {
        "same-day" | "next-day" => Some(k + 1),
        "same" | "next" if norm(toks, k + 1) == "day" => Some(k + 2),
        _ => None,
    }
}

/// The unit said after number `n`, which ends before token `end`: a unit after a
/// clause's end is another clause's; "22%," keeps its own.
fn own_unit(toks: &[Token], end: usize, n: &Num) -> Option<(&'static str, usize)> {
    if toks[end - 1].clause_end && !n.percent {
        None
    } else {
        unit(toks, end, n)
    }
}
