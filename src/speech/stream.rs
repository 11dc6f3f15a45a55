//! Transcribing while the candidate speaks.
//!
//! A worker thread owns the whisper engine and an incremental [`Transcriber`]:
//! audio is pushed to it over a channel as it is recorded, each piece the segmenter
//! cuts at a pause is transcribed as soon as that pause is heard (one whisper job at
//! a time, never two), and the transcript so far is published after each batch. At
//! the stop only the last short piece is left to do. Unless the threads are fixed,
//! each piece gets as many threads as other programs leave cores free
//! ([`CoreMeter`]), so a busy core elsewhere never stalls whisper.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::Arc;
use std::thread::JoinHandle;

use anyhow::{anyhow, Context, Result};

use super::free_cores::CoreMeter;
use super::shared_model::SharedModel;
use super::transcribe::Transcriber;
use crate::transcript::Transcript;

enum Msg {
    Audio(Vec<f32>),
    Finish,
    /// Give up (a cancelled take): no tail, no transcript.
    Cancel,
}

/// A live transcription running on its own thread.
pub struct LiveTranscriber {
    audio: Sender<Msg>,
    updates: Receiver<Transcript>,
    worker: Option<JoinHandle<Result<Transcript>>>,
    latest: Option<Transcript>,
    most_waiting: Arc<AtomicUsize>,
}

impl LiveTranscriber {
    /// Gets an engine of the shared model on the worker and waits until it is ready,
    /// so a bad model is reported here. Audio pushed from now on is transcribed as it
    /// comes.
    pub fn start(model: &SharedModel) -> Result<LiveTranscriber> {
        let (audio_tx, audio_rx) = mpsc::channel();
        let (update_tx, update_rx) = mpsc::channel();
        let (ready_tx, ready_rx) = mpsc::sync_channel(1);
        let model = model.clone();
        let most_waiting = Arc::new(AtomicUsize::new(0));
        let published = Arc::clone(&most_waiting);
        let worker = std::thread::Builder::new()
            .name("barraiser-stream".into())
            .spawn(move || {
                let meter = CoreMeter::start();
                let engine = match model.engine() {
                    Ok(engine) => engine,
                    Err(err) => {
                        let message = format!("{err:#}");
                        let _ = ready_tx.send(Err(err));
                        return Err(anyhow!(message));
                    }
                };
                let _ = ready_tx.send(Ok(()));
                let prompt = model.prompt();
                let t = match model.follows_free_cores() {
                    true => {
                        Transcriber::new(engine).with_prompt(prompt).following_free_cores(meter)
                    }
                    false => Transcriber::new(engine).with_prompt(prompt),
                };
                work(t, audio_rx, update_tx, &published)
            })
            .context("cannot start the transcription thread")?;
        match ready_rx.recv() {
            Ok(Ok(())) => {}
            Ok(Err(err)) => {
                let _ = worker.join();
                return Err(err);
            }
            Err(_) => {
                return Err(anyhow!("the transcription thread ended while loading the model"))
            }
        }
        Ok(LiveTranscriber {
            audio: audio_tx,
            updates: update_rx,
            worker: Some(worker),
            latest: None,
            most_waiting,
        })
    }

    /// Hands over the next stretch of 16 kHz mono audio; never blocks.
    pub fn push(&self, samples: Vec<f32>) {
        let _ = self.audio.send(Msg::Audio(samples));
    }

    /// The newest transcript so far, if a new one came since the last call.
    pub fn poll(&mut self) -> Option<&Transcript> {
        let newest = self.updates.try_iter().last()?;
        self.latest = Some(newest);
        self.latest.as_ref()
    }

    /// The most pieces that waited for whisper at once so far: 1 while transcription
    /// keeps up with the speaker, more when it falls behind.
    pub fn most_waiting(&self) -> usize {
        self.most_waiting.load(Ordering::Relaxed)
    }

    /// Transcribes what is left and returns the whole transcript.
    pub fn finish(mut self) -> Result<Transcript> {
        let _ = self.audio.send(Msg::Finish);
        let worker = self.worker.take().expect("finish runs once");
        worker.join().map_err(|_| anyhow!("the transcription thread panicked"))?
    }
}

impl Drop for LiveTranscriber {
    /// Waits for the piece in progress, so the next take's whisper job never runs
    /// beside this one.
    fn drop(&mut self) {
        if let Some(worker) = self.worker.take() {
            let _ = self.audio.send(Msg::Cancel);
            let _ = worker.join();
        }
    }
}

/// The worker: push everything that has arrived, transcribe the finished pieces,
/// publish, repeat; at `Finish` do the tail.
fn work(
    mut t: Transcriber,
    audio: Receiver<Msg>,
    updates: Sender<Transcript>,
    most_waiting: &AtomicUsize,
) -> Result<Transcript> {
    loop {
        let mut finishing = false;
        for msg in std::iter::once(audio.recv()).chain(audio.try_iter().map(Ok)) {
            match msg {
                Ok(Msg::Audio(samples)) => t.push(&samples),
                Ok(Msg::Finish) => finishing = true,
                Ok(Msg::Cancel) | Err(_) => return Ok(t.transcript().clone()),
            }
        }
        if finishing {
            return t.finish();
        }
        let added = t.transcribe_ready()?;
        most_waiting.store(t.most_waiting(), Ordering::Relaxed);
        if added > 0 {
            let _ = updates.send(t.transcript().clone());
        }
    }
}
