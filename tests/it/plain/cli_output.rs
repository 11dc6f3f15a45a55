//! Output that cannot be written: a reader that is already gone ends the program quietly
//! by SIGPIPE, as Unix tools end; a full disk is one clear line and exit code 1.

use std::fs::File;
use std::os::unix::process::ExitStatusExt;
use std::process::Stdio;

use crate::common::*;

const ANSWER: &str = "I took ownership of our slow checkout and cut the delay by forty percent.";

#[test]
fn a_reader_that_is_gone_ends_the_report_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("answer.txt");
    std::fs::write(&text, ANSWER).unwrap();
    // The reader is closed before barraiser starts, so its write always meets a pipe
    // with no reader (closing it after the start raced a fast report into the buffer).
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = bin_in(dir.path())
        .arg("analyze")
        .arg(&text)
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    assert_eq!(out.status.signal(), Some(libc::SIGPIPE), "{:?}: {}", out.status, stderr(&out));
    assert!(stderr(&out).is_empty(), "nothing on stderr: {}", stderr(&out));
}

#[test]
fn a_full_disk_is_one_line_and_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("answer.txt");
    std::fs::write(&text, ANSWER).unwrap();
    for (args, says) in [
        (vec!["analyze", text.to_str().unwrap()], "could not write the report"),
        (vec!["questions", "list"], "cannot write output"),
    ] {
        let out = run(bin_in(dir.path()).args(&args).stdout(File::create("/dev/full").unwrap()));
        assert_eq!(out.status.code(), Some(1), "{args:?}: {:?}", out.status);
        let err = stderr(&out);
        assert_eq!(
            err.trim_end(),
            format!("barraiser: error: {says}: No space left on device (os error 28)"),
            "{args:?}"
        );
    }
}
