//! Checklists for product, analytical and system-design answers (data/frameworks.toml):
//! which steps of the round's framework the answer covers, and where.

use super::arithmetic;
use super::lexicon::{Lexicon, Needs};
use super::report::{ChecklistItem, Flag, Metric};
use super::tokens::{span_text, PhraseSet, Token};
use super::Context;
use crate::round::Kind;

/// A checklist item that needs a target has one within this many words of its cue.
const METRIC_NEAR: usize = 25;

/// The analytical question types (the bank's `sub_kind`).
pub const ESTIMATION: &str = "estimation";
const AB_TESTING: &str = "ab-testing";
const METRIC_DEFINITION: &str = "metric-definition";
/// Words that say an answer is estimating.
const ESTIMATE: &[&str] = &[
    "estimate",
    "estimating",
    "how many",
    "sizing",
    "size this",
    "size the market",
    "market size",
    "top-down",
    "top down",
    "bottom-up",
    "bottom up",
    "back of the envelope",
];

/// The question type the answer is judged as: the question's own, or for an analytical
/// answer to no known question, the one the answer shows. Estimation when it works
/// numbers out loud or says it estimates; A/B testing when it covers more of those
/// steps than of metric definition; else metric definition (70% of analytical
/// questions, from the guide).
pub fn sub_kind(toks: &[Token], lex: &Lexicon, ctx: &Context) -> Option<String> {
    if ctx.sub_kind.is_some() || ctx.kind != Kind::Analytical {
        return ctx.sub_kind.clone();
    }
    let estimating =
        !arithmetic::steps(toks).is_empty() || !PhraseSet::new(ESTIMATE).find_all(toks).is_empty();
    let covered = |sub: &str| {
        lex.checklists
            .iter()
            .filter(|r| r.kind == Kind::Analytical && r.sub_kind.as_deref() == Some(sub))
            .filter(|r| !r.cues.find_all(toks).is_empty())
            .count()
    };
    let sub = if estimating {
        ESTIMATION
    } else if covered(AB_TESTING) > covered(METRIC_DEFINITION) {
        AB_TESTING
    } else {
        METRIC_DEFINITION
    };
    Some(sub.to_string())
}

/// The round's checklist for `sub_kind`: its items for every question, and those of
/// the question's type.
pub fn checklist(
    toks: &[Token],
    lex: &Lexicon,
    kind: Kind,
    sub_kind: Option<&str>,
    metrics: &[Metric],
) -> Vec<ChecklistItem> {
    lex.checklists
        .iter()
        .filter(|r| r.kind == kind && !r.idea)
        .filter(|r| r.sub_kind.is_none() || r.sub_kind.as_deref() == sub_kind)
        .map(|r| {
            let hit = r
                .cues
                .find_all(toks)
                .into_iter()
                .find(|m| r.needs.is_none_or(|n| metric_near(toks, metrics, m.start, n)));
            ChecklistItem {
                item: r.item.clone(),
                covered: hit.is_some(),
                text: hit.map(|m| span_text(toks, m.start, m.start + m.len)),
                start_s: hit.and_then(|m| toks[m.start].start_s),
                word_index: hit.map(|m| toks[m.start].word),
            }
        })
        .collect()
}

/// A metric near the cue as the item `needs` it: a KPI named without a target does not
/// count; a scale is sized by a figure of any role ("about 222 readings per second" is
/// scope).
fn metric_near(toks: &[Token], metrics: &[Metric], at: usize, needs: Needs) -> bool {
    let lo = toks[at.saturating_sub(METRIC_NEAR)].word;
    let hi = toks[(at + METRIC_NEAR).min(toks.len() - 1)].word;
    metrics.iter().any(|m| {
        (needs == Needs::Figure || m.role == super::roles::RESULT)
            && (lo..=hi).contains(&m.span.word_index)
    })
}

/// The items the answer did not cover (order and substance are judged in case_rounds).
pub fn flags(items: &[ChecklistItem]) -> Vec<Flag> {
    let mut out = Vec::new();
    let missing: Vec<&str> = items.iter().filter(|i| !i.covered).map(|i| i.item.as_str()).collect();
    if !missing.is_empty() {
        out.push(Flag {
            code: "framework_gaps".into(),
            message: format!("Not covered: {}", missing.join("; ")),
            start_s: None,
            word_index: None,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{metrics, tokens::tokenize};
    use crate::transcript::Transcript;

    #[test]
    fn product_checklist() {
        let lex = Lexicon::builtin();
        let text = "To clarify, is the goal retention? The target users are students; their pain \
                    points are cost. Trade-offs: cost versus speed. I'd prioritize by impact versus \
                    effort. KPIs: retention, target +5%.";
        let r = crate::analysis::analyze(
            &Transcript::from_text(text),
            &crate::analysis::Context::for_kind(Kind::Product),
            &lex,
        );
        assert_eq!(r.framework.len(), 5);
        assert!(r.framework.iter().all(|i| i.covered), "{:?}", r.framework);
        let toks = tokenize(&Transcript::from_text("KPIs: retention and engagement."));
        let m = metrics::detect(&toks);
        let items = checklist(&toks, &lex, Kind::Product, None, &m);
        assert!(!items[4].covered, "a KPI without a target is not covered");
    }

    #[test]
    fn a_scale_is_sized_by_any_figure_and_a_store_by_its_key() {
        let lex = Lexicon::builtin();
        let text = "Two hundred thousand times ninety-six is nineteen point two million readings \
                    per day, about two hundred twenty-two per second. Kafka, partitioned by meter ID.";
        let toks = tokenize(&Transcript::from_text(text));
        let m = metrics::detect(&toks);
        let items = checklist(&toks, &lex, Kind::SystemDesign, None, &m);
        let covered = |name: &str| items.iter().any(|i| i.item == name && i.covered);
        assert!(covered("Scale figure"), "{items:?}");
        assert!(covered("Data model"), "{items:?}");
        let bare = tokenize(&Transcript::from_text("It has to scale."));
        let items = checklist(&bare, &lex, Kind::SystemDesign, None, &metrics::detect(&bare));
        assert!(!items.iter().any(|i| i.item == "Scale figure" && i.covered));
    }

    fn analytical(text: &str, sub_kind: Option<&str>) -> crate::analysis::Report {
        let ctx = crate::analysis::Context {
            sub_kind: sub_kind.map(String::from),
            ..crate::analysis::Context::for_kind(Kind::Analytical)
        };
        crate::analysis::analyze(&Transcript::from_text(text), &ctx, &Lexicon::builtin())
    }

    fn items(r: &crate::analysis::Report) -> Vec<&str> {
        r.framework.iter().map(|i| i.item.as_str()).collect()
    }

    #[test]
    fn an_analytical_answer_is_judged_by_its_question_type() {
        let estimate = analytical(
            "The city has 2 million people. 5 percent ride, so 100,000 riders. 100,000 times 2 \
             is 200,000 rides a week. My answer is about 30,000 rides a day.",
            None,
        );
        assert_eq!(estimate.sub_kind.as_deref(), Some(ESTIMATION));
        assert!(items(&estimate).iter().all(|i| i.starts_with("Estimate")), "{estimate:?}");
        assert!(
            !estimate.followups.iter().any(|q| q.contains("target")),
            "{:?}",
            estimate.followups
        );

        let ab = analytical(
            "My hypothesis is that a bigger button lifts conversion. The primary metric is \
             conversion rate; I'd need 10,000 users per variant and run it for two weeks, then \
             check significance by segment.",
            None,
        );
        assert_eq!(ab.sub_kind.as_deref(), Some(AB_TESTING));
        assert!(items(&ab).iter().all(|i| i.starts_with("A/B")), "{:?}", items(&ab));

        let sized = analytical("Let me size this top-down, from households.", None);
        assert_eq!(sized.sub_kind.as_deref(), Some(ESTIMATION));

        let metrics = analytical("The north star is weekly orders; a guardrail is returns.", None);
        assert_eq!(metrics.sub_kind.as_deref(), Some(METRIC_DEFINITION));
        // The question's own type wins over what the answer shows.
        let asked = analytical("The north star is weekly orders.", Some(ESTIMATION));
        assert!(items(&asked).iter().all(|i| i.starts_with("Estimate")), "{:?}", items(&asked));
        assert!(asked.flags.iter().any(|f| f.code == "estimate_without_arithmetic"));
    }
}
