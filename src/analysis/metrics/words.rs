//! Figures said in words, without digits: "within an hour", "half of the slots", "fell
//! by about a third", "cut it in half".

use super::{norm, APPROX, TIME_UNITS};
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
/// of users"; not "a third option", "within a quarter" or "the second half of the year".
pub(super) fn fraction(toks: &[Token], i: usize) -> Option<usize> {
    let prev = if i == 0 { "" } else { norm(toks, i - 1) };
    // past a "say" said between: "cutting those by, say, a fifth"
    let prev = if prev == "say" && i >= 2 { norm(toks, i - 2) } else { prev };
    let next = norm(toks, i + 1);
    let of_after = |k: usize| norm(toks, k) == "of";
    let measured = |k: usize| prev == "by" || APPROX.contains(&prev) || of_after(k);
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

/// "cut checkout time in half", "reduced it by half": the verb through "half".
pub(super) fn in_half(toks: &[Token], i: usize) -> Option<usize> {
    for k in i + 1..(i + 10).min(toks.len()) {
        if norm(toks, k) == "half" && matches!(norm(toks, k - 1), "in" | "by") {
            return Some(k + 1);
        }
        if toks[k].clause_end {
            break;
        }
    }
    None
}
