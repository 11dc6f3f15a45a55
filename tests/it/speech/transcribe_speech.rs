//! `barraiser transcribe` on speech made with espeak-ng, through the real binary and
//! the real model: the words, their timing, the output formats, the input formats.

use crate::needs;
use std::path::Path;
use std::time::Instant;

use crate::common::*;
use barraiser::transcript::Transcript;

const ANSWER: &str = "I moved our team to weekly releases. \
We made the payment page much faster for every customer, and our revenue grew within a quarter. \
Then I wrote a plan for the next year and shared it with my manager.";

fn transcribe_json(file: &Path) -> Transcript {
    let out = run(bin()
        .arg("transcribe")
        .arg(file)
        .args(["--format", "json"])
        .env("BARRAISER_MODEL", model_path()));
    assert!(out.status.success(), "transcribe {file:?} failed: {}", stderr(&out));
    serde_json::from_str(&stdout(&out))
        .unwrap_or_else(|e| panic!("stdout is not a Transcript ({e}): {}", stdout(&out)))
}

fn audio_seconds(file: &Path) -> f64 {
    let out = run(std::process::Command::new("soxi").arg("-D").arg(file));
    stdout(&out).trim().parse().unwrap()
}

#[test]
fn speech_is_transcribed_with_ordered_word_times_in_any_format() {
    needs!(Need::Model, Need::Espeak);
    let dir = tempfile::tempdir().unwrap();
    let wav = dir.path().join("answer.wav");
    speak(ANSWER, &wav);
    let seconds = audio_seconds(&wav);
    let _lock = whisper_lock();

    let started = Instant::now();
    let t = transcribe_json(&wav);
    let elapsed = started.elapsed().as_secs_f64();
    eprintln!(
        "{seconds:.1} s of speech in {elapsed:.2} s: real-time factor {:.3} (including model load)",
        elapsed / seconds
    );
    eprintln!("heard: {}", t.text());

    let recall = word_recall(ANSWER, &t.text());
    assert!(recall >= 0.9, "only {:.0}% of the content words: {}", recall * 100.0, t.text());
    assert_eq!(t.model.as_deref(), Some("tiny.en-q8_0"));
    let duration = t.audio_duration_s.expect("audio duration");
    assert!((duration - seconds).abs() < 0.05, "duration {duration} vs {seconds}");
    let mut last_start = 0.0;
    for w in &t.words {
        let (s, e) = (w.start_s.unwrap(), w.end_s.unwrap());
        assert!(
            s >= last_start && s <= e && e <= duration + 1e-6,
            "word {w:?} out of order or outside the audio"
        );
        assert!(w.probability.is_some_and(|p| (0.0..=1.0).contains(&p)));
        assert!(!w.text.contains(' '), "one entry per word: {:?}", w.text);
        last_start = s;
    }
    // The three sentences are spoken one after the other.
    let at = |word: &str| {
        t.words.iter().find(|w| w.text.to_lowercase().starts_with(word)).and_then(|w| w.start_s)
    };
    let (weekly, page, plan) = (at("weekly").unwrap(), at("page").unwrap(), at("plan").unwrap());
    assert!(weekly < page && page < plan, "{weekly} {page} {plan}");
    assert!(!t.silences.is_empty(), "espeak leaves pauses between sentences");

    // The same speech in other shapes gives the same words.
    let base_words = content_words(&t.text()).join(" ");
    for (name, args) in [
        ("stereo44k.wav", &["-r", "44100", "-c", "2"][..]),
        ("mono8k.wav", &["-r", "8000"][..]),
        ("answer.flac", &[][..]),
        ("answer.mp3", &[][..]),
        ("answer.ogg", &[][..]),
    ] {
        let converted = dir.path().join(name);
        let (w, c) = (wav.to_str().unwrap(), converted.to_str().unwrap());
        sox(&[&[w][..], args, &[c][..]].concat());
        let other = transcribe_json(&converted);
        let recall = word_recall(ANSWER, &other.text());
        let same = word_recall(&base_words, &other.text());
        eprintln!("{name}: recall {recall:.2}, same words {same:.2}: {}", other.text());
        assert!(recall >= 0.9, "{name}: {:.0}% of the content words", recall * 100.0);
        assert!(same >= 0.9, "{name}: words differ from the WAV's: {}", other.text());
    }
}

#[test]
fn text_srt_and_vtt_outputs() {
    needs!(Need::Model, Need::Espeak);
    let dir = tempfile::tempdir().unwrap();
    let wav = dir.path().join("short.wav");
    speak("Our customers loved the new search page.", &wav);
    let _lock = whisper_lock();
    let out_file = dir.path().join("short.srt");
    let out = run(bin()
        .arg("transcribe")
        .arg(&wav)
        .args(["--format", "srt", "--threads", "1", "-o"])
        .arg(&out_file)
        .env("BARRAISER_MODEL", model_path()));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).is_empty(), "-o writes the file, not stdout");
    let srt = std::fs::read_to_string(&out_file).unwrap();
    assert!(srt.starts_with("1\n00:00:0"), "{srt}");
    assert!(srt.contains(" --> ") && srt.to_lowercase().contains("search"), "{srt}");

    let vtt = run(bin()
        .arg("transcribe")
        .arg(&wav)
        .args(["--format", "vtt"])
        .env("BARRAISER_MODEL", model_path()));
    assert!(stdout(&vtt).starts_with("WEBVTT\n\n00:00:0"), "{}", stdout(&vtt));
    let text = run(bin().arg("transcribe").arg(&wav).env("BARRAISER_MODEL", model_path()));
    assert!(text.status.success());
    // Nothing but the transcript on stdout: whisper.cpp's log is routed away.
    assert_eq!(stdout(&text).lines().count(), 1, "{}", stdout(&text));
    assert!(
        word_recall("Our customers loved the new search page.", &stdout(&text)) >= 0.75,
        "{}",
        stdout(&text)
    );
    assert!(stderr(&text).is_empty(), "stderr: {}", stderr(&text));

    // -v shows whisper.cpp's own log, on stderr only.
    let verbose =
        run(bin().arg("-v").arg("transcribe").arg(&wav).env("BARRAISER_MODEL", model_path()));
    assert!(stderr(&verbose).contains("whisper"), "{}", stderr(&verbose));
    assert_eq!(stdout(&verbose), stdout(&text));
}

#[test]
fn silence_and_quiet_noise_are_no_speech() {
    needs!(Need::Model, Need::Espeak);
    let dir = tempfile::tempdir().unwrap();
    let silence = dir.path().join("silence.wav");
    let hiss = dir.path().join("hiss.flac");
    sox(&["-n", "-r", "16000", "-c", "1", silence.to_str().unwrap(), "trim", "0", "5"]);
    sox(&[
        "-n",
        "-r",
        "44100",
        "-c",
        "2",
        hiss.to_str().unwrap(),
        "synth",
        "5",
        "pinknoise",
        "vol",
        "0.003",
    ]);
    let _lock = whisper_lock();
    for f in [&silence, &hiss] {
        let out = run(bin().arg("transcribe").arg(f).env("BARRAISER_MODEL", model_path()));
        assert_eq!(out.status.code(), Some(1), "{f:?}: {}", stdout(&out));
        let err = stderr(&out);
        assert!(
            err.ends_with(": no speech detected\n") && err.lines().count() == 1,
            "{f:?}: {err}"
        );
        assert!(stdout(&out).is_empty());
    }
}
