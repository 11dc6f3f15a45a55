//! The mock onsite loop on screen: the plan, each round's interviewer asking each
//! question (read aloud unless silent) with the round's 45-minute clock beside the
//! answer's limit, follow-ups answered aloud, the candidate's own questions, and the
//! bar raiser's debrief. Every take is saved with its step the moment it is
//! transcribed, so a quit or a crash loses nothing and `barraiser loop --resume`
//! goes on from the next step. Saves run on workers ([`saves`]): the screen goes on
//! drawing, and says so, while another barraiser holds the database.

mod keys;
mod saves;

use anyhow::Result;
use crossterm::event::KeyEvent;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style, Stylize};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use self::keys::{Action, ASKED, DEBRIEF, FINISHING, KEYS, PLAN, RECORDING, SAVED};
use self::saves::{save_debrief_apart, start_apart, AnswerSave};
use super::component::{Component, Cx, LoopStart, Nav, Route};
use super::keymap::{moved, HelpLine};
use super::recording::{FinishingView, RecordingView};
use super::saving::{Saving, WAIT_PREFIX};
use super::take_runner::{Landed, Phase, TakeRunner};
use crate::analysis::timing::clock;
use crate::bank::Question;
use crate::mock_loop::plan::build;
use crate::mock_loop::session::{LoopSession, SpokenTake};
use crate::mock_loop::{Ask, Step, StepKey};
use crate::report::debrief::render_text;

/// Where the loop screen is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// The plan, before the first (or next, on a resume) step.
    Plan,
    /// The interviewer has asked; enter starts the answer.
    Asked,
    Recording,
    /// Stopped: the answer is transcribed, then saved.
    Finishing,
    /// The answer is saved: a line about it, enter goes on.
    Saved,
    Debrief,
}

pub struct LoopScreen {
    pub session: LoopSession,
    pub stage: Stage,
    /// The step being asked.
    pub ask: Option<Ask>,
    pub runner: TakeRunner,
    /// The answer just saved, for `t`.
    last_take: Option<i64>,
    /// A new loop being saved, on a worker; meanwhile `session` is its plan, unsaved.
    starting: Option<Saving<LoopSession>>,
    /// The answer being saved, on a worker.
    answer_save: Option<AnswerSave>,
    /// The debrief being saved, on a worker.
    debrief_save: Option<Saving<()>>,
    debrief: Vec<String>,
    scroll: u16,
    message: Option<String>,
}

impl LoopScreen {
    /// A new loop from its plan, or the newest unfinished one (or the one named).
    pub fn open(cx: &mut Cx, start: &LoopStart) -> Result<LoopScreen> {
        let (session, starting) = match start {
            LoopStart::Resume(id) => (LoopSession::resume(&cx.store, *id)?, None),
            LoopStart::New(options, settings) => {
                // The plan is shown at once, and saved beside the screen.
                let plan = build(&cx.bank, options)?;
                let unsaved = LoopSession::unsaved(plan.clone(), settings.clone());
                (unsaved, Some(start_apart(cx, plan, settings.clone())))
            }
        };
        let mut screen = LoopScreen {
            session,
            stage: Stage::Plan,
            ask: None,
            runner: TakeRunner::new(),
            last_take: None,
            starting,
            answer_save: None,
            debrief_save: None,
            debrief: Vec::new(),
            scroll: 0,
            message: None,
        };
        if screen.session.run.plan.writing.is_some() && screen.session.run.done.is_empty() {
            screen.message = Some(
                "The writing sample comes first: write it in your editor with `barraiser loop --resume` or `barraiser write`."
                    .to_string(),
            );
        }
        Ok(screen)
    }

    fn group(&self) -> &'static str {
        match self.stage {
            Stage::Plan => PLAN,
            Stage::Asked => ASKED,
            Stage::Recording => RECORDING,
            Stage::Finishing => FINISHING,
            Stage::Saved => SAVED,
            Stage::Debrief => DEBRIEF,
        }
    }

    /// The next step: the interviewer asks it (aloud unless silent), or the debrief.
    fn next_step(&mut self, cx: &mut Cx) -> Result<()> {
        match self.session.next() {
            Step::Ask(ask) if ask.key == StepKey::Writing => {
                self.message = Some(
                    "The loop starts with the writing sample: `barraiser loop --resume` asks for it in your editor."
                        .to_string(),
                );
                self.stage = Stage::Plan;
            }
            Step::Ask(ask) => {
                if !cx.config.silent {
                    let text = ask.text.clone();
                    // Read aloud beside the screen; without a synthesizer it is only shown.
                    std::thread::spawn(move || crate::audio::speak::say(&text));
                }
                self.ask = Some(ask);
                self.stage = Stage::Asked;
            }
            Step::Debrief => {
                // Shown at once; written to the store beside the screen.
                let debrief = self.session.debrief();
                self.debrief = render_text(&debrief).lines().map(str::to_string).collect();
                self.stage = Stage::Debrief;
                self.debrief_save = Some(save_debrief_apart(cx, debrief));
            }
        }
        Ok(())
    }

    /// The question a step's take answers, for the live view and the recording's name.
    fn question(&self, cx: &Cx, ask: &Ask) -> Question {
        let limit = ask.record_limit_s(&self.session.run.settings).unwrap_or(300.0);
        let base = ask.question_id.as_deref().and_then(|id| cx.bank.get(id));
        match (ask.key, base) {
            (StepKey::Question { .. }, Some(q)) => Question { limit_s: limit, ..q.clone() },
            (StepKey::FollowUp { followup, .. }, Some(q)) => {
                Question { limit_s: limit, ..q.follow_up(followup + 1, &ask.text) }
            }
            _ => Question::asked(&format!("loop-{}", ask.key.name()), &ask.text, ask.kind, limit),
        }
    }

    fn answer(&mut self, cx: &Cx) {
        let Some(ask) = self.ask.clone() else { return };
        let question = self.question(cx, &ask);
        let cap = ask.record_limit_s(&self.session.run.settings);
        match self.runner.start_unfiled(cx, &question, cap) {
            Ok(()) => {
                self.message = None;
                self.stage = Stage::Recording;
            }
            Err(err) => self.message = Some(format!("Cannot record: {err:#}")),
        }
    }

    fn export(&mut self, cx: &Cx) {
        let debrief = self.session.debrief();
        let page = crate::report::debrief::render_html(&debrief, &self.session.run);
        let path =
            cx.store.data_dir().join("exports").join(format!("loop-{}.html", self.session.id));
        self.message = Some(
            match path
                .parent()
                .map_or(Ok(()), std::fs::create_dir_all)
                .and_then(|_| crate::private::write(&path, page.as_bytes()))
            {
                Ok(()) => format!("Exported to {}", path.display()),
                Err(err) => format!("Cannot export: {err}"),
            },
        );
    }

    /// Speaking time so far in `round`, for its 45-minute clock.
    fn round_clock(&self, round: usize) -> f64 {
        let done = &self.session.run.done;
        done.iter().filter(|t| t.key.round() == Some(round)).filter_map(|t| t.duration_s).sum()
    }

    fn header(&self) -> Vec<Line<'static>> {
        let plan = &self.session.run.plan;
        let Some(round) = self.ask.as_ref().and_then(|a| a.key.round()) else {
            let name = match (self.session.is_saved(), &self.starting) {
                (true, _) => format!("#{}", self.session.id),
                (false, Some(_)) => "(starting…)".to_string(),
                (false, None) => "(not saved)".to_string(),
            };
            return vec![Line::from(format!(
                " Mock onsite loop {name} · {} rounds · {} answers saved",
                plan.rounds.len(),
                self.session.run.done.len()
            ))
            .bold()];
        };
        let r = &plan.rounds[round];
        let raiser = if r.bar_raiser { " · bar raiser" } else { "" };
        vec![
            Line::from(format!(
                " Round {} of {}: {} · {} ({}{raiser})",
                round + 1,
                plan.rounds.len(),
                r.kind.as_str(),
                r.interviewer,
                r.role
            ))
            .bold(),
            Line::from(format!(
                " round clock {} of {} · assesses {}",
                clock(self.round_clock(round)),
                clock(r.clock_s),
                r.focus.join(", ")
            ))
            .dark_gray(),
        ]
    }

    fn render_plan(&self, area: Rect, buf: &mut Buffer) {
        let mut lines: Vec<Line> = Vec::new();
        let plan = &self.session.run.plan;
        if let Some(w) = &plan.writing {
            lines.push(Line::from(format!(
                "Writing sample ({}-{} words): {}",
                w.min_words, w.max_words, w.prompt
            )));
        }
        for (i, r) in plan.rounds.iter().enumerate() {
            let raiser = if r.bar_raiser { ", the bar raiser" } else { "" };
            lines.push(
                Line::from(format!(
                    "{}. {} — {}, {}{raiser} · {} question{}",
                    i + 1,
                    r.kind.as_str(),
                    r.interviewer,
                    r.role,
                    r.questions.len(),
                    if r.questions.len() == 1 { "" } else { "s" }
                ))
                .bold(),
            );
            lines.push(Line::from(format!("   assesses {}", r.focus.join(", "))).dark_gray());
        }
        lines.push(Line::from(""));
        lines.push(Line::from(format!(
            "{} answers saved so far. Each answer is followed by up to {} follow-up{} answered aloud.",
            self.session.run.done.len(),
            self.session.run.settings.followups,
            if self.session.run.settings.followups == 1 { "" } else { "s" }
        )));
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(Block::default().borders(Borders::ALL).title(Line::from(" The loop ").bold()))
            .render(area, buf);
    }

    fn render_asked(&self, ask: &Ask, area: Rect, buf: &mut Buffer) {
        let what = match ask.key {
            StepKey::FollowUp { .. } => "Follow-up",
            StepKey::YourQuestions { .. } => "The interviewer",
            _ => "Question",
        };
        let limit = ask.record_limit_s(&self.session.run.settings).map(clock).unwrap_or_default();
        let mut lines = vec![Line::from(ask.text.clone()).bold(), Line::from("")];
        if let Some(reason) = &ask.reason {
            lines.push(Line::from(format!("(probing: {reason})")).dark_gray());
        }
        lines.push(Line::from(format!("Answer limit {limit}. Press enter when you are ready.")));
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(
                Block::default()
                    .borders(Borders::ALL)
                    .title(Line::from(format!(" {what} ")).bold()),
            )
            .render(area, buf);
    }
}

impl Component for LoopScreen {
    fn draw(&self, area: Rect, buf: &mut Buffer) {
        let header = self.header();
        let [head, body] =
            Layout::vertical([Constraint::Length(header.len() as u16), Constraint::Min(4)])
                .areas(area);
        Paragraph::new(header).render(head, buf);
        match (self.stage, &self.ask, &self.runner.question) {
            (Stage::Plan, ..) => self.render_plan(body, buf),
            (Stage::Asked, Some(ask), _) => self.render_asked(ask, body, buf),
            (Stage::Recording, _, Some(q)) => {
                RecordingView { question: q, live: &self.runner.live, target_s: q.target_s() }
                    .render(body, buf)
            }
            (Stage::Finishing | Stage::Saved, _, Some(q)) => {
                FinishingView { question: q, live: &self.runner.live }.render(body, buf)
            }
            (Stage::Debrief, ..) => {
                let decision = self.debrief.iter().find(|l| l.starts_with("Decision"));
                let verdict = decision.map_or("", |l| l.trim_start_matches("Decision").trim());
                Paragraph::new(
                    self.debrief.iter().map(|l| Line::from(l.as_str())).collect::<Vec<_>>(),
                )
                .wrap(Wrap { trim: false })
                .scroll((self.scroll, 0))
                .block(
                    Block::default()
                        .borders(Borders::ALL)
                        .title(Line::from(" Debrief ").bold())
                        .title(Line::from(format!(" {verdict} ")).right_aligned())
                        .border_style(Style::new().fg(Color::Cyan)),
                )
                .render(body, buf)
            }
            _ => {}
        }
    }

    fn footer(&self) -> String {
        match self.stage {
            Stage::Finishing => self.runner.finishing_footer(),
            _ => KEYS.footer(self.group()),
        }
    }

    fn help(&self) -> Vec<HelpLine> {
        KEYS.help()
    }

    fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    fn on_key(&mut self, key: KeyEvent, cx: &mut Cx) -> Result<Nav> {
        let Some(action) = KEYS.action(self.group(), &key) else { return Ok(Nav::Stay) };
        match action {
            Action::Go if self.stage == Stage::Asked => self.answer(cx),
            // Nothing is asked before the loop is in the store: its answers belong to it.
            Action::Go if !self.session.is_saved() => {}
            Action::Go => {
                self.message = None;
                self.next_step(cx)?;
            }
            Action::Stop => {
                self.runner.stop(cx);
                self.stage = Stage::Finishing;
            }
            Action::TogglePause => self.runner.toggle_pause(),
            Action::Cancel => {
                self.message = self.runner.cancel()?.map(|kept| {
                    format!("Answer cancelled, not saved ({kept}); enter answers again")
                });
                self.runner.keep_cancelled();
                self.stage = Stage::Asked;
            }
            Action::Review => {
                if let Some(id) = self.last_take {
                    return Ok(Nav::Open(Route::Review(id)));
                }
            }
            Action::Scroll(by) => {
                self.scroll = moved(self.scroll.into(), by, self.debrief.len()) as u16;
            }
            Action::Export => self.export(cx),
            Action::Back => return Ok(Nav::Back),
            Action::Quit => return Ok(Nav::Quit),
        }
        Ok(Nav::Stay)
    }

    fn on_tick(&mut self, cx: &mut Cx) -> Result<Nav> {
        self.poll_saves()?;
        let landed = self.runner.tick(cx)?;
        if self.stage == Stage::Recording && self.runner.phase() == Phase::Finishing {
            self.stage = Stage::Finishing;
        }
        let Some(landed) = landed else { return Ok(Nav::Stay) };
        let Some(ask) = self.ask.clone() else { return Ok(Nav::Stay) };
        match landed {
            Landed::Unfiled { finished, started_at, note } => {
                let seconds = finished.recording.duration_s();
                let take = self.session.spoken(&ask, *finished, started_at, &cx.lexicon)?;
                self.answer_save = Some(AnswerSave::spawn(cx, take, seconds, note));
            }
            Landed::Failed(why) => {
                self.message = Some(why);
                self.stage = Stage::Asked;
            }
            Landed::Saved { .. } => {}
        }
        Ok(Nav::Stay)
    }

    /// The app is quitting: an answer being transcribed or saved, and the debrief, are
    /// waited for, so they are saved (or the answer kept for the next start) before
    /// the app ends.
    fn on_quit(&mut self, cx: &mut Cx) -> Result<()> {
        if let (Some(Landed::Unfiled { finished, started_at, .. }), Some(ask)) =
            (self.runner.quit()?, &self.ask)
        {
            let take = self.session.spoken(ask, *finished, started_at, &cx.lexicon)?;
            self.answer_save = Some(AnswerSave::spawn(cx, take, 0.0, None));
        }
        if let Some(save) = self.answer_save.take() {
            let _ = save.wait();
        }
        if let Some(save) = self.debrief_save.take() {
            let _ = save.wait();
        }
        Ok(())
    }
}

impl LoopScreen {
    /// Takes in what the save workers did: the answer saved (or why not), the debrief.
    fn poll_saves(&mut self) -> Result<()> {
        if let Some(start) = &mut self.starting {
            let polled = start.poll();
            let waiting = start.waiting();
            self.show_wait(waiting);
            match polled {
                None => {}
                Some(Ok(session)) => {
                    self.starting = None;
                    self.session = session;
                }
                Some(Err(why)) => {
                    self.starting = None;
                    self.message = Some(format!("Cannot start the loop: {why:#}; esc goes back"));
                }
            }
        }
        if let Some(save) = &mut self.answer_save {
            let polled = save.poll();
            self.runner.live.waiting = save.waiting();
            if let Some(done) = polled {
                let AnswerSave { seconds, note, .. } =
                    self.answer_save.take().expect("polled just now");
                self.runner.live.waiting = None;
                match done {
                    Ok((take, id)) => self.answer_saved(take, id, seconds, note)?,
                    Err(why) => {
                        self.message = Some(format!("{why:#}"));
                        self.stage = Stage::Asked;
                    }
                }
            }
        }
        if let Some(save) = &mut self.debrief_save {
            let polled = save.poll();
            let waiting = save.waiting();
            self.show_wait(waiting);
            match polled {
                None => {}
                Some(Ok(())) => self.debrief_save = None,
                Some(Err(why)) => {
                    self.debrief_save = None;
                    self.message = Some(format!(
                        "The debrief could not be saved ({why:#}); `barraiser loop --resume` makes it again"
                    ));
                }
            }
        }
        Ok(())
    }

    /// A save's wait in the status line while it lasts; any other note (the writing
    /// sample's, an export's) stays.
    fn show_wait(&mut self, waiting: Option<String>) {
        if waiting.is_some() {
            self.message = waiting;
        } else if self.message.as_deref().is_some_and(|m| m.starts_with(WAIT_PREFIX)) {
            self.message = None;
        }
    }

    /// The answer is this step's now: a line about it, enter goes on.
    fn answer_saved(
        &mut self,
        take: SpokenTake,
        attempt_id: i64,
        seconds: f64,
        note: Option<String>,
    ) -> Result<()> {
        let saved = self.session.record(take, attempt_id)?;
        self.last_take = Some(saved.attempt_id);
        let how = match (&saved.report, &saved.problem) {
            (_, Some(problem)) => problem.clone(),
            (Some(r), None) => format!("score {:.1} / 4", r.score.overall),
            (None, None) => String::new(),
        };
        let note = note.map(|n| format!(" {n}")).unwrap_or_default();
        self.message = Some(format!(
            "Answer saved as take #{} ({}, {how}).{note}",
            saved.attempt_id,
            clock(seconds)
        ));
        self.stage = Stage::Saved;
        Ok(())
    }
}
