//! The interviewer's follow-ups, chosen from what the answer left out: no measurable
//! result, "we" outweighing "I", no principle named, a product answer with no
//! trade-offs or no clarification, an estimate with no sanity check. When the answer
//! leaves no gap, the question's own follow-ups from the bank.

use serde::{Deserialize, Serialize};

use super::plan::PlannedQuestion;
use crate::analysis::Report;
use crate::round::Kind;

/// Each follow-up is answered as its own take of at most 90 seconds.
pub const FOLLOWUP_LIMIT_S: f64 = 90.0;
/// The interviewer asks at most two follow-ups per answer.
pub const MAX_FOLLOWUPS: usize = 2;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FollowUp {
    pub text: String,
    /// What it probes: no_result, we_over_i, no_principle, no_tradeoffs,
    /// no_clarification, no_sanity_check, or question (the bank's own follow-up).
    pub reason: String,
}

/// Words that show an estimate was checked against something known.
const SANITY_CUES: [&str; 7] =
    ["sanity", "cross-check", "cross check", "check against", "compare", "ballpark", "gut check"];

/// Up to `max` (at most two) follow-ups to `parent`, most telling gap first. `None`
/// for an answer with no transcript (nothing was heard): the question's own follow-ups.
pub fn choose(parent: Option<(&Report, &str)>, q: &PlannedQuestion, max: usize) -> Vec<FollowUp> {
    let max = max.min(MAX_FOLLOWUPS);
    let mut out: Vec<FollowUp> = Vec::new();
    let mut ask = |text: String, reason: &str| {
        if !out.iter().any(|f| f.text == text) {
            out.push(FollowUp { text, reason: reason.into() });
        }
    };
    if let Some((r, text)) = parent {
        let story = r.kind == Kind::Behavioral;
        if story && (r.metrics.len() < 2 || !r.star.result) {
            ask(
                "What was the measurable result? Give me the numbers, before and after.".into(),
                "no_result",
            );
        } else if !story && r.metrics.is_empty() {
            ask(
                "What number would tell you this worked, and what target would you commit to?"
                    .into(),
                "no_result",
            );
        }
        if story && r.ownership.we_actions > r.ownership.i_actions {
            ask(
                format!(
                    "You said \"we\" did {} things and \"I\" did {}. What did you personally do?",
                    r.ownership.we_actions, r.ownership.i_actions
                ),
                "we_over_i",
            );
        }
        if story && !r.principles.iter().any(|p| p.explicit) {
            ask(
                "Which Leadership Principle does that story show, and where exactly?".into(),
                "no_principle",
            );
        }
        if r.kind == Kind::Product {
            let covered = |needle: &str| {
                r.framework.iter().any(|i| i.covered && i.item.to_lowercase().contains(needle))
            };
            if !covered("trade-off") {
                ask(
                    "What trade-offs did you weigh, and what would you give up first?".into(),
                    "no_tradeoffs",
                );
            }
            if !covered("clarify") || r.flags.iter().any(|f| f.code == "ideas_before_clarifying") {
                ask(
                    "Before any solution: who is the customer, and what problem are we solving?"
                        .into(),
                    "no_clarification",
                );
            }
        }
        let lower = text.to_lowercase();
        if q.sub_kind.as_deref() == Some("estimation")
            && !SANITY_CUES.iter().any(|c| lower.contains(c))
        {
            ask(
                "How would you sanity-check that number against something you know?".into(),
                "no_sanity_check",
            );
        }
    }
    for f in &q.followups {
        ask(f.clone(), "question");
    }
    ask("What would you do differently next time?".into(), "question");
    out.truncate(max);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{analyze, Context, Lexicon};
    use crate::bank::Bank;
    use crate::transcript::Transcript;

    fn asked(id: &str, answer: &str, max: usize) -> Vec<FollowUp> {
        let bank = Bank::from_files(&[]).unwrap();
        let q = bank.get(id).unwrap();
        let r =
            analyze(&Transcript::from_text(answer), &Context::for_question(q), &Lexicon::builtin());
        choose(Some((&r, answer)), &PlannedQuestion::from(q), max)
    }

    fn reasons(f: &[FollowUp]) -> Vec<&str> {
        f.iter().map(|f| f.reason.as_str()).collect()
    }

    #[test]
    fn gaps_come_first_most_telling_first() {
        let vague = "We had a problem with checkout. We looked into it and we fixed it and the team was happy.";
        let f = asked("beh-dive-deep-data", vague, 2);
        assert_eq!(reasons(&f), ["no_result", "we_over_i"]);
        assert!(f[1].text.contains("personally"), "{f:?}");
        let one = asked("beh-dive-deep-data", vague, 1);
        assert_eq!(reasons(&one), ["no_result"]);
    }

    #[test]
    fn a_complete_story_gets_the_questions_own_follow_up() {
        let strong = "Checkout conversion fell 12% in two weeks. I owned the investigation. I read 300 \
            session logs and I found the Android payment page timed out. I rewrote the retry logic and \
            conversion recovered to 48% within three weeks. This demonstrates Dive Deep.";
        let f = asked("beh-dive-deep-data", strong, 2);
        assert_eq!(reasons(&f), ["question", "question"]);
        assert_eq!(f[0].text, "What did the data show that surprised you?");
    }

    #[test]
    fn product_answers_are_probed_for_trade_offs_and_clarification() {
        let f = asked(
            "prod-design-amazon-pets",
            "I would build a pet food subscription with reminders.",
            2,
        );
        assert_eq!(reasons(&f), ["no_result", "no_tradeoffs"]);
        let f = asked(
            "prod-design-amazon-pets",
            "I would build a pet food subscription. It lifts orders by 10%.",
            2,
        );
        assert_eq!(reasons(&f), ["no_tradeoffs", "no_clarification"]);
    }

    #[test]
    fn nothing_heard_falls_back_to_the_bank() {
        let bank = Bank::from_files(&[]).unwrap();
        let q = PlannedQuestion::from(bank.get("beh-failure").unwrap());
        let f = choose(None, &q, 2);
        assert_eq!(f[0].text, q.followups[0]);
        assert!(choose(None, &q, 0).is_empty());
    }
}
