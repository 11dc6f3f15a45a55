//! The Report JSON contract into the store: a typed answer coached by the real
//! `barraiser analyze`, saved with `NewAttempt::from_report`, listed by `sessions`.

use crate::common;
use barraiser::store::{Mode, NewAttempt, Store};
use common::ok_in;

#[test]
fn an_analyzed_answer_is_saved_and_listed_with_its_figures() {
    let tmp = tempfile::tempdir().unwrap();
    let answer = tmp.path().join("answer.txt");
    std::fs::write(
        &answer,
        "I owned the launch of a mobile checkout feature at my startup. When engineering delayed \
         the deadline by 3 weeks, I re-scoped the MVP, ran 3 A/B tests, and shipped, resulting in \
         18% faster checkout and $2.3M annual revenue uplift. This demonstrates Ownership.",
    )
    .unwrap();
    let json = ok_in(
        tmp.path(),
        &["analyze", answer.to_str().unwrap(), "--question", "beh-failure", "--json"],
    );
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    let overall = report["score"]["overall"].as_f64().expect("the report has a score");
    let named: Vec<&str> = report["principles"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["name"].as_str())
        .collect();
    assert!(named.contains(&"Ownership"), "{named:?}");

    let mut store = Store::open(tmp.path()).unwrap();
    let attempt = NewAttempt::from_report(Mode::Analyze, report.clone()).unwrap();
    assert_eq!(attempt.metrics_count, Some(report["metrics"].as_array().unwrap().len() as u32));
    assert!(attempt.metrics_count.unwrap() >= 2);
    let id = store.insert_attempt(&attempt).unwrap();
    drop(store);

    let listed: serde_json::Value =
        serde_json::from_str(&ok_in(tmp.path(), &["sessions", "--json"])).unwrap();
    let row = &listed[0];
    assert_eq!(row["id"], id);
    assert_eq!(row["question_id"], "beh-failure");
    assert_eq!(row["kind"], "behavioral");
    assert_eq!(row["mode"], "analyze");
    assert_eq!(row["score"].as_f64(), Some(overall));
    assert!(row["principles"].as_array().unwrap().iter().any(|p| p == "Ownership"));
    assert!(row["duration_s"].is_null(), "typed answers have no duration");

    let store = Store::open(tmp.path()).unwrap();
    assert_eq!(
        store.attempt(id).unwrap().unwrap().report.as_ref(),
        Some(&report),
        "the report is kept whole"
    );
}
