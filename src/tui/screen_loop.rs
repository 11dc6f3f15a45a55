//! Runs one of the review, drill or progress screens full-screen until the user leaves
//! it. ratatui's initialisation restores the terminal on panic; `run` restores it on
//! every other way out, errors included.

use std::time::Duration;

use anyhow::{Context, Result};
use crossterm::event::{self, Event, KeyEventKind};
use ratatui::Frame;

/// How often screens get a tick when no key arrives (playback progress, timers).
const TICK: Duration = Duration::from_millis(100);

/// A full-screen view driven by keys.
pub trait Screen {
    fn draw(&self, frame: &mut Frame);
    /// Handles a key press; returns false to leave the screen.
    fn on_key(&mut self, key: event::KeyEvent) -> Result<bool>;
    /// Called about ten times a second.
    fn on_tick(&mut self) -> Result<()> {
        Ok(())
    }
}

pub fn run(screen: &mut dyn Screen) -> Result<()> {
    let mut terminal = ratatui::try_init().context("cannot take over the terminal")?;
    let result = event_loop(&mut terminal, screen);
    ratatui::restore();
    result
}

fn event_loop(terminal: &mut ratatui::DefaultTerminal, screen: &mut dyn Screen) -> Result<()> {
    loop {
        terminal.draw(|f| screen.draw(f)).context("cannot draw on the terminal")?;
        if event::poll(TICK)? {
            if let Event::Key(key) = event::read()? {
                if key.kind == KeyEventKind::Press && !screen.on_key(key)? {
                    return Ok(());
                }
            }
        } else {
            screen.on_tick()?;
        }
    }
}
