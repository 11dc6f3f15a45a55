//! `model quantize`: a copy of an f16 model with its large matrices in 8 bits
//! (ggml's q8_0, as whisper.cpp's own quantize tool writes them). The file is half
//! the size and whisper.cpp transcribes with it faster on a CPU; docs/performance.md
//! and docs/coaching.md have the speed and accuracy measured against f16.

use std::fs::File;
use std::io::{BufWriter, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use super::ggml::{read_structure, Structure, TensorType, Writer, FTYPE_Q8_0};
use super::layout::expected_tensors;
use super::{verify, ModelInfo};

/// What a model's name gains when quantized: `tiny.en` becomes `tiny.en-q8_0`.
pub const SUFFIX: &str = "-q8_0";

/// The 8-bit file beside an f16 one: `ggml-tiny.en.bin` → `ggml-tiny.en-q8_0.bin`.
pub fn quantized_path(src: &Path) -> PathBuf {
    let stem = src.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    src.with_file_name(format!("{stem}{SUFFIX}.bin"))
}

/// Writes the q8_0 copy of the f16 model `src` to `out`: under a temporary name
/// beside it first, renamed once the copy verifies, so a failure (a full disk)
/// never leaves a half-written model behind.
pub fn quantize(src: &Path, out: &Path) -> Result<ModelInfo> {
    let info = verify(src)?;
    if info.hparams.weight_type() != TensorType::F16 {
        bail!(
            "{}: only f16 models can be quantized (this one is {})",
            src.display(),
            info.hparams.weight_type().name()
        );
    }
    let tmp = PathBuf::from(format!("{}.tmp", out.display()));
    let written = read_structure(src)
        .and_then(|s| write_q8(src, &s, &tmp))
        .with_context(|| format!("cannot write {}", tmp.display()))
        .and_then(|()| verify(&tmp));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    std::fs::rename(&tmp, out)
        .with_context(|| format!("cannot rename {} to {}", tmp.display(), out.display()))?;
    verify(out)
}

/// Copies the model, storing each tensor as the q8_0 layout wants it.
fn write_q8(src: &Path, s: &Structure, out: &Path) -> Result<()> {
    let mut h = s.hparams;
    h.ftype = FTYPE_Q8_0;
    let wanted = expected_tensors(&h);
    let mut input = File::open(src).with_context(|| format!("cannot open {}", src.display()))?;
    let mut w = Writer::new(BufWriter::with_capacity(1 << 20, File::create(out)?));
    w.header(&h)?;
    let (n_mel, n_fft) = s.mel_shape;
    let mut mel = Vec::with_capacity(n_mel * n_fft);
    TensorType::F32.decode(&read_at(&mut input, s.mel_offset, n_mel * n_fft * 4)?, &mut mel);
    w.mel_filters(n_mel, n_fft, &mel)?;
    w.tokens(&s.tokens)?;
    let (mut values, mut encoded) = (Vec::new(), Vec::new());
    for t in &s.tensors {
        let ty = wanted.iter().find(|x| x.name == t.name).map_or(t.ty, |x| x.ty);
        let bytes = read_at(&mut input, t.offset, t.n_bytes() as usize)?;
        w.tensor_header(&t.name, &t.shape, ty)?;
        if ty == t.ty {
            w.raw(&bytes)?;
        } else {
            values.clear();
            encoded.clear();
            t.ty.decode(&bytes, &mut values);
            ty.encode(&values, &mut encoded);
            w.raw(&encoded)?;
        }
    }
    let file = w.into_inner().into_inner().map_err(|e| e.into_error())?;
    file.sync_all()?;
    Ok(())
}

fn read_at(file: &mut File, offset: u64, len: usize) -> Result<Vec<u8>> {
    let mut bytes = vec![0; len];
    file.seek(SeekFrom::Start(offset)).and_then(|_| file.read_exact(&mut bytes))?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_copy_sits_beside_the_model() {
        assert_eq!(
            quantized_path(Path::new("models/ggml-tiny.en.bin")),
            Path::new("models/ggml-tiny.en-q8_0.bin")
        );
    }

    #[test]
    fn q8_blocks_keep_values_within_half_a_step() {
        let values: Vec<f32> = (0..64).map(|i| ((i as f32) * 0.37).sin() * 3.0).collect();
        let mut bytes = Vec::new();
        TensorType::Q8_0.encode(&values, &mut bytes);
        assert_eq!(bytes.len() as u64, TensorType::Q8_0.bytes(64));
        let mut back = Vec::new();
        TensorType::Q8_0.decode(&bytes, &mut back);
        for (block, got) in values.chunks(32).zip(back.chunks(32)) {
            let step = block.iter().fold(0f32, |m, v| m.max(v.abs())) / 127.0;
            for (v, g) in block.iter().zip(got) {
                assert!((v - g).abs() <= step * 0.6, "{v} came back as {g}");
            }
        }
        let mut zeros = Vec::new();
        TensorType::Q8_0.encode(&[0.0; 32], &mut zeros);
        let mut back = Vec::new();
        TensorType::Q8_0.decode(&zeros, &mut back);
        assert_eq!(back, [0.0; 32], "an all-zero block stays zero");
    }
}
