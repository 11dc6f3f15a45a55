//! A look at the weights themselves: a file with the right structure but damaged
//! or random weights would load, and then every recording would "have no speech".
//! A sample from the start and the middle of every tensor is read and checked for
//! values no trained whisper model holds.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

use anyhow::{bail, Context, Result};

use super::ggml::{Structure, TensorEntry, TensorType};

/// Values read from each of the two places sampled in a tensor.
const SAMPLE: usize = 2048;
/// No weight of a trained whisper model comes near this (the largest are in the
/// low hundreds); random bytes read as floats mostly do.
const MAX_ABS: f32 = 10_000.0;

/// Checks a sample of every tensor: finite, within [`MAX_ABS`], and not all zero
/// across the model.
pub fn check_weights(path: &Path, s: &Structure) -> Result<()> {
    let mut file = File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let mut any_nonzero = false;
    for t in &s.tensors {
        let values = sample(&mut file, t)?;
        if let Some(v) = values.iter().find(|v| !v.is_finite() || v.abs() > MAX_ABS) {
            bail!(
                "tensor {} holds the value {v}, which no trained model has: the weights are damaged",
                t.name
            );
        }
        any_nonzero |= values.iter().any(|&v| v != 0.0);
    }
    if !any_nonzero {
        bail!("every weight sampled is zero: the weights are missing");
    }
    Ok(())
}

/// Up to `SAMPLE` values from the start of the tensor and as many from its middle.
fn sample(file: &mut File, t: &TensorEntry) -> Result<Vec<f32>> {
    let size = t.ty.size() as u64;
    let count = t.n_bytes() / size;
    let n = (SAMPLE as u64).min(count);
    let mut out = Vec::with_capacity(2 * n as usize);
    for start in [0, (count - n) / 2] {
        let mut bytes = vec![0u8; (n * size) as usize];
        file.seek(SeekFrom::Start(t.offset + start * size))
            .and_then(|_| file.read_exact(&mut bytes))
            .with_context(|| format!("cannot read tensor {}", t.name))?;
        match t.ty {
            TensorType::F32 => out.extend(
                bytes.chunks_exact(4).map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]])),
            ),
            TensorType::F16 => out.extend(
                bytes.chunks_exact(2).map(|b| half::f16::from_le_bytes([b[0], b[1]]).to_f32()),
            ),
        }
    }
    Ok(out)
}
