//! With no sound server reachable (and no sound card, as on this test machine), playing
//! a recording is a clear error, never a panic.

mod common;

use barraiser::audio::playback::Playback;

#[test]
fn no_output_device_is_an_error_that_says_so() {
    // The only test in this binary: nothing else reads the environment meanwhile.
    std::env::set_var("PULSE_SERVER", "unix:/nonexistent/barraiser-no-server");
    let dir = tempfile::tempdir().unwrap();
    let wav = dir.path().join("answer.wav");
    common::speak("I owned the launch.", &wav);

    let err = Playback::file(&wav, 0.0).expect_err("there is nothing to play through");
    let message = format!("{err:#}");
    println!("{message}");
    assert!(message.contains("answer.wav"), "names the file: {message}");
    assert!(message.contains("audio output device"), "says what is missing: {message}");

    let missing = Playback::file(&dir.path().join("gone.wav"), 0.0).expect_err("no such file");
    assert!(format!("{missing:#}").contains("gone.wav"));
}
