//! What practice history says: per-principle progress, the preparation checklist,
//! trends, what to practise next, how two takes differ, and timing drills.
//!
//! Everything here is pure: it works on [`Take`]s (a stored attempt reduced to what
//! these computations need) and the story bank, so it is tested with plain values.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::round::Kind;

pub mod checklist;
pub mod compare;
pub mod drill;
pub mod load;
pub mod next;
pub mod principles;
pub mod sparkline;
pub mod trends;

/// One practised answer, as the progress computations see it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Take {
    pub id: i64,
    /// The sitting (store session) it was given in: a mock interview is one of several answers.
    pub session_id: i64,
    pub question_id: Option<String>,
    pub story_id: Option<i64>,
    pub kind: Kind,
    /// The question's sub-kind from the bank ("design", "metrics", "ab-test"...), if known.
    pub sub_kind: Option<String>,
    pub started_at: DateTime<Utc>,
    /// Speaking time; `None` for typed answers.
    pub duration_s: Option<f64>,
    pub target_s: Option<f64>,
    pub limit_s: Option<f64>,
    /// Overall score, 1.0 ..= 4.0.
    pub score: Option<f64>,
    pub wpm: Option<f64>,
    pub fillers_per_min: Option<f64>,
    /// The quantified results the answer cited (their text), in order.
    pub metrics: Vec<Metric>,
    /// Canonical names of the principles the answer named or showed.
    pub principles: Vec<String>,
}

/// A quantified result as a take cited it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Metric {
    pub text: String,
    /// percent, money, multiplier, duration, count, score or change.
    pub kind: String,
}

/// A story of the bank, as progress sees it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoryRef {
    pub id: i64,
    pub title: String,
    pub principles: Vec<String>,
}

impl Take {
    /// Principles this take counts towards: the ones it showed, and the ones its story is for.
    fn counts_for(&self, principle: &str, stories: &[StoryRef]) -> bool {
        self.principles.iter().any(|p| p == principle)
            || self
                .story_id
                .and_then(|id| stories.iter().find(|s| s.id == id))
                .is_some_and(|s| s.principles.iter().any(|p| p == principle))
    }
}

#[cfg(test)]
pub(crate) mod fixtures {
    use super::*;
    use chrono::TimeZone;

    /// A behavioral take on `day` of November 2026 with a duration, score and principles.
    pub fn take(id: i64, day: u32, duration_s: f64, score: f64, principles: &[&str]) -> Take {
        Take {
            id,
            session_id: id,
            question_id: Some(format!("beh-{id}")),
            story_id: None,
            kind: Kind::Behavioral,
            sub_kind: None,
            started_at: Utc.with_ymd_and_hms(2026, 11, day, 9, 0, 0).unwrap(),
            duration_s: Some(duration_s),
            target_s: Some(130.0),
            limit_s: Some(180.0),
            score: Some(score),
            wpm: Some(140.0),
            fillers_per_min: Some(2.0),
            metrics: vec![],
            principles: principles.iter().map(|p| p.to_string()).collect(),
        }
    }

    pub fn metric(text: &str, kind: &str) -> Metric {
        Metric { text: text.into(), kind: kind.into() }
    }
}
