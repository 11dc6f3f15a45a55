//! The real binary on a real terminal (tmux): pick a question, answer it out loud
//! (espeak-ng speech played into a PulseAudio null sink), stop, read the report, quit,
//! and find the terminal given back.

mod common;

use std::time::Duration;

use common::*;

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
fn pick_answer_stop_report_quit() {
    let dir = tempfile::tempdir().unwrap();
    let speech = dir.path().join("answer.wav");
    speak(
        "I took ownership of our slow checkout. I cut the payment time by forty percent, \
         and conversion rose by three percent in two months.",
        &speech,
    );
    let sink = NullSink::new("tmux");
    let _whisper = whisper_lock();
    let tmux = start(&sink, &dir.path().join("data"), "--kind behavioral --quiet");

    let screen = tmux.wait_for("Pick a question", 30);
    assert!(screen.contains("behavioral ·"), "{screen}");
    tmux.keys(&["?"]);
    tmux.wait_for("Keys (any key closes)", 10);
    tmux.keys(&["x"]);
    tmux.wait_for("enter start", 10);
    tmux.keys(&["Down", "Enter"]);
    tmux.wait_for("Recording", 30);
    sink.play(&speech);
    tmux.wait_for("level", 5);
    tmux.keys(&["Space"]);
    let report = tmux.wait_for("saved · ready", 300);
    assert!(report.contains("Report ·"), "{report}");
    assert!(report.contains("Metrics"), "{report}");
    assert!(report.contains("Ownership"), "{report}");
    tmux.keys(&["q"]);
    let after = tmux.wait_for("EXITED", 10);
    assert!(after.contains("EXITED 0"), "{after}");
    // Back on the normal screen: the report's frame is gone.
    assert!(!after.contains("Report ·"), "{after}");
}
