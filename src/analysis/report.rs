//! The Report: what analysis found, in the shape of the JSON contract
//! (docs/report-json.md). Fields may be added, never renamed. Every finding carries
//! `start_s` (None for typed text) and the transcript word range (`word_index`,
//! `word_count`) so a screen can highlight the exact words.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::round::Kind;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub kind: Kind,
    pub question_id: Option<String>,
    pub limit_s: Option<f64>,
    pub target_s: Option<f64>,
    /// First word start to last word end; None for typed text.
    pub duration_s: Option<f64>,
    pub over_limit: Option<bool>,
    pub words: usize,
    pub wpm: Option<f64>,
    pub metrics: Vec<Metric>,
    pub principles: Vec<PrincipleHit>,
    pub vague: Vec<VagueHit>,
    pub fillers: Tally,
    pub pauses: Vec<Pause>,
    pub ownership: Ownership,
    pub star: Star,
    pub followups: Vec<String>,
    pub score: Score,
    pub flags: Vec<Flag>,
    /// Typed text only: how long it would take to say at 150 words a minute.
    #[serde(default)]
    pub spoken_estimate_s: Option<f64>,
    /// Where the interviewer would have cut the answer off, and what came after.
    #[serde(default)]
    pub cutoff: Option<Cutoff>,
    /// Pace per 20-second window (timed input only).
    #[serde(default)]
    pub pace: Vec<PaceWindow>,
    #[serde(default)]
    pub hedges: Tally,
    /// Checklist for product, analytical and system-design rounds.
    #[serde(default)]
    pub framework: Vec<ChecklistItem>,
    #[serde(default)]
    pub writing: Option<Writing>,
    /// Transcript words heard with low confidence (analysis::confidence), in order.
    #[serde(default)]
    pub unsure_words: Vec<usize>,
    /// The question type the answer was judged as ("estimation"): the question's own,
    /// or for an analytical answer to no known question, the one the answer shows.
    #[serde(default)]
    pub sub_kind: Option<String>,
}

/// Words of the transcript a finding points at: `word_index .. word_index + word_count`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub word_index: usize,
    pub word_count: usize,
}

impl Span {
    /// Whether transcript word `word` is one of the span's.
    pub fn covers(&self, word: usize) -> bool {
        (self.word_index..self.word_index + self.word_count).contains(&word)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Metric {
    pub text: String,
    pub start_s: Option<f64>,
    /// percent, money, multiplier, duration, count, score or change.
    pub kind: String,
    #[serde(flatten)]
    pub span: Span,
    /// result, baseline, scope or time (see analysis::roles). Reports stored before
    /// roles existed counted every metric as a result.
    #[serde(default = "result_role")]
    pub role: String,
    /// Rests on a word heard with low confidence (analysis::confidence).
    #[serde(default)]
    pub unsure: bool,
}

fn result_role() -> String {
    crate::analysis::roles::RESULT.into()
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PrincipleHit {
    /// One of the 16 canonical names.
    pub name: String,
    pub text: String,
    /// The answer names the principle as its lesson ("This demonstrates Ownership"),
    /// rather than only using its words or hinting at it ("I owned the fix").
    pub explicit: bool,
    pub start_s: Option<f64>,
    #[serde(flatten)]
    pub span: Span,
    #[serde(default)]
    pub mentions: usize,
    /// Named in a form whisper bent ("customer on session" for Customer Obsession):
    /// `text` holds what was heard.
    #[serde(default)]
    pub near_miss: bool,
    #[serde(default)]
    pub unsure: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VagueHit {
    pub text: String,
    pub start_s: Option<f64>,
    pub suggestion: String,
    #[serde(flatten)]
    pub span: Span,
    /// Heard with low confidence: shown, but not held against the score.
    #[serde(default)]
    pub unsure: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Tally {
    pub count: usize,
    pub per_min: Option<f64>,
    pub items: Vec<Occurrence>,
    /// True for speech: the transcriber drops some fillers, so the count is a floor.
    #[serde(default)]
    pub lower_bound: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Occurrence {
    pub text: String,
    pub start_s: Option<f64>,
    #[serde(flatten)]
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pause {
    pub start_s: f64,
    pub duration_s: f64,
    /// "hesitation" (inside a sentence) or "silence" (a long one anywhere).
    #[serde(default)]
    pub kind: String,
    /// The word the pause follows.
    #[serde(default)]
    pub after_word: Option<usize>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Ownership {
    pub i: usize,
    pub we: usize,
    /// "I" / "we" as the subject of an action ("I rewrote", "we shipped").
    #[serde(default)]
    pub i_actions: usize,
    #[serde(default)]
    pub we_actions: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Star {
    pub situation: bool,
    pub task: bool,
    pub action: bool,
    pub result: bool,
    /// The only result is a change said with no figure ("call volume came way down"):
    /// a result part, without the evidence the score asks for.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub result_unmeasured: bool,
    pub principle: bool,
    /// Each part present: where it starts and its share of the answer (time, or words for text).
    #[serde(default)]
    pub parts: Vec<StarPart>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StarPart {
    /// situation, task, action, result or principle.
    pub part: String,
    pub start_s: Option<f64>,
    pub word_index: usize,
    /// 0.0 ..= 1.0
    pub share: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Score {
    /// 1.0 ..= 4.0
    pub overall: f64,
    pub dimensions: BTreeMap<String, f64>,
    #[serde(default = "bar")]
    pub bar: f64,
}

fn bar() -> f64 {
    crate::analysis::score::BAR
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Flag {
    pub code: String,
    pub message: String,
    pub start_s: Option<f64>,
    #[serde(default)]
    pub word_index: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cutoff {
    pub at_s: f64,
    /// First word said after the cut-off.
    pub word_index: usize,
    pub words_after: usize,
    pub text_after: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PaceWindow {
    pub start_s: f64,
    pub end_s: f64,
    pub wpm: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChecklistItem {
    pub item: String,
    pub covered: bool,
    pub text: Option<String>,
    pub start_s: Option<f64>,
    pub word_index: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Writing {
    pub words: usize,
    /// Within the 300-500 words the writing sample asks for.
    pub in_range: bool,
    pub passive: Vec<Occurrence>,
    pub jargon: Vec<Occurrence>,
    /// The writing rubric, one finding per check (see `analysis::writing::rubric`).
    #[serde(default)]
    pub findings: Vec<WritingFinding>,
}

/// One check of the writing rubric: its 1-4 score and what it rests on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WritingFinding {
    /// length, active_voice, plain_language, principle, results, ownership, vague or story_arc.
    pub check: String,
    pub score: f64,
    /// The check is fully met (score 4).
    pub ok: bool,
    pub message: String,
    /// The first word the finding points at, when it points at one.
    pub word_index: Option<usize>,
}
