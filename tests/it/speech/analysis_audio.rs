//! `barraiser analyze` on a recorded answer: speech made with espeak-ng, transcribed
//! by the real whisper model, then coached.

use crate::common;
use crate::common::Need;
use crate::needs;
use common::{bin, model_path, run, speak, stderr, whisper_lock};

#[test]
fn a_spoken_answer_is_transcribed_timed_and_coached() {
    needs!(Need::Model, Need::Espeak);
    let dir = tempfile::tempdir().unwrap();
    let wav = dir.path().join("answer.wav");
    speak(
        "I owned the launch of our new checkout page. Conversion was falling, so I ran three tests in two weeks. \
         Checkout got eighteen percent faster and revenue grew by two million dollars. This demonstrates Ownership.",
        &wav,
    );
    let out = {
        let _lock = whisper_lock();
        run(bin()
            .args(["analyze", "--json", "--model"])
            .arg(model_path())
            .arg(&wav)
            .env("BARRAISER_CONFIG", dir.path()))
    };
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let duration = v["duration_s"].as_f64().expect("speech is timed");
    assert!((8.0..30.0).contains(&duration), "{duration}");
    assert!(v["wpm"].as_f64().unwrap() > 80.0);
    assert!(v["words"].as_u64().unwrap() > 25);
    assert_eq!(v["over_limit"], false);
    assert!(v["fillers"]["lower_bound"].as_bool().unwrap());
    let names: Vec<&str> =
        v["principles"].as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert!(names.contains(&"Ownership"), "{names:?}");
    let metrics = v["metrics"].as_array().unwrap();
    assert!(metrics.len() >= 2, "{metrics:?}");
    assert!(metrics.iter().any(|m| m["kind"] == "percent"), "{metrics:?}");
    assert!(
        metrics
            .iter()
            .all(|m| m["start_s"].as_f64().is_some_and(|s| s >= 0.0 && s <= duration + 1.0)),
        "{metrics:?}"
    );
    let codes: Vec<&str> =
        v["flags"].as_array().unwrap().iter().map(|f| f["code"].as_str().unwrap()).collect();
    assert!(codes.contains(&"too_short"), "a 15-second story is flagged: {codes:?}");
}

#[test]
fn audio_that_is_not_audio_names_the_file() {
    needs!(Need::Model, Need::Espeak);
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("answer.wav");
    std::fs::write(&bad, b"RIFF not really a wave file").unwrap();
    let out = run(bin()
        .args(["analyze", "--model"])
        .arg(model_path())
        .arg(&bad)
        .env("BARRAISER_CONFIG", dir.path()));
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.starts_with("barraiser: error: ") && err.contains("answer.wav"), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
}
