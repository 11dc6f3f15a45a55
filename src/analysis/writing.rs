//! The writing sample: 300-500 words, active voice, no jargon.

use super::lexicon::Lexicon;
use super::report::{Flag, Occurrence, Writing};
use super::tokens::{span_text, word_span, Token};

pub const MIN_WORDS: usize = 300;
pub const MAX_WORDS: usize = 500;

const BE: &[&str] = &["was", "were", "been", "being", "is", "are", "be", "got"];
const PARTICIPLES: &[&str] = &[
    "done", "made", "built", "given", "taken", "written", "shown", "seen", "known", "chosen",
    "driven", "led", "run", "sent", "found", "held", "kept", "left", "paid", "sold", "told",
    "brought", "bought", "caught", "taught", "spent", "set", "put", "cut", "shipped", "launched",
];
/// "-ed" words after "was" that describe a state ("I was excited"), not a passive.
const STATES: &[&str] = &[
    "excited",
    "interested",
    "surprised",
    "tired",
    "based",
    "involved",
    "supposed",
    "used",
    "married",
    "located",
    "pleased",
    "concerned",
    "frustrated",
    "worried",
    "satisfied",
    "engaged",
    "motivated",
    "determined",
    "convinced",
    "committed",
    "focused",
    "needed",
    "required",
    "scared",
    "prepared",
    "tasked",
    "assigned",
    "responsible",
    "qualified",
    "obsessed",
    "blocked",
];

pub fn analyze(toks: &[Token], lex: &Lexicon, words: usize) -> Writing {
    let mut passive = Vec::new();
    for i in 0..toks.len() {
        if !BE.contains(&toks[i].norm.as_str()) || toks[i].clause_end {
            continue;
        }
        let mut j = i + 1;
        if toks.get(j).is_some_and(|t| t.norm.ends_with("ly") && !t.clause_end) {
            j += 1;
        }
        if toks.get(j).is_some_and(|t| is_participle(&t.norm)) {
            passive.push(Occurrence {
                text: span_text(toks, i, j + 1),
                start_s: toks[i].start_s,
                span: word_span(toks, i, j + 1),
            });
        }
    }
    let jargon = lex
        .jargon
        .find_all(toks)
        .into_iter()
        .map(|m| Occurrence {
            text: span_text(toks, m.start, m.start + m.len),
            start_s: toks[m.start].start_s,
            span: word_span(toks, m.start, m.start + m.len),
        })
        .collect();
    Writing { words, in_range: (MIN_WORDS..=MAX_WORDS).contains(&words), passive, jargon }
}

fn is_participle(w: &str) -> bool {
    PARTICIPLES.contains(&w) || (w.len() > 4 && w.ends_with("ed") && !STATES.contains(&w))
}

pub fn flags(w: &Writing) -> Vec<Flag> {
    let mut out = Vec::new();
    let flag = |code: &str, message: String, at: Option<&Occurrence>| Flag {
        code: code.into(),
        message,
        start_s: None,
        word_index: at.map(|o| o.span.word_index),
    };
    if !w.in_range {
        out.push(flag(
            "writing_length",
            format!("{} words: the writing sample should be {MIN_WORDS}-{MAX_WORDS}", w.words),
            None,
        ));
    }
    if !w.passive.is_empty() {
        let list: Vec<&str> = w.passive.iter().take(3).map(|p| p.text.as_str()).collect();
        out.push(flag(
            "passive_voice",
            format!(
                "Passive voice ({}): say who did it, \"I launched\" not \"was launched\"",
                list.join(", ")
            ),
            w.passive.first(),
        ));
    }
    if !w.jargon.is_empty() {
        let list: Vec<&str> = w.jargon.iter().take(4).map(|p| p.text.as_str()).collect();
        out.push(flag(
            "jargon",
            format!("Jargon ({}): say the plain thing", list.join(", ")),
            w.jargon.first(),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tokens::tokenize;
    use crate::transcript::Transcript;

    #[test]
    fn passive_and_jargon() {
        let toks = tokenize(&Transcript::from_text("The feature was launched late. I was excited. We leveraged synergies; it was quickly fixed."));
        let w = analyze(&toks, &Lexicon::builtin(), 14);
        let passive: Vec<&str> = w.passive.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(passive, ["was launched", "was quickly fixed"]);
        assert_eq!(w.jargon.len(), 2);
        assert!(!w.in_range);
        assert_eq!(flags(&w).len(), 3);
    }
}
