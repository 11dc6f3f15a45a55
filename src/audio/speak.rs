//! Questions read aloud with the system's speech synthesizer (espeak-ng on Linux).
//! It is optional: without it the question is only shown.

use std::process::{Command, Stdio};

/// Says `text` and waits until it is said. False when no synthesizer is installed
/// or it failed (no output device): the caller shows the text either way.
pub fn say(text: &str) -> bool {
    Command::new("espeak-ng")
        .args(["-s", "160", "--", text])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}
