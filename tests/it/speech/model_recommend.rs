//! `barraiser model recommend`: times the installed models on this machine with the
//! real model file and names one, or says clearly that none is installed.

use crate::common;
use crate::common::Need;
use crate::needs;
use common::{bin, model_path, run, stderr, stdout, whisper_lock};

#[test]
fn the_installed_model_is_timed_and_recommended_or_refused() {
    needs!(Need::Model);
    let cwd = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let models = data.path().join("models");
    std::fs::create_dir_all(&models).unwrap();
    std::fs::copy(model_path(), models.join("ggml-tiny.en-q8_0.bin")).unwrap();
    let _lock = whisper_lock();
    let out = run(bin()
        .current_dir(cwd.path())
        .env_remove("BARRAISER_MODEL")
        .args(["model", "recommend", "--data-dir"])
        .arg(data.path()));
    let text = stdout(&out);
    assert!(out.status.success(), "{}", stderr(&out));
    let timed = text.lines().next().unwrap_or_default();
    assert!(timed.starts_with("tiny.en-q8_0 ") && timed.contains(" s for the last 7 s"), "{text}");
    let seconds: f64 = timed.split_whitespace().nth(1).unwrap().parse().unwrap();
    assert!(seconds > 0.0, "{text}");
    let verdict = text.lines().nth(1).unwrap_or_default();
    match seconds <= 1.0 {
        true => assert!(verdict.starts_with("recommended: tiny.en-q8_0 ("), "{text}"),
        false => assert!(verdict.starts_with("none gives feedback within 1 s"), "{text}"),
    }
}

#[test]
fn without_any_model_it_says_how_to_get_one() {
    needs!(Need::Model);
    let cwd = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let out = run(bin()
        .current_dir(cwd.path())
        .env_remove("BARRAISER_MODEL")
        .args(["model", "recommend", "--data-dir"])
        .arg(data.path()));
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("no speech model is installed; run `barraiser model fetch tiny.en-q8_0`"),
        "{err}"
    );
    assert_eq!(err.trim().lines().count(), 1, "{err}");
}
