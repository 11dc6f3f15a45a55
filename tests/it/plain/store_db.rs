//! The SQLite store on real files: migrations, attempts, corrupt and locked databases.

use crate::common;
use std::path::Path;

use barraiser::bank::Story;
use barraiser::round::Kind;
use barraiser::store::{
    AttemptFilter, Mode, NewAttempt, Status, Store, MIGRATIONS, SCHEMA_VERSION,
};
use chrono::{Duration, Utc};
use common::{bin_in, ok_in, run, stderr};
use rusqlite::Connection;

fn pragma(path: &Path, name: &str) -> String {
    let conn = Connection::open(path).unwrap();
    conn.query_row(&format!("PRAGMA {name}"), [], |r| r.get::<_, rusqlite::types::Value>(0))
        .map(|v| match v {
            rusqlite::types::Value::Integer(i) => i.to_string(),
            rusqlite::types::Value::Text(t) => t,
            other => format!("{other:?}"),
        })
        .unwrap()
}

#[test]
fn migrations_run_on_a_fresh_file_and_are_idempotent() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("nested/data");
    let store = Store::open(&data).unwrap();
    let db = data.join("barraiser.db");
    assert_eq!(store.path(), db);
    assert!(store.recordings_dir().is_dir());
    assert_eq!(store.recordings_dir(), data.join("recordings"));
    drop(store);

    assert_eq!(pragma(&db, "user_version"), SCHEMA_VERSION.to_string());
    assert_eq!(pragma(&db, "journal_mode"), "wal");
    let conn = Connection::open(&db).unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(tables, ["attempts", "loop_takes", "loops", "sessions", "stories"]);
    drop(conn);

    // Opening again changes nothing and keeps data.
    let mut store = Store::open(&data).unwrap();
    let id = store.add_story(&Story { title: "Kept".into(), ..Story::default() }).unwrap();
    drop(store);
    let store = Store::open(&data).unwrap();
    assert_eq!(store.story(id).unwrap().unwrap().title, "Kept");
    assert_eq!(pragma(&db, "user_version"), SCHEMA_VERSION.to_string());
}

#[test]
fn a_newer_schema_is_refused_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    drop(Store::open(tmp.path()).unwrap());
    let db = tmp.path().join("barraiser.db");
    Connection::open(&db).unwrap().pragma_update(None, "user_version", 99).unwrap();
    let err = Store::open(tmp.path()).err().expect("newer schema refused").to_string();
    assert!(err.contains(&db.display().to_string()) && err.contains("version 99"), "{err}");
    assert_eq!(pragma(&db, "user_version"), "99");
}

#[test]
fn attempts_round_trip_newest_first_with_relative_audio() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = Store::open(tmp.path()).unwrap();
    let report = serde_json::json!({
        "kind": "behavioral", "question_id": "beh-failure", "limit_s": 180.0, "target_s": 130.0,
        "duration_s": 141.5, "wpm": 152.0, "fillers": {"count": 3, "per_min": 1.3, "items": []},
        "metrics": [{"text": "18%", "start_s": 12.0, "kind": "percent"}, {"text": "$2.3M", "start_s": 30.0, "kind": "money"}],
        "principles": [{"name": "Ownership", "text": "ownership", "explicit": true, "start_s": 100.0},
                       {"name": "Ownership", "text": "I owned", "explicit": false, "start_s": 5.0}],
        "score": {"overall": 3.4, "dimensions": {}}
    });
    let mut first = NewAttempt::from_report(Mode::Practice, report.clone()).unwrap();
    first.started_at = Utc::now() - Duration::minutes(10);
    first.audio_path = Some(store.recordings_dir().join("take-1.wav"));
    first.transcript =
        Some(serde_json::json!({"words": [{"text": "hello", "start": 0.0, "end": 0.4}]}));
    let id1 = store.insert_attempt(&first).unwrap();

    let mut second = NewAttempt::new(Kind::Product, Mode::Drill);
    second.question_id = Some("prod-improve-returns".into());
    second.status = Status::Interrupted;
    let id2 = store.insert_attempt(&second).unwrap();
    let mut cancelled = NewAttempt::new(Kind::Behavioral, Mode::Practice);
    cancelled.question_id = Some("beh-failure".into());
    cancelled.status = Status::Cancelled;
    cancelled.started_at = Utc::now() - Duration::minutes(20);
    store.insert_attempt(&cancelled).unwrap();

    let a = store.attempt(id1).unwrap().unwrap();
    assert_eq!(a.question_id.as_deref(), Some("beh-failure"));
    assert_eq!(
        (a.score, a.duration_s, a.wpm, a.fillers_per_min),
        (Some(3.4), Some(141.5), Some(152.0), Some(1.3))
    );
    assert_eq!((a.limit_s, a.target_s, a.metrics_count), (Some(180.0), Some(130.0), Some(2)));
    assert_eq!(a.principles, ["Ownership"]);
    assert_eq!(a.report.as_ref(), Some(&report));
    assert_eq!(a.transcript, first.transcript);
    assert_eq!(
        a.audio_path.as_deref(),
        Some(Path::new("recordings/take-1.wav")),
        "stored relative"
    );
    assert_eq!(store.audio_file(&a).unwrap(), tmp.path().join("recordings/take-1.wav"));
    assert_eq!(a.started_at.timestamp_millis(), first.started_at.timestamp_millis());

    let all = store.attempts(&AttemptFilter::default()).unwrap();
    assert_eq!(all.iter().map(|a| a.id).collect::<Vec<_>>()[..2], [id2, id1], "newest first");
    let only = store
        .attempts(&AttemptFilter {
            question_id: Some("beh-failure".into()),
            limit: Some(1),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(only.len(), 1);
    assert_eq!(only[0].id, id1);
    let drills =
        store.attempts(&AttemptFilter { mode: Some(Mode::Drill), ..Default::default() }).unwrap();
    assert_eq!(drills.iter().map(|a| a.id).collect::<Vec<_>>(), [id2]);
    let behavioral = store
        .attempts(&AttemptFilter { kind: Some(Kind::Behavioral), ..Default::default() })
        .unwrap();
    assert_eq!(behavioral.len(), 2);
    assert!(behavioral.iter().all(|a| a.kind == Kind::Behavioral));

    let counts = store.practice_counts().unwrap();
    assert_eq!(counts.get("beh-failure"), Some(&1), "cancelled takes do not count");
    assert_eq!(counts.get("prod-improve-returns"), Some(&1));

    second.status = Status::Complete;
    second.score = Some(2.5);
    store.update_attempt(id2, &second).unwrap();
    assert_eq!(store.attempt(id2).unwrap().unwrap().score, Some(2.5));
    assert!(store.update_attempt(9999, &second).is_err());
    assert!(store.delete_attempt(id2).unwrap());
    assert!(store.attempt(id2).unwrap().is_none());
}

#[test]
fn corrupt_database_is_reported_and_left_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("barraiser.db");
    let garbage: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect();
    std::fs::write(&db, &garbage).unwrap();

    let err = format!("{:#}", Store::open(tmp.path()).err().expect("garbage is not a database"));
    assert!(err.contains(&db.display().to_string()), "{err}");
    assert!(err.contains("not a readable barraiser database"), "{err}");

    for args in [&["story", "list"][..], &["sessions"], &["stories", "coverage"]] {
        let out = run(bin_in(tmp.path()).args(args));
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let e = stderr(&out);
        assert!(
            e.starts_with("barraiser: error: ") && e.contains(&db.display().to_string()),
            "{e}"
        );
        assert_eq!(e.trim_end().lines().count(), 1, "one line: {e}");
    }
    assert_eq!(std::fs::read(&db).unwrap(), garbage, "the file was not modified");
    assert!(
        !tmp.path().join("barraiser.db-wal").exists()
            || std::fs::metadata(tmp.path().join("barraiser.db-wal")).unwrap().len() == 0
    );
}

#[test]
fn locked_database_names_the_file() {
    let tmp = tempfile::tempdir().unwrap();
    ok_in(tmp.path(), &["story", "add", "--title", "First"]);
    let db = tmp.path().join("barraiser.db");
    let holder = Connection::open(&db).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE; INSERT INTO stories (title, created_at, updated_at) VALUES ('held', 'x', 'x');").unwrap();

    let out = run(bin_in(tmp.path())
        .args(["story", "add", "--title", "Second"])
        .env("BARRAISER_DB_WAIT_SECS", "1"));
    assert_eq!(out.status.code(), Some(1));
    let e = stderr(&out);
    assert!(
        e.contains(&db.display().to_string()) && e.contains("locked by another process"),
        "{e}"
    );

    // Readers are not blocked by the writer (WAL).
    let list = ok_in(tmp.path(), &["story", "list"]);
    assert!(list.contains("First") && !list.contains("held"), "{list}");
    holder.execute_batch("ROLLBACK").unwrap();
    ok_in(tmp.path(), &["story", "add", "--title", "Second"]);
}

#[test]
fn sessions_lists_newest_first_as_json_and_text() {
    let tmp = tempfile::tempdir().unwrap();
    let empty = ok_in(tmp.path(), &["sessions", "--json"]);
    assert_eq!(serde_json::from_str::<serde_json::Value>(&empty).unwrap(), serde_json::json!([]));
    assert!(ok_in(tmp.path(), &["sessions"]).contains("No sessions yet"));

    let mut store = Store::open(tmp.path()).unwrap();
    let mut ids = vec![];
    for (i, q) in ["beh-failure", "prod-improve-returns", "beh-failure"].iter().enumerate() {
        let mut a =
            NewAttempt::new(if i == 1 { Kind::Product } else { Kind::Behavioral }, Mode::Practice);
        a.started_at = Utc::now() - Duration::minutes(30 - i as i64);
        a.question_id = Some(q.to_string());
        a.duration_s = Some(120.0 + i as f64);
        a.score = Some(2.0 + i as f64 / 2.0);
        ids.push(store.insert_attempt(&a).unwrap());
    }
    drop(store);

    let json: serde_json::Value =
        serde_json::from_str(&ok_in(tmp.path(), &["sessions", "--json"])).unwrap();
    let rows = json.as_array().unwrap();
    assert_eq!(
        rows.iter().map(|r| r["id"].as_i64().unwrap()).collect::<Vec<_>>(),
        [ids[2], ids[1], ids[0]]
    );
    for r in rows {
        for key in ["id", "question_id", "started_at", "duration_s", "score"] {
            assert!(!r[key].is_null(), "{key} in {r}");
        }
        assert!(r.get("report").is_none() && r.get("transcript").is_none());
    }
    assert_eq!(rows[0]["score"], 3.0);
    assert_eq!(rows[0]["duration_s"], 122.0);

    let filtered: serde_json::Value = serde_json::from_str(&ok_in(
        tmp.path(),
        &["sessions", "--question", "beh-failure", "--json"],
    ))
    .unwrap();
    assert_eq!(filtered.as_array().unwrap().len(), 2);
    let text = ok_in(tmp.path(), &["sessions"]);
    assert!(
        text.contains("prod-improve-returns") && text.contains("2:01") && text.contains("2.5"),
        "{text}"
    );
}

#[test]
fn a_failed_import_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = Store::open(tmp.path()).unwrap();
    let good = Story { title: "Good".into(), metrics: vec!["3 weeks".into()], ..Story::default() };
    let blank = Story { title: "   ".into(), ..Story::default() };
    let err =
        store.import_stories(&[good, blank]).expect_err("a blank title breaks the schema's check");
    assert!(err.to_string().contains(&store.path().display().to_string()), "{err}");
    assert!(store.stories().unwrap().is_empty(), "the good story was rolled back with the bad one");
}

#[test]
fn a_version_1_database_is_upgraded_in_place() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("barraiser.db");
    let conn = Connection::open(&db).unwrap();
    conn.execute_batch(MIGRATIONS[0]).unwrap();
    conn.pragma_update(None, "user_version", 1).unwrap();
    conn.execute_batch(
        "INSERT INTO stories (title, created_at, updated_at) VALUES ('Old story', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
         INSERT INTO attempts (started_at, question_id, kind, mode, status, score)
         VALUES ('2026-01-02T09:00:00.000Z', 'beh-failure', 'behavioral', 'drill', 'complete', 3.0);",
    )
    .unwrap();
    drop(conn);

    let store = Store::open(tmp.path()).unwrap();
    assert_eq!(pragma(&db, "user_version"), SCHEMA_VERSION.to_string());
    assert_eq!(store.stories().unwrap()[0].title, "Old story");
    let old = &store.attempts(&AttemptFilter::default()).unwrap()[0];
    assert_eq!((old.question_id.as_deref(), old.score), (Some("beh-failure"), Some(3.0)));
    let session = old.session_id.expect("the old attempt got a session of its own");
    let conn = Connection::open(&db).unwrap();
    let (started, mode): (String, String) = conn
        .query_row("SELECT started_at, mode FROM sessions WHERE id = ?1", [session], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!((started.as_str(), mode.as_str()), ("2026-01-02T09:00:00.000Z", "drill"));
}

#[test]
fn attempts_of_one_sitting_share_a_session() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = Store::open(tmp.path()).unwrap();
    let mock = store.start_session(Mode::Practice).unwrap();
    let mut ids = vec![];
    for q in ["beh-failure", "prod-improve-returns", "ana-est-daily-orders-india"] {
        let mut a = NewAttempt::new(Kind::Behavioral, Mode::Practice);
        a.session_id = Some(mock);
        a.question_id = Some(q.into());
        ids.push(store.insert_attempt(&a).unwrap());
    }
    let alone = store.insert_attempt(&NewAttempt::new(Kind::Product, Mode::Practice)).unwrap();
    let other = store.attempt(alone).unwrap().unwrap().session_id.unwrap();
    assert_ne!(other, mock, "an attempt without a session starts its own");

    let in_mock =
        store.attempts(&AttemptFilter { session_id: Some(mock), ..Default::default() }).unwrap();
    let mut got: Vec<i64> = in_mock.iter().map(|a| a.id).collect();
    got.sort();
    assert_eq!(got, ids);

    // Updating without a session keeps the attempt where it was.
    let mut changed = (*store.attempt(ids[0]).unwrap().unwrap()).clone();
    changed.session_id = None;
    changed.score = Some(3.9);
    store.update_attempt(ids[0], &changed).unwrap();
    let after = store.attempt(ids[0]).unwrap().unwrap();
    assert_eq!((after.session_id, after.score), (Some(mock), Some(3.9)));

    let mut bad = NewAttempt::new(Kind::Behavioral, Mode::Practice);
    bad.session_id = Some(9999);
    let err = store.insert_attempt(&bad).expect_err("no such session");
    assert!(err.to_string().contains(&store.path().display().to_string()), "{err}");
}
