//! A take on a screen, shared by the practice and drill screens: each frame takes in
//! the audio and updates the live view (clock, level, transcript, what was heard, the
//! time warnings due); the stop hands the last piece's transcription to a worker so
//! the screen keeps drawing, and the same worker analyses and saves the finished take
//! on a database connection of its own (see [`super::saving`]).

use std::path::PathBuf;
use std::time::Instant;

use anyhow::Result;
use chrono::{DateTime, Utc};

use super::recording::{LiveView, QuestionItem};
use super::saving::{told, Saving};
use crate::analysis::{analyze, Context, Lexicon};
use crate::bank::Question;
use crate::practice::outcome::{conclude_into, Filing, Outcome};
use crate::practice::take::{Cancelled, Finished, Take, TakeOptions};
use crate::store::Store;
use crate::transcript::Transcript;

pub struct LiveTake {
    take: Take,
    question: Question,
    item: QuestionItem,
    started_at: DateTime<Utc>,
    filing: Filing,
}

/// What a frame of a take brought.
#[derive(Debug, Default, PartialEq)]
pub struct Ticked {
    /// The device failed: recording has ended, what came before is kept.
    pub failure: Option<String>,
    /// A time warning (amber, red, the limit) just came due: ring the bell.
    pub warned: bool,
    /// The clock has reached the round's limit.
    pub at_limit: bool,
}

impl LiveTake {
    /// Starts recording an answer to `question`, to be saved as `filing` says.
    pub fn start(opts: &TakeOptions, question: &Question, filing: Filing) -> Result<LiveTake> {
        let take = Take::start(opts)?;
        Ok(LiveTake {
            take,
            question: question.clone(),
            item: question.into(),
            started_at: Utc::now(),
            filing,
        })
    }

    /// What the take answers, when it began and how it is filed.
    pub fn identity(&self) -> (Question, DateTime<Utc>, Filing) {
        (self.question.clone(), self.started_at, self.filing)
    }

    /// Takes in the audio that arrived and shows it in `live`.
    pub fn tick(&mut self, live: &mut LiveView, lex: &Lexicon) -> Result<Ticked> {
        self.take.pump()?;
        live.elapsed_s = self.take.elapsed_s();
        live.level_db = self.take.level_db();
        if let Some(t) = self.take.poll_transcript() {
            show_heard(live, t, &self.question, lex);
        }
        if let Some(failure) = self.take.failure() {
            return Ok(Ticked { failure: Some(failure.to_string()), ..Ticked::default() });
        }
        let due = warnings_due(&self.item, live.elapsed_s);
        let warned = due > live.rung;
        live.rung = live.rung.max(due);
        Ok(Ticked { failure: None, warned, at_limit: live.elapsed_s >= self.item.limit_s })
    }

    pub fn toggle_pause(&mut self, live: &mut LiveView) {
        let paused = !self.take.is_paused();
        self.take.set_paused(paused);
        live.paused = paused;
    }

    /// Stops the microphone; the last piece is transcribed on a worker, and the take
    /// goes where `then` says.
    pub fn stop(self, then: Then) -> Finishing {
        let LiveTake { take, question, started_at, filing, .. } = self;
        Finishing::spawn(question, started_at, filing, then, move || take.stop())
    }

    /// Stops without a report; the recording and the live transcript are kept.
    pub fn cancel(self) -> Result<Cancelled> {
        self.take.cancel()
    }
}

/// Warnings due at `elapsed_s`: 1 amber, 2 red, 3 the limit.
fn warnings_due(q: &QuestionItem, elapsed_s: f64) -> u8 {
    let (amber, red) = q.warnings_s();
    match elapsed_s {
        e if e >= q.limit_s => 3,
        e if e >= red => 2,
        e if e >= amber => 1,
        _ => 0,
    }
}

/// The transcript so far, and the analyzer's discreet counts of it.
fn show_heard(live: &mut LiveView, t: &Transcript, question: &Question, lex: &Lexicon) {
    live.transcript = t.text();
    let report = analyze(t, &Context::for_question(question), lex);
    live.metrics = report.metrics.len();
    let mut names: Vec<String> = Vec::new();
    for p in report.principles {
        if !names.contains(&p.name) {
            names.push(p.name);
        }
    }
    live.principles = names;
}

/// What becomes of a take once it is transcribed.
pub enum Then {
    /// Analysed and saved by the worker, on `store` (a connection of its own, so a
    /// wait for another barraiser's lock never stops the screen); a take it cannot
    /// save is kept in `recordings` for the next start.
    Save(Box<SaveTo>),
    /// Handed back transcribed, for the caller to file (the loop files its takes
    /// with their step).
    HandBack,
}

/// Where and how the worker saves a take.
pub struct SaveTo {
    store: Result<Store>,
    recordings: PathBuf,
    lexicon: Lexicon,
}

impl Then {
    /// Saved beside the screen's store, with its word lists.
    pub fn save(store: &Store, lexicon: &Lexicon) -> Then {
        Then::Save(Box::new(SaveTo {
            store: store.reopen(),
            recordings: store.recordings_dir(),
            lexicon: lexicon.clone(),
        }))
    }
}

/// What the worker did with the take.
pub enum Done {
    /// Analysed and saved (or kept for the next start).
    Saved(Result<Box<Outcome>>),
    /// Transcribed only ([`Then::HandBack`]).
    Transcribed(Result<Finished>),
}

/// A stopped take (or a kept recording) being transcribed, then saved, on a worker.
pub struct Finishing {
    job: Saving<Done>,
    stopped: Instant,
    started_at: DateTime<Utc>,
}

impl Finishing {
    /// Runs `work` on a worker; its result is an answer to `question`, started at
    /// `started_at`, that goes where `then` says.
    pub fn spawn(
        question: Question,
        started_at: DateTime<Utc>,
        filing: Filing,
        then: Then,
        work: impl FnOnce() -> Result<Finished> + Send + 'static,
    ) -> Finishing {
        let job = Saving::spawn(move |notice| {
            let finished = work();
            Ok(match then {
                Then::HandBack => Done::Transcribed(finished),
                Then::Save(to) => {
                    let SaveTo { store, recordings, lexicon } = *to;
                    let mut store = told(store, notice);
                    let store = store.as_mut().map_err(|e| anyhow::anyhow!("{e:#}"));
                    Done::Saved(finished.and_then(|f| {
                        let (q, lex) = (&question, &lexicon);
                        conclude_into(store, &recordings, q, started_at, &filing, f, lex)
                            .map(Box::new)
                    }))
                }
            })
        });
        Finishing { job, stopped: Instant::now(), started_at }
    }

    /// `None` while the worker is busy; then what it did, with the seconds since the stop.
    pub fn poll(&mut self) -> Option<(Done, f64)> {
        let done = self.job.poll()?;
        Some((done_or_vanished(done), self.stopped.elapsed().as_secs_f64()))
    }

    /// Blocks until the worker is done (the app is quitting), so the take is saved
    /// or kept before it ends.
    pub fn wait(self) -> (Done, f64) {
        let stopped = self.stopped;
        (done_or_vanished(self.job.wait()), stopped.elapsed().as_secs_f64())
    }

    /// The line to show while the save waits for another barraiser's lock.
    pub fn waiting(&self) -> Option<String> {
        self.job.waiting()
    }

    pub fn started_at(&self) -> DateTime<Utc> {
        self.started_at
    }
}

/// A worker that vanished (a panic) lost only the transcription: the recording is on disk.
fn done_or_vanished(done: Result<Done>) -> Done {
    done.unwrap_or_else(|err| Done::Transcribed(Err(err)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::round::Kind;

    #[test]
    fn warnings_come_at_amber_red_and_the_limit() {
        let q = QuestionItem {
            id: "x".into(),
            text: "t".into(),
            kind: Kind::Behavioral,
            principles: vec![],
            limit_s: 180.0,
        };
        let due: Vec<u8> =
            [0.0, 119.9, 120.0, 150.0, 180.0].iter().map(|&e| warnings_due(&q, e)).collect();
        assert_eq!(due, vec![0, 0, 1, 2, 3]);
    }
}
