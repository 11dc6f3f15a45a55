//! `barraiser analyze` run as a real binary on typed answers and transcript files.

use crate::common;
use std::path::{Path, PathBuf};

use common::{bin, run, stderr, stdout};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/answers").join(name)
}

/// A config directory of our own, so a user's words.toml never leaks in.
fn analyze(args: &[&str], config: &Path) -> std::process::Output {
    run(bin().arg("analyze").args(args).env("BARRAISER_CONFIG", config).env_remove("NO_COLOR"))
}

#[test]
fn text_report_for_a_typed_answer() {
    let cfg = tempfile::tempdir().unwrap();
    let out = analyze(&[fixture("guide_ownership.txt").to_str().unwrap()], cfg.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let s = stdout(&out);
    assert!(!s.contains('\x1b'), "no colour when stdout is not a terminal");
    for want in [
        "behavioral answer",
        "Score",
        "below the bar",
        "3 weeks",
        "3 A/B tests",
        "18%",
        "$2.3M",
        "Ownership (hinted",
        "typed text",
    ] {
        assert!(s.contains(want), "missing {want:?} in:\n{s}");
    }
}

#[test]
fn json_follows_the_contract() {
    let cfg = tempfile::tempdir().unwrap();
    let out = analyze(&[fixture("timed_long.json").to_str().unwrap(), "--json"], cfg.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for key in [
        "kind",
        "question_id",
        "limit_s",
        "target_s",
        "duration_s",
        "over_limit",
        "words",
        "wpm",
        "metrics",
        "principles",
        "vague",
        "fillers",
        "pauses",
        "ownership",
        "star",
        "followups",
        "score",
        "flags",
    ] {
        assert!(v.get(key).is_some(), "no {key} in the report");
    }
    assert_eq!(v["kind"], "behavioral");
    assert_eq!(v["limit_s"], 180.0);
    assert_eq!(v["target_s"], 130.0);
    assert_eq!(v["over_limit"], true);
    assert!(v["duration_s"].as_f64().unwrap() > 180.0);
    assert!(v["cutoff"]["words_after"].as_u64().unwrap() > 10, "{}", v["cutoff"]);
    let kinds: Vec<&str> =
        v["pauses"].as_array().unwrap().iter().map(|p| p["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["hesitation", "silence"]);
    let names: Vec<&str> =
        v["principles"].as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Dive Deep", "Ownership"]);
    let metrics: Vec<&str> =
        v["metrics"].as_array().unwrap().iter().map(|m| m["text"].as_str().unwrap()).collect();
    assert!(metrics.contains(&"38%") && metrics.contains(&"from 38% to 9%"), "{metrics:?}");
    assert!(v["metrics"][0]["start_s"].as_f64().is_some(), "timed findings carry start_s");
    assert!(v["fillers"]["lower_bound"].as_bool().unwrap());
    let codes: Vec<&str> =
        v["flags"].as_array().unwrap().iter().map(|f| f["code"].as_str().unwrap()).collect();
    assert!(codes.contains(&"over_limit") && codes.contains(&"long_silence"), "{codes:?}");
    let overall = v["score"]["overall"].as_f64().unwrap();
    assert!((1.0..=4.0).contains(&overall));
    assert!(v["score"]["dimensions"]["timing"].as_f64().unwrap() <= 2.0);
}

#[test]
fn markdown_marks_the_transcript() {
    let cfg = tempfile::tempdir().unwrap();
    let out =
        analyze(&[fixture("weak_involved.txt").to_str().unwrap(), "--format", "md"], cfg.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let s = stdout(&out);
    assert!(s.starts_with("# behavioral answer"), "{s}");
    assert!(s.contains("## Vague phrases") && s.contains("_was involved in_"), "{s}");
    assert!(s.contains("below the bar"));
}

#[test]
fn kinds_change_the_checks() {
    let cfg = tempfile::tempdir().unwrap();
    let out = analyze(
        &[fixture("product_jumps_in.txt").to_str().unwrap(), "--kind", "product", "--json"],
        cfg.path(),
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["kind"], "product");
    assert_eq!(v["limit_s"], 300.0);
    let codes: Vec<&str> =
        v["flags"].as_array().unwrap().iter().map(|f| f["code"].as_str().unwrap()).collect();
    assert!(codes.contains(&"ideas_before_clarifying"), "{codes:?}");
    let out = analyze(
        &[fixture("writing_sample.txt").to_str().unwrap(), "--kind", "writing", "--json"],
        cfg.path(),
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["writing"]["in_range"], true, "{}", v["writing"]);
    assert!(!v["writing"]["passive"].as_array().unwrap().is_empty());
}

#[test]
fn a_user_word_list_adds_phrases() {
    let cfg = tempfile::tempdir().unwrap();
    let answer = cfg.path().join("answer.txt");
    std::fs::write(&answer, "We turned the corner on retention.").unwrap();
    let before = analyze(&[answer.to_str().unwrap(), "--json"], cfg.path());
    let v: serde_json::Value = serde_json::from_slice(&before.stdout).unwrap();
    assert_eq!(v["vague"].as_array().unwrap().len(), 0);
    std::fs::write(
        cfg.path().join("words.toml"),
        "[[vague]]\nphrases = [\"turned the corner\"]\nsuggestion = \"By how much?\"\n",
    )
    .unwrap();
    let after = analyze(&[answer.to_str().unwrap(), "--json"], cfg.path());
    let v: serde_json::Value = serde_json::from_slice(&after.stdout).unwrap();
    assert_eq!(v["vague"][0]["text"], "turned the corner");
    assert_eq!(v["vague"][0]["suggestion"], "By how much?");
}

#[test]
fn bad_input_is_one_clear_line() {
    let cfg = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.json");
    std::fs::write(&broken, "{\"words\": [").unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "  \n").unwrap();
    let missing = dir.path().join("missing.txt");
    for (path, want) in
        [(&broken, "not a transcript JSON"), (&empty, "no words"), (&missing, "could not read")]
    {
        let out = analyze(&[path.to_str().unwrap()], cfg.path());
        assert_eq!(out.status.code(), Some(1));
        let err = stderr(&out);
        assert!(
            err.starts_with("barraiser: error: ")
                && err.contains(want)
                && err.contains(path.file_name().unwrap().to_str().unwrap()),
            "{err}"
        );
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    }
    std::fs::write(cfg.path().join("words.toml"), "[[principle]]\nname = \"Be Nice\"\n").unwrap();
    let out = analyze(&[fixture("guide_ownership.txt").to_str().unwrap()], cfg.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("words.toml") && stderr(&out).contains("Be Nice"),
        "{}",
        stderr(&out)
    );
    let out = analyze(
        &[fixture("guide_ownership.txt").to_str().unwrap(), "--kind", "poetry"],
        cfg.path(),
    );
    assert_eq!(out.status.code(), Some(2), "bad usage");
}

#[test]
fn a_question_from_the_bank_sets_kind_limit_and_follow_ups() {
    let cfg = tempfile::tempdir().unwrap();
    let answer = fixture("product_jumps_in.txt");
    let out = analyze(
        &[answer.to_str().unwrap(), "--question", "prod-design-amazon-pets", "--json"],
        cfg.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["question_id"], "prod-design-amazon-pets");
    assert_eq!(v["kind"], "product");
    assert_eq!(v["limit_s"], 300.0);
    let bank = barraiser::bank::Bank::load(Some(cfg.path())).unwrap();
    let q = bank.get("prod-design-amazon-pets").unwrap();
    let followups: Vec<&str> =
        v["followups"].as_array().unwrap().iter().map(|f| f.as_str().unwrap()).collect();
    assert!(
        q.followups.iter().any(|f| followups.contains(&f.as_str())),
        "{followups:?} shares none of {:?}",
        q.followups
    );

    let out = analyze(&[answer.to_str().unwrap(), "--question", "no-such-question"], cfg.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("unknown question 'no-such-question'"), "{}", stderr(&out));
}

/// Runs the binary on a real pseudo-terminal (util-linux `script`).
fn on_a_terminal(file: &Path, config: &Path, no_color: bool) -> String {
    let cmd = format!("{} analyze {}", env!("CARGO_BIN_EXE_barraiser"), file.display());
    let mut script = std::process::Command::new("script");
    script.args(["-qec", &cmd, "/dev/null"]).env("BARRAISER_CONFIG", config).env_remove("NO_COLOR");
    if no_color {
        script.env("NO_COLOR", "1");
    }
    let out = run(&mut script);
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out)
}

#[test]
fn colour_on_a_terminal_unless_no_color() {
    let cfg = tempfile::tempdir().unwrap();
    let file = fixture("guide_ownership.txt");
    let coloured = on_a_terminal(&file, cfg.path(), false);
    assert!(coloured.contains("\x1b[32m4.0\x1b[0m"), "green scores on a terminal: {coloured:?}");
    let plain = on_a_terminal(&file, cfg.path(), true);
    assert!(!plain.contains('\x1b') && plain.contains("Score"), "{plain:?}");
}
