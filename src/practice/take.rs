//! A live take: the microphone feeds the crash-safe recording, the level meter and
//! the live transcription at once.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, TryRecvError};
use std::time::{Duration, Instant};

use anyhow::Result;

use crate::audio::capture::{Capture, CaptureEvent, CaptureOptions, RATE};
use crate::audio::level::frame_db;
use crate::audio::recorder::{Recorder, Recording, RecordingMeta};
use crate::bank::Question;
use crate::speech::shared_model::SharedModel;
use crate::speech::stream::LiveTranscriber;
use crate::store::Store;
use crate::transcript::Transcript;

/// How long `stop` waits for the capture worker to hand over the tail.
const DRAIN_TIMEOUT: Duration = Duration::from_secs(3);
/// The level meter shows the loudness of the newest 50 ms.
const LEVEL_WINDOW: usize = RATE as usize / 20;

pub struct TakeOptions {
    pub device: Option<String>,
    pub model: SharedModel,
    /// The recording's question and start; its path is the name wished for in
    /// `journal_dir` (see [`recording_meta`]), numbered when another take has it.
    pub meta: RecordingMeta,
    /// Where the recording and its in-progress marker go (the store's recordings
    /// directory).
    pub journal_dir: PathBuf,
    /// Audio past this many seconds is not kept (`--seconds`).
    pub max_s: Option<f64>,
}

impl TakeOptions {
    /// A take of `question` into the store's recordings directory, from `device` (the
    /// default input when `None`), kept to at most `max_s` seconds when given.
    pub fn new(
        model: &SharedModel,
        store: &Store,
        question: &Question,
        device: Option<&str>,
        max_s: Option<f64>,
    ) -> TakeOptions {
        TakeOptions {
            device: device.map(str::to_string),
            model: model.clone(),
            meta: recording_meta(&store.recordings_dir(), &question.id),
            journal_dir: store.recordings_dir(),
            max_s,
        }
    }
}

/// A new take of `question_id` in `recordings_dir`, named by its start time and
/// question (the recorder numbers it when that name is taken).
pub fn recording_meta(recordings_dir: &Path, question_id: &str) -> RecordingMeta {
    let now = chrono::Utc::now();
    RecordingMeta {
        path: recordings_dir.join(format!("{}-{question_id}.wav", now.format("%Y%m%d-%H%M%S"))),
        question_id: Some(question_id.to_string()),
        started_at: now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
    }
}

pub struct Take {
    capture: Capture,
    events: Receiver<CaptureEvent>,
    recorder: Recorder,
    live: LiveTranscriber,
    samples: u64,
    max_samples: Option<u64>,
    level_db: f32,
    failure: Option<String>,
    dropped_frames: u64,
    ended: bool,
    paused: bool,
}

/// What a stopped take left: the recording, and the transcript unless nothing was said.
pub struct Finished {
    pub recording: Recording,
    pub transcript: Result<Transcript>,
    /// The device failed mid-answer: what came before it is still here.
    pub failure: Option<String>,
    /// Seconds from the stop to the finished transcript.
    pub tail_s: f64,
    /// Audio frames the capture had to drop because the machine was too busy.
    pub dropped_frames: u64,
}

/// A take stopped without a report: its recording, and the live transcription that
/// has everything but the last piece, should the candidate want it analysed after all.
pub struct Cancelled {
    pub recording: Recording,
    live: LiveTranscriber,
    failure: Option<String>,
    dropped_frames: u64,
}

impl Cancelled {
    /// Transcribes the last piece and hands the take over like a stopped one.
    pub fn finish(self) -> Finished {
        let stopped = Instant::now();
        let transcript = self.live.finish();
        Finished {
            recording: self.recording,
            transcript,
            failure: self.failure,
            tail_s: stopped.elapsed().as_secs_f64(),
            dropped_frames: self.dropped_frames,
        }
    }
}

impl Take {
    /// Starts capturing at once, then loads the model while the first words are
    /// already buffered; the file is created once the model is ready, so a bad
    /// model leaves nothing behind.
    pub fn start(opts: &TakeOptions) -> Result<Take> {
        let mut capture = Capture::start(&CaptureOptions { device: opts.device.clone() })?;
        let events = capture.take_events().expect("a new capture has its events");
        let live = LiveTranscriber::start(&opts.model)?;
        let stem = opts.meta.path.file_stem().map(|s| s.to_string_lossy().into_owned());
        let stem = stem.unwrap_or_else(|| "take".to_string());
        let recorder = Recorder::create_new_in(&opts.journal_dir, &stem, &opts.meta, RATE)?;
        Ok(Take {
            capture,
            events,
            recorder,
            live,
            samples: 0,
            max_samples: opts.max_s.map(|s| (s * RATE as f64).round() as u64),
            level_db: -100.0,
            failure: None,
            dropped_frames: 0,
            ended: false,
            paused: false,
        })
    }

    pub fn device_name(&self) -> &str {
        self.capture.device_name()
    }

    /// Takes in whatever audio has arrived; never blocks.
    pub fn pump(&mut self) -> Result<()> {
        loop {
            match self.events.try_recv() {
                Ok(event) => self.on_event(event)?,
                Err(TryRecvError::Empty) => return Ok(()),
                Err(TryRecvError::Disconnected) => {
                    self.ended = true;
                    return Ok(());
                }
            }
        }
    }

    fn on_event(&mut self, event: CaptureEvent) -> Result<()> {
        match event {
            // Devices that cannot pause keep delivering: a paused take drops it.
            CaptureEvent::Audio(_) if self.paused => {}
            CaptureEvent::Audio(mut samples) => {
                if let Some(max) = self.max_samples {
                    samples.truncate(max.saturating_sub(self.samples) as usize);
                }
                if samples.is_empty() {
                    return Ok(());
                }
                self.recorder.write(&samples)?;
                self.samples += samples.len() as u64;
                self.level_db = frame_db(&samples[samples.len().saturating_sub(LEVEL_WINDOW)..]);
                self.live.push(samples);
            }
            // The tail and `End` follow.
            CaptureEvent::Failed(message) => self.failure = Some(message),
            CaptureEvent::End { overruns } => {
                self.dropped_frames = overruns;
                self.ended = true;
            }
        }
        Ok(())
    }

    /// Seconds recorded (the audio's own clock: a pause stops it).
    pub fn elapsed_s(&self) -> f64 {
        self.samples as f64 / RATE as f64
    }

    /// Loudness of the newest audio in dBFS (-100 for silence).
    pub fn level_db(&self) -> f32 {
        if self.paused {
            -100.0
        } else {
            self.level_db
        }
    }

    /// The device failed: recording has ended, what came before is kept.
    pub fn failure(&self) -> Option<&str> {
        self.failure.as_deref()
    }

    /// No more audio will come (device failed, or the `--seconds` cap was reached).
    pub fn is_done(&self) -> bool {
        self.ended || self.failure.is_some() || self.max_samples.is_some_and(|m| self.samples >= m)
    }

    /// The newest transcript, when one came since the last call.
    pub fn poll_transcript(&mut self) -> Option<&Transcript> {
        self.live.poll()
    }

    pub fn is_paused(&self) -> bool {
        self.paused
    }

    pub fn set_paused(&mut self, paused: bool) {
        if paused != self.paused {
            if paused {
                self.capture.pause();
            } else {
                self.capture.resume();
            }
            self.paused = paused;
        }
    }

    /// Stops the microphone, keeps every sample it delivered, and transcribes the
    /// last piece.
    pub fn stop(mut self) -> Result<Finished> {
        self.drain()?;
        let stopped = Instant::now();
        let Take { recorder, live, failure, dropped_frames, .. } = self;
        let recording = recorder.finish()?;
        let transcript = live.finish();
        let tail_s = stopped.elapsed().as_secs_f64();
        Ok(Finished { recording, transcript, failure, tail_s, dropped_frames })
    }

    /// Stops without transcribing the last piece; the recording is kept (until
    /// discarded), and so is what was transcribed while it was spoken.
    pub fn cancel(mut self) -> Result<Cancelled> {
        self.drain()?;
        let Take { recorder, live, failure, dropped_frames, .. } = self;
        Ok(Cancelled { recording: recorder.finish()?, live, failure, dropped_frames })
    }

    fn drain(&mut self) -> Result<()> {
        self.capture.stop();
        let deadline = Instant::now() + DRAIN_TIMEOUT;
        while !self.ended {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.events.recv_timeout(left) {
                Ok(event) => self.on_event(event)?,
                Err(RecvTimeoutError::Timeout) | Err(RecvTimeoutError::Disconnected) => break,
            }
        }
        Ok(())
    }
}
