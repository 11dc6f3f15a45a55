//! Spoken arithmetic in an estimate, checked: "332 million / 2.5 = 133 million",
//! "seven hundred thousand times zero point five times two, which is seven hundred
//! thousand". A result more than [`TOLERANCE`] off what the numbers give is a slip.

use super::numbers;
use super::tokens::{is_sound, norm_at as norm, span_text, Token};

/// Estimates round: "about 34 million" for 34.4 million is fine.
pub const TOLERANCE: f64 = 0.1;

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
}

impl Step {
    pub fn is_slip(&self) -> bool {
        let scale = self.computed.abs().max(self.stated.abs());
        scale > 0.0 && (self.computed - self.stated).abs() / scale > TOLERANCE
    }
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
        match step_at(toks, i) {
            Some((step, end)) => {
                out.push(step);
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

fn step_at(toks: &[Token], i: usize) -> Option<(Step, usize)> {
    let first = numbers::parse(toks, i)?;
    let mut value = first.value;
    let mut scaled = first.scaled;
    let mut j = i + first.len;
    let mut ops = 0;
    // "2% of 54 million", "ten percent of 8 million": a share taken
    let percent = first.percent || norm(toks, j) == "percent";
    j += usize::from(norm(toks, j) == "percent");
    let share_of = percent && norm(toks, j) == "of" && !toks[j - 1].clause_end;
    if share_of {
        let n = numbers::parse(toks, j + 1)?;
        value = value / 100.0 * n.value;
        scaled = n.scaled;
        j += 1 + n.len;
        ops += 1;
    }
    while let Some((op, at, len)) = operator_after(toks, j) {
        j = at;
        let n = fraction(toks, j + len).or_else(|| numbers::parse(toks, j + len))?;
        scaled |= n.scaled;
        // "900 million times four percent is 36 million": a share as a factor
        let percent_word = norm(toks, j + len + n.len) == "percent";
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
        return None;
    }
    // "2% of 54 million, uh, 1.8 million new owners": a share's result may follow a comma
    let restated = share_of && toks[j - 1].clause_end && !toks[j - 1].sentence_end;
    let (mut k, bare) = match equals_after(toks, j) {
        Some((at, len)) => (at + len, false),
        None if restated => (j, true),
        None => return None,
    };
    // "is, um, about 1.2 billion", "is about, um, 55 million"
    while BEFORE_RESULT.contains(&norm(toks, k)) || toks.get(k).is_some_and(is_sound) {
        k += 1;
    }
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
    let computed = if scaled == stated.scaled { value } else { in_units_of(value, stated.value) };
    let step = Step { text: span_text(toks, i, end), start: i, computed, stated: stated.value };
    Some((step, end))
}

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
mod tests {
    use super::*;
    use crate::analysis::tokens::tokenize;
    use crate::transcript::Transcript;

    fn slips(text: &str) -> Vec<(String, bool)> {
        steps(&tokenize(&Transcript::from_text(text)))
            .into_iter()
            .map(|s| (s.text.clone(), s.is_slip()))
            .collect()
    }

    #[test]
    fn the_guide_estimate_is_right() {
        assert_eq!(
            slips("With 2.5 people per household, 332M / 2.5 = 133M households."),
            [("332M / 2.5 = 133M".to_string(), false)]
        );
    }

    #[test]
    fn a_slip_is_found_and_named() {
        let got = slips(
            "332 million / 2.5 = 160 million households. 160 million times 0.4 = 64 million.",
        );
        assert_eq!(
            got,
            [
                ("332 million / 2.5 = 160 million".to_string(), true),
                ("160 million times 0.4 = 64 million".to_string(), false)
            ]
        );
        assert!(slips("120 times 15 = $2,400 a day")[0].1);
    }

    #[test]
    fn spoken_chains_are_checked() {
        assert_eq!(
            slips("that is seven hundred thousand times zero point five times two, which is seven hundred thousand cups a day"),
            [("seven hundred thousand times zero point five times two which is seven hundred thousand".to_string(), false)]
        );
        assert_eq!(
            slips("86 million times 0.4 is about 34 million"),
            [("86 million times 0.4 is about 34 million".to_string(), false)]
        );
    }

    #[test]
    fn an_operand_with_its_unit_is_checked() {
        assert_eq!(
            slips("so 200,000 rides a week, and divided by 7 that's 50,000 rides a day"),
            [("200,000 rides a week and divided by 7 that's 50,000".to_string(), true)]
        );
        assert!(!slips("900,000 sessions a week, divided by 7, is about 130,000 a day")[0].1);
        assert!(slips("We have 40 engineers and 3 teams, so 2 times a week is fine.").is_empty());
        assert!(
            slips("Fifty-two million households times one point five dogs each is about ninety million dogs.")[0].1
        );
        assert!(slips("So eight million doorbells times fifteen clips each is, um, one point two billion clips a day.")[0].1);
    }

    #[test]
    fn a_unit_said_on_one_side_only_and_a_trailing_pause() {
        assert!(!slips("Top-down, 99 plus 4 is 103 million pairs.")[0].1);
        assert!(!slips("1.5 million a week, times 52, is about 78.")[0].1);
        assert!(slips("So 2 times 3 is 9 million.")[0].1);
        assert!(slips("67 million times 0.8... that's 63.6 million users.")[0].1);
    }

    #[test]
    fn a_share_of_a_number_is_checked() {
        assert!(slips("that's 2% of 54 million, uh, 1.8 million new owners")[0].1);
        assert!(!slips("ten percent of 8 million is about 800,000 homes")[0].1);
        assert!(!slips("Nine hundred million times four percent is thirty-six million.")[0].1);
        assert!(slips("900 million times 4% is 3.6 billion.")[0].1);
        assert!(slips("Forty-eight million times a half is, um, twenty-eight million.")[0].1);
        assert!(!slips("48 million times two thirds is 32 million.")[0].1);
        assert!(
            slips("a hundred and ten million divided by four is about, um, fifty-five million")[0]
                .1
        );
        assert!(slips("30% of 2 million users, 20% of them daily.").is_empty());
    }

    #[test]
    fn numbers_without_a_calculation_are_left_alone() {
        assert!(slips("We met three times. It is 40% of 300 users.").is_empty());
    }
}
