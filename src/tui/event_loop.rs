//! The main loop, generic over the terminal backend: draw, wait for a key or the
//! next frame, act, tick. Tests drive it on a `TestBackend` with scripted events.

use std::time::Duration;

use anyhow::Result;
use crossterm::event::{self, Event};
use ratatui::backend::Backend;
use ratatui::Terminal;

use super::app::{App, QuestionItem};
use super::controller::{Controller, Flow};
use super::keys::handle_key;
use super::terminal::{bell, TerminalGuard};
use crate::bank::Bank;
use crate::cli::analyze::load_lexicon;
use crate::cli::practice::PracticeArgs;
use crate::cli::Global;
use crate::practice::choose::choose;
use crate::practice::recover::take_up;
use crate::store::Store;

/// How often the screen redraws while nothing happens (clock, level meter).
pub const FRAME: Duration = Duration::from_millis(50);

/// Runs until the user quits. `next_event` waits up to the given time for input;
/// `on_bell` rings the terminal.
pub fn event_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    ctl: &mut Controller,
    mut next_event: impl FnMut(Duration) -> Result<Option<Event>>,
    mut on_bell: impl FnMut(),
) -> Result<()> {
    let mut bells = ctl.bells;
    loop {
        terminal.draw(|frame| frame.render_widget(&*app, frame.area()))?;
        if let Some(Event::Key(key)) = next_event(FRAME)? {
            if ctl.apply(app, handle_key(app, key))? == Flow::Quit {
                return Ok(());
            }
        }
        ctl.tick(app)?;
        while bells < ctl.bells {
            on_bell();
            bells += 1;
        }
    }
}

/// The practice screen on the real terminal.
pub fn run_practice(args: &PracticeArgs, g: &Global, store: &mut Store, bank: &Bank) -> Result<()> {
    let lex = load_lexicon()?;
    // Said before the screen opens, so the lines are there again when it closes.
    let taken_up = take_up(store)?;
    for line in &taken_up.lines {
        eprintln!("barraiser: {line}");
    }
    let recovered = taken_up.pending;
    let mut app = App::new(bank.questions().iter().map(QuestionItem::from).collect());
    let choice = args.choice();
    if !choice.is_empty() {
        let stories = store.stories()?;
        let question = choose(bank, &choice, &stories, &store.practice_counts()?)?;
        app.kind_filter = args.kind;
        app.principle_filter = choice.filter()?.principle;
        app.select_id(&question.id);
    }
    let mut ctl = Controller::new(args, g, store, bank, lex, recovered);
    ctl.init(&mut app);
    let mut guard = TerminalGuard::enter()?;
    let read = |timeout: Duration| -> Result<Option<Event>> {
        if event::poll(timeout)? {
            Ok(Some(event::read()?))
        } else {
            Ok(None)
        }
    };
    event_loop(&mut guard.terminal, &mut app, &mut ctl, read, bell)
}
