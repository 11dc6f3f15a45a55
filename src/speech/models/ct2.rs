//! Reader for CTranslate2 `model.bin` files (format version 6), the form in which
//! converted Whisper weights are published on the Python package registry.
//!
//! Layout (little-endian): u32 version, string spec name, u32 revision, u32 variable
//! count, then per variable: string name, u8 rank, u32 per dim, u8 dtype, u32 byte
//! count, bytes; then u32 alias count and (alias, target) string pairs. Strings are a
//! u16 length (including the trailing NUL), the bytes and a NUL.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

use anyhow::{bail, Context, Result};

/// Element type of a CTranslate2 variable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DType {
    F32,
    I8,
    I16,
    I32,
    F16,
}

impl DType {
    fn from_code(code: u8) -> Result<Self> {
        Ok(match code {
            0 => Self::F32,
            1 => Self::I8,
            2 => Self::I16,
            3 => Self::I32,
            4 => Self::F16,
            other => bail!("unknown variable type code {other}"),
        })
    }

    pub fn size(self) -> usize {
        match self {
            Self::I8 => 1,
            Self::I16 | Self::F16 => 2,
            Self::F32 | Self::I32 => 4,
        }
    }
}

/// One named array.
#[derive(Debug, Clone)]
pub struct Variable {
    pub dims: Vec<usize>,
    pub dtype: DType,
    pub data: Vec<u8>,
}

impl Variable {
    pub fn len(&self) -> usize {
        self.dims.iter().product()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The value of an integer scalar such as `encoder/num_heads`.
    pub fn scalar_int(&self) -> Result<i64> {
        if self.len() != 1 {
            bail!("expected a scalar, found shape {:?}", self.dims);
        }
        let b = &self.data;
        Ok(match self.dtype {
            DType::I8 => b[0] as i8 as i64,
            DType::I16 => i16::from_le_bytes([b[0], b[1]]) as i64,
            DType::I32 => i32::from_le_bytes([b[0], b[1], b[2], b[3]]) as i64,
            DType::F32 | DType::F16 => bail!("expected an integer scalar, found {:?}", self.dtype),
        })
    }
}

/// A parsed `model.bin`.
#[derive(Debug)]
pub struct Ct2Model {
    pub spec: String,
    pub revision: u32,
    pub variables: HashMap<String, Variable>,
    pub aliases: HashMap<String, String>,
}

impl Ct2Model {
    /// Reads a whole `model.bin` into memory.
    pub fn open(path: &Path) -> Result<Self> {
        let mut file =
            std::fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
        let size = file.metadata().map(|m| m.len()).unwrap_or(0);
        let mut bytes = Vec::with_capacity(size as usize);
        file.read_to_end(&mut bytes).with_context(|| format!("cannot read {}", path.display()))?;
        Self::parse(&bytes)
            .with_context(|| format!("{} is not a valid CTranslate2 model.bin", path.display()))
    }

    pub fn parse(bytes: &[u8]) -> Result<Self> {
        let mut r = Cursor { bytes, pos: 0 };
        let version = r.u32()?;
        if version != 6 {
            bail!("unsupported format version {version} (expected 6)");
        }
        let spec = r.string()?;
        let revision = r.u32()?;
        let count = r.u32()?;
        let mut variables = HashMap::new();
        for _ in 0..count {
            let name = r.string()?;
            let rank = r.u8()?;
            let dims =
                (0..rank).map(|_| r.u32().map(|d| d as usize)).collect::<Result<Vec<_>>>()?;
            let dtype = DType::from_code(r.u8()?).with_context(|| format!("variable {name}"))?;
            let nbytes = r.u32()? as usize;
            let expected = dims.iter().product::<usize>() * dtype.size();
            if nbytes != expected {
                bail!("variable {name}: {nbytes} bytes for shape {dims:?} of {dtype:?}");
            }
            let data = r.take(nbytes)?.to_vec();
            variables.insert(name, Variable { dims, dtype, data });
        }
        let mut aliases = HashMap::new();
        // Older writers stop after the variables; an alias table is optional.
        if r.pos < bytes.len() {
            for _ in 0..r.u32()? {
                let alias = r.string()?;
                let target = r.string()?;
                aliases.insert(alias, target);
            }
        }
        if r.pos != bytes.len() {
            bail!("{} unexpected bytes after the alias table", bytes.len() - r.pos);
        }
        Ok(Self { spec, revision, variables, aliases })
    }

    /// A variable by name, following aliases.
    pub fn get(&self, name: &str) -> Result<&Variable> {
        let target = self.aliases.get(name).map(String::as_str).unwrap_or(name);
        self.variables.get(target).with_context(|| format!("variable {name} is missing"))
    }
}

struct Cursor<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len());
        let Some(end) = end else {
            bail!("truncated at byte {} (wanted {n} more bytes)", self.pos);
        };
        let s = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(s)
    }

    fn u8(&mut self) -> Result<u8> {
        Ok(self.take(1)?[0])
    }

    fn u16(&mut self) -> Result<u16> {
        let b = self.take(2)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }

    fn u32(&mut self) -> Result<u32> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn string(&mut self) -> Result<String> {
        let n = self.u16()? as usize;
        let b = self.take(n)?;
        let b = b.strip_suffix(&[0]).unwrap_or(b);
        String::from_utf8(b.to_vec()).context("a name is not UTF-8")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn string(out: &mut Vec<u8>, s: &str) {
        out.extend(((s.len() + 1) as u16).to_le_bytes());
        out.extend(s.as_bytes());
        out.push(0);
    }

    fn sample() -> Vec<u8> {
        let mut b = 6u32.to_le_bytes().to_vec();
        string(&mut b, "WhisperSpec");
        b.extend(3u32.to_le_bytes());
        b.extend(2u32.to_le_bytes());
        string(&mut b, "encoder/num_heads");
        b.push(0);
        b.push(2);
        b.extend(2u32.to_le_bytes());
        b.extend(6i16.to_le_bytes());
        string(&mut b, "w");
        b.push(2);
        b.extend(2u32.to_le_bytes());
        b.extend(1u32.to_le_bytes());
        b.push(0);
        b.extend(8u32.to_le_bytes());
        b.extend(1.5f32.to_le_bytes());
        b.extend((-2f32).to_le_bytes());
        b.extend(1u32.to_le_bytes());
        string(&mut b, "alias");
        string(&mut b, "w");
        b
    }

    #[test]
    fn parses_variables_scalars_and_aliases() {
        let m = Ct2Model::parse(&sample()).unwrap();
        assert_eq!(m.spec, "WhisperSpec");
        assert_eq!(m.revision, 3);
        assert_eq!(m.get("encoder/num_heads").unwrap().scalar_int().unwrap(), 6);
        let w = m.get("alias").unwrap();
        assert_eq!(w.dims, vec![2, 1]);
        assert_eq!(w.dtype, DType::F32);
        assert_eq!(&w.data[..4], &1.5f32.to_le_bytes());
    }

    #[test]
    fn truncation_is_an_error_not_a_panic() {
        let full = sample();
        for cut in [0, 3, 10, 30, full.len() - 1] {
            assert!(Ct2Model::parse(&full[..cut]).is_err(), "cut at {cut}");
        }
    }
}
