//! Precision and recall of each detector over the labelled answers in
//! tests/fixtures/answers (labelling rules in LABELS.md). Fails under 0.9.

use std::collections::BTreeMap;
use std::path::Path;

use barraiser::analysis::{analyze, Context, Lexicon};
use barraiser::round::Kind;
use barraiser::transcript::Transcript;
use serde::Deserialize;

const MIN: f64 = 0.9;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Label {
    kind: Option<Kind>,
    metrics: Vec<String>,
    principles: Vec<String>,
    vague: Vec<String>,
    fillers: Vec<String>,
}

#[derive(Default)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Counts {
    fn precision(&self) -> f64 {
        if self.tp + self.fp == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        }
    }
    fn recall(&self) -> f64 {
        if self.tp + self.fn_ == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        }
    }
}

fn words(s: &str) -> Vec<String> {
    s.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !(c.is_alphanumeric() || "$%+".contains(c))).to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// One phrase matches another when either one's words run inside the other's.
fn overlaps(a: &str, b: &str) -> bool {
    let (a, b) = (words(a), words(b));
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    !short.is_empty() && long.windows(short.len()).any(|w| w == short.as_slice())
}

/// Pairs found with expected one to one; returns the misses on both sides.
fn score(
    found: &[String],
    expected: &[String],
    same: fn(&str, &str) -> bool,
    c: &mut Counts,
) -> (Vec<String>, Vec<String>) {
    let mut open: Vec<&String> = expected.iter().collect();
    let mut extra = Vec::new();
    for f in found {
        match open.iter().position(|e| same(f, e)) {
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

#[test]
fn detectors_reach_the_bar_on_labelled_answers() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/answers");
    let lex = Lexicon::builtin();
    let mut counts: BTreeMap<&str, Counts> = BTreeMap::new();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    assert!(files.len() >= 30, "at least 30 labelled answers, found {}", files.len());
    let mut misses = Vec::new();
    for label_path in &files {
        let name = label_path.file_stem().unwrap().to_string_lossy().into_owned();
        let label: Label = toml::from_str(&std::fs::read_to_string(label_path).unwrap())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let text = std::fs::read_to_string(label_path.with_extension("txt")).unwrap();
        let ctx = Context::for_kind(label.kind.unwrap_or(Kind::Behavioral));
        let r = analyze(&Transcript::from_text(&text), &ctx, &lex);

        let found: Vec<String> = r.metrics.iter().map(|m| m.text.clone()).collect();
        let m = score(&found, &label.metrics, overlaps, counts.entry("metrics").or_default());
        let found: Vec<String> = r.principles.iter().map(|p| p.name.clone()).collect();
        let p = score(
            &found,
            &label.principles,
            |a, b| a == b,
            counts.entry("principles").or_default(),
        );
        let found: Vec<String> = r.vague.iter().map(|v| v.text.clone()).collect();
        let v = score(&found, &label.vague, overlaps, counts.entry("vague").or_default());
        let found: Vec<String> = r.fillers.items.iter().map(|f| f.text.clone()).collect();
        let f = score(
            &found,
            &label.fillers,
            |a, b| a.eq_ignore_ascii_case(b),
            counts.entry("fillers").or_default(),
        );
        for (det, (extra, missed)) in
            [("metrics", m), ("principles", p), ("vague", v), ("fillers", f)]
        {
            if !extra.is_empty() || !missed.is_empty() {
                misses.push(format!("  {name} {det}: wrong {extra:?} missed {missed:?}"));
            }
        }
    }
    println!("{} labelled answers", files.len());
    println!(
        "{:<12} {:>5} {:>5} {:>5} {:>9} {:>7}",
        "detector", "tp", "fp", "fn", "precision", "recall"
    );
    for (det, c) in &counts {
        println!(
            "{det:<12} {:>5} {:>5} {:>5} {:>9.3} {:>7.3}",
            c.tp,
            c.fp,
            c.fn_,
            c.precision(),
            c.recall()
        );
    }
    if !misses.is_empty() {
        println!("disagreements with the labels:\n{}", misses.join("\n"));
    }
    for (det, c) in &counts {
        assert!(
            c.precision() >= MIN && c.recall() >= MIN,
            "{det}: precision {:.3}, recall {:.3} (need {MIN})",
            c.precision(),
            c.recall()
        );
    }
}
