//! Broken question files are reported as `file:line: what is wrong` with exit 1,
//! through the real binary; good user files merge into the bank.

use crate::common;
use std::path::{Path, PathBuf};

use common::{bin_in, ok_in, run, stderr, stdout};

const GOOD: &str = r#"kind = "product"

[[question]]
id = "my-kindle-kids"
text = "Design a Kindle feature for children under 10."
sub_kind = "design"
principles = ["customer obsession", "think big"]
followups = ["Who is the customer?", "What would you measure?"]
"#;

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(&path, text).unwrap();
    path
}

/// Validates one file and returns its stderr, asserting exit code 1.
fn validate_fails(text: &str) -> (PathBuf, String) {
    let tmp = tempfile::tempdir().unwrap();
    let path = write(tmp.path(), "mine.toml", text);
    let out = run(bin_in(tmp.path()).args(["questions", "validate"]).arg(&path));
    assert_eq!(out.status.code(), Some(1), "stdout: {}\nstderr: {}", stdout(&out), stderr(&out));
    (path, stderr(&out))
}

fn assert_line(text: &str, line: usize, what: &str) {
    let (path, err) = validate_fails(text);
    let want = format!("{}:{line}: ", path.display());
    let hit = err.lines().find(|l| l.starts_with(&want));
    let hit = hit.unwrap_or_else(|| panic!("no line starting {want:?} in:\n{err}"));
    assert!(hit.contains(what), "{hit:?} should mention {what:?}");
    assert!(err.contains("barraiser: error:"), "{err}");
}

#[test]
fn a_good_user_file_validates_and_merges() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("mybank");
    write(&dir, "kids.toml", GOOD);
    let out = ok_in(tmp.path(), &["questions", "validate", dir.to_str().unwrap()]);
    assert!(out.starts_with("ok: "), "{out}");
    assert!(out.contains("1 from 1 file"), "{out}");

    let json = ok_in(
        tmp.path(),
        &[
            "questions",
            "list",
            "--bank",
            dir.to_str().unwrap(),
            "--json",
            "--search",
            "kindle feature for children",
        ],
    );
    let list: serde_json::Value = serde_json::from_str(&json).unwrap();
    let mine =
        list.as_array().unwrap().iter().find(|q| q["id"] == "my-kindle-kids").expect("merged");
    assert_eq!(mine["kind"], "product");
    assert_eq!(mine["limit_s"], 300.0);
    assert_eq!(mine["principles"], serde_json::json!(["Customer Obsession", "Think Big"]));
    assert_eq!(mine["framework"].as_array().unwrap().len(), 5, "product framework filled in");

    // The config directory is read when --bank is not given.
    write(&tmp.path().join("config/questions"), "kids.toml", GOOD);
    let shown = ok_in(tmp.path(), &["questions", "show", "my-kindle-kids"]);
    assert!(shown.contains("Design a Kindle feature for children under 10."), "{shown}");
    assert!(shown.contains("(your file)"), "{shown}");
}

#[test]
fn toml_syntax_error_gives_its_line() {
    assert_line(
        "kind = \"behavioral\"\n\n[[question]]\nid = \"beh-x\"\ntext = \"unterminated\n",
        5,
        "string",
    );
}

#[test]
fn unknown_principle_gives_the_line_of_the_entry() {
    let text = "kind = \"behavioral\"\n\n[[question]]\nid = \"beh-x\"\ntext = \"Tell me.\"\nprinciples = [\n  \"Ownership\",\n  \"Punctuality\",\n]\n";
    assert_line(text, 8, "unknown Leadership Principle 'Punctuality'");
}

#[test]
fn unknown_kind_and_sub_kind_give_their_lines() {
    let text = "[[question]]\nid = \"a-1\"\ntext = \"Q?\"\nkind = \"poetry\"\n";
    assert_line(text, 4, "unknown round kind 'poetry'");
    let text = "kind = \"analytical\"\n[[question]]\nid = \"a-1\"\ntext = \"Q?\"\nsub_kind = \"guesstimate\"\n";
    assert_line(text, 5, "unknown sub_kind 'guesstimate'");
}

#[test]
fn insane_limit_gives_its_line() {
    let text = "kind = \"product\"\n\n[[question]]\nid = \"p-1\"\ntext = \"Design X.\"\n\n[[question]]\nid = \"p-2\"\ntext = \"Design Y.\"\nlimit_s = 5000\n";
    assert_line(text, 10, "limit_s 5000 is outside 30..=900");
}

#[test]
fn misspelt_field_and_empty_text_give_their_lines() {
    let text = "kind = \"behavioral\"\n[[question]]\nid = \"beh-y\"\ntext = \"Tell me.\"\nprincipals = [\"Ownership\"]\n";
    assert_line(text, 5, "unknown field `principals`");
    let text = "kind = \"behavioral\"\n[[question]]\nid = \"beh-y\"\ntext = \"   \"\n";
    assert_line(text, 4, "empty text");
}

#[test]
fn missing_kind_is_reported_at_the_question() {
    let text = "# no file-level kind\n\n[[question]]\nid = \"q-1\"\ntext = \"Q?\"\n";
    assert_line(text, 4, "has no kind");
}

#[test]
fn duplicate_ids_name_both_files() {
    // Against the shipped bank.
    let text = "kind = \"behavioral\"\n\n[[question]]\nid = \"beh-failure\"\ntext = \"Tell me about a failure.\"\n";
    let (path, err) = validate_fails(text);
    let line = err.lines().find(|l| l.contains("duplicate id")).expect(&err);
    assert!(
        line.starts_with(&format!("{}:3: duplicate id 'beh-failure'", path.display())),
        "{line}"
    );
    assert!(line.contains("questions/behavioral.toml:"), "{line}");

    // Between two user files.
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("bank");
    let a = write(&dir, "a.toml", GOOD);
    let b = write(&dir, "b.toml", &format!("# copy\n{GOOD}"));
    let out = run(bin_in(tmp.path()).args(["questions", "list", "--bank"]).arg(&dir));
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "{}:4: duplicate id 'my-kindle-kids' (first defined at {}:3)",
            b.display(),
            a.display()
        )),
        "{err}"
    );
}

#[test]
fn every_problem_is_listed_and_loading_commands_fail_too() {
    let text = "kind = \"behavioral\"\n[[question]]\nid = \"beh-a\"\ntext = \"A\"\nprinciples = [\"Nope\"]\n[[question]]\nid = \"Bad Id\"\ntext = \"B\"\n";
    let (path, err) = validate_fails(text);
    assert!(
        err.contains(&format!("{}:5: unknown Leadership Principle 'Nope'", path.display())),
        "{err}"
    );
    assert!(err.contains(&format!("{}:7: id 'Bad Id' may only use", path.display())), "{err}");
    assert!(err.contains("2 problems in question files"), "{err}");

    let tmp = tempfile::tempdir().unwrap();
    let file = write(&tmp.path().join("bank"), "x.toml", text);
    let out =
        run(bin_in(tmp.path()).args(["questions", "random", "--bank"]).arg(file.parent().unwrap()));
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(&format!("{}:5: unknown Leadership Principle", file.display())),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_clash_is_reported_even_on_a_question_with_other_problems() {
    let text = "kind = \"behavioral\"\n[[question]]\nid = \"beh-failure\"\ntext = \"Failed?\"\nprinciples = [\"Nope\"]\n";
    let (path, err) = validate_fails(text);
    assert!(err.contains(&format!("{}:2: duplicate id 'beh-failure'", path.display())), "{err}");
    assert!(
        err.contains(&format!("{}:5: unknown Leadership Principle 'Nope'", path.display())),
        "{err}"
    );
}
