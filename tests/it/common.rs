//! Helpers shared by the integration tests: the real binary, the real model,
//! speech made with espeak-ng, and a lock so whisper jobs never overlap.
#![allow(dead_code)] // each test binary uses its own subset of these helpers

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The barraiser binary cargo built for this test run.
pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_barraiser"))
}

/// The speech model the tests use: `BARRAISER_MODEL`, else the default, `models/ggml-tiny.en-q8_0.bin`.
pub fn model_path() -> PathBuf {
    std::env::var_os("BARRAISER_MODEL").map(PathBuf::from).unwrap_or_else(|| {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("models/ggml-tiny.en-q8_0.bin")
    })
}

/// The f16 tiny.en model `scripts/setup` installs (the default model is quantized from it).
pub fn f16_model_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("models/ggml-tiny.en.bin")
}

/// Runs a command and returns its output; panics with the command line on spawn failure.
pub fn run(cmd: &mut Command) -> Output {
    cmd.output().unwrap_or_else(|e| panic!("could not run {cmd:?}: {e}"))
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Speaks `text` into a 22.05 kHz mono WAV with espeak-ng.
pub fn speak(text: &str, out: &Path) {
    let status = Command::new("espeak-ng")
        .args(["-s", "150", "-w"])
        .arg(out)
        .arg(text)
        .status()
        .expect("espeak-ng is installed by scripts/setup");
    assert!(status.success(), "espeak-ng failed for {out:?}");
}

/// Held while a test runs whisper: two multi-threaded whisper jobs at once on a small
/// machine take many times longer than one after the other. Works across processes.
pub struct WhisperLock(File);

pub fn whisper_lock() -> WhisperLock {
    let path = std::env::temp_dir().join("barraiser-test-whisper.lock");
    let file = File::options().create(true).truncate(false).write(true).open(&path).unwrap();
    file.lock().expect("lock the whisper test lock file");
    WhisperLock(file)
}

/// Content words of `text`: lower-cased, punctuation stripped, stop words dropped.
pub fn content_words(text: &str) -> Vec<String> {
    const STOP: &[&str] = &[
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by",
        "is", "was", "were", "be", "it", "that", "this", "as", "from", "our", "we", "i", "my",
    ];
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .filter(|w| !w.is_empty() && !STOP.contains(&w.as_str()))
        .collect()
}

/// Share of the expected content words that appear in `actual`.
pub fn word_recall(expected: &str, actual: &str) -> f64 {
    let want = content_words(expected);
    let got = content_words(actual);
    let hits = want.iter().filter(|w| got.contains(w)).count();
    hits as f64 / want.len().max(1) as f64
}

/// The binary pointed at its own data directory, with a config directory inside it,
/// so a test never reads or writes the user's real files.
pub fn bin_in(data_dir: &Path) -> Command {
    let mut cmd = bin();
    cmd.arg("--data-dir").arg(data_dir);
    cmd.env("BARRAISER_CONFIG", data_dir.join("config"));
    cmd.env_remove("BARRAISER_DATA");
    cmd
}

/// Runs the binary in `data_dir` with `args`, asserting success; returns stdout.
pub fn ok_in(data_dir: &Path, args: &[&str]) -> String {
    let out = run(bin_in(data_dir).args(args));
    assert!(out.status.success(), "barraiser {args:?} failed:\n{}", stderr(&out));
    stdout(&out)
}

/// Saves a spoken take in the store of `data_dir`, as a practice would: `text` spoken by
/// espeak-ng into the recordings directory, transcribed by the real model
/// (`barraiser transcribe`), coached by `barraiser analyze --question`, and inserted with
/// its recording, transcript and report, started at `started_at` (RFC 3339). Returns the
/// session id.
pub fn seed_spoken_take(data_dir: &Path, question: &str, text: &str, started_at: &str) -> i64 {
    let wav = speak_new_recording(data_dir, text);
    let transcript = wav.with_extension("json");
    transcribe_to(&wav, &transcript);
    let id = store_take(data_dir, question, &wav, &transcript, started_at);
    std::fs::remove_file(&transcript).unwrap();
    id
}

/// As [`seed_spoken_take`], but with the transcript the model made of the same speech
/// once, stored in `heard`: whisper's words differ a little from one CPU to another
/// (its AVX-512 and AVX2 kernels round differently), and a snapshot of a screen must not.
pub fn seed_heard_take(
    data_dir: &Path,
    question: &str,
    text: &str,
    heard: &Path,
    started_at: &str,
) -> i64 {
    let wav = speak_new_recording(data_dir, text);
    store_take(data_dir, question, &wav, heard, started_at)
}

/// `text` spoken by espeak-ng into the next recording file of `data_dir`'s store.
fn speak_new_recording(data_dir: &Path, text: &str) -> PathBuf {
    let store = barraiser::store::Store::open(data_dir).expect("open the test store");
    let n = std::fs::read_dir(store.recordings_dir()).unwrap().count();
    let wav = store.recordings_dir().join(format!("take-{n}.wav"));
    speak(text, &wav);
    wav
}

/// `barraiser transcribe` of `wav` with the real model, as JSON into `out`.
pub fn transcribe_to(wav: &Path, out: &Path) {
    let _whisper = whisper_lock();
    let run_it = run(bin()
        .args(["transcribe", "--format", "json", "-o"])
        .arg(out)
        .arg(wav)
        .env("BARRAISER_MODEL", model_path()));
    assert!(run_it.status.success(), "transcribe failed: {}", stderr(&run_it));
}

/// Coaches `transcript` as an answer to `question` and inserts the take.
fn store_take(
    data_dir: &Path,
    question: &str,
    wav: &Path,
    transcript: &Path,
    started_at: &str,
) -> i64 {
    use barraiser::store::{Mode, NewAttempt, Store};
    let mut store = Store::open(data_dir).expect("open the test store");
    let out = run(bin().args(["analyze", "--json", "--question", question]).arg(transcript));
    assert!(out.status.success(), "analyze failed: {}", stderr(&out));
    let report: serde_json::Value =
        serde_json::from_slice(&out.stdout).expect("analyze --json prints JSON");
    let mut attempt = NewAttempt::from_report(Mode::Practice, report).expect("a Report JSON");
    attempt.started_at = started_at.parse().expect("an RFC 3339 time");
    attempt.audio_path = Some(wav.to_path_buf());
    attempt.transcript = Some(
        serde_json::from_str(&std::fs::read_to_string(transcript).unwrap())
            .expect("transcript JSON"),
    );
    store.insert_attempt(&attempt).expect("insert the take")
}

/// Runs sox with `args` (converting test audio between rates, channels and formats).
pub fn sox(args: &[&str]) {
    let status =
        Command::new("sox").args(args).status().expect("sox is installed by scripts/setup");
    assert!(status.success(), "sox {args:?} failed");
}

/// A PulseAudio null sink of its own for one test: what is played into it with
/// [`NullSink::play`] is what a barraiser started with [`NullSink::source_env`]
/// records, without hearing other tests' audio. Unloaded on drop.
pub struct NullSink {
    pub name: String,
    module: String,
}

impl NullSink {
    pub fn new(tag: &str) -> NullSink {
        let name = format!("bx_{tag}_{}", std::process::id());
        let out = run(Command::new("pactl").args([
            "load-module",
            "module-null-sink",
            &format!("sink_name={name}"),
        ]));
        assert!(out.status.success(), "pactl load-module failed: {}", stderr(&out));
        NullSink { name, module: stdout(&out).trim().to_string() }
    }

    /// The environment variable that makes libpulse (and the ALSA pulse plugin) record from this sink.
    pub fn source_env(&self) -> (&'static str, String) {
        ("PULSE_SOURCE", format!("{}.monitor", self.name))
    }

    /// Plays a sound file into the sink and waits until it has been played.
    pub fn play(&self, file: &Path) {
        let status = Command::new("paplay")
            .arg(format!("--device={}", self.name))
            .arg(file)
            .status()
            .expect("paplay is installed by scripts/setup");
        assert!(status.success(), "paplay failed for {file:?}");
    }
}

impl Drop for NullSink {
    fn drop(&mut self) {
        let _ = Command::new("pactl").args(["unload-module", &self.module]).status();
    }
}

/// Duration in seconds of a WAV file, read with hound (so the file must be valid).
pub fn wav_seconds(path: &Path) -> f64 {
    let reader =
        hound::WavReader::open(path).unwrap_or_else(|e| panic!("{path:?} is not a valid WAV: {e}"));
    reader.duration() as f64 / reader.spec().sample_rate as f64
}

/// Word error rate of `hypothesis` against `reference`: word-level edit distance
/// over the reference length, case and punctuation ignored.
pub fn word_error_rate(reference: &str, hypothesis: &str) -> f64 {
    let norm = |t: &str| -> Vec<String> {
        t.split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
            .filter(|w| !w.is_empty())
            .collect()
    };
    let (r, h) = (norm(reference), norm(hypothesis));
    let mut prev: Vec<usize> = (0..=h.len()).collect();
    for (i, rw) in r.iter().enumerate() {
        let mut cur = vec![i + 1; h.len() + 1];
        for (j, hw) in h.iter().enumerate() {
            let sub = prev[j] + usize::from(rw != hw);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[h.len()] as f64 / r.len().max(1) as f64
}

/// A program on a real terminal: a detached tmux session of its own, killed on drop.
pub struct Tmux(pub String);

impl Tmux {
    /// Runs the shell line `command` in a new detached `width`x`height` session.
    pub fn start(tag: &str, width: u16, height: u16, command: &str) -> Tmux {
        let name = format!("barraiser-test-{}-{tag}", std::process::id());
        let (w, h) = (width.to_string(), height.to_string());
        let out = run(Command::new("tmux").args([
            "new-session",
            "-d",
            "-s",
            &name,
            "-x",
            &w,
            "-y",
            &h,
            command,
        ]));
        assert!(out.status.success(), "{}", stderr(&out));
        Tmux(name)
    }

    pub fn capture(&self) -> String {
        stdout(&run(Command::new("tmux").args(["capture-pane", "-p", "-t", &self.0])))
    }

    pub fn keys(&self, keys: &[&str]) {
        let out = run(Command::new("tmux").args(["send-keys", "-t", &self.0]).args(keys));
        assert!(out.status.success(), "{}", stderr(&out));
    }

    /// Waits until the screen shows `text`; panics with the screen after `secs`.
    pub fn wait_for(&self, text: &str, secs: u64) -> String {
        let start = std::time::Instant::now();
        loop {
            let screen = self.capture();
            if screen.contains(text) {
                return screen;
            }
            assert!(start.elapsed().as_secs() < secs, "no '{text}' after {secs} s:\n{screen}");
            std::thread::sleep(std::time::Duration::from_millis(200));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux").args(["kill-session", "-t", &self.0]).status();
    }
}

/// Spawns `cmd` (a `barraiser record` or `practice --no-tui`) with stdout and stderr
/// piped, and returns once it says it is recording, with its stderr so far.
pub fn spawn_recording(
    cmd: &mut Command,
) -> (std::process::Child, std::io::BufReader<std::process::ChildStderr>, String) {
    use std::io::BufRead;
    let mut child = cmd
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("could not run {cmd:?}: {e}"));
    let mut err = std::io::BufReader::new(child.stderr.take().unwrap());
    let mut said = String::new();
    while !said.contains("Recording from") {
        let mut line = String::new();
        assert!(err.read_line(&mut line).unwrap() > 0, "ended before recording: {said}");
        said.push_str(&line);
    }
    (child, err, said)
}

/// An environment variable of this process set for one test and put back after it.
/// The tests run one at a time (`RUST_TEST_THREADS=1` in `.cargo/config.toml`), so
/// no other test sees it.
pub struct EnvVar {
    key: &'static str,
    old: Option<std::ffi::OsString>,
}

impl EnvVar {
    pub fn set(key: &'static str, value: impl AsRef<std::ffi::OsStr>) -> EnvVar {
        let old = std::env::var_os(key);
        std::env::set_var(key, value);
        EnvVar { key, old }
    }

    pub fn unset(key: &'static str) -> EnvVar {
        let old = std::env::var_os(key);
        std::env::remove_var(key);
        EnvVar { key, old }
    }
}

impl Drop for EnvVar {
    fn drop(&mut self) {
        match &self.old {
            Some(v) => std::env::set_var(self.key, v),
            None => std::env::remove_var(self.key),
        }
    }
}

/// This process's working directory moved for one test and moved back after it.
pub struct WorkingDir(PathBuf);

impl WorkingDir {
    pub fn enter(dir: &Path) -> WorkingDir {
        let old = std::env::current_dir().expect("a working directory");
        std::env::set_current_dir(dir).expect("enter the directory");
        WorkingDir(old)
    }
}

impl Drop for WorkingDir {
    fn drop(&mut self) {
        let _ = std::env::set_current_dir(&self.0);
    }
}

/// What a test needs beyond the binary, all of which `scripts/setup` installs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// The speech model (`models/ggml-tiny.en-q8_0.bin` or `BARRAISER_MODEL`).
    Model,
    /// A running PulseAudio server (`scripts/audio-env`).
    Sound,
    /// tmux, for a real terminal.
    Tmux,
    /// Headless Chromium, to look at the HTML pages.
    Chromium,
    /// espeak-ng, to make speech.
    Espeak,
}

impl Need {
    fn missing(self) -> Option<&'static str> {
        let runs = |cmd: &str, args: &[&str]| {
            Command::new(cmd)
                .args(args)
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
        };
        let present = match self {
            Need::Model => model_path().is_file(),
            Need::Sound => runs("pactl", &["info"]),
            Need::Tmux => runs("tmux", &["-V"]),
            Need::Chromium => runs("chromium", &["--version"]),
            Need::Espeak => runs("espeak-ng", &["--version"]),
        };
        (!present).then_some(match self {
            Need::Model => "the speech model",
            Need::Sound => "a running PulseAudio server",
            Need::Tmux => "tmux",
            Need::Chromium => "chromium",
            Need::Espeak => "espeak-ng",
        })
    }
}

/// Whether the test may run: with everything it needs there, yes. Otherwise it is
/// skipped with a line saying what is missing, unless `BARRAISER_ALL_TESTS=1` (set
/// by `scripts/test`), under which a missing part fails the test.
pub fn has_all(test: &str, needs: &[Need]) -> bool {
    let missing: Vec<&str> = needs.iter().filter_map(|n| n.missing()).collect();
    if missing.is_empty() {
        return true;
    }
    let what = missing.join(", ");
    if std::env::var_os("BARRAISER_ALL_TESTS").is_some_and(|v| v == "1") {
        panic!("{test} needs {what}: run scripts/setup (scripts/test does)");
    }
    eprintln!("skipped {test}: it needs {what} (scripts/setup installs it; scripts/test runs it)");
    false
}

/// Skips the test (returns) when something it needs is missing; see [`has_all`].
#[macro_export]
macro_rules! needs {
    ($($need:expr),+ $(,)?) => {
        if !$crate::common::has_all(module_path!(), &[$($need),+]) {
            return;
        }
    };
}
