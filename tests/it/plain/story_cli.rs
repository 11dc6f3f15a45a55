//! The story bank through the real binary on a real database: add (flags and
//! editor), list, show, edit, rm, import/export, coverage.

use crate::common;
use std::path::Path;

use common::{bin_in, ok_in, run, stderr};

fn json(dir: &Path, args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&ok_in(dir, args)).unwrap()
}

/// An "editor" that replaces the file it is given with `content`.
fn editor_writing(dir: &Path, content: &str) -> String {
    let src = dir.join(format!("editor-input-{}.toml", content.len()));
    std::fs::write(&src, content).unwrap();
    format!("cp '{}'", src.display())
}

#[test]
fn add_list_show_edit_rm_with_flags_and_editor() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let out = ok_in(
        d,
        &[
            "story",
            "add",
            "--title",
            "Checkout MVP re-scope",
            "--principle",
            "ownership",
            "--principle",
            "deliver results",
            "--metric",
            "18% faster checkout",
            "--metric",
            "$2.3M annual revenue uplift",
            "--notes",
            "Lead with the result.",
        ],
    );
    assert!(out.contains("Added story #1: Checkout MVP re-scope"), "{out}");
    let thin = run(bin_in(d).args([
        "story",
        "add",
        "--title",
        "Onboarding video",
        "--principle",
        "Dive Deep",
        "--metric",
        "19% retention",
    ]));
    assert!(thin.status.success());
    assert!(stderr(&thin).contains("cites 1 metric"), "{}", stderr(&thin));

    let list = json(d, &["story", "list", "--json"]);
    assert_eq!(list.as_array().unwrap().len(), 2);
    assert_eq!(list[0]["principles"], serde_json::json!(["Ownership", "Deliver Results"]));
    assert_eq!(list[1]["metrics"], serde_json::json!(["19% retention"]));
    let text = ok_in(d, &["story", "list"]);
    assert!(text.contains("Onboarding video") && text.contains("1!"), "{text}");

    let shown = ok_in(d, &["story", "show", "1"]);
    assert!(
        shown.contains("$2.3M annual revenue uplift") && shown.contains("Lead with the result."),
        "{shown}"
    );

    // Edit story 2 in the "editor": add a metric and a principle.
    let edited = "title = \"Onboarding video\"\nprinciples = [\"Dive Deep\", \"customer obsession\"]\n\
                  situation = '''\nRetention fell 15% in two weeks.\n'''\nmetrics = [\"19% retention\", \"NPS +12\"]\nnotes = \"\"\n";
    let out = run(bin_in(d).args(["story", "edit", "2"]).env("VISUAL", editor_writing(d, edited)));
    assert!(out.status.success(), "{}", stderr(&out));
    let s2 = json(d, &["story", "show", "2", "--json"]);
    assert_eq!(s2["principles"], serde_json::json!(["Dive Deep", "Customer Obsession"]));
    assert_eq!(s2["metrics"].as_array().unwrap().len(), 2);
    assert_eq!(s2["situation"], "Retention fell 15% in two weeks.");

    // Add through the editor with no flags.
    let new = "title = \"Pricing pushback\"\nprinciples = [\"backbone\"]\nmetrics = [\"$400K saved\", \"2 weeks earlier\"]\n";
    let out = run(bin_in(d).args(["story", "add"]).env("VISUAL", editor_writing(d, new)));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Added story #3: Pricing pushback"));

    // An editor that leaves the template alone cancels.
    let out = run(bin_in(d).args(["story", "add"]).env("VISUAL", "true"));
    assert!(out.status.success());
    assert!(stderr(&out).contains("Nothing changed"));
    assert_eq!(json(d, &["story", "list", "--json"]).as_array().unwrap().len(), 3);

    let out = ok_in(d, &["story", "rm", "1"]);
    assert!(out.contains("Removed story #1"), "{out}");
    let missing = run(bin_in(d).args(["story", "show", "1"]));
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr(&missing).contains("no story #1"));
    let bad = run(bin_in(d).args(["story", "add", "--title", "X", "--principle", "punctuality"]));
    assert_eq!(bad.status.code(), Some(1));
    assert!(stderr(&bad).contains("unknown or ambiguous Leadership Principle 'punctuality'"));
}

#[test]
fn editor_text_that_does_not_parse_is_kept_with_its_line() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let broken = "title = \"Half written\"\nprinciples = [\"Ownership\",\n  \"Courage\"]\nmetrics = [\"3 weeks\"]\n";
    let out = run(bin_in(d)
        .args(["story", "add"])
        .env_remove("VISUAL")
        .env("EDITOR", editor_writing(d, broken)));
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let drafts: Vec<_> =
        std::fs::read_dir(d.join("drafts")).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(drafts.len(), 1);
    let draft = &drafts[0];
    assert!(
        err.contains(&format!("{}:3: unknown Leadership Principle 'Courage'", draft.display())),
        "{err}"
    );
    assert!(err.contains("your text is kept in"), "{err}");
    assert_eq!(std::fs::read_to_string(draft).unwrap(), broken, "the user's text survives");

    let syntax = "title = \"Oops\nprinciples = []\n";
    let out = run(bin_in(d).args(["story", "add"]).env("VISUAL", editor_writing(d, syntax)));
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains(":1: "), "{}", stderr(&out));
    assert!(json(d, &["story", "list", "--json"]).as_array().unwrap().is_empty());
}

#[test]
fn export_import_round_trip_and_coverage() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    let stories = [
        ("Checkout re-scope", &["Ownership", "Deliver Results"][..], &["18% faster", "$2.3M"][..]),
        ("Data dive", &["Dive Deep", "Ownership"], &["42% drop-off"]),
        ("Vendor escalation", &["Ownership", "Customer Obsession"], &["CSAT +15", "30 s"]),
        ("Launch without authority", &["Ownership", "Earn Trust"], &["3 teams", "6 weeks"]),
    ];
    for (title, principles, metrics) in stories {
        let mut args = vec!["story", "add", "--title", title];
        for p in principles {
            args.extend(["--principle", p]);
        }
        for m in metrics {
            args.extend(["--metric", m]);
        }
        ok_in(a.path(), &args);
    }
    let file = a.path().join("stories.toml");
    ok_in(a.path(), &["story", "export", "--out", file.to_str().unwrap()]);
    let stdout_export = ok_in(a.path(), &["story", "export"]);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), stdout_export);

    let out = ok_in(b.path(), &["story", "import", file.to_str().unwrap()]);
    assert!(out.contains("4 added, 0 updated"), "{out}");
    let out = ok_in(b.path(), &["story", "import", file.to_str().unwrap()]);
    assert!(out.contains("0 added, 4 updated"), "importing again duplicates nothing: {out}");
    let strip_ids = |v: serde_json::Value| -> Vec<serde_json::Value> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|s| {
                let mut s = s.clone();
                s.as_object_mut().unwrap().remove("id");
                s
            })
            .collect()
    };
    assert_eq!(
        strip_ids(json(a.path(), &["story", "list", "--json"])),
        strip_ids(json(b.path(), &["story", "list", "--json"]))
    );

    let cov = json(b.path(), &["stories", "coverage", "--json"]);
    assert_eq!(cov["stories"], 4);
    assert_eq!(cov["covered"], 5);
    let principles = cov["principles"].as_array().unwrap();
    assert_eq!(principles.len(), 16);
    assert!(
        principles[..11].iter().all(|p| p["stories"].as_array().unwrap().is_empty()),
        "gaps first"
    );
    let last = &principles[15];
    assert_eq!(
        (last["principle"].as_str(), last["leaned_on"].as_bool()),
        (Some("Ownership"), Some(true))
    );
    let thin: Vec<&str> = cov["thin_stories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["title"].as_str().unwrap())
        .collect();
    assert_eq!(thin, ["Data dive"]);

    let text = ok_in(b.path(), &["stories", "coverage"]);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].contains("4 stories cover 5 of 16"), "{text}");
    assert!(lines[2].starts_with("GAP") && text.contains("MANY  Ownership"), "{text}");
    assert!(text.contains("Data dive  (1 metric)"), "{text}");

    let broken = a.path().join("broken.toml");
    std::fs::write(
        &broken,
        "[[story]]\ntitle = \"A\"\n\n[[story]]\ntitle = \"B\"\nprinciples = [\"Bravery\"]\n",
    )
    .unwrap();
    let out = run(bin_in(b.path()).args(["story", "import"]).arg(&broken));
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out)
            .contains(&format!("{}:6: unknown Leadership Principle 'Bravery'", broken.display())),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        json(b.path(), &["story", "list", "--json"]).as_array().unwrap().len(),
        4,
        "nothing half-imported"
    );
}

#[test]
fn barraiser_data_points_everything_at_another_directory() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("elsewhere");
    let out = run(common::bin()
        .args(["story", "add", "--title", "Env story", "--metric", "1", "--metric", "2"])
        .env("BARRAISER_DATA", &data)
        .env("BARRAISER_CONFIG", tmp.path().join("config")));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(data.join("barraiser.db").is_file());
    assert!(data.join("recordings").is_dir());
    let list = json(&data, &["story", "list", "--json"]);
    assert_eq!(list[0]["title"], "Env story");
}

#[test]
fn killing_an_import_midway_leaves_all_or_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let n = 20_000;
    let mut text = String::new();
    for i in 0..n {
        text.push_str(&format!("[[story]]\ntitle = \"Story {i}\"\nprinciples = [\"Ownership\"]\nmetrics = [\"{i}%\", \"${i}K\"]\n\n"));
    }
    let file = d.join("many.toml");
    std::fs::write(&file, text).unwrap();
    ok_in(d, &["story", "add", "--title", "Before"]);
    let db = d.join("barraiser.db");
    for delay_ms in [50u64, 250, 400, 550, 700, 850] {
        let mut child = bin_in(d)
            .args(["story", "import"])
            .arg(&file)
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        child.kill().unwrap(); // SIGKILL: no chance to clean up
        child.wait().unwrap();
        let conn = rusqlite::Connection::open(&db).unwrap();
        let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
        assert_eq!(check, "ok");
        let count: i64 = conn.query_row("SELECT count(*) FROM stories", [], |r| r.get(0)).unwrap();
        assert!(
            count == 1 || count == 1 + n as i64,
            "after {delay_ms} ms: {count} stories, a half import"
        );
        let before: i64 = conn
            .query_row("SELECT count(*) FROM stories WHERE title = 'Before'", [], |r| r.get(0))
            .unwrap();
        assert_eq!(before, 1, "earlier data untouched");
        if count > 1 {
            break;
        }
    }
}
