//! `barraiser write`: the writing sample, in your editor or from a file, judged by the
//! writing rubric and saved as a take.

use std::io::Write as _;
use std::path::PathBuf;

use anyhow::{anyhow, bail, Context as _, Result};
use clap::Args;

use crate::analysis::timing::clock;
use crate::bank::{Bank, Filter, Question};
use crate::config::{load_lexicon, Config};
use crate::practice::writing_sample::{self, WritingReport};
use crate::round::Kind;
use crate::store::Store;

#[derive(Debug, Default, Args)]
pub struct WriteArgs {
    /// Writing prompt id (`barraiser questions list --kind writing`); the least practised when left out
    #[arg(long, value_name = "ID")]
    pub prompt: Option<String>,
    /// Judge this file instead of opening the editor
    #[arg(long, value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// Print the writing report as JSON
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: WriteArgs, cfg: &Config) -> Result<()> {
    let bank = Bank::load(None)?;
    let data_dir = cfg.data_dir.clone();
    let lex = load_lexicon()?;
    let mut store = Store::open(&data_dir)?;
    let prompt = choose_prompt(&bank, args.prompt.as_deref(), &store)?;
    let sample = match &args.file {
        Some(path) => writing_sample::from_file(path, Some(prompt), &lex)?,
        None => {
            eprintln!("Writing sample ({}): {}", prompt.id, prompt.text);
            eprintln!("Target: 300-500 words. Opening {} ...", crate::practice::editor::editor());
            writing_sample::from_editor(&data_dir.join("drafts"), Some(prompt), &lex)?
        }
    };
    let session = writing_sample::save(&mut store, &sample)?;
    let report = WritingReport::new(&sample.report, Some(prompt), sample.elapsed_s, Some(session));
    let took = sample.elapsed_s.map(|s| format!(" in {}", clock(s))).unwrap_or_default();
    eprintln!("Saved session {session}: {} words{took}", report.words);
    let out = if args.json {
        serde_json::to_string_pretty(&report)? + "\n"
    } else {
        crate::report::render_text(&sample.report, &sample.transcript, false)
    };
    std::io::stdout().lock().write_all(out.as_bytes()).context("could not write the report")
}

/// The prompt asked for (it must be a writing prompt), or the least practised one.
fn choose_prompt<'a>(bank: &'a Bank, id: Option<&str>, store: &Store) -> Result<&'a Question> {
    if let Some(id) = id {
        let q = bank.get(id).ok_or_else(|| {
            anyhow!("unknown prompt '{id}' (`barraiser questions list --kind writing` shows them)")
        })?;
        if q.kind != Kind::Writing {
            bail!("'{id}' is a {} question, not a writing prompt", q.kind);
        }
        return Ok(q);
    }
    let filter = Filter { kind: Some(Kind::Writing), ..Filter::default() };
    crate::bank::select::least_practised(
        &bank.filter(&filter),
        &store.practice_counts()?,
        crate::bank::select::random_seed(),
    )
    .ok_or_else(|| anyhow!("the question bank has no writing prompt"))
}
