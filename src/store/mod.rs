//! The SQLite store: stories, practice attempts (each one a "session" to the user),
//! recordings on disk next to the database.
//!
//! One file, `<data dir>/barraiser.db`, in WAL mode so the practice screen can write
//! while another command reads. Every write is a transaction. The store never deletes
//! or rewrites a database it cannot read: it reports the file and stops.

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{anyhow, Context, Result};
use rusqlite::{Connection, ErrorCode, Transaction};

mod attempts;
mod columns;
mod loops;
mod migrations;
mod stories;

pub use attempts::{Attempt, AttemptFilter, Mode, NewAttempt, Status};
pub use loops::{LoopLink, LoopRow};
pub use migrations::{MIGRATIONS, SCHEMA_VERSION};

pub const DB_FILE: &str = "barraiser.db";
pub const RECORDINGS_DIR: &str = "recordings";
/// How long a write waits for another process holding the database.
const BUSY_TIMEOUT: Duration = Duration::from_secs(3);

pub struct Store {
    conn: Connection,
    data_dir: PathBuf,
    db_path: PathBuf,
}

impl Store {
    /// Opens (creating if needed) the database in `data_dir` and brings its schema
    /// up to date.
    pub fn open(data_dir: &Path) -> Result<Store> {
        let recordings = data_dir.join(RECORDINGS_DIR);
        std::fs::create_dir_all(&recordings)
            .with_context(|| format!("cannot create data directory {}", recordings.display()))?;
        let db_path = Store::db_path(data_dir);
        let mut conn = Connection::open(&db_path).map_err(|e| db_error(&db_path, e))?;
        let setup = |conn: &mut Connection| -> rusqlite::Result<()> {
            conn.busy_timeout(BUSY_TIMEOUT)?;
            // The first statement reads the file header: a file that is not a
            // database fails here, before anything is written.
            conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0))?;
            conn.pragma_update(None, "foreign_keys", true)?;
            Ok(())
        };
        setup(&mut conn).map_err(|e| db_error(&db_path, e))?;
        migrations::run(&mut conn, &db_path)?;
        Ok(Store { conn, data_dir: data_dir.to_path_buf(), db_path })
    }

    /// Where the database of `data_dir` lives (whether or not it exists yet).
    pub fn db_path(data_dir: &Path) -> PathBuf {
        data_dir.join(DB_FILE)
    }

    /// Opens the database only if it already exists: read-only commands use this so
    /// that looking around never creates files.
    pub fn open_existing(data_dir: &Path) -> Result<Option<Store>> {
        if Store::db_path(data_dir).exists() {
            Store::open(data_dir).map(Some)
        } else {
            Ok(None)
        }
    }

    pub fn path(&self) -> &Path {
        &self.db_path
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// Recordings live here, next to the database; attempts refer to them relatively.
    pub fn recordings_dir(&self) -> PathBuf {
        self.data_dir.join(RECORDINGS_DIR)
    }

    /// Runs the queries in `f`; errors name this database file.
    fn read<T>(&self, f: impl FnOnce(&Connection) -> rusqlite::Result<T>) -> Result<T> {
        f(&self.conn).map_err(|e| db_error(&self.db_path, e))
    }

    /// Runs `f` in a transaction: all of its writes land, or none do.
    fn write<T>(&mut self, f: impl FnOnce(&Transaction) -> rusqlite::Result<T>) -> Result<T> {
        let path = &self.db_path;
        let tx = self.conn.transaction().map_err(|e| db_error(path, e))?;
        let out = f(&tx).map_err(|e| db_error(path, e))?;
        tx.commit().map_err(|e| db_error(path, e))?;
        Ok(out)
    }
}

/// A one-line error naming the database file and what is wrong with it.
fn db_error(path: &Path, e: rusqlite::Error) -> anyhow::Error {
    let p = path.display();
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => anyhow!(
            "{p}: not a readable barraiser database (corrupt or another kind of file: {e}); \
             it was left untouched, move it aside to start a new one"
        ),
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => anyhow!(
            "{p}: database is locked by another process (waited {} s); close the other barraiser and try again",
            BUSY_TIMEOUT.as_secs()
        ),
        Some(ErrorCode::ReadOnly) => anyhow!("{p}: database is read-only: {e}"),
        Some(ErrorCode::DiskFull) => anyhow!("{p}: disk is full: {e}"),
        Some(ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => {
            anyhow!("{p}: cannot open database: {e}")
        }
        _ => anyhow!("{p}: {e}"),
    }
}
