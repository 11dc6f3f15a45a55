//! Which model file to use: `--model PATH|NAME`, then `BARRAISER_MODEL`, then the
//! settings file's `model`, then the default model in `./models/`, then in
//! `<data dir>/models/` (its f16 original where the 8-bit copy is missing).

use std::path::{Path, PathBuf};

use anyhow::{bail, Result};

use super::catalog::{file_name, DEFAULT_MODEL};
use super::quantize::SUFFIX;

/// The directories searched for a model by name, in order.
pub fn search_dirs(data_dir: &Path) -> Vec<PathBuf> {
    vec![PathBuf::from("models"), data_dir.join("models")]
}

/// The first `ggml-NAME.bin` found in the search directories.
pub fn find_installed(name: &str, data_dir: &Path) -> Option<PathBuf> {
    search_dirs(data_dir).into_iter().map(|d| d.join(file_name(name))).find(|p| p.is_file())
}

/// Model `name`'s 8-bit copy if it is installed (it hears as well and runs faster),
/// else the model itself: the name found and its path.
pub fn find_preferring_q8(name: &str, data_dir: &Path) -> Option<(String, PathBuf)> {
    let found = |name: String| find_installed(&name, data_dir).map(|p| (name, p));
    found(format!("{name}{SUFFIX}")).or_else(|| found(name.to_string()))
}

/// Resolves the model to a file path. `cli` is the `--model` option, `setting`
/// the settings file's `model`.
pub fn resolve_model(cli: Option<&str>, setting: Option<&str>, data_dir: &Path) -> Result<PathBuf> {
    if let Some(spec) = cli.filter(|s| !s.is_empty()) {
        return resolve_spec(spec, "--model", data_dir);
    }
    if let Ok(spec) = std::env::var("BARRAISER_MODEL") {
        if !spec.is_empty() {
            return resolve_spec(&spec, "BARRAISER_MODEL", data_dir);
        }
    }
    if let Some(spec) = setting.filter(|s| !s.is_empty()) {
        return resolve_spec(spec, "config.toml", data_dir);
    }
    // An install from before the 8-bit default holds the f16 model alone: it still works.
    let f16 = DEFAULT_MODEL.strip_suffix(SUFFIX).unwrap_or(DEFAULT_MODEL);
    find_preferring_q8(f16, data_dir)
        .map_or_else(|| resolve_name(DEFAULT_MODEL, data_dir), |(_, p)| Ok(p))
}

/// A path if it looks like one (or names an existing file), otherwise a model name.
fn resolve_spec(spec: &str, origin: &str, data_dir: &Path) -> Result<PathBuf> {
    let path = Path::new(spec);
    let looks_like_path =
        spec.contains('/') || spec.contains(std::path::MAIN_SEPARATOR) || spec.ends_with(".bin");
    if path.is_file() {
        return Ok(path.to_path_buf());
    }
    if looks_like_path {
        if path.exists() {
            bail!("model {spec} (from {origin}) is not a file");
        }
        bail!("model file {spec} (from {origin}) does not exist");
    }
    resolve_name(spec, data_dir)
}

fn resolve_name(name: &str, data_dir: &Path) -> Result<PathBuf> {
    if let Some(p) = find_installed(name, data_dir) {
        return Ok(p);
    }
    let places: Vec<String> =
        search_dirs(data_dir).iter().map(|d| format!("{}/", d.display())).collect();
    bail!(
        "speech model {name} not found (looked for {} in {}); run `barraiser model fetch {name}`",
        file_name(name),
        places.join(" and ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_path_and_a_missing_name_say_what_to_do() {
        let data = Path::new("/nonexistent-barraiser-data");
        let e = resolve_spec("/no/such/model.bin", "--model", data).unwrap_err().to_string();
        assert!(e.contains("/no/such/model.bin") && e.contains("does not exist"), "{e}");
        let e = resolve_name("no-such-model", data).unwrap_err().to_string();
        assert!(e.contains("barraiser model fetch no-such-model"), "{e}");
        assert!(e.contains("/nonexistent-barraiser-data/models/"), "{e}");
    }
}
