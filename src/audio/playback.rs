//! Playing a recording, or the part of it from a given second, through the default
//! output device.
//!
//! A cpal stream cannot move between threads, so a worker thread owns it: it opens the
//! device, reports success or the error back through a start-up handshake (so "no
//! output device" reaches the caller as an error, never a panic), then waits for a stop
//! request or the end of the clip. The audio callback only reads a shared, immutable
//! buffer and converts the rate by linear interpolation: no locks, no allocation.

use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use anyhow::{anyhow, Context, Result};
use cpal::traits::{DeviceTrait, HostTrait, StreamTrait};
use cpal::{FromSample, SampleFormat, SizedSample, StreamConfig};

use super::quiet::without_stderr;

/// The sample formats we can write, best first.
const FORMATS: [SampleFormat; 4] =
    [SampleFormat::F32, SampleFormat::I16, SampleFormat::I32, SampleFormat::U16];

/// How long to let the device drain its buffer after the last sample was handed over.
const DRAIN: Duration = Duration::from_millis(250);

/// A mono clip in memory.
#[derive(Debug, Clone)]
pub struct Clip {
    pub samples: Arc<[f32]>,
    pub rate: u32,
}

impl Clip {
    /// Reads a WAV file (any PCM or float encoding), mixed down to mono.
    pub fn from_wav(path: &Path) -> Result<Clip> {
        let audio = crate::audio::wav::read_mono(path)?;
        Ok(Clip { samples: audio.samples.into(), rate: audio.rate })
    }

    pub fn duration_s(&self) -> f64 {
        self.samples.len() as f64 / self.rate as f64
    }
}

/// State the audio callback shares with the owner.
#[derive(Debug, Default)]
struct Shared {
    /// Index of the next source sample to play.
    position: AtomicUsize,
    finished: AtomicBool,
    failed: AtomicBool,
}

/// A clip playing on the default output device. Dropping it stops the sound.
#[derive(Debug)]
pub struct Playback {
    stop: Sender<()>,
    shared: Arc<Shared>,
    rate: u32,
    device: String,
    worker: Option<JoinHandle<()>>,
}

impl Playback {
    /// Plays the WAV file at `path` from `from_s` seconds to its end.
    pub fn file(path: &Path, from_s: f64) -> Result<Playback> {
        let clip = Clip::from_wav(path)?;
        Playback::start(clip, from_s).with_context(|| format!("cannot play {}", path.display()))
    }

    /// Plays `clip` from `from_s` seconds to its end. Fails when there is no output
    /// device or it cannot be opened. With no usable device the ALSA plugins print
    /// their own complaints, which would land on top of a screen: they are silenced
    /// while the device opens, as for capture.
    pub fn start(clip: Clip, from_s: f64) -> Result<Playback> {
        without_stderr(|| Playback::open(clip, from_s))
    }

    fn open(clip: Clip, from_s: f64) -> Result<Playback> {
        let first = ((from_s.max(0.0) * clip.rate as f64) as usize).min(clip.samples.len());
        let shared = Arc::new(Shared { position: AtomicUsize::new(first), ..Default::default() });
        let rate = clip.rate;
        let (stop_tx, stop_rx) = mpsc::channel::<()>();
        let (ready_tx, ready_rx) = mpsc::channel::<Result<String>>();
        let worker_shared = Arc::clone(&shared);
        let worker = std::thread::Builder::new()
            .name("barraiser-playback".into())
            .spawn(move || {
                let stream = match open_stream(clip, Arc::clone(&worker_shared)) {
                    Ok((stream, name)) => {
                        let _ = ready_tx.send(Ok(name));
                        stream
                    }
                    Err(e) => {
                        let _ = ready_tx.send(Err(e));
                        return;
                    }
                };
                loop {
                    match stop_rx.recv_timeout(Duration::from_millis(20)) {
                        Ok(()) | Err(RecvTimeoutError::Disconnected) => break,
                        Err(RecvTimeoutError::Timeout) => {
                            if worker_shared.failed.load(Ordering::Relaxed) {
                                break;
                            }
                            if worker_shared.finished.load(Ordering::Relaxed) {
                                std::thread::sleep(DRAIN);
                                break;
                            }
                        }
                    }
                }
                drop(stream);
                worker_shared.finished.store(true, Ordering::Relaxed);
            })
            .context("cannot start the playback thread")?;
        let device = ready_rx
            .recv()
            .map_err(|_| anyhow!("the playback thread stopped before opening the device"))??;
        Ok(Playback { stop: stop_tx, shared, rate, device, worker: Some(worker) })
    }

    /// Seconds into the clip of the sample being played now.
    pub fn position_s(&self) -> f64 {
        self.shared.position.load(Ordering::Relaxed) as f64 / self.rate as f64
    }

    /// False once the clip has played to its end, was stopped, or the device failed.
    pub fn is_playing(&self) -> bool {
        !self.shared.finished.load(Ordering::Relaxed)
    }

    /// True when the output device reported an error while playing.
    pub fn failed(&self) -> bool {
        self.shared.failed.load(Ordering::Relaxed)
    }

    /// The name of the output device.
    pub fn device(&self) -> &str {
        &self.device
    }

    /// Blocks until the clip has played to its end (or failed).
    pub fn wait(mut self) {
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
    }

    /// Stops the sound now.
    pub fn stop(self) {}
}

impl Drop for Playback {
    fn drop(&mut self) {
        let _ = self.stop.send(());
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
    }
}

fn open_stream(clip: Clip, shared: Arc<Shared>) -> Result<(cpal::Stream, String)> {
    let host = cpal::default_host();
    let device = host.default_output_device().ok_or_else(|| {
        anyhow!(
            "no audio output device (connect speakers or headphones, or start the sound server)"
        )
    })?;
    let name = device.name().unwrap_or_else(|_| "default".into());
    let (config, format) = choose_config(&device, clip.rate)
        .with_context(|| format!("cannot use the audio output device '{name}'"))?;
    let stream = match format {
        SampleFormat::I16 => build::<i16>(&device, &config, clip, shared),
        SampleFormat::I32 => build::<i32>(&device, &config, clip, shared),
        SampleFormat::U16 => build::<u16>(&device, &config, clip, shared),
        _ => build::<f32>(&device, &config, clip, shared),
    }
    .with_context(|| format!("cannot open the audio output device '{name}'"))?;
    stream.play().with_context(|| format!("cannot start the audio output device '{name}'"))?;
    Ok((stream, name))
}

/// The clip's own rate when the device takes it (no conversion), else the device's default;
/// mono or stereo before more channels; a sample format we can write.
fn choose_config(device: &cpal::Device, rate: u32) -> Result<(StreamConfig, SampleFormat)> {
    let supported = device.supported_output_configs().context("cannot read its configurations")?;
    let best = supported
        .filter(|c| FORMATS.contains(&c.sample_format()))
        .filter(|c| c.min_sample_rate().0 <= rate && rate <= c.max_sample_rate().0)
        .min_by_key(|c| {
            let format_rank = FORMATS.iter().position(|f| *f == c.sample_format());
            (c.channels().max(1) > 2, format_rank)
        });
    if let Some(range) = best {
        let format = range.sample_format();
        return Ok((range.with_sample_rate(cpal::SampleRate(rate)).config(), format));
    }
    let default = device.default_output_config().context("it reports no usable configuration")?;
    if !FORMATS.contains(&default.sample_format()) {
        return Err(anyhow!("it only takes {} samples", default.sample_format()));
    }
    Ok((default.config(), default.sample_format()))
}

fn build<T>(
    device: &cpal::Device,
    config: &StreamConfig,
    clip: Clip,
    shared: Arc<Shared>,
) -> Result<cpal::Stream>
where
    T: SizedSample + FromSample<f32>,
{
    let channels = config.channels.max(1) as usize;
    let step = clip.rate as f64 / config.sample_rate.0 as f64;
    let mut cursor = shared.position.load(Ordering::Relaxed) as f64;
    let samples = clip.samples;
    let on_error = {
        let shared = Arc::clone(&shared);
        move |_err: cpal::StreamError| shared.failed.store(true, Ordering::Relaxed)
    };
    let stream = device.build_output_stream(
        config,
        move |data: &mut [T], _: &cpal::OutputCallbackInfo| {
            for frame in data.chunks_mut(channels) {
                let value = interpolate(&samples, cursor);
                if value.is_some() {
                    cursor += step;
                }
                let sample = T::from_sample(value.unwrap_or(0.0));
                frame.iter_mut().for_each(|s| *s = sample);
            }
            shared.position.store((cursor as usize).min(samples.len()), Ordering::Relaxed);
            if cursor as usize >= samples.len() {
                shared.finished.store(true, Ordering::Relaxed);
            }
        },
        on_error,
        None,
    )?;
    Ok(stream)
}

/// The clip's value at a fractional sample position; `None` past the end.
fn interpolate(samples: &[f32], at: f64) -> Option<f32> {
    let i = at as usize;
    let a = *samples.get(i)?;
    let b = samples.get(i + 1).copied().unwrap_or(a);
    let t = (at - i as f64) as f32;
    Some(a + (b - a) * t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interpolation_blends_neighbours_and_ends() {
        let s = [0.0, 1.0, -1.0];
        assert_eq!(interpolate(&s, 0.0), Some(0.0));
        assert_eq!(interpolate(&s, 0.5), Some(0.5));
        assert_eq!(interpolate(&s, 1.25), Some(0.5));
        assert_eq!(interpolate(&s, 2.5), Some(-1.0));
        assert_eq!(interpolate(&s, 3.0), None);
    }
}
