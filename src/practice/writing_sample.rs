//! A writing sample from start to saved take: the prompt, the draft in the user's
//! editor (or a file), the time it took, the rubric, the store. The sample is saved
//! like a spoken answer (its transcript is the text itself, with no timing), so
//! `review` and `sessions` show it.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{anyhow, bail, Context as _, Result};
use chrono::{DateTime, Utc};
use serde::Serialize;

use super::editor;
use crate::analysis::report::{Metric, Occurrence, PrincipleHit, VagueHit, WritingFinding};
use crate::analysis::writing::{MAX_WORDS, MIN_WORDS};
use crate::analysis::{analyze, Context, Lexicon, Report};
use crate::bank::Question;
use crate::round::Kind;
use crate::store::{Mode, NewAttempt, Store};
use crate::transcript::Transcript;

/// Lines of a draft starting with this are instructions, not the sample.
pub const COMMENT: char = '#';

/// The sample without the draft's instruction lines.
pub fn sample_text(draft: &str) -> String {
    draft.lines().filter(|l| !l.trim_start().starts_with(COMMENT)).collect::<Vec<_>>().join("\n")
}

/// Judges `text` and builds the attempt to save: the report, the text as its
/// transcript, `prompt_id` as its question.
pub fn judge(
    text: &str,
    prompt_id: Option<&str>,
    started_at: DateTime<Utc>,
    lex: &Lexicon,
) -> Result<(NewAttempt, Report, Transcript)> {
    let transcript = Transcript::from_text(text);
    if transcript.words.is_empty() {
        bail!("the writing sample has no words");
    }
    let ctx =
        Context { question_id: prompt_id.map(String::from), ..Context::for_kind(Kind::Writing) };
    let report = analyze(&transcript, &ctx, lex);
    let json = serde_json::to_value(&report).context("cannot encode the report")?;
    let mut attempt = NewAttempt::from_report(Mode::Practice, json)?;
    attempt.transcript =
        Some(serde_json::to_value(&transcript).context("cannot encode the transcript")?);
    attempt.started_at = started_at;
    Ok((attempt, report, transcript))
}

/// The writing report `barraiser write --json` prints (fields may be added, not renamed).
#[derive(Debug, Clone, Serialize)]
pub struct WritingReport {
    /// The stored take (`barraiser review ID`).
    pub session: Option<i64>,
    pub prompt_id: Option<String>,
    pub prompt: Option<String>,
    pub words: usize,
    pub min_words: usize,
    pub max_words: usize,
    pub in_range: bool,
    /// Time in the editor; `None` for a file written elsewhere.
    pub elapsed_s: Option<f64>,
    pub score: f64,
    pub bar: f64,
    pub findings: Vec<WritingFinding>,
    pub passive: Vec<Occurrence>,
    pub jargon: Vec<Occurrence>,
    pub vague: Vec<VagueHit>,
    pub metrics: Vec<Metric>,
    pub principles: Vec<PrincipleHit>,
}

impl WritingReport {
    pub fn new(
        report: &Report,
        prompt: Option<&Question>,
        elapsed_s: Option<f64>,
        session: Option<i64>,
    ) -> Self {
        let w = report.writing.clone().unwrap_or_else(|| crate::analysis::report::Writing {
            words: report.words,
            in_range: false,
            passive: vec![],
            jargon: vec![],
            findings: vec![],
        });
        WritingReport {
            session,
            prompt_id: prompt.map(|q| q.id.clone()),
            prompt: prompt.map(|q| q.text.clone()),
            words: w.words,
            min_words: MIN_WORDS,
            max_words: MAX_WORDS,
            in_range: w.in_range,
            elapsed_s,
            score: report.score.overall,
            bar: report.score.bar,
            findings: w.findings,
            passive: w.passive,
            jargon: w.jargon,
            vague: report.vague.clone(),
            metrics: report.metrics.clone(),
            principles: report.principles.clone(),
        }
    }
}

/// A sample read or written, judged, not yet saved.
pub struct Sample {
    pub attempt: NewAttempt,
    pub report: Report,
    pub transcript: Transcript,
    pub text: String,
    pub elapsed_s: Option<f64>,
    /// The editor's draft, removed once the sample is saved.
    pub draft: Option<PathBuf>,
}

/// Reads a sample from a file: one-line errors for a missing, unreadable or empty file.
pub fn from_file(path: &Path, prompt: Option<&Question>, lex: &Lexicon) -> Result<Sample> {
    let bytes = std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => anyhow!("{}: no such file", path.display()),
        _ => anyhow!("{}: cannot read: {e}", path.display()),
    })?;
    let text =
        String::from_utf8(bytes).map_err(|_| anyhow!("{}: not UTF-8 text", path.display()))?;
    let text = sample_text(&text);
    if text.split_whitespace().next().is_none() {
        bail!("{}: no words to judge", path.display());
    }
    let (attempt, report, transcript) =
        judge(&text, prompt.map(|q| q.id.as_str()), Utc::now(), lex)?;
    Ok(Sample { attempt, report, transcript, text, elapsed_s: None, draft: None })
}

/// The draft's instructions: the prompt and the word target, as comment lines.
pub fn draft_header(prompt: Option<&Question>) -> String {
    let mut h = String::new();
    if let Some(q) = prompt {
        h.push_str(&format!("{COMMENT} Prompt ({}): {}\n", q.id, q.text));
    }
    h.push_str(&format!(
        "{COMMENT} Target: {MIN_WORDS}-{MAX_WORDS} words. Active voice, no jargon, name the Leadership Principle, give the numbers.\n\
         {COMMENT} Lines starting with {COMMENT} are left out. Save and close the editor when you are done.\n\n"
    ));
    h
}

/// Opens the user's editor on a new draft in `<data dir>/drafts` and judges what
/// comes back; the draft stays on disk until the sample is saved.
pub fn from_editor(drafts: &Path, prompt: Option<&Question>, lex: &Lexicon) -> Result<Sample> {
    std::fs::create_dir_all(drafts)
        .with_context(|| format!("cannot create {}", drafts.display()))?;
    let stamp = Utc::now().format("%Y%m%d-%H%M%S-%3f");
    let draft = drafts.join(format!("writing-{stamp}.md"));
    std::fs::write(&draft, draft_header(prompt))
        .with_context(|| format!("cannot write {}", draft.display()))?;
    let started_at = Utc::now();
    let clock = Instant::now();
    editor::edit(&draft)?;
    let elapsed_s = clock.elapsed().as_secs_f64();
    let raw = std::fs::read_to_string(&draft)
        .with_context(|| format!("cannot read {}", draft.display()))?;
    let text = sample_text(&raw);
    if text.split_whitespace().next().is_none() {
        std::fs::remove_file(&draft).ok();
        bail!("the writing sample is empty; nothing saved");
    }
    let (attempt, report, transcript) =
        judge(&text, prompt.map(|q| q.id.as_str()), started_at, lex)
            .with_context(|| format!("your text is kept in {}", draft.display()))?;
    Ok(Sample { attempt, report, transcript, text, elapsed_s: Some(elapsed_s), draft: Some(draft) })
}

/// Saves a sample as a take of its own; returns its session id.
pub fn save(store: &mut Store, sample: &Sample) -> Result<i64> {
    let id = store.insert_attempt(&sample.attempt)?;
    if let Some(d) = &sample.draft {
        std::fs::remove_file(d).ok();
    }
    Ok(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instruction_lines_are_left_out_and_an_empty_sample_is_refused() {
        let draft =
            "# Prompt: write 400 words\n# 300-500 words\nI led the launch.\n\n  # note\nIt worked.";
        assert_eq!(sample_text(draft), "I led the launch.\n\nIt worked.");
        let lex = Lexicon::builtin();
        let (attempt, report, _) =
            judge("I led the launch.", Some("wri-product-win"), Utc::now(), &lex).unwrap();
        assert_eq!(attempt.kind, Kind::Writing);
        assert_eq!(attempt.question_id.as_deref(), Some("wri-product-win"));
        assert!(report.writing.is_some());
        assert!(
            judge("# only a comment", None, Utc::now(), &lex).is_ok(),
            "judge takes the text as given"
        );
        assert!(judge(&sample_text("# only a comment"), None, Utc::now(), &lex).is_err());
    }
}
