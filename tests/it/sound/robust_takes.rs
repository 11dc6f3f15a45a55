//! Takes that are never lost or mixed up, against real parts (PulseAudio, the real
//! model, real files): two practices in the same second, a user's file replaced
//! after a crash, and a crashed take analysed without the screen.

use crate::needs;
use std::io::Read;
use std::time::Duration;

use crate::common::*;
use barraiser::store::{AttemptFilter, Status, Store};

const QUESTION: &str = "beh-dive-deep-data";

#[test]
fn two_practices_of_one_question_in_the_same_second_get_their_own_files() {
    needs!(Need::Model, Need::Sound, Need::Espeak);
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let recordings = data.join("recordings");
    std::fs::create_dir_all(&recordings).unwrap();
    // Whatever second they start in, the name they both want is already taken, so
    // both go for the same next name.
    let now = chrono::Utc::now();
    for s in 0..20 {
        let stamp = (now + chrono::Duration::seconds(s)).format("%Y%m%d-%H%M%S");
        std::fs::write(recordings.join(format!("{stamp}-{QUESTION}.wav")), b"").unwrap();
    }
    let sink = NullSink::new("twice");
    let (key, value) = sink.source_env();
    let _whisper = whisper_lock();
    let children: Vec<_> = (0..2)
        .map(|_| {
            bin_in(&data)
                .args(["practice", "--no-tui", "--question", QUESTION, "--seconds", "2"])
                .env(key, &value)
                .env("BARRAISER_MODEL", model_path())
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let said: Vec<String> =
        children.into_iter().map(|c| stderr(&c.wait_with_output().unwrap())).collect();
    let store = Store::open(&data).unwrap();
    let attempts = store.attempts(&AttemptFilter::default()).unwrap();
    assert_eq!(attempts.len(), 2, "{said:?}");
    let files: Vec<_> = attempts.iter().map(|a| store.audio_file(a).unwrap()).collect();
    assert_ne!(files[0], files[1], "{said:?}");
    for f in &files {
        assert!(wav_seconds(f) > 1.0, "{f:?}: {said:?}");
    }
    let markers = std::fs::read_dir(&recordings)
        .unwrap()
        .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().ends_with(".json"))
        .count();
    assert_eq!(markers, 0, "both markers are settled: {said:?}");
}

#[test]
fn a_replaced_file_outside_the_data_directory_survives_recovery() {
    needs!(Need::Model, Need::Sound, Need::Espeak);
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mine = dir.path().join("v");
    std::fs::create_dir_all(&mine).unwrap();
    let answer = mine.join("answer.wav");
    let sink = NullSink::new("replaced");
    let (key, value) = sink.source_env();
    let (mut child, _err, _said) = spawn_recording(
        bin_in(&data).args(["record", "--seconds", "30", "--out"]).arg(&answer).env(key, &value),
    );
    std::thread::sleep(Duration::from_secs(2));
    child.kill().unwrap(); // SIGKILL: the marker stays
    child.wait().unwrap();
    // The user puts another file in its place: a FLAC renamed .wav.
    let flac = mine.join("song.flac");
    sox(&["-n", "-r", "16000", flac.to_str().unwrap(), "synth", "1", "sine", "440"]);
    let flac_bytes = std::fs::read(&flac).unwrap();
    std::fs::rename(&flac, &answer).unwrap();

    let out = run(bin_in(&data)
        .args(["record", "--seconds", "1", "--out"])
        .arg(mine.join("other.wav"))
        .env(key, &value));
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stderr(&out);
    assert!(said.contains("left") && said.contains("answer.wav alone"), "{said}");
    assert_eq!(std::fs::read(&answer).unwrap(), flac_bytes, "the user's file is untouched");
}

#[test]
fn a_crashed_take_is_analysed_by_recover_dated_when_recorded_and_filed_interrupted() {
    needs!(Need::Model, Need::Sound, Need::Espeak);
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let speech = dir.path().join("answer.wav");
    speak(
        "I took ownership of our checkout. I found that forty percent of the delay came from \
         the payment service, and conversion increased by two percent.",
        &speech,
    );
    let sink = NullSink::new("recover");
    let (key, value) = sink.source_env();
    let _whisper = whisper_lock();
    // The marker keeps whole seconds.
    let before = chrono::Utc::now() - chrono::Duration::seconds(1);
    let (mut child, _err, _said) = spawn_recording(
        bin_in(&data)
            .args(["practice", "--no-tui", "--question", QUESTION, "--seconds", "60"])
            .env(key, &value)
            .env("BARRAISER_MODEL", model_path()),
    );
    sink.play(&speech);
    std::thread::sleep(Duration::from_secs(1));
    child.kill().unwrap();
    child.wait().unwrap();
    let killed = chrono::Utc::now();
    std::thread::sleep(Duration::from_secs(2));

    let mut recover = bin_in(&data)
        .args(["recover", "--format", "json"])
        .env("BARRAISER_MODEL", model_path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut json = String::new();
    recover.stdout.take().unwrap().read_to_string(&mut json).unwrap();
    let out = recover.wait_with_output().unwrap();
    let said = stderr(&out);
    assert!(out.status.success(), "{said}");
    assert!(said.contains("Saved session 1"), "{said}");
    let report: serde_json::Value =
        serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {json}"));
    assert_eq!(report["question_id"], QUESTION);

    let store = Store::open(&data).unwrap();
    let attempts = store.attempts(&AttemptFilter::default()).unwrap();
    assert_eq!(attempts.len(), 1);
    let a = &attempts[0];
    assert_eq!(a.status, Status::Interrupted);
    // Dated when it was recorded, not when it was analysed (after `killed`).
    assert!(
        before <= a.started_at && a.started_at <= killed,
        "dated {} but recorded between {before} and {killed}",
        a.started_at
    );
    assert!(a.report.is_some() && store.audio_file(a).unwrap().exists());
    // Nothing is offered twice, whichever way it is asked for.
    let again = run(bin_in(&data).args(["recover", "--list"]));
    assert!(stderr(&again).contains("No interrupted recordings"), "{}", stderr(&again));
    let again = run(bin_in(&data).args(["practice", "--no-tui", "--recover"]));
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(stderr(&again).contains("No interrupted recordings"), "{}", stderr(&again));
}
