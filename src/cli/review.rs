//! `barraiser review [SESSION]`: the transcript of a take with its findings marked,
//! full-screen in a terminal, or printed with `--print` (and whenever stdout is not a
//! terminal).

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::{anyhow, bail, Context, Result};
use clap::Args;

use super::Global;
use crate::analysis::report::Report;
use crate::analysis::timing::clock;
use crate::bank::Bank;
use crate::progress::compare::{compare, Comparison};
use crate::progress::load::take;
use crate::report::marks::Marks;
use crate::store::{Attempt, AttemptFilter, Store};
use crate::transcript::Transcript;
use crate::tui::review::{Review, ReviewData, ReviewScreen};

#[derive(Debug, Default, Args)]
pub struct ReviewArgs {
    /// Session id (as `barraiser sessions` lists them); the latest when left out
    #[arg(value_name = "SESSION")]
    pub session: Option<String>,
    /// Print the report and the findings in order instead of opening the screen
    #[arg(long)]
    pub print: bool,
}

pub fn run(args: ReviewArgs, g: &Global) -> Result<()> {
    let store = open_store(g)?;
    let data = load(&store, args.session.as_deref())?;
    if args.print || !std::io::stdout().is_terminal() {
        print!("{}", printed(&data));
        return Ok(());
    }
    crate::tui::screen_loop::run(&mut ReviewScreen::new(Review::new(data)))
}

pub(super) fn open_store(g: &Global) -> Result<Store> {
    let dir = crate::paths::data_dir(g.data_dir.as_ref());
    Store::open_existing(&dir)?.ok_or_else(|| {
        anyhow!(
            "no practice sessions yet in {} (practise with `barraiser practice`)",
            dir.display()
        )
    })
}

/// The attempt `session` names ("12", "#12", "latest"), or the latest one.
pub(super) fn find_attempt(store: &Store, session: Option<&str>) -> Result<Attempt> {
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
pub(super) fn report_of(store: &Store, a: &Attempt) -> Result<(Report, Transcript)> {
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

/// Everything the review shows for `session`, with the take before it on the same
/// question or story for comparison.
pub fn load(store: &Store, session: Option<&str>) -> Result<ReviewData> {
    let a = find_attempt(store, session)?;
    let (report, transcript) = report_of(store, &a)?;
    let audio: Option<PathBuf> = store.audio_file(&a).filter(|p| p.is_file());
    // The bank only adds the question's text and sub-kind: a broken user file must not stop a review.
    let bank = crate::bank::Bank::load(None).ok();
    let title = question_title(bank.as_ref(), a.question_id.as_deref())
        .unwrap_or_else(|| format!("{} answer", a.kind));
    Ok(ReviewData {
        attempt_id: a.id,
        title,
        started_at: a.started_at,
        report,
        transcript,
        audio,
        since_previous: previous_take(store, &a, bank.as_ref())?,
    })
}

/// The question's text from the bank, else its id.
pub(super) fn question_title(bank: Option<&Bank>, id: Option<&str>) -> Option<String> {
    let id = id?;
    Some(bank.and_then(|b| b.get(id)).map(|q| q.text.clone()).unwrap_or_else(|| id.to_string()))
}

/// This take against the latest earlier take of the same question (or story).
fn previous_take(store: &Store, a: &Attempt, bank: Option<&Bank>) -> Result<Option<Comparison>> {
    if a.question_id.is_none() && a.story_id.is_none() {
        return Ok(None);
    }
    let filter = AttemptFilter {
        question_id: a.question_id.clone(),
        story_id: a.story_id,
        ..Default::default()
    };
    let earlier =
        store.attempts(&filter)?.into_iter().find(|b| (b.started_at, b.id) < (a.started_at, a.id));
    let Some(b) = earlier else { return Ok(None) };
    Ok(Some(compare(&take(&b, bank), &take(a, bank))))
}

/// The plain-text review: the report, then every finding in transcript order.
fn printed(d: &ReviewData) -> String {
    let mut o = format!(
        "Session #{} · {} · {}\n\n",
        d.attempt_id,
        d.title,
        d.started_at.format("%Y-%m-%d %H:%M UTC")
    );
    o.push_str(&crate::report::render_text(&d.report, &d.transcript, false));
    let marks = Marks::new(&d.report, &d.transcript);
    o.push_str("\nFindings in order:\n");
    for f in &marks.findings {
        let at = f.start_s.map(clock).unwrap_or_else(|| "  -".into());
        o.push_str(&format!("  {at:>5}  {:<9}  {}\n", f.mark.as_str(), f.label));
    }
    if let Some(c) = &d.since_previous {
        o.push_str(&super::compare::describe(c));
    }
    o
}
