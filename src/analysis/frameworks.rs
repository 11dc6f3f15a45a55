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
pub const DIAGNOSIS: &str = "diagnosis";
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

/// Words that say an answer investigates a change in a metric ("orders dropped 9%, so
/// first I'd check the tracking"): a diagnosis, whose arithmetic sizes the drop rather
/// than estimating a number.
const INVESTIGATE: &[&str] = &[
    "drop",
    "dropped",
    "dropping",
    "decline",
    "declined",
    "dip",
    "fell",
    "went down",
    "slide",
    "slid",
    "what changed",
    "root cause",
    "the cause",
    "investigate",
    "diagnose",
];
/// Fewest of those words that make an answer an investigation.
const INVESTIGATING: usize = 2;
/// Fewest of the five A/B steps that make an answer a test's design.
const AB_STEPS_SAID: usize = 3;

/// The question type the answer is judged as: the question's own, or for an analytical
/// answer to no known question, the one the answer shows. Estimation when it says it
/// estimates or works numbers out loud, unless it investigates a change or designs a
/// test (three of the five A/B steps); else the type whose steps it covers most: A/B
/// testing, metric definition (70% of analytical questions, from the guide) or, when it
/// investigates a change, a diagnosis.
pub fn sub_kind(toks: &[Token], lex: &Lexicon, ctx: &Context) -> Option<String> {
    if ctx.sub_kind.is_some() || ctx.kind != Kind::Analytical {
        return ctx.sub_kind.clone();
    }
    let covered = |sub: &str| {
        lex.checklists
            .iter()
            .filter(|r| r.kind == Kind::Analytical && r.sub_kind.as_deref() == Some(sub))
            .filter(|r| !r.cues.find_all(toks).is_empty())
            .count()
    };
    let investigating = PhraseSet::new(INVESTIGATE).find_all(toks).len() >= INVESTIGATING;
    // a test's sample-size arithmetic is no estimate
    let testing = covered(AB_TESTING) >= AB_STEPS_SAID;
    let estimating = !investigating
        && !testing
        && (!PhraseSet::new(ESTIMATE).find_all(toks).is_empty()
            || !arithmetic::steps(toks).is_empty());
    let sub = if estimating {
        ESTIMATION
    } else {
        // max_by_key keeps the last of equals: a diagnosis, then metric definition, win ties
        let types = [AB_TESTING, METRIC_DEFINITION, DIAGNOSIS];
        let open = |sub: &&str| investigating || *sub != DIAGNOSIS;
        types.into_iter().filter(open).max_by_key(|sub| covered(sub)).unwrap_or(METRIC_DEFINITION)
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

    #[test]
    fn a_drop_investigated_is_a_diagnosis_and_a_test_sized_is_no_estimate() {
        let code = |r: &crate::analysis::Report, c: &str| r.flags.iter().any(|f| f.code == c);
        let drop = analytical(
            "Sellers dropped 9% last week. First, is the drop real: I'd check the tracking and \
             the metric's definition. Handmade has 50,000 sellers, so 9% is 4,500. Then I'd \
             segment by platform: 60% of them are on Android, that's 30,000. If the Android \
             release caused it, I'd confirm the root cause and roll back.",
            None,
        );
        assert_eq!(drop.sub_kind.as_deref(), Some(DIAGNOSIS));
        assert!(items(&drop).iter().all(|i| i.starts_with("Diagnosis")), "{:?}", items(&drop));
        // sizing a drop is no estimate to sanity-check
        assert!(!code(&drop, "no_sanity_check") && !code(&drop, "fix_before_checking"));

        let rushed = analytical(
            "Tour requests dropped 20%. I'd roll back the redesign first and see if the drop \
             goes away; later I'd look at tracking and segments.",
            None,
        );
        assert_eq!(rushed.sub_kind.as_deref(), Some(DIAGNOSIS));
        assert!(code(&rushed, "fix_before_checking"), "{:?}", rushed.flags);
        // a cause guessed before the metric is clarified
        let guessed = "On-time delivery dropped from 96% to 88%. My gut says it's the new \
                       routing. Can I ask: does on-time mean inside the two-hour window? Then \
                       I'd check the tracking, segment by station and confirm the root cause.";
        assert!(code(&analytical(guessed, None), "ideas_before_clarifying"));
        let thought = guessed.replace("My gut says", "My first thought is");
        assert!(code(&analytical(&thought, None), "ideas_before_clarifying"));
        let asked = guessed.replace("My gut says it's the new routing. ", "");
        assert!(!code(&analytical(&asked, None), "ideas_before_clarifying"));

        let test = analytical(
            "My hypothesis is that reminders lift reorders. Primary metric: reorder rate. Sample \
             size: 16 times 0.25 divided by 0.0004 is 10,000 users per variant, and I'd run it \
             for two weeks before checking significance.",
            None,
        );
        assert_eq!(test.sub_kind.as_deref(), Some(AB_TESTING));
    }
}
