//! "Practise next": the most neglected or weakest principle or round type.

use serde::Serialize;

use super::principles::PrincipleProgress;
use super::Take;
use crate::round::Kind;

/// The principles that appear in 82% of interviews: gaps among these come first.
const PRIORITY: [&str; 5] =
    ["Ownership", "Customer Obsession", "Dive Deep", "Deliver Results", "Think Big"];

/// How often each round type comes up in a loop (product sense 45%, behavioral 30%,
/// analytical 15%, system design 10%).
const LOOP_SHARE: [(Kind, f64); 4] = [
    (Kind::Product, 0.45),
    (Kind::Behavioral, 0.30),
    (Kind::Analytical, 0.15),
    (Kind::SystemDesign, 0.10),
];

/// The score a bar raiser looks for.
const BAR: f64 = 3.5;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", content = "name", rename_all = "kebab-case")]
pub enum Focus {
    Principle(String),
    Round(Kind),
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suggestion {
    pub focus: Focus,
    pub reason: String,
}

/// Suggestions, most urgent first: an untouched priority principle, then the round type
/// furthest below its share of a real loop, then any untouched principle, then the
/// weakest principle below the bar.
pub fn practise_next(rows: &[PrincipleProgress], takes: &[Take]) -> Vec<Suggestion> {
    let mut out = Vec::new();
    let untouched = |r: &&PrincipleProgress| r.takes == 0;
    let principle = |r: &PrincipleProgress, reason: String| Suggestion {
        focus: Focus::Principle(r.name.to_string()),
        reason,
    };
    let never = |r: &PrincipleProgress| {
        let story = if r.stories == 0 { "no story yet and " } else { "" };
        format!("{story}never practised")
    };
    if let Some(r) = rows.iter().filter(untouched).find(|r| PRIORITY.contains(&r.name)) {
        out.push(principle(r, format!("{}; it comes up in 82% of interviews", never(r))));
    }
    if let Some(s) = neglected_round(takes) {
        out.push(s);
    }
    if let Some(r) = rows.iter().filter(untouched).find(|r| !PRIORITY.contains(&r.name)) {
        out.push(principle(r, never(r)));
    }
    let weakest = rows
        .iter()
        .filter_map(|r| Some((r, r.best_score?)))
        .filter(|(_, s)| *s < BAR)
        .min_by(|a, b| a.1.total_cmp(&b.1));
    if let Some((r, best)) = weakest {
        out.push(principle(r, format!("best score {best:.1}, below the {BAR} bar")));
    }
    out
}

/// The round type whose share of the user's takes falls furthest below its share of a
/// real loop (by at least ten points).
fn neglected_round(takes: &[Take]) -> Option<Suggestion> {
    let spoken: Vec<&Take> = takes.iter().filter(|t| t.kind != Kind::Writing).collect();
    let total = spoken.len().max(1) as f64;
    LOOP_SHARE
        .iter()
        .map(|&(kind, share)| {
            let mine = spoken.iter().filter(|t| t.kind == kind).count() as f64 / total;
            (kind, share, mine)
        })
        .filter(|(_, share, mine)| share - mine >= 0.10)
        .max_by(|a, b| (a.1 - a.2).total_cmp(&(b.1 - b.2)))
        .map(|(kind, share, mine)| Suggestion {
            focus: Focus::Round(kind),
            reason: format!(
                "{:.0}% of your answers, {:.0}% of a real loop",
                mine * 100.0,
                share * 100.0
            ),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::fixtures::take;
    use crate::progress::principles::principle_progress;

    #[test]
    fn untouched_priority_principle_then_neglected_round_then_weakest() {
        let takes =
            vec![take(1, 1, 120.0, 2.0, &["Ownership"]), take(2, 2, 120.0, 3.0, &["Frugality"])];
        let rows = principle_progress(&takes, &[]);
        let next = practise_next(&rows, &takes);
        assert_eq!(next[0].focus, Focus::Principle("Customer Obsession".into()));
        assert_eq!(
            next[0].reason,
            "no story yet and never practised; it comes up in 82% of interviews"
        );
        assert_eq!(next[1].focus, Focus::Round(Kind::Product));
        assert_eq!(next[1].reason, "0% of your answers, 45% of a real loop");
        assert_eq!(next[2].focus, Focus::Principle("Invent and Simplify".into()));
        assert_eq!(next[3].focus, Focus::Principle("Ownership".into()));
        assert_eq!(next[3].reason, "best score 2.0, below the 3.5 bar");
    }

    #[test]
    fn balanced_strong_history_needs_nothing() {
        let mut takes = Vec::new();
        for (i, name) in crate::principles::PRINCIPLES.iter().enumerate() {
            takes.push(take(i as i64, 1, 120.0, 3.8, &[name]));
        }
        // 16 behavioral, 16 product, 5 analytical, 3 system design: close to a real loop.
        let rounds = [(Kind::Product, 16), (Kind::Analytical, 5), (Kind::SystemDesign, 3)];
        for (kind, n) in rounds {
            for _ in 0..n {
                let mut t = take(100 + takes.len() as i64, 2, 300.0, 3.8, &[]);
                t.kind = kind;
                takes.push(t);
            }
        }
        let rows = principle_progress(&takes, &[]);
        assert_eq!(practise_next(&rows, &takes), vec![]);
    }
}
