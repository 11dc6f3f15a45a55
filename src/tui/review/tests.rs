use std::path::PathBuf;

use chrono::TimeZone;
use crossterm::event::{KeyCode, KeyEvent};

use super::*;
use crate::analysis::{analyze, Context, Lexicon};
use crate::round::Kind;

/// A timed answer (one word every 0.4 s) with a metric, a principle, a filler and a vague phrase.
fn review(audio: Option<PathBuf>) -> Review {
    let mut transcript = Transcript::from_text(
        "Um, we did a project on checkout. I cut the steps from five to two. Conversion rose 12% in six weeks. This demonstrates Ownership.",
    );
    for (i, w) in transcript.words.iter_mut().enumerate() {
        w.start_s = Some(i as f64 * 0.4);
        w.end_s = Some(i as f64 * 0.4 + 0.3);
    }
    let report = analyze(&transcript, &Context::for_kind(Kind::Behavioral), &Lexicon::builtin());
    Review::new(ReviewData {
        attempt_id: 3,
        title: "test".into(),
        started_at: Utc.with_ymd_and_hms(2026, 11, 20, 9, 0, 0).unwrap(),
        report,
        transcript,
        audio,
        since_previous: None,
    })
}

fn key(r: &mut Review, code: KeyCode) -> Action {
    r.handle_key(KeyEvent::from(code))
}

#[test]
fn n_and_shift_n_walk_the_findings_and_follow_them_to_their_line() {
    let mut r = review(None);
    let n = r.marks.findings.len();
    assert!(n >= 4, "{:?}", r.marks.findings);
    key(&mut r, KeyCode::Char('n'));
    assert!(r.message().unwrap().starts_with(&format!("1/{n}: filler")), "{:?}", r.message());
    assert_eq!(r.selected_line(), 0);
    for _ in 1..n {
        key(&mut r, KeyCode::Char('n'));
    }
    assert!(r.message().unwrap().starts_with(&format!("{n}/{n}")));
    assert_eq!(r.selected_line(), 3, "the last finding (the principle) is on the last sentence");
    key(&mut r, KeyCode::Char('n'));
    assert!(r.message().unwrap().starts_with(&format!("1/{n}")), "wraps around");
    key(&mut r, KeyCode::Char('N'));
    assert!(r.message().unwrap().starts_with(&format!("{n}/{n}")), "and back");
}

#[test]
fn space_plays_from_the_selected_line_and_stops() {
    let mut r = review(Some(PathBuf::from("answer.wav")));
    key(&mut r, KeyCode::Down);
    key(&mut r, KeyCode::Down);
    let from = r.lines[2].start_s.unwrap();
    assert_eq!(key(&mut r, KeyCode::Char(' ')), Action::Play(from));
    r.playback_started(from, "default");
    assert!(r.is_playing() && r.message().unwrap().contains("playing from"));
    assert_eq!(key(&mut r, KeyCode::Char(' ')), Action::Stop);
    r.playback_stopped(Some("cannot play: no audio output device".into()));
    assert!(!r.is_playing());
    assert_eq!(r.message(), Some("cannot play: no audio output device"));
    assert_eq!(key(&mut r, KeyCode::Char('q')), Action::Quit);
}

#[test]
fn without_a_recording_space_explains_instead_of_playing() {
    let mut r = review(None);
    assert_eq!(key(&mut r, KeyCode::Char(' ')), Action::None);
    assert!(r.message().unwrap().starts_with("no recording"));
    key(&mut r, KeyCode::End);
    assert_eq!(r.selected_line(), r.lines.len() - 1);
    key(&mut r, KeyCode::Home);
    assert_eq!(r.selected_line(), 0);
}
