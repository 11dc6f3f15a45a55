//! `model import`: converts a CTranslate2 Whisper model directory (`model.bin` plus
//! `vocabulary.txt`) into a whisper.cpp ggml file, with no Python involved.
//!
//! The output is driven by [`layout::expected_tensors`]: for every tensor whisper.cpp
//! wants, [`source_of`] names the CTranslate2 variable (and, for the stacked
//! attention projections, which slice of it) that holds the weights.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use half::f16;

use super::ct2::{Ct2Model, DType, Variable};
use super::ggml::{Hparams, TensorType, Writer};
use super::layout::{expected_tensors, TensorSpec};
use super::{mel, vocab};

/// Where a ggml tensor's data lives in the CTranslate2 model: a variable, and for
/// Q/K/V stacked on the first axis, part `index` of `parts` equal slices.
#[derive(Debug, PartialEq, Eq)]
struct Source {
    variable: String,
    index: usize,
    parts: usize,
}

/// Maps a whisper.cpp tensor name to its CTranslate2 source.
fn source_of(name: &str) -> Result<Source> {
    let whole = |v: String| Source { variable: v, index: 0, parts: 1 };
    let part = |v: String, index, parts| Source { variable: v, index, parts };
    let ln = |field: &str| if field == "weight" { "gamma" } else { "beta" };
    let fixed = match name {
        "encoder.positional_embedding" => Some("encoder/position_encodings/encodings".to_owned()),
        "decoder.positional_embedding" => Some("decoder/position_encodings/encodings".to_owned()),
        "decoder.token_embedding.weight" => Some("decoder/embeddings/weight".to_owned()),
        _ => None,
    };
    if let Some(v) = fixed {
        return Ok(whole(v));
    }
    let parts: Vec<&str> = name.split('.').collect();
    Ok(match parts.as_slice() {
        [side @ ("encoder" | "decoder"), conv @ ("conv1" | "conv2"), field] => {
            whole(format!("{side}/{conv}/{field}"))
        }
        ["encoder", "ln_post", field] => whole(format!("encoder/layer_norm/{}", ln(field))),
        ["decoder", "ln", field] => whole(format!("decoder/layer_norm/{}", ln(field))),
        [side, "blocks", layer, rest @ ..] => {
            let p = format!("{side}/layer_{layer}");
            match rest {
                ["attn_ln", f] => whole(format!("{p}/self_attention/layer_norm/{}", ln(f))),
                ["attn", "query", f] => part(format!("{p}/self_attention/linear_0/{f}"), 0, 3),
                ["attn", "key", f] => part(format!("{p}/self_attention/linear_0/{f}"), 1, 3),
                ["attn", "value", f] => part(format!("{p}/self_attention/linear_0/{f}"), 2, 3),
                ["attn", "out", f] => whole(format!("{p}/self_attention/linear_1/{f}")),
                ["cross_attn_ln", f] => whole(format!("{p}/attention/layer_norm/{}", ln(f))),
                ["cross_attn", "query", f] => whole(format!("{p}/attention/linear_0/{f}")),
                ["cross_attn", "key", f] => part(format!("{p}/attention/linear_1/{f}"), 0, 2),
                ["cross_attn", "value", f] => part(format!("{p}/attention/linear_1/{f}"), 1, 2),
                ["cross_attn", "out", f] => whole(format!("{p}/attention/linear_2/{f}")),
                ["mlp_ln", f] => whole(format!("{p}/ffn/layer_norm/{}", ln(f))),
                ["mlp", "0", f] => whole(format!("{p}/ffn/linear_0/{f}")),
                ["mlp", "2", f] => whole(format!("{p}/ffn/linear_1/{f}")),
                _ => bail!("no CTranslate2 source for tensor {name}"),
            }
        }
        _ => bail!("no CTranslate2 source for tensor {name}"),
    })
}

/// Reads the hyper-parameters off the variables' shapes.
fn hparams(m: &Ct2Model) -> Result<Hparams> {
    let dims = |name: &str, rank: usize| -> Result<Vec<usize>> {
        let v = m.get(name)?;
        if v.dims.len() != rank {
            bail!("{name} has shape {:?}, expected rank {rank}", v.dims);
        }
        Ok(v.dims.clone())
    };
    let layers = |side: &str| {
        (0..)
            .take_while(|i| m.get(&format!("{side}/layer_{i}/ffn/linear_0/weight")).is_ok())
            .count() as i32
    };
    let heads = |side: &str| -> Result<i32> {
        Ok(m.get(&format!("{side}/num_heads"))?.scalar_int()? as i32)
    };
    let embed = dims("decoder/embeddings/weight", 2)?;
    let audio_pos = dims("encoder/position_encodings/encodings", 2)?;
    let text_pos = dims("decoder/position_encodings/encodings", 2)?;
    let conv1 = dims("encoder/conv1/weight", 3)?;
    let h = Hparams {
        n_vocab: embed[0] as i32,
        n_audio_ctx: audio_pos[0] as i32,
        n_audio_state: audio_pos[1] as i32,
        n_audio_head: heads("encoder")?,
        n_audio_layer: layers("encoder"),
        n_text_ctx: text_pos[0] as i32,
        n_text_state: embed[1] as i32,
        n_text_head: heads("decoder")?,
        n_text_layer: layers("decoder"),
        n_mels: conv1[1] as i32,
        ftype: 1,
    };
    if h.n_audio_layer == 0 || h.n_text_layer == 0 {
        bail!("no encoder or decoder layers found");
    }
    Ok(h)
}

/// Checks the source slice holds exactly the tensor's shape (trailing 1s aside, as
/// whisper.cpp stores the conv biases as [n, 1]) and returns its byte range.
fn slice_of<'m>(spec: &TensorSpec, src: &Source, var: &'m Variable) -> Result<&'m [u8]> {
    if matches!(var.dtype, DType::I8 | DType::I16 | DType::I32) {
        bail!(
            "{} is {:?}: quantized CTranslate2 models are not supported",
            src.variable,
            var.dtype
        );
    }
    let mut want: Vec<usize> = spec.shape.clone();
    while want.len() > 1 && want.last() == Some(&1) {
        want.pop();
    }
    let mut have = var.dims.clone();
    if have.is_empty() || !have[0].is_multiple_of(src.parts) {
        bail!("{} has shape {:?}, cannot split in {}", src.variable, have, src.parts);
    }
    have[0] /= src.parts;
    if have != want {
        bail!(
            "{} has shape {:?} ({} of {}); {} needs {:?}",
            src.variable,
            var.dims,
            src.index + 1,
            src.parts,
            spec.name,
            spec.shape
        );
    }
    let part_bytes = var.data.len() / src.parts;
    Ok(&var.data[src.index * part_bytes..(src.index + 1) * part_bytes])
}

/// Writes `bytes` of type `from` as type `to`.
fn write_converted<W: Write>(
    w: &mut Writer<W>,
    bytes: &[u8],
    from: DType,
    to: TensorType,
) -> std::io::Result<()> {
    // Values per chunk: a whole number of blocks of every type.
    const CHUNK: usize = 1 << 14;
    match (from, to) {
        (DType::F16, TensorType::F16) | (DType::F32, TensorType::F32) => return w.raw(bytes),
        _ => {}
    }
    let as_f32 = |e: &[u8]| match from {
        DType::F16 => f16::from_le_bytes([e[0], e[1]]).to_f32(),
        _ => f32::from_le_bytes([e[0], e[1], e[2], e[3]]),
    };
    let mut buf = Vec::new();
    for chunk in bytes.chunks(CHUNK * from.size()) {
        let values: Vec<f32> = chunk.chunks_exact(from.size()).map(as_f32).collect();
        buf.clear();
        to.encode(&values, &mut buf);
        w.raw(&buf)?;
    }
    Ok(())
}

/// What an import produced.
#[derive(Debug)]
pub struct Imported {
    pub hparams: Hparams,
    pub tokens: usize,
    pub tensors: usize,
}

/// Converts the CTranslate2 model in `dir` to a ggml file at `out`. The file is
/// written beside `out` under a temporary name and renamed at the end, so an
/// interrupted import never leaves a half-written model behind.
pub fn import(dir: &Path, out: &Path) -> Result<Imported> {
    let model_bin = dir.join("model.bin");
    if !model_bin.is_file() {
        bail!("{} has no model.bin (expected a CTranslate2 model directory)", dir.display());
    }
    let model = Ct2Model::open(&model_bin)?;
    if model.spec != "WhisperSpec" {
        bail!("{} holds a {} model, not Whisper", model_bin.display(), model.spec);
    }
    let h = hparams(&model)
        .with_context(|| format!("{}: not a usable Whisper model", model_bin.display()))?;
    let tokens = vocab::read_text_tokens(dir)?;
    if tokens.len() >= h.n_vocab as usize {
        bail!(
            "{}: {} tokens but the embedding has only {} rows",
            dir.display(),
            tokens.len(),
            h.n_vocab
        );
    }

    let tmp = PathBuf::from(format!("{}.tmp", out.display()));
    let result = write_model(&model, &h, &tokens, &tmp)
        .with_context(|| format!("cannot write {}", tmp.display()));
    let tensors = match result {
        Ok(n) => n,
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            return Err(e);
        }
    };
    std::fs::rename(&tmp, out)
        .with_context(|| format!("cannot rename {} to {}", tmp.display(), out.display()))?;
    Ok(Imported { hparams: h, tokens: tokens.len(), tensors })
}

fn write_model(model: &Ct2Model, h: &Hparams, tokens: &[Vec<u8>], path: &Path) -> Result<usize> {
    let file = File::create(path)?;
    let mut w = Writer::new(BufWriter::with_capacity(1 << 20, file));
    w.header(h)?;
    w.mel_filters(h.n_mels as usize, mel::N_BINS, &mel::filterbank(h.n_mels as usize))?;
    w.tokens(tokens)?;
    let specs = expected_tensors(h);
    for spec in &specs {
        let src = source_of(&spec.name)?;
        let var = model.get(&src.variable)?;
        let bytes = slice_of(spec, &src, var)?;
        w.tensor_header(&spec.name, &spec.shape, spec.ty)?;
        write_converted(&mut w, bytes, var.dtype, spec.ty)?;
    }
    let file = w.into_inner().into_inner().map_err(|e| e.into_error())?;
    file.sync_all()?;
    Ok(specs.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_map_to_ctranslate2_variables() {
        let s = source_of("encoder.blocks.2.attn.key.weight").unwrap();
        assert_eq!(
            s,
            Source {
                variable: "encoder/layer_2/self_attention/linear_0/weight".into(),
                index: 1,
                parts: 3
            }
        );
        let s = source_of("decoder.blocks.0.cross_attn.value.bias").unwrap();
        assert_eq!(
            s,
            Source {
                variable: "decoder/layer_0/attention/linear_1/bias".into(),
                index: 1,
                parts: 2
            }
        );
        let s = source_of("encoder.ln_post.weight").unwrap();
        assert_eq!(s.variable, "encoder/layer_norm/gamma");
        assert_eq!(
            source_of("decoder.blocks.1.mlp.2.bias").unwrap().variable,
            "decoder/layer_1/ffn/linear_1/bias"
        );
        assert!(source_of("decoder.blocks.1.nonsense.weight").is_err());
    }

    #[test]
    fn f16_is_widened_exactly() {
        let mut w = Writer::new(Vec::new());
        let src: Vec<u8> =
            [1.5f32, -0.25].iter().flat_map(|v| f16::from_f32(*v).to_le_bytes()).collect();
        write_converted(&mut w, &src, DType::F16, TensorType::F32).unwrap();
        let out = w.into_inner();
        assert_eq!(out, [1.5f32.to_le_bytes(), (-0.25f32).to_le_bytes()].concat());
    }
}
