//! Text from an answer reaches the terminal without control sequences: a transcript
//! or typed answer carrying escape sequences (clear the screen, retitle the window, a
//! hyperlink, a bell) is printed by `review --print` and `analyze` with its words
//! and without its controls.

use barraiser::analysis::{analyze, Context, Lexicon};
use barraiser::bank::Bank;
use barraiser::store::{Mode, NewAttempt, Store};
use barraiser::transcript::Transcript;

use crate::common::*;

/// An answer with every kind of control in it, between ordinary words.
const DIRTY: &str = "I took ownership\u{1b}[2J\u{1b}[H of checkout.\u{1b}]0;pwned\u{7} \
I cut the delay by \u{1b}[31m40%\u{1b}[0m and\u{8}\r conversion rose \u{9b}6n3%. \
\u{1b}]8;;http://evil.example\u{1b}\\This demonstrates Ownership.\u{1b}]8;;\u{1b}\\\u{7}";

/// Control characters a terminal acts on (newline and tab are text).
fn controls(out: &str) -> Vec<char> {
    out.chars().filter(|c| c.is_control() && *c != '\n' && *c != '\t').collect()
}

#[test]
fn review_print_writes_a_stored_transcript_without_its_control_sequences() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let bank = Bank::load(None).unwrap();
    let question = bank.get("beh-dive-deep-data").unwrap();
    // Stored as it came, spoken at 2.5 words a second (a spoken take's review prints
    // its whole transcript): the escape sequences are in the transcript and the report.
    let mut t = Transcript::from_text(DIRTY);
    for (i, w) in t.words.iter_mut().enumerate() {
        w.start_s = Some(i as f64 * 0.4);
        w.end_s = Some(i as f64 * 0.4 + 0.3);
        w.probability = Some(0.9);
    }
    t.audio_duration_s = t.words.last().and_then(|w| w.end_s);
    let report = analyze(&t, &Context::for_question(question), &Lexicon::builtin());
    let report = serde_json::to_value(&report).unwrap();
    assert!(report.to_string().contains("\\u001b"), "the report quotes the raw answer");
    let mut attempt = NewAttempt::from_report(Mode::Practice, report).unwrap();
    attempt.question_id = Some(question.id.clone());
    attempt.transcript = Some(serde_json::to_value(&t).unwrap());
    let id = store.insert_attempt(&attempt).unwrap();

    let out = ok_in(dir.path(), &["review", "--print", &id.to_string()]);
    assert_eq!(controls(&out), Vec::<char>::new(), "{out:?}");
    for words in
        ["ownership of checkout.", "by 40% and conversion rose 3%.", "demonstrates Ownership"]
    {
        assert!(out.contains(words), "'{words}' is printed:\n{out}");
    }
    assert!(!out.contains("pwned") && !out.contains("evil.example"), "{out}");
    assert!(out.contains("Findings in order:"), "the rest of the review is there:\n{out}");
}

#[test]
fn analyze_prints_a_typed_answer_without_its_control_sequences_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let answer = dir.path().join("answer.txt");
    std::fs::write(&answer, DIRTY).unwrap();
    for format in ["text", "md", "json"] {
        let out = ok_in(dir.path(), &["analyze", "--format", format, answer.to_str().unwrap()]);
        assert_eq!(controls(&out), Vec::<char>::new(), "{format}: {out:?}");
        assert!(!out.contains("\\u001b") && !out.contains("pwned"), "{format}: {out}");
        assert!(out.contains("40%") && out.contains("Ownership"), "{format}: {out}");
    }
    let only = dir.path().join("controls.txt");
    std::fs::write(&only, "\u{1b}[2J \u{7} \u{1b}]0;t\u{7}").unwrap();
    let out = run(bin_in(dir.path()).arg("analyze").arg(&only));
    assert!(!out.status.success());
    assert!(stderr(&out).contains("has no words to analyse"), "{}", stderr(&out));
}
