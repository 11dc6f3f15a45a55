//! Playback through a real PulseAudio server: each test plays espeak-ng speech into a
//! null sink of its own (chosen with PULSE_SINK, which the ALSA pulse plugin honours),
//! records that sink's monitor with parec, and checks the speech energy arrived where
//! and when it should.

use crate::common;
use crate::common::Need;
use crate::needs;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use barraiser::audio::playback::{Clip, Playback};

/// Envelope frames of 20 ms.
const FRAME_S: f64 = 0.02;
const REC_RATE: u32 = 16_000;

struct Sink {
    name: String,
    module: String,
}

impl Sink {
    fn load() -> Sink {
        let name = format!("bx_playback_{}", std::process::id());
        let out = common::run(Command::new("pactl").args([
            "load-module",
            "module-null-sink",
            &format!("sink_name={name}"),
        ]));
        assert!(out.status.success(), "pactl load-module failed: {}", common::stderr(&out));
        Sink { name, module: common::stdout(&out).trim().to_string() }
    }
}

impl Drop for Sink {
    fn drop(&mut self) {
        let _ = Command::new("pactl").args(["unload-module", &self.module]).status();
    }
}

/// Serialises the tests of this file: each loads its own sink and points PULSE_SINK at
/// it, and no other thread may be opening a device while the variable changes.
fn own_sink() -> (MutexGuard<'static, ()>, crate::common::EnvVar, Sink) {
    static LOCK: Mutex<()> = Mutex::new(());
    let guard = LOCK.lock().unwrap_or_else(|e| e.into_inner());
    let sink = Sink::load();
    let var = crate::common::EnvVar::set("PULSE_SINK", &sink.name);
    (guard, var, sink)
}

/// Records the monitor of `sink` as 16 kHz mono s16 until stopped.
struct Monitor {
    child: Child,
    file: tempfile::NamedTempFile,
}

impl Monitor {
    fn start(sink: &str) -> Monitor {
        // To a file: a pipe nobody reads fills after two seconds and stalls parec.
        let file = tempfile::NamedTempFile::new().unwrap();
        let child = Command::new("parec")
            .args([
                "-d",
                &format!("{sink}.monitor"),
                "--raw",
                "--format=s16le",
                &format!("--rate={REC_RATE}"),
                "--channels=1",
                "--latency-msec=20",
            ])
            .stdout(Stdio::from(file.reopen().unwrap()))
            .spawn()
            .expect("parec is installed by scripts/setup");
        std::thread::sleep(Duration::from_millis(400));
        Monitor { child, file }
    }

    fn stop(mut self) -> Vec<f32> {
        std::thread::sleep(Duration::from_millis(400));
        let _ = Command::new("kill").args(["-INT", &self.child.id().to_string()]).status();
        self.child.wait().expect("parec exits on SIGINT");
        let bytes = std::fs::read(self.file.path()).unwrap();
        bytes.chunks_exact(2).map(|b| i16::from_le_bytes([b[0], b[1]]) as f32 / 32768.0).collect()
    }
}

fn envelope(samples: &[f32], rate: u32) -> Vec<f64> {
    let n = (FRAME_S * rate as f64) as usize;
    samples
        .chunks(n)
        .map(|c| (c.iter().map(|&s| (s as f64).powi(2)).sum::<f64>() / c.len() as f64).sqrt())
        .collect()
}

fn pearson(a: &[f64], b: &[f64]) -> f64 {
    let n = a.len().min(b.len());
    let (a, b) = (&a[..n], &b[..n]);
    let (ma, mb) = (a.iter().sum::<f64>() / n as f64, b.iter().sum::<f64>() / n as f64);
    let cov: f64 = a.iter().zip(b).map(|(x, y)| (x - ma) * (y - mb)).sum();
    let va: f64 = a.iter().map(|x| (x - ma).powi(2)).sum();
    let vb: f64 = b.iter().map(|y| (y - mb).powi(2)).sum();
    cov / (va * vb).sqrt().max(1e-12)
}

/// The shift (in frames) at which `recorded` best matches `source`, and the correlation
/// there. The recording may start before the clip (parec was already listening) or a
/// few frames into it (a sink waking from suspend drops its first milliseconds), so
/// shifts go both ways, always overlapping most of the clip.
fn best_match(source: &[f64], recorded: &[f64]) -> (isize, f64) {
    let min_overlap = source.len() * 4 / 5;
    let mut best = (0, f64::MIN);
    for shift in -(source.len() as isize / 5)..recorded.len() as isize {
        let (s, r) = if shift < 0 {
            (&source[(-shift) as usize..], recorded)
        } else {
            (source, &recorded[shift as usize..])
        };
        if s.len().min(r.len()) < min_overlap {
            continue;
        }
        let c = pearson(s, r);
        if c > best.1 {
            best = (shift, c);
        }
    }
    best
}

/// Seconds of the recording louder than a tenth of its peak envelope.
fn loud_seconds(env: &[f64]) -> f64 {
    let peak = env.iter().cloned().fold(0.0, f64::max);
    env.iter().filter(|&&e| e > peak * 0.1).count() as f64 * FRAME_S
}

fn speech_clip(dir: &Path) -> Clip {
    let wav = dir.join("speech.wav");
    common::speak(
        "I owned the checkout redesign. Conversion rose by twelve percent in six weeks.",
        &wav,
    );
    Clip::from_wav(&wav).expect("espeak-ng wrote a readable WAV")
}

#[test]
fn plays_the_whole_clip_into_the_default_sink() {
    needs!(Need::Sound, Need::Espeak);
    let (_serial, _sink_var, sink) = own_sink();
    let dir = tempfile::tempdir().unwrap();
    let clip = speech_clip(dir.path());
    let source = envelope(&clip.samples, clip.rate);

    let monitor = Monitor::start(&sink.name);
    let playback = Playback::start(clip.clone(), 0.0).expect("the pulse sink is an output device");
    assert!(playback.is_playing());
    playback.wait();
    let recorded = envelope(&monitor.stop(), REC_RATE);

    let (lag, r) = best_match(&source, &recorded);
    println!("whole clip: correlation {r:.3} at a shift of {:.2} s", lag as f64 * FRAME_S);
    assert!(r > 0.85, "recorded envelope does not match the speech (r = {r:.3})");
    let (played, spoken) = (loud_seconds(&recorded), loud_seconds(&source));
    println!("loud seconds: source {spoken:.2}, recorded {played:.2}");
    assert!(
        (played - spoken).abs() < 0.3,
        "recorded {played:.2} s of speech, clip has {spoken:.2} s"
    );
}

#[test]
fn plays_from_a_given_second() {
    needs!(Need::Sound, Need::Espeak);
    let (_serial, _sink_var, sink) = own_sink();
    let dir = tempfile::tempdir().unwrap();
    let clip = speech_clip(dir.path());
    let from_s = 2.0;
    let tail = envelope(&clip.samples[(from_s * clip.rate as f64) as usize..], clip.rate);
    let head = envelope(&clip.samples[..(from_s * clip.rate as f64) as usize], clip.rate);

    let monitor = Monitor::start(&sink.name);
    Playback::start(clip.clone(), from_s).unwrap().wait();
    let recorded = envelope(&monitor.stop(), REC_RATE);

    let (_, r_tail) = best_match(&tail, &recorded);
    println!("from {from_s} s: tail correlation {r_tail:.3}");
    assert!(r_tail > 0.85, "the part after {from_s} s was not played (r = {r_tail:.3})");
    let (played, expected) = (loud_seconds(&recorded), loud_seconds(&tail));
    println!(
        "loud seconds: expected {expected:.2}, recorded {played:.2}, head {:.2}",
        loud_seconds(&head)
    );
    assert!(
        (played - expected).abs() < 0.3,
        "played {played:.2} s, the tail holds {expected:.2} s"
    );
}

#[test]
fn stop_silences_the_output_at_once() {
    needs!(Need::Sound, Need::Espeak);
    let (_serial, _sink_var, sink) = own_sink();
    let dir = tempfile::tempdir().unwrap();
    let clip = speech_clip(dir.path());
    assert!(clip.duration_s() > 3.0);

    let monitor = Monitor::start(&sink.name);
    let playback = Playback::start(clip.clone(), 0.0).unwrap();
    // An idle test sink takes a moment to start pulling audio; wait for a second of sound.
    let waited = std::time::Instant::now();
    while playback.position_s() < 1.0 && waited.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(10));
    }
    let at = playback.position_s();
    playback.stop();
    let recorded = envelope(&monitor.stop(), REC_RATE);

    let played = loud_seconds(&recorded);
    let head =
        loud_seconds(&envelope(&clip.samples[..(at * clip.rate as f64) as usize], clip.rate));
    println!("stopped at {at:.2} s of {:.2} s; {played:.2} s of sound reached the sink, the clip had {head:.2} s by then", clip.duration_s());
    assert!((1.0..1.5).contains(&at), "position {at:.2} s");
    assert!(
        (played - head).abs() < 0.35,
        "{played:.2} s of sound reached the sink after stopping at {at:.2} s"
    );
}
