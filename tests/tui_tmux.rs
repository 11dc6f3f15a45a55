//! The real binary on a real terminal (tmux): pick a question, answer it out loud
//! (espeak-ng speech played into a PulseAudio null sink), stop, read the report, quit,
//! and find the terminal given back.

mod common;

use std::process::Command;
use std::time::{Duration, Instant};

use common::*;

struct Tmux(String);

impl Tmux {
    fn capture(&self) -> String {
        stdout(&run(Command::new("tmux").args(["capture-pane", "-p", "-t", &self.0])))
    }

    fn keys(&self, keys: &[&str]) {
        let out = run(Command::new("tmux").args(["send-keys", "-t", &self.0]).args(keys));
        assert!(out.status.success(), "{}", stderr(&out));
    }

    /// Waits until the screen shows `text`; panics with the screen after `secs`.
    fn wait_for(&self, text: &str, secs: u64) -> String {
        let start = Instant::now();
        loop {
            let screen = self.capture();
            if screen.contains(text) {
                return screen;
            }
            assert!(start.elapsed() < Duration::from_secs(secs), "no '{text}' after {secs} s:\n{screen}");
            std::thread::sleep(Duration::from_millis(200));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux").args(["kill-session", "-t", &self.0]).status();
    }
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
    let (key, value) = sink.source_env();
    let name = format!("barraiser-test-{}", std::process::id());
    let command = format!(
        "env {key}={value} BARRAISER_DATA={data} BARRAISER_MODEL={model} {bin} practice --kind behavioral --quiet; echo EXITED $?; sleep 30",
        data = dir.path().join("data").display(),
        model = model_path().display(),
        bin = env!("CARGO_BIN_EXE_barraiser"),
    );
    let _whisper = whisper_lock();
    let out = run(Command::new("tmux").args(["new-session", "-d", "-s", &name, "-x", "80", "-y", "24", &command]));
    assert!(out.status.success(), "{}", stderr(&out));
    let tmux = Tmux(name);

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
