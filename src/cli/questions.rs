//! `barraiser questions list | show | random | validate`.

use std::path::{Path, PathBuf};

use anyhow::{bail, Result};
use clap::{Args, Subcommand};

use crate::analysis::timing::clock;
use crate::bank::{self, Bank, Filter, Problems, Question};
use crate::config::Config;
use crate::principles::{canonical, PRINCIPLES};
use crate::round::Kind;
use crate::store::Store;

#[derive(Debug, Subcommand)]
pub enum QuestionsCommand {
    /// List questions, optionally filtered
    List {
        #[command(flatten)]
        select: SelectArgs,
        /// Only questions whose id, text or follow-ups contain TEXT (any case)
        #[arg(long, value_name = "TEXT")]
        search: Option<String>,
        #[command(flatten)]
        out: OutArgs,
        #[command(flatten)]
        bank: BankArgs,
    },
    /// Show one question with its follow-ups and framework
    Show {
        id: String,
        #[command(flatten)]
        out: OutArgs,
        #[command(flatten)]
        bank: BankArgs,
    },
    /// Pick a question at random, favouring the ones practised least
    Random {
        #[command(flatten)]
        select: SelectArgs,
        #[command(flatten)]
        out: OutArgs,
        #[command(flatten)]
        bank: BankArgs,
    },
    /// Check question files: the shipped bank plus PATH (a file or directory),
    /// or your own question directory when PATH is not given
    Validate {
        path: Option<PathBuf>,
        #[command(flatten)]
        bank: BankArgs,
    },
}

#[derive(Debug, Args)]
pub struct SelectArgs {
    /// Round kind
    #[arg(long, value_name = "K")]
    kind: Option<Kind>,
    /// Leadership Principle (any unique part of its name, e.g. "dive deep")
    #[arg(long, value_name = "P")]
    principle: Option<String>,
}

#[derive(Debug, Args)]
pub struct OutArgs {
    /// Print JSON instead of text
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args, Clone)]
pub struct BankArgs {
    /// Directory of your own question files (default: <config dir>/questions)
    #[arg(long, value_name = "DIR")]
    pub bank: Option<PathBuf>,
}

impl BankArgs {
    pub fn load(&self) -> Result<Bank> {
        Bank::load(self.bank.as_deref())
    }
}

/// `println!` for command output, with one clear line and exit code 1 instead of a
/// panic when stdout cannot be written (`> /dev/full`). A closed pipe (`| head`) never
/// gets here: SIGPIPE ends the process quietly (see main).
macro_rules! say {
    ($($arg:tt)*) => { $crate::cli::questions::say_line(format_args!($($arg)*)) };
}
pub(crate) use say;

pub fn say_line(line: std::fmt::Arguments) {
    use std::io::Write;
    if let Err(e) = writeln!(std::io::stdout().lock(), "{line}") {
        eprintln!("barraiser: error: cannot write output: {e}");
        std::process::exit(1);
    }
}

/// A principle typed by the user, as its canonical name.
pub fn principle_arg(name: &str) -> Result<&'static str> {
    canonical(name).ok_or_else(|| {
        anyhow::anyhow!(
            "unknown or ambiguous Leadership Principle '{name}' (one of: {})",
            PRINCIPLES.join(" · ")
        )
    })
}

pub fn run(cmd: QuestionsCommand, cfg: &Config) -> Result<()> {
    match cmd {
        QuestionsCommand::List { select, search, out, bank } => {
            let bank = bank.load()?;
            let filter = Filter { text: search, ..select.filter()? };
            let hits = bank.filter(&filter);
            if out.json {
                say!("{}", serde_json::to_string_pretty(&hits)?);
            } else {
                for q in &hits {
                    say!("{:<42} {:<30} {}", q.id, kind_label(q), q.text);
                }
                say!("{} of {} questions", hits.len(), bank.questions().len());
            }
            Ok(())
        }
        QuestionsCommand::Show { id, out, bank } => {
            let bank = bank.load()?;
            let Some(q) = bank.get(&id) else {
                bail!("no question '{id}' (see `barraiser questions list --search ...`)");
            };
            print_question(q, out.json)
        }
        QuestionsCommand::Random { select, out, bank } => {
            let bank = bank.load()?;
            let filter = select.filter()?;
            let data_dir = cfg.data_dir.clone();
            let counts = match Store::open_existing(&data_dir)? {
                Some(store) => store.practice_counts()?,
                None => Default::default(),
            };
            let Some(q) = bank.random(&filter, &counts) else {
                bail!("no question matches those filters");
            };
            print_question(q, out.json)
        }
        QuestionsCommand::Validate { path, bank } => validate(path.as_deref(), &bank),
    }
}

impl SelectArgs {
    fn filter(&self) -> Result<Filter> {
        let principle = self.principle.as_deref().map(principle_arg).transpose()?.map(String::from);
        Ok(Filter { kind: self.kind, principle, text: None })
    }
}

fn validate(path: Option<&Path>, bank_args: &BankArgs) -> Result<()> {
    let user_files = match path.or(bank_args.bank.as_deref()) {
        Some(p) => bank::toml_files_in(p)?,
        None => {
            let dir = crate::paths::config_dir().join("questions");
            if dir.is_dir() {
                bank::toml_files_in(&dir)?
            } else {
                vec![]
            }
        }
    };
    if let Some(p) = path.filter(|_| user_files.is_empty()) {
        bail!("{}: no .toml question files there", p.display());
    }
    match Bank::from_files(&user_files) {
        Ok(bank) => {
            let total = bank.questions().len();
            let user = bank.questions().iter().filter(|q| !q.source.builtin).count();
            let files = user_files.len();
            match files {
                0 => say!("ok: {total} questions (all shipped)"),
                1 => say!("ok: {total} questions ({} shipped, {user} from 1 file)", total - user),
                _ => say!(
                    "ok: {total} questions ({} shipped, {user} from {files} files)",
                    total - user
                ),
            }
            Ok(())
        }
        Err(e) => match e.downcast_ref::<Problems>() {
            Some(problems) => {
                for p in &problems.0 {
                    eprintln!("{p}");
                }
                let n = problems.0.len();
                bail!("{n} problem{} in question files", if n == 1 { "" } else { "s" })
            }
            None => Err(e),
        },
    }
}

fn kind_label(q: &Question) -> String {
    match (&q.sub_kind, &q.audience) {
        (Some(s), Some(a)) => format!("{}/{s} ({a})", q.kind),
        (Some(s), None) => format!("{}/{s}", q.kind),
        _ => q.kind.to_string(),
    }
}

fn print_question(q: &Question, json: bool) -> Result<()> {
    if json {
        say!("{}", serde_json::to_string_pretty(q)?);
        return Ok(());
    }
    say!("{}  [{}, limit {}]", q.id, kind_label(q), clock(q.limit_s));
    say!("");
    say!("  {}", q.text);
    say!("");
    if !q.principles.is_empty() {
        say!("Principles: {}", q.principles.join(" · "));
    }
    if let Some(f) = &q.frequency {
        say!("Frequency:  {f}");
    }
    if !q.followups.is_empty() {
        say!("Follow-ups:");
        for f in &q.followups {
            say!("  - {f}");
        }
    }
    if !q.framework.is_empty() {
        say!("Framework:");
        for (i, step) in q.framework.iter().enumerate() {
            say!("  {}. {step}", i + 1);
        }
    }
    let origin = if q.source.builtin { "shipped" } else { "your file" };
    say!("Source:     {} ({origin})", q.source);
    Ok(())
}
