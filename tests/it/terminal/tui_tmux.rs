//! The real binary on a real terminal (tmux): pick a question, answer it out loud
//! (espeak-ng speech played into a PulseAudio null sink), stop, read the report, go
//! from it to the review, a replay, the drill, a comparison, an export and a follow-up
//! answered aloud and back, quit, and find the terminal given back.

use crate::needs;
use std::time::Duration;

use crate::common::*;

/// Starts the practice screen in a detached 80x24 tmux session.
fn start(sink: &NullSink, data: &std::path::Path, args: &str) -> Tmux {
    let (key, value) = sink.source_env();
    let command = format!(
        "env {key}={value} BARRAISER_DATA={data} BARRAISER_MODEL={model} {bin} practice {args}; echo EXITED $?; sleep 30",
        data = data.display(),
        model = model_path().display(),
        bin = env!("CARGO_BIN_EXE_barraiser"),
    );
    Tmux::start(&sink.name, 80, 24, &command)
}

/// The text clock under the bar, e.g. "0:04 / 3:00", in seconds.
fn shown_seconds(screen: &str) -> u64 {
    let at = screen.find(" / 3:00").unwrap_or_else(|| panic!("no clock:\n{screen}"));
    let clock = screen[..at].rsplit(|c: char| !(c.is_ascii_digit() || c == ':')).next().unwrap();
    let (m, s) = clock.split_once(':').unwrap();
    m.parse::<u64>().unwrap() * 60 + s.parse::<u64>().unwrap()
}

#[test]
fn pause_stops_the_clock_and_cancel_keeps_the_audio() {
    needs!(Need::Model, Need::Sound, Need::Tmux, Need::Espeak);
    let dir = tempfile::tempdir().unwrap();
    let sink = NullSink::new("pause");
    let tmux = start(&sink, &dir.path().join("data"), "--question beh-dive-deep-data --quiet");
    tmux.wait_for("Pick a question", 30);
    tmux.keys(&["Enter"]);
    tmux.wait_for("Recording", 60);
    tmux.wait_for("0:02 / 3:00", 20);
    tmux.keys(&["p"]);
    let paused = shown_seconds(&tmux.wait_for("Paused", 5));
    std::thread::sleep(Duration::from_secs(3));
    let later = shown_seconds(&tmux.capture());
    assert!(later <= paused + 1, "the clock ran on while paused: {paused} -> {later}");
    tmux.keys(&["p"]);
    tmux.wait_for(&format!("0:{:02} / 3:00", later + 2), 20);
    tmux.keys(&["Escape"]);
    let cancelled = tmux.wait_for("Take cancelled", 10);
    assert!(cancelled.contains("s of audio kept in"), "{cancelled}");
    let wavs: Vec<_> = std::fs::read_dir(dir.path().join("data/recordings"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "wav"))
        .collect();
    assert_eq!(wavs.len(), 1, "{wavs:?}");
    let kept = wav_seconds(&wavs[0]);
    assert!(kept >= (later + 2) as f64 - 0.5 && kept < (later + 5) as f64, "kept {kept} s");
    tmux.keys(&["d"]);
    tmux.wait_for("Pick a question", 10);
    assert!(!wavs[0].exists(), "discard deletes the audio");
    tmux.keys(&["q"]);
    assert!(tmux.wait_for("EXITED", 10).contains("EXITED 0"));
}

#[test]
fn from_the_report_to_review_replay_drill_compare_export_and_a_follow_up() {
    needs!(Need::Model, Need::Sound, Need::Tmux, Need::Espeak);
    let dir = tempfile::tempdir().unwrap();
    let speech = dir.path().join("answer.wav");
    speak(
        "I took ownership of our slow checkout. I cut the payment time by forty percent, \
         and conversion rose by three percent in two months.",
        &speech,
    );
    let follow = dir.path().join("follow.wav");
    speak("The data showed that one payment provider timed out for one user in five.", &follow);
    let sink = NullSink::new("tmux");
    let _whisper = whisper_lock();
    let data = dir.path().join("data");
    let tmux = start(&sink, &data, "--kind behavioral --quiet");

    let screen = tmux.wait_for("Pick a question", 30);
    assert!(screen.contains("behavioral ·"), "{screen}");
    tmux.keys(&["?"]);
    tmux.wait_for("Keys", 10);
    tmux.keys(&["x"]);
    tmux.wait_for("enter start", 10);
    tmux.keys(&["Down", "Enter"]);
    tmux.wait_for("Recording", 30);
    sink.play(&speech);
    tmux.wait_for("level", 5);
    tmux.keys(&["Space"]);
    let report = tmux.wait_for("saved · ready", 300);
    assert!(report.contains("Report ·") && report.contains("Results"), "{report}");
    assert!(report.contains("t transcript · space replay"), "{report}");

    // t: the review of this take, esc: back to the report.
    tmux.keys(&["t"]);
    let review = tmux.wait_for("Transcript", 10);
    assert!(review.contains("ownership") || review.contains("Ownership"), "{review}");
    tmux.keys(&["Escape"]);
    tmux.wait_for("saved · ready", 10);
    // space: the take plays back on the sound server, space again stops it.
    tmux.keys(&["Space"]);
    tmux.wait_for("playing your answer", 10);
    tmux.keys(&["Space"]);
    tmux.wait_for("Stopped.", 10);
    // d: the drill of this question, with this take in it.
    tmux.keys(&["d"]);
    let drill = tmux.wait_for("Drill", 10);
    assert!(drill.contains("#1"), "{drill}");
    tmux.keys(&["Escape"]);
    tmux.wait_for("saved · ready", 10);
    // c: the first take of its question has nothing to compare with, and says so.
    tmux.keys(&["c"]);
    tmux.wait_for("nothing to compare with yet", 10);
    // e: a page in the data directory.
    tmux.keys(&["e"]);
    tmux.wait_for("Exported to", 10);
    assert!(data.join("exports/session-1.html").is_file());
    // f: the interviewer's follow-up, answered aloud as a take of its own.
    tmux.keys(&["f"]);
    let asked = tmux.wait_for("Recording", 30);
    assert!(asked.contains("follow-up-1") && asked.contains("of 1:30"), "{asked}");
    sink.play(&follow);
    tmux.keys(&["Space"]);
    let answered = tmux.wait_for("saved · ready", 300);
    assert!(answered.contains("session 2 saved"), "{answered}");
    // c now compares the follow-up with nothing before it either, r retries it: both reachable.
    tmux.keys(&["q"]);
    let after = tmux.wait_for("EXITED", 10);
    assert!(after.contains("EXITED 0"), "{after}");
    // Back on the normal screen: the report's frame is gone.
    assert!(!after.contains("Report ·"), "{after}");
    let sessions = ok_in(&data, &["sessions", "--json"]);
    let sessions: serde_json::Value = serde_json::from_str(&sessions).unwrap();
    let rows = sessions.as_array().unwrap();
    assert_eq!(rows.len(), 2, "{sessions}");
    assert_eq!(
        rows[0]["session_id"], rows[1]["session_id"],
        "the follow-up is filed with its answer"
    );
}

#[test]
fn analyse_anyway_after_cancel_uses_what_was_already_transcribed() {
    needs!(Need::Model, Need::Sound, Need::Tmux, Need::Espeak);
    let dir = tempfile::tempdir().unwrap();
    let speech = dir.path().join("answer.wav");
    speak(
        "I led the checkout rewrite and conversion rose by three percent in two months.",
        &speech,
    );
    let sink = NullSink::new("anyway");
    let _whisper = whisper_lock();
    let tmux = start(&sink, &dir.path().join("data"), "--question beh-dive-deep-data --quiet");
    tmux.wait_for("Pick a question", 30);
    tmux.keys(&["Enter"]);
    tmux.wait_for("Recording", 60);
    sink.play(&speech);
    std::thread::sleep(Duration::from_secs(2));
    tmux.keys(&["Escape"]);
    // The dialog and its footer are drawn in turn: wait for the key, then read the dialog.
    let cancelled = tmux.wait_for("a analyse anyway", 10);
    assert!(cancelled.contains("Take cancelled"), "{cancelled}");
    tmux.keys(&["a"]);
    let report = tmux.wait_for("saved · ready", 120);
    assert!(report.contains("Results 1") && report.contains("3%"), "{report}");
    tmux.keys(&["q"]);
    assert!(tmux.wait_for("EXITED", 10).contains("EXITED 0"));
}
