//! A take against an earlier one: time, score, metrics and principles dropped or
//! added, numbers that changed.

use anyhow::{anyhow, Result};
use crossterm::event::KeyEvent;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Stylize;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use super::component::{Component, Cx, Nav, Route};
use super::keymap::{moved, Binding, HelpLine, Key, KeyTable};
use crate::progress::compare::compare;
use crate::progress::load::take;
use crate::takes::{find_attempt, previous_attempt};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Scroll(i32),
    ReviewAfter,
    ReviewBefore,
    Back,
    Quit,
}

const GROUP: &str = "Compare";

const KEYS: KeyTable<Action> = KeyTable(&[
    Binding {
        keys: &[Key::Down, Key::Char('j')],
        action: Action::Scroll(1),
        label: "",
        help: "scroll down",
        group: GROUP,
    },
    Binding {
        keys: &[Key::Up, Key::Char('k')],
        action: Action::Scroll(-1),
        label: "",
        help: "scroll up",
        group: GROUP,
    },
    Binding {
        keys: &[Key::Char('t')],
        action: Action::ReviewAfter,
        label: "review this take",
        help: "review the newer take",
        group: GROUP,
    },
    Binding {
        keys: &[Key::Char('b')],
        action: Action::ReviewBefore,
        label: "review the earlier",
        help: "review the earlier take",
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

pub struct CompareScreen {
    before: i64,
    after: i64,
    lines: Vec<String>,
    scroll: u16,
}

impl CompareScreen {
    /// Take `after` against `before`, or against the take before it of the same question.
    pub fn open(cx: &Cx, before: Option<i64>, after: i64) -> Result<CompareScreen> {
        let b = find_attempt(&cx.store, Some(&after.to_string()))?;
        let a = match before {
            Some(id) => find_attempt(&cx.store, Some(&id.to_string()))?,
            None => previous_attempt(&cx.store, &b)?.ok_or_else(|| {
                anyhow!("take #{after} is the first of its question: nothing to compare with yet")
            })?,
        };
        let c = compare(&take(&a, Some(&cx.bank)), &take(&b, Some(&cx.bank)));
        let mut lines: Vec<String> = Vec::new();
        if a.question_id != b.question_id || a.story_id != b.story_id {
            lines.push(format!(
                "Note: #{} and #{} answer different questions or stories.",
                a.id, b.id
            ));
        }
        lines.extend(c.describe().lines().map(str::to_string).filter(|l| !l.is_empty()));
        Ok(CompareScreen { before: a.id, after: b.id, lines, scroll: 0 })
    }
}

impl Component for CompareScreen {
    fn draw(&self, area: Rect, buf: &mut Buffer) {
        let title = format!(" Compare: take #{} against take #{} ", self.after, self.before);
        Paragraph::new(self.lines.iter().map(|l| Line::from(l.as_str())).collect::<Vec<_>>())
            .wrap(Wrap { trim: false })
            .scroll((self.scroll, 0))
            .block(Block::default().borders(Borders::ALL).title(Line::from(title).bold()))
            .render(area, buf);
    }

    fn footer(&self) -> String {
        KEYS.footer(GROUP)
    }

    fn help(&self) -> Vec<HelpLine> {
        KEYS.help()
    }

    fn on_key(&mut self, key: KeyEvent, _cx: &mut Cx) -> Result<Nav> {
        Ok(match KEYS.action(GROUP, &key) {
            Some(Action::Scroll(by)) => {
                self.scroll = moved(self.scroll.into(), by, self.lines.len()) as u16;
                Nav::Stay
            }
            Some(Action::ReviewAfter) => Nav::Open(Route::Review(self.after)),
            Some(Action::ReviewBefore) => Nav::Open(Route::Review(self.before)),
            Some(Action::Back) => Nav::Back,
            Some(Action::Quit) => Nav::Quit,
            None => Nav::Stay,
        })
    }
}
