//! Reading an audio file of any common format as 16 kHz mono, ready for whisper.
//!
//! WAV goes through hound; FLAC, MP3, OGG/Vorbis and M4A/AAC (and WAV encodings hound
//! does not know) through symphonia. Every error names the file and what is wrong.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use anyhow::{anyhow, bail, Context, Result};
use symphonia::core::audio::SampleBuffer;
use symphonia::core::codecs::{DecoderOptions, CODEC_TYPE_NULL};
use symphonia::core::errors::Error as SymphoniaError;
use symphonia::core::formats::FormatOptions;
use symphonia::core::io::MediaSourceStream;
use symphonia::core::meta::MetadataOptions;
use symphonia::core::probe::Hint;

use super::resample::{resample_to_16k, StreamResampler};
use super::{limits, wav};

/// The formats `decode_16k_mono` reads, for messages.
pub const FORMATS: &str = "wav, flac, mp3, ogg, m4a";

/// Decodes `path`, mixes it down to mono and resamples it to 16 kHz.
/// Fails with a one-line reason for a missing file, a directory, an empty file,
/// something that is not audio, and audio without a single sample.
pub fn decode_16k_mono(path: &Path) -> Result<Vec<f32>> {
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => anyhow!("{}: no such file", path.display()),
        _ => anyhow!("{}: cannot read: {e}", path.display()),
    })?;
    if meta.is_dir() {
        bail!("{}: is a directory, not an audio file", path.display());
    }
    if meta.len() == 0 {
        bail!("{}: empty file", path.display());
    }
    let samples = if is_riff_wave(path)? {
        limits::check_wav(path)?;
        match wav::read_mono(path) {
            Ok(a) => resample_to_16k(&a.samples, a.rate)
                .with_context(|| format!("{}: cannot resample", path.display()))?,
            // hound knows PCM and float; symphonia also knows A-law, mu-law and ADPCM.
            Err(hound_err) => decode_with_symphonia(path).map_err(|_| hound_err)?,
        }
    } else {
        decode_with_symphonia(path)?
    };
    if samples.is_empty() {
        bail!("{}: empty audio (the file holds no samples)", path.display());
    }
    Ok(samples)
}

fn is_riff_wave(path: &Path) -> Result<bool> {
    let mut head = [0u8; 12];
    let mut file = File::open(path).with_context(|| format!("{}: cannot open", path.display()))?;
    let n = file.read(&mut head).with_context(|| format!("{}: cannot read", path.display()))?;
    Ok(n == 12 && &head[..4] == b"RIFF" && &head[8..] == b"WAVE")
}

fn decode_with_symphonia(path: &Path) -> Result<Vec<f32>> {
    let not_audio = || {
        anyhow!("{}: not an audio file barraiser can read (supported: {FORMATS})", path.display())
    };
    let file = File::open(path).with_context(|| format!("{}: cannot open", path.display()))?;
    let stream = MediaSourceStream::new(Box::new(file), Default::default());
    let mut hint = Hint::new();
    if let Some(ext) = path.extension().and_then(|e| e.to_str()) {
        hint.with_extension(ext);
    }
    let probed = symphonia::default::get_probe()
        .format(&hint, stream, &FormatOptions::default(), &MetadataOptions::default())
        .map_err(|e| match e {
            // A container whose boxes run past the end of the file (an M4A cut short).
            SymphoniaError::IoError(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => {
                anyhow!("{}: the file is cut short (truncated or damaged)", path.display())
            }
            _ => not_audio(),
        })?;
    let mut format = probed.format;
    let track = format
        .tracks()
        .iter()
        .find(|t| t.codec_params.codec != CODEC_TYPE_NULL)
        .ok_or_else(|| anyhow!("{}: holds no audio track", path.display()))?;
    let track_id = track.id;
    // Bounded before decoding: symphonia panics on some absurd values.
    if let Some(rate) = track.codec_params.sample_rate {
        let channels = track.codec_params.channels.map_or(1, |c| c.count() as u32);
        limits::check_stream(path, rate, channels)?;
    }
    let mut decoder = symphonia::default::get_codecs()
        .make(&track.codec_params, &DecoderOptions::default())
        .with_context(|| {
            format!("{}: audio codec not supported (supported: {FORMATS})", path.display())
        })?;

    let mut resampler: Option<StreamResampler> = None;
    let mut out = Vec::new();
    let mut buffer: Option<SampleBuffer<f32>> = None;
    loop {
        let packet = match format.next_packet() {
            Ok(p) => p,
            Err(SymphoniaError::IoError(e)) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
                break
            }
            Err(e) => return Err(anyhow!("{}: corrupt audio: {e}", path.display())),
        };
        if packet.track_id() != track_id {
            continue;
        }
        let decoded = match decoder.decode(&packet) {
            Ok(d) => d,
            // One damaged packet in a long recording should not lose the rest.
            Err(SymphoniaError::DecodeError(_)) => continue,
            Err(e) => return Err(anyhow!("{}: cannot decode audio: {e}", path.display())),
        };
        let spec = *decoded.spec();
        let channels = spec.channels.count();
        limits::check_stream(path, spec.rate, channels as u32)?;
        let buf = match &mut buffer {
            Some(b) if b.capacity() >= decoded.capacity() * channels => b,
            _ => buffer.insert(SampleBuffer::new(decoded.capacity() as u64, spec)),
        };
        buf.copy_interleaved_ref(decoded);
        let mono = wav::downmix(buf.samples(), channels);
        let r = match &mut resampler {
            Some(r) => r,
            None => resampler.insert(
                StreamResampler::new(spec.rate)
                    .with_context(|| format!("{}: cannot resample", path.display()))?,
            ),
        };
        r.push(&mono, &mut out)?;
    }
    if let Some(r) = &mut resampler {
        r.finish(&mut out)?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audio::wav::{write_mono, WavEncoding};

    #[test]
    fn bad_inputs_name_the_file_and_the_problem() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let msg = |p: &Path| format!("{:#}", decode_16k_mono(p).unwrap_err());

        assert!(msg(&d.join("gone.wav")).ends_with("gone.wav: no such file"));
        assert!(msg(d).contains("is a directory"));
        std::fs::write(d.join("empty.mp3"), b"").unwrap();
        assert!(msg(&d.join("empty.mp3")).ends_with("empty.mp3: empty file"));
        std::fs::write(d.join("text.flac"), "hello, this is not audio at all\n".repeat(50))
            .unwrap();
        assert!(msg(&d.join("text.flac")).contains("text.flac: not an audio file"));
        write_mono(&d.join("none.wav"), &[], 16_000, WavEncoding::Pcm16).unwrap();
        assert!(
            msg(&d.join("none.wav")).ends_with("none.wav: empty audio (the file holds no samples)")
        );
    }

    #[test]
    fn wav_at_another_rate_comes_out_at_16_khz() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.wav");
        let samples: Vec<f32> = (0..22_050).map(|i| (i as f32 * 0.05).sin() * 0.5).collect();
        write_mono(&p, &samples, 22_050, WavEncoding::Pcm16).unwrap();
        assert_eq!(decode_16k_mono(&p).unwrap().len(), 16_000);
    }
}
