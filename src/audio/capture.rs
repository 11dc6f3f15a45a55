//! Microphone capture: a worker thread owns the cpal stream and delivers 16 kHz mono.
//!
//! The audio callback only converts samples to f32 and pushes whole frames into a
//! bounded lock-free ring buffer; it never blocks or allocates, and counts the frames
//! it had to drop when the buffer was full. The worker drains the ring buffer every
//! few milliseconds, downmixes, resamples to 16 kHz and sends the result over a
//! channel. The worker obeys a small command enum (pause, resume, stop); on stop it
//! drops the stream first and then drains what is left, so no tail is lost, and ends
//! with [`CaptureEvent::End`]. A device that goes away ends capture with
//! [`CaptureEvent::Failed`]: either the stream reports an error, or it stalls (a
//! suspended or frozen sound server stops the audio without any error).

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use anyhow::{anyhow, Context, Result};
use cpal::traits::{DeviceTrait, StreamTrait};
use cpal::{FromSample, SampleFormat, SizedSample};
use ringbuf::traits::{Consumer, Observer, Producer, Split};
use ringbuf::{HeapCons, HeapProd, HeapRb};

use super::devices;
use super::quiet::without_stderr;
use super::resample::StreamResampler;

/// The rate capture delivers: whisper's.
pub const RATE: u32 = super::resample::TARGET_RATE;

/// How often the worker drains the ring buffer.
const DRAIN_EVERY: Duration = Duration::from_millis(20);

/// Frames per device buffer (about 20 ms at 44.1 or 48 kHz).
const BUFFER_FRAMES: u32 = 1024;

/// Seconds of device audio the ring buffer holds before it overruns.
const RING_SECONDS: usize = 2;

/// A running (not paused) stream that delivers nothing for this long has lost its device.
const STALL_AFTER: Duration = Duration::from_secs(2);

/// How long a started or resumed stream may take to deliver its first audio: an idle
/// PulseAudio sink's monitor takes about 2 s to wake up.
const FIRST_AUDIO_WITHIN: Duration = Duration::from_secs(5);

#[derive(Debug, Clone, Default)]
pub struct CaptureOptions {
    /// Input device name (exact or a substring); `None` is the host's default input.
    pub device: Option<String>,
}

/// What the capture worker reports.
#[derive(Debug, Clone, PartialEq)]
pub enum CaptureEvent {
    /// The next stretch of audio: 16 kHz mono in [-1, 1].
    Audio(Vec<f32>),
    /// The device failed (unplugged, revoked): capture has stopped, and everything
    /// captured before the failure has already been delivered.
    Failed(String),
    /// The stream is closed and every captured sample has been delivered.
    End { overruns: u64 },
}

enum Command {
    Pause,
    Resume,
    Stop,
}

/// A running capture. Dropping it stops the stream and joins the worker.
pub struct Capture {
    commands: Sender<Command>,
    events: Option<Receiver<CaptureEvent>>,
    overruns: Arc<AtomicU64>,
    worker: Option<JoinHandle<()>>,
    device_name: String,
    device_rate: u32,
    device_channels: u16,
}

impl Capture {
    /// Opens the device and starts recording at once. Errors (no device, permission
    /// denied, unsupported format) come back here, through the worker's handshake.
    pub fn start(options: &CaptureOptions) -> Result<Capture> {
        let (command_tx, command_rx) = mpsc::channel();
        let (event_tx, event_rx) = mpsc::channel();
        let (ready_tx, ready_rx) = mpsc::sync_channel(1);
        let overruns = Arc::new(AtomicU64::new(0));
        let worker_overruns = Arc::clone(&overruns);
        let device = options.device.clone();
        let worker = std::thread::Builder::new()
            .name("barraiser-capture".into())
            .spawn(move || {
                // ALSA's plugins print their own failures on stderr while probing.
                let opened = without_stderr(|| open(device.as_deref(), worker_overruns));
                let running = match opened {
                    Ok(running) => running,
                    Err(err) => {
                        let _ = ready_tx.send(Err(err));
                        return;
                    }
                };
                let _ = ready_tx.send(Ok((
                    running.name.clone(),
                    running.rate,
                    running.channels as u16,
                )));
                running.run(command_rx, event_tx);
            })
            .context("cannot start the audio capture thread")?;
        let handshake = ready_rx
            .recv()
            .map_err(|_| anyhow!("the audio capture thread ended before the stream started"));
        match handshake.and_then(|r| r) {
            Ok((device_name, device_rate, device_channels)) => Ok(Capture {
                commands: command_tx,
                events: Some(event_rx),
                overruns,
                worker: Some(worker),
                device_name,
                device_rate,
                device_channels,
            }),
            Err(err) => {
                let _ = worker.join();
                Err(err)
            }
        }
    }

    pub fn device_name(&self) -> &str {
        &self.device_name
    }

    /// The device's own rate and channel count (before downmixing and resampling).
    pub fn device_format(&self) -> (u32, u16) {
        (self.device_rate, self.device_channels)
    }

    /// Frames dropped so far because the worker fell behind the device.
    pub fn overruns(&self) -> u64 {
        self.overruns.load(Ordering::Relaxed)
    }

    /// The event stream; taken once (to hand to another thread), `None` afterwards.
    pub fn take_events(&mut self) -> Option<Receiver<CaptureEvent>> {
        self.events.take()
    }

    /// The event stream, borrowed.
    pub fn events(&self) -> &Receiver<CaptureEvent> {
        self.events.as_ref().expect("capture events were taken by take_events")
    }

    pub fn pause(&self) {
        let _ = self.commands.send(Command::Pause);
    }

    pub fn resume(&self) {
        let _ = self.commands.send(Command::Resume);
    }

    /// Asks the worker to stop; the remaining audio and then `End` follow on the
    /// event channel.
    pub fn stop(&self) {
        let _ = self.commands.send(Command::Stop);
    }
}

impl Drop for Capture {
    fn drop(&mut self) {
        let _ = self.commands.send(Command::Stop);
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
    }
}

/// The worker's side: the stream (which must stay on the thread that made it) and
/// the consumer end of the ring buffer.
struct Running {
    stream: cpal::Stream,
    consumer: HeapCons<f32>,
    failure: Arc<Mutex<Option<String>>>,
    failed: Arc<AtomicBool>,
    overruns: Arc<AtomicU64>,
    name: String,
    rate: u32,
    channels: usize,
}

fn open(device: Option<&str>, overruns: Arc<AtomicU64>) -> Result<Running> {
    let device = devices::find_input(device)?;
    let name = device.name().unwrap_or_else(|_| "unnamed device".into());
    let supported = devices::best_config(&device).with_context(|| {
        format!("cannot use the input device '{name}' (is the sound server running? `barraiser devices` lists the inputs)")
    })?;
    let mut config: cpal::StreamConfig = supported.config();
    // The default buffer can be huge (ALSA's pulse plugin picks 2 s, and the first
    // samples then arrive 2 s late): ask for about 20 ms instead.
    if let cpal::SupportedBufferSize::Range { min, max } = supported.buffer_size() {
        config.buffer_size = cpal::BufferSize::Fixed(BUFFER_FRAMES.clamp(*min, *max));
    }
    let channels = config.channels as usize;
    let rate = config.sample_rate.0;
    let ring = HeapRb::<f32>::new(rate as usize * channels * RING_SECONDS);
    let (producer, consumer) = ring.split();
    let failure = Arc::new(Mutex::new(None));
    let failed = Arc::new(AtomicBool::new(false));
    let on_error = {
        let failure = Arc::clone(&failure);
        let failed = Arc::clone(&failed);
        move |err: cpal::StreamError| {
            // The error callback is not the real-time path: recording the message is fine.
            if let Ok(mut slot) = failure.lock() {
                slot.get_or_insert_with(|| stream_error_cause(&err).to_string());
            }
            failed.store(true, Ordering::Release);
        }
    };
    let stream = match supported.sample_format() {
        SampleFormat::F32 => build::<f32>(&device, &config, producer, &overruns, on_error),
        SampleFormat::I16 => build::<i16>(&device, &config, producer, &overruns, on_error),
        SampleFormat::I32 => build::<i32>(&device, &config, producer, &overruns, on_error),
        other => return Err(anyhow!("input device '{name}' offers {other} samples only")),
    }
    .map_err(|e| anyhow!("cannot open input device '{name}': {}", describe_build_error(&e)))?;
    stream.play().map_err(|e| anyhow!("cannot start recording from '{name}': {e}"))?;
    Ok(Running { stream, consumer, failure, failed, overruns, name, rate, channels })
}

fn build<T>(
    device: &cpal::Device,
    config: &cpal::StreamConfig,
    mut producer: HeapProd<f32>,
    overruns: &Arc<AtomicU64>,
    on_error: impl FnMut(cpal::StreamError) + Send + 'static,
) -> Result<cpal::Stream, cpal::BuildStreamError>
where
    T: SizedSample + Send + 'static,
    f32: FromSample<T>,
{
    let channels = config.channels as usize;
    let overruns = Arc::clone(overruns);
    device.build_input_stream(
        config,
        move |data: &[T], _: &cpal::InputCallbackInfo| {
            // Whole frames only, so the worker never sees channels out of step.
            let room = producer.vacant_len() / channels * channels;
            let take = data.len().min(room);
            producer.push_iter(data[..take].iter().map(|s| s.to_sample::<f32>()));
            if take < data.len() {
                overruns.fetch_add(((data.len() - take) / channels) as u64, Ordering::Relaxed);
            }
        },
        on_error,
        None,
    )
}

/// Why a running stream failed, for "lost the input device 'NAME' (...)". ALSA's own
/// words for it (a poll error with errno -5) would tell a user nothing more.
fn stream_error_cause(err: &cpal::StreamError) -> &'static str {
    match err {
        cpal::StreamError::DeviceNotAvailable => "unplugged or disabled",
        cpal::StreamError::BackendSpecific { .. } => "unplugged, or its sound server stopped",
    }
}

fn describe_build_error(err: &cpal::BuildStreamError) -> String {
    match err {
        cpal::BuildStreamError::DeviceNotAvailable => {
            "the device is not available (unplugged, or in use and not shareable)".into()
        }
        cpal::BuildStreamError::BackendSpecific { err } => {
            let text = err.to_string();
            if text.contains("EACCES") || text.contains("ermission") {
                format!("permission denied ({text}); allow this program to use the microphone")
            } else {
                text
            }
        }
        other => other.to_string(),
    }
}

impl Running {
    fn run(mut self, commands: Receiver<Command>, events: Sender<CaptureEvent>) {
        let mut resampler = match StreamResampler::new(self.rate) {
            Ok(r) => r,
            Err(err) => {
                let _ = events.send(CaptureEvent::Failed(format!("{err:#}")));
                let _ = events.send(CaptureEvent::End { overruns: 0 });
                return;
            }
        };
        let mut interleaved = vec![0.0f32; self.consumer.capacity().get()];
        let mut mono = Vec::with_capacity(interleaved.len());
        // While running, audio must arrive before this; `None` while paused.
        let mut audio_due = Some(Instant::now() + FIRST_AUDIO_WITHIN);
        loop {
            match commands.recv_timeout(DRAIN_EVERY) {
                Ok(Command::Pause) => {
                    let _ = self.stream.pause();
                    audio_due = None;
                }
                Ok(Command::Resume) => {
                    let _ = self.stream.play();
                    audio_due = Some(Instant::now() + FIRST_AUDIO_WITHIN);
                }
                Ok(Command::Stop) | Err(RecvTimeoutError::Disconnected) => break,
                Err(RecvTimeoutError::Timeout) => {}
            }
            if self.drain(&mut interleaved, &mut mono, &mut resampler, &events)
                && audio_due.is_some()
            {
                audio_due = Some(Instant::now() + STALL_AFTER);
            }
            let stalled = audio_due.is_some_and(|due| Instant::now() >= due);
            if let Some(message) = self.lost_device(stalled) {
                let _ = events.send(CaptureEvent::Failed(message));
                break;
            }
        }
        // Close the stream first: after that no callback runs, so one last drain
        // delivers the tail.
        let Running { stream, consumer, overruns, channels, .. } = self;
        drop(stream);
        let rest = Running::drain_consumer(consumer, channels, &mut interleaved);
        let mut last = Vec::new();
        let flushed = resampler.push(&rest, &mut last).and_then(|_| resampler.finish(&mut last));
        if let Err(err) = flushed {
            let _ =
                events.send(CaptureEvent::Failed(format!("cannot resample the audio: {err:#}")));
        }
        if !last.is_empty() {
            let _ = events.send(CaptureEvent::Audio(last));
        }
        let _ = events.send(CaptureEvent::End { overruns: overruns.load(Ordering::Relaxed) });
    }

    /// Why the device is gone, if it is: the stream reported an error, or it stalled.
    fn lost_device(&self, stalled: bool) -> Option<String> {
        let cause = if self.failed.load(Ordering::Acquire) {
            self.failure.lock().ok().and_then(|m| m.clone()).unwrap_or_else(|| "it failed".into())
        } else if stalled {
            "it stopped sending audio: unplugged, suspended, or its sound server stopped".into()
        } else {
            return None;
        };
        Some(format!("lost the input device '{}' ({cause})", self.name))
    }

    /// Hands on the audio that arrived; false when none had.
    fn drain(
        &mut self,
        interleaved: &mut [f32],
        mono: &mut Vec<f32>,
        resampler: &mut StreamResampler,
        events: &Sender<CaptureEvent>,
    ) -> bool {
        let available = self.consumer.occupied_len() / self.channels * self.channels;
        let n = self.consumer.pop_slice(&mut interleaved[..available]);
        if n == 0 {
            return false;
        }
        downmix(&interleaved[..n], self.channels, mono);
        let mut out = Vec::with_capacity(mono.len());
        if let Err(err) = resampler.push(mono, &mut out) {
            let _ =
                events.send(CaptureEvent::Failed(format!("cannot resample the audio: {err:#}")));
        }
        if !out.is_empty() {
            let _ = events.send(CaptureEvent::Audio(out));
        }
        true
    }

    /// Everything left in the ring buffer after the stream closed, as device-rate mono.
    fn drain_consumer(mut consumer: HeapCons<f32>, channels: usize, buf: &mut [f32]) -> Vec<f32> {
        let available = consumer.occupied_len() / channels * channels;
        let n = consumer.pop_slice(&mut buf[..available]);
        let mut mono = Vec::new();
        downmix(&buf[..n], channels, &mut mono);
        mono
    }
}

/// Averages the channels of interleaved frames into `out` (cleared first).
pub fn downmix(interleaved: &[f32], channels: usize, out: &mut Vec<f32>) {
    out.clear();
    if channels == 1 {
        out.extend_from_slice(interleaved);
        return;
    }
    let scale = 1.0 / channels as f32;
    out.extend(interleaved.chunks_exact(channels).map(|f| f.iter().sum::<f32>() * scale));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn downmix_averages_frames() {
        let mut out = Vec::new();
        downmix(&[1.0, 0.0, 0.5, 0.5, -1.0, -1.0], 2, &mut out);
        assert_eq!(out, vec![0.5, 0.5, -1.0]);
        downmix(&[0.25, 0.75], 1, &mut out);
        assert_eq!(out, vec![0.25, 0.75]);
    }
}
