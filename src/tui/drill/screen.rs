//! The drill screen with real takes: records the next take of the question against
//! the drill's target with the practice screen's machinery, saves it to the store as
//! a drill take (one sitting per drill), and shows the drill again with it added.

use anyhow::Result;
use crossterm::event::KeyEvent;
use ratatui::Frame;

use super::{DrillAction, DrillStatus, DrillView};
use crate::analysis::timing::clock;
use crate::analysis::Lexicon;
use crate::audio::recorder::Recording;
use crate::bank::Bank;
use crate::cli::drill::{view, DrillArgs};
use crate::cli::practice::take_options;
use crate::cli::Global;
use crate::practice::outcome::{Filing, Outcome};
use crate::progress::drill::signed_clock;
use crate::store::{Mode, Store};
use crate::tui::live_take::{Finishing, LiveTake};
use crate::tui::screen_loop::Screen;
use crate::tui::terminal::bell;

pub struct DrillScreen {
    pub view: DrillView,
    store: Store,
    args: DrillArgs,
    g: Global,
    /// Where the question new takes answer comes from (the view names it).
    bank: Bank,
    lex: Lexicon,
    /// The store session of this drill, once its first take is saved.
    session_id: Option<i64>,
    take: Option<LiveTake>,
    finishing: Option<Finishing>,
    /// The audio of a cancelled take, until it is deleted or the next take starts.
    cancelled: Option<Recording>,
}

impl DrillScreen {
    pub fn new(
        view: DrillView,
        store: Store,
        args: DrillArgs,
        g: Global,
        bank: Bank,
        lex: Lexicon,
    ) -> DrillScreen {
        DrillScreen {
            view,
            store,
            args,
            g,
            bank,
            lex,
            session_id: None,
            take: None,
            finishing: None,
            cancelled: None,
        }
    }

    fn record(&mut self) {
        // Without a question the drill only shows the takes.
        let Some(question) = self.view.question.as_ref().and_then(|q| self.bank.get(&q.id)) else {
            return;
        };
        // A new take keeps the cancelled audio on disk but stops offering to delete it.
        self.cancelled = None;
        let filing =
            Filing { mode: Mode::Drill, session_id: self.session_id, story_id: self.args.story };
        let started =
            take_options(&self.g, &self.store, question, self.args.device.as_deref(), None)
                .and_then(|opts| LiveTake::start(&opts, question, filing));
        match started {
            Ok(take) => {
                self.take = Some(take);
                self.view.status = DrillStatus::Recording(Default::default());
                self.view.message = None;
            }
            Err(err) => self.view.message = Some(format!("Cannot record: {err:#}")),
        }
    }

    fn stop(&mut self, why: Option<String>) {
        let Some(take) = self.take.take() else { return };
        self.finishing = Some(take.stop());
        if let DrillStatus::Recording(live) = &self.view.status {
            self.view.status = DrillStatus::Finishing(live.clone());
        }
        self.view.message = why;
    }

    fn cancel(&mut self) {
        let Some(take) = self.take.take() else { return };
        self.view.status = DrillStatus::Ready;
        self.view.message = Some(match take.cancel() {
            Ok(recording) => {
                let said = format!(
                    "Take cancelled, not saved · d deletes its audio · {:.1} s kept in {}",
                    recording.duration_s(),
                    recording.path.display()
                );
                self.cancelled = Some(recording);
                said
            }
            Err(err) => format!("Take cancelled: {err:#}"),
        });
    }

    fn discard(&mut self) {
        let Some(recording) = self.cancelled.take() else { return };
        self.view.message = Some(match std::fs::remove_file(&recording.path) {
            Ok(()) => "The cancelled take's audio is deleted.".to_string(),
            Err(err) => format!("Could not delete {}: {err}", recording.path.display()),
        });
    }

    /// The drill again from the store, with the saved take in it.
    fn landed(&mut self, outcome: Outcome) -> Result<()> {
        let Some(take_id) = outcome.attempt_id else {
            self.view.message = outcome.unsaved;
            return Ok(());
        };
        if self.session_id.is_none() {
            self.session_id = self.store.attempt(take_id)?.and_then(|a| a.session_id);
        }
        self.refresh()?;
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
        if let Some(f) = outcome.failure {
            said.push_str(&format!(" ({f}: it covers what came before)"));
        }
        self.view.message = Some(said);
        Ok(())
    }

    fn refresh(&mut self) -> Result<()> {
        self.view = view(&self.store, &self.args, Some(&self.bank))?;
        Ok(())
    }
}

impl Screen for DrillScreen {
    fn draw(&self, frame: &mut Frame) {
        frame.render_widget(&self.view, frame.area());
    }

    fn on_key(&mut self, key: KeyEvent) -> Result<bool> {
        match self.view.handle_key(key) {
            DrillAction::Quit => {
                // A take in progress is kept on disk, as the practice screen does.
                if let Some(take) = self.take.take() {
                    take.cancel()?;
                }
                return Ok(false);
            }
            DrillAction::ToggleHelp => self.view.show_help = !self.view.show_help,
            DrillAction::Record => self.record(),
            DrillAction::Stop => self.stop(None),
            DrillAction::TogglePause => {
                if let (Some(take), DrillStatus::Recording(live)) =
                    (&mut self.take, &mut self.view.status)
                {
                    take.toggle_pause(live);
                }
            }
            DrillAction::Cancel => self.cancel(),
            DrillAction::Discard => self.discard(),
            DrillAction::None => {}
        }
        Ok(true)
    }

    /// Takes in the audio, rings the time warnings, cuts off at the limit, and picks
    /// up the saved take.
    fn on_tick(&mut self) -> Result<()> {
        if let (Some(take), DrillStatus::Recording(live)) = (&mut self.take, &mut self.view.status)
        {
            let ticked = take.tick(live, &self.lex)?;
            if ticked.warned && !self.args.quiet {
                bell();
            }
            if let Some(failure) = ticked.failure {
                self.stop(Some(format!("{failure}: analysing what was recorded")));
            } else if ticked.at_limit {
                self.stop(Some("Time: the interviewer cuts you off here.".to_string()));
            }
        }
        let Some(finishing) = &self.finishing else { return Ok(()) };
        let Some(done) = finishing.poll(&mut self.store, &self.lex) else { return Ok(()) };
        self.finishing = None;
        match done {
            Ok((outcome, _)) => self.landed(outcome),
            Err(err) => {
                // Nothing said still saves the recording: show the drill as it stands.
                self.refresh()?;
                self.view.message = Some(format!("{err:#}"));
                Ok(())
            }
        }
    }
}
