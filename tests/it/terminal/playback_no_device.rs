//! With no sound server reachable (and no sound card, as on this test machine), playing
//! a recording is a clear error, never a panic, and on the review screen a message that
//! the sound libraries' own complaints do not scribble over.

use crate::common;
use crate::common::Need;
use crate::needs;
use barraiser::analysis::{analyze, Context, Lexicon};
use barraiser::audio::playback::Playback;
use barraiser::round::Kind;
use barraiser::store::{Mode, NewAttempt, Store};
use barraiser::transcript::Transcript;

#[test]
fn no_output_device_is_an_error_that_says_so() {
    needs!(Need::Sound, Need::Tmux, Need::Espeak);
    // Only this process's own playback reads the variable; the review test below
    // passes it to the binary it starts.
    let _server =
        crate::common::EnvVar::set("PULSE_SERVER", "unix:/nonexistent/barraiser-no-server");
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

#[test]
fn review_says_it_cannot_play_and_the_screen_stays_clean() {
    needs!(Need::Sound, Need::Tmux, Need::Espeak);
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut store = Store::open(&data).unwrap();
    let wav = store.recordings_dir().join("answer.wav");
    let said = "I owned the launch. Conversion rose 12% in six weeks.";
    common::speak(said, &wav);
    // A timed transcript of the words, so the first line has a second to play from.
    let mut transcript = Transcript::from_text(said);
    for (i, w) in transcript.words.iter_mut().enumerate() {
        (w.start_s, w.end_s) = (Some(i as f64 * 0.4), Some(i as f64 * 0.4 + 0.3));
    }
    let report = analyze(&transcript, &Context::for_kind(Kind::Behavioral), &Lexicon::builtin());
    let mut attempt =
        NewAttempt::from_report(Mode::Practice, serde_json::to_value(&report).unwrap()).unwrap();
    attempt.audio_path = Some(wav);
    attempt.transcript = Some(serde_json::to_value(&transcript).unwrap());
    store.insert_attempt(&attempt).unwrap();

    let command = format!(
        "env PULSE_SERVER=unix:/nonexistent/barraiser-no-server BARRAISER_DATA={} {} review; echo EXITED $?; sleep 30",
        data.display(),
        env!("CARGO_BIN_EXE_barraiser")
    );
    let tmux = common::Tmux::start("review-no-device", 100, 30, &command);
    tmux.wait_for("Transcript", 30);
    tmux.keys(&["Space"]);
    let screen = tmux.wait_for("cannot play", 10);
    assert!(screen.contains("answer.wav"), "names the recording: {screen}");
    assert!(!screen.contains("ALSA"), "the sound libraries wrote over the screen:\n{screen}");
    tmux.keys(&["q"]);
    assert!(tmux.wait_for("EXITED", 10).contains("EXITED 0"));
}
