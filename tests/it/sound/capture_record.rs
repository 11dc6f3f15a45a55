//! `barraiser record` and `devices` against a real PulseAudio server: speech played
//! into a null sink is recorded from its monitor through cpal's ALSA host.

use crate::needs;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, ChildStderr, Stdio};
use std::time::{Duration, Instant};

use crate::common::*;

/// RMS of a WAV's samples between two times, in [0, 1].
fn rms(path: &std::path::Path, from_s: f64, to_s: f64) -> f64 {
    let mut reader = hound::WavReader::open(path).unwrap();
    let rate = reader.spec().sample_rate as f64;
    let samples: Vec<f64> = reader
        .samples::<i16>()
        .map(|s| s.unwrap() as f64 / 32768.0)
        .skip((from_s * rate) as usize)
        .take(((to_s - from_s) * rate) as usize)
        .collect();
    (samples.iter().map(|s| s * s).sum::<f64>() / samples.len().max(1) as f64).sqrt()
}

/// Starts `barraiser record ARGS --out OUT` on the sink's monitor and returns once
/// it says it is recording (its first line), with the rest of its stderr.
fn start_recording(
    args: &[&str],
    out: &Path,
    sink: &NullSink,
    data: &Path,
) -> (Child, BufReader<ChildStderr>) {
    let (key, value) = sink.source_env();
    let mut child = bin()
        .arg("record")
        .args(args)
        .arg("--out")
        .arg(out)
        .env(key, value)
        .env("BARRAISER_DATA", data)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    err.read_line(&mut line).unwrap();
    assert!(line.starts_with("Recording from"), "{line}");
    (child, err)
}

#[test]
fn devices_lists_the_default_input() {
    needs!(Need::Sound, Need::Espeak);
    let out = run(bin().arg("devices"));
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.lines().any(|l| l.starts_with('*') && l.contains("Hz")), "{text}");
}

#[test]
fn records_what_is_played_for_the_requested_time() {
    needs!(Need::Sound, Need::Espeak);
    let dir = tempfile::tempdir().unwrap();
    let speech = dir.path().join("speech.wav");
    speak("I reduced the checkout time by forty percent in three weeks.", &speech);
    let sink = NullSink::new("record");
    let out_wav = dir.path().join("answer.wav");
    // Play once the recording has started.
    let (mut child, mut err) =
        start_recording(&["--seconds", "6"], &out_wav, &sink, &dir.path().join("data"));
    let started = Instant::now();
    std::thread::sleep(Duration::from_millis(500));
    sink.play(&speech);
    let played_until = started.elapsed().as_secs_f64();
    let status = child.wait().unwrap();
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut err, &mut rest).unwrap();
    assert!(status.success(), "{rest}");
    assert!(rest.contains("Saved 6.0 s"), "{rest}");

    let seconds = wav_seconds(&out_wav);
    assert!((seconds - 6.0).abs() < 0.01, "recorded {seconds} s");
    // The speech is in the file: loud overall, against a silent sink otherwise.
    let loud = rms(&out_wav, 0.0, 6.0);
    assert!(loud > 0.02, "speech RMS {loud}");
    assert!(played_until > 3.0);
}

#[test]
fn kill_9_loses_at_most_a_second_and_is_recovered_at_the_next_start() {
    needs!(Need::Sound, Need::Espeak);
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let sink = NullSink::new("kill");
    let (key, value) = sink.source_env();
    let out_wav = dir.path().join("interrupted.wav");
    // Something in the store beforehand, to check that it comes through untouched.
    let added = run(bin()
        .args(["story", "add", "--title", "Checkout rescue", "--principle", "Ownership"])
        .env("BARRAISER_DATA", &data));
    assert!(added.status.success(), "{}", stderr(&added));
    let (mut child, _err) = start_recording(&[], &out_wav, &sink, &data);
    // A null sink's monitor starts delivering after a variable delay (its render
    // blocks): measure from when audio reached the file, which the header tells.
    let polled = Instant::now();
    let first_audio = loop {
        let bytes = std::fs::metadata(&out_wav).map(|m| m.len()).unwrap_or(0);
        if bytes > 44 {
            break polled.elapsed().as_secs_f64() - (bytes - 44) as f64 / 32_000.0;
        }
        assert!(polled.elapsed() < Duration::from_secs(10), "no audio reached the file");
        std::thread::sleep(Duration::from_millis(10));
    };
    std::thread::sleep(Duration::from_millis(3000));
    child.kill().unwrap(); // SIGKILL: no clean-up runs
    let ran = polled.elapsed().as_secs_f64() - first_audio;
    child.wait().unwrap();
    // Already valid as it lies, before any repair.
    let on_disk = wav_seconds(&out_wav);
    assert!(on_disk >= ran - 1.0, "only {on_disk} s of {ran} s on disk");

    // The next start repairs it and says so.
    let next = run(bin()
        .args(["record", "--seconds", "0.5", "--out"])
        .arg(dir.path().join("next.wav"))
        .env(key, &value)
        .env("BARRAISER_DATA", &data));
    assert!(next.status.success(), "{}", stderr(&next));
    let said = stderr(&next);
    assert!(
        said.contains("recovered an interrupted recording") && said.contains("interrupted.wav"),
        "{said}"
    );
    let repaired = wav_seconds(&out_wav);
    assert!(repaired >= ran - 1.0 && repaired <= ran + 0.5, "repaired {repaired} s of {ran} s");
    assert!(hound::WavReader::open(&out_wav).unwrap().samples::<i16>().all(|s| s.is_ok()));
    let stories = run(bin().args(["story", "list"]).env("BARRAISER_DATA", &data));
    assert!(stories.status.success(), "{}", stderr(&stories));
    assert!(stdout(&stories).contains("Checkout rescue"), "{}", stdout(&stories));
}

#[test]
fn unknown_device_is_a_clear_error() {
    needs!(Need::Sound, Need::Espeak);
    let dir = tempfile::tempdir().unwrap();
    let out = run(bin()
        .args(["record", "--seconds", "1", "--device", "no-such-microphone", "--out"])
        .arg(dir.path().join("x.wav"))
        .env("BARRAISER_DATA", dir.path()));
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.starts_with("barraiser: error: no input device named 'no-such-microphone'"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(!dir.path().join("x.wav").exists());
}

#[test]
fn no_sound_server_is_a_clear_error() {
    needs!(Need::Sound, Need::Espeak);
    let dir = tempfile::tempdir().unwrap();
    let out = run(bin()
        .args(["record", "--seconds", "1", "--out"])
        .arg(dir.path().join("x.wav"))
        .env("PULSE_SERVER", "unix:/nonexistent/pulse")
        .env("BARRAISER_DATA", dir.path()));
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.starts_with("barraiser: error: cannot use the input device"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}
