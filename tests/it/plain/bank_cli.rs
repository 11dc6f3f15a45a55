//! `barraiser questions list | show | random` through the real binary.

use crate::common;
use barraiser::round::Kind;
use barraiser::store::{Mode, NewAttempt, Store};
use common::{bin_in, ok_in, run, stderr};

fn list_json(dir: &std::path::Path, args: &[&str]) -> Vec<serde_json::Value> {
    let mut all = vec!["questions", "list", "--json"];
    all.extend_from_slice(args);
    let out = ok_in(dir, &all);
    serde_json::from_str::<serde_json::Value>(&out).unwrap().as_array().unwrap().clone()
}

#[test]
fn list_json_has_the_contract_fields_and_filters_work() {
    let tmp = tempfile::tempdir().unwrap();
    let all = list_json(tmp.path(), &[]);
    assert!(all.len() >= 150);
    for q in &all {
        assert!(q["id"].is_string() && q["text"].is_string() && q["kind"].is_string());
        assert!(q["limit_s"].is_number() && q["principles"].is_array());
    }

    let deep = list_json(tmp.path(), &["--kind", "behavioral", "--principle", "dive deep"]);
    assert!(deep.len() >= 4);
    for q in &deep {
        assert_eq!(q["kind"], "behavioral");
        assert!(q["principles"].as_array().unwrap().iter().any(|p| p == "Dive Deep"), "{q}");
    }

    let search = list_json(tmp.path(), &["--search", "ALEXA"]);
    assert!(!search.is_empty());
    assert!(search.len() < all.len());
    for q in &search {
        let blob = q.to_string().to_lowercase();
        assert!(blob.contains("alexa"), "{q}");
    }

    let sd = list_json(tmp.path(), &["--kind", "system-design"]);
    assert!(sd.iter().all(|q| q["kind"] == "system-design" && q["limit_s"] == 300.0));

    let text = ok_in(tmp.path(), &["questions", "list", "--kind", "analytical"]);
    assert!(text.contains("ana-est-daily-orders-india"), "{text}");
    assert!(!text.contains("beh-failure"), "{text}");
}

#[test]
fn show_prints_followups_framework_and_frequency() {
    let tmp = tempfile::tempdir().unwrap();
    let out = ok_in(tmp.path(), &["questions", "show", "beh-disagree-stakeholder"]);
    assert!(out.contains("limit 3:00"), "{out}");
    assert!(out.contains("asked in 68% of loops"), "{out}");
    assert!(out.contains("Have Backbone; Disagree and Commit"), "{out}");
    let out = ok_in(tmp.path(), &["questions", "show", "sd-flex-package-tracking"]);
    assert!(out.contains("6. Propose metrics"), "{out}");
    assert!(out.contains("limit 5:00"), "{out}");

    let missing = run(bin_in(tmp.path()).args(["questions", "show", "no-such-question"]));
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr(&missing).contains("no question 'no-such-question'"));

    let bad = run(bin_in(tmp.path()).args(["questions", "list", "--principle", "punctuality"]));
    assert_eq!(bad.status.code(), Some(1));
    assert!(stderr(&bad).contains("unknown or ambiguous Leadership Principle 'punctuality'"));
    let usage = run(bin_in(tmp.path()).args(["questions", "list", "--kind", "poetry"]));
    assert_eq!(usage.status.code(), Some(2), "bad usage exits 2");
}

#[test]
fn random_prefers_the_least_practised_question() {
    let tmp = tempfile::tempdir().unwrap();
    let estimation: Vec<String> =
        list_json(tmp.path(), &["--kind", "analytical", "--search", "estimate"])
            .iter()
            .map(|q| q["id"].as_str().unwrap().to_string())
            .collect();
    assert!(estimation.len() >= 3, "{estimation:?}");
    let analytical: Vec<String> = list_json(tmp.path(), &["--kind", "analytical"])
        .iter()
        .map(|q| q["id"].as_str().unwrap().to_string())
        .collect();

    // Practise every analytical question but one; random must pick that one.
    let fresh = analytical[analytical.len() / 2].clone();
    let mut store = Store::open(tmp.path()).unwrap();
    for id in analytical.iter().filter(|id| **id != fresh) {
        let mut a = NewAttempt::new(Kind::Analytical, Mode::Practice);
        a.question_id = Some(id.clone());
        store.insert_attempt(&a).unwrap();
    }
    drop(store);
    for _ in 0..5 {
        let out = ok_in(tmp.path(), &["questions", "random", "--kind", "analytical", "--json"]);
        let q: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(q["id"], fresh.as_str());
    }

    // Without history, random varies and respects the filter.
    let empty = tempfile::tempdir().unwrap();
    let mut seen = std::collections::HashSet::new();
    for _ in 0..8 {
        let out =
            ok_in(empty.path(), &["questions", "random", "--principle", "frugality", "--json"]);
        let q: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert!(q["principles"].as_array().unwrap().iter().any(|p| p == "Frugality"), "{q}");
        seen.insert(q["id"].as_str().unwrap().to_string());
    }
    assert!(seen.len() > 1, "random always returned {seen:?}");
    assert!(
        !empty.path().join("barraiser.db").exists(),
        "looking at questions creates no database"
    );
}

#[test]
fn output_into_a_closed_pipe_ends_quietly() {
    use std::io::Read;
    let tmp = tempfile::tempdir().unwrap();
    let mut child = bin_in(tmp.path())
        .args(["questions", "list", "--json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut head = [0u8; 64];
    child.stdout.take().unwrap().read_exact(&mut head).unwrap(); // then the pipe closes, like `| head`
    let out = child.wait_with_output().unwrap();
    // Like other Unix tools it either finishes or is ended by SIGPIPE, never panics.
    use std::os::unix::process::ExitStatusExt;
    let quiet_end = out.status.code() == Some(0) || out.status.signal() == Some(libc::SIGPIPE);
    assert!(quiet_end, "{:?}: {}", out.status, stderr(&out));
    assert!(stderr(&out).is_empty(), "no panic message: {}", stderr(&out));
}
