//! The terminal app: one event loop ([`app`]), screens that are [`component::Component`]s
//! with one key table each ([`keymap`]), and one take runner for every screen that
//! records ([`take_runner`]).

pub mod app;
pub mod compare;
pub mod component;
pub mod drill;
pub mod help;
pub mod home;
pub mod keymap;
pub mod live_take;
pub mod mock_loop;
pub mod practice;
pub mod progress;
pub mod recording;
pub mod review;
pub mod routes;
pub mod saving;
pub mod stories;
pub mod take_runner;
pub mod takes;
pub mod terminal;

use std::time::Duration;

use anyhow::Result;
use crossterm::event::{self, Event};

use self::app::{run_app, App};
use self::component::{Cx, Route};
use self::terminal::{bell, TerminalGuard};
use crate::bank::Bank;
use crate::config::{load_lexicon, Config};
use crate::practice::recover::take_up;

/// The app on the real terminal, showing `route` first (esc from it goes home).
pub fn run(config: &Config, route: Route) -> Result<()> {
    let mut store = config.open_store()?;
    // Said before the screen opens, so the lines are there again when it closes;
    // saving a kept take may wait for another barraiser, said there too.
    store.set_wait_notice(Box::new(|wait| eprintln!("barraiser: {wait}")));
    let taken_up = take_up(&mut store)?;
    for line in &taken_up.lines {
        eprintln!("barraiser: {line}");
    }
    // Once the screen is up nothing may write over it: its saves run on workers
    // that show their waits on screen (see `saving`).
    store.set_wait_notice(Box::new(|_| {}));
    // Nothing whisper.cpp says may draw over the screen.
    crate::speech::log::log_to_file(&config.screen_log())?;
    let mut cx = Cx::new(config.clone(), store, Bank::load(None)?, load_lexicon()?);
    cx.recovered = taken_up.pending;
    let mut app = App::new(cx, route)?;
    let mut guard = TerminalGuard::enter()?;
    let read = |timeout: Duration| -> Result<Option<Event>> {
        if event::poll(timeout)? {
            Ok(Some(event::read()?))
        } else {
            Ok(None)
        }
    };
    run_app(&mut guard.terminal, &mut app, read, bell)
}
