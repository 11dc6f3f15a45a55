//! The store under stress, on real files: many processes at once on one data
//! directory, private modes, a foreign or damaged database, a full disk and a
//! read-only data directory.

use std::path::Path;
use std::process::{Command, Stdio};

use crate::common::*;
use rusqlite::Connection;

#[test]
fn twenty_concurrent_imports_on_a_new_data_directory_all_succeed() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let children: Vec<_> = (0..20)
        .map(|i| {
            let file = tmp.path().join(format!("s{i}.toml"));
            let text = format!(
                "[[story]]\ntitle = \"Story {i}\"\nprinciples = [\"Ownership\"]\n\
                 metrics = [\"{i}% faster\", \"$2M saved\"]\n"
            );
            std::fs::write(&file, text).unwrap();
            bin_in(&data)
                .args(["story", "import"])
                .arg(&file)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let failures: Vec<String> = children
        .into_iter()
        .map(|c| c.wait_with_output().unwrap())
        .filter(|o| !o.status.success())
        .map(|o| stderr(&o))
        .collect();
    assert!(failures.is_empty(), "{} of 20 imports failed: {failures:?}", failures.len());
    let list = ok_in(&data, &["story", "list", "--json"]);
    let stories: Vec<serde_json::Value> = serde_json::from_str(&list).unwrap();
    assert_eq!(stories.len(), 20);
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap_or_else(|e| panic!("{path:?}: {e}")).permissions().mode() & 0o777
}

#[cfg(unix)]
#[test]
fn data_is_private_by_default() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    ok_in(&data, &["story", "add", "--title", "Checkout", "--metric", "18%", "--metric", "$2M"]);
    // Another connection keeps the WAL and its index on disk while barraiser writes.
    let holder = Connection::open(data.join("barraiser.db")).unwrap();
    holder.query_row("SELECT count(*) FROM stories", [], |r| r.get::<_, i64>(0)).unwrap();
    ok_in(&data, &["story", "add", "--title", "Pricing"]);
    assert_eq!(mode(&data), 0o700);
    assert_eq!(mode(&data.join("recordings")), 0o700);
    for file in ["barraiser.db", "barraiser.db-wal", "barraiser.db-shm"] {
        assert_eq!(mode(&data.join(file)), 0o600, "{file}");
    }
    let export = tmp.path().join("stories.toml");
    ok_in(&data, &["story", "export", "--out", export.to_str().unwrap()]);
    assert_eq!(mode(&export), 0o600);
}

#[test]
fn another_programs_database_is_refused_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("barraiser.db");
    {
        let c = Connection::open(&db).unwrap();
        c.execute_batch("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('mine');")
            .unwrap();
    }
    let before = std::fs::read(&db).unwrap();
    for args in [&["story", "add", "--title", "x"][..], &["story", "list"], &["sessions"]] {
        let out = run(bin_in(tmp.path()).args(args));
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let e = stderr(&out);
        assert!(e.contains("not a barraiser database") && e.contains("notes"), "{e}");
        assert_eq!(e.lines().count(), 1, "{e}");
    }
    assert_eq!(std::fs::read(&db).unwrap(), before, "the file was not modified");
}

#[test]
fn garbage_in_the_middle_of_the_database_is_noticed() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    let file = data.join("many.toml");
    let notes = "Lead with the result. ".repeat(40);
    let text: String = (0..300)
        .map(|i| format!("[[story]]\ntitle = \"Story {i}\"\nnotes = \"{notes}\"\n\n"))
        .collect();
    std::fs::write(&file, text).unwrap();
    ok_in(data, &["story", "import", file.to_str().unwrap()]);
    let db = data.join("barraiser.db");
    {
        // Checkpoint the WAL into the file, so the damage lands on live pages.
        let c = Connection::open(&db).unwrap();
        c.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(())).unwrap();
    }
    let mut bytes = std::fs::read(&db).unwrap();
    assert!(bytes.len() > 64 * 1024, "{} bytes", bytes.len());
    let middle = bytes.len() / 2 / 4096 * 4096;
    for (i, b) in bytes[middle..middle + 4096].iter_mut().enumerate() {
        *b = (i as u32).wrapping_mul(2_654_435_761).to_le_bytes()[2];
    }
    std::fs::write(&db, &bytes).unwrap();
    for args in [&["story", "list"][..], &["story", "add", "--title", "x"]] {
        let out = run(bin_in(data).args(args));
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stdout(&out));
        let e = stderr(&out);
        assert!(e.contains("barraiser.db") && e.contains("damaged"), "{e}");
        assert_eq!(e.lines().count(), 1, "{e}");
    }
    assert_eq!(std::fs::read(&db).unwrap(), bytes, "the file was not modified");
}

/// Runs `script` as root of its own user and mount namespace (`unshare -rm`), so
/// it can mount a small tmpfs without privileges; `$BX` is the barraiser binary.
fn in_namespace(script: &str) -> std::process::Output {
    run(Command::new("unshare")
        .args(["-rm", "sh", "-euc", script])
        .env("BX", env!("CARGO_BIN_EXE_barraiser"))
        .env("BARRAISER_CONFIG", "/nonexistent-config")
        .env_remove("BARRAISER_DATA"))
}

#[test]
fn read_commands_work_on_a_full_disk_and_a_read_only_data_directory() {
    let tmp = tempfile::tempdir().unwrap();
    let mnt = tmp.path().display();
    let script = format!(
        r#"
        mount -t tmpfs -o size=2m tmpfs {mnt}
        D={mnt}/data
        $BX --data-dir $D story add --title "Checkout MVP" --metric 18% --metric '$2M' >/dev/null
        head -c 4m /dev/zero > {mnt}/filler 2>/dev/null || true
        echo "== full"
        $BX --data-dir $D story list
        $BX --data-dir $D sessions
        $BX --data-dir $D stories coverage > /dev/null
        if $BX --data-dir $D story add --title "Second" 2>&1; then echo "wrote on a full disk"; exit 1; fi
        rm {mnt}/filler
        mount -o remount,ro {mnt}
        echo "== read-only"
        $BX --data-dir $D story list
        $BX --data-dir $D sessions
        "#
    );
    let out = in_namespace(&script);
    let (o, e) = (stdout(&out), stderr(&out));
    assert!(out.status.success(), "stdout:\n{o}\nstderr:\n{e}");
    let full = o.split("== read-only").next().unwrap();
    assert!(full.contains("Checkout MVP"), "{o}");
    assert!(o.split("== read-only").nth(1).unwrap().contains("Checkout MVP"), "{o}");
    assert!(!e.contains("panicked"), "{e}");
}
