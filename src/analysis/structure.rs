//! STAR-LP: which of Situation, Task, Action, Result and the named Principle the
//! answer has, where each starts, and the share of the answer each takes.
//! Clauses are tagged from cue phrases (data/star.toml); an untagged clause continues
//! the part before it.

use std::ops::RangeInclusive;

use super::lexicon::Lexicon;
use super::report::{Flag, Metric, PrincipleHit, Star, StarPart};
use super::roles;
use super::task;
use super::tokens::{sentence, Token};

/// The STAR-LP parts, then the lesson or what the candidate would do differently,
/// which is timed separately so it does not count as the principle.
pub const PARTS: [&str; 6] = ["situation", "task", "action", "result", "principle", "reflection"];
const SITUATION: usize = 0;
const TASK: usize = 1;
const ACTION: usize = 2;
const RESULT: usize = 3;
const PRINCIPLE: usize = 4;
const REFLECTION: usize = 5;
/// The primary part of a clause with several cues.
const PRIORITY: [usize; 6] = [RESULT, REFLECTION, ACTION, TASK, SITUATION, PRINCIPLE];

/// Situation and task together should take at most this share.
pub const MAX_SETUP_SHARE: f64 = 0.35;
/// A result that first comes after this is too late in a 3-minute answer.
pub const LATE_RESULT_S: f64 = 150.0;
/// The headline result belongs in the first 30 s (about 75 words when typed).
pub const HEADLINE_S: f64 = 30.0;
pub const HEADLINE_WORDS: usize = 75;

const PAST_IRREGULAR: &[&str] = &[
    "built", "led", "ran", "wrote", "met", "took", "made", "set", "brought", "found", "went",
    "sent", "spoke", "drove", "dug", "dove", "began", "chose", "cut", "gave", "held", "kept",
    "put", "rebuilt", "rewrote", "sat", "sold", "spent", "stood", "taught", "told", "won",
    "bought", "caught", "paid", "said", "shipped", "hired", "pulled", "rolled", "split", "shut",
    "wrote", "broke", "rode", "flew", "dropped", "pushed",
];
const PAST_NOT_ACTION: &[&str] = &[
    "needed",
    "wanted",
    "liked",
    "loved",
    "hoped",
    "expected",
    "assumed",
    "realized",
    "realised",
    "noticed",
    "learned",
    "worried",
    "used",
    "interested",
    "excited",
    "surprised",
    "frustrated",
    "tasked",
    "involved",
    "supposed",
    "asked",
    "tired",
    "based",
    "called",
];

#[derive(Debug, Clone)]
struct Clause {
    a: usize,
    b: usize,
    tags: [bool; 6],
    primary: Option<usize>,
}

/// Tags clauses and returns the Star summary. The principle part is where a
/// principle is named as the lesson (`principles` with `explicit`).
pub fn analyze(
    toks: &[Token],
    lex: &Lexicon,
    metrics: &[Metric],
    principles: &[PrincipleHit],
    changes: &[(usize, usize)],
) -> Star {
    let mut clauses = split(toks);
    // Sorted once, so each clause finds its metrics and principles by binary search:
    // a scan of all of them per clause made long texts quadratic.
    let mut by_word: Vec<&Metric> = metrics.iter().collect();
    by_word.sort_by_key(|m| m.span.word_index);
    let mut named: Vec<usize> =
        principles.iter().filter(|p| p.explicit).map(|p| p.span.word_index).collect();
    named.sort_unstable();
    let acts_at = first_action(toks, lex);
    let setup = |c: &Clause| acts_at.is_none_or(|w| toks[c.a].word < w);
    for c in &mut clauses {
        c.tags = tags(toks, c.a, c.b, lex, &by_word, &named, setup(c));
    }
    // "call volume came way down": a change said after the work is its result, measured
    // or not; the vague finder asks for the figure, and the score for evidence
    let measured = clauses.iter().any(|c| c.tags[RESULT]);
    for c in &mut clauses {
        c.tags[RESULT] |= !setup(c) && changes.iter().any(|&(s, _)| (c.a..c.b).contains(&s));
        c.primary = PRIORITY.into_iter().find(|&p| c.tags[p]);
    }
    // An untagged clause continues the part before it.
    let mut last = None;
    for (k, c) in clauses.iter_mut().enumerate() {
        // The opening sets the scene even while it acts ("I led a team of four on an
        // app pickers hated"), unless it leads with the outcome or the lesson.
        if k == 0 && !c.tags[RESULT] && !c.tags[PRINCIPLE] {
            c.tags[SITUATION] = true;
        }
        if c.primary.is_none() {
            c.primary = last.or((k == 0).then_some(SITUATION));
        }
        last = c.primary;
    }
    let weights: Vec<f64> =
        clauses.iter().enumerate().map(|(k, c)| weight(toks, &clauses, k, c)).collect();
    let total: f64 = weights.iter().sum();
    let mut star = Star::default();
    for (p, name) in PARTS.iter().enumerate() {
        let Some(first) = clauses.iter().find(|c| c.tags[p]) else { continue };
        let share = clauses
            .iter()
            .zip(&weights)
            .filter(|(c, _)| c.primary == Some(p))
            .fold(0.0, |acc, (_, w)| acc + w);
        star.parts.push(StarPart {
            part: name.to_string(),
            start_s: toks[first.a].start_s,
            word_index: toks[first.a].word,
            share: if total > 0.0 { share / total } else { 0.0 },
        });
    }
    let has = |p: usize| clauses.iter().any(|c| c.tags[p]);
    star.situation = has(SITUATION);
    star.task = has(TASK);
    star.action = has(ACTION);
    star.result = has(RESULT);
    star.result_unmeasured = star.result && !measured;
    star.principle = has(PRINCIPLE);
    star
}

/// Structure flags for a behavioral answer.
pub fn flags(
    star: &Star,
    toks: &[Token],
    metrics: &[Metric],
    duration_s: Option<f64>,
) -> Vec<Flag> {
    let mut out = Vec::new();
    let part = |name: &str| star.parts.iter().find(|p| p.part == name);
    let setup: f64 = star
        .parts
        .iter()
        .filter(|p| p.part == "situation" || p.part == "task")
        .map(|p| p.share)
        .sum();
    if setup > MAX_SETUP_SHARE && star.action {
        out.push(flag("long_setup", format!("Situation and task take {:.0}% of the answer: keep the setup under 35% and spend the time on what you did", setup * 100.0), None, None));
    }
    match part("result") {
        None => out.push(flag(
            "no_result",
            "No result: say what changed, with a number".into(),
            None,
            None,
        )),
        Some(r)
            if r.start_s.is_some_and(|s| {
                s - toks.first().and_then(|t| t.start_s).unwrap_or(0.0) > LATE_RESULT_S
            }) =>
        {
            out.push(flag(
                "late_result",
                "The result only comes after 2:30: lead with it".into(),
                r.start_s,
                Some(r.word_index),
            ))
        }
        Some(_) => {}
    }
    let long = match duration_s {
        Some(d) => d > HEADLINE_S * 2.0,
        None => toks.len() > HEADLINE_WORDS * 2,
    };
    if long && !headline_early(star, toks, metrics) {
        out.push(flag(
            "no_headline",
            "No headline result in the first 30 seconds: lead with the result, then tell the story"
                .into(),
            None,
            None,
        ));
    }
    out
}

fn flag(code: &str, message: String, start_s: Option<f64>, word_index: Option<usize>) -> Flag {
    Flag { code: code.into(), message, start_s, word_index }
}

/// A result or a metric early in the answer.
fn headline_early(star: &Star, toks: &[Token], metrics: &[Metric]) -> bool {
    let t0 = toks.first().and_then(|t| t.start_s);
    let early_word =
        toks.get(HEADLINE_WORDS.min(toks.len().saturating_sub(1))).map(|t| t.word).unwrap_or(0);
    let early = |start_s: Option<f64>, word: usize| match (t0, start_s) {
        (Some(t0), Some(s)) => s - t0 <= HEADLINE_S,
        _ => word <= early_word,
    };
    star.parts.iter().any(|p| p.part == "result" && early(p.start_s, p.word_index))
        || metrics.iter().any(|m| m.kind != "duration" && early(m.start_s, m.span.word_index))
}

/// The first word where the candidate (or the team) acts.
pub fn first_action(toks: &[Token], lex: &Lexicon) -> Option<usize> {
    split(toks)
        .into_iter()
        .find(|c| lex.action.any_in(&toks[..c.b], c.a, c.b) || acting_past(toks, c.a, c.b))
        .map(|c| toks[c.a].word)
}

fn split(toks: &[Token]) -> Vec<Clause> {
    let mut out = Vec::new();
    let mut a = 0;
    for (i, t) in toks.iter().enumerate() {
        if t.clause_end || i + 1 == toks.len() {
            out.push(Clause { a, b: i + 1, tags: [false; 6], primary: None });
            a = i + 1;
        }
    }
    out
}

/// The metrics (sorted by word) said within `words`.
fn metrics_within<'a, 'm>(
    by_word: &'a [&'m Metric],
    words: &RangeInclusive<usize>,
) -> &'a [&'m Metric] {
    let from = by_word.partition_point(|m| m.span.word_index < *words.start());
    let to = by_word.partition_point(|m| m.span.word_index <= *words.end());
    &by_word[from..to.max(from)]
}

fn tags(
    toks: &[Token],
    a: usize,
    b: usize,
    lex: &Lexicon,
    by_word: &[&Metric],
    named: &[usize],
    setup: bool,
) -> [bool; 6] {
    let clause = &toks[..b];
    let words = toks[a].word..=toks[b - 1].word;
    let here = metrics_within(by_word, &words);
    let role_here = |role: &str| here.iter().any(|m| m.role == role);
    // A result cue ("in the end", "as a result") is a result only with evidence in its
    // sentence: a figure or a change. "In the end the launch went well" is a claim.
    let (sa, sb) = sentence(toks, a);
    let sentence_words = toks[sa].word..=toks[sb - 1].word;
    let evidence = !metrics_within(by_word, &sentence_words).is_empty()
        || lex.change.any_in(&toks[..sb], sa, sb);
    let mut t = [false; 6];
    // A baseline said before the candidate acts sets the scene; later it is a finding.
    t[SITUATION] = lex.situation.any_in(clause, a, b) || (setup && role_here(roles::BASELINE));
    t[TASK] = task::stated(lex, toks, a, b);
    t[ACTION] = lex.action.any_in(clause, a, b) || acting_past(toks, a, b);
    t[RESULT] = (lex.result.any_in(clause, a, b) && evidence) || role_here(roles::RESULT);
    t[REFLECTION] = lex.reflection.any_in(clause, a, b);
    let first = named.partition_point(|&w| w < *words.start());
    t[PRINCIPLE] = named.get(first).is_some_and(|w| words.contains(w));
    t
}

/// "I rewrote", "we quickly built": the candidate or the team acting, in the past tense
/// (whether "we" did too much of it is the ownership flag's business).
fn acting_past(toks: &[Token], a: usize, b: usize) -> bool {
    (a..b).any(|i| {
        matches!(toks[i].norm.as_str(), "i" | "we") && {
            let mut j = i + 1;
            if toks.get(j).is_some_and(|t| t.norm.ends_with("ly") && j < b) {
                j += 1;
            }
            toks.get(j).filter(|_| j < b).is_some_and(|t| is_past_action(&t.norm))
        }
    })
}

fn is_past_action(w: &str) -> bool {
    PAST_IRREGULAR.contains(&w)
        || (w.len() > 4 && w.ends_with("ed") && !PAST_NOT_ACTION.contains(&w))
}

/// A clause's weight: its time up to the next clause when timed, else its words.
fn weight(toks: &[Token], clauses: &[Clause], k: usize, c: &Clause) -> f64 {
    let start = toks[c.a].start_s;
    let end = clauses.get(k + 1).and_then(|n| toks[n.a].start_s).or(toks[c.b - 1].end_s);
    match (start, end) {
        (Some(s), Some(e)) if e >= s => e - s,
        _ => (c.b - c.a) as f64,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::metrics;
    use crate::analysis::tokens::tokenize;
    use crate::transcript::Transcript;

    fn star(text: &str) -> Star {
        let lex = Lexicon::builtin();
        let toks = tokenize(&Transcript::from_text(text));
        let m = metrics::detect(&toks);
        let p = crate::analysis::principles::detect(&toks, &lex);
        analyze(&toks, &lex, &m, &p, &crate::analysis::vague::changes(&toks))
    }

    #[test]
    fn a_change_said_after_the_work_is_a_result_even_without_a_figure() {
        let s = star(
            "I was the PM for the city's snow map. My task was to cut storm calls. I built the \
             live map with the vendor. Call volume during storms dropped noticeably after that.",
        );
        assert!(s.result && s.result_unmeasured, "{s:?}");
        let measured =
            star("I built the live map. As a result, storm calls dropped from 900 a day to 300.");
        assert!(measured.result && !measured.result_unmeasured, "{measured:?}");
        // before the work it is the setting
        let setting = star("Storm calls rose sharply every winter. So my task was to fix it.");
        assert!(!setting.result, "{setting:?}");
    }

    /// The guide's answer says "I owned the launch"; the principle is named as the
    /// lesson only with "This demonstrates Ownership".
    #[test]
    fn the_guide_answer_has_all_five() {
        let s = star(
            "I owned the launch of a mobile checkout feature at my startup. When engineering delayed the deadline \
             by 3 weeks, I re-scoped MVP, ran 3 A/B tests, and shipped—resulting in 18% faster checkout and $2.3M \
             annual revenue uplift. This demonstrates Ownership.",
        );
        assert!(s.situation && s.task && s.action && s.result && s.principle, "{s:?}");
        let shares: f64 = s.parts.iter().map(|p| p.share).sum();
        assert!((shares - 1.0).abs() < 1e-9);
    }

    #[test]
    fn a_story_without_result_or_principle() {
        let s = star("At my last job our team was struggling with releases. I was responsible for the process. I set up a weekly review.");
        assert!(s.situation && s.task && s.action);
        assert!(!s.result && !s.principle);
        let f = flags(&s, &tokenize(&Transcript::from_text("x")), &[], None);
        assert!(f.iter().any(|f| f.code == "no_result"));
    }
}
