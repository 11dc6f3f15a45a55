//! `barraiser record`: record from the microphone to a WAV file, without the screen.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use clap::Args;

use crate::audio::capture::{Capture, CaptureEvent, CaptureOptions, RATE};
use crate::audio::recorder::recover;
use crate::audio::recorder::{Recorder, RecordingMeta};
use crate::config::Config;
use crate::store;

#[derive(Debug, Default, Args)]
pub struct RecordArgs {
    /// The WAV file to write (16 kHz mono, 16-bit)
    #[arg(long, short, value_name = "FILE")]
    pub out: PathBuf,
    /// Stop after this many seconds (default: at Enter or Ctrl-C)
    #[arg(long, value_name = "N")]
    pub seconds: Option<f64>,
    /// Input device (a name from `barraiser devices`, or part of one)
    #[arg(long, value_name = "NAME", env = "BARRAISER_DEVICE")]
    pub device: Option<String>,
}

pub fn run(args: RecordArgs, cfg: &Config) -> Result<()> {
    if args.seconds.is_some_and(|s| !(s > 0.0 && s.is_finite())) {
        bail!("--seconds must be a positive number");
    }
    let journal = recover_and_announce(cfg)?;
    let stop = stop_flag()?;
    let mut capture = Capture::start(&CaptureOptions { device: cfg.device.clone() })?;
    let out = std::path::absolute(&args.out)
        .with_context(|| format!("bad output path {}", args.out.display()))?;
    let meta = RecordingMeta { path: out.clone(), question_id: None, started_at: now_rfc3339() };
    let mut recorder = Recorder::create(&meta, RATE, Some(&journal))?;
    let (rate, channels) = capture.device_format();
    eprintln!(
        "Recording from '{}' ({rate} Hz, {channels} ch) to {}; {}",
        capture.device_name(),
        args.out.display(),
        match args.seconds {
            Some(s) => format!("stopping after {s} s (Ctrl-C stops sooner)"),
            None => "press Ctrl-C to stop".to_string(),
        }
    );
    let limit = args.seconds.map(|s| (s * RATE as f64).round() as u64);
    let started = Instant::now();
    let mut written: u64 = 0;
    let mut failure = None;
    let mut stopping = false;
    let events = capture.take_events().expect("events are taken once");
    loop {
        let deadline_passed =
            args.seconds.is_some_and(|s| started.elapsed() > Duration::from_secs_f64(s + 3.0));
        let full = limit.is_some_and(|l| written >= l);
        if !stopping && (full || deadline_passed || stop.load(Ordering::Relaxed)) {
            capture.stop();
            stopping = true;
        }
        match events.recv_timeout(Duration::from_millis(100)) {
            Ok(CaptureEvent::Audio(samples)) => {
                let room = limit.map_or(samples.len() as u64, |l| l.saturating_sub(written));
                let take = (samples.len() as u64).min(room) as usize;
                recorder.write(&samples[..take])?;
                written += take as u64;
            }
            Ok(CaptureEvent::Failed(message)) => failure = Some(message),
            Ok(CaptureEvent::End { overruns }) => {
                if overruns > 0 {
                    eprintln!("barraiser: warning: {overruns} audio frames were dropped (the machine was too busy)");
                }
                break;
            }
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => break,
        }
    }
    drop(capture);
    let done = recorder.finish()?;
    if let Some(message) = failure {
        bail!(
            "{message} after {:.1} s; the audio recorded so far is saved in {}",
            done.duration_s(),
            args.out.display()
        );
    }
    eprintln!("Saved {:.1} s to {}", done.duration_s(), args.out.display());
    Ok(())
}

/// Set by Ctrl-C (SIGINT) or SIGTERM, so the recording stops cleanly with its tail.
pub(crate) fn stop_flag() -> Result<Arc<AtomicBool>> {
    let flag = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        signal_hook::flag::register(signal, Arc::clone(&flag))
            .context("cannot install the Ctrl-C handler")?;
    }
    Ok(flag)
}

pub(crate) fn now_rfc3339() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Where recordings live, journaled and recovered.
pub(crate) fn recordings_dir(cfg: &Config) -> PathBuf {
    cfg.data_dir.clone().join(store::RECORDINGS_DIR)
}

/// Repairs recordings a crash interrupted, tells the user about any awaiting
/// analysis and any file left alone, and returns the recordings directory.
pub(crate) fn recover_and_announce(cfg: &Config) -> Result<PathBuf> {
    let dir = recordings_dir(cfg);
    let recovery = recover(&dir)?;
    for line in &recovery.left_alone {
        eprintln!("barraiser: {line}");
    }
    for found in &recovery.pending {
        eprintln!(
            "barraiser: recovered an interrupted recording: {} ({:.1} s); `barraiser recover` analyses it",
            found.meta.path.display(),
            found.recording.duration_s()
        );
    }
    Ok(dir)
}
