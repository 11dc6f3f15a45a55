//! What the practice screen does: runs takes, turns actions into state changes,
//! and collects background work (the last piece's transcription) from channels.

use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::Instant;

use anyhow::Result;
use chrono::{DateTime, Utc};

use super::app::{App, KeptAudio, QuestionItem, ReportView, Screen};
use super::keys::Action;
use crate::analysis::{analyze, Context, Lexicon};
use crate::audio::recorder::{Recording, Recovered};
use crate::bank::Bank;
use crate::cli::practice::{take_options, PracticeArgs};
use crate::cli::Global;
use crate::practice::outcome::conclude;
use crate::practice::take::{Finished, Take};
use crate::report::render_text;
use crate::store::Store;
use crate::transcript::Transcript;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Continue,
    Quit,
}

/// A kept recording waiting for the user's decision.
enum Kept {
    Cancelled(Recording),
    Recovered(Recovered),
}

pub struct Controller<'a> {
    args: &'a PracticeArgs,
    g: &'a Global,
    store: &'a mut Store,
    bank: &'a Bank,
    lex: Lexicon,
    take: Option<Take>,
    started_at: DateTime<Utc>,
    finishing: Option<(Receiver<Result<Finished>>, Instant)>,
    kept: Vec<Kept>,
    /// Bells rung so far; the event loop rings the terminal's when this grows.
    pub bells: u32,
}

impl<'a> Controller<'a> {
    pub fn new(
        args: &'a PracticeArgs,
        g: &'a Global,
        store: &'a mut Store,
        bank: &'a Bank,
        lex: Lexicon,
        recovered: Vec<Recovered>,
    ) -> Controller<'a> {
        Controller {
            args,
            g,
            store,
            bank,
            lex,
            take: None,
            started_at: Utc::now(),
            finishing: None,
            kept: recovered.into_iter().map(Kept::Recovered).collect(),
            bells: 0,
        }
    }

    /// Shows recovered recordings first, if any.
    pub fn init(&self, app: &mut App) {
        app.no_cutoff = self.args.no_cutoff;
        if !self.kept.is_empty() {
            app.kept = self.kept_views();
            app.screen = Screen::Recovered;
        }
    }

    fn kept_views(&self) -> Vec<KeptAudio> {
        self.kept
            .iter()
            .map(|k| match k {
                Kept::Cancelled(r) => KeptAudio {
                    path: r.path.display().to_string(),
                    duration_s: r.duration_s(),
                    question_id: None,
                },
                Kept::Recovered(r) => KeptAudio {
                    path: r.meta.path.display().to_string(),
                    duration_s: r.recording.duration_s(),
                    question_id: r.meta.question_id.clone(),
                },
            })
            .collect()
    }

    pub fn apply(&mut self, app: &mut App, action: Action) -> Result<Flow> {
        app.message = None;
        match action {
            Action::None => {}
            Action::Quit => {
                if let Some(take) = self.take.take() {
                    take.cancel()?;
                }
                return Ok(Flow::Quit);
            }
            Action::ToggleHelp => app.show_help = !app.show_help,
            Action::Move(by) => app.move_selection(by),
            Action::NextKind => app.next_kind(),
            Action::NextPrinciple => app.next_principle(),
            Action::Random => {
                let n = app.visible().len() as u64;
                if n > 0 {
                    app.selected = (crate::bank::select::random_seed() % n) as usize;
                }
            }
            Action::Start => {
                if let Some(q) = app.selected_question().cloned() {
                    self.start(app, q);
                }
            }
            Action::Retry => {
                if let Some(q) = app.current.clone() {
                    self.settle_cancelled();
                    self.start(app, q);
                }
            }
            Action::Stop => self.stop(app),
            Action::TogglePause => {
                if let Some(take) = &mut self.take {
                    let paused = !take.is_paused();
                    take.set_paused(paused);
                    app.live.paused = paused;
                }
            }
            Action::Cancel => {
                if let Some(take) = self.take.take() {
                    let recording = take.cancel()?;
                    self.kept.insert(0, Kept::Cancelled(recording));
                    app.kept = self.kept_views();
                    app.screen = Screen::Cancelled;
                }
            }
            Action::Discard => {
                if !self.kept.is_empty() {
                    let discarded = match self.kept.remove(0) {
                        Kept::Cancelled(r) => std::fs::remove_file(&r.path).map_err(anyhow::Error::from),
                        Kept::Recovered(r) => r.settle(true),
                    };
                    app.message = Some(match discarded {
                        Ok(()) => "Recording deleted.".to_string(),
                        Err(err) => format!("Could not delete the recording: {err:#}"),
                    });
                }
                self.after_kept(app);
            }
            Action::AnalyseKept => self.analyse_kept(app),
            Action::Back => {
                if matches!(app.screen, Screen::Cancelled | Screen::Recovered) && !self.kept.is_empty() {
                    // "Not now": recovered ones stay on offer for the next start.
                    self.kept.remove(0);
                }
                self.after_kept(app);
            }
            Action::Scroll(by) => {
                let max = app.report.as_ref().map_or(0, |r| r.lines.len().saturating_sub(1)) as i64;
                app.report_scroll = (app.report_scroll as i64 + by as i64).clamp(0, max) as u16;
            }
        }
        Ok(Flow::Continue)
    }

    /// Keeps the cancelled audio on disk and stops offering it.
    fn settle_cancelled(&mut self) {
        self.kept.retain(|k| !matches!(k, Kept::Cancelled(_)));
    }

    fn after_kept(&mut self, app: &mut App) {
        app.kept = self.kept_views();
        app.screen = match self.kept.first() {
            Some(Kept::Cancelled(_)) => Screen::Cancelled,
            Some(Kept::Recovered(_)) => Screen::Recovered,
            None => Screen::Pick,
        };
    }

    fn start(&mut self, app: &mut App, q: QuestionItem) {
        let Some(question) = self.bank.get(&q.id) else { return };
        let started = take_options(self.args, self.g, self.store, question).and_then(|opts| Take::start(&opts));
        match started {
            Ok(take) => {
                self.take = Some(take);
                self.started_at = Utc::now();
                app.current = Some(q);
                app.live = Default::default();
                app.report = None;
                app.report_scroll = 0;
                app.screen = Screen::Recording;
            }
            Err(err) => app.message = Some(format!("Cannot record: {err:#}")),
        }
    }

    fn stop(&mut self, app: &mut App) {
        let Some(take) = self.take.take() else { return };
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(take.stop());
        });
        self.finishing = Some((rx, Instant::now()));
        app.screen = Screen::Finishing;
    }

    /// Transcribes a kept recording on a worker, then reports it like a take.
    fn analyse_kept(&mut self, app: &mut App) {
        if self.kept.is_empty() {
            return;
        }
        let (recording, question_id) = match self.kept.remove(0) {
            Kept::Cancelled(r) => (r, app.current.as_ref().map(|q| q.id.clone())),
            Kept::Recovered(r) => {
                let _ = r.settle(false);
                (r.recording, r.meta.question_id)
            }
        };
        let question = question_id
            .as_deref()
            .and_then(|id| self.bank.get(id))
            .or_else(|| app.selected_question().and_then(|q| self.bank.get(&q.id)));
        let Some(question) = question else { return };
        app.current = Some(question.into());
        let opts = match crate::speech::transcribe::TranscribeOptions::from_global(self.g) {
            Ok(mut o) => {
                o.progress = false;
                o
            }
            Err(err) => {
                app.message = Some(format!("{err:#}"));
                return;
            }
        };
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let transcript = crate::speech::transcribe::transcribe_file(&recording.path, &opts);
            let _ = tx.send(Ok(Finished { recording, transcript, failure: None, tail_s: 0.0 }));
        });
        self.finishing = Some((rx, Instant::now()));
        app.live = Default::default();
        app.screen = Screen::Finishing;
    }

    /// Called every frame: takes in audio, updates the live view, rings the bell,
    /// cuts off at the limit, and picks up a finished report.
    pub fn tick(&mut self, app: &mut App) -> Result<()> {
        if let Some(take) = &mut self.take {
            take.pump()?;
            app.live.elapsed_s = take.elapsed_s();
            app.live.level_db = take.level_db();
            let fresh = take.poll_transcript().cloned();
            let failure = take.failure().map(str::to_string);
            if let Some(t) = fresh {
                self.update_heard(app, &t);
            }
            if let Some(failure) = failure {
                app.message = Some(format!("{failure}: analysing what was recorded"));
                self.stop(app);
                return Ok(());
            }
            self.ring_warnings(app);
        }
        let Some((rx, stopped)) = &self.finishing else { return Ok(()) };
        let finished = match rx.try_recv() {
            Ok(f) => f,
            Err(TryRecvError::Empty) => return Ok(()),
            Err(TryRecvError::Disconnected) => Err(anyhow::anyhow!("the transcription ended unexpectedly")),
        };
        let ready_after_s = stopped.elapsed().as_secs_f64();
        self.finishing = None;
        let question = app.current.as_ref().and_then(|q| self.bank.get(&q.id));
        let (Some(question), Ok(finished)) = (question, finished.map_err(|e| app.message = Some(format!("{e:#}"))))
        else {
            app.screen = Screen::Pick;
            return Ok(());
        };
        match conclude(self.store, question, self.started_at, finished, &self.lex) {
            Ok(outcome) => {
                let text = render_text(&outcome.report, &outcome.transcript, false);
                app.report = Some(ReportView {
                    score: outcome.report.score.overall,
                    bar: outcome.report.score.bar,
                    duration_s: outcome.recording.duration_s(),
                    lines: text.lines().map(str::to_string).collect(),
                    session_id: outcome.attempt_id,
                    recording: outcome.recording.path.display().to_string(),
                    ready_after_s,
                });
                app.report_scroll = 0;
                app.screen = Screen::Report;
                if let Some(f) = outcome.failure {
                    app.message = Some(format!("{f}: the report covers what was recorded before"));
                }
            }
            Err(err) => {
                app.message = Some(format!("{err:#}"));
                app.screen = Screen::Pick;
            }
        }
        Ok(())
    }

    /// Runs the analyzer on the transcript so far for the discreet counts.
    fn update_heard(&self, app: &mut App, t: &Transcript) {
        app.live.transcript = t.text();
        let Some(q) = app.current.as_ref().and_then(|q| self.bank.get(&q.id)) else { return };
        let report = analyze(t, &Context::for_question(q), &self.lex);
        app.live.metrics = report.metrics.len();
        let mut names: Vec<String> = Vec::new();
        for p in report.principles {
            if !names.contains(&p.name) {
                names.push(p.name);
            }
        }
        app.live.principles = names;
    }

    /// A bell at amber, at red and at the limit; the cut-off unless --no-cutoff.
    fn ring_warnings(&mut self, app: &mut App) {
        let Some(q) = &app.current else { return };
        let (amber, red) = q.warnings_s();
        let e = app.live.elapsed_s;
        let due = if e >= q.limit_s { 3 } else if e >= red { 2 } else if e >= amber { 1 } else { 0 };
        if due > app.live.rung {
            app.live.rung = due;
            if !self.args.quiet {
                self.bells += 1;
            }
        }
        if e >= q.limit_s {
            if self.args.no_cutoff {
                app.live.past_limit = true;
            } else {
                app.message = Some("Time: the interviewer cuts you off here.".to_string());
                self.stop(app);
            }
        }
    }
}
