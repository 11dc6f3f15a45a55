//! M4A (AAC-LC in an MP4 container, what phones and voice-memo apps record): espeak-ng
//! speech encoded by ffmpeg is transcribed by the real binary and model like a WAV, and
//! a cut-short file is one clear error.

use crate::needs;
use std::path::Path;
use std::process::Command;

use crate::common::*;
use barraiser::transcript::Transcript;

const ANSWER: &str = "I moved our team to weekly releases. \
We made the payment page much faster for every customer, and our revenue grew within a quarter.";

/// Encodes `wav` as AAC-LC in an M4A file with ffmpeg; `args` set rate and channels.
fn to_m4a(wav: &Path, out: &Path, args: &[&str]) {
    let status = Command::new("ffmpeg")
        .args(["-hide_banner", "-loglevel", "error", "-y", "-i"])
        .arg(wav)
        .args(args)
        .args(["-c:a", "aac", "-profile:a", "aac_low"])
        .arg(out)
        .status()
        .expect("ffmpeg is installed by BARRAISER_SETUP_TESTS=1 scripts/setup");
    assert!(status.success(), "ffmpeg failed for {out:?}");
}

fn is_aac_lc_m4a(file: &Path) -> bool {
    let out = run(Command::new("ffprobe")
        .args([
            "-v",
            "error",
            "-show_entries",
            "stream=codec_name,profile:format=format_name",
            "-of",
            "csv=p=0",
        ])
        .arg(file));
    let described = stdout(&out);
    described.contains("aac,LC") && described.contains("m4a")
}

#[test]
fn m4a_speech_is_transcribed_like_the_wav() {
    needs!(Need::Model, Need::Espeak);
    let dir = tempfile::tempdir().unwrap();
    let wav = dir.path().join("answer.wav");
    speak(ANSWER, &wav);
    let seconds = wav_seconds(&wav);
    for (name, args) in
        [("mono.m4a", &[][..]), ("stereo48k.m4a", &["-ar", "48000", "-ac", "2"][..])]
    {
        let m4a = dir.path().join(name);
        to_m4a(&wav, &m4a, args);
        assert!(is_aac_lc_m4a(&m4a), "{name} is not AAC-LC in M4A");
        let out = {
            let _whisper = whisper_lock();
            run(bin()
                .arg("transcribe")
                .arg(&m4a)
                .args(["--format", "json"])
                .env("BARRAISER_MODEL", model_path()))
        };
        assert!(out.status.success(), "transcribe {name} failed: {}", stderr(&out));
        let t: Transcript = serde_json::from_str(&stdout(&out)).expect("a Transcript");
        let recall = word_recall(ANSWER, &t.text());
        assert!(
            recall >= 0.9,
            "{name}: only {:.0}% of the content words: {}",
            recall * 100.0,
            t.text()
        );
        // AAC adds a frame or two of padding; the speech itself is all there.
        let duration = t.audio_duration_s.expect("audio duration");
        assert!(
            (duration - seconds).abs() < 0.1,
            "{name}: {duration} s decoded from {seconds} s of speech"
        );
    }
}

#[test]
fn m4a_cut_short_is_one_clear_error() {
    needs!(Need::Model, Need::Espeak);
    let dir = tempfile::tempdir().unwrap();
    let wav = dir.path().join("answer.wav");
    speak(ANSWER, &wav);
    let m4a = dir.path().join("answer.m4a");
    to_m4a(&wav, &m4a, &[]);
    let bytes = std::fs::read(&m4a).unwrap();
    let cut = dir.path().join("cut.m4a");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let out = run(bin().arg("transcribe").arg(&cut).env("BARRAISER_MODEL", model_path()));
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(
        err.trim_end(),
        format!(
            "barraiser: error: {}: the file is cut short (truncated or damaged)",
            cut.display()
        )
    );
}
