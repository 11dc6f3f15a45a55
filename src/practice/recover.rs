//! Takes that did not reach the store when they ended: recordings a crash cut
//! short, and finished takes the database could not save. Both are taken up at
//! the next start.

use anyhow::{anyhow, Result};
use chrono::{DateTime, Utc};

use super::outcome::{conclude, Filing, Outcome};
use super::take::Finished;
use crate::analysis::Lexicon;
use crate::audio::recorder::{recover, Recovered};
use crate::bank::{Bank, Question};
use crate::speech::transcribe::{transcribe_file, TranscribeOptions};
use crate::store::Store;

/// Why a recovered take is filed as interrupted.
pub const INTERRUPTED: &str = "the take was interrupted (barraiser stopped before it ended)";

/// What the start found: lines to tell the user, and the recordings awaiting analysis.
pub struct TakenUp {
    pub lines: Vec<String>,
    pub pending: Vec<Recovered>,
}

/// Saves the takes an earlier failed save kept, and repairs recordings a crash
/// interrupted.
pub fn take_up(store: &mut Store) -> Result<TakenUp> {
    let mut lines: Vec<String> = store
        .save_kept()?
        .into_iter()
        .map(|s| {
            format!(
                "saved the take that could not be saved before as session {} (from {})",
                s.attempt_id,
                s.file.display()
            )
        })
        .collect();
    let recovery = recover(&store.recordings_dir())?;
    lines.extend(recovery.left_alone);
    lines.extend(recovery.pending.iter().map(|r| {
        format!(
            "recovered an interrupted recording: {} ({:.1} s); `barraiser recover` analyses it",
            r.meta.path.display(),
            r.recording.duration_s()
        )
    }));
    Ok(TakenUp { lines, pending: recovery.pending })
}

/// When the recording began, from its marker.
pub fn recorded_at(r: &Recovered) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(&r.meta.started_at).ok().map(|t| t.with_timezone(&Utc))
}

/// The question a recovered recording answered, else `fallback`.
pub fn question_for<'a>(
    bank: &'a Bank,
    r: &Recovered,
    fallback: Option<&str>,
) -> Result<&'a Question> {
    let id = r.meta.question_id.as_deref().or(fallback).ok_or_else(|| {
        anyhow!(
            "{} answers no question (made by `barraiser record`): pass --question ID, \
             or coach it with `barraiser analyze`",
            r.meta.path.display()
        )
    })?;
    bank.get(id).ok_or_else(|| anyhow!("unknown question '{id}' for {}", r.meta.path.display()))
}

/// Transcribes a recovered recording, analyses it against `question` and saves it
/// as an interrupted practice take dated when it was recorded; then it is no
/// longer offered. A recording with no speech is saved too, and is an error.
pub fn conclude_recovered(
    store: &mut Store,
    question: &Question,
    r: &Recovered,
    opts: &TranscribeOptions,
    lex: &Lexicon,
) -> Result<Outcome> {
    let finished = Finished {
        recording: r.recording.clone(),
        transcript: transcribe_file(&r.recording.path, opts),
        failure: Some(INTERRUPTED.to_string()),
        tail_s: 0.0,
        dropped_frames: 0,
    };
    let heard = finished.transcript.is_ok();
    let started_at = recorded_at(r).unwrap_or_else(Utc::now);
    let outcome = conclude(store, question, started_at, &Filing::practice(), finished, lex);
    // Offered again unless saved (or kept): a take with no speech is saved before
    // its error.
    if outcome.is_ok() || !heard {
        r.settle(false)?;
    }
    outcome
}
