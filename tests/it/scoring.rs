//! Scoring detectors against labels: matching what was found with what was expected,
//! one to one, and precision and recall. Shared by the labelled-answer tests and
//! `examples/accuracy.rs` (which includes this file by path).

/// True and false positives and negatives of one detector.
#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
}

/// One row per detector: counts, precision and recall, the names padded to `width`.
pub fn table(counts: &std::collections::BTreeMap<&str, Counts>, width: usize) -> String {
    let mut out = format!(
        "{:<width$} {:>4} {:>4} {:>4} {:>9} {:>7}\n",
        "detector", "tp", "fp", "fn", "precision", "recall"
    );
    for (det, c) in counts {
        out.push_str(&format!(
            "{det:<width$} {:>4} {:>4} {:>4} {:>9.3} {:>7.3}\n",
            c.tp,
            c.fp,
            c.fn_,
            c.precision(),
            c.recall()
        ));
    }
    out
}

/// Nothing to find counts as all found.
pub fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// Pairs found with expected one to one, counting into `c`; returns what was found
/// but not expected, and what was expected but not found.
pub fn tally(
    found: &[String],
    expected: &[String],
    same: impl Fn(&str, &str) -> bool,
    c: &mut Counts,
) -> (Vec<String>, Vec<String>) {
    let mut open: Vec<&String> = expected.iter().collect();
    let mut extra = Vec::new();
    // Of the labels a finding matches, it takes the one sharing most words with it, so
    // "10 times" pairs with "ten times more" and not with "ten minutes".
    let shared = |a: &str, b: &str| {
        let words =
            |s: &str| s.to_lowercase().split_whitespace().map(str::to_string).collect::<Vec<_>>();
        let b = words(b);
        words(a).iter().filter(|w| b.contains(w)).count()
    };
    for f in found {
        let best = open
            .iter()
            .enumerate()
            .filter(|(_, e)| same(f, e))
            .max_by_key(|&(k, e)| (shared(f, e), std::cmp::Reverse(k)))
            .map(|(k, _)| k);
        match best {
            Some(k) => {
                open.remove(k);
                c.tp += 1;
            }
            None => {
                extra.push(f.clone());
                c.fp += 1;
            }
        }
    }
    c.fn_ += open.len();
    (extra, open.into_iter().cloned().collect())
}

/// The same phrase, as a finding and a label may cut it: one's words run inside the
/// other's (either way), or the run they share is more than half of each ("was heavily
/// involved in" and "I was heavily involved").
pub fn runs_inside(a: &[String], b: &[String]) -> bool {
    let shared = longest_shared_run(a, b);
    let shorter = a.len().min(b.len());
    shorter > 0 && (shared == shorter || (2 * shared > a.len() && 2 * shared > b.len()))
}

fn longest_shared_run(a: &[String], b: &[String]) -> usize {
    let mut best = 0;
    for i in 0..a.len() {
        for j in 0..b.len() {
            let run = a[i..].iter().zip(&b[j..]).take_while(|(x, y)| x == y).count();
            best = best.max(run);
        }
    }
    best
}
