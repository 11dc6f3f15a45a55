//! Runs one of the review, drill or progress screens full-screen until the user leaves
//! it (ctrl-c leaves any of them). The same terminal guard as the practice screen gives
//! the terminal back on every way out: quit, error, ctrl-c and panic.

use std::io::Stdout;
use std::time::Duration;

use anyhow::{Context, Result};
use crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::backend::CrosstermBackend;
use ratatui::{Frame, Terminal};

use super::terminal::TerminalGuard;

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
    let mut guard = TerminalGuard::enter()?;
    event_loop(&mut guard.terminal, screen)
}

fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    screen: &mut dyn Screen,
) -> Result<()> {
    loop {
        terminal.draw(|f| screen.draw(f)).context("cannot draw on the terminal")?;
        if event::poll(TICK)? {
            if let Event::Key(key) = event::read()? {
                // In raw mode ctrl-c is a key, not a signal. The screen still sees it,
                // so it can put away what it holds (a take in progress).
                let ctrl_c =
                    key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c');
                if key.kind == KeyEventKind::Press && (!screen.on_key(key)? || ctrl_c) {
                    return Ok(());
                }
            }
        } else {
            screen.on_tick()?;
        }
    }
}
