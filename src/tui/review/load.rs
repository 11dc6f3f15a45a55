//! What the review shows of a stored take, read from the store.

use std::path::PathBuf;

use anyhow::Result;

use super::ReviewData;
use crate::bank::Bank;
use crate::store::{Attempt, Store};
use crate::takes::{question_title, report_of, since_previous};

impl ReviewData {
    /// Everything the review shows for `a`, with the take before it on the same
    /// question or story for comparison. `bank` adds the question's text.
    pub fn load(store: &Store, a: &Attempt, bank: Option<&Bank>) -> Result<ReviewData> {
        let (report, transcript) = report_of(store, a)?;
        let audio: Option<PathBuf> = store.audio_file(a).filter(|p| p.is_file());
        let title = question_title(bank, a.question_id.as_deref())
            .unwrap_or_else(|| format!("{} answer", a.kind));
        Ok(ReviewData {
            attempt_id: a.id,
            title,
            started_at: a.started_at,
            report,
            transcript,
            audio,
            since_previous: since_previous(store, a, bank)?,
        })
    }
}
