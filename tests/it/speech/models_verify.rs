//! `model verify` on the real model and on damaged copies of it: every damage gives
//! exit code 1 and one line naming the file and the problem, never a panic or abort.

use crate::needs;
use std::path::Path;

use crate::common::*;
use barraiser::speech::models::ggml::read_structure;

/// Runs `model verify` on `path`, expects failure and returns the error line.
fn verify_fails(path: &Path) -> String {
    let out = run(bin().args(["model", "verify"]).arg(path));
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{path:?}: {err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(
        err.starts_with(&format!("barraiser: error: model {} is not usable: ", path.display())),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    err
}

#[test]
fn the_real_model_passes() {
    needs!(Need::Model);
    let out = run(bin().args(["model", "verify"]).arg(model_path()));
    assert!(out.status.success(), "{}", stderr(&out));
    let report = stdout(&out);
    assert!(report.contains(": ok"), "{report}");
    assert!(report.contains("tensors    167"), "{report}");
}

#[test]
fn truncated_copies_fail_at_every_cut_point() {
    needs!(Need::Model);
    let model = std::fs::read(model_path()).expect("the test model is installed");
    let s = read_structure(&model_path()).unwrap();
    let second = &s.tensors[1];
    let last = s.tensors.last().unwrap();
    let cuts = [
        ("magic", 2, "too short"),
        ("hyper-parameters", 20, "truncated: hyper-parameters"),
        ("mel filters", s.mel_offset as usize + 1000, "truncated: mel filters"),
        ("vocabulary", s.mel_offset as usize + 80 * 201 * 4 + 5000, "truncated: token"),
        (
            "between tensors",
            second.offset as usize - 12 - 4 * second.shape.len() - second.name.len(),
            "166 of 167 tensors missing",
        ),
        ("tensor header", second.offset as usize - 3, "truncated: tensor name"),
        ("tensor data", (second.offset + second.n_bytes() / 2) as usize, "truncated: tensor data"),
        ("last byte", model.len() - 1, "truncated: tensor data"),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (what, cut, expected) in cuts {
        assert!(cut < model.len());
        let path = dir.path().join(format!("cut-{cut}.bin"));
        std::fs::write(&path, &model[..cut]).unwrap();
        let err = verify_fails(&path);
        assert!(err.contains(expected), "cut in {what} at {cut}: {err}");
        std::fs::remove_file(&path).unwrap();
    }
    assert!(
        last.offset + last.n_bytes() == model.len() as u64,
        "the real file ends with its last tensor"
    );
}

#[test]
fn damaged_and_foreign_files_are_rejected() {
    needs!(Need::Model);
    let model = std::fs::read(model_path()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    };

    let err = verify_fails(&write("empty.bin", b""));
    assert!(err.contains("too short"), "{err}");

    let err = verify_fails(&write("notes.bin", b"These are my interview notes, not a model.\n"));
    assert!(err.contains("not a whisper.cpp ggml model"), "{err}");

    let mut flipped = model[..4096].to_vec();
    flipped[0] ^= 0xff;
    let err = verify_fails(&write("flipped.bin", &flipped));
    assert!(err.contains("magic"), "{err}");

    // whisper.cpp asserts (and aborts) when the audio and text state sizes differ.
    let mut bad_state = model.clone();
    bad_state[12..16].copy_from_slice(&512i32.to_le_bytes());
    let err = verify_fails(&write("state.bin", &bad_state));
    assert!(err.contains("differs from text state"), "{err}");

    let mut trailing = model.clone();
    trailing.extend_from_slice(b"junk!");
    let err = verify_fails(&write("trailing.bin", &trailing));
    assert!(err.contains("truncated: tensor header"), "{err}");

    let err = verify_fails(dir.path());
    assert!(err.contains("directory"), "{err}");

    let err = verify_fails(&dir.path().join("missing.bin"));
    assert!(err.contains("cannot open"), "{err}");
}
