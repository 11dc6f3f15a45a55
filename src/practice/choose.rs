//! Which question to practise: by id, round type, principle, story, or at random.

use std::collections::HashMap;

use anyhow::{anyhow, bail, Result};

use crate::bank::{Bank, Filter, Question, Story};
use crate::principles;
use crate::round::Kind;

/// The user's choice from the command line; all empty means "any behavioral question".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Choice {
    pub question: Option<String>,
    pub kind: Option<Kind>,
    pub principle: Option<String>,
    /// A story id or (part of) its title: practise a question probing its principles.
    pub story: Option<String>,
}

impl Choice {
    pub fn is_empty(&self) -> bool {
        self.question.is_none()
            && self.kind.is_none()
            && self.principle.is_none()
            && self.story.is_none()
    }

    /// The bank filter for kind and principle (the story is applied separately).
    pub fn filter(&self) -> Result<Filter> {
        let principle = match &self.principle {
            Some(p) => Some(
                principles::canonical(p)
                    .ok_or_else(|| anyhow!("unknown Leadership Principle '{p}'"))?
                    .to_string(),
            ),
            None => None,
        };
        Ok(Filter { kind: self.kind, principle, text: None })
    }
}

/// Picks the question: the one asked for by id, or the least-practised match.
pub fn choose<'a>(
    bank: &'a Bank,
    choice: &Choice,
    stories: &[Story],
    counts: &HashMap<String, usize>,
) -> Result<&'a Question> {
    if let Some(id) = &choice.question {
        return bank.get(id).ok_or_else(|| {
            anyhow!("unknown question '{id}' (`barraiser questions list` shows the ids)")
        });
    }
    let mut filter = choice.filter()?;
    if choice.is_empty() {
        filter.kind = Some(Kind::Behavioral);
    }
    let mut candidates = bank.filter(&filter);
    if let Some(wanted) = &choice.story {
        let story = find_story(stories, wanted)?;
        candidates.retain(|q| q.principles.iter().any(|p| story.principles.contains(p)));
        if candidates.is_empty() {
            bail!("no question matches the principles of story '{}'", story.title);
        }
    }
    crate::bank::select::least_practised(&candidates, counts, crate::bank::select::random_seed())
        .ok_or_else(|| anyhow!("no question matches the filters given"))
}

/// A story by id, or by a case-insensitive part of its title.
pub fn find_story<'a>(stories: &'a [Story], wanted: &str) -> Result<&'a Story> {
    let by_id = wanted.parse::<i64>().ok().and_then(|id| stories.iter().find(|s| s.id == Some(id)));
    let lower = wanted.to_lowercase();
    by_id
        .or_else(|| stories.iter().find(|s| s.title.to_lowercase().contains(&lower)))
        .ok_or_else(|| anyhow!("no story '{wanted}' (`barraiser story list` shows them)"))
}
