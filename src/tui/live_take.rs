//! A take on a screen, shared by the practice and drill screens: each frame takes in
//! the audio and updates the live view (clock, level, transcript, what was heard, the
//! time warnings due); the stop hands the last piece's transcription to a worker so
//! the screen keeps drawing, and the finished take is analysed and saved.

use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::Instant;

use anyhow::{anyhow, Result};
use chrono::{DateTime, Utc};

use super::recording::{LiveView, QuestionItem};
use crate::analysis::{analyze, Context, Lexicon};
use crate::bank::Question;
use crate::practice::outcome::{conclude, Filing, Outcome};
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

    /// Stops the microphone; the last piece is transcribed on a worker.
    pub fn stop(self) -> Finishing {
        let LiveTake { take, question, started_at, filing, .. } = self;
        Finishing::spawn(question, started_at, filing, move || take.stop())
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

/// A stopped take (or a kept recording) being transcribed on a worker.
pub struct Finishing {
    done: Receiver<Result<Finished>>,
    stopped: Instant,
    question: Question,
    started_at: DateTime<Utc>,
    filing: Filing,
}

impl Finishing {
    /// Runs `work` on a worker; its result is an answer to `question`, started at `started_at`.
    pub fn spawn(
        question: Question,
        started_at: DateTime<Utc>,
        filing: Filing,
        work: impl FnOnce() -> Result<Finished> + Send + 'static,
    ) -> Finishing {
        let (tx, done) = mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(work());
        });
        Finishing { done, stopped: Instant::now(), question, started_at, filing }
    }

    /// `None` while the worker is busy; then the take analysed and saved, with the
    /// seconds from the stop to the saved report.
    pub fn poll(&self, store: &mut Store, lex: &Lexicon) -> Option<Result<(Outcome, f64)>> {
        let (finished, ready_after_s) = self.poll_finished()?;
        Some(finished.and_then(|f| {
            let outcome = conclude(store, &self.question, self.started_at, &self.filing, f, lex)?;
            Ok((outcome, ready_after_s))
        }))
    }

    /// `None` while the worker is busy; then the transcribed take, unsaved, with the
    /// seconds since the stop (for callers that file takes their own way).
    pub fn poll_finished(&self) -> Option<(Result<Finished>, f64)> {
        let finished = match self.done.try_recv() {
            Ok(finished) => finished,
            Err(TryRecvError::Empty) => return None,
            Err(TryRecvError::Disconnected) => Err(anyhow!("the transcription ended unexpectedly")),
        };
        Some((finished, self.stopped.elapsed().as_secs_f64()))
    }

    pub fn started_at(&self) -> DateTime<Utc> {
        self.started_at
    }
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
