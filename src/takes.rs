//! A stored take: finding it, reading back its report and transcript, naming it, the
//! take before it, and exporting it. Shared by the commands and the screens.

use anyhow::{anyhow, bail, Context, Result};

use crate::analysis::report::Report;
use crate::bank::Bank;
use crate::progress::compare::{compare, Comparison};
use crate::progress::load::take;
use crate::report::html::PageInfo;
use crate::store::{Attempt, AttemptFilter, Store};
use crate::transcript::Transcript;

/// The formats a take exports to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// Markdown, for notes.
    Md,
    /// The Report JSON, for tools.
    Json,
    /// A self-contained page to share.
    Html,
}

impl ExportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Md => "md",
            ExportFormat::Json => "json",
            ExportFormat::Html => "html",
        }
    }
}

/// The attempt `session` names ("12", "#12", "latest"), or the latest one.
pub fn find_attempt(store: &Store, session: Option<&str>) -> Result<Attempt> {
    match session.map(|s| s.trim().trim_start_matches('#')) {
        None | Some("latest" | "last") => store
            .attempts(&AttemptFilter { limit: Some(1), ..Default::default() })?
            .into_iter()
            .next()
            .ok_or_else(|| anyhow!("no practice sessions yet in {}", store.path().display())),
        Some(text) => {
            let id: i64 = text.parse().map_err(|_| {
                anyhow!(
                    "'{text}' is not a session id (a number from `barraiser sessions`, or latest)"
                )
            })?;
            store
                .attempt(id)?
                .ok_or_else(|| anyhow!("no session #{id} in {}", store.path().display()))
        }
    }
}

/// The report and transcript an attempt saved.
pub fn report_of(store: &Store, a: &Attempt) -> Result<(Report, Transcript)> {
    let db = store.path().display();
    let report = a
        .report
        .clone()
        .ok_or_else(|| anyhow!("session #{} has no report (it was never analysed)", a.id))?;
    let report: Report = serde_json::from_value(report)
        .with_context(|| format!("{db}: session #{}: the saved report is not readable", a.id))?;
    let transcript: Transcript = match a.transcript.clone() {
        Some(t) => serde_json::from_value(t).with_context(|| {
            format!("{db}: session #{}: the saved transcript is not readable", a.id)
        })?,
        None => bail!("session #{} has no transcript", a.id),
    };
    Ok((report, transcript))
}

/// The question's text from the bank, else its id.
pub fn question_title(bank: Option<&Bank>, id: Option<&str>) -> Option<String> {
    let id = id?;
    Some(bank.and_then(|b| b.get(id)).map(|q| q.text.clone()).unwrap_or_else(|| id.to_string()))
}

/// The latest take before `a` of the same question (or story).
pub fn previous_attempt(store: &Store, a: &Attempt) -> Result<Option<Attempt>> {
    if a.question_id.is_none() && a.story_id.is_none() {
        return Ok(None);
    }
    let filter = AttemptFilter {
        question_id: a.question_id.clone(),
        story_id: a.story_id,
        ..Default::default()
    };
    Ok(store.attempts(&filter)?.into_iter().find(|b| (b.started_at, b.id) < (a.started_at, a.id)))
}

/// `a` against the latest take before it of the same question (or story).
pub fn since_previous(
    store: &Store,
    a: &Attempt,
    bank: Option<&Bank>,
) -> Result<Option<Comparison>> {
    Ok(previous_attempt(store, a)?.map(|b| compare(&take(&b, bank), &take(a, bank))))
}

/// The take as a document in `format`.
pub fn export(
    store: &Store,
    a: &Attempt,
    format: ExportFormat,
    bank: Option<&Bank>,
) -> Result<String> {
    let (report, transcript) = report_of(store, a)?;
    Ok(match format {
        ExportFormat::Md => crate::report::render_markdown(&report, &transcript),
        ExportFormat::Json => crate::report::render_json(&report) + "\n",
        ExportFormat::Html => {
            let info = PageInfo {
                question: question_title(bank, a.question_id.as_deref()),
                practised_at: Some(a.started_at.format("%Y-%m-%d %H:%M UTC").to_string()),
                session: Some(format!("#{}", a.id)),
            };
            crate::report::render_html(&report, &transcript, &info)
        }
    })
}

/// Writes the take's page into the data directory's `exports/`; returns where.
pub fn export_to_data_dir(
    store: &Store,
    a: &Attempt,
    format: ExportFormat,
    bank: Option<&Bank>,
) -> Result<std::path::PathBuf> {
    let dir = store.data_dir().join("exports");
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let path = dir.join(format!("session-{}.{}", a.id, format.extension()));
    std::fs::write(&path, export(store, a, format, bank)?)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(path)
}
