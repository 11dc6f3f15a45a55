//! `model verify` and the check every model passes before whisper.cpp opens it.
//!
//! whisper.cpp trusts its input: a truncated file makes it read past the end, and
//! mismatched state sizes trip an assertion that aborts the process. So the file's
//! whole structure is checked here first: header, hyper-parameters, mel filters,
//! vocabulary, every tensor's name, shape, type and size, and that the tensors end
//! exactly at the end of the file. Then a sample of the weights, so that a file
//! whose structure is right but whose weights are garbage is refused too.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use super::ggml::{read_structure, Hparams, Structure, FTYPE_Q8_0};
use super::layout::expected_tensors;
use super::mel;
use super::weights::check_weights;

/// A model file that passed verification.
#[derive(Debug, Clone)]
pub struct ModelInfo {
    pub path: PathBuf,
    pub hparams: Hparams,
    pub tokens: usize,
    pub tensors: usize,
    pub file_size: u64,
}

impl ModelInfo {
    /// Whisper's size name, known from the encoder depth.
    pub fn size_name(&self) -> &'static str {
        match self.hparams.n_audio_layer {
            4 => "tiny",
            6 => "base",
            12 => "small",
            24 => "medium",
            32 => "large",
            _ => "custom",
        }
    }

    pub fn language(&self) -> &'static str {
        if self.hparams.is_multilingual() {
            "multilingual"
        } else {
            "English-only"
        }
    }
}

impl fmt::Display for ModelInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let h = &self.hparams;
        writeln!(f, "{}: ok", self.path.display())?;
        writeln!(
            f,
            "  model      whisper {} ({}), {}",
            self.size_name(),
            self.language(),
            h.weight_type().name()
        )?;
        writeln!(f, "  size       {} bytes", self.file_size)?;
        writeln!(f, "  vocabulary {} tokens ({} stored)", h.n_vocab, self.tokens)?;
        writeln!(
            f,
            "  audio      {} mels, context {}, state {}, {} heads, {} layers",
            h.n_mels, h.n_audio_ctx, h.n_audio_state, h.n_audio_head, h.n_audio_layer
        )?;
        writeln!(
            f,
            "  text       context {}, state {}, {} heads, {} layers",
            h.n_text_ctx, h.n_text_state, h.n_text_head, h.n_text_layer
        )?;
        writeln!(f, "  tensors    {} (all present, sizes match the file)", self.tensors)?;
        write!(f, "  weights    sampled in every tensor: finite and in range")
    }
}

/// Checks a model file; the error names the file and the first problem found.
pub fn verify(path: &Path) -> Result<ModelInfo> {
    check(path).with_context(|| format!("model {} is not usable", path.display()))
}

fn check(path: &Path) -> Result<ModelInfo> {
    if path.is_dir() {
        bail!("it is a directory");
    }
    let s = read_structure(path)?;
    check_hparams(&s.hparams)?;
    if s.mel_shape != (s.hparams.n_mels as usize, mel::N_BINS) {
        bail!(
            "mel filters are {}x{}, expected {}x{}",
            s.mel_shape.0,
            s.mel_shape.1,
            s.hparams.n_mels,
            mel::N_BINS
        );
    }
    if s.tokens.len() > s.hparams.n_vocab as usize {
        bail!("{} tokens stored but the vocabulary size is {}", s.tokens.len(), s.hparams.n_vocab);
    }
    check_tensors(&s)?;
    check_weights(path, &s)?;
    Ok(ModelInfo {
        path: path.to_path_buf(),
        hparams: s.hparams,
        tokens: s.tokens.len(),
        tensors: s.tensors.len(),
        file_size: s.file_size,
    })
}

fn check_hparams(h: &Hparams) -> Result<()> {
    let in_range = |name: &str, v: i32, lo: i32, hi: i32| -> Result<()> {
        if !(lo..=hi).contains(&v) {
            bail!("hyper-parameter {name} is {v}, outside {lo}..={hi}");
        }
        Ok(())
    };
    in_range("n_vocab", h.n_vocab, 51864, 51866)?;
    in_range("n_audio_ctx", h.n_audio_ctx, 1, 4096)?;
    in_range("n_audio_state", h.n_audio_state, 1, 8192)?;
    in_range("n_audio_head", h.n_audio_head, 1, 256)?;
    in_range("n_audio_layer", h.n_audio_layer, 1, 128)?;
    in_range("n_text_ctx", h.n_text_ctx, 1, 4096)?;
    in_range("n_text_state", h.n_text_state, 1, 8192)?;
    in_range("n_text_head", h.n_text_head, 1, 256)?;
    in_range("n_text_layer", h.n_text_layer, 1, 128)?;
    if h.n_mels != 80 && h.n_mels != 128 {
        bail!("hyper-parameter n_mels is {}, expected 80 or 128", h.n_mels);
    }
    if ![0, 1, FTYPE_Q8_0].contains(&h.ftype) {
        bail!("weight type {} is not supported (f32, f16 and q8_0 models are)", h.ftype);
    }
    if h.n_audio_state != h.n_text_state {
        bail!("audio state {} differs from text state {}", h.n_audio_state, h.n_text_state);
    }
    if h.n_audio_state % h.n_audio_head != 0 || h.n_text_state % h.n_text_head != 0 {
        bail!("the state size is not a multiple of the head count");
    }
    Ok(())
}

fn check_tensors(s: &Structure) -> Result<()> {
    let expected = expected_tensors(&s.hparams);
    let mut wanted: HashMap<&str, _> = expected.iter().map(|t| (t.name.as_str(), t)).collect();
    for t in &s.tensors {
        let Some(spec) = wanted.remove(t.name.as_str()) else {
            if expected.iter().any(|e| e.name == t.name) {
                bail!("tensor {} appears twice", t.name);
            }
            bail!("unexpected tensor {} for a {}-layer model", t.name, s.hparams.n_audio_layer);
        };
        if t.shape != spec.shape {
            bail!("tensor {} has shape {:?}, expected {:?}", t.name, t.shape, spec.shape);
        }
        if t.ty != spec.ty {
            bail!("tensor {} is {:?}, expected {:?}", t.name, t.ty, spec.ty);
        }
    }
    if !wanted.is_empty() {
        let first =
            expected.iter().find(|t| wanted.contains_key(t.name.as_str())).expect("non-empty");
        bail!(
            "{} of {} tensors missing, starting with {} (file truncated?)",
            wanted.len(),
            expected.len(),
            first.name
        );
    }
    Ok(())
}
