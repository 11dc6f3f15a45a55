//! `config.toml` in the config directory: its choices reach the commands, the
//! command line and the environment win over it, and a broken file is one clear line.

use crate::common;
use crate::common::Need;
use crate::needs;
use std::path::Path;

use common::{bin_in, run, stderr};

fn write_settings(data: &Path, text: &str) {
    std::fs::create_dir_all(data.join("config")).unwrap();
    std::fs::write(data.join("config/config.toml"), text).unwrap();
}

/// The one line the binary printed on failure, after checking it failed with 1.
fn error_line(out: &std::process::Output) -> String {
    assert_eq!(out.status.code(), Some(1), "expected exit 1, stderr: {}", stderr(out));
    let err = stderr(out);
    assert_eq!(err.trim_end().lines().count(), 1, "one line expected: {err}");
    err.trim_end().to_string()
}

#[test]
fn the_device_setting_chooses_the_input_unless_overridden() {
    needs!(Need::Espeak);
    let data = tempfile::tempdir().unwrap();
    write_settings(data.path(), "device = \"no-such-mic\"\n");
    let wav = data.path().join("a.wav");
    let record = || {
        let mut cmd = bin_in(data.path());
        cmd.args(["record", "--seconds", "1", "--out"]).arg(&wav).env_remove("BARRAISER_DEVICE");
        cmd
    };

    let line = error_line(&run(&mut record()));
    assert!(line.contains("no input device named 'no-such-mic'"), "{line}");

    let line = error_line(&run(record().env("BARRAISER_DEVICE", "from-env-mic")));
    assert!(line.contains("'from-env-mic'"), "the environment wins: {line}");

    let line = error_line(&run(record()
        .args(["--device", "from-flag-mic"])
        .env("BARRAISER_DEVICE", "from-env-mic")));
    assert!(line.contains("'from-flag-mic'"), "the flag wins: {line}");
    assert!(!wav.exists(), "no recording without a device");
}

#[test]
fn the_model_setting_is_used_when_nothing_else_names_one() {
    needs!(Need::Espeak);
    let data = tempfile::tempdir().unwrap();
    write_settings(data.path(), "model = \"/missing/ggml-from-settings.bin\"\n");
    let audio = data.path().join("hi.wav");
    common::speak("hello there", &audio);
    let transcribe = || {
        let mut cmd = bin_in(data.path());
        cmd.arg("transcribe").arg(&audio).env_remove("BARRAISER_MODEL");
        cmd
    };

    let line = error_line(&run(&mut transcribe()));
    assert!(
        line.ends_with(
            "model file /missing/ggml-from-settings.bin (from config.toml) does not exist"
        ),
        "{line}"
    );

    let line = error_line(&run(transcribe().env("BARRAISER_MODEL", "/missing/ggml-from-env.bin")));
    assert!(line.contains("ggml-from-env.bin (from BARRAISER_MODEL)"), "{line}");
}

#[test]
fn a_broken_settings_file_is_one_line_naming_it() {
    needs!(Need::Espeak);
    let data = tempfile::tempdir().unwrap();
    let file = data.path().join("config/config.toml");

    write_settings(data.path(), "quiet = true\ndevise = \"USB\"\n");
    let line = error_line(&run(bin_in(data.path()).arg("sessions")));
    assert!(
        line.contains(&format!("{}: line 2: unknown field `devise`", file.display())),
        "{line}"
    );

    write_settings(data.path(), "model = [\"tiny.en\"\n");
    let line = error_line(&run(&mut bin_in(data.path())));
    assert!(
        line.contains(&format!("{}: line 2: invalid array", file.display())),
        "no subcommand reads it too: {line}"
    );

    write_settings(data.path(), "quiet = \"yes\"\n");
    let line = error_line(&run(bin_in(data.path()).arg("sessions")));
    assert!(line.contains("line 1: invalid type"), "{line}");
}
