//! Practice attempts: one recorded (or typed) answer each, with its transcript and
//! report as JSON, the figures progress views query, and the recording's path.

use std::collections::HashMap;
use std::fmt;
use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use anyhow::{anyhow, bail, Context, Result};
use chrono::{DateTime, Utc};
use rusqlite::types::Type;
use rusqlite::{params, params_from_iter, OptionalExtension, Row, ToSql, Transaction};
use serde::{Deserialize, Serialize};

use super::columns::{document, from_json, time, time_text, to_json};
use super::Store;
use crate::round::Kind;

/// How the answer was produced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    Practice,
    Drill,
    /// A file analysed after the fact (`barraiser analyze`).
    Analyze,
}

/// Whether the take ran to its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Complete,
    /// Cut short by a crash or a lost device; recovered afterwards.
    Interrupted,
    Cancelled,
}

macro_rules! text_enum {
    ($t:ty, $($v:ident => $s:literal),+) => {
        impl $t {
            pub fn as_str(self) -> &'static str {
                match self { $(Self::$v => $s),+ }
            }
        }
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl FromStr for $t {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                match s { $($s => Ok(Self::$v),)+ _ => Err(format!("unknown {} '{s}'", stringify!($t).to_lowercase())) }
            }
        }
    };
}
text_enum!(Mode, Practice => "practice", Drill => "drill", Analyze => "analyze");
text_enum!(Status, Complete => "complete", Interrupted => "interrupted", Cancelled => "cancelled");

/// An attempt to save. Figures are optional: an interrupted take may have none.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewAttempt {
    /// The sitting this take belongs to (see [`Store::start_session`]): a mock
    /// interview of several questions, a drill. `None` when saving starts a session
    /// of its own; a saved attempt always has one.
    pub session_id: Option<i64>,
    pub started_at: DateTime<Utc>,
    pub question_id: Option<String>,
    pub story_id: Option<i64>,
    pub kind: Kind,
    pub mode: Mode,
    pub status: Status,
    /// The recording. Under the data directory it is stored relative to it, so the
    /// whole directory can be moved; elsewhere it is kept absolute.
    pub audio_path: Option<PathBuf>,
    #[serde(skip)]
    pub transcript: Option<serde_json::Value>,
    #[serde(skip)]
    pub report: Option<serde_json::Value>,
    pub score: Option<f64>,
    pub duration_s: Option<f64>,
    pub limit_s: Option<f64>,
    pub target_s: Option<f64>,
    pub wpm: Option<f64>,
    pub fillers_per_min: Option<f64>,
    pub metrics_count: Option<u32>,
    /// Canonical principle names the answer named.
    pub principles: Vec<String>,
}

impl NewAttempt {
    /// An attempt starting now, with no figures yet.
    pub fn new(kind: Kind, mode: Mode) -> NewAttempt {
        NewAttempt {
            session_id: None,
            started_at: Utc::now(),
            question_id: None,
            story_id: None,
            kind,
            mode,
            status: Status::Complete,
            audio_path: None,
            transcript: None,
            report: None,
            score: None,
            duration_s: None,
            limit_s: None,
            target_s: None,
            wpm: None,
            fillers_per_min: None,
            metrics_count: None,
            principles: vec![],
        }
    }

    /// An attempt whose figures come from a Report JSON (the contract in docs/report-json.md):
    /// kind, question, score, duration, limit, target, pace, fillers, metrics and
    /// principles. The report itself is kept too.
    pub fn from_report(mode: Mode, report: serde_json::Value) -> Result<NewAttempt> {
        let kind_text = report["kind"].as_str().ok_or_else(|| anyhow!("report has no \"kind\""))?;
        let kind = Kind::from_str(kind_text).map_err(|e| anyhow!("report: {e}"))?;
        let num = |v: &serde_json::Value| v.as_f64();
        let mut principles: Vec<String> = Vec::new();
        for name in
            report["principles"].as_array().into_iter().flatten().filter_map(|p| p["name"].as_str())
        {
            if !principles.iter().any(|n| n == name) {
                principles.push(name.to_string());
            }
        }
        Ok(NewAttempt {
            question_id: report["question_id"].as_str().map(String::from),
            score: num(&report["score"]["overall"]),
            duration_s: num(&report["duration_s"]),
            limit_s: num(&report["limit_s"]),
            target_s: num(&report["target_s"]),
            wpm: num(&report["wpm"]),
            fillers_per_min: num(&report["fillers"]["per_min"]),
            metrics_count: report["metrics"].as_array().map(|m| m.len() as u32),
            principles,
            report: Some(report),
            ..NewAttempt::new(kind, mode)
        })
    }
}

/// A saved attempt: its id and everything that was saved (reachable directly,
/// e.g. `attempt.score`, through `Deref`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Attempt {
    pub id: i64,
    #[serde(flatten)]
    pub saved: NewAttempt,
}

impl Deref for Attempt {
    type Target = NewAttempt;
    fn deref(&self) -> &NewAttempt {
        &self.saved
    }
}

/// Which attempts to list; empty fields match everything.
#[derive(Debug, Clone, Default)]
pub struct AttemptFilter {
    pub question_id: Option<String>,
    pub story_id: Option<i64>,
    pub session_id: Option<i64>,
    pub kind: Option<Kind>,
    pub mode: Option<Mode>,
    pub limit: Option<usize>,
}

const COLUMNS: &str = "id, started_at, question_id, story_id, kind, mode, status, audio_path, \
    transcript_json, report_json, score, duration_s, limit_s, target_s, wpm, fillers_per_min, \
    metrics_count, principles, session_id";

impl Store {
    /// Saves an attempt in one transaction and returns its id (the session number
    /// users see).
    pub fn insert_attempt(&mut self, a: &NewAttempt) -> Result<i64> {
        let audio = self.relative_audio(a.audio_path.as_deref())?;
        self.write(|tx| insert_in(tx, a, &audio))
    }

    /// Replaces a saved attempt's content (e.g. an interrupted take analysed later);
    /// with `session_id` unset it stays in its session.
    pub fn update_attempt(&mut self, id: i64, a: &NewAttempt) -> Result<()> {
        let audio = self.relative_audio(a.audio_path.as_deref())?;
        let mut args: Vec<Box<dyn ToSql>> = vec![Box::new(id)];
        args.extend(values(a, audio));
        args.push(Box::new(a.session_id));
        let sets: Vec<String> = COLUMNS
            .split(", ")
            .skip(1)
            .enumerate()
            .map(|(i, c)| match c {
                "session_id" => format!("{c} = coalesce(?{}, {c})", i + 2),
                _ => format!("{c} = ?{}", i + 2),
            })
            .collect();
        let sql = format!("UPDATE attempts SET {} WHERE id = ?1", sets.join(", "));
        if self.write(|tx| tx.execute(&sql, params_from_iter(args.iter())))? == 0 {
            bail!("no session #{id} in {}", self.db_path.display());
        }
        Ok(())
    }

    /// Starts a sitting that several attempts will share (set their `session_id`).
    pub fn start_session(&mut self, mode: Mode) -> Result<i64> {
        self.write(|tx| insert_session(tx, &Utc::now(), mode))
    }

    /// Deletes an attempt's row; its recording file is left for the caller to decide.
    pub fn delete_attempt(&mut self, id: i64) -> Result<bool> {
        let n = self.write(|tx| tx.execute("DELETE FROM attempts WHERE id = ?1", [id]))?;
        Ok(n > 0)
    }

    pub fn attempt(&self, id: i64) -> Result<Option<Attempt>> {
        self.read(|c| {
            c.query_row(&format!("SELECT {COLUMNS} FROM attempts WHERE id = ?1"), [id], from_row)
                .optional()
        })
    }

    /// Attempts matching `filter`, newest first.
    pub fn attempts(&self, filter: &AttemptFilter) -> Result<Vec<Attempt>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM attempts
             WHERE (?1 IS NULL OR question_id = ?1) AND (?2 IS NULL OR story_id = ?2)
               AND (?3 IS NULL OR kind = ?3) AND (?4 IS NULL OR mode = ?4)
               AND (?5 IS NULL OR session_id = ?5)
             ORDER BY started_at DESC, id DESC LIMIT ?6"
        );
        let limit = filter.limit.map_or(-1, |n| n as i64);
        let kind = filter.kind.map(Kind::as_str);
        let mode = filter.mode.map(Mode::as_str);
        self.read(|c| {
            let mut stmt = c.prepare(&sql)?;
            let rows = stmt.query_map(
                params![filter.question_id, filter.story_id, kind, mode, filter.session_id, limit],
                from_row,
            )?;
            rows.collect()
        })
    }

    /// Takes per question id, not counting cancelled ones.
    pub fn practice_counts(&self) -> Result<HashMap<String, usize>> {
        self.read(|c| {
            let mut stmt = c.prepare(
                "SELECT question_id, count(*) FROM attempts
                 WHERE question_id IS NOT NULL AND status != 'cancelled' GROUP BY question_id",
            )?;
            let rows =
                stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? as usize)))?;
            rows.collect()
        })
    }

    /// The recording of an attempt as a path on disk.
    pub fn audio_file(&self, attempt: &Attempt) -> Option<PathBuf> {
        attempt.audio_path.as_ref().map(|p| self.data_dir.join(p))
    }

    pub(super) fn relative_audio(&self, audio: Option<&Path>) -> Result<Option<String>> {
        let Some(path) = audio else { return Ok(None) };
        let stored = path.strip_prefix(&self.data_dir).unwrap_or(path);
        let text = stored
            .to_str()
            .with_context(|| format!("recording path {} is not valid UTF-8", path.display()))?;
        Ok(Some(text.to_string()))
    }
}

/// Inserts an attempt inside a transaction the caller holds (so it can write more
/// with it); `audio` is the recording path as stored.
pub(super) fn insert_in(
    tx: &Transaction,
    a: &NewAttempt,
    audio: &Option<String>,
) -> rusqlite::Result<i64> {
    let mut args = values(a, audio.clone());
    let slots: Vec<String> = (1..=args.len() + 1).map(|i| format!("?{i}")).collect();
    let sql = format!(
        "INSERT INTO attempts ({}) VALUES ({})",
        COLUMNS.trim_start_matches("id, "),
        slots.join(", ")
    );
    let session = match a.session_id {
        Some(id) => id,
        None => insert_session(tx, &a.started_at, a.mode)?,
    };
    args.push(Box::new(session));
    tx.execute(&sql, params_from_iter(args.iter()))?;
    Ok(tx.last_insert_rowid())
}

pub(super) fn insert_session(
    tx: &Transaction,
    started_at: &DateTime<Utc>,
    mode: Mode,
) -> rusqlite::Result<i64> {
    tx.execute(
        "INSERT INTO sessions (started_at, mode) VALUES (?1, ?2)",
        params![time_text(started_at), mode.as_str()],
    )?;
    Ok(tx.last_insert_rowid())
}

/// Column values after `id` and before `session_id`, in `COLUMNS` order.
fn values(a: &NewAttempt, audio: Option<String>) -> Vec<Box<dyn ToSql>> {
    let doc = |v: &Option<serde_json::Value>| v.as_ref().map(|v| v.to_string());
    vec![
        Box::new(time_text(&a.started_at)),
        Box::new(a.question_id.clone()),
        Box::new(a.story_id),
        Box::new(a.kind.as_str()),
        Box::new(a.mode.as_str()),
        Box::new(a.status.as_str()),
        Box::new(audio),
        Box::new(doc(&a.transcript)),
        Box::new(doc(&a.report)),
        Box::new(a.score),
        Box::new(a.duration_s),
        Box::new(a.limit_s),
        Box::new(a.target_s),
        Box::new(a.wpm),
        Box::new(a.fillers_per_min),
        Box::new(a.metrics_count),
        Box::new(to_json(&a.principles)),
    ]
}

fn parsed<T: FromStr<Err = String>>(r: &Row, idx: usize) -> rusqlite::Result<T> {
    let text: String = r.get(idx)?;
    text.parse()
        .map_err(|e: String| rusqlite::Error::FromSqlConversionFailure(idx, Type::Text, e.into()))
}

fn from_row(r: &Row) -> rusqlite::Result<Attempt> {
    Ok(Attempt {
        id: r.get(0)?,
        saved: NewAttempt {
            started_at: time(r, 1)?,
            question_id: r.get(2)?,
            story_id: r.get(3)?,
            kind: parsed(r, 4)?,
            mode: parsed(r, 5)?,
            status: parsed(r, 6)?,
            audio_path: r.get::<_, Option<String>>(7)?.map(PathBuf::from),
            transcript: document(r, 8)?,
            report: document(r, 9)?,
            score: r.get(10)?,
            duration_s: r.get(11)?,
            limit_s: r.get(12)?,
            target_s: r.get(13)?,
            wpm: r.get(14)?,
            fillers_per_min: r.get(15)?,
            metrics_count: r.get(16)?,
            principles: from_json(r, 17)?,
            session_id: r.get(18)?,
        },
    })
}
