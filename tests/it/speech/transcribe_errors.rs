//! Bad input to `barraiser transcribe`: one clear line naming the file, exit code 1,
//! never a panic or an abort.

use crate::needs;
use std::path::Path;

use crate::common::*;

fn assert_clean_failure(args: &[&std::ffi::OsStr], model: &Path, expect: &str) {
    let out = run(bin().arg("transcribe").args(args).env("BARRAISER_MODEL", model));
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
    assert_eq!(err.lines().count(), 1, "{args:?}: one line expected: {err}");
    assert!(
        err.starts_with("barraiser: error: ") && err.contains(expect),
        "{args:?}: {err:?} lacks {expect:?}"
    );
    assert!(!err.contains("panicked"), "{err}");
    assert!(stdout(&out).is_empty());
}

#[test]
fn bad_audio_files() {
    needs!(Need::Model, Need::Espeak);
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let text_wav = d.join("notes.wav");
    std::fs::write(&text_wav, "These are my interview notes, not a recording.\n").unwrap();
    let empty = d.join("empty.m4a");
    std::fs::write(&empty, b"").unwrap();
    let header_only = d.join("header-only.wav");
    barraiser::audio::wav::write_mono(
        &header_only,
        &[],
        16_000,
        barraiser::audio::wav::WavEncoding::Pcm16,
    )
    .unwrap();
    let missing = d.join("missing.mp3");
    let model = model_path();

    assert_clean_failure(&[text_wav.as_os_str()], &model, "notes.wav: not an audio file");
    assert_clean_failure(&[empty.as_os_str()], &model, "empty.m4a: empty file");
    assert_clean_failure(&[header_only.as_os_str()], &model, "header-only.wav: empty audio");
    assert_clean_failure(&[missing.as_os_str()], &model, "missing.mp3: no such file");
    assert_clean_failure(&[d.as_os_str()], &model, "is a directory");
}

#[test]
fn truncated_model_is_refused_before_whisper_sees_it() {
    needs!(Need::Model, Need::Espeak);
    let dir = tempfile::tempdir().unwrap();
    let wav = dir.path().join("hello.wav");
    speak("Hello there.", &wav);
    let model = std::fs::read(model_path()).expect("the test model");
    let truncated = dir.path().join("ggml-tiny.en.bin");
    std::fs::write(&truncated, &model[..model.len() / 3]).unwrap();
    assert_clean_failure(&[wav.as_os_str()], &truncated, "ggml-tiny.en.bin");
}

#[test]
fn bad_usage_exits_2() {
    needs!(Need::Model, Need::Espeak);
    let out = run(bin().args(["transcribe", "x.wav", "--format", "docx"]));
    assert_eq!(out.status.code(), Some(2));
    let out = run(bin().args(["transcribe", "x.wav", "--threads", "0"]));
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_log_flag_sends_whisper_cpp_s_log_to_a_file_and_not_to_stderr() {
    needs!(Need::Model, Need::Espeak);
    let dir = tempfile::tempdir().unwrap();
    let speech = dir.path().join("hello.wav");
    speak("Hello, I led the checkout rewrite.", &speech);
    let log = dir.path().join("logs/whisper.log");
    let _whisper = whisper_lock();
    let out = run(bin()
        .args(["transcribe", "--verbose", "--log"])
        .arg(&log)
        .arg(&speech)
        .env("BARRAISER_MODEL", model_path()));
    assert!(out.status.success(), "{}", stderr(&out));
    let written = std::fs::read_to_string(&log).unwrap();
    assert!(written.contains("whisper_"), "whisper.cpp's log is in the file: {written}");
    assert!(!stderr(&out).contains("whisper_"), "and not on stderr: {}", stderr(&out));
    assert!(stdout(&out).to_lowercase().contains("checkout"), "{}", stdout(&out));
}
