//! The drill screen with real takes: records the next take of the question against
//! the drill's target with the shared take runner, saves it as a drill take (one
//! sitting per drill), and shows the drill again with it added.

use anyhow::Result;
use crossterm::event::KeyEvent;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::keys::{DrillAction, CANCELLED, FINISHING, KEYS, READY, RECORDING};
use super::{DrillStatus, DrillView};
use crate::analysis::timing::clock;
use crate::practice::outcome::{Filing, Outcome};
use crate::progress::drill::signed_clock;
use crate::store::Mode;
use crate::tui::component::{Component, Cx, DrillTarget, Nav};
use crate::tui::keymap::HelpLine;
use crate::tui::take_runner::{Landed, Phase, TakeRunner};

pub struct DrillScreen {
    pub view: DrillView,
    target: DrillTarget,
    /// The store session of this drill, once its first take is saved.
    session_id: Option<i64>,
    runner: TakeRunner,
}

impl DrillScreen {
    pub fn open(cx: &Cx, target: DrillTarget) -> Result<DrillScreen> {
        let view = DrillView::load(&cx.store, &target, Some(&cx.bank))?;
        Ok(DrillScreen { view, target, session_id: None, runner: TakeRunner::new() })
    }

    /// The state the keys apply in.
    fn group(&self) -> &'static str {
        match self.runner.phase() {
            Phase::Recording => RECORDING,
            Phase::Finishing => FINISHING,
            Phase::Idle if self.runner.has_cancelled() => CANCELLED,
            Phase::Idle => READY,
        }
    }

    fn record(&mut self, cx: &Cx) {
        // Without a question the drill only shows the takes.
        let Some(question) = self.view.question.as_ref().and_then(|q| cx.bank.get(&q.id)) else {
            return;
        };
        let filing =
            Filing { mode: Mode::Drill, session_id: self.session_id, story_id: self.target.story };
        self.view.message = match self.runner.start(cx, question, filing) {
            Ok(()) => None,
            Err(err) => Some(format!("Cannot record: {err:#}")),
        };
    }

    /// The drill again from the store, with the saved take in it.
    fn landed(&mut self, cx: &Cx, outcome: Outcome, note: Option<String>) -> Result<()> {
        let Some(take_id) = outcome.attempt_id else {
            self.view.message = outcome.unsaved;
            return Ok(());
        };
        if self.session_id.is_none() {
            self.session_id = cx.store.attempt(take_id)?.and_then(|a| a.session_id);
        }
        self.refresh(cx)?;
        let row = self.view.series.rows.iter().find(|r| r.take_id == take_id);
        let mut said = match row.and_then(|r| Some((r, r.duration_s?, r.distance_s?))) {
            Some((r, duration, distance)) => format!(
                "Take #{} saved: {}, {} from the {} target",
                r.take_id,
                clock(duration),
                signed_clock(distance),
                clock(r.target_s)
            ),
            None => format!("Take #{take_id} saved"),
        };
        if let Some(note) = note {
            said.push_str(&format!(" ({note})"));
        }
        self.view.message = Some(said);
        Ok(())
    }

    fn refresh(&mut self, cx: &Cx) -> Result<()> {
        self.view = DrillView::load(&cx.store, &self.target, Some(&cx.bank))?;
        Ok(())
    }

    /// The live take as the view shows it.
    fn show_live(&mut self) {
        self.view.status = match self.runner.phase() {
            Phase::Recording => DrillStatus::Recording(self.runner.live.clone()),
            Phase::Finishing => DrillStatus::Finishing(self.runner.live.clone()),
            Phase::Idle => DrillStatus::Ready,
        };
    }
}

impl Component for DrillScreen {
    fn draw(&self, area: Rect, buf: &mut Buffer) {
        Widget::render(&self.view, area, buf);
    }

    fn footer(&self) -> String {
        match self.group() {
            FINISHING => self.runner.finishing_footer(),
            group => KEYS.footer(group),
        }
    }

    fn help(&self) -> Vec<HelpLine> {
        KEYS.help()
    }

    fn message(&self) -> Option<&str> {
        self.view.message.as_deref()
    }

    fn on_key(&mut self, key: KeyEvent, cx: &mut Cx) -> Result<Nav> {
        let Some(action) = KEYS.action(self.group(), &key) else { return Ok(Nav::Stay) };
        match action {
            DrillAction::Record => self.record(cx),
            DrillAction::Stop => self.runner.stop(cx),
            DrillAction::TogglePause => self.runner.toggle_pause(),
            DrillAction::Cancel => {
                self.view.message =
                    self.runner.cancel()?.map(|kept| format!("Take cancelled, not saved: {kept}"));
            }
            DrillAction::AnalyseCancelled => {
                self.runner.analyse_cancelled(cx);
            }
            DrillAction::Discard => self.view.message = self.runner.discard_cancelled(),
            DrillAction::Back => {
                self.runner.keep_cancelled();
                return Ok(Nav::Back);
            }
            DrillAction::Quit => return Ok(Nav::Quit),
        }
        self.show_live();
        Ok(Nav::Stay)
    }

    /// Takes in the audio and picks up the saved take.
    fn on_tick(&mut self, cx: &mut Cx) -> Result<Nav> {
        let landed = self.runner.tick(cx)?;
        self.show_live();
        match landed {
            Some(Landed::Saved { outcome, note, .. }) => self.landed(cx, *outcome, note)?,
            Some(Landed::Failed(why)) => {
                // Nothing said still saves the recording: show the drill as it stands.
                self.refresh(cx)?;
                self.view.message = Some(why);
            }
            Some(Landed::Unfiled { .. }) | None => {}
        }
        Ok(Nav::Stay)
    }

    fn on_quit(&mut self, _cx: &mut Cx) -> Result<()> {
        // A take being finished is saved (or kept) by its worker before this returns.
        self.runner.quit().map(|_| ())
    }
}
