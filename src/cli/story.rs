//! `barraiser story add | list | show | edit | rm | import | export`.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};
use clap::Subcommand;

use super::questions::principle_arg;
use super::questions::say;
use crate::analysis::GUIDE;
use crate::bank::coverage::MIN_METRICS;
use crate::bank::story::{metric_problem, parse_many, parse_one, template, to_toml};
use crate::bank::Story;
use crate::config::Config;
use crate::store::Store;

#[derive(Debug, Subcommand)]
pub enum StoryCommand {
    /// Add a story; with no flags, opens $EDITOR on a template
    Add {
        #[arg(long, value_name = "T")]
        title: Option<String>,
        /// Leadership Principle the story shows (repeatable)
        #[arg(long = "principle", value_name = "P")]
        principles: Vec<String>,
        /// A number the story cites, e.g. "18% faster checkout" (repeatable)
        #[arg(long = "metric", value_name = "M")]
        metrics: Vec<String>,
        /// Situation and task: the context
        #[arg(long, value_name = "S")]
        situation: Option<String>,
        #[arg(long, value_name = "N")]
        notes: Option<String>,
    },
    /// List your stories
    List {
        #[arg(long)]
        json: bool,
    },
    /// Show one story
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Edit a story in $EDITOR
    Edit { id: i64 },
    /// Delete a story
    Rm { id: i64 },
    /// Add or update stories from a TOML file of [[story]] tables (matched by title)
    Import { file: PathBuf },
    /// Write all stories as TOML, to stdout or a file
    Export {
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
}

pub fn run(cmd: StoryCommand, cfg: &Config) -> Result<()> {
    let data_dir = cfg.data_dir.clone();
    // Reading needs no write access: it works on a full disk or a read-only directory.
    let reads_only = matches!(
        cmd,
        StoryCommand::List { .. } | StoryCommand::Show { .. } | StoryCommand::Export { .. }
    );
    let mut store = match reads_only {
        true => Store::open_existing(&data_dir)?.map_or_else(|| Store::open(&data_dir), Ok)?,
        false => Store::open(&data_dir)?,
    };
    match cmd {
        StoryCommand::Add { title, principles, metrics, situation, notes } => {
            let flags_given = title.is_some()
                || !principles.is_empty()
                || !metrics.is_empty()
                || situation.is_some()
                || notes.is_some();
            let story = if flags_given {
                let Some(title) = title.filter(|t| !t.trim().is_empty()) else {
                    bail!("a story needs --title (or run `barraiser story add` with no flags to use $EDITOR)");
                };
                let principles = principles
                    .iter()
                    .map(|p| principle_arg(p).map(String::from))
                    .collect::<Result<Vec<_>>>()?;
                if let Some(problem) = metrics.iter().find_map(|m| metric_problem(m)) {
                    bail!("{problem}");
                }
                Story {
                    id: None,
                    title: title.trim().into(),
                    principles,
                    situation: situation.unwrap_or_default(),
                    metrics,
                    notes: notes.unwrap_or_default(),
                }
            } else {
                match edit_in_editor(&data_dir, &Story::default())? {
                    Some(story) => story,
                    None => return Ok(()),
                }
            };
            let id = store.add_story(&story)?;
            say!("Added story #{id}: {}", story.title);
            warn_thin(&story);
            Ok(())
        }
        StoryCommand::List { json } => {
            let stories = store.stories()?;
            if json {
                say!("{}", serde_json::to_string_pretty(&stories)?);
            } else if stories.is_empty() {
                say!("No stories yet. Add one with `barraiser story add`.");
            } else {
                say!("{:>4}  {:<40} {:>7}  Principles", "id", "title", "metrics");
                for s in &stories {
                    let mark = if s.metrics.len() < MIN_METRICS { "!" } else { " " };
                    say!(
                        "{:>4}  {:<40} {:>6}{mark}  {}",
                        s.id.unwrap_or_default(),
                        s.title,
                        s.metrics.len(),
                        s.principles.join(" · ")
                    );
                }
            }
            Ok(())
        }
        StoryCommand::Show { id, json } => {
            let story = get(&store, id)?;
            if json {
                say!("{}", serde_json::to_string_pretty(&story)?);
            } else {
                print_story(&story);
            }
            Ok(())
        }
        StoryCommand::Edit { id } => {
            let story = get(&store, id)?;
            if let Some(edited) = edit_in_editor(&data_dir, &story)? {
                store.update_story(id, &edited)?;
                say!("Updated story #{id}: {}", edited.title);
                warn_thin(&edited);
            }
            Ok(())
        }
        StoryCommand::Rm { id } => {
            let story = get(&store, id)?;
            store.remove_story(id)?;
            say!("Removed story #{id}: {}", story.title);
            Ok(())
        }
        StoryCommand::Import { file } => {
            let text = std::fs::read_to_string(&file)
                .with_context(|| format!("cannot read story file {}", file.display()))?;
            let stories = parse_many(&file, &text)?;
            let count = store.import_stories(&stories)?;
            say!(
                "Imported {} stories from {}: {} added, {} updated",
                stories.len(),
                file.display(),
                count.added,
                count.updated
            );
            Ok(())
        }
        StoryCommand::Export { out } => {
            let stories = store.stories()?;
            if stories.is_empty() {
                eprintln!("No stories to export.");
                return Ok(());
            }
            let text = to_toml(&stories);
            match out {
                Some(path) => {
                    write_file(&path, &text)?;
                    eprintln!("Exported {} stories to {}", stories.len(), path.display());
                }
                None => say!("{}", text.trim_end()),
            }
            Ok(())
        }
    }
}

fn get(store: &Store, id: i64) -> Result<Story> {
    store.story(id)?.with_context(|| format!("no story #{id} (see `barraiser story list`)"))
}

fn warn_thin(story: &Story) {
    if story.metrics.len() < MIN_METRICS {
        eprintln!(
            "Note: this story cites {} metric{}; candidates who cite at least {MIN_METRICS} per story are 3.2x more likely to pass ({GUIDE}).",
            story.metrics.len(),
            if story.metrics.len() == 1 { "" } else { "s" }
        );
    }
}

fn print_story(s: &Story) {
    say!("#{}  {}", s.id.unwrap_or_default(), s.title);
    say!(
        "Principles: {}",
        if s.principles.is_empty() { "(none)".into() } else { s.principles.join(" · ") }
    );
    say!(
        "Metrics:    {}",
        if s.metrics.is_empty() { "(none)".into() } else { s.metrics.join("; ") }
    );
    for (label, text) in [("Situation", &s.situation), ("Notes", &s.notes)] {
        if !text.is_empty() {
            say!("{label}:");
            for line in text.lines() {
                say!("  {line}");
            }
        }
    }
}

/// Writes through a temporary file and a rename, so a failed write never leaves a
/// half-written export.
fn write_file(path: &Path, text: &str) -> Result<()> {
    let tmp = path.with_extension("toml.partial");
    crate::private::write(&tmp, text.as_bytes())
        .with_context(|| format!("cannot write {}", tmp.display()))?;
    std::fs::rename(&tmp, path).with_context(|| format!("cannot write {}", path.display()))
}

/// Opens the story as a TOML template in the user's editor and parses the result.
/// `None` when the text comes back unchanged (the user cancelled). If the text
/// does not parse, it stays in the draft file and the error names that file.
fn edit_in_editor(data_dir: &Path, story: &Story) -> Result<Option<Story>> {
    let drafts = data_dir.join("drafts");
    crate::private::create_dir_all(&drafts)
        .with_context(|| format!("cannot create {}", drafts.display()))?;
    let stamp = chrono::Utc::now().format("%Y%m%d-%H%M%S-%3f");
    let draft = drafts.join(format!("story-{stamp}.toml"));
    let initial = template(story);
    crate::private::write(&draft, initial.as_bytes())
        .with_context(|| format!("cannot write {}", draft.display()))?;

    let editor = std::env::var("VISUAL")
        .ok()
        .or_else(|| std::env::var("EDITOR").ok())
        .filter(|e| !e.trim().is_empty())
        .unwrap_or_else(|| "vi".into());
    // Through the shell, so EDITOR may carry arguments ("code --wait").
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("barraiser-editor")
        .arg(&draft)
        .status()
        .with_context(|| format!("cannot start the editor '{editor}'"))?;
    if !status.success() {
        bail!("the editor '{editor}' failed ({status}); your text is kept in {}", draft.display());
    }
    let text = std::fs::read_to_string(&draft)
        .with_context(|| format!("cannot read {}", draft.display()))?;
    if text == initial {
        std::fs::remove_file(&draft).ok();
        eprintln!("Nothing changed; no story saved.");
        return Ok(None);
    }
    match parse_one(&draft, &text) {
        Ok(edited) => {
            std::fs::remove_file(&draft).ok();
            Ok(Some(Story { id: story.id, ..edited }))
        }
        Err(problems) => bail!("{problems}; your text is kept in {}", draft.display()),
    }
}
