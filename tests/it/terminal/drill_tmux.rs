//! The drill screen records its own takes: the real binary on a real terminal (tmux),
//! espeak-ng speech played into a PulseAudio null sink, the real model, the real store.

use crate::needs;
use std::path::Path;

use crate::common::*;
use barraiser::store::Store;
use barraiser::transcript::Transcript;

const QUESTION: &str = "beh-dive-deep-data";
const FULL: &str = "When checkout conversion dropped by twelve percent, I took ownership of the funnel data myself. \
I wrote the queries, split them by device, and found that the Android payment page timed out for one in five users. \
I rebuilt the retry logic with two engineers, and conversion recovered within three weeks. This demonstrates Ownership.";
/// Shorter, but without the figures and the principle.
const SHORT: &str = "When checkout conversion dropped, I looked into the data. \
I found the Android payment page timed out, and I rebuilt the retry logic.";

/// The drill screen in a detached 90x30 tmux session, recording from `sink`.
fn drill(sink: Option<&NullSink>, data: &Path, env: &str, args: &str) -> Tmux {
    let source =
        sink.map(|s| format!("{}={}", s.source_env().0, s.source_env().1)).unwrap_or_default();
    let command = format!(
        "env {source} {env} BARRAISER_DATA={data} BARRAISER_CONFIG={data}/config BARRAISER_MODEL={model} \
         {bin} drill {args}; echo EXITED $?; sleep 30",
        data = data.display(),
        model = model_path().display(),
        bin = env!("CARGO_BIN_EXE_barraiser"),
    );
    Tmux::start(&format!("drill-{}", std::process::id() ^ args.len() as u32), 90, 30, &command)
}

/// The row of take `id` in the takes table.
fn row(screen: &str, id: i64) -> &str {
    let tag = format!("│#{id} ");
    screen
        .lines()
        .find(|l| l.contains(&tag))
        .unwrap_or_else(|| panic!("no row for take #{id}:\n{screen}"))
}

fn clock(seconds: f64) -> String {
    let s = seconds.round() as u64;
    format!("{}:{:02}", s / 60, s % 60)
}

#[test]
fn a_take_recorded_on_the_drill_screen_joins_the_drill_and_the_store() {
    needs!(Need::Model, Need::Sound, Need::Tmux, Need::Espeak);
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let first = seed_spoken_take(&data, QUESTION, FULL, "2026-11-20T09:00:00Z");
    let speech = dir.path().join("short.wav");
    speak(SHORT, &speech);
    let sink = NullSink::new("drill");
    let _whisper = whisper_lock();
    let tmux = drill(Some(&sink), &data, "", &format!("--question {QUESTION} --tighten --quiet"));

    // The seeded take landed under 3:00, so the drill aims at 2:30 now.
    let before = tmux.wait_for("r record a take", 30);
    row(&before, first);
    assert!(before.contains("now 2:30"), "{before}");
    tmux.keys(&["r"]);
    let recording = tmux.wait_for("Recording", 60);
    assert!(
        recording.contains("target 2:30"),
        "the clock runs against the drill's target:\n{recording}"
    );
    sink.play(&speech);
    tmux.keys(&["Space"]);
    let after = tmux.wait_for("saved:", 300);

    // The store has the take, filed as a drill take of the question, with its recording.
    let sessions: serde_json::Value =
        serde_json::from_str(&ok_in(&data, &["sessions", "--json"])).unwrap();
    let sessions = sessions.as_array().unwrap();
    assert_eq!(sessions.len(), 2, "{sessions:?}");
    let new = &sessions[0];
    let id = new["id"].as_i64().unwrap();
    assert_eq!(new["question_id"], QUESTION);
    assert_eq!(new["mode"], "drill");
    assert_eq!(new["status"], "complete");
    assert!(data.join(new["audio_path"].as_str().unwrap()).exists(), "{new}");
    let duration = new["duration_s"].as_f64().expect("a duration");
    let spoken = wav_seconds(&speech);
    assert!((duration - spoken).abs() < 2.5, "take of {duration} s for {spoken} s of speech");
    let attempt = Store::open(&data).unwrap().attempt(id).unwrap().unwrap();
    assert!(attempt.report.is_some());
    let transcript: Transcript =
        serde_json::from_value(attempt.transcript.clone().expect("a transcript")).unwrap();
    let recall = word_recall(SHORT, &transcript.text());
    assert!(recall >= 0.65, "recall {recall:.2}: {}", transcript.text());

    // The screen: one more take, its time and distance from the target it aimed at,
    // two bars in the sparkline, and the call-out for the emptier take.
    let distance = duration - 150.0;
    let shown = format!("-{}", clock(-distance));
    assert!(
        after.contains(&format!(
            "Take #{id} saved: {}, {shown} from the 2:30 target",
            clock(duration)
        )),
        "{after}"
    );
    let line = row(&after, id);
    assert!(
        line.contains(&clock(duration)) && line.contains("2:30") && line.contains(&shown),
        "{line}"
    );
    assert!(
        after.contains(&format!("#{id}: shorter by")) && after.contains("Ownership"),
        "{after}"
    );
    let spark = after.lines().find(|l| l.contains("Durations")).unwrap();
    assert_eq!(spark.split("Durations").nth(1).unwrap().trim().chars().count(), 2, "{spark}");
    assert!(
        after.contains("aim under 2:30"),
        "an emptier take does not tighten the target:\n{after}"
    );

    // ctrl-c in the middle of a take leaves, keeping the audio as a finished WAV, unsaved.
    tmux.keys(&["r"]);
    tmux.wait_for("0:02 / 3:00", 60);
    tmux.keys(&["C-c"]);
    assert!(tmux.wait_for("EXITED", 10).contains("EXITED 0"));
    let kept: Vec<_> = std::fs::read_dir(data.join("recordings"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.extension().is_some_and(|x| x == "wav")
                && !sessions.iter().any(|s| p.ends_with(s["audio_path"].as_str().unwrap()))
        })
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert!(wav_seconds(&kept[0]) >= 2.0);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&ok_in(&data, &["sessions", "--json"]))
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

#[test]
fn without_a_microphone_the_drill_says_so_and_stays_open() {
    needs!(Need::Model, Need::Sound, Need::Tmux, Need::Espeak);
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let tmux = drill(
        None,
        &data,
        "PULSE_SERVER=unix:/nonexistent/barraiser-no-server",
        &format!("--question {QUESTION}"),
    );
    let empty = tmux.wait_for("No takes yet: press r to record one.", 30);
    assert!(empty.contains("Takes: none yet"), "{empty}");
    tmux.keys(&["r"]);
    let screen = tmux.wait_for("Cannot record:", 30);
    assert!(!screen.contains("ALSA"), "{screen}");
    assert!(screen.contains("Takes: none yet"), "the drill stays open: {screen}");
    tmux.keys(&["q"]);
    assert!(tmux.wait_for("EXITED", 10).contains("EXITED 0"));
    assert_eq!(ok_in(&data, &["sessions", "--json"]).trim(), "[]");
}
