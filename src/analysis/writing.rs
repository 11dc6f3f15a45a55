//! The writing sample, judged as a bar raiser reads one (guide: "Submit a 300-500 word
//! narrative that demonstrates LPs, uses data, and tells a clear story. Avoid jargon;
//! use active voice."): eight checks scored 1-4, never speaking time or pace.

use super::lexicon::Lexicon;
use super::report::{
    Flag, Metric, Occurrence, Ownership, PrincipleHit, Star, VagueHit, Writing, WritingFinding,
};
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
    Writing {
        words,
        in_range: (MIN_WORDS..=MAX_WORDS).contains(&words),
        passive,
        jargon,
        findings: Vec::new(),
    }
}

/// What the rubric reads besides the writing detectors' own findings.
pub struct Evidence<'a> {
    pub metrics: &'a [Metric],
    pub principles: &'a [PrincipleHit],
    pub vague: &'a [VagueHit],
    pub ownership: &'a Ownership,
    pub star: &'a Star,
}

/// The eight checks, in a fixed order. Each scores 1-4 and is `ok` at 4.
pub fn rubric(w: &Writing, e: &Evidence) -> Vec<WritingFinding> {
    let finding = |check: &str, score: f64, message: String, word_index: Option<usize>| {
        WritingFinding { check: check.into(), score, ok: score >= 4.0, message, word_index }
    };
    let quoted = |items: &[Occurrence]| -> String {
        items.iter().take(3).map(|o| format!("\"{}\"", o.text)).collect::<Vec<_>>().join(", ")
    };
    let mut out = Vec::new();

    let n = w.words;
    let length = if w.in_range {
        4.0
    } else if (250..=550).contains(&n) {
        3.0
    } else if (200..=600).contains(&n) {
        2.0
    } else {
        1.0
    };
    out.push(finding(
        "length",
        length,
        format!("{n} words (the sample asks for {MIN_WORDS}-{MAX_WORDS})"),
        None,
    ));

    let passive = match w.passive.len() {
        0 => 4.0,
        1..=2 => 3.0,
        3..=4 => 2.0,
        _ => 1.0,
    };
    let message = if w.passive.is_empty() {
        "Active voice throughout".to_string()
    } else {
        format!("{} passive: {}; say who did it", w.passive.len(), quoted(&w.passive))
    };
    out.push(finding(
        "active_voice",
        passive,
        message,
        w.passive.first().map(|o| o.span.word_index),
    ));

    let jargon = match w.jargon.len() {
        0 => 4.0,
        1 => 3.0,
        2..=3 => 2.0,
        _ => 1.0,
    };
    let message = if w.jargon.is_empty() {
        "No jargon".to_string()
    } else {
        format!("{} jargon: {}; say the plain thing", w.jargon.len(), quoted(&w.jargon))
    };
    out.push(finding(
        "plain_language",
        jargon,
        message,
        w.jargon.first().map(|o| o.span.word_index),
    ));

    let named = e.principles.iter().find(|p| p.explicit);
    let (score, message, at) = match (named, e.principles.first()) {
        (Some(p), _) => {
            (4.0, format!("Names {} (\"{}\")", p.name, p.text), Some(p.span.word_index))
        }
        (None, Some(p)) => (
            2.5,
            format!("Only hints at {}: name it (\"This demonstrates {}\")", p.name, p.name),
            Some(p.span.word_index),
        ),
        (None, None) => (
            1.0,
            "No Leadership Principle named: write \"This demonstrates Ownership\" where it fits"
                .into(),
            None,
        ),
    };
    out.push(finding("principle", score, message, at));

    let results = match e.metrics.len() {
        0 => 1.0,
        1 => 2.0,
        2 => 3.0,
        _ => 4.0,
    };
    let list: Vec<&str> = e.metrics.iter().take(4).map(|m| m.text.as_str()).collect();
    let message = if list.is_empty() {
        "No quantified result: give the figures (time saved, revenue, conversion)".to_string()
    } else {
        format!("{} quantified: {}", e.metrics.len(), list.join(", "))
    };
    out.push(finding("results", results, message, e.metrics.first().map(|m| m.span.word_index)));

    let (i, we) = (e.ownership.i_actions, e.ownership.we_actions);
    let share = i as f64 / (i + we).max(1) as f64;
    let owned = if i == 0 {
        1.0
    } else if share >= 0.5 {
        4.0
    } else if share >= 1.0 / 3.0 {
        3.0
    } else {
        2.0
    };
    let message = format!("\"I\" acts {i} times, \"we\" {we}: the reader must see what you did");
    out.push(finding("ownership", owned, message, None));

    let vague = match e.vague.len() {
        0 => 4.0,
        1 => 3.0,
        2 => 2.0,
        _ => 1.0,
    };
    let message = match e.vague.first() {
        None => "No vague phrases".to_string(),
        Some(v) => format!("{} vague: \"{}\" → {}", e.vague.len(), v.text, v.suggestion),
    };
    out.push(finding("vague", vague, message, e.vague.first().map(|v| v.span.word_index)));

    let (arc, message) = story_arc(e.star);
    out.push(finding("story_arc", arc, message, None));
    out
}

/// The context (situation or task), what you did and the result, closed by the
/// principle or the lesson: 4. Without the close: 3. Two of the three parts: 2. Else 1.
fn story_arc(star: &Star) -> (f64, String) {
    let has = |names: &[&str]| star.parts.iter().any(|p| names.contains(&p.part.as_str()));
    let closed = star.principle || has(&["reflection"]);
    let missing: Vec<&str> = [
        (has(&["situation", "task"]), "the context"),
        (has(&["action"]), "what you did"),
        (has(&["result"]), "the result"),
    ]
    .iter()
    .filter(|(present, _)| !present)
    .map(|(_, name)| *name)
    .collect();
    match missing.len() {
        0 if closed => {
            (4.0, "Context, what you did, the result, and the principle or lesson".into())
        }
        0 => (3.0, "Context, action and result, but no principle or lesson to close".into()),
        1 => (2.0, format!("The story lacks {}", missing[0])),
        _ => (1.0, format!("No clear story: it lacks {}", missing.join(" and "))),
    }
}

fn is_participle(w: &str) -> bool {
    PARTICIPLES.contains(&w) || (w.len() > 4 && w.ends_with("ed") && !STATES.contains(&w))
}

/// A flag for every check not fully met, so the report lists what to fix.
pub fn flags(w: &Writing) -> Vec<Flag> {
    w.findings
        .iter()
        .filter(|f| !f.ok)
        .map(|f| Flag {
            code: flag_code(&f.check).into(),
            message: f.message.clone(),
            start_s: None,
            word_index: f.word_index,
        })
        .collect()
}

/// Flag codes shared with spoken answers where the concern is the same.
fn flag_code(check: &str) -> &str {
    match check {
        "length" => "writing_length",
        "active_voice" => "passive_voice",
        "plain_language" => "jargon",
        "principle" => "no_principle",
        "results" => "few_metrics",
        "ownership" => "we_over_i",
        "vague" => "vague_phrases",
        other => other,
    }
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
    }

    fn judged(text: &str) -> Vec<WritingFinding> {
        let r = crate::analysis::analyze(
            &Transcript::from_text(text),
            &crate::analysis::Context::for_kind(crate::round::Kind::Writing),
            &Lexicon::builtin(),
        );
        r.writing.unwrap().findings
    }

    fn score_of(findings: &[WritingFinding], check: &str) -> f64 {
        findings.iter().find(|f| f.check == check).unwrap().score
    }

    #[test]
    fn rubric_scores_each_check() {
        let weak = judged("We did a project on the app. It was launched and things improved a lot. We leveraged synergies.");
        let checks: Vec<&str> = weak.iter().map(|f| f.check.as_str()).collect();
        assert_eq!(
            checks,
            [
                "length",
                "active_voice",
                "plain_language",
                "principle",
                "results",
                "ownership",
                "vague",
                "story_arc"
            ]
        );
        assert_eq!(score_of(&weak, "length"), 1.0);
        assert_eq!(score_of(&weak, "active_voice"), 3.0);
        assert_eq!(score_of(&weak, "plain_language"), 2.0);
        assert_eq!(score_of(&weak, "principle"), 1.0);
        assert_eq!(score_of(&weak, "results"), 1.0);
        assert_eq!(score_of(&weak, "ownership"), 1.0);
        assert!(score_of(&weak, "vague") <= 3.0);

        let strong = judged("Our checkout lost 12% of mobile buyers. I owned the fix. I read 300 session recordings and I rebuilt the address form. Conversion rose from 48% to 55% in six weeks. This demonstrates Ownership.");
        assert_eq!(score_of(&strong, "principle"), 4.0);
        assert_eq!(score_of(&strong, "results"), 4.0);
        assert_eq!(score_of(&strong, "ownership"), 4.0);
        assert_eq!(score_of(&strong, "story_arc"), 4.0);
        assert!(strong.iter().filter(|f| f.check != "length").all(|f| f.ok), "{strong:?}");
    }
}
