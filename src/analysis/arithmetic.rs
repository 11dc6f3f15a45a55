//! Spoken arithmetic in an estimate, checked: "332 million / 2.5 = 133 million",
//! "seven hundred thousand times zero point five times two, which is seven hundred
//! thousand". A result more than [`TOLERANCE`] off what the numbers give is a slip.

use super::numbers;
use super::tokens::{is_sound, norm_at as norm, sentence, span_text, PhraseSet, Token};

/// Estimates round: "about 34 million" for 34.4 million is fine (a figure said with two
/// significant digits or fewer after a hedge).
pub const TOLERANCE: f64 = 0.1;
/// A result said without a hedge claims to be the sum: "six point six million times six
/// is thirty-six point six million" is a slip, "24 times 365 is 9,000" a rounding.
pub const TOLERANCE_UNHEDGED: f64 = 0.05;

/// One calculation said out loud.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// The words of the calculation, as said.
    pub text: String,
    pub start: usize,
    /// What the numbers give.
    pub computed: f64,
    /// What the candidate said they give.
    pub stated: f64,
    /// Said as about that much: "is about 34 million".
    pub hedged: bool,
}

impl Step {
    pub fn is_slip(&self) -> bool {
        misses_the_sum(self.computed, self.stated, self.hedged)
    }
}

/// Whether `stated` is further from `computed` than a spoken estimate rounds.
fn misses_the_sum(computed: f64, stated: f64, hedged: bool) -> bool {
    let scale = computed.abs().max(stated.abs());
    // "about 18.4 million" is worked out, not rounded: three figures claim the sum
    let rounded = hedged && significant_digits(stated) <= 2;
    let tolerance = if rounded { TOLERANCE } else { TOLERANCE_UNHEDGED };
    scale > 0.0 && (computed - stated).abs() / scale > tolerance
}

/// How many significant digits a figure is said with: 34 million has two, 18.4 million three.
fn significant_digits(x: f64) -> usize {
    let mantissa = format!("{:.6e}", x.abs());
    let digits = mantissa.split('e').next().unwrap_or_default();
    digits.trim_end_matches('0').trim_end_matches('.').chars().filter(char::is_ascii_digit).count()
}

#[derive(Clone, Copy)]
enum Op {
    Times,
    Divide,
    Plus,
    Minus,
}

/// Every "A op B [op C ...] = D" in the answer, in order.
pub fn steps(toks: &[Token]) -> Vec<Step> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let Some((step, result, end)) = step_at(toks, i) else {
            i += 1;
            continue;
        };
        out.push(step);
        // "is 2,160 fewer a week, and times four weeks, that's 11,000": a result worked on
        // ("is 6, plus 0.75 times 4 is 3" adds the next product instead)
        let worked_on = matches!(operator_after(toks, end), Some((Op::Times | Op::Divide, ..)));
        i = if worked_on && step_at(toks, result).is_some() { result } else { end };
    }
    out
}

/// The step starting at `i`: (the step, where its result starts, where it ends).
fn step_at(toks: &[Token], i: usize) -> Option<(Step, usize, usize)> {
    let first = operand(toks, i)?;
    let mut value = first.value;
    let mut scaled = first.scaled;
    let mut j = i + first.len;
    let mut ops = 0;
    // "2% of 54 million", "ten percent of 8 million": a share taken
    let percent = first.percent || norm(toks, j) == "percent";
    // whether any figure of the step is a share, which a result in percent then is too
    let mut shares = percent;
    j += usize::from(norm(toks, j) == "percent");
    // "30% of them" takes its share of a figure said before (`of_figure_before`)
    let of = (percent && norm(toks, j) == "of" && !toks[j - 1].clause_end)
        .then(|| numbers::parse(toks, j + 1))
        .flatten();
    let share_of = of.is_some();
    if let Some(n) = of {
        value = value / 100.0 * n.value;
        scaled = n.scaled;
        j += 1 + n.len;
        ops += 1;
    }
    while let Some((op, at, len)) = operator_after(toks, j) {
        j = at;
        let n = fraction(toks, j + len).or_else(|| operand(toks, j + len))?;
        scaled |= n.scaled;
        // "900 million times four percent is 36 million": a share as a factor
        let percent_word = norm(toks, j + len + n.len) == "percent";
        shares |= n.percent || percent_word;
        let operand = if n.percent || percent_word { n.value / 100.0 } else { n.value };
        value = match op {
            Op::Times => value * operand,
            Op::Divide if operand != 0.0 => value / operand,
            Op::Divide => return None,
            Op::Plus => value + n.value,
            Op::Minus => value - n.value,
        };
        j += len + n.len + usize::from(percent_word);
        ops += 1;
    }
    if ops == 0 {
        return if percent {
            of_figure_before(toks, i, j, Factor::Share(first.value))
        } else if said_of_each(toks, i, j) {
            of_figure_before(toks, i, j, Factor::Each(first.value))
        } else if split_into(toks, i) {
            of_figure_before(toks, i, j, Factor::Split(first.value))
        } else {
            None
        };
    }
    // "2% of 54 million, uh, 1.8 million new owners": a share's result may follow a comma
    let restated = share_of && toks[j - 1].clause_end && !toks[j - 1].sentence_end;
    let (k, bare) = match equals_after(toks, j) {
        Some((at, len)) => (at + len, false),
        None if restated => (j, true),
        None => return None,
    };
    let (k, hedged) = past_thinking(toks, k);
    let stated = numbers::parse(toks, k)?;
    // after a bare comma the next figure must look like the share's result, not the next
    // share ("30% of 2 million users, 20% of them")
    let like_it = |r: f64| (0.1..=10.0).contains(&r);
    if bare && (stated.percent || stated.scaled != scaled || !like_it(stated.value / value)) {
        return None;
    }
    let end = k + stated.len;
    // "99 plus 4 is 103 million": the operands' unit said only with the result, or
    // only with the operands
    let in_percent = stated.percent || norm(toks, k + stated.len) == "percent";
    // "3,000 times 240 KB, that's 720": megabytes, the next unit up; not when the result
    // is said in the operands' own unit ("that's 720 KB")
    let storage = |m: usize| Some(norm(toks, m)).filter(|w| STORAGE.contains(w));
    let result_unit = storage(end);
    let operand_units: Vec<&str> = (i..k).filter_map(storage).collect();
    let sized = (!operand_units.is_empty() || result_unit.is_some())
        && !result_unit.is_some_and(|u| operand_units.contains(&u));
    let computed = if in_percent && !shares {
        // "300,000 divided by 2.6 million, that's about 11.5 percent": a ratio said in percent
        value * 100.0
    } else if scaled == stated.scaled && !sized {
        value
    } else {
        in_units_of(value, stated.value)
    };
    let step =
        Step { text: span_text(toks, i, end), start: i, computed, stated: stated.value, hedged };
    Some((step, k, end))
}

/// Most words from a share to the "that's" of its result: "thirty percent of them ride a
/// bike at least sometimes, so that's ...".
const SHARE_REACH: usize = 12;

/// What a figure said without an operator does to the figure before it.
#[derive(Clone, Copy)]
enum Factor {
    /// "around eight percent play guitar": a share of it, in percent.
    Share(f64),
    /// "if each one spends about $300 a year": so much for each of it.
    Each(f64),
    /// "split in two arms, that's 12,000 per arm": it shared out.
    Split(f64),
}

/// The figure at `i` is what the figure before is shared out into: "split in two
/// arms", "divided among four depots".
fn split_into(toks: &[Token], i: usize) -> bool {
    i >= 2
        && matches!(norm(toks, i - 1), "in" | "into" | "across" | "between" | "among")
        && matches!(norm(toks, i - 2), "split" | "divided" | "shared" | "spread")
}

/// Words from "each" to the figure it is said of, or from the figure to "each": "each
/// one spends about 300", "300 dollars a year each".
const EACH_REACH: usize = 4;

/// The figure from `i` to `j` is said of each one of something: "if each one spends
/// about three hundred dollars", "two visits a year each".
fn said_of_each(toks: &[Token], i: usize, j: usize) -> bool {
    let in_clause = |k: usize| (k..i).all(|m| !toks[m].clause_end);
    let before = (i.saturating_sub(EACH_REACH)..i).any(|k| norm(toks, k) == "each" && in_clause(k));
    let after = (j..(j + EACH_REACH).min(toks.len()))
        .take_while(|&k| k == j || !toks[k - 1].clause_end)
        .any(|k| matches!(norm(toks, k), "each" | "apiece"));
    before || after
}

/// A share of the figure said before it, so much for each of it, or it shared out,
/// worked out later in its sentence: "330 million people. I'd guess around eight
/// percent play guitar, so that's 26.4 million" (the factor at `i`, its words ending at
/// `j`). Only a result in the same units as that figure counts, and for a share only
/// one near what it gives: elsewhere the figure before may be another one. Said of each
/// or shared out, the sum is explicit, so a result a hundred times off is a slip, not
/// another figure.
fn of_figure_before(
    toks: &[Token],
    i: usize,
    j: usize,
    factor: Factor,
) -> Option<(Step, usize, usize)> {
    let from = sentence(toks, sentence(toks, i).0.saturating_sub(1)).0;
    // the figures before the share, each read from its first word ("three hundred and
    // thirty million", not "thirty million")
    let mut bases = Vec::new();
    let mut k = from;
    while k < i {
        let Some(n) = numbers::parse(toks, k) else {
            k += 1;
            continue;
        };
        let len = n.len;
        let share = n.percent || norm(toks, k + len) == "percent";
        if !share && (n.scaled || n.value >= 1000.0) {
            bases.push((k, n));
        }
        k += len;
    }
    let (at, len) = (j..(j + SHARE_REACH).min(toks.len()))
        .take_while(|&k| k == j || !toks[k - 1].sentence_end)
        .take_while(|&k| numbers::parse(toks, k).is_none())
        .find_map(|k| said_result(toks, k).map(|len| (k, len)))?;
    let (k, hedged) = past_thinking(toks, at + len);
    let stated = numbers::parse(toks, k).filter(|n| !n.percent)?;
    // "that is 700,000 times 0.5 times 2": the sum comes next, said out loud
    if operator_after(toks, k + stated.len).is_some() {
        return None;
    }
    let worked = |base: &numbers::Num| -> Option<(f64, std::ops::RangeInclusive<f64>)> {
        match factor {
            // a share taken ("60% of households order, so that's 660,000") or a share to
            // stay under ("at most 80% occupied, which gives 22,000 slots" for 17,600)
            Factor::Share(percent) => {
                let share = percent / 100.0;
                let computed = [base.value * share, base.value / share]
                    .into_iter()
                    .min_by(|a, b| (a - stated.value).abs().total_cmp(&(b - stated.value).abs()))?;
                Some((computed, 0.1..=10.0))
            }
            Factor::Each(value) => Some((base.value * value, 0.001..=1000.0)),
            Factor::Split(parts) if parts > 0.0 => Some((base.value / parts, 0.001..=1000.0)),
            Factor::Split(_) => None,
        }
    };
    let step_from = |(at, base): &(usize, numbers::Num)| {
        let (computed, near) = worked(base)?;
        let fits = stated.scaled == base.scaled && near.contains(&(stated.value / computed));
        fits.then_some((*at, base.len, computed))
    };
    // "50,000 sellers, so 9% is 4,500. Say 60% of them are on Android, that's 30,000":
    // "them" may be any figure just said, so the step is read from one that makes it
    // right, if one does, and else from the last one it may be of
    let right =
        |&(_, _, computed): &(usize, usize, f64)| !misses_the_sum(computed, stated.value, hedged);
    let steps: Vec<(usize, usize, f64)> = bases.iter().rev().filter_map(step_from).collect();
    let (base_at, base_len, computed) =
        steps.iter().copied().find(right).or_else(|| steps.first().copied())?;
    let end = k + stated.len;
    let text =
        format!("{} … {}", span_text(toks, base_at, base_at + base_len), span_text(toks, i, end));
    Some((Step { text, start: i, computed, stated: stated.value, hedged }, k, end))
}

/// "so that's", "that's", "which is": a result said of a share worked out in words.
fn said_result(toks: &[Token], k: usize) -> Option<usize> {
    match (norm(toks, k), norm(toks, k + 1), norm(toks, k + 2)) {
        ("so", "that's", _) => Some(2),
        ("so", "that" | "this", "is") => Some(3),
        ("that's", _, _) => Some(1),
        ("that" | "which", "is" | "gives" | "makes", _) => Some(2),
        _ => None,
    }
}

/// Units of stored data, a thousand apart, in which a result is often said one unit up.
const STORAGE: &[&str] = &[
    "kb",
    "mb",
    "gb",
    "tb",
    "pb",
    "kilobytes",
    "megabytes",
    "gigabytes",
    "terabytes",
    "petabytes",
    "bytes",
    "kilobyte",
    "megabyte",
    "gigabyte",
    "terabyte",
];

/// `value` times the power of a thousand that brings it nearest `stated`.
fn in_units_of(value: f64, stated: f64) -> f64 {
    if value == 0.0 || stated == 0.0 {
        return value;
    }
    let thousands = ((stated / value).abs().log10() / 3.0).round() as i32;
    value * 1000f64.powi(thousands)
}

/// Hedges (and the filler "like") said between "is" and the result, in any order with
/// sounds such as "um".
const BEFORE_RESULT: &[&str] =
    &["like", "about", "roughly", "around", "approximately", "~", "nearly"];

/// The first token from `k` past hedges, sounds and asides before a result: "is, um,
/// about 1.2 billion", "is about, um, 55 million", "is, let me see, 36.6 million".
fn past_thinking(toks: &[Token], mut k: usize) -> (usize, bool) {
    let asides = PhraseSet::new(THINKING);
    let mut hedged = false;
    loop {
        if BEFORE_RESULT.contains(&norm(toks, k)) || toks.get(k).is_some_and(is_sound) {
            hedged |= HEDGES.contains(&norm(toks, k));
            k += 1;
        } else if let Some(m) = asides.match_at(toks, k) {
            k += m.len;
        } else {
            return (k, hedged);
        }
    }
}

/// Words that say a result is rounded.
const HEDGES: &[&str] = &["about", "roughly", "around", "approximately", "~", "nearly"];

/// Asides said while working out the result: "is, let me see, 36.6 million".
const THINKING: &[&str] = &[
    "let me see",
    "let's see",
    "let me think",
    "let me check",
    "let me just check",
    "if i've got that right",
    "i think",
    "i believe",
    "what",
    "say",
];

/// A fraction said in words as an operand: "times a half", "times two thirds".
fn fraction(toks: &[Token], i: usize) -> Option<numbers::Num> {
    if norm(toks, i) == "half" {
        return Some(numbers::Num { value: 0.5, len: 1, ..numbers::Num::default() });
    }
    let count = match norm(toks, i) {
        "a" | "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        _ => return None,
    };
    let per = match norm(toks, i + 1) {
        "half" => 2.0,
        "third" | "thirds" => 3.0,
        "quarter" | "quarters" => 4.0,
        "fifth" | "fifths" => 5.0,
        _ => return None,
    };
    Some(numbers::Num { value: count / per, len: 2, ..numbers::Num::default() })
}

/// A number worked on: as [`numbers::parse`] reads it, or with its hundreds said short
/// ("nine sixty divided by three thousand" is 960), read so only right before an
/// operator or an "is", where two numbers in a row cannot be a list.
fn operand(toks: &[Token], i: usize) -> Option<numbers::Num> {
    short_hundreds(toks, i).or_else(|| numbers::parse(toks, i))
}

/// "nine sixty", "twelve fifty": hundreds said as a word from one to nineteen, then the
/// tens and units, followed by an operator or an "is".
fn short_hundreds(toks: &[Token], i: usize) -> Option<numbers::Num> {
    let head = toks.get(i)?;
    let spoken = head.norm.bytes().all(|c| c.is_ascii_alphabetic());
    let hundreds = numbers::word_value(&head.norm).filter(|v| (1.0..20.0).contains(v))?;
    let rest = numbers::parse(toks, i + 1)
        .filter(|n| n.words && n.len == 1 && (20.0..100.0).contains(&n.value))?;
    let worked = operator(toks, i + 2).is_some() || equals(toks, i + 2).is_some();
    (spoken && !head.clause_end && worked).then(|| numbers::Num {
        value: hundreds * 100.0 + rest.value,
        len: 2,
        words: true,
        ..numbers::Num::default()
    })
}

/// Words of an operand's unit that may stand before its operator: "200,000 rides a
/// week, and divided by 7".
const UNIT_WORDS: usize = 4;

/// The operator after an operand ending at `j`, past the operand's unit words but not
/// past another number, an "is" or a sentence end: (operator, where it is, tokens it
/// takes).
fn operator_after(toks: &[Token], j: usize) -> Option<(Op, usize, usize)> {
    for at in j..=j + UNIT_WORDS {
        if let Some((op, len)) = operator(toks, at) {
            return Some((op, at, len));
        }
        let t = toks.get(at)?;
        if t.sentence_end || numbers::parse(toks, at).is_some() || equals(toks, at).is_some() {
            return None;
        }
    }
    None
}

/// The "is" after the last operand ending at `j`, past its unit words ("1.5 dogs each
/// is"), not past another number or a sentence end: (where it is, tokens it takes).
fn equals_after(toks: &[Token], j: usize) -> Option<(usize, usize)> {
    for at in j..=j + UNIT_WORDS {
        if let Some(len) = equals(toks, at) {
            return Some((at, len));
        }
        let t = toks.get(at)?;
        if t.sentence_end || numbers::parse(toks, at).is_some() || operator(toks, at).is_some() {
            return None;
        }
    }
    None
}

/// An operator at `j` that does not cross a sentence end: (operator, tokens it takes).
fn operator(toks: &[Token], j: usize) -> Option<(Op, usize)> {
    if j == 0 || toks.get(j - 1)?.sentence_end {
        return None;
    }
    match (norm(toks, j), norm(toks, j + 1)) {
        ("times" | "x" | "×" | "*", _) => Some((Op::Times, 1)),
        ("multiplied", "by") => Some((Op::Times, 2)),
        ("/" | "÷", _) => Some((Op::Divide, 1)),
        ("divided", "by") => Some((Op::Divide, 2)),
        ("plus" | "+", _) => Some((Op::Plus, 1)),
        ("minus", _) => Some((Op::Minus, 1)),
        _ => None,
    }
}

/// "=", "is", "equals", "gives", "that's", "which is", ...: tokens it takes.
fn equals(toks: &[Token], j: usize) -> Option<usize> {
    if toks.get(j.checked_sub(1)?)?.sentence_end {
        return None;
    }
    match (norm(toks, j), norm(toks, j + 1), norm(toks, j + 2)) {
        ("which" | "that", "is" | "gives" | "makes" | "comes", "to") => Some(3),
        ("which" | "that", "is" | "gives" | "makes" | "means", _) => Some(2),
        ("gives" | "comes", "us" | "to", _) => Some(2),
        ("=" | "is" | "equals" | "gives" | "makes" | "that's" | "→" | "->", _, _) => Some(1),
        ("so", "=" | "is", _) => Some(2),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
