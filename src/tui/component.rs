//! What every screen of the app is: a [`Component`] that draws itself, says which keys
//! it has now (footer) and in all (help), acts on keys and on the frame clock, and asks
//! the app to go elsewhere with a [`Nav`]. The services screens share live in [`Cx`].

use anyhow::{anyhow, Result};
use crossterm::event::KeyEvent;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::keymap::HelpLine;
use crate::analysis::Lexicon;
use crate::audio::recorder::Recovered;
use crate::bank::Bank;
use crate::config::Config;
use crate::mock_loop::plan::PlanOptions;
use crate::mock_loop::RunSettings;
use crate::practice::choose::Choice;
use crate::speech::shared_model::SharedModel;
use crate::store::Store;

/// A screen of the app.
pub trait Component {
    /// Draws the screen's body; the app draws the status line and the help.
    fn draw(&self, area: Rect, buf: &mut Buffer);
    /// The keys of the screen's current state, for the status line.
    fn footer(&self) -> String;
    /// All the screen's keys, for `?`.
    fn help(&self) -> Vec<HelpLine>;
    /// A note for the status line (what just happened, an error), shown instead of
    /// the footer.
    fn message(&self) -> Option<&str> {
        None
    }
    fn on_key(&mut self, key: KeyEvent, cx: &mut Cx) -> Result<Nav>;
    /// Called every frame (about 20 times a second).
    fn on_tick(&mut self, _cx: &mut Cx) -> Result<Nav> {
        Ok(Nav::Stay)
    }
    /// The screen is shown again after one opened over it closed.
    fn on_return(&mut self, _cx: &mut Cx) -> Result<()> {
        Ok(())
    }
    /// The app is quitting: keep whatever must not be lost (a take in progress).
    fn on_quit(&mut self, _cx: &mut Cx) -> Result<()> {
        Ok(())
    }
}

/// Where to go after a key or a tick.
#[derive(Debug, Clone, PartialEq)]
pub enum Nav {
    Stay,
    /// Open a screen over this one; leaving it comes back here.
    Open(Route),
    /// Close this screen: back to the one under it, else home.
    Back,
    Home,
    Quit,
}

/// The screens the app can open.
#[derive(Debug, Clone, PartialEq)]
pub enum Route {
    Home,
    /// The question list, or a take at once when `start` is set.
    Practice {
        choice: Choice,
        start: bool,
    },
    /// The takes, newest first; enter does `TakeAction` with the chosen one.
    Takes(TakeAction),
    Review(i64),
    Drill(DrillTarget),
    /// A take against an earlier one; the previous take of its question when `before` is `None`.
    Compare {
        before: Option<i64>,
        after: i64,
    },
    Progress,
    Stories,
    /// The mock onsite loop.
    Loop(LoopStart),
}

/// Which loop the loop screen runs.
#[derive(Debug, Clone, PartialEq)]
pub enum LoopStart {
    /// The loop with this id, else the newest unfinished one.
    Resume(Option<i64>),
    /// A new loop from these plan options and settings.
    New(PlanOptions, RunSettings),
}

/// What the list of takes does with the chosen one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TakeAction {
    Review,
    /// Drill its question (or story).
    Drill,
    /// Compare it with the take before it.
    Compare,
}

/// What a drill drills and how.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DrillTarget {
    pub question: Option<String>,
    pub story: Option<i64>,
    /// Seconds to aim under; the question's own target when `None`.
    pub target_s: Option<f64>,
    /// Step the target down as takes land under it.
    pub tighten: bool,
}

/// What the screens share for the life of the app.
pub struct Cx {
    pub config: Config,
    pub store: Store,
    pub bank: Bank,
    pub lexicon: Lexicon,
    /// The speech model, loading in the background from the start; why not, when it
    /// cannot be found.
    pub model: std::result::Result<SharedModel, String>,
    /// Bells rung so far; the app rings the terminal's when this grows.
    pub bells: u32,
    /// Recordings a crash interrupted, until the practice screen offers them.
    pub recovered: Vec<Recovered>,
}

impl Cx {
    /// The services of `config`, with the speech model starting to load at once.
    pub fn new(config: Config, store: Store, bank: Bank, lexicon: Lexicon) -> Cx {
        let model = config
            .transcribe_options()
            .map(|opts| SharedModel::load_in_background(&opts))
            .map_err(|e| format!("{e:#}"));
        Cx { config, store, bank, lexicon, model, bells: 0, recovered: Vec::new() }
    }

    pub fn model(&self) -> Result<SharedModel> {
        self.model.clone().map_err(|why| anyhow!("{why}"))
    }

    pub fn ring(&mut self) {
        if !self.config.quiet {
            self.bells += 1;
        }
    }
}
