//! The labelled answers in tests/fixtures/coaching, typed: no strong answer gets a
//! vague flag, every weak answer scores below every strong one of its round, and
//! principles named, results and vague phrases reach 0.95 precision and recall.
//! (`scripts/accuracy` prints the full figures, from text and from speech.)

use std::path::Path;

use barraiser::analysis::{analyze, Context, Lexicon, Report};
use barraiser::round::Kind;
use barraiser::transcript::Transcript;
use serde::Deserialize;

use crate::scoring::runs_inside;

const MIN: f64 = 0.95;

#[derive(Deserialize)]
struct File {
    answer: Vec<Answer>,
}

#[derive(Deserialize)]
struct Answer {
    id: String,
    quality: String,
    text: String,
    principles: Vec<String>,
    metrics: Vec<(String, String)>,
    vague: Vec<String>,
}

fn words(s: &str) -> Vec<String> {
    s.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

fn overlaps(a: &str, b: &str) -> bool {
    runs_inside(&words(a), &words(b))
}

/// (true positives, found, expected), pairing one to one.
fn tally(found: &[String], expected: &[String], same: fn(&str, &str) -> bool) -> [usize; 3] {
    let mut open: Vec<&String> = expected.iter().collect();
    let mut tp = 0;
    for f in found {
        if let Some(k) = open.iter().position(|e| same(f, e)) {
            open.remove(k);
            tp += 1;
        }
    }
    [tp, found.len(), expected.len()]
}

/// The labelled answers in `dir` (under the crate), with their round.
fn read(dir: &str) -> Vec<(Kind, Answer)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut out = Vec::new();
    for kind in [Kind::Behavioral, Kind::Product, Kind::Analytical, Kind::SystemDesign] {
        let text = std::fs::read_to_string(dir.join(format!("{kind}.toml"))).unwrap();
        let file: File = toml::from_str(&text).unwrap();
        out.extend(file.answer.into_iter().map(|a| (kind, a)));
    }
    out
}

fn answers() -> Vec<(Kind, Answer, Report)> {
    let lex = Lexicon::builtin();
    read("tests/fixtures/coaching")
        .into_iter()
        .map(|(kind, a)| {
            let r = analyze(&Transcript::from_text(&a.text), &Context::for_kind(kind), &lex);
            (kind, a, r)
        })
        .collect()
}

/// A metric or vague phrase its answer does not say could never be found: labels quote
/// their answer, in the corpus and in the answers held out from it.
#[test]
fn every_label_quotes_its_answer() {
    for dir in ["tests/fixtures/coaching", "tests/fixtures/coaching/held-out"] {
        let all = read(dir);
        assert!(all.len() >= 16, "{dir}: {} answers", all.len());
        for (_, a) in all {
            let text = a.text.to_lowercase();
            let quoted = a.metrics.iter().map(|(m, _)| m).chain(&a.vague);
            for label in quoted {
                assert!(text.contains(&label.to_lowercase()), "{}: {label:?} is not in it", a.id);
            }
        }
    }
}

#[test]
fn the_corpus_is_large_enough_and_covers_every_round() {
    let all = answers();
    assert!(all.len() >= 60, "{} answers", all.len());
    for kind in [Kind::Behavioral, Kind::Product, Kind::Analytical, Kind::SystemDesign] {
        assert!(all.iter().filter(|(k, ..)| *k == kind).count() >= 10, "{kind}");
    }
}

#[test]
fn detectors_reach_the_targets_from_text() {
    let mut sums = [[0usize; 3]; 3];
    for (_, a, r) in answers() {
        let named: Vec<String> =
            r.principles.iter().filter(|p| p.explicit).map(|p| p.name.clone()).collect();
        let found: Vec<String> =
            r.metrics.iter().filter(|m| m.role == "result").map(|m| m.text.clone()).collect();
        let want: Vec<String> =
            a.metrics.iter().filter(|(_, r)| r == "result").map(|(m, _)| m.clone()).collect();
        let vague: Vec<String> = r.vague.iter().map(|v| v.text.clone()).collect();
        for (k, t) in [
            tally(&named, &a.principles, |x, y| x == y),
            tally(&found, &want, overlaps),
            tally(&vague, &a.vague, overlaps),
        ]
        .into_iter()
        .enumerate()
        {
            for j in 0..3 {
                sums[k][j] += t[j];
            }
        }
    }
    for (name, [tp, found, expected]) in ["principles", "results", "vague"].iter().zip(sums) {
        let p = tp as f64 / found.max(1) as f64;
        let r = tp as f64 / expected.max(1) as f64;
        println!("{name}: precision {p:.3} recall {r:.3}");
        assert!(p >= MIN && r >= MIN, "{name}: precision {p:.3}, recall {r:.3}");
    }
}

#[test]
fn no_strong_answer_is_called_vague() {
    for (_, a, r) in answers().iter().filter(|(_, a, _)| a.quality == "strong") {
        assert!(r.vague.is_empty(), "{}: {:?}", a.id, r.vague);
    }
}

#[test]
fn every_weak_answer_scores_below_every_strong_one_of_its_round() {
    let all = answers();
    for (kind, weak, wr) in all.iter().filter(|(_, a, _)| a.quality == "weak") {
        for (_, strong, sr) in all.iter().filter(|(k, a, _)| k == kind && a.quality == "strong") {
            assert!(
                wr.score.overall < sr.score.overall,
                "{} ({}) is not below {} ({})",
                weak.id,
                wr.score.overall,
                strong.id,
                sr.score.overall
            );
        }
    }
}
