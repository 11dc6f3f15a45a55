//! What the practice screen does: runs takes, turns actions into state changes,
//! and collects background work (the last piece's transcription) from channels.

use anyhow::Result;
use chrono::{DateTime, Utc};

use super::app::{App, KeptAudio, QuestionItem, ReportView, Screen};
use super::keys::Action;
use super::live_take::{Finishing, LiveTake};
use crate::analysis::Lexicon;
use crate::audio::recorder::{Recording, Recovered};
use crate::bank::Bank;
use crate::cli::practice::{take_options, PracticeArgs};
use crate::cli::Global;
use crate::practice::outcome::Filing;
use crate::practice::recover::{recorded_at, INTERRUPTED};
use crate::practice::take::Finished;
use crate::report::render_text;
use crate::store::Store;

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
    take: Option<LiveTake>,
    /// When the newest take began (a cancelled one is analysed as of then).
    started_at: DateTime<Utc>,
    finishing: Option<Finishing>,
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
                    take.toggle_pause(&mut app.live);
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
                        Kept::Cancelled(r) => {
                            std::fs::remove_file(&r.path).map_err(anyhow::Error::from)
                        }
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
                if matches!(app.screen, Screen::Cancelled | Screen::Recovered)
                    && !self.kept.is_empty()
                {
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
        let (device, max_s) = (self.args.device.as_deref(), self.args.seconds);
        let started = take_options(self.g, self.store, question, device, max_s)
            .and_then(|opts| LiveTake::start(&opts, question, Filing::practice()));
        match started {
            Ok(take) => {
                self.started_at = take.started_at();
                self.take = Some(take);
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
        self.finishing = Some(take.stop());
        app.screen = Screen::Finishing;
    }

    /// Transcribes a kept recording on a worker, then reports it like a take.
    fn analyse_kept(&mut self, app: &mut App) {
        if self.kept.is_empty() {
            return;
        }
        let (recording, question_id, started_at, failure) = match self.kept.remove(0) {
            Kept::Cancelled(r) => {
                (r, app.current.as_ref().map(|q| q.id.clone()), self.started_at, None)
            }
            Kept::Recovered(r) => {
                let _ = r.settle(false);
                let at = recorded_at(&r).unwrap_or(self.started_at);
                (r.recording, r.meta.question_id, at, Some(INTERRUPTED.to_string()))
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
        self.finishing =
            Some(Finishing::spawn(question.clone(), started_at, Filing::practice(), move || {
                let transcript = crate::speech::transcribe::transcribe_file(&recording.path, &opts);
                Ok(Finished { recording, transcript, failure, tail_s: 0.0, dropped_frames: 0 })
            }));
        app.live = Default::default();
        app.screen = Screen::Finishing;
    }

    /// Called every frame: takes in audio, updates the live view, rings the bell,
    /// cuts off at the limit, and picks up a finished report.
    pub fn tick(&mut self, app: &mut App) -> Result<()> {
        if let Some(take) = &mut self.take {
            let ticked = take.tick(&mut app.live, &self.lex)?;
            if let Some(failure) = ticked.failure {
                app.message = Some(format!("{failure}: analysing what was recorded"));
                self.stop(app);
                return Ok(());
            }
            if ticked.warned && !self.args.quiet {
                self.bells += 1;
            }
            if ticked.at_limit {
                if self.args.no_cutoff {
                    app.live.past_limit = true;
                } else {
                    app.message = Some("Time: the interviewer cuts you off here.".to_string());
                    self.stop(app);
                }
            }
        }
        let Some(finishing) = &self.finishing else { return Ok(()) };
        let Some(done) = finishing.poll(self.store, &self.lex) else { return Ok(()) };
        self.finishing = None;
        match done {
            Ok((outcome, ready_after_s)) => {
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
                if let Some(why) = outcome.unsaved {
                    app.message = Some(why);
                }
            }
            Err(err) => {
                app.message = Some(format!("{err:#}"));
                app.screen = Screen::Pick;
            }
        }
        Ok(())
    }
}
