//! The input device going away mid-answer, for real: each test starts a PulseAudio
//! server of its own (its own socket, so the shared test server and other tests are
//! untouched) and then kills it, or suspends its sink, while barraiser records from it
//! through cpal's ALSA host, headless or on the practice screen (in tmux). What was
//! recorded before must be kept and analysed.

use crate::needs;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStderr, Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::*;
use barraiser::store::{AttemptFilter, Status, Store};

/// A private PulseAudio server with one null sink, `vsink`, whose monitor is the
/// default source. Killed on drop if the test has not killed it already.
struct PrivatePulse {
    daemon: Child,
    dir: tempfile::TempDir,
}

impl PrivatePulse {
    fn start() -> PrivatePulse {
        let dir = tempfile::tempdir().unwrap();
        let socket = dir.path().join("native");
        let daemon = Command::new("pulseaudio")
            .args(["-n", "--daemonize=no", "--exit-idle-time=-1", "--use-pid-file=no", "-L"])
            .arg(format!(
                "module-native-protocol-unix auth-anonymous=1 socket={}",
                socket.display()
            ))
            .args(["-L", "module-null-sink sink_name=vsink"])
            .env("XDG_RUNTIME_DIR", dir.path())
            .env("PULSE_RUNTIME_PATH", dir.path().join("runtime"))
            .env("PULSE_STATE_PATH", dir.path().join("state"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("pulseaudio is installed by scripts/setup");
        let server = PrivatePulse { daemon, dir };
        let start = Instant::now();
        while !server.pactl(&["info"]) {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "the private PulseAudio server did not start"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        assert!(server.pactl(&["set-default-source", "vsink.monitor"]));
        server
    }

    /// Points libpulse (and so the ALSA pulse plugin cpal uses) at this server.
    fn env(&self) -> (&'static str, String) {
        ("PULSE_SERVER", format!("unix:{}", self.dir.path().join("native").display()))
    }

    fn pactl(&self, args: &[&str]) -> bool {
        let (key, value) = self.env();
        Command::new("pactl")
            .args(args)
            .env(key, value)
            .stderr(Stdio::null())
            .stdout(Stdio::null())
            .status()
            .unwrap()
            .success()
    }

    /// Starts playing a sound file into `vsink`.
    fn play(&self, file: &Path) -> Child {
        let (key, value) = self.env();
        Command::new("paplay")
            .arg("--device=vsink")
            .arg(file)
            .env(key, value)
            .stderr(Stdio::null())
            .spawn()
            .expect("paplay is installed by scripts/setup")
    }

    /// The server dies as a crashed or stopped sound server does: every stream on it ends.
    fn kill(&mut self) {
        self.daemon.kill().unwrap();
        self.daemon.wait().unwrap();
    }
}

impl Drop for PrivatePulse {
    fn drop(&mut self) {
        let _ = self.daemon.kill();
        let _ = self.daemon.wait();
    }
}

/// Starts barraiser with `args` on the private server; returns once it says it is recording.
fn start_recording(
    pulse: &PrivatePulse,
    data: &Path,
    args: &[&str],
) -> (Child, BufReader<ChildStderr>, String) {
    let (key, value) = pulse.env();
    spawn_recording(bin_in(data).args(args).env(key, value).env("BARRAISER_MODEL", model_path()))
}

/// Waits for the process to end; returns its exit code, stdout and whole stderr.
fn finish(
    mut child: Child,
    mut err: BufReader<ChildStderr>,
    mut said: String,
    within: Duration,
) -> (i32, String, String) {
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > within {
            let _ = child.kill();
            panic!("barraiser still running {within:?} after the device went away");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let mut out = String::new();
    child.stdout.take().unwrap().read_to_string(&mut out).unwrap();
    err.read_to_string(&mut said).unwrap();
    (child.wait().unwrap().code().expect("exited, not killed by a signal"), out, said)
}

/// The lines barraiser printed as errors; exactly one is expected.
fn error_line(stderr: &str) -> &str {
    assert!(!stderr.contains("panicked"), "{stderr}");
    let errors: Vec<&str> = stderr.lines().filter(|l| l.starts_with("barraiser: error:")).collect();
    assert_eq!(errors.len(), 1, "one error line expected:\n{stderr}");
    errors[0]
}

fn wavs_in(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "wav"))
        .collect()
}

const BEFORE: &str =
    "Our checkout was slow and customers were leaving. I took ownership of the problem \
and found the delay in the payment service.";
const BEFORE_WORDS: &str =
    "checkout slow customers leaving took ownership problem found delay payment service";
const AFTER: &str = "Then I rewrote the retry logic, and conversion increased by two percent.";
/// Silence between BEFORE and AFTER, in seconds.
const GAP_S: f64 = 1.6;

#[test]
fn sound_server_dying_mid_answer_keeps_and_analyses_what_was_said() {
    needs!(Need::Model, Need::Sound, Need::Tmux, Need::Espeak);
    let dir = tempfile::tempdir().unwrap();
    let (before, after, speech) = (
        dir.path().join("before.wav"),
        dir.path().join("after.wav"),
        dir.path().join("answer.wav"),
    );
    speak(BEFORE, &before);
    speak(AFTER, &after);
    // A pause between the two, and the server dies in its middle: however late the
    // player starts (a busy machine), the first part is whole and the second unheard.
    let paused = dir.path().join("paused.wav");
    let pause = GAP_S.to_string();
    sox(&[before.to_str().unwrap(), paused.to_str().unwrap(), "pad", "0", &pause]);
    sox(&[paused.to_str().unwrap(), after.to_str().unwrap(), speech.to_str().unwrap()]);
    let before_s = wav_seconds(&before);
    let data = dir.path().join("data");
    let mut pulse = PrivatePulse::start();
    let _whisper = whisper_lock();
    let args = [
        "practice",
        "--no-tui",
        "--question",
        "beh-dive-deep-data",
        "--format",
        "json",
        "--seconds",
        "60",
    ];
    let (child, err, said) = start_recording(&pulse, &data, &args);
    let started = Instant::now();
    let mut player = pulse.play(&speech);
    std::thread::sleep(Duration::from_secs_f64(before_s + GAP_S / 2.0));
    pulse.kill();
    let lost_after = started.elapsed().as_secs_f64();
    let _ = player.wait();
    let (code, json, stderr) = finish(child, err, said, Duration::from_secs(120));

    // One clear line naming the problem, exit code 1, and the report still printed.
    assert_eq!(code, 1, "{stderr}");
    let line = error_line(&stderr);
    assert!(
        line.contains("lost the input device 'default' (unplugged, or its sound server stopped)"),
        "{line}"
    );
    assert!(line.contains("the report covers what was recorded before it (session 1)"), "{line}");
    let report: serde_json::Value =
        serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {json}"));
    let principles: Vec<&str> = report["principles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert!(principles.contains(&"Ownership"), "principles {principles:?}");

    // The session: marked interrupted, its transcript holds what was said before the loss
    // and nothing after it, and its recording is a valid WAV in the store.
    let store = Store::open(&data).unwrap();
    let attempts = store.attempts(&AttemptFilter::default()).unwrap();
    assert_eq!(attempts.len(), 1);
    assert_eq!(attempts[0].saved.status, Status::Interrupted);
    let transcript: barraiser::transcript::Transcript =
        serde_json::from_value(attempts[0].saved.transcript.clone().expect("transcript saved"))
            .unwrap();
    let text = transcript.text();
    let recall = word_recall(BEFORE_WORDS, &text);
    assert!(recall >= 0.8, "recall {recall:.2}: {text}");
    assert!(!text.to_lowercase().contains("conversion"), "words after the loss: {text}");
    let audio = store.audio_file(&attempts[0]).expect("recording saved");
    assert_eq!(wavs_in(&store.recordings_dir()), vec![audio.clone()]);
    let kept = wav_seconds(&audio);
    assert!(
        kept > 1.0 && kept < lost_after + 0.5,
        "kept {kept:.1} s; lost after {lost_after:.1} s"
    );
}

#[test]
fn stalled_input_ends_the_recording_and_keeps_the_audio() {
    needs!(Need::Model, Need::Sound, Need::Tmux, Need::Espeak);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("answer.wav");
    let speech = dir.path().join("speech.wav");
    speak(BEFORE, &speech);
    let pulse = PrivatePulse::start();
    let args = ["record", "--seconds", "30", "--out", out.to_str().unwrap()];
    let (child, err, said) = start_recording(&pulse, &dir.path().join("data"), &args);
    let mut player = pulse.play(&speech);
    // Once audio flows (the file's header covers at least a second), the sink is
    // suspended: its monitor then stops delivering audio without any error, a stall.
    let start = Instant::now();
    while hound::WavReader::open(&out).map_or(0, |r| r.duration()) < 16_000 {
        assert!(start.elapsed() < Duration::from_secs(10), "no audio recorded");
        std::thread::sleep(Duration::from_millis(50));
    }
    let flowing = wav_seconds(&out);
    assert!(pulse.pactl(&["suspend-sink", "vsink", "1"]));
    let suspended = Instant::now();
    let (code, _, stderr) = finish(child, err, said, Duration::from_secs(15));
    let noticed_s = suspended.elapsed().as_secs_f64();
    let _ = player.kill();
    let _ = player.wait();

    assert_eq!(code, 1, "{stderr}");
    let line = error_line(&stderr);
    assert!(line.contains("lost the input device 'default' (it stopped sending audio"), "{line}");
    assert!(
        line.contains(&format!("the audio recorded so far is saved in {}", out.display())),
        "{line}"
    );
    assert!(noticed_s < 4.0, "noticed {noticed_s:.1} s after the stall");
    let kept = wav_seconds(&out);
    assert!(
        kept >= flowing && kept < flowing + 1.0,
        "kept {kept:.1} s; {flowing:.1} s before the stall"
    );
}

#[test]
fn practice_screen_says_the_device_was_lost_and_shows_the_report() {
    needs!(Need::Model, Need::Sound, Need::Tmux, Need::Espeak);
    let dir = tempfile::tempdir().unwrap();
    let speech = dir.path().join("answer.wav");
    speak(BEFORE, &speech);
    let data = dir.path().join("data");
    let mut pulse = PrivatePulse::start();
    let (key, value) = pulse.env();
    let _whisper = whisper_lock();
    let command = format!(
        "env {key}={value} BARRAISER_DATA={} BARRAISER_MODEL={} {} practice --question beh-dive-deep-data --quiet; echo EXITED $?; sleep 30",
        data.display(),
        model_path().display(),
        env!("CARGO_BIN_EXE_barraiser"),
    );
    let tmux = Tmux::start("device-lost", 80, 24, &command);
    tmux.wait_for("Pick a question", 30);
    tmux.keys(&["Enter"]);
    tmux.wait_for("Recording", 60);
    let mut player = pulse.play(&speech);
    tmux.wait_for("0:04 / 3:00", 30);
    pulse.kill();
    let _ = player.wait();
    let report = tmux.wait_for("Report ·", 300);
    assert!(report.contains("lost the input device 'default'"), "{report}");
    assert!(report.contains("Ownership"), "the words before the loss are coached:\n{report}");
    tmux.keys(&["q"]);
    assert!(tmux.wait_for("EXITED", 10).contains("EXITED 0"));
    let store = Store::open(&data).unwrap();
    let attempts = store.attempts(&AttemptFilter::default()).unwrap();
    assert_eq!(attempts.len(), 1);
    assert_eq!(attempts[0].saved.status, Status::Interrupted);
    assert!(wav_seconds(&store.audio_file(&attempts[0]).unwrap()) > 1.0);
}
