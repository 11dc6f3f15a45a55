//! Figures said in words, without digits: "within an hour", "half of the slots", "fell
//! by about a third", "cut it in half", "went to basically zero".

use super::{norm, APPROX, CUT_VERBS, TIME_UNITS};
use crate::analysis::numbers;
use crate::analysis::tokens::Token;

/// Words before "a"/"an" that make it mean one: "within an hour", "over a week".
const ONE_BEFORE: &[&str] = &["in", "within", "under", "over", "about", "around", "roughly"];

/// "within an hour", "over a week", "half a second", "a half second": durations said without digits.
pub(super) fn one_duration(toks: &[Token], i: usize) -> Option<usize> {
    let w = norm(toks, i);
    let prev = if i == 0 { "" } else { norm(toks, i - 1) };
    let unit_at = |k: usize| TIME_UNITS.contains(&norm(toks, k)) && !toks[k - 1].clause_end;
    match w {
        "a" | "an" if ONE_BEFORE.contains(&prev) && unit_at(i + 1) => Some(i + 2),
        "a" if norm(toks, i + 1) == "half" && unit_at(i + 2) => Some(i + 3),
        "half" if unit_at(i + 1) => Some(i + 2),
        "half" if matches!(norm(toks, i + 1), "a" | "an") && unit_at(i + 2) => Some(i + 3),
        _ => None,
    }
}

/// "half a point", "half a percentage point", "half a percent": a small change said
/// without digits, with its kind.
pub(super) fn half_a_point(toks: &[Token], i: usize) -> Option<(usize, &'static str)> {
    if norm(toks, i) != "half" || !matches!(norm(toks, i + 1), "a" | "an") {
        return None;
    }
    match (norm(toks, i + 2), norm(toks, i + 3)) {
        ("point", _) => Some((i + 3, "score")),
        ("percentage", "point") => Some((i + 4, "score")),
        ("percent", _) => Some((i + 3, "percent")),
        _ => None,
    }
}

/// "a few hours", "a couple of days", "several weeks": not a figure on its own ("a
/// couple of weeks" is no metric), but an end of a change that has one ("from about
/// two days to a few hours").
pub(super) fn few_duration(toks: &[Token], i: usize) -> Option<usize> {
    let len = match (norm(toks, i), norm(toks, i + 1), norm(toks, i + 2)) {
        ("a", "few" | "couple", "of") => 3,
        ("a", "few" | "couple", _) => 2,
        ("several" | "few", _, _) => 1,
        _ => return None,
    };
    let unit = i + len;
    (TIME_UNITS.contains(&norm(toks, unit)) && !toks[unit - 1].clause_end).then_some(unit + 1)
}

/// A share said as a fraction: "fell by about a third", "half of the slots", "two thirds
/// of users"; not "a third option", "within a quarter", "within two quarters of launch"
/// or "the second half of the year".
pub(super) fn fraction(toks: &[Token], i: usize) -> Option<usize> {
    let prev = if i == 0 { "" } else { norm(toks, i - 1) };
    if matches!(prev, "within" | "in" | "over" | "for" | "after") {
        return None;
    }
    // past a "say" said between: "cutting those by, say, a fifth"
    let prev = if prev == "say" && i >= 2 { norm(toks, i - 2) } else { prev };
    let next = norm(toks, i + 1);
    // "half of the slots", "a third less produce binned"
    let of_after = |k: usize| matches!(norm(toks, k), "of" | "less" | "more" | "fewer");
    // "returns down a third", "cut a fifth": a change said with its share
    let moved = matches!(prev, "down" | "up" | "cut" | "dropped" | "fell" | "rose" | "grew");
    let measured = |k: usize| prev == "by" || moved || APPROX.contains(&prev) || of_after(k);
    // "came down by roughly two-thirds": whisper joins the words with a hyphen
    if let Some((n, part)) = norm(toks, i).split_once('-') {
        let whole = matches!(
            (n, part),
            ("one", "third" | "fifth" | "quarter")
                | ("two" | "three" | "four", "thirds" | "quarters" | "fifths")
        );
        return (whole && measured(i + 1)).then_some(i + 1);
    }
    match (norm(toks, i), next) {
        ("a" | "one", "third" | "fifth" | "quarter") if measured(i + 2) => Some(i + 2),
        ("two" | "three" | "four", "thirds" | "quarters" | "fifths") if measured(i + 2) => {
            Some(i + 2)
        }
        ("half", "of") if !matches!(prev, "first" | "second" | "the" | "other" | "latter") => {
            Some(i + 1)
        }
        _ => None,
    }
}

/// Hedges between "by" and "half": "fell by about half".
const HALF_HEDGES: &[&str] = &["about", "roughly", "almost", "nearly", "around", "over"];

/// "cut checkout time in half", "reduced it by half", "fell by about half": the verb
/// through "half". A figure or another cut verb on the way means the verb had its own
/// change: "fell from 12% to 4% and appeals dropped by half" is two.
pub(super) fn in_half(toks: &[Token], i: usize) -> Option<usize> {
    for k in i + 1..(i + 10).min(toks.len()) {
        let by = (k - 1).saturating_sub(usize::from(HALF_HEDGES.contains(&norm(toks, k - 1))));
        if norm(toks, k) == "half" && matches!(norm(toks, by), "in" | "by") {
            return Some(k + 1);
        }
        let another_verb = CUT_VERBS.contains(&norm(toks, k)) && norm(toks, k) != "down";
        if toks[k].clause_end || another_verb || priced_or_percent(toks, k) {
            break;
        }
    }
    None
}

fn priced_or_percent(toks: &[Token], k: usize) -> bool {
    numbers::parse(toks, k).is_some_and(|n| n.percent || n.currency)
}

/// Hedges before a "zero" reached: "went to basically zero".
const ZERO_HEDGES: &[&str] =
    &["basically", "almost", "nearly", "practically", "virtually", "effectively"];
/// Verbs that bring a measure to a level: "dropped to zero", "ended the quarter at zero".
const BROUGHT: &[&str] = &[
    "went", "go", "dropped", "fell", "down", "cut", "ended", "came", "brought", "got", "reduced",
    "stayed", "held", "kept",
];
/// Most words between the verb and its "to" or "at" ("ended the quarter at zero").
const BROUGHT_GAP: usize = 4;

/// A measure brought to zero, which has no unit to make it a figure: "merges without a
/// green build went to basically zero", "the error rate ended the quarter at zero".
pub(super) fn zero_reached(toks: &[Token], i: usize) -> Option<usize> {
    let hedged = usize::from(ZERO_HEDGES.contains(&norm(toks, i)));
    // not "held at zero point four percent"
    let zero = i + hedged;
    if !matches!(norm(toks, zero), "zero" | "0") || norm(toks, zero + 1) == "point" || i == 0 {
        return None;
    }
    let to = i - 1;
    let verb = (to.saturating_sub(BROUGHT_GAP)..to).rev().take_while(|&k| !toks[k].clause_end);
    let brought = matches!(norm(toks, to), "to" | "at")
        && verb.into_iter().any(|k| BROUGHT.contains(&norm(toks, k)));
    brought.then_some(zero + 1)
}
