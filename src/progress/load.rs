//! Stored attempts turned into [`Take`]s: figures from the attempt's columns, metric
//! texts from its report, the question's sub-kind from the bank, and the sitting
//! (store session) it belongs to.

use super::{Metric, StoryRef, Take};
use crate::bank::{Bank, Story};
use crate::store::{Attempt, Status};

/// The takes of `attempts` (any order), oldest first; cancelled takes are left out.
pub fn takes(attempts: &[Attempt], bank: Option<&Bank>) -> Vec<Take> {
    let mut out: Vec<Take> =
        attempts.iter().filter(|a| a.status != Status::Cancelled).map(|a| take(a, bank)).collect();
    out.sort_by_key(|t| (t.started_at, t.id));
    out
}

/// One attempt as a take; the bank (when it loads) gives the question's sub-kind.
pub fn take(a: &Attempt, bank: Option<&Bank>) -> Take {
    let report = a.report.as_ref();
    let metrics = report
        .and_then(|r| r["metrics"].as_array())
        .map(|list| {
            // Results only: a shorter take that drops "two engineers" lost no evidence.
            // Reports stored before metrics had roles count every metric as a result.
            list.iter()
                .filter(|m| m["role"].as_str().is_none_or(|r| r == crate::analysis::roles::RESULT))
                .map(|m| Metric {
                    text: m["text"].as_str().unwrap_or_default().to_string(),
                    kind: m["kind"].as_str().unwrap_or_default().to_string(),
                })
                .collect()
        })
        .unwrap_or_default();
    let question = a.question_id.as_deref().and_then(|id| bank?.get(id));
    Take {
        id: a.id,
        // A take saved on its own is a sitting of its own.
        session_id: a.session_id.unwrap_or(-a.id),
        question_id: a.question_id.clone(),
        story_id: a.story_id,
        kind: a.kind,
        sub_kind: question.and_then(|q| q.sub_kind.clone()),
        started_at: a.started_at,
        duration_s: a.duration_s,
        target_s: a.target_s,
        limit_s: a.limit_s,
        score: a.score,
        wpm: a.wpm,
        fillers_per_min: a.fillers_per_min,
        metrics,
        principles: a.principles.clone(),
    }
}

pub fn story_refs(stories: &[Story]) -> Vec<StoryRef> {
    stories
        .iter()
        .filter_map(|s| {
            Some(StoryRef { id: s.id?, title: s.title.clone(), principles: s.principles.clone() })
        })
        .collect()
}
