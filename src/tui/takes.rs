//! The takes, newest first: review one, drill its question, or compare it with the
//! take before it.

use anyhow::Result;
use crossterm::event::KeyEvent;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style, Stylize};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Row, StatefulWidget, Table, TableState};

use super::component::{Component, Cx, DrillTarget, Nav, Route, TakeAction};
use super::keymap::{moved, Binding, HelpLine, Key, KeyTable};
use crate::analysis::timing::clock;
use crate::store::{Attempt, AttemptFilter};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Move(i32),
    Chosen,
    Do(TakeAction),
    Back,
    Quit,
}

const GROUP: &str = "Takes";

const KEYS: KeyTable<Action> = KeyTable(&[
    Binding {
        keys: &[Key::Down, Key::Char('j')],
        action: Action::Move(1),
        label: "",
        help: "next take",
        group: GROUP,
    },
    Binding {
        keys: &[Key::Up, Key::Char('k')],
        action: Action::Move(-1),
        label: "",
        help: "previous take",
        group: GROUP,
    },
    Binding {
        keys: &[Key::PageDown],
        action: Action::Move(10),
        label: "",
        help: "ten takes down",
        group: GROUP,
    },
    Binding {
        keys: &[Key::PageUp],
        action: Action::Move(-10),
        label: "",
        help: "ten takes up",
        group: GROUP,
    },
    Binding {
        keys: &[Key::Enter],
        action: Action::Chosen,
        label: "open",
        help: "what this list was opened for (the title says)",
        group: GROUP,
    },
    Binding {
        keys: &[Key::Char('t')],
        action: Action::Do(TakeAction::Review),
        label: "review",
        help: "review the take: its transcript, findings and replay",
        group: GROUP,
    },
    Binding {
        keys: &[Key::Char('d')],
        action: Action::Do(TakeAction::Drill),
        label: "drill",
        help: "drill the take's question",
        group: GROUP,
    },
    Binding {
        keys: &[Key::Char('c')],
        action: Action::Do(TakeAction::Compare),
        label: "compare",
        help: "compare the take with the one before it",
        group: GROUP,
    },
    Binding { keys: &[Key::Esc], action: Action::Back, label: "back", help: "back", group: GROUP },
    Binding {
        keys: &[Key::Char('q')],
        action: Action::Quit,
        label: "quit",
        help: "quit",
        group: GROUP,
    },
]);

pub struct TakesScreen {
    then: TakeAction,
    takes: Vec<Attempt>,
    selected: usize,
}

impl TakesScreen {
    pub fn open(cx: &Cx, then: TakeAction) -> Result<TakesScreen> {
        let takes = cx.store.attempts(&AttemptFilter::default())?;
        Ok(TakesScreen { then, takes, selected: 0 })
    }

    fn route(&self, action: TakeAction) -> Option<Route> {
        let a = self.takes.get(self.selected)?;
        Some(match action {
            TakeAction::Review => Route::Review(a.id),
            TakeAction::Drill => Route::Drill(DrillTarget {
                question: a.question_id.clone(),
                story: a.story_id,
                ..DrillTarget::default()
            }),
            TakeAction::Compare => Route::Compare { before: None, after: a.id },
        })
    }
}

impl Component for TakesScreen {
    fn draw(&self, area: Rect, buf: &mut Buffer) {
        let title = match self.then {
            TakeAction::Review => " Review: choose a take ",
            TakeAction::Drill => " Drill: choose a take of the question to drill ",
            TakeAction::Compare => " Compare: choose a take to compare with the one before it ",
        };
        let header =
            Row::new(["#", "when", "question", "time", "score", "mode"]).style(Style::new().bold());
        let rows = self.takes.iter().map(|a| {
            Row::new(vec![
                a.id.to_string(),
                a.started_at.format("%b %d %H:%M").to_string(),
                a.question_id.clone().unwrap_or_else(|| "-".into()),
                a.duration_s.map_or("-".into(), clock),
                a.score.map_or("-".into(), |s| format!("{s:.1}")),
                a.mode.as_str().to_string(),
            ])
        });
        let widths = [
            ratatui::layout::Constraint::Length(5),
            ratatui::layout::Constraint::Length(12),
            ratatui::layout::Constraint::Min(20),
            ratatui::layout::Constraint::Length(5),
            ratatui::layout::Constraint::Length(5),
            ratatui::layout::Constraint::Length(8),
        ];
        let table = Table::new(rows, widths)
            .header(header)
            .row_highlight_style(Style::new().add_modifier(Modifier::REVERSED))
            .block(Block::new().borders(Borders::ALL).title(Line::from(title).bold()));
        let mut state = TableState::default().with_selected(Some(self.selected));
        StatefulWidget::render(table, area, buf, &mut state);
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
                self.selected = moved(self.selected, by, self.takes.len());
                Nav::Stay
            }
            Some(Action::Chosen) => self.route(self.then).map_or(Nav::Stay, Nav::Open),
            Some(Action::Do(action)) => self.route(action).map_or(Nav::Stay, Nav::Open),
            Some(Action::Back) => Nav::Back,
            Some(Action::Quit) => Nav::Quit,
            None => Nav::Stay,
        })
    }

    fn on_return(&mut self, cx: &mut Cx) -> Result<()> {
        self.takes = cx.store.attempts(&AttemptFilter::default())?;
        self.selected = self.selected.min(self.takes.len().saturating_sub(1));
        Ok(())
    }
}
