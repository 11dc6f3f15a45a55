//! Checklists for product, analytical and system-design answers (data/frameworks.toml):
//! which steps of the round's framework the answer covers, and where.

use super::lexicon::Lexicon;
use super::report::{ChecklistItem, Flag, Metric};
use super::tokens::{span_text, Token};
use crate::round::Kind;

/// A checklist item that needs a figure has one within this many words of its cue.
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

fn metric_near(toks: &[Token], metrics: &[Metric], at: usize) -> bool {
    let lo = toks[at.saturating_sub(METRIC_NEAR)].word;
    let hi = toks[(at + METRIC_NEAR).min(toks.len() - 1)].word;
    metrics.iter().any(|m| (lo..=hi).contains(&m.span.word_index))
}

pub fn flags(toks: &[Token], lex: &Lexicon, kind: Kind, items: &[ChecklistItem]) -> Vec<Flag> {
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
    if kind == Kind::Product {
        // The first product step is clarification; ideas should come after it.
        let first_idea = lex
            .checklists
            .iter()
            .filter(|r| r.kind == kind && r.idea)
            .filter_map(|r| r.cues.find_all(toks).first().copied())
            .min_by_key(|m| m.start);
        let clarified_at = items.first().filter(|i| i.covered).and_then(|i| i.word_index);
        if let Some(idea) = first_idea {
            let word = toks[idea.start].word;
            if clarified_at.is_none_or(|c| c > word) {
                out.push(Flag {
                    code: "ideas_before_clarifying".into(),
                    message: "Solutions come before any clarifying question: confirm the goal, user and scope first".into(),
                    start_s: toks[idea.start].start_s,
                    word_index: Some(word),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{metrics, tokens::tokenize};
    use crate::transcript::Transcript;

    #[test]
    fn product_checklist_and_order() {
        let lex = Lexicon::builtin();
        let text = "I would build a feature for students. To clarify, is the goal retention? The target users are \
                    students; their pain points are cost. Trade-offs: cost versus speed. I'd prioritize by impact versus \
                    effort. KPIs: retention, target +5%.";
        let toks = tokenize(&Transcript::from_text(text));
        let m = metrics::detect(&toks);
        let items = checklist(&toks, &lex, Kind::Product, &m);
        assert_eq!(items.len(), 5);
        assert!(items.iter().all(|i| i.covered), "{items:?}");
        let f = flags(&toks, &lex, Kind::Product, &items);
        assert_eq!(
            f.iter().map(|f| f.code.as_str()).collect::<Vec<_>>(),
            ["ideas_before_clarifying"]
        );
    }
}
