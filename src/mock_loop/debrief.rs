//! The debrief, in the style of an Amazon written debrief. Every rule is here and in
//! docs/loop.md; the same takes always give the same debrief.
//!
//! - A main answer scores its report's overall score (1-4). A follow-up scores the mean
//!   of its specificity, principles and delivery (a 90-second follow-up has no whole
//!   story to time or structure). Nothing heard scores 1.
//! - A question scores its answer, or 70% its answer and 30% the mean of its
//!   follow-ups. A round scores the mean of its questions.
//! - Each principle a round assesses (its interviewer's focus, and any its answers
//!   name) is rated from the best answer naming it: strong at 3.5+, meets at 2.5+,
//!   below under 2.5; only hinted at, meets at 3.5+ and below otherwise; never shown,
//!   below. Follow-ups of that answer move it one level: all at 3.5+ lift it, any
//!   under 2.5 sinks it.
//! - An interviewer is inclined at 3.5+ with no focus principle below.
//! - The decision (guide: "only candidates scoring 3.5+ across all interviewers move
//!   forward"; "41% of rejections come from bar raiser override despite positive team
//!   feedback"): no hire while a round has no answer, or under a 3.5 mean; otherwise no hire by the bar raiser's
//!   override when one round is under 2.5 (a point or more below the bar) or the
//!   writing sample is below (32% of bar-raiser rejections cite weak writing); else hire.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::plan::RoundKind;
use super::reuse::{self, Reuse, Telling};
use super::state::{DoneTake, LoopRun, StepKey};
use super::your_questions::{questions_asked, PREPARED};
use crate::analysis::score::BAR;
use crate::analysis::Report;
use crate::principles::PRINCIPLES;
use crate::transcript::Transcript;

/// A round this far below the bar is overridden by the bar raiser.
pub const FAR_BELOW: f64 = 2.5;
pub const STRONG: f64 = 3.5;
pub const MEETS: f64 = 2.5;
/// A question's score: its answer's share against its follow-ups'.
const ANSWER_WEIGHT: f64 = 0.7;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Rating {
    Below,
    Meets,
    Strong,
}

impl Rating {
    fn of(score: f64) -> Rating {
        if score >= STRONG {
            Rating::Strong
        } else if score >= MEETS {
            Rating::Meets
        } else {
            Rating::Below
        }
    }

    fn up(self) -> Rating {
        match self {
            Rating::Below => Rating::Meets,
            _ => Rating::Strong,
        }
    }

    fn down(self) -> Rating {
        match self {
            Rating::Strong => Rating::Meets,
            _ => Rating::Below,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Rating::Below => "below",
            Rating::Meets => "meets",
            Rating::Strong => "strong",
        }
    }

    fn value(self) -> f64 {
        match self {
            Rating::Below => 1.0,
            Rating::Meets => 2.0,
            Rating::Strong => 3.0,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Debrief {
    pub loop_id: i64,
    /// "hire" or "no hire".
    pub decision: String,
    /// Mean of the round scores, 1-4.
    pub score: f64,
    /// Index of the lowest-scoring round.
    pub weakest_round: Option<usize>,
    pub weakest_principle: Option<String>,
    /// The decision is the bar raiser's override of a passing mean.
    pub bar_raiser_override: bool,
    /// What the decision rests on, one line each.
    pub reasons: Vec<String>,
    pub rounds: Vec<RoundDebrief>,
    /// principle → round index → strong | meets | below; all 16 principles.
    pub matrix: BTreeMap<String, BTreeMap<String, Rating>>,
    pub reused_stories: Vec<Reuse>,
    pub writing: Option<WritingVerdict>,
    pub practise_next: Vec<Practice>,
    /// Every step of the loop was taken.
    pub complete: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoundDebrief {
    pub kind: RoundKind,
    pub interviewer: String,
    pub role: String,
    pub bar_raiser: bool,
    /// 1-4; `None` before any answer of the round.
    pub score: Option<f64>,
    pub inclined: bool,
    pub principles: Vec<Assessment>,
    pub takes: Vec<TakeDebrief>,
    pub your_questions: Option<YourQuestions>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    pub principle: String,
    pub rating: Rating,
    /// What the rating rests on.
    pub rests_on: String,
    pub evidence: Option<Evidence>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub quote: String,
    pub attempt_id: i64,
    /// Where in the recording (review jumps there); `None` for typed text.
    pub start_s: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TakeDebrief {
    pub question_id: Option<String>,
    pub question: String,
    pub attempt_id: i64,
    pub score: f64,
    pub story_id: Option<i64>,
    pub duration_s: Option<f64>,
    pub followups: Vec<FollowUpDebrief>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FollowUpDebrief {
    pub question: String,
    pub attempt_id: i64,
    pub score: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct YourQuestions {
    pub attempt_id: i64,
    pub asked: usize,
    pub prepared_target: usize,
    pub questions: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WritingVerdict {
    pub attempt_id: i64,
    pub prompt_id: Option<String>,
    pub words: usize,
    pub score: f64,
    pub verdict: Rating,
    /// The rubric's checks that were not fully met.
    pub findings: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Practice {
    pub command: String,
    pub why: String,
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

fn mean(xs: &[f64]) -> Option<f64> {
    (!xs.is_empty()).then(|| xs.iter().sum::<f64>() / xs.len() as f64)
}

fn answer_score(t: &DoneTake) -> f64 {
    t.report.as_ref().map_or(1.0, |r| r.score.overall)
}

fn followup_score(t: &DoneTake) -> f64 {
    let Some(r) = &t.report else { return 1.0 };
    let dims: Vec<f64> = ["specificity", "principles", "delivery"]
        .iter()
        .filter_map(|d| r.score.dimensions.get(*d).copied())
        .collect();
    round1(mean(&dims).unwrap_or(r.score.overall))
}

/// The sentence around word `at` of the transcript (at most 30 words).
fn quote(t: &Transcript, at: usize) -> String {
    let ends = |i: usize| t.words.get(i).is_some_and(|w| w.text.ends_with(['.', '?', '!']));
    let mut a = at.min(t.words.len().saturating_sub(1));
    while a > 0 && !ends(a - 1) && at - a < 15 {
        a -= 1;
    }
    let mut b = at;
    while b + 1 < t.words.len() && !ends(b) && b - a < 29 {
        b += 1;
    }
    t.words
        .get(a..=b)
        .map(|w| w.iter().map(|w| w.text.as_str()).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

/// The best evidence of `principle` in `take`: an explicit naming first.
fn hit(take: &DoneTake, principle: &str) -> Option<(bool, Evidence)> {
    let r = take.report.as_ref()?;
    let t = take.transcript.as_ref()?;
    let mut hits: Vec<_> = r.principles.iter().filter(|p| p.name == principle).collect();
    hits.sort_by_key(|p| !p.explicit);
    let h = hits.first()?;
    Some((
        h.explicit,
        Evidence {
            quote: quote(t, h.span.word_index),
            attempt_id: take.attempt_id,
            start_s: h.start_s,
        },
    ))
}

struct QuestionTakes<'a> {
    main: &'a DoneTake,
    followups: Vec<&'a DoneTake>,
}

fn assess(principle: &str, questions: &[QuestionTakes]) -> Assessment {
    let mut best: Option<(Rating, String, Evidence)> = None;
    let mut consider = |rating: Rating, why: String, ev: Evidence| {
        if best.as_ref().is_none_or(|(r, _, _)| rating > *r) {
            best = Some((rating, why, ev));
        }
    };
    for q in questions {
        if let Some((explicit, ev)) = hit(q.main, principle) {
            let s = answer_score(q.main);
            let base = if explicit {
                Rating::of(s)
            } else if s >= STRONG {
                Rating::Meets
            } else {
                Rating::Below
            };
            let named = if explicit { "named" } else { "only hinted at" };
            let fus: Vec<f64> = q.followups.iter().map(|f| followup_score(f)).collect();
            let (rating, moved) = if fus.iter().any(|f| *f < MEETS) {
                (base.down(), ", sunk one level by a weak follow-up (under 2.5)")
            } else if !fus.is_empty() && fus.iter().all(|f| *f >= STRONG) {
                (base.up(), ", lifted one level by strong follow-ups (3.5+)")
            } else {
                (base, "")
            };
            consider(rating, format!("{named} in an answer scoring {s:.1}{moved}"), ev);
        }
        for f in &q.followups {
            if let Some((true, ev)) = hit(f, principle) {
                let s = followup_score(f);
                consider(Rating::of(s), format!("named in a follow-up answer scoring {s:.1}"), ev);
            }
        }
    }
    match best {
        Some((rating, rests_on, ev)) => {
            Assessment { principle: principle.into(), rating, rests_on, evidence: Some(ev) }
        }
        None => Assessment {
            principle: principle.into(),
            rating: Rating::Below,
            rests_on: "not named or shown in any answer of the round".into(),
            evidence: None,
        },
    }
}

/// The debrief of the loop's takes so far.
pub fn debrief(loop_id: i64, run: &LoopRun) -> Debrief {
    let mut rounds = Vec::new();
    let mut tellings = Vec::new();
    for (ri, round) in run.plan.rounds.iter().enumerate() {
        let mut questions = Vec::new();
        for qi in 0..round.questions.len() {
            let Some(main) = run.take(StepKey::Question { round: ri, question: qi }) else {
                continue;
            };
            let followups: Vec<&DoneTake> = run
                .done
                .iter()
                .filter(|t| matches!(t.key, StepKey::FollowUp { round, question, .. } if round == ri && question == qi))
                .collect();
            questions.push(QuestionTakes { main, followups });
        }
        let mut takes = Vec::new();
        let mut scores = Vec::new();
        for q in &questions {
            let a = answer_score(q.main);
            let fus: Vec<FollowUpDebrief> = q
                .followups
                .iter()
                .map(|f| FollowUpDebrief {
                    question: f.prompt.clone(),
                    attempt_id: f.attempt_id,
                    score: followup_score(f),
                })
                .collect();
            let fu_scores: Vec<f64> = fus.iter().map(|f| f.score).collect();
            let score = match mean(&fu_scores) {
                Some(m) => round1(ANSWER_WEIGHT * a + (1.0 - ANSWER_WEIGHT) * m),
                None => a,
            };
            scores.push(score);
            takes.push(TakeDebrief {
                question_id: q.main.question_id.clone(),
                question: q.main.prompt.clone(),
                attempt_id: q.main.attempt_id,
                score,
                story_id: q.main.story_id,
                duration_s: q.main.duration_s,
                followups: fus,
            });
            if let Some(t) = &q.main.transcript {
                let figures: Option<Vec<String>> = q
                    .main
                    .report
                    .as_ref()
                    .map(|r| r.metrics.iter().map(|m| m.text.clone()).collect());
                tellings.push((
                    ri,
                    q.main.attempt_id,
                    q.main.story_id,
                    figures.unwrap_or_default(),
                    t.text(),
                ));
            }
        }
        let mut assessed: Vec<String> = round.focus.clone();
        for q in &questions {
            for t in std::iter::once(q.main).chain(q.followups.iter().copied()) {
                for p in t.report.iter().flat_map(|r| &r.principles) {
                    if !assessed.contains(&p.name) {
                        assessed.push(p.name.clone());
                    }
                }
            }
        }
        let principles: Vec<Assessment> = if questions.is_empty() {
            vec![]
        } else {
            assessed.iter().map(|p| assess(p, &questions)).collect()
        };
        let score = mean(&scores).map(round1);
        let focus_below = principles
            .iter()
            .any(|a| round.focus.contains(&a.principle) && a.rating == Rating::Below);
        let your_questions = run.take(StepKey::YourQuestions { round: ri }).map(|t| {
            let asked =
                t.transcript.as_ref().map(|t| questions_asked(&t.text())).unwrap_or_default();
            YourQuestions {
                attempt_id: t.attempt_id,
                asked: asked.len(),
                prepared_target: PREPARED,
                questions: asked,
            }
        });
        rounds.push(RoundDebrief {
            kind: round.kind,
            interviewer: round.interviewer.clone(),
            role: round.role.clone(),
            bar_raiser: round.bar_raiser,
            score,
            inclined: score.is_some_and(|s| s >= BAR) && !focus_below,
            principles,
            takes,
            your_questions,
        });
    }

    let told: Vec<Telling> = tellings
        .iter()
        .map(|(round, attempt_id, story_id, figures, text)| Telling {
            round: *round,
            attempt_id: *attempt_id,
            story_id: *story_id,
            figures: figures.clone(),
            text,
        })
        .collect();
    let reused_stories = reuse::detect(&told);

    let mut matrix: BTreeMap<String, BTreeMap<String, Rating>> =
        PRINCIPLES.iter().map(|p| (p.to_string(), BTreeMap::new())).collect();
    for (ri, r) in rounds.iter().enumerate() {
        for a in &r.principles {
            matrix.entry(a.principle.clone()).or_default().insert(ri.to_string(), a.rating);
        }
    }
    let weakest_principle = PRINCIPLES
        .iter()
        .filter_map(|p| {
            let cells = &matrix[*p];
            let m = mean(&cells.values().map(|r| r.value()).collect::<Vec<_>>())?;
            Some((m, p))
        })
        .fold(None, |acc: Option<(f64, &&str)>, (m, p)| match acc {
            Some((best, _)) if best <= m => acc,
            _ => Some((m, p)),
        })
        .map(|(_, p)| p.to_string());
    let scored: Vec<(usize, f64)> =
        rounds.iter().enumerate().filter_map(|(i, r)| Some((i, r.score?))).collect();
    let weakest_round = scored
        .iter()
        .fold(None, |acc: Option<(usize, f64)>, &(i, s)| match acc {
            Some((_, best)) if best <= s => acc,
            _ => Some((i, s)),
        })
        .map(|(i, _)| i);
    let score = round1(mean(&scored.iter().map(|(_, s)| *s).collect::<Vec<_>>()).unwrap_or(1.0));

    let writing = run.take(StepKey::Writing).map(writing_verdict);
    let mut reasons = Vec::new();
    let mut bar_raiser_override = false;
    let untaken: Vec<String> = rounds
        .iter()
        .enumerate()
        .filter(|(_, r)| r.score.is_none())
        .map(|(i, r)| format!("{} ({})", i + 1, r.kind))
        .collect();
    let hire = if !untaken.is_empty() {
        reasons
            .push(format!("the loop is not over: round {} has no answer yet", untaken.join(", ")));
        false
    } else if score < BAR {
        reasons.push(format!(
            "the interviewers' scores average {score:.1}, under the 3.5 bar (only candidates at 3.5+ across all interviewers move forward)"
        ));
        false
    } else {
        reasons
            .push(format!("the interviewers' scores average {score:.1}, at or above the 3.5 bar"));
        let mut pass = true;
        for (i, s) in &scored {
            if *s < FAR_BELOW {
                pass = false;
                reasons.push(format!(
                    "bar raiser override: round {} ({}) scored {s:.1}, a point or more below the bar (41% of rejections are bar-raiser overrides)",
                    i + 1,
                    rounds[*i].kind
                ));
            }
        }
        if let Some(w) = writing.as_ref().filter(|w| w.verdict == Rating::Below) {
            pass = false;
            reasons.push(format!(
                "bar raiser override: the writing sample scored {:.1} (32% of bar-raiser rejections cite weak writing)",
                w.score
            ));
        }
        bar_raiser_override = !pass;
        pass
    };
    for r in &reused_stories {
        reasons.push(format!(
            "the same story was told in rounds {} and {} ({}): each interviewer needs fresh evidence",
            r.rounds[0] + 1,
            r.rounds[1] + 1,
            r.evidence
        ));
    }
    let practise_next = practise_next(
        &rounds,
        weakest_round,
        weakest_principle.as_deref(),
        &matrix,
        &reused_stories,
        writing.as_ref(),
    );
    Debrief {
        loop_id,
        decision: if hire { "hire" } else { "no hire" }.into(),
        score,
        weakest_round,
        weakest_principle,
        bar_raiser_override,
        reasons,
        rounds,
        matrix,
        reused_stories,
        writing,
        practise_next,
        complete: run.is_finished(),
    }
}

fn writing_verdict(t: &DoneTake) -> WritingVerdict {
    let r: Option<&Report> = t.report.as_ref();
    let score = r.map_or(1.0, |r| r.score.overall);
    WritingVerdict {
        attempt_id: t.attempt_id,
        prompt_id: t.question_id.clone(),
        words: r.map_or(0, |r| r.words),
        score,
        verdict: Rating::of(score),
        findings: r
            .and_then(|r| r.writing.as_ref())
            .map(|w| w.findings.iter().filter(|f| !f.ok).map(|f| f.message.clone()).collect())
            .unwrap_or_default(),
    }
}

/// What to practise next, each a command: the weakest principle, the weakest
/// round's weakest question, a second story where one was told twice, the writing
/// sample when it is not strong.
fn practise_next(
    rounds: &[RoundDebrief],
    weakest_round: Option<usize>,
    weakest_principle: Option<&str>,
    matrix: &BTreeMap<String, BTreeMap<String, Rating>>,
    reused: &[Reuse],
    writing: Option<&WritingVerdict>,
) -> Vec<Practice> {
    let mut out = Vec::new();
    if let Some(p) = weakest_principle {
        let below = matrix[p].values().filter(|r| **r == Rating::Below).count();
        out.push(Practice {
            command: format!("barraiser practice --principle \"{p}\""),
            why: format!("{p} is the weakest principle of the loop ({below} round(s) below)"),
        });
    }
    if let Some(i) = weakest_round.filter(|i| rounds[*i].score.is_some_and(|s| s < BAR)) {
        let r = &rounds[i];
        if let Some(t) = r.takes.iter().min_by(|a, b| a.score.total_cmp(&b.score)) {
            if let Some(id) = &t.question_id {
                out.push(Practice {
                    command: format!("barraiser drill --question {id}"),
                    why: format!(
                        "round {} ({}) is the weakest; this answer scored {:.1}",
                        i + 1,
                        r.kind,
                        t.score
                    ),
                });
            }
        }
    }
    if let Some(r) = reused.first() {
        out.push(Practice {
            command: "barraiser stories coverage".into(),
            why: format!(
                "rounds {} and {} heard the same story: find a principle with no story and prepare one",
                r.rounds[0] + 1,
                r.rounds[1] + 1
            ),
        });
    }
    if let Some(w) = writing.filter(|w| w.verdict != Rating::Strong) {
        let prompt = w.prompt_id.as_deref().map(|p| format!(" --prompt {p}")).unwrap_or_default();
        out.push(Practice {
            command: format!("barraiser write{prompt}"),
            why: format!("the writing sample scored {:.1}", w.score),
        });
    }
    out
}

#[cfg(test)]
mod tests;
