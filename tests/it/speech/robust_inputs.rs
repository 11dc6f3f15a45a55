//! Crafted files never make barraiser panic, abort or allocate without bound: a
//! transcript's times and an audio header's sample rate are checked before they
//! are trusted, with one line naming the field.

use crate::needs;
use std::path::{Path, PathBuf};

use crate::common::*;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/answers").join(name)
}

/// Asserts a clean failure: exit 1, one `barraiser: error:` line containing `expect`.
fn assert_refused(out: &std::process::Output, expect: &str) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert_eq!(err.lines().count(), 1, "one line expected: {err}");
    assert!(
        err.starts_with("barraiser: error: ") && err.contains(expect),
        "{err:?} lacks {expect:?}"
    );
    assert!(stdout(out).len() < 1000, "printed {} bytes", stdout(out).len());
}

#[test]
fn crafted_transcript_times_are_refused_naming_the_field() {
    needs!(Need::Model);
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(fixture("timed_long.json")).unwrap();
    let base: serde_json::Value = serde_json::from_str(&text).unwrap();
    for (i, end) in [1.7e308, 1e12, 1e9, -5.0].into_iter().enumerate() {
        let mut t = base.clone();
        t["words"][40]["end_s"] = serde_json::json!(end);
        let path = dir.path().join(format!("crafted-{i}.json"));
        std::fs::write(&path, serde_json::to_string(&t).unwrap()).unwrap();
        for format in ["text", "json"] {
            let out = run(bin_in(dir.path()).args(["analyze", "--format", format]).arg(&path));
            assert_refused(&out, "words[40].end_s is ");
        }
    }
    // The untouched file still analyses.
    let out = run(bin_in(dir.path()).args(["analyze", "--json"]).arg(fixture("timed_long.json")));
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn a_transcript_larger_than_any_answer_is_refused_unread() {
    needs!(Need::Model);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(barraiser::transcript::MAX_FILE_BYTES + 1).unwrap();
    let out = run(bin_in(dir.path()).arg("analyze").arg(&path));
    assert_refused(&out, "huge.txt is larger than 64 MiB");
}

/// A 3.5-s WAV whose header then claims `rate` Hz.
fn wav_claiming(dir: &Path, rate: u32) -> PathBuf {
    let p = dir.join(format!("rate-{rate}.wav"));
    let samples: Vec<f32> = (0..56_000).map(|i| (i as f32 * 0.05).sin() * 0.5).collect();
    barraiser::audio::wav::write_mono(
        &p,
        &samples,
        16_000,
        barraiser::audio::wav::WavEncoding::Pcm16,
    )
    .unwrap();
    let mut bytes = std::fs::read(&p).unwrap();
    bytes[24..28].copy_from_slice(&rate.to_le_bytes());
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn absurd_wav_sample_rates_are_refused_before_decoding() {
    needs!(Need::Model);
    let dir = tempfile::tempdir().unwrap();
    for rate in [0u32, 1, 100, 5_000_000] {
        let wav = wav_claiming(dir.path(), rate);
        for cmd in ["transcribe", "analyze"] {
            let out =
                run(bin_in(dir.path()).arg(cmd).arg(&wav).env("BARRAISER_MODEL", model_path()));
            assert_refused(&out, &format!("sample rate {rate} Hz is outside 4000..=768000 Hz"));
        }
    }
}

#[test]
fn absurd_channel_counts_are_refused() {
    needs!(Need::Model);
    let dir = tempfile::tempdir().unwrap();
    let wav = wav_claiming(dir.path(), 16_000);
    let mut bytes = std::fs::read(&wav).unwrap();
    bytes[22..24].copy_from_slice(&0u16.to_le_bytes());
    std::fs::write(&wav, bytes).unwrap();
    let out =
        run(bin_in(dir.path()).arg("transcribe").arg(&wav).env("BARRAISER_MODEL", model_path()));
    assert_refused(&out, "channel count 0 is outside 1..=32");
}

#[test]
fn markdown_reports_escape_html_from_the_answer() {
    needs!(Need::Model);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("answer.txt");
    std::fs::write(
        &path,
        "I owned the launch <script>alert(1)</script> and cut costs by 18% <img src=x onerror=alert(2)>.",
    )
    .unwrap();
    let out = run(bin_in(dir.path()).args(["analyze", "--format", "md"]).arg(&path));
    assert!(out.status.success(), "{}", stderr(&out));
    let md = stdout(&out);
    assert!(!md.contains("<script") && !md.contains("<img"), "{md}");
    assert!(md.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{md}");
}

#[test]
fn a_question_id_too_long_for_a_file_name_fails_validation() {
    needs!(Need::Model);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("mine.toml");
    let long = "q".repeat(240);
    std::fs::write(
        &file,
        format!("kind = \"behavioral\"\n\n[[question]]\nid = \"{long}\"\ntext = \"Tell me about a time you failed.\"\n"),
    )
    .unwrap();
    let out = run(bin_in(dir.path()).args(["questions", "validate"]).arg(&file));
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let said = format!("{}{}", stdout(&out), stderr(&out));
    assert!(
        said.contains("mine.toml:4:") && said.contains("is 240 characters long; the most is 100"),
        "{said}"
    );
}

#[test]
fn a_model_with_garbage_weights_fails_verify() {
    needs!(Need::Model);
    let model = std::fs::read(model_path()).unwrap();
    let structure = barraiser::speech::models::ggml::read_structure(&model_path()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut random = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state as u8
    };
    for (name, expect) in
        [("random.bin", "the weights are damaged"), ("zeros.bin", "every weight sampled is zero")]
    {
        let mut bytes = model.clone();
        for t in &structure.tensors {
            let (a, b) = (t.offset as usize, (t.offset + t.n_bytes()) as usize);
            for byte in &mut bytes[a..b] {
                *byte = if name == "zeros.bin" { 0 } else { random() };
            }
        }
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let out = run(bin().args(["model", "verify"]).arg(&path));
        assert_refused(&out, expect);
    }
    let out = run(bin().args(["model", "verify"]).arg(model_path()));
    assert!(stdout(&out).contains("weights    sampled in every tensor"), "{}", stdout(&out));
}
