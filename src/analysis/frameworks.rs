//! Checklists for product, analytical and system-design answers (data/frameworks.toml):
//! which steps of the round's framework the answer covers, and where.

use super::lexicon::Lexicon;
use super::report::{ChecklistItem, Flag, Metric};
use super::tokens::{span_text, Token};
use crate::round::Kind;

/// A checklist item that needs a target has one within this many words of its cue.
const METRIC_NEAR: usize = 25;

pub fn checklist(
    toks: &[Token],
    lex: &Lexicon,
    kind: Kind,
    metrics: &[Metric],
) -> Vec<ChecklistItem> {
    lex.checklists
        .iter()
        .filter(|r| r.kind == kind && !r.idea)
        .map(|r| {
            let hit = r
                .cues
                .find_all(toks)
                .into_iter()
                .find(|m| !r.needs_metric || metric_near(toks, metrics, m.start));
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

/// A target (a result-role metric) near the cue: a KPI named without one does not count.
fn metric_near(toks: &[Token], metrics: &[Metric], at: usize) -> bool {
    let lo = toks[at.saturating_sub(METRIC_NEAR)].word;
    let hi = toks[(at + METRIC_NEAR).min(toks.len() - 1)].word;
    metrics.iter().any(|m| m.role == super::roles::RESULT && (lo..=hi).contains(&m.span.word_index))
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
        let items = checklist(&toks, &lex, Kind::Product, &m);
        assert!(!items[4].covered, "a KPI without a target is not covered");
    }
}
