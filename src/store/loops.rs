//! Mock onsite loops: the loop's plan, settings and debrief as JSON documents (the
//! loop logic above the store gives them their shape), and each take's link to its
//! step. A take and its link are written in one transaction, so a crash at any
//! moment leaves every finished take in place and findable by the loop.

use anyhow::{bail, Result};
use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension, Row};
use serde::Serialize;

use super::attempts::{insert_in, insert_session};
use super::columns::{document, time, time_text};
use super::{Attempt, Mode, NewAttempt, Store};

/// A saved loop.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LoopRow {
    pub id: i64,
    pub started_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
    /// The sitting its takes belong to.
    pub session_id: i64,
    pub plan: serde_json::Value,
    pub settings: serde_json::Value,
    pub debrief: Option<serde_json::Value>,
    pub decision: Option<String>,
    pub score: Option<f64>,
}

/// Where a take sits in its loop.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LoopLink {
    pub loop_id: i64,
    /// writing, question, followup or your-questions.
    pub step: String,
    pub round_index: Option<usize>,
    pub question_index: Option<usize>,
    pub followup_index: Option<usize>,
    pub parent_attempt_id: Option<i64>,
    /// What was asked.
    pub prompt: String,
    /// What a follow-up probes.
    pub reason: Option<String>,
}

const LOOP_COLUMNS: &str = "id, started_at, finished_at, session_id, plan_json, settings_json, \
    debrief_json, decision, score";

impl Store {
    /// Starts a loop and the session its takes will share; returns the loop's id.
    pub fn insert_loop(
        &mut self,
        plan: &serde_json::Value,
        settings: &serde_json::Value,
    ) -> Result<i64> {
        let now = Utc::now();
        self.write(|tx| {
            let session = insert_session(tx, &now, Mode::Practice)?;
            tx.execute(
                "INSERT INTO loops (started_at, session_id, plan_json, settings_json) VALUES (?1, ?2, ?3, ?4)",
                params![time_text(&now), session, plan.to_string(), settings.to_string()],
            )?;
            Ok(tx.last_insert_rowid())
        })
    }

    /// Saves a take of a loop with its link, in one transaction; returns the attempt id.
    pub fn insert_loop_take(&mut self, a: &NewAttempt, link: &LoopLink) -> Result<i64> {
        let audio = self.relative_audio(a.audio_path.as_deref())?;
        let idx = |i: Option<usize>| i.map(|i| i as i64);
        self.write(|tx| {
            let id = insert_in(tx, a, &audio)?;
            tx.execute(
                "INSERT INTO loop_takes (attempt_id, loop_id, step, round_index, question_index,
                     followup_index, parent_attempt_id, prompt, reason)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    id,
                    link.loop_id,
                    link.step,
                    idx(link.round_index),
                    idx(link.question_index),
                    idx(link.followup_index),
                    link.parent_attempt_id,
                    link.prompt,
                    link.reason
                ],
            )?;
            Ok(id)
        })
    }

    /// Marks the loop over and keeps its debrief.
    pub fn finish_loop(
        &mut self,
        id: i64,
        debrief: &serde_json::Value,
        decision: &str,
        score: f64,
    ) -> Result<()> {
        let n = self.write(|tx| {
            tx.execute(
                "UPDATE loops SET finished_at = ?2, debrief_json = ?3, decision = ?4, score = ?5 WHERE id = ?1",
                params![id, time_text(&Utc::now()), debrief.to_string(), decision, score],
            )
        })?;
        if n == 0 {
            bail!("no loop #{id} in {}", self.db_path.display());
        }
        Ok(())
    }

    pub fn loop_row(&self, id: i64) -> Result<Option<LoopRow>> {
        self.read(|c| {
            c.query_row(
                &format!("SELECT {LOOP_COLUMNS} FROM loops WHERE id = ?1"),
                [id],
                loop_from_row,
            )
            .optional()
        })
    }

    /// Every loop, newest first.
    pub fn loops(&self) -> Result<Vec<LoopRow>> {
        self.read(|c| {
            let mut stmt = c.prepare(&format!(
                "SELECT {LOOP_COLUMNS} FROM loops ORDER BY started_at DESC, id DESC"
            ))?;
            let rows = stmt.query_map([], loop_from_row)?;
            rows.collect()
        })
    }

    /// The takes of a loop with their links, in the order they were taken.
    pub fn loop_takes(&self, loop_id: i64) -> Result<Vec<(LoopLink, Attempt)>> {
        let links: Vec<(i64, LoopLink)> = self.read(|c| {
            let mut stmt = c.prepare(
                "SELECT attempt_id, loop_id, step, round_index, question_index, followup_index,
                        parent_attempt_id, prompt, reason
                 FROM loop_takes WHERE loop_id = ?1 ORDER BY attempt_id",
            )?;
            let rows = stmt.query_map([loop_id], |r| Ok((r.get(0)?, link_from_row(r)?)))?;
            rows.collect()
        })?;
        let mut out = Vec::new();
        for (id, link) in links {
            if let Some(a) = self.attempt(id)? {
                out.push((link, a));
            }
        }
        Ok(out)
    }
}

fn index(r: &Row, idx: usize) -> rusqlite::Result<Option<usize>> {
    Ok(r.get::<_, Option<i64>>(idx)?.map(|i| i.max(0) as usize))
}

fn link_from_row(r: &Row) -> rusqlite::Result<LoopLink> {
    Ok(LoopLink {
        loop_id: r.get(1)?,
        step: r.get(2)?,
        round_index: index(r, 3)?,
        question_index: index(r, 4)?,
        followup_index: index(r, 5)?,
        parent_attempt_id: r.get(6)?,
        prompt: r.get(7)?,
        reason: r.get(8)?,
    })
}

fn loop_from_row(r: &Row) -> rusqlite::Result<LoopRow> {
    let finished: Option<String> = r.get(2)?;
    Ok(LoopRow {
        id: r.get(0)?,
        started_at: time(r, 1)?,
        finished_at: match finished {
            Some(_) => Some(time(r, 2)?),
            None => None,
        },
        session_id: r.get(3)?,
        plan: document(r, 4)?.unwrap_or_default(),
        settings: document(r, 5)?.unwrap_or_default(),
        debrief: document(r, 6)?,
        decision: r.get(7)?,
        score: r.get(8)?,
    })
}
