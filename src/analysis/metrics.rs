//! Quantified results: percentages, money, multipliers, durations, counts of things,
//! scores, and "from X to Y" changes (one metric). Years, dates, clock times,
//! ordinals, list markers, version numbers and bare numbers with no unit are not metrics.

use super::numbers::{self, Num};
use super::report::Metric;
use super::tokens::{norm_at as norm, sentence, span_text, word_span, Token, FUNCTION_WORDS};
use from_to::from_to;
use words::{fraction, half_a_point, in_half, one_duration, zero_reached};

const TIME_UNITS: &[&str] = &[
    "second",
    "seconds",
    "sec",
    "secs",
    "minute",
    "minutes",
    "min",
    "mins",
    "hour",
    "hours",
    "hr",
    "hrs",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "quarter",
    "quarters",
    "year",
    "years",
    "sprint",
    "sprints",
    // school and university calendars ("terms" is also words searched for)
    "semester",
    "semesters",
    "trimester",
    "trimesters",
    "millisecond",
    "milliseconds",
    "ms",
];
/// Words said right after a duration that make it a point in the story, not a result.
const NARRATIVE_AFTER: &[&str] =
    &["ago", "old", "later", "earlier", "before", "prior", "from", "away", "into", "left"];
/// Counts of the answer's own parts ("three solutions", "two things I learned") are not metrics.
const DISCOURSE_NOUNS: &[&str] = &[
    "things",
    "ways",
    "ideas",
    "solutions",
    "options",
    "questions",
    "reasons",
    "lessons",
    "examples",
    "parts",
    "aspects",
    "areas",
    "buckets",
    "pillars",
    "themes",
    "categories",
    "kinds",
    "approaches",
    "words",
];
/// Said before a number without changing it: "to about 120".
const APPROX: &[&str] =
    &["about", "around", "roughly", "nearly", "almost", "approximately", "just", "over", "under"];
const SCORE_UNITS: &[&str] = &["points", "point", "pts", "pp", "stars", "star", "bps"];
/// Nouns of change a score may be joined to: "a five-point lift".
const CHANGE_NOUNS: &[&str] =
    &["lift", "jump", "increase", "rise", "improvement", "drop", "gain", "boost", "bump", "swing"];
const SCORE_WORDS: &[&str] = &["nps", "csat", "rating", "score", "ces"];
/// Said between a score word and its new value: "the score went up to 4.3".
const SCORE_CHANGE: &[&str] = &[
    "went",
    "up",
    "down",
    "rose",
    "fell",
    "climbed",
    "improved",
    "increased",
    "dropped",
    "jumped",
    // a level kept: "the rating stayed at 4.6"
    "stayed",
    "held",
    "remained",
];
const MONEY_UNITS: &[&str] =
    &["dollars", "dollar", "usd", "euros", "euro", "pounds", "bucks", "cents"];
const COMPARATIVES: &[&str] = &[
    "faster", "slower", "more", "less", "fewer", "higher", "lower", "larger", "bigger", "smaller",
    "better", "as", "the", "over", "cheaper", "quicker",
];
/// Words before a number that make it a label: "version 2", "iOS 17", "phase 3", "week 2".
const LABEL_BEFORE: &[&str] = &[
    "version",
    "v",
    "release",
    "ios",
    "android",
    "windows",
    "python",
    "java",
    "iphone",
    "gen",
    "generation",
    "phase",
    "step",
    "level",
    "tier",
    "chapter",
    "page",
    "number",
    "no",
    "episode",
    "season",
    "sprint",
    "round",
    "stage",
    "day",
    "week",
    "month",
    "quarter",
    "q",
    "room",
    "floor",
    "grade",
    "model",
    "build",
    "web",
    "http",
    "option",
    "milestone",
    "figure",
    "slide",
    "item",
    "iteration",
];
const YEAR_BEFORE: &[&str] = &[
    "in", "since", "by", "of", "until", "till", "from", "during", "early", "late", "mid", "around",
    "circa", "year", "summer", "winter", "spring", "fall", "autumn", "through", "before", "after",
    "back",
];
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];
const CLOCK_AFTER: &[&str] = &["am", "pm", "a.m", "p.m", "o'clock", "oclock"];
const NOT_PLURAL: &[&str] = &[
    "this",
    "was",
    "has",
    "is",
    "as",
    "its",
    "yes",
    "less",
    "across",
    "always",
    "perhaps",
    "sometimes",
    "times",
    "ours",
    "yours",
    "theirs",
    "hers",
    "his",
    "thus",
    "plus",
    "bonus",
    "status",
    "analysis",
    "does",
    "goes",
    "towards",
    "afterwards",
    "besides",
    "unless",
    "whereas",
    "news",
    "series",
    "basis",
    "us",
    "gas",
    "bus",
    "focus",
    "campus",
    "virus",
    "census",
    "consensus",
    "nexus",
    "chaos",
    "canvas",
];
const IRREGULAR_PLURALS: &[&str] =
    &["people", "staff", "children", "men", "women", "personnel", "engineers"];
const CUT_VERBS: &[&str] = &[
    "cut",
    "cutting",
    "reduced",
    "reduce",
    "reducing",
    "slashed",
    "dropped",
    "fell",
    "decreased",
    "shrank",
    "brought",
    // "cost per watch down by half": the verb left out
    "down",
];
const MULTIPLIER_WORDS: &[&str] =
    &["doubled", "tripled", "quadrupled", "halved", "tenfold", "twofold", "threefold"];
/// "the two teams" and "both three" refer back; they do not quantify.
const REFERRING: &[&str] = &["the", "both", "these", "those", "all"];
const RATE_WORDS: &[&str] = &["per", "a", "an", "each", "every"];

/// Finds the metrics, in order, never overlapping.
pub fn detect(toks: &[Token]) -> Vec<Metric> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if let Some((a, b, kind)) = at(toks, i) {
            out.push(Metric {
                text: span_text(toks, a, b),
                start_s: toks[a].start_s,
                kind: kind.to_string(),
                span: word_span(toks, a, b),
                role: String::new(),
                unsure: false,
            });
            i = b.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

/// A metric starting at token `i`: (first token, end token exclusive, kind).
fn at(toks: &[Token], i: usize) -> Option<(usize, usize, &'static str)> {
    let w = norm(toks, i);
    if w == "from" {
        if let Some(m) = from_to(toks, i + 1, i) {
            return Some(m);
        }
    }
    if MULTIPLIER_WORDS.contains(&w) && norm(toks, i + 1) != "down" {
        return Some((i, i + 1, "multiplier"));
    }
    if w == "twice" && COMPARATIVES.contains(&norm(toks, i + 1)) {
        return Some((i, i + 1, "multiplier"));
    }
    if CUT_VERBS.contains(&w) {
        if let Some(end) = in_half(toks, i) {
            return Some((i, end, "multiplier"));
        }
    }
    if SCORE_WORDS.contains(&w) {
        // "NPS +12", "NPS of 45", "CSAT to 92", "a rating of 4.6", "the score went up to 4.3"
        let mut j = i + 1;
        while j < i + 4 && SCORE_CHANGE.contains(&norm(toks, j)) && !toks[j - 1].clause_end {
            j += 1;
        }
        if matches!(norm(toks, j), "of" | "to" | "at" | "by" | "was" | "is") {
            j += 1;
        }
        if !toks[i..j].iter().any(|t| t.clause_end) {
            if let Some(n) = numbers::parse(toks, j).filter(|n| !n.percent && !n.currency) {
                if n.signed || j > i + 1 {
                    let end = j + n.len;
                    let end = match unit(toks, end, &n) {
                        Some(("score", len)) => end + len,
                        _ => end,
                    };
                    return Some((i, rate(toks, end), "score"));
                }
            }
        }
    }
    // "a five-point lift": the number joined to its unit by a hyphen; not "three-point
    // one percent", whisper's spelling of a decimal
    if let Some((n, unit)) = w.split_once('-') {
        let decimal = numbers::parse(toks, i).is_some_and(|n| n.len > 1);
        if matches!(unit, "star" | "stars") && kind_named(toks, i + 1) {
            return None;
        }
        if SCORE_UNITS.contains(&unit) && numbers::word_value(n).is_some() && !decimal {
            return Some((i, i + 1, "score"));
        }
    }
    if let Some((end, kind)) = half_a_point(toks, i) {
        return Some((i, end, kind));
    }
    if let Some(end) = fraction(toks, i) {
        return Some((i, end, "percent"));
    }
    if let Some(end) = zero_reached(toks, i) {
        return Some((i, end, "count"));
    }
    // not "about a year ago"
    if let Some(end) = one_duration(toks, i).filter(|&e| !NARRATIVE_AFTER.contains(&norm(toks, e)))
    {
        return Some((i, rate(toks, end), "duration"));
    }
    let n = numbers::parse(toks, i)?;
    if !counts_as_quantity(toks, i, &n) {
        return None;
    }
    let after = i + n.len;
    let Some((kind, ulen)) = unit(toks, after, &n) else {
        // "2 to 3 purchase cycles": a range is one metric.
        return if norm(toks, after) == "to" && !toks[after - 1].clause_end {
            from_to(toks, i, i)
        } else {
            level_said_bare(toks, i).map(|kind| (i, after, kind))
        };
    };
    let mut end = after + ulen;
    // "five days out of seven": a share of the days, not a time frame
    if let Some(len) = out_of(toks, end, &n) {
        return Some((i, end + len, "percent"));
    }
    let joined = toks.get(after).is_some_and(|u| u.word == toks[after - 1].word);
    if kind == "score" && joined && norm(toks, after).starts_with("star") && kind_named(toks, end) {
        return None;
    }
    if kind == "duration"
        && n.words
        && n.value == 1.0
        && !matches!(
            norm(toks, i.wrapping_sub(1)),
            "in" | "within" | "under" | "than" | "to" | "by" | "about" | "over"
        )
    {
        return None; // "one day, my manager ..."
    }
    if kind == "duration"
        && (NARRATIVE_AFTER.contains(&norm(toks, end))
            || (norm(toks, end) == "of" && norm(toks, end + 1) == "experience"))
    {
        return None;
    }
    // "2.1% to 2.6%": one change when both ends are the same kind of quantity.
    if norm(toks, end) == "to" && !toks[end - 1].clause_end {
        if let Some((_, b, k2)) = from_to(toks, i, i).filter(|(_, _, k2)| *k2 == kind) {
            return Some((i, b, k2));
        }
    }
    end = rate(toks, end);
    Some((i, end, kind))
}

/// A bare number set as a target or said as the new level, after a figure of the same
/// measure earlier in its sentence, is of that measure's kind: "if the baseline is
/// sixty percent, I'd target seventy-five", "the 12% held for review, we got that down
/// to ten", "calls, which were about 1,100 a month, are now around 300".
fn level_said_bare(toks: &[Token], i: usize) -> Option<&'static str> {
    let k = (0..i).rev().find(|&k| !APPROX.contains(&norm(toks, k)))?;
    let targeted = matches!(norm(toks, k), "target" | "targeting")
        || (norm(toks, k.wrapping_sub(1)), norm(toks, k)) == ("aim", "for");
    let new_level = norm(toks, k) == "now"
        || (norm(toks, k) == "to" && norm(toks, k.wrapping_sub(1)) == "down");
    // "now, about. 300" is no level said: a break before the number ends it
    if !(targeted || new_level) || toks[k..i].iter().any(|t| t.clause_end) {
        return None;
    }
    let kind_at = |j: usize| {
        let n = numbers::parse(toks, j)?;
        unit(toks, j + n.len, &n).map(|(kind, _)| kind)
    };
    let kind = (sentence(toks, i).0..k).find_map(kind_at)?;
    (kind == "percent" || (new_level && matches!(kind, "money" | "count"))).then_some(kind)
}

/// A number that is a quantity, not a year, date, clock time, label or reference.
fn counts_as_quantity(toks: &[Token], i: usize, n: &Num) -> bool {
    let prev = if i == 0 { "" } else { norm(toks, i - 1) };
    let next = norm(toks, i + n.len);
    if LABEL_BEFORE.contains(&prev) || CLOCK_AFTER.contains(&next) {
        return false;
    }
    let is_month = |k: usize| {
        toks.get(k).is_some_and(|t| {
            MONTHS.contains(&t.norm.as_str()) || (t.norm == "may" && t.raw == "May")
        })
    };
    if (i > 0 && is_month(i - 1)) || is_month(i + n.len) {
        return false;
    }
    if n.plain_int
        && (1900.0..2100.0).contains(&n.value)
        && (YEAR_BEFORE.contains(&prev) || toks[i].clause_end)
    {
        return false;
    }
    if n.words && n.value < 10.0 && !n.scaled && REFERRING.contains(&prev) {
        return false;
    }
    // "at one point we were ...": a moment in the story, unless a rate follows
    let moment = prev == "at" && toks[i].norm == "one" && next == "point";
    !(moment && norm(toks, i + n.len + 1) != "per")
}

/// A rating joined to its number by a hyphen, before token `k`, names a kind of
/// thing ("one-star reviews", "the one-stars", "a 5-star hotel"), unless a noun of
/// change follows ("a two-star jump").
fn kind_named(toks: &[Token], k: usize) -> bool {
    !CHANGE_NOUNS.contains(&norm(toks, k))
}

/// "out of seven" at token `j` after a number `n` smaller than the whole it is out of:
/// the tokens it takes.
fn out_of(toks: &[Token], j: usize, n: &Num) -> Option<usize> {
    if norm(toks, j) != "out" || norm(toks, j + 1) != "of" || toks[j - 1].clause_end {
        return None;
    }
    let of = numbers::parse(toks, j + 2).filter(|of| !of.percent && of.value > n.value)?;
    (n.value >= 1.0).then_some(2 + of.len)
}

/// The unit after a number at token `j`: (kind, tokens it takes).
fn unit(toks: &[Token], j: usize, n: &Num) -> Option<(&'static str, usize)> {
    if n.percent {
        return Some(("percent", 0));
    }
    if n.currency {
        return Some(("money", if MONEY_UNITS.contains(&norm(toks, j)) { 1 } else { 0 }));
    }
    if n.times {
        return Some(("multiplier", 0));
    }
    if n.time_suffix {
        return Some(("duration", 0));
    }
    if toks.get(j - 1).is_some_and(|t| t.clause_end) {
        return (n.scaled || n.value >= 1000.0 && !n.plain_int).then_some(("count", 0));
    }
    let w = norm(toks, j);
    match w {
        "percent" | "pct" | "%" => return Some(("percent", 1)),
        "per" if norm(toks, j + 1) == "cent" => return Some(("percent", 2)),
        "percentage" if norm(toks, j + 1) == "points" => return Some(("percent", 2)),
        "x" | "fold" => return Some(("multiplier", 1)),
        "times" if COMPARATIVES.contains(&norm(toks, j + 1)) && !over_a_span(toks, j + 1) => {
            return Some(("multiplier", 1))
        }
        "basis" if norm(toks, j + 1) == "points" => return Some(("score", 2)),
        "out" => {
            if let Some(len) = out_of(toks, j, n) {
                return Some(("percent", len));
            }
        }
        // "one in five", "six of ten": a share said as a ratio
        "in" | "of" if !toks[j].clause_end => {
            if let Some(of) = numbers::parse(toks, j + 1) {
                let share = of.value > n.value && n.value >= 1.0 && of.value <= 1000.0;
                // not "the first launch in 3 years"
                let time = TIME_UNITS.contains(&norm(toks, j + 1 + of.len));
                if share && !time && !of.percent {
                    return Some(("percent", 1 + of.len));
                }
            }
        }
        _ => {}
    }
    if MONEY_UNITS.contains(&w) {
        return Some(("money", 1));
    }
    if SCORE_UNITS.contains(&w) {
        return Some(("score", 1));
    }
    // "3 more weeks", "two full days"
    let skip = usize::from(matches!(
        w,
        "more" | "fewer" | "extra" | "full" | "additional" | "straight" | "consecutive" | "whole"
    ));
    if TIME_UNITS.contains(&norm(toks, j + skip)) && (skip == 0 || !toks[j].clause_end) {
        return Some(("duration", skip + 1));
    }
    // One takes a singular noun, so a word in -s after it is a verb ("the wrapping one
    // needs the warehouses").
    if let Some(len) = count_noun(toks, j).filter(|_| n.value != 1.0) {
        return Some(("count", len));
    }
    // "a 40-field form": a number joined to its noun by a hyphen.
    if toks
        .get(j)
        .is_some_and(|t| t.word == toks[j - 1].word && t.norm.chars().all(char::is_alphabetic))
    {
        return Some(("count", 1));
    }
    // "15 times a month" is a measured rate; "we met three times" is not a metric.
    if w == "times"
        && RATE_WORDS.contains(&norm(toks, j + 1))
        && TIME_UNITS.contains(&norm(toks, j + 2))
    {
        return Some(("count", 1));
    }
    // "stalled at 5000 a month": a figure measured per unit of time is a quantity even
    // in the bare digits whisper writes (which could otherwise be a year or a label).
    (n.scaled || (n.value >= 1000.0 && !n.plain_int) || rate(toks, j) > j).then_some(("count", 0))
}

/// "we met three times over a couple of weeks": "over" starts the span the events fell
/// in, where "paid for itself three times over" multiplies.
fn over_a_span(toks: &[Token], j: usize) -> bool {
    norm(toks, j) == "over"
        && !toks[j].clause_end
        && (matches!(norm(toks, j + 1), "a" | "an" | "the" | "several" | "many")
            || numbers::parse(toks, j + 1).is_some())
}

/// "users", "A/B tests", "daily active users": up to two modifiers, then a plural noun.
fn count_noun(toks: &[Token], j: usize) -> Option<usize> {
    for k in 0..3 {
        let t = toks.get(j + k)?;
        let w = t.norm.as_str();
        if FUNCTION_WORDS.contains(&w) || numbers::is_numeric(w) {
            return None;
        }
        if is_plural_noun(w) {
            return (!DISCOURSE_NOUNS.contains(&w)).then_some(k + 1);
        }
        if t.clause_end {
            return None;
        }
    }
    None
}

fn is_plural_noun(w: &str) -> bool {
    if IRREGULAR_PLURALS.contains(&w) {
        return true;
    }
    w.len() >= 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("'s")
        && !w.ends_with("ous")
        && w.chars().all(|c| c.is_alphabetic() || c == '/' || c == '-')
        && !NOT_PLURAL.contains(&w)
}

/// Extends a metric over a rate: "30K updates per second", "300 orders a day".
fn rate(toks: &[Token], end: usize) -> usize {
    if end == 0 || toks.get(end - 1).is_none_or(|t| t.clause_end) {
        return end;
    }
    let w = norm(toks, end);
    let next = norm(toks, end + 1);
    if RATE_WORDS.contains(&w)
        && (TIME_UNITS.contains(&next)
            || (w == "per" && !next.is_empty() && !FUNCTION_WORDS.contains(&next)))
    {
        end + 2
    } else {
        end
    }
}

mod from_to;
mod words;

#[cfg(test)]
mod tests;
