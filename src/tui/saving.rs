//! Saving from a screen without freezing it. Another barraiser (a second window,
//! `barraiser recover`) may hold SQLite's write lock, and a write then waits for it,
//! up to the store's wait limit (30 s). Done on the UI thread, that wait would stop
//! the screen from drawing and answering keys, so every save of a screen runs on a
//! worker with a database connection of its own ([`Store::reopen`]), and what the
//! store tells while it waits comes over a channel, for the screen to show how long
//! it has waited.

use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::{Duration, Instant};

use anyhow::{anyhow, Result};

use crate::store::{Store, Wait, WaitNotice};

/// The waits a worker's store reports, as the screen shows them.
pub struct Waits {
    told: Receiver<Wait>,
    /// The latest wait, and when it was told: the screen counts on from there.
    latest: Option<(Wait, Instant)>,
}

/// A notice to give the worker's store, and the screen's end of it.
pub fn wait_channel() -> (WaitNotice, Waits) {
    let (tx, told) = mpsc::channel();
    // The screen may be gone (the app quit) while the worker still saves: then
    // nobody needs telling.
    let notice: WaitNotice = Box::new(move |wait| {
        let _ = tx.send(wait);
    });
    (notice, Waits { told, latest: None })
}

impl Waits {
    /// Takes in what the worker told since the last frame.
    pub fn poll(&mut self) {
        if let Some(wait) = self.told.try_iter().last() {
            self.latest = Some((wait, Instant::now()));
        }
    }

    /// The line to show while the worker waits for the database; `None` when it does not.
    pub fn line(&self) -> Option<String> {
        let (wait, told) = self.latest?;
        Some(wait_line(wait, told.elapsed()))
    }
}

/// How every wait line begins.
pub const WAIT_PREFIX: &str = "The database is busy (another barraiser is writing)";

/// "The database is busy …: waiting 4 s of 30…", `since` after the store said it waits.
pub fn wait_line(wait: Wait, since: Duration) -> String {
    let waited = (wait.waited + since).min(wait.limit);
    format!("{WAIT_PREFIX}: waiting {} s of {}…", waited.as_secs(), wait.limit.as_secs())
}

/// A worker's own connection to the database, its waits told through `notice`.
pub fn told(store: Result<Store>, notice: WaitNotice) -> Result<Store> {
    store.map(|mut store| {
        store.set_wait_notice(notice);
        store
    })
}

/// Work that writes to the database, running on a worker.
pub struct Saving<T> {
    done: Receiver<Result<T>>,
    waits: Waits,
}

impl<T: Send + 'static> Saving<T> {
    /// Runs `work` on a worker; it is handed the notice to give the store it writes with.
    pub fn spawn(work: impl FnOnce(WaitNotice) -> Result<T> + Send + 'static) -> Saving<T> {
        let (notice, waits) = wait_channel();
        let (tx, done) = mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(work(notice));
        });
        Saving { done, waits }
    }

    /// `None` while the worker works; then what it did.
    pub fn poll(&mut self) -> Option<Result<T>> {
        self.waits.poll();
        match self.done.try_recv() {
            Ok(done) => Some(done),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(anyhow!("the save ended unexpectedly"))),
        }
    }

    /// The line to show while the worker waits for another barraiser.
    pub fn waiting(&self) -> Option<String> {
        self.waits.line()
    }

    /// Blocks until the worker is done: the app is quitting, and what the worker
    /// saves must not be lost with it.
    pub fn wait(self) -> Result<T> {
        self.done.recv().unwrap_or_else(|_| Err(anyhow!("the save ended unexpectedly")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::round::Kind;
    use crate::store::{Mode, NewAttempt};

    #[test]
    fn the_line_counts_on_from_what_the_store_said_and_stops_at_the_limit() {
        let wait = Wait { waited: Duration::from_millis(3_100), limit: Duration::from_secs(30) };
        assert_eq!(
            wait_line(wait, Duration::from_millis(1_000)),
            "The database is busy (another barraiser is writing): waiting 4 s of 30…"
        );
        assert!(wait_line(wait, Duration::from_secs(60)).contains("waiting 30 s of 30"));
    }

    #[test]
    fn a_save_waits_on_its_worker_and_says_so_while_the_caller_polls() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let holder = rusqlite::Connection::open(store.path()).unwrap();
        holder.execute_batch("BEGIN IMMEDIATE").unwrap();
        let own = store.reopen();
        let mut saving = Saving::spawn(move |notice| {
            told(own, notice)?.insert_attempt(&NewAttempt::new(Kind::Behavioral, Mode::Practice))
        });
        // The caller goes on: every poll answers at once while the worker waits.
        let started = Instant::now();
        let mut slowest = Duration::ZERO;
        let line = loop {
            let poll = Instant::now();
            assert!(saving.poll().is_none(), "saved while the lock was held");
            slowest = slowest.max(poll.elapsed());
            if let Some(line) = saving.waiting() {
                break line;
            }
            assert!(started.elapsed() < Duration::from_secs(20), "no wait was told");
            std::thread::sleep(Duration::from_millis(20));
        };
        assert!(line.starts_with("The database is busy"), "{line}");
        assert!(slowest < Duration::from_millis(100), "a poll took {slowest:?}");
        holder.execute_batch("ROLLBACK").unwrap();
        let id = loop {
            if let Some(done) = saving.poll() {
                break done.unwrap();
            }
            assert!(started.elapsed() < Duration::from_secs(40), "never saved");
            std::thread::sleep(Duration::from_millis(20));
        };
        assert!(store.attempt(id).unwrap().is_some(), "the first connection sees it");
    }
}
