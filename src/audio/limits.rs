//! Sane bounds on what an audio file's header claims, checked before decoding.
//!
//! A header is untrusted input: a WAV claiming 1 Hz makes the resampler produce
//! 16,000 samples for every one in the file, and 0 Hz panics inside the decoder.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

use anyhow::{bail, Context, Result};

/// Lowest sample rate accepted: below telephone quality nothing is intelligible.
pub const MIN_RATE: u32 = 4_000;
/// Highest sample rate accepted (studio recorders go up to 768 kHz).
pub const MAX_RATE: u32 = 768_000;
/// Most channels accepted (ambisonic and surround files stay well below).
pub const MAX_CHANNELS: u32 = 32;
/// Chunks looked through for `fmt ` before giving up the search.
const MAX_CHUNKS: usize = 64;

/// Checks a stream's sample rate and channel count; the error names the field.
pub fn check_stream(path: &Path, rate: u32, channels: u32) -> Result<()> {
    if !(MIN_RATE..=MAX_RATE).contains(&rate) {
        bail!("{}: sample rate {rate} Hz is outside {MIN_RATE}..={MAX_RATE} Hz", path.display());
    }
    if !(1..=MAX_CHANNELS).contains(&channels) {
        bail!("{}: channel count {channels} is outside 1..={MAX_CHANNELS}", path.display());
    }
    Ok(())
}

/// Checks the `fmt ` chunk of a RIFF/WAVE file: sample rate, channels, bits per
/// sample and block alignment. A file without one is left to the decoder to refuse.
pub fn check_wav(path: &Path) -> Result<()> {
    let mut file = File::open(path).with_context(|| format!("{}: cannot open", path.display()))?;
    let len = file.metadata().with_context(|| format!("{}: cannot read", path.display()))?.len();
    let mut pos = 12u64;
    for _ in 0..MAX_CHUNKS {
        if pos + 8 > len {
            return Ok(());
        }
        let mut head = [0u8; 8];
        file.seek(SeekFrom::Start(pos))
            .and_then(|_| file.read_exact(&mut head))
            .with_context(|| format!("{}: cannot read", path.display()))?;
        let size = u32::from_le_bytes([head[4], head[5], head[6], head[7]]) as u64;
        if &head[..4] == b"fmt " {
            let mut fmt = [0u8; 16];
            if size < 16 || file.read_exact(&mut fmt).is_err() {
                bail!("{}: WAV header is cut short (fmt chunk of {size} bytes)", path.display());
            }
            let u16_at = |i: usize| u16::from_le_bytes([fmt[i], fmt[i + 1]]) as u32;
            let rate = u32::from_le_bytes([fmt[4], fmt[5], fmt[6], fmt[7]]);
            check_stream(path, rate, u16_at(2))?;
            let (block_align, bits) = (u16_at(12), u16_at(14));
            if !(1..=64).contains(&bits) {
                bail!("{}: bits per sample {bits} is outside 1..=64", path.display());
            }
            if block_align == 0 {
                bail!("{}: block alignment is 0", path.display());
            }
            return Ok(());
        }
        pos += 8 + size + (size & 1);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audio::wav::{write_mono, WavEncoding};

    /// A valid WAV whose header then claims `rate` Hz.
    fn wav_claiming(dir: &Path, rate: u32) -> std::path::PathBuf {
        let p = dir.join(format!("r{rate}.wav"));
        write_mono(&p, &vec![0.1; 16_000], 16_000, WavEncoding::Pcm16).unwrap();
        let mut bytes = std::fs::read(&p).unwrap();
        bytes[24..28].copy_from_slice(&rate.to_le_bytes());
        std::fs::write(&p, bytes).unwrap();
        p
    }

    #[test]
    fn absurd_rates_are_refused_naming_the_field() {
        let dir = tempfile::tempdir().unwrap();
        for rate in [0, 1, 3_999, 1_000_000] {
            let err = format!("{:#}", check_wav(&wav_claiming(dir.path(), rate)).unwrap_err());
            assert!(err.contains(&format!("sample rate {rate} Hz is outside")), "{err}");
        }
        for rate in [8_000, 16_000, 44_100, 192_000] {
            check_wav(&wav_claiming(dir.path(), rate)).unwrap();
        }
    }
}
