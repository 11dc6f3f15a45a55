//! The writing sample through the real binary: `barraiser write` with a real editor
//! (a script standing in for one) and from a file, judged by the writing rubric,
//! saved in a real database, reviewable like a take; bad files get one-line errors.

use crate::common;
use std::path::{Path, PathBuf};

use common::{bin_in, ok_in, run, stderr, stdout};

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/answers/writing_sample.txt")
}

/// An "editor" that appends the fixture sample to the draft it is given, after
/// checking the draft shows the prompt and the word target.
fn editor_script(dir: &Path) -> String {
    let script = dir.join("editor.sh");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\ngrep -q '^# Prompt (wri-product-win)' \"$1\" || exit 3\n\
             grep -q '300-500 words' \"$1\" || exit 4\nsleep 1\ncat '{}' >> \"$1\"\n",
            sample().display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    script.display().to_string()
}

#[test]
fn write_in_the_editor_is_judged_saved_and_reviewable() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let out = run(bin_in(d)
        .args(["write", "--prompt", "wri-product-win", "--json"])
        .env("VISUAL", editor_script(d)));
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("Write a 400-word narrative"), "{err}");
    assert!(err.contains("Saved session 1: 308 words in 0:0"), "{err}");
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["words"], 308);
    assert_eq!(v["session"], 1);
    assert_eq!(v["prompt_id"], "wri-product-win");
    assert!(v["elapsed_s"].as_f64().unwrap() >= 1.0, "the editor took a second: {v}");
    let checks: Vec<&str> =
        v["findings"].as_array().unwrap().iter().map(|f| f["check"].as_str().unwrap()).collect();
    assert_eq!(
        checks,
        [
            "length",
            "active_voice",
            "plain_language",
            "principle",
            "results",
            "ownership",
            "vague",
            "story_arc"
        ]
    );
    let passive = &v["findings"][1];
    assert_eq!(passive["ok"], false);
    assert!(passive["message"].as_str().unwrap().contains("was leveraged"));
    assert!(v["score"].as_f64().unwrap() >= 3.0);
    assert!(
        std::fs::read_dir(d.join("drafts")).unwrap().next().is_none(),
        "the draft is removed once saved"
    );

    let sessions = ok_in(d, &["sessions"]);
    assert!(sessions.contains("wri-product-win") && sessions.contains("writing"), "{sessions}");
    let review = ok_in(d, &["review", "1", "--print"]);
    assert!(review.contains("written sample · 308 words"), "{review}");
    assert!(review.contains("Session #1 · Write a 400-word narrative"), "{review}");
}

#[test]
fn a_failing_editor_or_an_empty_draft_saves_nothing_and_keeps_the_text() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let script = d.join("failing-editor.sh");
    std::fs::write(&script, "#!/bin/sh\necho 'I led it.' >> \"$1\"\nexit 2\n").unwrap();
    std::fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let failing = run(bin_in(d).args(["write"]).env("VISUAL", &script));
    assert!(!failing.status.success());
    let err = stderr(&failing);
    assert!(err.contains("failed") && err.contains("your text is kept in"), "{err}");
    let kept = std::fs::read_dir(d.join("drafts")).unwrap().next().unwrap().unwrap().path();
    assert!(std::fs::read_to_string(kept).unwrap().contains("I led it."));

    let empty = run(bin_in(d).args(["write"]).env("VISUAL", "true"));
    assert!(!empty.status.success());
    assert!(stderr(&empty).contains("empty; nothing saved"), "{}", stderr(&empty));
    assert!(ok_in(d, &["sessions"]).contains("No sessions yet"));
}

#[test]
fn bad_files_get_one_line_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let binary = d.join("bad.txt");
    std::fs::write(&binary, [0xff, 0xfe, 0x00]).unwrap();
    let empty = d.join("empty.txt");
    std::fs::write(&empty, "# only a comment\n\n").unwrap();
    for (file, want) in [
        (d.join("missing.txt"), "missing.txt: no such file"),
        (binary, "bad.txt: not UTF-8 text"),
        (empty, "empty.txt: no words to judge"),
    ] {
        let out = run(bin_in(d).args(["write", "--file"]).arg(&file));
        assert_eq!(out.status.code(), Some(1));
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(want), "{err}");
        assert!(!err.contains("panicked"));
    }
    let wrong = run(bin_in(d).args(["write", "--prompt", "beh-failure", "--file"]).arg(sample()));
    assert!(stderr(&wrong).contains("not a writing prompt"), "{}", stderr(&wrong));
    assert!(ok_in(d, &["sessions"]).contains("No sessions yet"));
}

#[test]
fn practice_kind_writing_runs_the_writing_sample() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let out = run(bin_in(d)
        .args(["practice", "--kind", "writing", "--question", "wri-product-win"])
        .env("VISUAL", editor_script(d)));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("barraiser write"));
    assert!(ok_in(d, &["sessions"]).contains("wri-product-win"));
}

#[test]
fn analyze_kind_writing_uses_the_same_rubric_without_speaking_time() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let json: serde_json::Value = serde_json::from_str(&ok_in(
        d,
        &["analyze", "--kind", "writing", "--json", sample().to_str().unwrap()],
    ))
    .unwrap();
    assert_eq!(json["spoken_estimate_s"], serde_json::Value::Null);
    assert_eq!(json["writing"]["findings"].as_array().unwrap().len(), 8);
    let codes: Vec<&str> =
        json["flags"].as_array().unwrap().iter().map(|f| f["code"].as_str().unwrap()).collect();
    assert!(!codes.contains(&"we_over_i") && !codes.contains(&"no_principle"), "{codes:?}");
    let written: serde_json::Value = serde_json::from_str(&ok_in(
        d,
        &["write", "--prompt", "wri-product-win", "--json", "--file", sample().to_str().unwrap()],
    ))
    .unwrap();
    assert_eq!(written["score"], json["score"]["overall"], "write and analyze agree");
    let text = ok_in(d, &["analyze", "--kind", "writing", sample().to_str().unwrap()]);
    assert!(!text.contains("to say"), "{text}");
}
