//! The preparation checklist of the domain guide, counted from real history.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::{StoryRef, Take};
use crate::principles::PRINCIPLES;
use crate::round::Kind;

/// Different questions in one sitting before it counts as a mock interview: a real
/// round asks several back to back (a drill of one question does not count).
pub const MOCK_MIN_QUESTIONS: usize = 3;
/// Candidates who pass logged 60+ hours of mock interviews.
pub const HOURS_TARGET: f64 = 60.0;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChecklistItem {
    pub item: &'static str,
    pub done: f64,
    pub target: f64,
    /// How the count is made, for the reader.
    pub counted_as: &'static str,
}

impl ChecklistItem {
    pub fn complete(&self) -> bool {
        self.done >= self.target
    }

    /// 0.0 ..= 1.0
    pub fn fraction(&self) -> f64 {
        (self.done / self.target).clamp(0.0, 1.0)
    }
}

/// A mock onsite loop, as the checklist counts it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LoopRef {
    /// The sitting its takes belong to.
    pub session_id: i64,
    pub finished: bool,
}

/// `loops`: a finished loop is a mock interview; its takes are not counted again as
/// a sitting, and an unfinished one is not one yet.
pub fn checklist(takes: &[Take], stories: &[StoryRef], loops: &[LoopRef]) -> Vec<ChecklistItem> {
    let covered: BTreeSet<&str> = stories
        .iter()
        .flat_map(|s| s.principles.iter())
        .filter_map(|p| PRINCIPLES.iter().copied().find(|c| c == p))
        .collect();
    let distinct = |keep: &dyn Fn(&Take) -> bool| {
        takes
            .iter()
            .filter(|t| keep(t))
            .filter_map(|t| t.question_id.as_deref())
            .collect::<BTreeSet<_>>()
            .len() as f64
    };
    let mut per_session: BTreeMap<i64, BTreeSet<&str>> = BTreeMap::new();
    for t in takes {
        per_session.entry(t.session_id).or_default().extend(t.question_id.as_deref());
    }
    let sittings = per_session
        .iter()
        .filter(|(id, _)| !loops.iter().any(|l| l.session_id == **id))
        .filter(|(_, q)| q.len() >= MOCK_MIN_QUESTIONS)
        .count();
    let mocks = (sittings + loops.iter().filter(|l| l.finished).count()) as f64;
    let hours = takes.iter().filter_map(|t| t.duration_s).fold(0.0, |a, b| a + b) / 3600.0;
    vec![
        ChecklistItem {
            item: "story per principle",
            done: covered.len() as f64,
            target: 16.0,
            counted_as: "principles with at least one story in the bank",
        },
        ChecklistItem {
            item: "product design questions",
            done: distinct(&|t| {
                t.kind == Kind::Product && t.sub_kind.as_deref().is_none_or(|s| s == "design")
            }),
            target: 20.0,
            counted_as: "distinct product design questions answered",
        },
        ChecklistItem {
            item: "analytical problems",
            done: distinct(&|t| t.kind == Kind::Analytical),
            target: 15.0,
            counted_as: "distinct analytical questions answered",
        },
        ChecklistItem {
            item: "mock interviews",
            done: mocks,
            target: 10.0,
            counted_as: "finished mock onsite loops, and other sittings that took 3 or more different questions",
        },
        ChecklistItem {
            item: "questions practised",
            done: distinct(&|_| true),
            target: 80.0,
            counted_as: "distinct questions answered",
        },
        ChecklistItem {
            item: "hours spoken",
            done: hours,
            target: HOURS_TARGET,
            counted_as: "speaking time of all answers, in hours",
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::fixtures::take;

    #[test]
    fn counts_each_item_from_history() {
        let stories = vec![
            StoryRef {
                id: 1,
                title: "a".into(),
                principles: vec!["Ownership".into(), "Dive Deep".into()],
            },
            StoryRef {
                id: 2,
                title: "b".into(),
                principles: vec!["Ownership".into(), "Not a principle".into()],
            },
        ];
        let mut takes = vec![take(1, 1, 1800.0, 3.0, &[]), take(2, 1, 1800.0, 3.0, &[])];
        takes[1].question_id = takes[0].question_id.clone(); // the same question twice
        for (i, (kind, sub)) in [
            (Kind::Product, Some("design")),
            (Kind::Product, Some("metrics")),
            (Kind::Analytical, None),
        ]
        .into_iter()
        .enumerate()
        {
            let mut t = take(10 + i as i64, 2, 300.0, 3.0, &[]);
            (t.kind, t.sub_kind, t.session_id) = (kind, sub.map(String::from), 99);
            takes.push(t);
        }
        let list = checklist(&takes, &stories, &[]);
        let done: Vec<f64> = list.iter().map(|i| i.done).collect();
        assert_eq!(done[..5], [2.0, 1.0, 1.0, 1.0, 4.0]);
        assert!((done[5] - 1.25).abs() < 1e-9, "3600 s + 900 s of speech is 1.25 h");
        assert!(list.iter().all(|i| !i.complete()));
        assert_eq!(list[0].fraction(), 2.0 / 16.0);

        // Session 99 is a loop: counted once it is finished, not as a sitting.
        let unfinished = [LoopRef { session_id: 99, finished: false }];
        assert_eq!(checklist(&takes, &stories, &unfinished)[3].done, 0.0);
        let finished =
            [LoopRef { session_id: 99, finished: true }, LoopRef { session_id: 5, finished: true }];
        assert_eq!(checklist(&takes, &stories, &finished)[3].done, 2.0);
    }
}
