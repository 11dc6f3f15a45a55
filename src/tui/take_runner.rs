//! One take runner for every screen that records (practice, drill, follow-ups, the
//! loop): start, pause, stop, cancel, analyse a cancelled take anyway, discard it,
//! the time warnings and their bells, the cut-off at the limit (or not, with
//! `no_cutoff`), and a lost microphone — each handled once, here. A take is saved on
//! its worker, not here: the runner only shows how long that save has waited for
//! another barraiser's lock.

use anyhow::Result;
use chrono::{DateTime, Utc};

use super::component::Cx;
use super::live_take::{Done, Finishing, LiveTake, Then};
use super::recording::{LiveView, QuestionItem};
use crate::audio::recorder::Recording;
use crate::bank::Question;
use crate::practice::outcome::{Filing, Outcome};
use crate::practice::take::{Cancelled, Finished, TakeOptions};
use crate::speech::transcribe::transcribe_file;

/// What the runner is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Idle,
    Recording,
    /// Stopped: the last words are being transcribed, then the take is saved (on
    /// the worker: the screen goes on drawing).
    Finishing,
}

/// What a tick brought.
pub enum Landed {
    /// A take started with [`TakeRunner::start_unfiled`]: transcribed, for the caller
    /// to analyse and file (the loop files its takes with their step).
    Unfiled { finished: Box<Finished>, started_at: DateTime<Utc>, note: Option<String> },
    /// The take is analysed and saved; `note` says why it ended early, if it did.
    Saved { outcome: Box<Outcome>, ready_after_s: f64, note: Option<String> },
    /// It could not be saved or analysed (nothing said, a failed save): why.
    Failed(String),
}

pub struct TakeRunner {
    take: Option<LiveTake>,
    finishing: Option<Finishing>,
    /// A cancelled take, until it is analysed, discarded or left behind.
    cancelled: Option<(Cancelled, Question, DateTime<Utc>, Filing)>,
    /// The question being (or last) answered.
    pub question: Option<QuestionItem>,
    pub live: LiveView,
    /// Why the take ended early (the limit, a lost device), for the report.
    note: Option<String>,
    /// The take is handed back transcribed, not analysed and saved here.
    unfiled: bool,
}

impl Default for TakeRunner {
    fn default() -> Self {
        TakeRunner::new()
    }
}

impl TakeRunner {
    pub fn new() -> TakeRunner {
        TakeRunner {
            take: None,
            finishing: None,
            cancelled: None,
            question: None,
            live: LiveView::default(),
            note: None,
            unfiled: false,
        }
    }

    /// The status line while a stopped take is finished: what it is waiting for.
    pub fn finishing_footer(&self) -> String {
        match self.live.waiting {
            Some(_) => "saving the take: waiting for the database…".to_string(),
            None => "transcribing the last words…".to_string(),
        }
    }

    pub fn phase(&self) -> Phase {
        match (&self.take, &self.finishing) {
            (Some(_), _) => Phase::Recording,
            (None, Some(_)) => Phase::Finishing,
            (None, None) => Phase::Idle,
        }
    }

    /// Starts recording an answer to `question`, filed as `filing` says. A take
    /// cancelled before stays on disk but is no longer offered.
    pub fn start(&mut self, cx: &Cx, question: &Question, filing: Filing) -> Result<()> {
        self.cancelled = None;
        let opts =
            TakeOptions::new(&cx.model()?, &cx.store, question, cx.config.device.as_deref(), None);
        self.take = Some(LiveTake::start(&opts, question, filing)?);
        self.question = Some(question.into());
        self.live = LiveView::default();
        self.note = None;
        self.unfiled = false;
        Ok(())
    }

    /// Starts a take whose answer the caller files itself, kept to at most `max_s`
    /// seconds; its tick hands back [`Landed::Unfiled`].
    pub fn start_unfiled(
        &mut self,
        cx: &Cx,
        question: &Question,
        max_s: Option<f64>,
    ) -> Result<()> {
        self.cancelled = None;
        let device = cx.config.device.as_deref();
        let opts = TakeOptions::new(&cx.model()?, &cx.store, question, device, max_s);
        self.take = Some(LiveTake::start(&opts, question, Filing::practice())?);
        self.question = Some(question.into());
        self.live = LiveView::default();
        self.note = None;
        self.unfiled = true;
        Ok(())
    }

    pub fn toggle_pause(&mut self) {
        if let Some(take) = &mut self.take {
            take.toggle_pause(&mut self.live);
        }
    }

    /// Stops the microphone; the last piece is transcribed on a worker, which then
    /// saves the take (or hands it back, for a take started unfiled).
    pub fn stop(&mut self, cx: &Cx) {
        if let Some(take) = self.take.take() {
            self.finishing = Some(take.stop(self.then(cx)));
        }
    }

    /// Where a finished take goes.
    fn then(&self, cx: &Cx) -> Then {
        if self.unfiled {
            Then::HandBack
        } else {
            Then::save(&cx.store, &cx.lexicon)
        }
    }

    /// Stops without a report: the audio and the transcript so far are kept, to be
    /// analysed anyway or discarded. Says what was kept.
    pub fn cancel(&mut self) -> Result<Option<String>> {
        let Some(take) = self.take.take() else { return Ok(None) };
        let (question, started_at, filing) = take.identity();
        let cancelled = take.cancel()?;
        let said = format!(
            "{:.1} s of audio kept in {}",
            cancelled.recording.duration_s(),
            cancelled.recording.path.display()
        );
        self.cancelled = Some((cancelled, question, started_at, filing));
        Ok(Some(said))
    }

    pub fn has_cancelled(&self) -> bool {
        self.cancelled.is_some()
    }

    /// Analyses the cancelled take: only its last piece is left to transcribe.
    pub fn analyse_cancelled(&mut self, cx: &Cx) -> bool {
        let Some((cancelled, question, started_at, filing)) = self.cancelled.take() else {
            return false;
        };
        let then = self.then(cx);
        self.finishing = Some(Finishing::spawn(question, started_at, filing, then, move || {
            Ok(cancelled.finish())
        }));
        true
    }

    /// Deletes the cancelled take's audio; says what happened.
    pub fn discard_cancelled(&mut self) -> Option<String> {
        let (cancelled, ..) = self.cancelled.take()?;
        let path = &cancelled.recording.path;
        Some(match std::fs::remove_file(path) {
            Ok(()) => "The cancelled take's audio is deleted.".to_string(),
            Err(err) => format!("Could not delete {}: {err}", path.display()),
        })
    }

    /// Leaves the cancelled take on disk and stops offering it.
    pub fn keep_cancelled(&mut self) {
        self.cancelled = None;
    }

    /// Transcribes a whole recording (one a crash left) and files it like a take,
    /// with `failure` saying why it ended early.
    pub fn analyse_recording(
        &mut self,
        cx: &Cx,
        recording: Recording,
        question: &Question,
        started_at: DateTime<Utc>,
        failure: Option<String>,
    ) -> Result<()> {
        let opts = cx.config.transcribe_options()?;
        self.question = Some(question.into());
        self.live = LiveView::default();
        let filing = Filing::practice();
        self.unfiled = false;
        let then = self.then(cx);
        self.finishing =
            Some(Finishing::spawn(question.clone(), started_at, filing, then, move || {
                let transcript = transcribe_file(&recording.path, &opts);
                Ok(Finished { recording, transcript, failure, tail_s: 0.0, dropped_frames: 0 })
            }));
        Ok(())
    }

    /// Takes in the audio, rings the warnings, cuts off at the limit unless told not
    /// to, stops on a lost device, and hands over a saved take.
    pub fn tick(&mut self, cx: &mut Cx) -> Result<Option<Landed>> {
        if let Some(take) = &mut self.take {
            let ticked = take.tick(&mut self.live, &cx.lexicon)?;
            if ticked.warned {
                cx.ring();
            }
            if let Some(failure) = ticked.failure {
                self.note = Some(format!("{failure}: the report covers what was recorded before"));
                self.stop(cx);
            } else if ticked.at_limit {
                if cx.config.no_cutoff {
                    self.live.past_limit = true;
                } else {
                    self.note = Some("Time: the interviewer cuts you off here.".to_string());
                    self.stop(cx);
                }
            }
        }
        let Some(finishing) = &mut self.finishing else { return Ok(None) };
        let polled = finishing.poll();
        self.live.waiting = finishing.waiting();
        let Some((done, ready_after_s)) = polled else { return Ok(None) };
        let started_at = finishing.started_at();
        self.finishing = None;
        self.live.waiting = None;
        Ok(Some(self.landed(done, ready_after_s, started_at)))
    }

    /// What the worker's result is to the screen.
    fn landed(&mut self, done: Done, ready_after_s: f64, started_at: DateTime<Utc>) -> Landed {
        match done {
            Done::Transcribed(Ok(f)) => {
                Landed::Unfiled { finished: Box::new(f), started_at, note: self.note.take() }
            }
            Done::Saved(Ok(outcome)) => {
                // A take the database could not take is kept for the next start: say so first.
                let note = outcome.unsaved.clone().or(self.note.take()).or_else(|| {
                    outcome
                        .failure
                        .as_ref()
                        .map(|f| format!("{f}: the report covers what was recorded before"))
                });
                Landed::Saved { outcome, ready_after_s, note }
            }
            Done::Transcribed(Err(err)) | Done::Saved(Err(err)) => {
                Landed::Failed(format!("{err:#}"))
            }
        }
    }

    /// The app is quitting: a take in progress is kept on disk as a valid recording,
    /// and one being finished is waited for, so it is saved (or kept for the next
    /// start) before the app ends; a take started unfiled is handed back to file.
    pub fn quit(&mut self) -> Result<Option<Landed>> {
        if let Some(take) = self.take.take() {
            take.cancel()?;
        }
        let Some(finishing) = self.finishing.take() else { return Ok(None) };
        let started_at = finishing.started_at();
        let (done, ready_after_s) = finishing.wait();
        Ok(Some(self.landed(done, ready_after_s, started_at)))
    }
}
