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
    // An estimate sets no targets: its own questions come from `standing`.
    let estimate = r.sub_kind.as_deref() == Some(super::frameworks::ESTIMATION);
    // A diagnosis is judged on finding the cause, not on the targets it sets.
    let diagnosis = r.sub_kind.as_deref() == Some(super::frameworks::DIAGNOSIS);
    if !estimate && r.metrics.iter().filter(|m| m.role == super::roles::RESULT).count() < 2 {
        out.push(
            if story {
                "How did you measure that? What were the numbers before and after?"
            } else if diagnosis {
                "How would you confirm the cause with data before acting on it?"
            } else {
                "How would you measure success, and what target would you set?"
            }
            .into(),
        );
    }
    if story && !r.star.result {
        out.push("What was the outcome, and how do you know it was your doing?".into());
    }
    if story && !r.principles.iter().any(|p| p.explicit) {
        out.push("Which Leadership Principle does this story show?".into());
    }
    if !r.vague.is_empty() && out.len() < MAX {
        let ask = if story { "what exactly did you do" } else { "what exactly do you mean" };
        out.push(format!("When you say \"{}\", {ask}?", r.vague[0].text));
    }
    if let Some(gap) = r.framework.iter().find(|i| !i.covered) {
        out.push(format!("You did not cover \"{}\": how would you handle it?", gap.item));
    }
    for q in question_followups {
        if out.len() >= MAX {
            break;
        }
        if !out.contains(q) {
            out.push(q.clone());
        }
    }
    for q in standing(r.kind, estimate) {
        if out.len() >= MIN {
            break;
        }
        out.push(q.into());
    }
    out.truncate(MAX);
    out
}

/// Questions worth asking of any answer in the round, used when few gaps show.
fn standing(kind: Kind, estimate: bool) -> [&'static str; 2] {
    if estimate {
        return [
            "Which assumption moves your answer most, and how would you check it?",
            "What figure you know would tell you the answer is in the right range?",
        ];
    }
    match kind {
        Kind::Behavioral | Kind::Writing => {
            ["What would you do differently next time?", "What was the hardest trade-off you made?"]
        }
        Kind::Product => [
            "How would you know a month after launch whether this worked?",
            "Which part would you cut first to ship sooner, and why?",
        ],
        Kind::Analytical => [
            "Which metric would catch a bad side effect of this change?",
            "The metric moves 5% overnight: how do you find out why?",
        ],
        Kind::SystemDesign => [
            "What breaks first at ten times the load?",
            "Which trade-off would you revisit for a lower-cost version?",
        ],
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::{analyze, Context, Lexicon};
    use crate::round::Kind;
    use crate::transcript::Transcript;

    fn ask(text: &str, kind: Kind, bank: &[&str]) -> Vec<String> {
        let mut ctx = Context::for_kind(kind);
        ctx.question_followups = bank.iter().map(|q| q.to_string()).collect();
        analyze(&Transcript::from_text(text), &ctx, &Lexicon::builtin()).followups
    }

    #[test]
    fn gaps_first_then_the_question_s_own() {
        let q = ask(
            "I would build a feature for pet owners.",
            Kind::Product,
            &["How would you price it?"],
        );
        assert_eq!(q[0], "How would you measure success, and what target would you set?");
        assert!(q[1].contains("Clarify context"), "{q:?}");
        assert_eq!(q[2], "How would you price it?");
        // a diagnosis is asked how it would confirm its cause
        let ctx =
            Context { sub_kind: Some("diagnosis".into()), ..Context::for_kind(Kind::Analytical) };
        let text = Transcript::from_text("Conversion dropped 5%, so I'd roll back the checkout.");
        let q = analyze(&text, &ctx, &Lexicon::builtin()).followups;
        assert_eq!(q[0], "How would you confirm the cause with data before acting on it?");
    }

    #[test]
    fn a_complete_story_gets_the_standing_questions() {
        let q = ask(
            "I owned the launch. I cut latency by 40% and saved $2M. This demonstrates Ownership.",
            Kind::Behavioral,
            &[],
        );
        assert_eq!(
            q,
            [
                "What would you do differently next time?",
                "What was the hardest trade-off you made?"
            ]
        );
    }
}
