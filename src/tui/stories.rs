//! The story bank against the 16 Leadership Principles: each story with the
//! principles it shows and its metrics, the gaps, and a drill of a story on enter.

use anyhow::Result;
use crossterm::event::KeyEvent;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style, Stylize};
use ratatui::text::Line;
use ratatui::widgets::{
    Block, Borders, Paragraph, Row, StatefulWidget, Table, TableState, Widget, Wrap,
};

use super::component::{Component, Cx, DrillTarget, Nav, Route};
use super::keymap::{moved, Binding, HelpLine, Key, KeyTable};
use crate::bank::coverage::{coverage, Coverage};
use crate::bank::Story;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Move(i32),
    Drill,
    Back,
    Quit,
}

const GROUP: &str = "Stories";

const KEYS: KeyTable<Action> = KeyTable(&[
    Binding {
        keys: &[Key::Down, Key::Char('j')],
        action: Action::Move(1),
        label: "",
        help: "next story",
        group: GROUP,
    },
    Binding {
        keys: &[Key::Up, Key::Char('k')],
        action: Action::Move(-1),
        label: "",
        help: "previous story",
        group: GROUP,
    },
    Binding {
        keys: &[Key::Enter, Key::Char('d')],
        action: Action::Drill,
        label: "drill the story",
        help: "drill the story's timing (its takes across questions)",
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

pub struct StoriesScreen {
    stories: Vec<Story>,
    coverage: Coverage,
    selected: usize,
    message: Option<String>,
}

impl StoriesScreen {
    pub fn open(cx: &Cx) -> Result<StoriesScreen> {
        let stories = cx.store.stories()?;
        let coverage = coverage(&stories);
        let message = stories
            .is_empty()
            .then(|| "No stories yet: `barraiser story add` saves one.".to_string());
        Ok(StoriesScreen { stories, coverage, selected: 0, message })
    }
}

impl Component for StoriesScreen {
    fn draw(&self, area: Rect, buf: &mut Buffer) {
        let [summary, table] =
            Layout::vertical([Constraint::Length(4), Constraint::Min(4)]).areas(area);
        let gaps: Vec<&str> = self
            .coverage
            .principles
            .iter()
            .filter(|p| p.stories.is_empty())
            .map(|p| p.principle)
            .collect();
        Paragraph::new(vec![
            Line::from(format!(
                "{} stories cover {} of the 16 Leadership Principles.",
                self.coverage.stories, self.coverage.covered
            ))
            .bold(),
            Line::from(format!(
                "Gaps: {}",
                if gaps.is_empty() { "none".into() } else { gaps.join(", ") }
            ))
            .fg(if gaps.is_empty() { Color::Green } else { Color::Yellow }),
        ])
        .wrap(Wrap { trim: true })
        .block(Block::default().borders(Borders::ALL).title(Line::from(" Story bank ").bold()))
        .render(summary, buf);
        let header = Row::new(["#", "story", "principles", "metrics"]).style(Style::new().bold());
        let rows = self.stories.iter().map(|s| {
            Row::new(vec![
                s.id.map_or("-".into(), |id| id.to_string()),
                s.title.clone(),
                s.principles.join(", "),
                s.metrics.len().to_string(),
            ])
        });
        let widths = [
            Constraint::Length(4),
            Constraint::Min(20),
            Constraint::Min(20),
            Constraint::Length(7),
        ];
        let table_widget = Table::new(rows, widths)
            .header(header)
            .row_highlight_style(Style::new().add_modifier(Modifier::REVERSED))
            .block(Block::new().borders(Borders::ALL));
        let mut state = TableState::default().with_selected(Some(self.selected));
        StatefulWidget::render(table_widget, table, buf, &mut state);
    }

    fn footer(&self) -> String {
        KEYS.footer(GROUP)
    }

    fn help(&self) -> Vec<HelpLine> {
        KEYS.help()
    }

    fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    fn on_key(&mut self, key: KeyEvent, _cx: &mut Cx) -> Result<Nav> {
        Ok(match KEYS.action(GROUP, &key) {
            Some(Action::Move(by)) => {
                self.selected = moved(self.selected, by, self.stories.len());
                Nav::Stay
            }
            Some(Action::Drill) => match self.stories.get(self.selected).and_then(|s| s.id) {
                Some(id) => Nav::Open(Route::Drill(DrillTarget {
                    story: Some(id),
                    ..DrillTarget::default()
                })),
                None => Nav::Stay,
            },
            Some(Action::Back) => Nav::Back,
            Some(Action::Quit) => Nav::Quit,
            None => Nav::Stay,
        })
    }
}
