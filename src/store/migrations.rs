//! Versioned schema migrations, tracked in SQLite's `user_version`.
//! Append new steps; never edit one that has shipped.

use std::path::Path;

use anyhow::{anyhow, Result};
use rusqlite::{Connection, TransactionBehavior};

use super::db_error;

/// Schema steps, in order; step N brings `user_version` from N-1 to N.
pub const MIGRATIONS: &[&str] = &[
    // 1: stories and practice attempts.
    "CREATE TABLE stories (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
        principles  TEXT NOT NULL DEFAULT '[]',   -- JSON array of canonical names
        situation   TEXT NOT NULL DEFAULT '',
        metrics     TEXT NOT NULL DEFAULT '[]',   -- JSON array of strings
        notes       TEXT NOT NULL DEFAULT '',
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
    );
    CREATE TABLE attempts (
        id               INTEGER PRIMARY KEY AUTOINCREMENT,
        started_at       TEXT NOT NULL,            -- RFC 3339, UTC
        question_id      TEXT,
        story_id         INTEGER REFERENCES stories(id) ON DELETE SET NULL,
        kind             TEXT NOT NULL,
        mode             TEXT NOT NULL CHECK (mode IN ('practice', 'drill', 'analyze')),
        status           TEXT NOT NULL CHECK (status IN ('complete', 'interrupted', 'cancelled')),
        audio_path       TEXT,                     -- relative to the data directory
        transcript_json  TEXT,
        report_json      TEXT,
        score            REAL,
        duration_s       REAL,
        limit_s          REAL,
        target_s         REAL,
        wpm              REAL,
        fillers_per_min  REAL,
        metrics_count    INTEGER,
        principles       TEXT NOT NULL DEFAULT '[]' -- JSON array of canonical names named
    );
    CREATE INDEX attempts_by_question ON attempts (question_id, started_at);
    CREATE INDEX attempts_by_story ON attempts (story_id, started_at);
    CREATE INDEX attempts_by_start ON attempts (started_at);",
    // 2: sittings that group attempts (a mock interview of several questions, a
    // drill); each existing attempt becomes a session of its own.
    "CREATE TABLE sessions (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        started_at  TEXT NOT NULL,
        mode        TEXT NOT NULL CHECK (mode IN ('practice', 'drill', 'analyze'))
    );
    ALTER TABLE attempts ADD COLUMN session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL;
    INSERT INTO sessions (id, started_at, mode) SELECT id, started_at, mode FROM attempts;
    UPDATE attempts SET session_id = id;
    CREATE INDEX attempts_by_session ON attempts (session_id);",
    // 3: mock onsite loops. A loop keeps its plan and settings (so it can be resumed)
    // and, once over, its debrief; each of its takes is an attempt of the loop's
    // session, linked here to its step, and a follow-up to the take it follows.
    "CREATE TABLE loops (
        id           INTEGER PRIMARY KEY AUTOINCREMENT,
        started_at   TEXT NOT NULL,
        finished_at  TEXT,
        session_id   INTEGER NOT NULL REFERENCES sessions(id),
        plan_json    TEXT NOT NULL,
        settings_json TEXT NOT NULL,
        debrief_json TEXT,
        decision     TEXT CHECK (decision IN ('hire', 'no hire')),
        score        REAL
    );
    CREATE TABLE loop_takes (
        attempt_id        INTEGER PRIMARY KEY REFERENCES attempts(id) ON DELETE CASCADE,
        loop_id           INTEGER NOT NULL REFERENCES loops(id) ON DELETE CASCADE,
        step              TEXT NOT NULL CHECK (step IN ('writing', 'question', 'followup', 'your-questions')),
        round_index       INTEGER,
        question_index    INTEGER,
        followup_index    INTEGER,
        parent_attempt_id INTEGER REFERENCES attempts(id) ON DELETE SET NULL,
        prompt            TEXT NOT NULL,
        reason            TEXT
    );
    CREATE INDEX loop_takes_by_loop ON loop_takes (loop_id);",
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: usize = MIGRATIONS.len();

/// Applies every migration the database has not seen, each in its own transaction
/// together with its version bump, so a crash leaves the schema at a whole step.
/// A lock another process holds is returned as the outer error, to be waited for.
pub fn run(conn: &mut Connection, path: &Path) -> rusqlite::Result<Result<usize>> {
    // Up to date is the common case: check without taking the write lock.
    let current: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if current.max(0) as usize == SCHEMA_VERSION {
        return Ok(Ok(SCHEMA_VERSION));
    }
    loop {
        // The version is re-read inside the write lock: another process may have
        // migrated while this one waited.
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let version =
            tx.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))?.max(0) as usize;
        if version > SCHEMA_VERSION {
            return Ok(Err(anyhow!(
                "{}: database schema version {version} is newer than this barraiser understands \
                 ({SCHEMA_VERSION}); upgrade barraiser (the file was left untouched)",
                path.display()
            )));
        }
        if version == SCHEMA_VERSION {
            return Ok(Ok(version));
        }
        if version == 0 {
            tx.pragma_update(None, "application_id", super::APPLICATION_ID)?;
        }
        tx.execute_batch(MIGRATIONS[version])?;
        tx.pragma_update(None, "user_version", (version + 1) as i64)?;
        tx.commit()?;
    }
}

/// The schema version of the database.
pub fn version(conn: &Connection, path: &Path) -> Result<usize> {
    let v = conn
        .query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))
        .map_err(|e| db_error(path, e))?;
    Ok(v.max(0) as usize)
}
