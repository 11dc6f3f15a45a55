//! The mock onsite without audio: the plan through the real binary, its errors, and
//! a loop kept in a real database (the writing step taken in a real editor run),
//! resumed from the store and exported while in progress.

use crate::common;
use std::path::Path;

use barraiser::analysis::Lexicon;
use barraiser::bank::Bank;
use barraiser::mock_loop::plan::{build, PlanOptions, RoundKind};
use barraiser::mock_loop::session::LoopSession;
use barraiser::mock_loop::{RunSettings, Step, StepKey};
use barraiser::store::Store;
use common::{bin_in, ok_in, run, stderr};

fn plan_json(d: &Path, args: &[&str]) -> serde_json::Value {
    let mut all = vec!["loop", "--plan", "--json"];
    all.extend(args);
    serde_json::from_str(&ok_in(d, &all)).unwrap()
}

#[test]
fn the_plan_is_stable_json_and_the_same_seed_repeats_it() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let plan = plan_json(d, &["--seed", "42"]);
    assert_eq!(plan, plan_json(d, &["--seed", "42"]));
    assert_eq!(plan["seed"], 42);
    let kinds: Vec<&str> =
        plan["rounds"].as_array().unwrap().iter().map(|r| r["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["product", "behavioral", "analytical", "combined"]);
    for r in plan["rounds"].as_array().unwrap() {
        assert!(r["interviewer"].is_string());
        let focus = r["focus"].as_array().unwrap();
        assert!((2..=4).contains(&focus.len()));
        for q in r["questions"].as_array().unwrap() {
            assert!(q["id"].is_string() && q["text"].is_string() && q["limit_s"].is_f64());
        }
    }
    let bar_raisers =
        plan["rounds"].as_array().unwrap().iter().filter(|r| r["bar_raiser"] == true).count();
    assert_eq!(bar_raisers, 1);
    assert_eq!(plan["writing"]["min_words"], 300);
    assert_eq!(plan["writing"]["max_words"], 500);
    assert!(plan["writing"]["prompt"].is_string());

    let senior = plan_json(d, &["--seed", "42", "--level", "senior", "--no-writing"]);
    assert!(senior["rounds"].as_array().unwrap().iter().any(|r| r["kind"] == "system-design"));
    assert_eq!(senior["writing"], serde_json::Value::Null);
    let two = plan_json(d, &["--rounds", "combined,analytical", "--questions", "2"]);
    assert_eq!(two["rounds"][0]["kind"], "combined");
    assert_eq!(two["rounds"][1]["questions"].as_array().unwrap().len(), 2);
    assert!(!d.join("barraiser.db").exists(), "planning writes nothing");
}

#[test]
fn bad_options_get_one_line_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    for (args, want) in [
        (
            vec!["loop", "--plan", "--rounds", "system-design"],
            "--level senior|group or --technical",
        ),
        (vec!["loop", "--plan", "--questions", "0"], "--questions must be at least 1"),
        (vec!["loop", "--no-tui", "--followups", "3"], "--followups must be 0, 1 or 2"),
        (vec!["loop", "--no-tui", "--seconds", "0"], "--seconds must be a positive number"),
        (vec!["loop", "--no-tui", "--resume"], "no unfinished loop to resume"),
        (vec!["loop", "--no-tui", "--resume", "9"], "no loop #9"),
        (vec!["export", "--loop", "9"], "no loop #9"),
        (vec!["loop"], "needs a terminal; use --no-tui"),
    ] {
        let out = run(bin_in(d).args(&args));
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = stderr(&out);
        assert!(err.contains(want), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
    }
    assert!(ok_in(d, &["loops"]).contains("No loops yet"));
    assert_eq!(ok_in(d, &["loops", "--json"]).trim(), "[]");
}

#[test]
fn a_loop_in_the_store_resumes_where_it_stopped_and_exports_in_progress() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let bank = Bank::from_files(&[]).unwrap();
    let opts = PlanOptions {
        rounds: Some(vec![RoundKind::Behavioral]),
        questions: Some(1),
        seed: 4,
        writing: true,
        ..PlanOptions::default()
    };
    let sample = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/answers/writing_sample.txt"),
    )
    .unwrap();
    let id = {
        let mut store = Store::open(d).unwrap();
        let mut s =
            LoopSession::start(&mut store, build(&bank, &opts).unwrap(), RunSettings::default())
                .unwrap();
        let Step::Ask(ask) = s.next() else { panic!() };
        assert_eq!(ask.key, StepKey::Writing);
        let saved = s
            .save_written(&mut store, &ask, &sample, chrono::Utc::now(), &Lexicon::builtin())
            .unwrap();
        assert!(saved.report.unwrap().score.overall >= 3.0);
        s.id
    };
    // A new process: the store alone knows where the loop is.
    let store = Store::open(d).unwrap();
    let resumed = LoopSession::resume(&store, None).unwrap();
    assert_eq!(resumed.id, id);
    assert_eq!(resumed.run.done.len(), 1);
    let Step::Ask(next) = resumed.next() else { panic!() };
    assert_eq!(next.key, StepKey::Question { round: 0, question: 0 });

    let loops: serde_json::Value = serde_json::from_str(&ok_in(d, &["loops", "--json"])).unwrap();
    assert_eq!(loops[0]["finished"], false);
    assert_eq!(loops[0]["rounds_done"], 0);
    assert_eq!(loops[0]["takes"], 1);
    let packet: serde_json::Value =
        serde_json::from_str(&ok_in(d, &["export", "--loop", &id.to_string(), "--format", "json"]))
            .unwrap();
    assert_eq!(packet["complete"], false);
    assert_eq!(packet["writing"]["words"], 308);
    assert!(packet["takes"][0]["transcript"].as_str().unwrap().starts_with("In 2024 I led"));
    let sessions = ok_in(d, &["sessions"]);
    assert!(sessions.contains("writing"), "the sample is a take like any other: {sessions}");
}
