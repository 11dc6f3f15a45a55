//! The progress screen in the app: choose a "practise next" suggestion and start it.

use anyhow::Result;
use crossterm::event::KeyEvent;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::ProgressView;
use crate::practice::choose::Choice;
use crate::progress::next::Focus;
use crate::tui::component::{Component, Cx, Nav, Route};
use crate::tui::keymap::{moved, Binding, HelpLine, Key, KeyTable};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Move(i32),
    Start,
    Home,
    Quit,
}

const GROUP: &str = "Progress";

const KEYS: KeyTable<Action> = KeyTable(&[
    Binding {
        keys: &[Key::Up, Key::Char('k')],
        action: Action::Move(-1),
        label: "",
        help: "previous suggestion under Practise next",
        group: GROUP,
    },
    Binding {
        keys: &[Key::Down, Key::Char('j')],
        action: Action::Move(1),
        label: "choose",
        help: "next suggestion under Practise next",
        group: GROUP,
    },
    Binding {
        keys: &[Key::Enter, Key::Char(' ')],
        action: Action::Start,
        label: "practise it",
        help: "practise the chosen suggestion: a take starts at once",
        group: GROUP,
    },
    Binding { keys: &[Key::Esc], action: Action::Home, label: "home", help: "home", group: GROUP },
    Binding {
        keys: &[Key::Char('q')],
        action: Action::Quit,
        label: "quit",
        help: "quit",
        group: GROUP,
    },
]);

pub struct ProgressScreen {
    pub view: ProgressView,
    selected: usize,
}

impl ProgressScreen {
    pub fn open(cx: &Cx) -> Result<ProgressScreen> {
        let view = ProgressView::load(Some(&cx.store), Some(&cx.bank))?;
        Ok(ProgressScreen { view, selected: 0 })
    }

    /// The practice a suggestion asks for.
    fn choice(&self) -> Option<Choice> {
        let s = self.view.next.get(self.selected)?;
        Some(match &s.focus {
            Focus::Principle(p) => Choice { principle: Some(p.clone()), ..Choice::default() },
            Focus::Round(k) => Choice { kind: Some(*k), ..Choice::default() },
        })
    }
}

impl Component for ProgressScreen {
    fn draw(&self, area: Rect, buf: &mut Buffer) {
        self.view.render(self.selected, area, buf);
    }

    fn footer(&self) -> String {
        KEYS.footer(GROUP)
    }

    fn help(&self) -> Vec<HelpLine> {
        KEYS.help()
    }

    fn on_key(&mut self, key: KeyEvent, _cx: &mut Cx) -> Result<Nav> {
        Ok(match KEYS.action(GROUP, &key) {
            Some(Action::Move(by)) => {
                self.selected = moved(self.selected, by, self.view.next.len());
                Nav::Stay
            }
            Some(Action::Start) => match self.choice() {
                Some(choice) => Nav::Open(Route::Practice { choice, start: true }),
                None => Nav::Stay,
            },
            Some(Action::Home) => Nav::Home,
            Some(Action::Quit) => Nav::Quit,
            None => Nav::Stay,
        })
    }

    /// Back from a take: the history has grown.
    fn on_return(&mut self, cx: &mut Cx) -> Result<()> {
        self.view = ProgressView::load(Some(&cx.store), Some(&cx.bank))?;
        self.selected = self.selected.min(self.view.next.len().saturating_sub(1));
        Ok(())
    }
}
