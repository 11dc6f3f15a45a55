//! Fuzz targets, one per untrusted input: transcript JSON, audio headers (WAV,
//! FLAC, MP3), question and story TOML, the settings file and the word lists.
//! Each feeds valid files with random damage, and random text, to the parser the
//! app uses, and checks that it answers (a value or an error), never panics, and
//! never produces output out of proportion to the input.
//!
//! Bounded so the set runs in seconds with the suite; `BARRAISER_FUZZ_CASES=N` runs
//! N cases per target instead (e.g. 20000 for a long run by hand).

use std::path::{Path, PathBuf};

use crate::common::*;
use barraiser::analysis::{analyze, Context, Lexicon};
use barraiser::round::Kind;
use barraiser::transcript::Transcript;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

fn cases(default: u32) -> u32 {
    std::env::var("BARRAISER_FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// Runs `check` on `default` (or `BARRAISER_FUZZ_CASES`) values of `strategy`; a
/// panic in `check` fails with the smallest input that makes it panic.
fn fuzz<S: Strategy>(default: u32, strategy: &S, check: impl Fn(S::Value)) {
    let config = Config { cases: cases(default), failure_persistence: None, ..Config::default() };
    TestRunner::new(config)
        .run(strategy, |value| {
            check(value);
            Ok(())
        })
        .unwrap();
}

/// A valid text with a few characters replaced by ones that matter to the format.
fn damaged_text(valid: String) -> impl Strategy<Value = String> {
    let chars: Vec<char> = valid.chars().collect();
    let len = chars.len();
    let special = prop::sample::select(vec![
        '"', '[', ']', '{', '}', '=', ',', '\n', '#', '\\', '-', 'e', '9', '.', ' ', 'é', '\0',
    ]);
    prop::collection::vec((0..len, special), 1..8).prop_map(move |edits| {
        let mut c = chars.clone();
        for (i, ch) in edits {
            c[i] = ch;
        }
        c.into_iter().collect()
    })
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/answers").join(name)
}

#[test]
fn fuzz_transcript_json() {
    let valid = std::fs::read_to_string(fixture("timed_long.json")).unwrap();
    let lex = Lexicon::builtin();
    let ctx = Context::for_kind(Kind::Behavioral);
    // Numbers are where crafted files bite: replace one with an extreme value.
    let numbers: Vec<usize> = valid.match_indices("_s\": ").map(|(i, _)| i + 5).collect();
    let extreme = prop::sample::select(vec![
        "1.7e308",
        "-1.7e308",
        "1e12",
        "1e9",
        "-0.0",
        "4e-320",
        "86400.0001",
        "null",
        "\"x\"",
    ]);
    let check = |text: &str| {
        if let Ok(t) = Transcript::from_json(text) {
            let report = analyze(&t, &ctx, &lex);
            let json = serde_json::to_string(&report).unwrap();
            assert!(json.len() < 50 * text.len() + 100_000, "{} bytes of report", json.len());
        }
    };
    let strategy = (prop::sample::select(numbers), extreme).prop_map(move |(at, value)| {
        let end = valid[at..].find([',', '\n', '}']).map_or(valid.len(), |e| at + e);
        format!("{}{value}{}", &valid[..at], &valid[end..])
    });
    fuzz(64, &strategy, |text| check(&text));
    let small = r#"{"segments":[],"words":[{"text":"I","start_s":0.0,"end_s":0.5,"probability":0.9}],"silences":[{"start_s":1.0,"duration_s":0.4}]}"#;
    fuzz(256, &damaged_text(small.to_string()), |text| check(&text));
    fuzz(256, &".{0,300}", |text| check(&text));
}

/// Decodes `bytes` as a file named `name`: an answer or an error, and never more
/// audio than the file could hold at the lowest rate accepted.
fn check_audio(dir: &Path, name: &str, bytes: &[u8]) {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    if let Ok(samples) = barraiser::audio::decode::decode_16k_mono(&path) {
        let most = bytes.len() as f64 * 8.0 * 16_000.0 / barraiser::audio::limits::MIN_RATE as f64;
        assert!(
            (samples.len() as f64) <= most + 16_000.0,
            "{} samples from {} bytes",
            samples.len(),
            bytes.len()
        );
    }
}

/// One second of a tone in the format `ext`, made by sox (or ffmpeg for MP3).
fn tone(dir: &Path, ext: &str) -> Vec<u8> {
    let path = dir.join(format!("tone.{ext}"));
    if ext == "mp3" {
        let status = std::process::Command::new("ffmpeg")
            .args([
                "-loglevel",
                "error",
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=440:duration=1",
                "-y",
            ])
            .arg(&path)
            .status()
            .expect("ffmpeg is installed by scripts/setup");
        assert!(status.success());
    } else {
        sox(&["-n", "-r", "16000", "-c", "2", path.to_str().unwrap(), "synth", "1", "sine", "440"]);
    }
    std::fs::read(path).unwrap()
}

#[test]
fn fuzz_audio_headers() {
    let dir = tempfile::tempdir().unwrap();
    for ext in ["wav", "flac", "mp3"] {
        let valid = tone(dir.path(), ext);
        // The header is where the claims are: damage the first 512 bytes.
        let head = valid.len().min(512);
        let strategy = (prop::collection::vec((0..head, any::<u8>()), 1..8), any::<bool>())
            .prop_map(|(edits, cut)| {
                let mut bytes = valid.clone();
                for (i, b) in edits {
                    bytes[i] = b;
                }
                if cut {
                    bytes.truncate(bytes.len() / 3);
                }
                bytes
            });
        let name = format!("fuzz.{ext}");
        fuzz(96, &strategy, |bytes| check_audio(dir.path(), &name, &bytes));
    }
}

#[test]
fn fuzz_question_toml() {
    let valid = r#"kind = "product"

[[question]]
id = "my-kindle-kids"
text = "Design a Kindle feature for children under 10."
sub_kind = "design"
audience = "consumer"
principles = ["customer obsession", "think big"]
followups = ["Who is the customer?"]
limit_s = 300
"#;
    let check = |text: &str| {
        let parsed = barraiser::bank::load::parse_file(Path::new("q.toml"), text, false);
        for p in &parsed.problems {
            assert!(
                p.line >= 1 && p.line <= text.lines().count() + 1,
                "line {} of {text:?}",
                p.line
            );
        }
    };
    fuzz(256, &damaged_text(valid.to_string()), |text| check(&text));
    fuzz(256, &".{0,200}", |text| check(&text));
}

#[test]
fn fuzz_story_toml() {
    let valid = r#"[[story]]
id = 1
title = "Checkout MVP re-scope"
principles = ["Ownership", "Deliver Results"]
situation = ""
metrics = ["18% faster checkout", "$2.3M annual revenue uplift"]
notes = "Lead with the result."
"#;
    let check = |text: &str| {
        let _ = barraiser::bank::story::parse_many(Path::new("s.toml"), text);
        let _ = barraiser::bank::story::parse_one(Path::new("s.toml"), text);
    };
    fuzz(256, &damaged_text(valid.to_string()), |text| check(&text));
    fuzz(256, &".{0,200}", |text| check(&text));
}

#[test]
fn fuzz_settings_and_word_lists() {
    let settings = "device = \"USB\"\nmodel = \"base.en\"\nquiet = true\nno_cutoff = true\n";
    let words = r#"fillers = ["you see"]
hedges = ["sort of maybe"]

[[vague]]
phrases = ["took it to the next level"]
suggestion = "Say by how much"
unless_number = true

[[principle]]
name = "Dive Deep"
explicit = ["got into the weeds"]
"#;
    let check_settings = |text: &str| {
        if let Err(e) = barraiser::settings::Settings::parse(Path::new("config.toml"), text) {
            let line = format!("{e:#}");
            assert!(line.starts_with("config.toml: line "), "{line}");
        }
    };
    fuzz(256, &damaged_text(settings.to_string()), |t| check_settings(&t));
    fuzz(256, &".{0,120}", |t| check_settings(&t));
    fuzz(256, &damaged_text(words.to_string()), |t| {
        let _ = Lexicon::with_user_file(&t);
    });
}
