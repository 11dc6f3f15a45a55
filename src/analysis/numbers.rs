//! Numbers as people write and say them: "18%", "$2.3M", "10,000", "3.2x", "30K",
//! "2.3 million", "twenty five", "a hundred and fifty thousand", "two point three".

use super::tokens::Token;

/// A number found at some token, with what was written around its digits.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Num {
    pub value: f64,
    /// Tokens the number occupies (a digit token plus scale words, or number words).
    pub len: usize,
    pub currency: bool,
    pub percent: bool,
    /// Written with an "x" suffix: "3.2x".
    pub times: bool,
    /// Carries a scale: "30K", "2.3 million", "$2.3M".
    pub scaled: bool,
    /// Written with a sign: "+12".
    pub signed: bool,
    /// Plain digits with no comma, decimals or decoration (a year looks like this).
    pub plain_int: bool,
    /// Spoken as words ("twenty five").
    pub words: bool,
    /// A time unit glued on: "200ms", "30s", "2h".
    pub time_suffix: bool,
}

const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 8] =
    ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

fn scale_word(w: &str) -> Option<f64> {
    match w {
        "thousand" => Some(1e3),
        // Indian English: "one lakh eighteen thousand farmers", "two crore rupees"
        "lakh" | "lakhs" => Some(1e5),
        "million" | "mil" => Some(1e6),
        "crore" | "crores" => Some(1e7),
        "billion" => Some(1e9),
        _ => None,
    }
}

fn small_word(w: &str) -> Option<f64> {
    if let Some(i) = UNITS.iter().position(|u| *u == w) {
        return Some(i as f64);
    }
    TENS.iter().position(|t| *t == w).map(|i| (i as f64 + 2.0) * 10.0)
}

/// The value of one word: "five", "twenty", "3", "2.5" ("five" in "a five-point lift").
pub fn word_value(w: &str) -> Option<f64> {
    small_word(w).or_else(|| digits(w).filter(|n| !n.percent && !n.currency).map(|n| n.value))
}

/// True for a token that is or starts a number ("18%", "$2", "twenty", "dozen").
pub fn is_numeric(tok: &str) -> bool {
    digits(tok).is_some()
        || tok
            .split('-')
            .all(|p| small_word(p).is_some() || scale_word(p).is_some() || p == "hundred")
            && tok != "one"
}

/// Parses the number starting at token `i`, if any.
pub fn parse(toks: &[Token], i: usize) -> Option<Num> {
    let t = toks.get(i)?;
    if t.marker {
        return None;
    }
    if let Some(mut n) = digits(&t.norm) {
        n.len = 1;
        // "2.3 million", "10 thousand"
        if let Some(s) = toks.get(i + 1).and_then(|n2| scale_word(&n2.norm)) {
            if !t.clause_end {
                n.value *= s;
                n.scaled = true;
                n.plain_int = false;
                n.len = 2;
            }
        }
        return Some(n);
    }
    spoken(toks, i)
}

/// A written number: optional currency/sign, digits with commas and decimals, suffix.
fn digits(s: &str) -> Option<Num> {
    let mut n = Num { len: 1, ..Num::default() };
    let mut rest = s;
    loop {
        let mut chars = rest.chars();
        match chars.next()? {
            '$' | '£' | '€' => n.currency = true,
            '+' => n.signed = true,
            '~' | '<' | '>' | '≈' => {}
            _ => break,
        }
        rest = chars.as_str();
    }
    let end =
        rest.find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.')).unwrap_or(rest.len());
    let body = rest[..end].trim_end_matches(['.', ',']);
    let suffix = &rest[body.len()..];
    if body.is_empty()
        || !body.starts_with(|c: char| c.is_ascii_digit())
        || body.matches('.').count() > 1
    {
        return None;
    }
    // "1,200" groups commas by three; anything else (like "3,4") is not one number.
    if body.contains(',') {
        let int = body.split('.').next().unwrap_or("");
        let groups: Vec<&str> = int.split(',').collect();
        if groups[0].is_empty() || groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3) {
            return None;
        }
    }
    n.value = body.replace(',', "").parse().ok()?;
    n.plain_int = !body.contains([',', '.']) && !n.currency && !n.signed;
    let suffix = suffix.trim_start_matches('.');
    match suffix {
        "" => {}
        "%" => n.percent = true,
        "x" | "×" => n.times = true,
        "k" => scale(&mut n, 1e3),
        "m" | "mm" => scale(&mut n, 1e6),
        "b" | "bn" => scale(&mut n, 1e9),
        "ms" | "h" | "hrs" | "min" | "mins" => n.time_suffix = true,
        // "30s" is seconds; "1990s" is a decade.
        "s" if n.value < 100.0 => n.time_suffix = true,
        _ => return None,
    }
    if n.percent || n.times || n.scaled || n.time_suffix {
        n.plain_int = false;
    }
    Some(n)
}

fn scale(n: &mut Num, by: f64) {
    n.value *= by;
    n.scaled = true;
}

/// Spoken numbers: "twenty five", "twenty-five", "a hundred and fifty thousand",
/// "two point three million", "two dozen". A lone "a" is not a number.
fn spoken(toks: &[Token], i: usize) -> Option<Num> {
    let mut total = 0.0;
    let mut small = 0.0;
    let mut any = false;
    let mut scaled = false;
    let mut j = i;
    // the digits said after "point", and the zeros they start with ("point zero eight")
    let mut decimals: Option<(f64, i32)> = None;
    while let Some(t) = toks.get(j) {
        let w = t.norm.as_str();
        let hyphenated = is_hyphenated(w);
        let digit_next =
            toks.get(j + 1).is_some_and(|n| small_word(&n.norm).is_some_and(|v| v < 10.0));
        // whisper writes a decimal said aloud as "three-point one"
        let point_joined = w
            .strip_suffix("-point")
            .and_then(small_word)
            .filter(|&v| digit_next && decimals.is_none() && adds_up(small, v));
        let consumed = if j == i && (w == "a" || w == "an") {
            // Only "a hundred", "a thousand", "a million", "a dozen".
            let next = toks.get(j + 1).map(|n| n.norm.as_str()).unwrap_or("");
            if next == "hundred" || next == "dozen" || scale_word(next).is_some() {
                small = 1.0;
                true
            } else {
                return None;
            }
        } else if let Some(v) = point_joined {
            small += v;
            decimals = Some((0.0, 0));
            true
        } else if hyphenated {
            small += w.split('-').filter_map(small_word).sum::<f64>();
            true
        } else if let Some(v) = small_word(w) {
            if let Some((d, zeros)) = decimals.as_mut() {
                if *d == 0.0 && v == 0.0 {
                    *zeros += 1;
                }
                *d = *d * 10.0 + v;
            } else {
                if !adds_up(small, v) {
                    break;
                }
                small += v;
            }
            true
        } else if w == "hundred" && any && decimals.is_none() {
            small = if small == 0.0 { 100.0 } else { small * 100.0 };
            true
        } else if w == "dozen" && any && decimals.is_none() {
            small = if small == 0.0 { 12.0 } else { small * 12.0 };
            true
        } else if let Some(s) = scale_word(w).filter(|_| any) {
            let base = small + decimals.map_or(0.0, decimal_fraction);
            total += if base == 0.0 { 1.0 } else { base } * s;
            small = 0.0;
            decimals = None;
            scaled = true;
            true
        } else if w == "and"
            && any
            && decimals.is_none()
            && small % 1.0 == 0.0
            && toks.get(j + 1).is_some_and(|n| n.norm == "a")
            && toks.get(j + 2).is_some_and(|n| n.norm == "half")
        {
            // "five and a half percent", "two and a half million"
            small += 0.5;
            j += 2;
            true
        } else if w == "point" && any && decimals.is_none() && digit_next {
            decimals = Some((0.0, 0));
            true
        } else {
            w == "and"
                && any
                && toks
                    .get(j + 1)
                    .is_some_and(|n| small_word(&n.norm).is_some() || is_hyphenated(&n.norm))
                && (small >= 100.0 || scaled)
        };
        if !consumed {
            break;
        }
        any = true;
        j += 1;
        if t.clause_end {
            break;
        }
    }
    if !any || j == i {
        return None;
    }
    let value = total + small + decimals.map_or(0.0, decimal_fraction);
    Some(Num { value, len: j - i, scaled, words: true, ..Num::default() })
}

/// "thirty-six": a number said in words with a hyphen.
fn is_hyphenated(w: &str) -> bool {
    w.contains('-') && w.split('-').all(|p| small_word(p).is_some())
}

/// "twenty five" and "hundred and fifty" add up; "five twenty" is two numbers.
fn adds_up(small: f64, v: f64) -> bool {
    small % 100.0 == 0.0 || (small % 100.0 >= 20.0 && small % 10.0 == 0.0 && v < 10.0)
}

/// 3 → 0.3, 25 → 0.25, 8 after one zero → 0.08 (digits said after "point").
fn decimal_fraction((d, zeros): (f64, i32)) -> f64 {
    let mut f = d;
    while f >= 1.0 {
        f /= 10.0;
    }
    f / 10f64.powi(zeros)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tokens::tokenize;
    use crate::transcript::Transcript;

    fn num(text: &str) -> Option<(f64, usize)> {
        let toks = tokenize(&Transcript::from_text(text));
        parse(&toks, 0).map(|n| (n.value, n.len))
    }

    #[test]
    fn written_numbers() {
        assert_eq!(num("18%"), Some((18.0, 1)));
        assert_eq!(num("$2.3M"), Some((2_300_000.0, 1)));
        assert_eq!(num("10,000 users"), Some((10_000.0, 1)));
        assert_eq!(num("2.3 million dollars"), Some((2_300_000.0, 2)));
        assert_eq!(num("30K"), Some((30_000.0, 1)));
        assert_eq!(num("3.2x"), Some((3.2, 1)));
        assert_eq!(num("2.3.1"), None);
        assert_eq!(num("3rd"), None);
        assert_eq!(num("1990s"), None);
        assert!(num("30s").is_some());
    }

    #[test]
    fn spoken_numbers() {
        assert_eq!(num("twenty five percent"), Some((25.0, 2)));
        assert_eq!(num("twenty-five"), Some((25.0, 1)));
        // whisper's spelling of a decimal said aloud
        assert_eq!(num("three-point one percent"), Some((3.1, 2)));
        assert_eq!(num("an eight-point lift"), None);
        assert_eq!(num("a hundred and fifty thousand users"), Some((150_000.0, 5)));
        assert_eq!(num("two point three million dollars"), Some((2_300_000.0, 4)));
        assert_eq!(num("one point zero eight billion"), Some((1_080_000_000.0, 5)));
        assert_eq!(num("a hundred and thirty-six million euros"), Some((136_000_000.0, 5)));
        assert_eq!(num("five and a half percent"), Some((5.5, 4)));
        assert_eq!(num("two and a half million"), Some((2_500_000.0, 5)));
        assert_eq!(num("one lakh eighteen thousand farmers"), Some((118_000.0, 4)));
        assert_eq!(num("3 crore rupees"), Some((30_000_000.0, 2)));
        assert_eq!(num("three hundred orders"), Some((300.0, 2)));
        assert_eq!(num("two dozen"), Some((24.0, 2)));
        assert_eq!(num("a lot"), None);
        assert_eq!(num("one"), Some((1.0, 1)));
    }
}
