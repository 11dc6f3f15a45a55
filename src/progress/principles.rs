//! Progress across the 16 Leadership Principles: stories, takes, best score, last
//! practised, with the gaps first.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{StoryRef, Take};
use crate::principles::PRINCIPLES;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PrincipleProgress {
    pub name: &'static str,
    /// Stories in the bank that show this principle.
    pub stories: usize,
    /// Takes that showed the principle or were told with one of its stories.
    pub takes: usize,
    pub best_score: Option<f64>,
    pub last_practised: Option<DateTime<Utc>>,
}

impl PrincipleProgress {
    /// No story and no take: nothing prepared at all.
    pub fn is_gap(&self) -> bool {
        self.stories == 0 || self.takes == 0
    }
}

/// One row per principle, gaps first (no story or never practised), then the least
/// practised, then the weakest best score; ties keep the canonical order.
pub fn principle_progress(takes: &[Take], stories: &[StoryRef]) -> Vec<PrincipleProgress> {
    let mut rows: Vec<PrincipleProgress> = PRINCIPLES
        .iter()
        .map(|&name| {
            let mine: Vec<&Take> = takes.iter().filter(|t| t.counts_for(name, stories)).collect();
            PrincipleProgress {
                name,
                stories: stories.iter().filter(|s| s.principles.iter().any(|p| p == name)).count(),
                takes: mine.len(),
                best_score: mine.iter().filter_map(|t| t.score).reduce(f64::max),
                last_practised: mine.iter().map(|t| t.started_at).max(),
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        let gaps = (a.stories > 0, a.takes > 0).cmp(&(b.stories > 0, b.takes > 0));
        gaps.then(a.takes.cmp(&b.takes))
            .then(a.best_score.unwrap_or(0.0).total_cmp(&b.best_score.unwrap_or(0.0)))
    });
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::fixtures::take;

    #[test]
    fn counts_stories_takes_best_and_last_and_puts_gaps_first() {
        let stories = vec![
            StoryRef { id: 1, title: "Checkout".into(), principles: vec!["Ownership".into()] },
            StoryRef { id: 2, title: "Outage".into(), principles: vec!["Dive Deep".into()] },
        ];
        let mut told = take(3, 5, 120.0, 3.0, &[]);
        told.story_id = Some(2);
        let takes = vec![
            take(1, 1, 120.0, 2.5, &["Ownership"]),
            take(2, 3, 125.0, 3.5, &["Ownership", "Customer Obsession"]),
            told,
        ];
        let rows = principle_progress(&takes, &stories);
        assert_eq!(rows.len(), 16);
        let own = rows.iter().find(|r| r.name == "Ownership").unwrap();
        assert_eq!((own.stories, own.takes, own.best_score), (1, 2, Some(3.5)));
        assert_eq!(own.last_practised, Some(takes[1].started_at));
        let dive = rows.iter().find(|r| r.name == "Dive Deep").unwrap();
        assert_eq!(
            (dive.stories, dive.takes),
            (1, 1),
            "a take told with a story counts for its principle"
        );
        let co = rows.iter().find(|r| r.name == "Customer Obsession").unwrap();
        assert!(co.is_gap(), "practised but no story yet");

        // Untouched principles first, then practised without a story, then the rest.
        assert_eq!(rows[0].name, "Invent and Simplify");
        assert!(rows[..13].iter().all(|r| r.stories == 0 && r.takes == 0));
        assert_eq!(rows[13].name, "Customer Obsession");
        assert_eq!(rows[14].name, "Dive Deep", "fewer takes before more");
        assert_eq!(rows[15].name, "Ownership");
    }
}
