//! A whole practice from the command line against real parts: espeak-ng speech
//! played into a PulseAudio null sink while `barraiser practice --no-tui` records
//! its monitor, transcribes as it goes with the real model, analyses and saves.

use crate::needs;
use std::io::Read;

use crate::common::*;
use barraiser::store::{AttemptFilter, Store};

const ANSWER: &str = "Our checkout was slow and customers were leaving. I took ownership of the \
problem. I found that forty percent of the delay came from the payment service, so I rewrote \
the retry logic. As a result, checkout time dropped by thirty five percent and conversion \
increased by two percent.";
/// Words of the answer a transcript must hold (numbers come back as digits, "40%").
const CONTENT: &str = "checkout slow customers leaving took ownership problem found delay came \
payment service retry logic result time dropped conversion increased";

#[test]
fn spoken_answer_is_transcribed_analysed_and_saved() {
    needs!(Need::Model, Need::Sound, Need::Espeak);
    let dir = tempfile::tempdir().unwrap();
    let speech = dir.path().join("answer.wav");
    speak(ANSWER, &speech);
    let speech_s = wav_seconds(&speech);
    let sink = NullSink::new("practice");
    let (key, value) = sink.source_env();
    let data = dir.path().join("data");
    let _whisper = whisper_lock();
    let (mut child, mut err, mut said) = spawn_recording(
        bin()
            .args([
                "practice",
                "--no-tui",
                "--question",
                "beh-dive-deep-data",
                "--format",
                "json",
                "--seconds",
            ])
            .arg(format!("{:.1}", speech_s + 2.5))
            .env(key, value)
            .env("BARRAISER_DATA", &data)
            .env("BARRAISER_MODEL", model_path()),
    );
    sink.play(&speech);
    let mut json = String::new();
    child.stdout.take().unwrap().read_to_string(&mut json).unwrap();
    err.read_to_string(&mut said).unwrap();
    assert!(child.wait().unwrap().success(), "{said}");
    assert!(said.contains("Saved session 1"), "{said}");

    // The report: the metrics and the principle the speech contained.
    let report: serde_json::Value =
        serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {json}"));
    assert_eq!(report["question_id"], "beh-dive-deep-data");
    assert_eq!(report["kind"], "behavioral");
    let metrics: Vec<&str> =
        report["metrics"].as_array().unwrap().iter().map(|m| m["text"].as_str().unwrap()).collect();
    assert!(metrics.len() >= 2, "metrics {metrics:?}");
    let principles: Vec<&str> = report["principles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert!(principles.contains(&"Ownership"), "principles {principles:?}");

    // The session in the store: its transcript holds the spoken words, its recording is a valid WAV.
    let store = Store::open(&data).unwrap();
    let attempts = store.attempts(&AttemptFilter::default()).unwrap();
    assert_eq!(attempts.len(), 1);
    let attempt = &attempts[0];
    assert_eq!(attempt.question_id.as_deref(), Some("beh-dive-deep-data"));
    let transcript: barraiser::transcript::Transcript =
        serde_json::from_value(attempt.saved.transcript.clone().expect("transcript saved"))
            .unwrap();
    let recall = word_recall(CONTENT, &transcript.text());
    assert!(recall >= 0.85, "recall {recall:.2}: {}", transcript.text());
    let audio = store.audio_file(attempt).expect("recording saved");
    let recorded = wav_seconds(&audio);
    assert!((recorded - (speech_s + 2.5)).abs() < 0.05, "recorded {recorded} s");
    assert!(attempt.saved.report.is_some());
}
