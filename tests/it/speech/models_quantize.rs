//! `model quantize`: the real model's 8-bit copy verifies and transcribes speech, and
//! what cannot be quantized gets one line and leaves nothing behind.

use crate::needs;

use crate::common::*;

const SAID: &str = "I moved our team to weekly releases, and our revenue grew within a quarter.";

#[test]
fn the_8_bit_copy_verifies_and_transcribes() {
    needs!(Need::Model, Need::Espeak);
    let dir = tempfile::tempdir().unwrap();
    let q8 = dir.path().join("ggml-tiny.en-q8_0.bin");
    let out = run(bin().args(["model", "quantize"]).arg(f16_model_path()).arg("--out").arg(&q8));
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).trim(), q8.display().to_string());
    let f16_len = std::fs::metadata(f16_model_path()).unwrap().len();
    let q8_len = std::fs::metadata(&q8).unwrap().len();
    assert!(q8_len * 10 < f16_len * 6, "{q8_len} bytes against {f16_len}");
    let names: Vec<_> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names.len(), 1, "no work files left: {names:?}");

    // `model list` gives the installed 8-bit copy's size (./models holds the suite's).
    let data = tempfile::tempdir().unwrap();
    let list = ok_in(data.path(), &["model", "list"]);
    let len = std::fs::metadata(model_path()).unwrap().len();
    let row = list.lines().find(|l| l.starts_with("tiny.en-q8_0")).unwrap_or_default();
    assert!(row.contains(&format!(" {} MiB ", (len + (1 << 19)) >> 20)), "{list}");

    let out = run(bin().args(["model", "verify"]).arg(&q8));
    let report = stdout(&out);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(report.contains("whisper tiny (English-only), q8_0"), "{report}");
    assert!(report.contains("tensors    167"), "{report}");

    let wav = dir.path().join("said.wav");
    speak(SAID, &wav);
    let _lock = whisper_lock();
    let out = run(bin().arg("transcribe").arg(&wav).arg("--model").arg(&q8));
    assert!(out.status.success(), "{}", stderr(&out));
    let recall = word_recall(SAID, &stdout(&out));
    assert!(recall >= 0.9, "only {:.0}% of the content words: {}", recall * 100.0, stdout(&out));
}

#[test]
fn what_cannot_be_quantized_gets_one_line() {
    needs!(Need::Model);
    let dir = tempfile::tempdir().unwrap();
    let q8 = dir.path().join("ggml-tiny.en-q8_0.bin");
    let out = run(bin().args(["model", "quantize"]).arg(f16_model_path()).arg("--out").arg(&q8));
    assert!(out.status.success(), "{}", stderr(&out));

    let again = dir.path().join("again.bin");
    let out = run(bin().args(["model", "quantize"]).arg(&q8).arg("--out").arg(&again));
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("only f16 models can be quantized (this one is q8_0)"), "{err}");

    let cut = dir.path().join("cut.bin");
    let bytes = std::fs::read(&q8).unwrap();
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let verify = run(bin().args(["model", "verify"]).arg(&cut));
    let quantize = run(bin().args(["model", "quantize"]).arg(&cut).arg("--out").arg(&again));
    for out in [verify, quantize] {
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("truncated: tensor data"), "{err}");
    }
    assert!(!again.exists(), "nothing written from unusable models");
    assert!(!dir.path().join("again.bin.tmp").exists());
}

#[test]
fn a_full_disk_leaves_no_half_written_model() {
    needs!(Need::Model);
    let tmp = tempfile::tempdir().unwrap();
    let mnt = tmp.path().display();
    // Its own user and mount namespace, so a small tmpfs mounts without privileges.
    let script = format!(
        r#"
        mount -t tmpfs -o size=20m tmpfs {mnt}
        if $BX model quantize "$F16" --out {mnt}/ggml-tiny.en-q8_0.bin; then exit 3; fi
        echo "left: $(ls -A {mnt} | wc -l)"
        "#
    );
    let out = run(std::process::Command::new("unshare")
        .args(["-rm", "sh", "-euc", &script])
        .env("BX", env!("CARGO_BIN_EXE_barraiser"))
        .env("F16", f16_model_path()));
    let (o, e) = (stdout(&out), stderr(&out));
    assert!(out.status.success(), "stdout:\n{o}\nstderr:\n{e}");
    assert_eq!(e.lines().count(), 1, "{e}");
    assert!(e.contains("No space left on device"), "{e}");
    assert!(o.contains("left: 0"), "the temporary file is removed: {o}");
}
