//! After the stop: analyse the answer and save it as a session.

use anyhow::{anyhow, Context as _, Result};
use chrono::{DateTime, Utc};

use super::take::Finished;
use crate::analysis::{analyze, Context, Lexicon, Report};
use crate::audio::recorder::Recording;
use crate::bank::Question;
use crate::store::{Mode, NewAttempt, Status, Store};
use crate::transcript::Transcript;

/// A finished, analysed and saved take.
pub struct Outcome {
    pub report: Report,
    pub transcript: Transcript,
    pub recording: Recording,
    pub attempt_id: i64,
    /// The device failed mid-answer (the report covers what came before).
    pub failure: Option<String>,
}

/// Analyses the take and saves it (recording, transcript, report). When nothing
/// was said the recording is still saved, and the error says where it is.
pub fn conclude(
    store: &mut Store,
    question: &Question,
    started_at: DateTime<Utc>,
    finished: Finished,
    lex: &Lexicon,
) -> Result<Outcome> {
    let Finished { recording, transcript, failure, .. } = finished;
    let status = if failure.is_some() { Status::Interrupted } else { Status::Complete };
    let transcript = match transcript {
        Ok(t) => t,
        Err(err) => {
            let mut attempt = NewAttempt::new(question.kind, Mode::Practice);
            attempt.started_at = started_at;
            attempt.question_id = Some(question.id.clone());
            attempt.status = status;
            attempt.audio_path = Some(recording.path.clone());
            attempt.duration_s = Some(recording.duration_s());
            store.insert_attempt(&attempt)?;
            let why = failure.map(|f| format!("{f}; ")).unwrap_or_default();
            return Err(anyhow!("{why}{err:#} in the recording {}", recording.path.display()));
        }
    };
    let report = analyze(&transcript, &Context::for_question(question), lex);
    let attempt_id = save(store, question, started_at, status, &recording, &transcript, &report)?;
    Ok(Outcome { report, transcript, recording, attempt_id, failure })
}

/// Saves an analysed take as a practice session; returns its id.
pub fn save(
    store: &mut Store,
    question: &Question,
    started_at: DateTime<Utc>,
    status: Status,
    recording: &Recording,
    transcript: &Transcript,
    report: &Report,
) -> Result<i64> {
    let report_json = serde_json::to_value(report).context("cannot encode the report")?;
    let mut attempt = NewAttempt::from_report(Mode::Practice, report_json)?;
    attempt.started_at = started_at;
    attempt.question_id = Some(question.id.clone());
    attempt.status = status;
    attempt.audio_path = Some(recording.path.clone());
    attempt.transcript = Some(serde_json::to_value(transcript).context("cannot encode the transcript")?);
    store.insert_attempt(&attempt)
}
