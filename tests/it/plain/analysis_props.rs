//! No input makes the analysis panic: arbitrary text, arbitrary timed transcripts.

use barraiser::analysis::{analyze, Context, Lexicon};
use barraiser::report::{render_json, render_markdown, render_text};
use barraiser::round::Kind;
use barraiser::transcript::{Silence, Transcript, Word};
use proptest::prelude::*;

fn kind() -> impl Strategy<Value = Kind> {
    prop::sample::select(Kind::ALL.to_vec())
}

/// Words drawn from the vocabulary the detectors react to, plus arbitrary strings.
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "I",
            "we",
            "owned",
            "from",
            "to",
            "18%",
            "$2.3M",
            "twenty",
            "five",
            "percent",
            "hundred",
            "and",
            "a",
            "point",
            "three",
            "times",
            "faster",
            "cut",
            "in",
            "half",
            "—",
            "1)",
            "2019",
            "like,",
            "um",
            "you",
            "know",
            "kind",
            "of",
            "a",
            "lot",
            "Ownership.",
            "dive",
            "deep",
            "NPS",
            "+12",
            "stars",
            "weeks",
            "-",
            "3-month",
            "",
        ])
        .prop_map(String::from),
        ".{0,12}",
    ]
}

fn float() -> impl Strategy<Value = Option<f64>> {
    prop_oneof![
        Just(None),
        (-10.0f64..400.0).prop_map(Some),
        Just(Some(f64::NAN)),
        Just(Some(f64::INFINITY)),
        Just(Some(-0.0)),
    ]
}

fn timed_word() -> impl Strategy<Value = Word> {
    (word(), float(), float()).prop_map(|(text, start_s, end_s)| Word {
        text,
        start_s,
        end_s,
        probability: None,
    })
}

fn check(t: &Transcript, kind: Kind) {
    let lex = Lexicon::builtin();
    let r = analyze(t, &Context::for_kind(kind), &lex);
    assert!((1.0..=4.0).contains(&r.score.overall), "{:?}", r.score);
    assert!(r.followups.len() <= 4);
    for m in &r.metrics {
        assert!(m.span.word_index + m.span.word_count <= t.words.len().max(1));
    }
    render_text(&r, t, true);
    render_markdown(&r, t);
    let json = render_json(&r);
    let back: barraiser::analysis::Report = serde_json::from_str(&json).unwrap();
    assert_eq!(back.words, r.words);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_user_word_lists(phrase in "\\PC{0,30}", suggestion in "\\PC{0,30}", text in "\\PC{0,200}") {
        let file = format!("fillers = [{phrase:?}]\n[[vague]]\nphrases = [{phrase:?}]\nsuggestion = {suggestion:?}\n");
        if let Ok(lex) = Lexicon::with_user_file(&file) {
            analyze(&Transcript::from_text(&text), &Context::for_kind(Kind::Behavioral), &lex);
        }
        let _ = Lexicon::with_user_file(&text);
    }

    #[test]
    fn arbitrary_text(text in "\\PC{0,400}", kind in kind()) {
        check(&Transcript::from_text(&text), kind);
    }

    #[test]
    fn arbitrary_word_soup(words in prop::collection::vec(word(), 0..120), kind in kind()) {
        check(&Transcript::from_text(&words.join(" ")), kind);
    }

    #[test]
    fn arbitrary_timed_transcripts(
        words in prop::collection::vec(timed_word(), 0..150),
        silences in prop::collection::vec((-5.0f64..400.0, -1.0f64..20.0), 0..6),
        kind in kind(),
    ) {
        let silences = silences.into_iter().map(|(start_s, duration_s)| Silence { start_s, duration_s }).collect();
        check(&Transcript { words, silences, ..Default::default() }, kind);
    }
}
