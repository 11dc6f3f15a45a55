//! The app: one event loop for every screen, generic over the ratatui backend, with
//! the terminal's events (and the frame clock they carry) and its bell passed in, so
//! every screen runs the same in a real terminal and in a `TestBackend`. Screens open
//! over each other; leaving one comes back to the one under it, and home is the root.

use std::time::Duration;

use anyhow::Result;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::backend::Backend;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Stylize;
use ratatui::widgets::{Paragraph, Widget, Wrap};
use ratatui::Terminal;

use super::component::{Component, Cx, Nav, Route};
use super::help::HelpPopup;
use super::keymap::app_help;
use super::routes::open;

/// How often the screen redraws while nothing happens (clock, level meter).
pub const FRAME: Duration = Duration::from_millis(50);

pub struct App {
    pub cx: Cx,
    /// The screens open, the one shown last; home (or the first screen) at the bottom.
    stack: Vec<Box<dyn Component>>,
    /// The `?` help, when it is open.
    help: Option<HelpPopup>,
    /// What went wrong opening a screen, until the next key.
    notice: Option<String>,
}

impl App {
    /// The app showing `route` first; esc from it goes home.
    pub fn new(mut cx: Cx, route: Route) -> Result<App> {
        let mut stack = vec![open(&Route::Home, &mut cx)?];
        if route != Route::Home {
            stack.push(open(&route, &mut cx)?);
        }
        Ok(App { cx, stack, help: None, notice: None })
    }

    /// Shows `screen` over the current one.
    pub fn push(&mut self, screen: Box<dyn Component>) {
        self.stack.push(screen);
    }

    /// How many screens are open, home included.
    pub fn depth(&self) -> usize {
        self.stack.len()
    }

    pub fn screen(&self) -> &dyn Component {
        self.stack.last().expect("home is never closed").as_ref()
    }

    pub fn help_open(&self) -> bool {
        self.help.is_some()
    }

    /// One key. Returns false when the app should end.
    pub fn on_key(&mut self, key: KeyEvent) -> Result<bool> {
        if key.kind == KeyEventKind::Release {
            return Ok(true);
        }
        self.notice = None;
        // In raw mode ctrl-c is a key, not a signal: every screen puts away what it
        // holds (a take in progress) before the app ends.
        if key.modifiers.contains(KeyModifiers::CONTROL)
            && matches!(key.code, KeyCode::Char('c') | KeyCode::Char('q'))
        {
            self.quit()?;
            return Ok(false);
        }
        if let Some(help) = &mut self.help {
            if !help.on_key(key) {
                self.help = None;
            }
            return Ok(true);
        }
        if key.code == KeyCode::Char('?') {
            let mut lines = self.screen().help();
            lines.extend(app_help());
            self.help = Some(HelpPopup::new(lines));
            return Ok(true);
        }
        let nav = {
            let App { cx, stack, .. } = self;
            stack.last_mut().expect("home is never closed").on_key(key, cx)?
        };
        self.go(nav)
    }

    /// One frame of the clock: the screen on top takes in audio, playback, results.
    pub fn on_tick(&mut self) -> Result<bool> {
        let nav = {
            let App { cx, stack, .. } = self;
            stack.last_mut().expect("home is never closed").on_tick(cx)?
        };
        self.go(nav)
    }

    fn go(&mut self, nav: Nav) -> Result<bool> {
        match nav {
            Nav::Stay => {}
            Nav::Open(route) => match open(&route, &mut self.cx) {
                Ok(screen) => self.stack.push(screen),
                Err(err) => self.notice = Some(format!("{err:#}")),
            },
            Nav::Back if self.stack.len() > 1 => {
                self.stack.pop();
                let App { cx, stack, .. } = self;
                stack.last_mut().expect("home is never closed").on_return(cx)?;
            }
            Nav::Back => {}
            Nav::Home => {
                self.stack.truncate(1);
                let App { cx, stack, .. } = self;
                stack[0].on_return(cx)?;
            }
            Nav::Quit => {
                self.quit()?;
                return Ok(false);
            }
        }
        Ok(true)
    }

    fn quit(&mut self) -> Result<()> {
        let App { cx, stack, .. } = self;
        for screen in stack.iter_mut().rev() {
            screen.on_quit(cx)?;
        }
        Ok(())
    }

    fn status(&self) -> (String, bool) {
        let screen = self.screen();
        match self.notice.as_deref().or(screen.message()) {
            Some(m) => (m.to_string(), true),
            None => {
                let footer = screen.footer();
                let sep = if footer.is_empty() { "" } else { " · " };
                (format!("{footer}{sep}? keys"), false)
            }
        }
    }
}

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (status, is_note) = self.status();
        // A note (a lost microphone, a failed save) or a long footer wraps onto up to
        // three lines rather than being cut at the screen's edge.
        let status_h = (status.chars().count() as u16).div_ceil(area.width.max(1)).clamp(1, 3);
        let [body, foot] =
            Layout::vertical([Constraint::Min(3), Constraint::Length(status_h)]).areas(area);
        self.screen().draw(body, buf);
        let line = Paragraph::new(status).wrap(Wrap { trim: true });
        if is_note { line.yellow() } else { line.dark_gray() }.render(foot, buf);
        if let Some(help) = &self.help {
            help.render(area, buf);
        }
    }
}

/// Runs the app until the user quits. `next_event` waits up to the given time for
/// input and is the frame clock; `bell` rings the terminal.
pub fn run_app<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    mut next_event: impl FnMut(Duration) -> Result<Option<Event>>,
    mut bell: impl FnMut(),
) -> Result<()> {
    let mut bells = app.cx.bells;
    loop {
        terminal.draw(|frame| frame.render_widget(&*app, frame.area()))?;
        if let Some(Event::Key(key)) = next_event(FRAME)? {
            if !app.on_key(key)? {
                return Ok(());
            }
        }
        if !app.on_tick()? {
            return Ok(());
        }
        while bells < app.cx.bells {
            bell();
            bells += 1;
        }
    }
}
