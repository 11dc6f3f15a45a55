//! The whisper.cpp ggml model file: writer and a reader of its structure.
//!
//! Layout (little-endian i32 fields): magic `0x67676d6c`; eleven hyper-parameters;
//! the mel filterbank (n_mel, n_fft, then n_mel x n_fft f32); the token count and each
//! token as length + bytes; then tensors until the end of the file, each as n_dims,
//! name length, type (0 f32, 1 f16, 8 q8_0), the dims innermost first, the name, the data.

use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom, Write};
use std::path::Path;

use anyhow::{bail, Context, Result};
use half::f16;

pub const MAGIC: u32 = 0x6767_6d6c;
/// The file type of a model with q8_0 weights, as whisper.cpp's quantize tool writes
/// it: ggml's type code (7) plus 1000 times the version of the block format (2).
pub const FTYPE_Q8_0: i32 = 2007;
/// Longer token or tensor names than this mean a corrupt file, not a real model.
const MAX_NAME_LEN: usize = 1024;

/// The hyper-parameters in the order they are stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hparams {
    pub n_vocab: i32,
    pub n_audio_ctx: i32,
    pub n_audio_state: i32,
    pub n_audio_head: i32,
    pub n_audio_layer: i32,
    pub n_text_ctx: i32,
    pub n_text_state: i32,
    pub n_text_head: i32,
    pub n_text_layer: i32,
    pub n_mels: i32,
    pub ftype: i32,
}

impl Hparams {
    fn to_array(self) -> [i32; 11] {
        [
            self.n_vocab,
            self.n_audio_ctx,
            self.n_audio_state,
            self.n_audio_head,
            self.n_audio_layer,
            self.n_text_ctx,
            self.n_text_state,
            self.n_text_head,
            self.n_text_layer,
            self.n_mels,
            self.ftype,
        ]
    }

    fn from_array(a: [i32; 11]) -> Self {
        let [n_vocab, n_audio_ctx, n_audio_state, n_audio_head, n_audio_layer, n_text_ctx, n_text_state, n_text_head, n_text_layer, n_mels, ftype] =
            a;
        Self {
            n_vocab,
            n_audio_ctx,
            n_audio_state,
            n_audio_head,
            n_audio_layer,
            n_text_ctx,
            n_text_state,
            n_text_head,
            n_text_layer,
            n_mels,
            ftype,
        }
    }

    /// Multilingual models have one more special token than English-only ones.
    pub fn is_multilingual(&self) -> bool {
        self.n_vocab >= 51865
    }

    /// The type whisper.cpp gives the large weight matrices.
    pub fn weight_type(&self) -> TensorType {
        match self.ftype {
            0 => TensorType::F32,
            FTYPE_Q8_0 => TensorType::Q8_0,
            _ => TensorType::F16,
        }
    }

    /// The type of the convolution weights: f16 unless the whole model is f32
    /// (whisper.cpp never quantizes them).
    pub fn conv_type(&self) -> TensorType {
        match self.ftype {
            0 => TensorType::F32,
            _ => TensorType::F16,
        }
    }
}

/// Element type of a stored tensor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TensorType {
    F32,
    F16,
    /// ggml's 8-bit blocks: 32 values as an f16 scale and 32 signed bytes.
    Q8_0,
}

/// Values in one q8_0 block.
const Q8_BLOCK: usize = 32;

impl TensorType {
    pub fn code(self) -> i32 {
        match self {
            Self::F32 => 0,
            Self::F16 => 1,
            Self::Q8_0 => 8,
        }
    }

    pub fn from_code(code: i32) -> Option<Self> {
        match code {
            0 => Some(Self::F32),
            1 => Some(Self::F16),
            8 => Some(Self::Q8_0),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::F32 => "f32",
            Self::F16 => "f16",
            Self::Q8_0 => "q8_0",
        }
    }

    /// Values per stored block and the block's bytes.
    pub fn block(self) -> (usize, usize) {
        match self {
            Self::F32 => (1, 4),
            Self::F16 => (1, 2),
            Self::Q8_0 => (Q8_BLOCK, 2 + Q8_BLOCK),
        }
    }

    /// Bytes that `n` values take (a whole number of blocks).
    pub fn bytes(self, n: u64) -> u64 {
        let (values, bytes) = self.block();
        n / values as u64 * bytes as u64
    }

    /// Appends `values` (a whole number of blocks) stored as this type. q8_0 is
    /// ggml's reference quantization: the scale is the block's largest magnitude over
    /// 127, and each value is rounded to the nearest multiple of it.
    pub fn encode(self, values: &[f32], out: &mut Vec<u8>) {
        match self {
            Self::F32 => values.iter().for_each(|v| out.extend(v.to_le_bytes())),
            Self::F16 => values.iter().for_each(|&v| out.extend(f16::from_f32(v).to_le_bytes())),
            Self::Q8_0 => {
                for block in values.chunks(Q8_BLOCK) {
                    let scale = block.iter().fold(0f32, |m, v| m.max(v.abs())) / 127.0;
                    let inverse = if scale > 0.0 { 1.0 / scale } else { 0.0 };
                    out.extend(f16::from_f32(scale).to_le_bytes());
                    out.extend(block.iter().map(|v| (v * inverse).round() as i8 as u8));
                }
            }
        }
    }

    /// Appends the values stored in `bytes` (a whole number of blocks).
    pub fn decode(self, bytes: &[u8], out: &mut Vec<f32>) {
        match self {
            Self::F32 => out.extend(
                bytes.chunks_exact(4).map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]])),
            ),
            Self::F16 => {
                out.extend(bytes.chunks_exact(2).map(|b| f16::from_le_bytes([b[0], b[1]]).to_f32()))
            }
            Self::Q8_0 => {
                for block in bytes.chunks_exact(2 + Q8_BLOCK) {
                    let scale = f16::from_le_bytes([block[0], block[1]]).to_f32();
                    out.extend(block[2..].iter().map(|&q| q as i8 as f32 * scale));
                }
            }
        }
    }
}

/// Writes the parts of a ggml file in order.
pub struct Writer<W: Write> {
    out: W,
}

impl<W: Write> Writer<W> {
    pub fn new(out: W) -> Self {
        Self { out }
    }

    fn i32(&mut self, v: i32) -> std::io::Result<()> {
        self.out.write_all(&v.to_le_bytes())
    }

    pub fn header(&mut self, h: &Hparams) -> std::io::Result<()> {
        self.out.write_all(&MAGIC.to_le_bytes())?;
        h.to_array().into_iter().try_for_each(|v| self.i32(v))
    }

    pub fn mel_filters(&mut self, n_mel: usize, n_fft: usize, data: &[f32]) -> std::io::Result<()> {
        assert_eq!(data.len(), n_mel * n_fft, "filterbank size");
        self.i32(n_mel as i32)?;
        self.i32(n_fft as i32)?;
        data.iter().try_for_each(|v| self.out.write_all(&v.to_le_bytes()))
    }

    pub fn tokens(&mut self, tokens: &[Vec<u8>]) -> std::io::Result<()> {
        self.i32(tokens.len() as i32)?;
        for t in tokens {
            self.i32(t.len() as i32)?;
            self.out.write_all(t)?;
        }
        Ok(())
    }

    /// The header of one tensor; `shape` is outermost first (numpy order) and is
    /// stored reversed, as ggml counts dimensions from the innermost.
    pub fn tensor_header(
        &mut self,
        name: &str,
        shape: &[usize],
        ty: TensorType,
    ) -> std::io::Result<()> {
        self.i32(shape.len() as i32)?;
        self.i32(name.len() as i32)?;
        self.i32(ty.code())?;
        shape.iter().rev().try_for_each(|&d| self.i32(d as i32))?;
        self.out.write_all(name.as_bytes())
    }

    pub fn raw(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.out.write_all(bytes)
    }

    pub fn into_inner(self) -> W {
        self.out
    }
}

/// Where one tensor sits in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TensorEntry {
    pub name: String,
    /// Outermost dimension first.
    pub shape: Vec<usize>,
    pub ty: TensorType,
    pub offset: u64,
}

impl TensorEntry {
    pub fn n_bytes(&self) -> u64 {
        self.ty.bytes(self.shape.iter().map(|&d| d as u64).product::<u64>())
    }
}

/// Everything in a ggml file but the tensor data.
#[derive(Debug, Clone)]
pub struct Structure {
    pub hparams: Hparams,
    pub mel_shape: (usize, usize),
    pub mel_offset: u64,
    pub tokens: Vec<Vec<u8>>,
    pub tensors: Vec<TensorEntry>,
    pub file_size: u64,
}

/// Reads the structure of a ggml file, checking every length against the file size
/// before trusting it so a truncated or corrupt file yields an error, not a huge
/// allocation. Hyper-parameters are returned as stored; judging them is up to the caller.
pub fn read_structure(path: &Path) -> Result<Structure> {
    let file = File::open(path).context("cannot open")?;
    let file_size = file.metadata().context("cannot stat")?.len();
    let mut r = Limited { inner: BufReader::with_capacity(1 << 16, file), pos: 0, size: file_size };

    if file_size < 4 {
        bail!("file is {file_size} bytes, too short for a model");
    }
    let magic = r.i32("magic")? as u32;
    if magic != MAGIC {
        bail!("not a whisper.cpp ggml model (magic {magic:#010x}, expected {MAGIC:#010x})");
    }
    let mut a = [0i32; 11];
    for v in a.iter_mut() {
        *v = r.i32("hyper-parameters")?;
    }
    let hparams = Hparams::from_array(a);

    let n_mel = r.count("mel filter count", 1024)?;
    let n_fft = r.count("mel filter width", 4096)?;
    let mel_offset = r.pos;
    r.skip((n_mel * n_fft * 4) as u64, "mel filters")?;

    let n_tokens = r.count("token count", 1 << 20)?;
    let mut tokens = Vec::with_capacity(n_tokens);
    for i in 0..n_tokens {
        let len = r.count("token length", MAX_NAME_LEN).with_context(|| format!("token {i}"))?;
        tokens.push(r.bytes(len, "token").with_context(|| format!("token {i}"))?);
    }

    let mut tensors = Vec::new();
    while r.pos < file_size {
        let at = format!("tensor #{} at byte {}", tensors.len() + 1, r.pos);
        let n_dims = r.i32("tensor header").with_context(|| at.clone())?;
        let name_len = r.i32("tensor header").with_context(|| at.clone())?;
        let ty_code = r.i32("tensor header").with_context(|| at.clone())?;
        if !(1..=4).contains(&n_dims) {
            bail!("{at}: {n_dims} dimensions (expected 1 to 4)");
        }
        if !(1..=MAX_NAME_LEN as i32).contains(&name_len) {
            bail!("{at}: name length {name_len}");
        }
        let Some(ty) = TensorType::from_code(ty_code) else {
            bail!("{at}: unsupported tensor type {ty_code} (f32, f16 and q8_0 are supported)");
        };
        let mut shape = Vec::with_capacity(n_dims as usize);
        for _ in 0..n_dims {
            let d = r.i32("tensor dims").with_context(|| at.clone())?;
            if d <= 0 {
                bail!("{at}: dimension {d}");
            }
            shape.push(d as usize);
        }
        if shape[0] % ty.block().0 != 0 {
            bail!("{at}: rows of {} values do not fill whole {} blocks", shape[0], ty.name());
        }
        shape.reverse();
        let name = r.bytes(name_len as usize, "tensor name").with_context(|| at.clone())?;
        let name =
            String::from_utf8(name).map_err(|_| anyhow::anyhow!("{at}: name is not UTF-8"))?;
        let entry = TensorEntry { name, shape, ty, offset: r.pos };
        r.skip(entry.n_bytes(), "tensor data").with_context(|| format!("tensor {}", entry.name))?;
        tensors.push(entry);
    }
    Ok(Structure { hparams, mel_shape: (n_mel, n_fft), mel_offset, tokens, tensors, file_size })
}

/// A reader that knows the file size, so every read past the end is caught up front.
struct Limited<R> {
    inner: R,
    pos: u64,
    size: u64,
}

impl<R: Read + Seek> Limited<R> {
    fn need(&self, n: u64, what: &str) -> Result<()> {
        if self.pos + n > self.size {
            bail!(
                "truncated: {what} needs {n} bytes at byte {} but the file ends at {}",
                self.pos,
                self.size
            );
        }
        Ok(())
    }

    fn bytes(&mut self, n: usize, what: &str) -> Result<Vec<u8>> {
        self.need(n as u64, what)?;
        let mut buf = vec![0; n];
        self.inner.read_exact(&mut buf).with_context(|| format!("cannot read {what}"))?;
        self.pos += n as u64;
        Ok(buf)
    }

    fn i32(&mut self, what: &str) -> Result<i32> {
        let b = self.bytes(4, what)?;
        Ok(i32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// A non-negative count no larger than `max`.
    fn count(&mut self, what: &str, max: usize) -> Result<usize> {
        let v = self.i32(what)?;
        if v < 0 || v as usize > max {
            bail!("{what} is {v}, outside 0..={max}");
        }
        Ok(v as usize)
    }

    fn skip(&mut self, n: u64, what: &str) -> Result<()> {
        self.need(n, what)?;
        self.inner
            .seek(SeekFrom::Current(n as i64))
            .with_context(|| format!("cannot read {what}"))?;
        self.pos += n;
        Ok(())
    }
}
