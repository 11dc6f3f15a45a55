//! After the stop: analyse the answer and save it as a session.

use std::path::Path;

use anyhow::{anyhow, Context as _, Result};
use chrono::{DateTime, Utc};

use super::take::Finished;
use crate::analysis::{analyze, Context, Lexicon, Report};
use crate::audio::recorder::Recording;
use crate::bank::Question;
use crate::store::{keep_unsaved, Mode, NewAttempt, Status, Store};
use crate::transcript::Transcript;

/// How a take is filed in the store: a practice of its own, or a take in a drill
/// (one sitting, possibly telling a story).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Filing {
    pub mode: Mode,
    /// The sitting the take belongs to; `None` starts one of its own.
    pub session_id: Option<i64>,
    pub story_id: Option<i64>,
}

impl Filing {
    /// A practice take, a session of its own.
    pub fn practice() -> Filing {
        Filing { mode: Mode::Practice, session_id: None, story_id: None }
    }

    /// Fills in the question, the start, the recording and where the take belongs.
    fn apply(
        &self,
        attempt: &mut NewAttempt,
        question: &Question,
        started_at: DateTime<Utc>,
        status: Status,
        recording: &Recording,
    ) {
        attempt.started_at = started_at;
        attempt.session_id = self.session_id;
        attempt.story_id = self.story_id;
        attempt.question_id = Some(question.id.clone());
        attempt.status = status;
        attempt.audio_path = Some(recording.path.clone());
    }
}

/// A finished and analysed take, saved or kept for the next start.
pub struct Outcome {
    pub report: Report,
    pub transcript: Transcript,
    pub recording: Recording,
    /// The saved session; `None` when the database could not take it (see `unsaved`).
    pub attempt_id: Option<i64>,
    /// Why the take could not be saved, and the file it is kept in until the next
    /// start saves it.
    pub unsaved: Option<String>,
    /// The device failed mid-answer (the report covers what came before).
    pub failure: Option<String>,
}

/// Analyses the take and saves it (recording, transcript, report). When nothing
/// was said the recording is still saved, and the error says where it is. When the
/// database cannot take it (busy past the wait, disk full), the take is kept in a
/// file beside the recording for the next start and the report is returned anyway.
pub fn conclude(
    store: &mut Store,
    question: &Question,
    started_at: DateTime<Utc>,
    filing: &Filing,
    finished: Finished,
    lex: &Lexicon,
) -> Result<Outcome> {
    let recordings = store.recordings_dir();
    conclude_into(Ok(store), &recordings, question, started_at, filing, finished, lex)
}

/// [`conclude`] on a store that may not have opened (a worker's connection of its
/// own): a take it cannot save is kept in `recordings` all the same.
pub fn conclude_into(
    store: Result<&mut Store>,
    recordings: &Path,
    question: &Question,
    started_at: DateTime<Utc>,
    filing: &Filing,
    finished: Finished,
    lex: &Lexicon,
) -> Result<Outcome> {
    let Finished { recording, transcript, failure, .. } = finished;
    let status = if failure.is_some() { Status::Interrupted } else { Status::Complete };
    let (mut attempt, analysed) = match transcript {
        Ok(transcript) => {
            let report = analyze(&transcript, &Context::for_question(question), lex);
            let report_json = serde_json::to_value(&report).context("cannot encode the report")?;
            let mut attempt = NewAttempt::from_report(filing.mode, report_json)?;
            attempt.transcript =
                Some(serde_json::to_value(&transcript).context("cannot encode the transcript")?);
            (attempt, Ok((report, transcript)))
        }
        Err(err) => {
            let mut attempt = NewAttempt::new(question.kind, filing.mode);
            attempt.duration_s = Some(recording.duration_s());
            (attempt, Err(err))
        }
    };
    filing.apply(&mut attempt, question, started_at, status, &recording);
    let (attempt_id, unsaved) = match store.and_then(|store| store.insert_attempt(&attempt)) {
        Ok(id) => (Some(id), None),
        Err(err) => {
            let kept = keep_unsaved(recordings, &attempt).with_context(|| {
                format!(
                    "{err:#}; the take could not be kept either (the recording is {})",
                    recording.path.display()
                )
            })?;
            let why = format!(
                "could not save the take ({err:#}); it is kept in {} and saved at the next start",
                kept.display()
            );
            (None, Some(why))
        }
    };
    match analysed {
        Ok((report, transcript)) => {
            Ok(Outcome { report, transcript, recording, attempt_id, unsaved, failure })
        }
        Err(err) => {
            let why = failure.map(|f| format!("{f}; ")).unwrap_or_default();
            let kept = unsaved.map(|u| format!("; {u}")).unwrap_or_default();
            Err(anyhow!("{why}{err:#} in the recording {}{kept}", recording.path.display()))
        }
    }
}
