//! `barraiser model …`: list, fetch, import and verify speech models.

use std::path::PathBuf;

use anyhow::Result;
use clap::Subcommand;

use super::Global;
use crate::speech::models::{import, verify};

#[derive(Debug, Subcommand)]
pub enum ModelCommand {
    /// Convert a CTranslate2 Whisper model directory (model.bin, vocabulary.txt) to a whisper.cpp file
    Import {
        /// Directory holding model.bin and vocabulary.txt
        ct2_dir: PathBuf,
        /// The ggml file to write, e.g. models/ggml-tiny.en.bin
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Check a model file's header, hyper-parameters, tensor table and size
    Verify {
        /// The ggml model file
        file: PathBuf,
    },
}

pub fn run(cmd: ModelCommand, _g: &Global) -> Result<()> {
    match cmd {
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
        ModelCommand::Verify { file } => {
            println!("{}", verify(&file)?);
            Ok(())
        }
    }
}
