//! The question bank (shipped TOML plus user files) and the story bank model.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

pub mod coverage;
pub mod load;
pub mod question;
pub mod select;
pub mod story;

pub use load::{Problem, Problems};
pub use question::{Question, Source};
pub use select::Filter;
pub use story::Story;

/// The shipped question files, compiled into the binary.
pub const BUILTIN_FILES: [(&str, &str); 5] = [
    ("questions/behavioral.toml", include_str!("../../questions/behavioral.toml")),
    ("questions/product.toml", include_str!("../../questions/product.toml")),
    ("questions/analytical.toml", include_str!("../../questions/analytical.toml")),
    ("questions/system-design.toml", include_str!("../../questions/system-design.toml")),
    ("questions/writing.toml", include_str!("../../questions/writing.toml")),
];

#[derive(Debug, Clone)]
pub struct Bank {
    questions: Vec<Question>,
    by_id: HashMap<String, usize>,
}

impl Bank {
    /// The shipped questions merged with the user's: the `*.toml` files in `user_dir`,
    /// or, when `None`, in `<config dir>/questions` if that directory exists.
    /// Any problem in any file (including an id defined twice) is an error.
    pub fn load(user_dir: Option<&Path>) -> Result<Bank> {
        let dir = match user_dir {
            Some(d) => Some(d.to_path_buf()),
            None => Some(crate::paths::config_dir().join("questions")).filter(|d| d.is_dir()),
        };
        let user_files = match &dir {
            Some(d) => toml_files_in(d)?,
            None => vec![],
        };
        Bank::from_files(&user_files)
    }

    /// The shipped questions merged with the given user files (files or directories).
    pub fn from_files(user_files: &[PathBuf]) -> Result<Bank> {
        let mut sources: Vec<(PathBuf, String, bool)> = BUILTIN_FILES
            .iter()
            .map(|(name, text)| (PathBuf::from(name), text.to_string(), true))
            .collect();
        for path in user_files {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read question file {}", path.display()))?;
            sources.push((path.clone(), text, false));
        }
        let mut problems = Vec::new();
        let mut questions = Vec::new();
        let mut ids = Vec::new();
        for (path, text, builtin) in &sources {
            let parsed = load::parse_file(path, text, *builtin);
            questions.extend(parsed.questions);
            ids.extend(parsed.ids);
            problems.extend(parsed.problems);
        }
        problems.extend(load::duplicate_ids(&ids));
        if !problems.is_empty() {
            problems.sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
            return Err(Problems(problems).into());
        }
        let by_id = questions.iter().enumerate().map(|(i, q)| (q.id.clone(), i)).collect();
        Ok(Bank { questions, by_id })
    }

    pub fn get(&self, id: &str) -> Option<&Question> {
        self.by_id.get(id).map(|&i| &self.questions[i])
    }

    pub fn questions(&self) -> &[Question] {
        &self.questions
    }

    /// Questions matching every condition of `filter`, in bank order.
    pub fn filter(&self, filter: &Filter) -> Vec<&Question> {
        self.questions.iter().filter(|q| filter.matches(q)).collect()
    }

    /// A random question matching `filter`, chosen among those practised least
    /// (`practice_counts`: question id → takes, from the store).
    pub fn random(
        &self,
        filter: &Filter,
        practice_counts: &HashMap<String, usize>,
    ) -> Option<&Question> {
        select::least_practised(&self.filter(filter), practice_counts, select::random_seed())
    }
}

/// The `*.toml` files in a directory, sorted by name; a file path is returned as is.
pub fn toml_files_in(path: &Path) -> Result<Vec<PathBuf>> {
    if path.is_file() {
        return Ok(vec![path.to_path_buf()]);
    }
    let entries = std::fs::read_dir(path)
        .with_context(|| format!("cannot read question directory {}", path.display()))?;
    let mut files = Vec::new();
    for entry in entries {
        let p = entry
            .with_context(|| format!("cannot read question directory {}", path.display()))?
            .path();
        if p.extension().is_some_and(|e| e == "toml") && p.is_file() {
            files.push(p);
        }
    }
    files.sort();
    Ok(files)
}
