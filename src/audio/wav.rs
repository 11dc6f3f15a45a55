//! WAV files through hound: reading any PCM or float WAV as mono f32, and writing
//! mono audio as 16-bit PCM or 32-bit float.

use std::path::Path;

use anyhow::{Context, Result};

/// Mono audio and its sample rate.
#[derive(Debug, Clone, PartialEq)]
pub struct MonoAudio {
    pub samples: Vec<f32>,
    pub rate: u32,
}

/// Reads a WAV file of any rate, bit depth (8-32 bit integer, 32-bit float) and
/// channel count, averaging the channels to mono.
pub fn read_mono(path: &Path) -> Result<MonoAudio> {
    let reader = hound::WavReader::open(path)
        .with_context(|| format!("{}: not a readable WAV file", path.display()))?;
    let spec = reader.spec();
    let channels = spec.channels as usize;
    super::limits::check_stream(path, spec.sample_rate, channels as u32)?;
    let truncated = || format!("{}: WAV data is truncated or corrupt", path.display());
    let interleaved: Vec<f32> = match spec.sample_format {
        hound::SampleFormat::Float => {
            reader.into_samples::<f32>().collect::<Result<_, _>>().with_context(truncated)?
        }
        hound::SampleFormat::Int => {
            let scale = 1.0 / (1u64 << (spec.bits_per_sample - 1)) as f32;
            reader
                .into_samples::<i32>()
                .map(|s| s.map(|v| v as f32 * scale))
                .collect::<Result<_, _>>()
                .with_context(truncated)?
        }
    };
    Ok(MonoAudio { samples: downmix(&interleaved, channels), rate: spec.sample_rate })
}

/// Averages interleaved channels into one.
pub fn downmix(interleaved: &[f32], channels: usize) -> Vec<f32> {
    if channels <= 1 {
        return interleaved.to_vec();
    }
    interleaved.chunks_exact(channels).map(|f| f.iter().sum::<f32>() / channels as f32).collect()
}

/// How samples are stored in a written WAV.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WavEncoding {
    Pcm16,
    Float32,
}

/// Writes mono samples (nominally -1..1; PCM clips outside) as a WAV file.
pub fn write_mono(path: &Path, samples: &[f32], rate: u32, encoding: WavEncoding) -> Result<()> {
    let spec = hound::WavSpec {
        channels: 1,
        sample_rate: rate,
        bits_per_sample: if encoding == WavEncoding::Pcm16 { 16 } else { 32 },
        sample_format: if encoding == WavEncoding::Pcm16 {
            hound::SampleFormat::Int
        } else {
            hound::SampleFormat::Float
        },
    };
    let context = || format!("{}: cannot write WAV file", path.display());
    let mut writer = hound::WavWriter::create(path, spec).with_context(context)?;
    for &s in samples {
        match encoding {
            WavEncoding::Pcm16 => {
                writer.write_sample((s.clamp(-1.0, 1.0) * i16::MAX as f32).round() as i16)
            }
            WavEncoding::Float32 => writer.write_sample(s),
        }
        .with_context(context)?;
    }
    writer.finalize().with_context(context)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_pcm16_and_float() {
        let dir = tempfile::tempdir().unwrap();
        let samples: Vec<f32> = (0..1600).map(|i| ((i as f32) * 0.01).sin() * 0.8).collect();
        for enc in [WavEncoding::Pcm16, WavEncoding::Float32] {
            let p = dir.path().join(format!("{enc:?}.wav"));
            write_mono(&p, &samples, 16_000, enc).unwrap();
            let back = read_mono(&p).unwrap();
            assert_eq!(back.rate, 16_000);
            assert_eq!(back.samples.len(), samples.len());
            let err =
                back.samples.iter().zip(&samples).map(|(a, b)| (a - b).abs()).fold(0.0, f32::max);
            assert!(err < 1e-4, "{enc:?}: {err}");
        }
    }

    #[test]
    fn stereo_24_bit_is_downmixed() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("s.wav");
        let spec = hound::WavSpec {
            channels: 2,
            sample_rate: 44_100,
            bits_per_sample: 24,
            sample_format: hound::SampleFormat::Int,
        };
        let mut w = hound::WavWriter::create(&p, spec).unwrap();
        for _ in 0..100 {
            w.write_sample(1 << 22).unwrap(); // 0.5
            w.write_sample(0).unwrap();
        }
        w.finalize().unwrap();
        let a = read_mono(&p).unwrap();
        assert_eq!((a.rate, a.samples.len()), (44_100, 100));
        assert!(a.samples.iter().all(|&s| (s - 0.25).abs() < 1e-6));
    }

    #[test]
    fn text_is_not_a_wav() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("notes.wav");
        std::fs::write(&p, "just some text, not audio").unwrap();
        let err = format!("{:#}", read_mono(&p).unwrap_err());
        assert!(err.contains("notes.wav: not a readable WAV file"), "{err}");
    }
}
