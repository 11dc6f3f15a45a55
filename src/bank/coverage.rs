//! The story bank against the 16 Leadership Principles: which have no story, which
//! are leaned on by too many, which stories cite too few numbers.

use serde::Serialize;

use super::story::Story;
use crate::principles::PRINCIPLES;

/// More stories than this on one principle means the bank leans on it.
pub const LEANED_ON_ABOVE: usize = 3;
/// Candidates who cite at least two metrics per story pass 3.2x as often.
pub const MIN_METRICS: usize = 2;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoryRef {
    pub id: Option<i64>,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PrincipleCoverage {
    pub principle: &'static str,
    pub stories: Vec<StoryRef>,
    pub leaned_on: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ThinStory {
    pub id: Option<i64>,
    pub title: String,
    pub metrics: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Coverage {
    pub stories: usize,
    /// Principles with at least one story.
    pub covered: usize,
    /// All 16 principles: gaps first, then by how few stories show them.
    pub principles: Vec<PrincipleCoverage>,
    /// Stories citing fewer than [`MIN_METRICS`] metrics.
    pub thin_stories: Vec<ThinStory>,
}

pub fn coverage(stories: &[Story]) -> Coverage {
    let mut principles: Vec<PrincipleCoverage> = PRINCIPLES
        .iter()
        .map(|&p| {
            let refs: Vec<StoryRef> = stories
                .iter()
                .filter(|s| s.principles.iter().any(|n| n == p))
                .map(|s| StoryRef { id: s.id, title: s.title.clone() })
                .collect();
            PrincipleCoverage {
                principle: p,
                leaned_on: refs.len() > LEANED_ON_ABOVE,
                stories: refs,
            }
        })
        .collect();
    // Stable sort keeps the canonical order among equal counts.
    principles.sort_by_key(|p| p.stories.len());
    let thin_stories = stories
        .iter()
        .filter(|s| s.metrics.len() < MIN_METRICS)
        .map(|s| ThinStory { id: s.id, title: s.title.clone(), metrics: s.metrics.len() })
        .collect();
    Coverage {
        stories: stories.len(),
        covered: principles.iter().filter(|p| !p.stories.is_empty()).count(),
        principles,
        thin_stories,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(id: i64, principles: &[&str], metrics: usize) -> Story {
        Story {
            id: Some(id),
            title: format!("s{id}"),
            principles: principles.iter().map(|p| p.to_string()).collect(),
            metrics: (0..metrics).map(|i| format!("{i}%")).collect(),
            ..Story::default()
        }
    }

    #[test]
    fn gaps_first_leaning_and_thin_stories() {
        let stories: Vec<Story> = (1..=4)
            .map(|i| story(i, &["Ownership"], 2))
            .chain([story(5, &["Dive Deep", "Ownership"], 1)])
            .collect();
        let c = coverage(&stories);
        assert_eq!(c.covered, 2);
        assert_eq!(c.principles.len(), 16);
        assert!(c.principles[..14].iter().all(|p| p.stories.is_empty()));
        assert_eq!(c.principles[0].principle, "Customer Obsession");
        assert_eq!(c.principles[14].principle, "Dive Deep");
        let own = &c.principles[15];
        assert_eq!((own.principle, own.stories.len(), own.leaned_on), ("Ownership", 5, true));
        assert!(!c.principles[14].leaned_on);
        assert_eq!(c.thin_stories, vec![ThinStory { id: Some(5), title: "s5".into(), metrics: 1 }]);
    }
}
