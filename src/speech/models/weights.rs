//! A look at the weights themselves: a file with the right structure but damaged
//! or random weights would load, and then every recording would "have no speech".
//! A sample from the start and the middle of every tensor is read and checked for
//! values no trained whisper model holds.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

use anyhow::{bail, Context, Result};

use super::ggml::{Structure, TensorEntry};

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

/// About `SAMPLE` values from the start of the tensor and as many from its middle.
fn sample(file: &mut File, t: &TensorEntry) -> Result<Vec<f32>> {
    let (values, block) = t.ty.block();
    let blocks = t.n_bytes() / block as u64;
    let n = (SAMPLE.div_ceil(values) as u64).min(blocks);
    let mut out = Vec::with_capacity(2 * n as usize * values);
    for start in [0, (blocks - n) / 2] {
        let mut bytes = vec![0u8; n as usize * block];
        file.seek(SeekFrom::Start(t.offset + start * block as u64))
            .and_then(|_| file.read_exact(&mut bytes))
            .with_context(|| format!("cannot read tensor {}", t.name))?;
        t.ty.decode(&bytes, &mut out);
    }
    Ok(out)
}
