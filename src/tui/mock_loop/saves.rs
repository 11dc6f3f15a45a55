//! The loop screen's saves, each on a worker with a database connection of its own
//! (see [`crate::tui::saving`]), so a wait for another barraiser's lock never stops
//! the screen: a new loop, an answer with its step, and the debrief at the end.

use std::path::Path;

use anyhow::{anyhow, Result};

use crate::mock_loop::debrief::Debrief;
use crate::mock_loop::session::{save_debrief, LoopSession, SpokenTake};
use crate::mock_loop::{Plan, RunSettings};
use crate::store::keep_unsaved;
use crate::tui::component::Cx;
use crate::tui::saving::{told, Saving};

/// An answer being saved with its step.
pub struct AnswerSave {
    job: Saving<(SpokenTake, i64)>,
    /// The answer's length and why it ended early, for the line about it.
    pub seconds: f64,
    pub note: Option<String>,
}

impl AnswerSave {
    pub fn spawn(cx: &Cx, take: SpokenTake, seconds: f64, note: Option<String>) -> AnswerSave {
        let store = cx.store.reopen();
        let recordings = cx.store.recordings_dir();
        let job = Saving::spawn(move |notice| {
            match told(store, notice).and_then(|mut store| take.insert(&mut store)) {
                Ok(id) => Ok((take, id)),
                Err(err) => Err(kept(&recordings, &take, err)),
            }
        });
        AnswerSave { job, seconds, note }
    }

    /// `None` while it saves; then the take and the id it was saved as, or why not.
    pub fn poll(&mut self) -> Option<Result<(SpokenTake, i64)>> {
        self.job.poll()
    }

    pub fn waiting(&self) -> Option<String> {
        self.job.waiting()
    }

    /// Blocks until it is saved or kept (the app is quitting).
    pub fn wait(self) -> Result<(SpokenTake, i64)> {
        self.job.wait()
    }
}

/// Why the answer was not saved, once it is kept beside its recording: it is not
/// lost, and the next start saves it (as a practice take: the loop asks again).
fn kept(recordings: &Path, take: &SpokenTake, err: anyhow::Error) -> anyhow::Error {
    match keep_unsaved(recordings, &take.attempt) {
        Ok(file) => anyhow!(
            "could not save the answer ({err:#}); it is kept in {} and saved at the next start, \
             outside the loop; enter answers again",
            file.display()
        ),
        Err(keep) => anyhow!(
            "could not save the answer ({err:#}), nor keep it ({keep:#}); the recording is {}",
            take.attempt.audio_path.as_deref().map_or("gone".into(), |p| p.display().to_string())
        ),
    }
}

/// Starts a new loop in the store, on a worker: the loop as saved.
pub fn start_apart(cx: &Cx, plan: Plan, settings: RunSettings) -> Saving<LoopSession> {
    let store = cx.store.reopen();
    Saving::spawn(move |notice| LoopSession::start(&mut told(store, notice)?, plan, settings))
}

/// Saves the debrief and marks the loop over, on a worker.
pub fn save_debrief_apart(cx: &Cx, debrief: Debrief) -> Saving<()> {
    let store = cx.store.reopen();
    Saving::spawn(move |notice| save_debrief(&mut told(store, notice)?, &debrief))
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use super::*;
    use crate::analysis::Lexicon;
    use crate::audio::recorder::Recording;
    use crate::bank::Bank;
    use crate::config::Config;
    use crate::mock_loop::plan::{build, PlanOptions};
    use crate::mock_loop::session::LoopSession;
    use crate::mock_loop::{RoundKind, RunSettings, Step};
    use crate::practice::take::Finished;
    use crate::store::Store;
    use crate::transcript::Transcript;

    /// A loop of one behavioral question in a new store, and a typed answer to it.
    fn loop_and_answer(dir: &Path) -> (Cx, LoopSession, SpokenTake) {
        let mut store = Store::open(dir).unwrap();
        let bank = Bank::load(None).unwrap();
        let options = PlanOptions {
            rounds: Some(vec![RoundKind::Behavioral]),
            questions: Some(1),
            seed: 7,
            ..PlanOptions::default()
        };
        let plan = build(&bank, &options).unwrap();
        let session = LoopSession::start(&mut store, plan, RunSettings::default()).unwrap();
        let Step::Ask(ask) = session.next() else { panic!("the loop asks first") };
        let recording = Recording { path: dir.join("answer.wav"), samples: 16_000, rate: 16_000 };
        let transcript =
            Transcript::from_text("I cut the checkout time by 35%. This shows Ownership.");
        let finished = Finished {
            recording,
            transcript: Ok(transcript),
            failure: None,
            tail_s: 0.0,
            dropped_frames: 0,
        };
        let take = session.spoken(&ask, finished, chrono::Utc::now(), &Lexicon::builtin()).unwrap();
        let config = Config { data_dir: dir.to_path_buf(), ..Config::default() };
        let cx = Cx {
            config,
            store,
            bank,
            lexicon: Lexicon::builtin(),
            model: Err("no model".into()),
            bells: 0,
            recovered: Vec::new(),
        };
        (cx, session, take)
    }

    #[test]
    fn an_answer_waits_for_the_lock_on_its_worker_then_is_the_steps_answer() {
        let dir = tempfile::tempdir().unwrap();
        let (cx, mut session, take) = loop_and_answer(dir.path());
        let holder = rusqlite::Connection::open(cx.store.path()).unwrap();
        holder.execute_batch("BEGIN IMMEDIATE").unwrap();
        let mut save = AnswerSave::spawn(&cx, take, 1.0, None);
        let started = Instant::now();
        let line = loop {
            assert!(save.poll().is_none(), "saved while the lock was held");
            if let Some(line) = save.waiting() {
                break line;
            }
            assert!(started.elapsed() < Duration::from_secs(20), "no wait was told");
            std::thread::sleep(Duration::from_millis(20));
        };
        assert!(line.starts_with(crate::tui::saving::WAIT_PREFIX), "{line}");
        holder.execute_batch("ROLLBACK").unwrap();
        let (take, id) = loop {
            if let Some(done) = save.poll() {
                break done.unwrap();
            }
            assert!(started.elapsed() < Duration::from_secs(40), "never saved");
            std::thread::sleep(Duration::from_millis(20));
        };
        let saved = session.record(take, id).unwrap();
        assert_eq!(saved.attempt_id, id);
        assert_eq!(cx.store.loop_takes(session.id).unwrap().len(), 1, "saved with its step");
        assert!(matches!(session.next(), Step::Ask(a) if a.parent_attempt_id == Some(id)));
    }

    #[test]
    fn an_answer_that_cannot_be_saved_is_kept_for_the_next_start() {
        let dir = tempfile::tempdir().unwrap();
        let (cx, _session, take) = loop_and_answer(dir.path());
        let why = kept(&cx.store.recordings_dir(), &take, anyhow!("database is locked"));
        let why = format!("{why:#}");
        assert!(why.contains("database is locked") && why.contains(".take.json"), "{why}");
        let kept: Vec<_> = std::fs::read_dir(cx.store.recordings_dir())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().ends_with(".take.json"))
            .collect();
        assert_eq!(kept.len(), 1, "{kept:?}");
    }
}
