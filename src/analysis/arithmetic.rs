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
        let scale = self.computed.abs().max(self.stated.abs());
        // "about 18.4 million" is worked out, not rounded: three figures claim the sum
        let rounded = self.hedged && significant_digits(self.stated) <= 2;
        let tolerance = if rounded { TOLERANCE } else { TOLERANCE_UNHEDGED };
        scale > 0.0 && (self.computed - self.stated).abs() / scale > tolerance
    }
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
    let first = numbers::parse(toks, i)?;
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
        let n = fraction(toks, j + len).or_else(|| numbers::parse(toks, j + len))?;
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
    let computed = if in_percent && !shares {
        // "300,000 divided by 2.6 million, that's about 11.5 percent": a ratio said in percent
        value * 100.0
    } else if scaled == stated.scaled {
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
    // the last figure before the share, read from its first word ("three hundred and
    // thirty million", not "thirty million")
    let mut base = None;
    let mut k = from;
    while k < i {
        let Some(n) = numbers::parse(toks, k) else {
            k += 1;
            continue;
        };
        let len = n.len;
        let share = n.percent || norm(toks, k + len) == "percent";
        if !share && (n.scaled || n.value >= 1000.0) {
            base = Some((k, n));
        }
        k += len;
    }
    let base = base?;
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
    let (computed, near) = match factor {
        // a share taken ("60% of households order, so that's 660,000") or a share to stay
        // under ("at most 80% occupied, which gives 22,000 slots" for 17,600)
        Factor::Share(percent) => {
            let share = percent / 100.0;
            let computed = [base.1.value * share, base.1.value / share]
                .into_iter()
                .min_by(|a, b| (a - stated.value).abs().total_cmp(&(b - stated.value).abs()))?;
            (computed, 0.1..=10.0)
        }
        Factor::Each(value) => (base.1.value * value, 0.001..=1000.0),
        Factor::Split(parts) if parts > 0.0 => (base.1.value / parts, 0.001..=1000.0),
        Factor::Split(_) => return None,
    };
    if stated.scaled != base.1.scaled || !near.contains(&(stated.value / computed)) {
        return None;
    }
    let end = k + stated.len;
    let text =
        format!("{} … {}", span_text(toks, base.0, base.0 + base.1.len), span_text(toks, i, end));
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

    /// Whether each step of `text` is a slip, in order.
    fn slipped(text: &str) -> Vec<bool> {
        slips(text).into_iter().map(|s| s.1).collect()
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
    fn asides_and_shares_of_the_figure_before_are_checked() {
        let got = slips("Active: six point six million times six is, let me see, thirty-six point six million sets.");
        assert!(got[0].1, "{got:?}");
        let guitar =
            "US population, about three hundred and thirty million. I'd guess around eight \
                      percent play guitar at least a little, so that's, um, twenty-six point four \
                      million people.";
        assert_eq!(slipped(guitar), [false]);
        let bikes = "There's about three hundred and thirty million people in the US. I'd say \
                     roughly thirty percent of them ride a bike at least sometimes, so that's, uh, \
                     about a hundred and thirty million riders.";
        assert_eq!(slipped(bikes), [true]);
        // a share whose result is of another figure is left alone
        assert!(slips("We have 5 million members. 40% renew, that's most of them.").is_empty());
        let capacity =
            "Roughly 17,600 slots are occupied. I'd plan for at most 80% occupied, which \
                        gives 22,000 slots.";
        assert_eq!(slipped(capacity), [false]);
        assert!(slips("The market is 2 billion dollars. We'd take 5%, so that's 300 stores.")
            .is_empty());
    }

    #[test]
    fn a_result_worked_on_and_a_figure_for_each_are_checked() {
        let chain = "Twelve thousand times eighteen percent is two thousand one hundred and \
                     sixty fewer a week, and times four weeks, that's about eleven thousand.";
        assert_eq!(slipped(chain), [false, true]);
        // the next product added, not the result worked on
        let blended = "0.25 times 24 is 6, plus 0.75 times 4 is 3, so 9 orders a year.";
        assert_eq!(slipped(blended), [false, false]);
        let each = "About thirteen million households keep chickens, and if each one spends \
                    about three hundred dollars a year, that's about thirty-nine million dollars.";
        assert_eq!(slipped(each), [true]);
        let right = "There are 20 million members. If each orders 3 boxes a month, that's 60 \
                     million boxes.";
        assert_eq!(slipped(right), [false]);
        // the calculation said out loud after "that is" is checked as itself
        let said = "Seattle has 700,000 people. If each drinks two cups a day, that is 700,000 \
                    times 0.5 times 2, which is 700,000 cups.";
        assert_eq!(slipped(said), [false]);
    }

    #[test]
    fn a_figure_shared_out_and_a_share_said_as_this_are_checked() {
        let split = "So 18,000 grocery checkouts a day. Split in two arms, that's 12,000 per arm.";
        assert_eq!(slipped(split), [true]);
        let even = "So 18,000 checkouts a day. Split in two arms, that's 9,000 per arm.";
        assert_eq!(slipped(even), [false]);
        let bees = "Poland has around 38 million people, and maybe 1 percent keep bees, so this \
                    is 3.8 million beekeepers.";
        assert_eq!(slipped(bees), [true]);
    }

    #[test]
    fn a_ratio_said_in_percent_is_checked() {
        let share = "Say we place three hundred thousand hives a season; divided by two point \
                     six million, that's about eleven and a half percent.";
        assert_eq!(slipped(share), [false]);
        let slip = "We place 300,000 hives; divided by 2.6 million, that's about 20 percent.";
        assert_eq!(slipped(slip), [true]);
    }

    #[test]
    fn a_hedged_result_said_to_three_figures_claims_the_sum() {
        let worked = "Fourteen million times one point two is about eighteen point four million.";
        assert_eq!(slipped(worked), [true]);
        let rounded = "Fourteen million times one point two is about eighteen million.";
        assert_eq!(slipped(rounded), [false]);
    }

    #[test]
    fn numbers_without_a_calculation_are_left_alone() {
        assert!(slips("We met three times. It is 40% of 300 users.").is_empty());
    }
}
