//! The SQLite store: stories, practice attempts (each one a "session" to the user),
//! recordings on disk next to the database.
//!
//! One file, `<data dir>/barraiser.db`, in WAL mode so the practice screen can write
//! while another command reads. Every write is a transaction. The store never deletes
//! or rewrites a database it cannot read: it reports the file and stops.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{anyhow, bail, Context, Result};
use rusqlite::{Connection, ErrorCode, OpenFlags, Transaction, TransactionBehavior};

mod attempts;
mod columns;
mod kept;
mod loops;
mod migrations;
mod stories;

pub use attempts::{Attempt, AttemptFilter, Mode, NewAttempt, Status};
pub use kept::{keep_unsaved, SavedKept};
pub use loops::{LoopLink, LoopRow};
pub use migrations::{MIGRATIONS, SCHEMA_VERSION};

pub const DB_FILE: &str = "barraiser.db";
pub const RECORDINGS_DIR: &str = "recordings";
/// How long SQLite itself waits for another process's lock, per try.
const BUSY_TIMEOUT: Duration = Duration::from_secs(3);
/// How long a write (or a first start) waits in all for other barraisers holding the
/// database, retrying, before it gives up: `BARRAISER_DB_WAIT_SECS`, else 30 s.
const DEFAULT_WAIT: Duration = Duration::from_secs(30);
/// Marks a database as barraiser's (`PRAGMA application_id`, "BRai").
const APPLICATION_ID: i32 = 0x4252_6169;

/// Called once when a write has to wait for another process, with how long it has
/// waited and how long it will: a command says so on stderr, a screen on screen.
pub type WaitNotice = Box<dyn Fn(Wait) + Send>;

/// A write waiting for the lock another process holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Wait {
    /// How long it has waited so far (SQLite's own first wait included).
    pub waited: Duration,
    /// How long it waits in all before it gives up.
    pub limit: Duration,
}

impl std::fmt::Display for Wait {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the database is busy (another barraiser is writing); waiting up to {} s",
            self.limit.as_secs()
        )
    }
}

pub struct Store {
    conn: Connection,
    data_dir: PathBuf,
    db_path: PathBuf,
    wait: Duration,
    notice: Option<WaitNotice>,
}

impl Store {
    /// Opens (creating if needed) the database in `data_dir` and brings its schema
    /// up to date. A new data directory is 0700 and a new database 0600 (SQLite
    /// gives its WAL the database's mode). Another barraiser starting or writing at
    /// the same time is waited for (see [`Store::set_wait_notice`]).
    pub fn open(data_dir: &Path) -> Result<Store> {
        let recordings = data_dir.join(RECORDINGS_DIR);
        crate::private::create_dir_all(&recordings)
            .with_context(|| format!("cannot create data directory {}", recordings.display()))?;
        let db_path = Store::db_path(data_dir);
        match crate::private::create_new(&db_path) {
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => {
                return Err(e).with_context(|| format!("cannot create {}", db_path.display()))
            }
        }
        let wait = wait_limit();
        let mut conn = Connection::open(&db_path).map_err(|e| db_error(&db_path, e))?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(|e| db_error(&db_path, e))?;
        // Reads the file header first: a file that is damaged, not a database, or
        // another program's database fails here, before anything is written.
        check_health(&conn, &db_path)?;
        retry_busy(wait, &None, || {
            conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0))?;
            conn.pragma_update(None, "foreign_keys", true)
        })
        .map_err(|e| db_error(&db_path, e))?;
        retry_busy(wait, &None, || migrations::run(&mut conn, &db_path))
            .map_err(|e| db_error(&db_path, e))??;
        Ok(Store { conn, data_dir: data_dir.to_path_buf(), db_path, wait, notice: None })
    }

    /// Opens the database only if it already exists, for reading: read-only commands
    /// use this so that looking around never creates or writes files, and still works
    /// on a full disk or a read-only data directory. A database that needs upgrading
    /// is opened for writing once, to upgrade it.
    pub fn open_existing(data_dir: &Path) -> Result<Option<Store>> {
        let db_path = Store::db_path(data_dir);
        if !db_path.exists() {
            return Ok(None);
        }
        let read_only = |immutable: bool| -> rusqlite::Result<Connection> {
            let uri = format!(
                "file:{}?mode=ro{}",
                uri_path(&db_path),
                if immutable { "&immutable=1" } else { "" }
            );
            let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI;
            let conn = Connection::open_with_flags(uri, flags)?;
            conn.busy_timeout(BUSY_TIMEOUT)?;
            conn.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))?;
            Ok(conn)
        };
        // Without write access to the directory SQLite cannot make the WAL index;
        // nothing can be writing then, so the file is read as it stands.
        let conn = match read_only(false) {
            Ok(conn) => conn,
            Err(e)
                if matches!(
                    e.sqlite_error_code(),
                    Some(ErrorCode::CannotOpen | ErrorCode::ReadOnly | ErrorCode::SystemIoFailure)
                ) =>
            {
                read_only(true).map_err(|_| db_error(&db_path, e))?
            }
            Err(e) => return Err(db_error(&db_path, e)),
        };
        check_health(&conn, &db_path)?;
        if migrations::version(&conn, &db_path)? < SCHEMA_VERSION {
            drop(conn);
            return Store::open(data_dir).map(Some);
        }
        Ok(Some(Store {
            conn,
            data_dir: data_dir.to_path_buf(),
            db_path,
            wait: wait_limit(),
            notice: None,
        }))
    }

    /// Another connection to this database, for a worker thread that saves while the
    /// screen goes on drawing. The file was checked and brought up to date when this
    /// store opened, so this only connects (no health check, no migration: cheap
    /// enough to do at every take). Its writes wait like this store's, silently until
    /// it is given a [`Store::set_wait_notice`].
    pub fn reopen(&self) -> Result<Store> {
        let conn = Connection::open(&self.db_path).map_err(|e| db_error(&self.db_path, e))?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(|e| db_error(&self.db_path, e))?;
        conn.pragma_update(None, "foreign_keys", true).map_err(|e| db_error(&self.db_path, e))?;
        Ok(Store {
            conn,
            data_dir: self.data_dir.clone(),
            db_path: self.db_path.clone(),
            wait: self.wait,
            notice: None,
        })
    }

    /// Where the database of `data_dir` lives (whether or not it exists yet).
    pub fn db_path(data_dir: &Path) -> PathBuf {
        data_dir.join(DB_FILE)
    }

    /// What to do when a write has to wait for another barraiser (say so on stderr,
    /// or on the screen): by default, wait silently.
    pub fn set_wait_notice(&mut self, notice: WaitNotice) {
        self.notice = Some(notice);
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

    /// Runs `f` in a transaction that takes the write lock at once (`BEGIN
    /// IMMEDIATE`: a transaction that reads first and writes later cannot be
    /// retried by SQLite when another process wrote in between): all of its writes
    /// land, or none do. While another process holds the lock, it is tried again
    /// until the wait limit.
    fn write<T>(&mut self, f: impl Fn(&Transaction) -> rusqlite::Result<T>) -> Result<T> {
        let conn = &mut self.conn;
        retry_busy(self.wait, &self.notice, || {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let out = f(&tx)?;
            tx.commit()?;
            Ok(out)
        })
        .map_err(|e| db_error(&self.db_path, e))
    }
}

/// The total wait for a busy database: `BARRAISER_DB_WAIT_SECS`, else 30 s.
fn wait_limit() -> Duration {
    std::env::var("BARRAISER_DB_WAIT_SECS")
        .ok()
        .and_then(|v| v.parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s >= 0.0)
        .map_or(DEFAULT_WAIT, Duration::from_secs_f64)
}

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(e.sqlite_error_code(), Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked))
}

/// Runs `f` until it is not refused for a lock another process holds, for at most
/// `limit` (each try itself waits up to [`BUSY_TIMEOUT`] inside SQLite).
fn retry_busy<T>(
    limit: Duration,
    notice: &Option<WaitNotice>,
    mut f: impl FnMut() -> rusqlite::Result<T>,
) -> rusqlite::Result<T> {
    let start = Instant::now();
    let mut pause = Duration::from_millis(10);
    let mut told = false;
    loop {
        match f() {
            Err(e) if is_busy(&e) && start.elapsed() < limit => {
                if let (Some(notice), false) = (notice, told) {
                    notice(Wait { waited: start.elapsed(), limit });
                    told = true;
                }
                // Jittered, so processes that collided do not collide again.
                let jitter = Duration::from_micros(u64::from(std::process::id() % 97) * 100);
                std::thread::sleep(pause + jitter);
                pause = (pause * 2).min(Duration::from_millis(250));
            }
            other => return other,
        }
    }
}

/// Refuses a database that is not barraiser's, or is damaged, before anything is
/// written to it.
fn check_health(conn: &Connection, path: &Path) -> Result<()> {
    let app_id: i32 =
        conn.query_row("PRAGMA application_id", [], |r| r.get(0)).map_err(|e| db_error(path, e))?;
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .map_err(|e| db_error(path, e))?;
    // Databases made before the application id was set are known by their tables.
    let ours = app_id == APPLICATION_ID
        || (app_id == 0
            && (tables.is_empty()
                || ["stories", "attempts"].iter().all(|t| tables.iter().any(|n| n == t))));
    if !ours {
        bail!(
            "{}: not a barraiser database (another program's SQLite file, with tables {}); \
             it was left untouched, use another --data-dir or move it aside",
            path.display(),
            tables.join(", ")
        );
    }
    let check: String =
        conn.query_row("PRAGMA quick_check(1)", [], |r| r.get(0)).map_err(|e| db_error(path, e))?;
    if check != "ok" {
        bail!(
            "{}: the database is damaged ({check}); it was left untouched: keep a copy, \
             then `sqlite3 {} .recover` can rescue what is readable",
            path.display(),
            path.display()
        );
    }
    Ok(())
}

/// A path for an SQLite `file:` URI (`?` and `#` would end the path part).
fn uri_path(path: &Path) -> String {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    abs.to_string_lossy().replace('%', "%25").replace('?', "%3f").replace('#', "%23")
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
            wait_limit().as_secs()
        ),
        Some(ErrorCode::ReadOnly) => anyhow!("{p}: database is read-only: {e}"),
        Some(ErrorCode::DiskFull) => anyhow!("{p}: disk is full: {e}"),
        Some(ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => {
            anyhow!("{p}: cannot open database: {e}")
        }
        _ => anyhow!("{p}: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    #[test]
    fn a_write_on_another_connection_says_once_how_long_it_waits_and_lands_when_let_go() {
        let dir = tempfile::tempdir().unwrap();
        let first = Store::open(dir.path()).unwrap();
        let mut worker = first.reopen().unwrap();
        // Short tries, so the test sees several of them within the hold.
        worker.conn.busy_timeout(Duration::from_millis(50)).unwrap();
        worker.wait = Duration::from_secs(20);
        let (tx, rx) = mpsc::channel();
        worker.set_wait_notice(Box::new(move |w| tx.send(w).unwrap()));
        let holder = Connection::open(first.path()).unwrap();
        holder.execute_batch("BEGIN IMMEDIATE").unwrap();
        let hold = Duration::from_millis(600);
        let release = std::thread::spawn(move || {
            std::thread::sleep(hold);
            holder.execute_batch("ROLLBACK").unwrap();
        });
        let started = Instant::now();
        let session = worker.start_session(Mode::Practice).unwrap();
        assert!(started.elapsed() >= hold, "it waited for the lock");
        release.join().unwrap();
        let waits: Vec<Wait> = rx.try_iter().collect();
        assert_eq!(waits.len(), 1, "said once: {waits:?}");
        assert!(waits[0].waited >= Duration::from_millis(50), "{waits:?}");
        assert_eq!(waits[0].limit, Duration::from_secs(20));
        assert_eq!(
            waits[0].to_string(),
            "the database is busy (another barraiser is writing); waiting up to 20 s"
        );
        // The first connection sees what the other one wrote.
        let seen: i64 =
            first.read(|c| c.query_row("SELECT max(id) FROM sessions", [], |r| r.get(0))).unwrap();
        assert_eq!(seen, session);
    }
}
