//! `barraiser model …`: list, fetch, import, quantize and verify speech models.

use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::Subcommand;

use crate::config::Config;
use crate::speech::models::catalog::{file_name, CATALOG, DEFAULT_MODEL};
use crate::speech::models::fetch::FetchOptions;
use crate::speech::models::quantize::{quantize, quantized_path, SUFFIX};
use crate::speech::models::resolve::{find_installed, search_dirs};
use crate::speech::models::{import, install, resolve_model, verify};
use crate::speech::recommend::{pick, time_installed, BUDGET_S};

#[derive(Debug, Subcommand)]
pub enum ModelCommand {
    /// The known models: size, official SHA-1, and where each is installed
    List,
    /// Download a model (official file, or the package registry when the hub is unreachable)
    Fetch {
        /// Model name, e.g. tiny.en-q8_0, tiny.en, base (see `barraiser model list`)
        name: String,
        /// Directory to install into [default: <data dir>/models]
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// Convert a CTranslate2 Whisper model directory (model.bin, vocabulary.txt) to a whisper.cpp file
    Import {
        /// Directory holding model.bin and vocabulary.txt
        ct2_dir: PathBuf,
        /// The ggml file to write, e.g. models/ggml-tiny.en.bin
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Write an 8-bit (q8_0) copy of an f16 model: half the size, faster on a CPU
    Quantize {
        /// The model: a catalog name such as tiny.en, or a path to a ggml file
        model: String,
        /// The file to write [default: beside the model, as ggml-NAME-q8_0.bin]
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Check a model file's header, hyper-parameters, tensor table and size
    Verify {
        /// The ggml model file
        file: PathBuf,
    },
    /// Time the installed models here and name the most accurate that gives feedback within a second
    Recommend,
}

pub fn run(cmd: ModelCommand, cfg: &Config) -> Result<()> {
    let data_dir = cfg.data_dir.clone();
    match cmd {
        ModelCommand::List => {
            print!("{}", list(&data_dir));
            Ok(())
        }
        ModelCommand::Fetch { name, dir } => {
            let dir = dir.unwrap_or_else(|| data_dir.join("models"));
            let info = install::fetch_model(&name, &dir, &FetchOptions::from_env())?;
            println!("{}", info.path.display());
            Ok(())
        }
        ModelCommand::Import { ct2_dir, out } => {
            eprintln!("converting {} to {}", ct2_dir.display(), out.display());
            let done = import::import(&ct2_dir, &out)?;
            let info = verify(&out)?;
            eprintln!(
                "wrote {} ({} bytes, {} tokens, {} tensors)",
                out.display(),
                info.file_size,
                done.tokens,
                done.tensors
            );
            Ok(())
        }
        ModelCommand::Quantize { model, out } => {
            let src = resolve_model(Some(&model), None, &data_dir)?;
            let out = out.unwrap_or_else(|| quantized_path(&src));
            let info = quantize(&src, &out)?;
            println!("{}", info.path.display());
            Ok(())
        }
        ModelCommand::Verify { file } => {
            println!("{}", verify(&file)?);
            Ok(())
        }
        ModelCommand::Recommend => {
            let timings = time_installed(&data_dir, cfg.verbose)?;
            for t in &timings {
                println!(
                    "{:<10} {:.2} s for the last 7 s of an answer ({} threads)",
                    t.name, t.seconds, t.threads
                );
            }
            match pick(&timings) {
                Some(t) => println!("recommended: {} ({})", t.name, t.path.display()),
                None => println!(
                    "none gives feedback within {BUDGET_S} s here now; the fastest is {}",
                    timings[0].name
                ),
            }
            Ok(())
        }
    }
}

/// The catalog as a table; INSTALLED lists every valid copy in the search directories.
fn list(data_dir: &Path) -> String {
    let mut out =
        format!("{:<13} {:>8}  {:<40}  {:<4}  INSTALLED\n", "NAME", "SIZE", "SHA-1", "PIP");
    for e in CATALOG {
        let star =
            |name: &str| if name == DEFAULT_MODEL { format!("{name}*") } else { name.to_owned() };
        let name = star(e.name);
        let places = installed(data_dir, e.name).unwrap_or_else(|| "no".to_owned());
        let pip = if e.registry.is_some() { "yes" } else { "no" };
        let size = format!("{} MiB", e.size_mib);
        out += &format!("{name:<13} {size:>8}  {:<40}  {pip:<4}  {places}\n", e.sha1);
        let q8 = format!("{}{SUFFIX}", e.name);
        let q8_places = installed(data_dir, &q8);
        if q8_places.is_some() || q8 == DEFAULT_MODEL {
            let places = q8_places.unwrap_or_else(|| "no".to_owned());
            // Made on this machine, so its size is the installed file's.
            let size = find_installed(&q8, data_dir)
                .and_then(|p| std::fs::metadata(p).ok())
                .map(|m| format!("{} MiB", (m.len() + (1 << 19)) >> 20))
                .unwrap_or_default();
            let q8 = star(&q8);
            out += &format!("{q8:<13} {size:>8}  {:<40}  {pip:<4}  {places}\n", "(quantized here)");
        }
    }
    out += "* the default model. PIP: can come from the Python package registry when the model hub is unreachable.\n";
    out +=
        "NAME-q8_0: the model's 8-bit copy (`model fetch NAME-q8_0` or `model quantize NAME`).\n";
    out
}

/// Every copy of model `name` in the search directories, or None if there is none.
fn installed(data_dir: &Path, name: &str) -> Option<String> {
    let places: Vec<String> = search_dirs(data_dir)
        .into_iter()
        .map(|d| d.join(file_name(name)))
        .filter(|p| p.is_file())
        .map(|p| match verify(&p) {
            Ok(_) => p.display().to_string(),
            Err(_) => format!("{} (unusable: see `model verify`)", p.display()),
        })
        .collect();
    (!places.is_empty()).then(|| places.join(", "))
}
