//! Precision and recall of each detector over the labelled answers in
//! tests/fixtures/answers (labelling rules in LABELS.md). Fails under 0.9.

use std::collections::BTreeMap;
use std::path::Path;

use barraiser::analysis::{analyze, Context, Lexicon};
use barraiser::round::Kind;
use barraiser::transcript::Transcript;
use serde::Deserialize;

use crate::scoring::{runs_inside, table, tally, Counts};

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
    runs_inside(&words(a), &words(b))
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
        let m = tally(&found, &label.metrics, overlaps, counts.entry("metrics").or_default());
        let found: Vec<String> = r.principles.iter().map(|p| p.name.clone()).collect();
        let p = tally(
            &found,
            &label.principles,
            |a, b| a == b,
            counts.entry("principles").or_default(),
        );
        let found: Vec<String> = r.vague.iter().map(|v| v.text.clone()).collect();
        let v = tally(&found, &label.vague, overlaps, counts.entry("vague").or_default());
        let found: Vec<String> = r.fillers.items.iter().map(|f| f.text.clone()).collect();
        let f = tally(
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
    print!("{}", table(&counts, 12));
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
