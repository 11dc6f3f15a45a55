//! The two to four questions a bar raiser would ask next, from what the answer lacks.

use super::report::Report;
use crate::round::Kind;

const MAX: usize = 4;
const MIN: usize = 2;

/// Gaps first (most telling first), then the question's own follow-ups, then the
/// standing reflective question.
pub fn suggest(r: &Report, question_followups: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let story = matches!(r.kind, Kind::Behavioral | Kind::Writing);
    if story && r.ownership.we_actions > r.ownership.i_actions {
        out.push("What did you personally do, as opposed to the team?".into());
    }
    if r.metrics.len() < 2 {
        out.push("How did you measure that? What were the numbers before and after?".into());
    }
    if story && !r.star.result {
        out.push("What was the outcome, and how do you know it was your doing?".into());
    }
    if story && !r.principles.iter().any(|p| p.explicit) {
        out.push("Which Leadership Principle does this story show?".into());
    }
    if !r.vague.is_empty() && out.len() < MAX {
        out.push(format!("When you say \"{}\", what exactly did you do?", r.vague[0].text));
    }
    if r.kind == Kind::Product && r.framework.iter().any(|i| !i.covered && i.item.contains("trade-offs")) {
        out.push("What would you give up with that solution, and why is it worth it?".into());
    }
    for q in question_followups {
        if out.len() >= MAX {
            break;
        }
        if !out.contains(q) {
            out.push(q.clone());
        }
    }
    for q in ["What would you do differently next time?", "What was the hardest trade-off you made?"] {
        if out.len() >= MIN {
            break;
        }
        out.push(q.into());
    }
    out.truncate(MAX);
    out
}
