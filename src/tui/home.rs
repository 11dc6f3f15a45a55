//! Home: the screens a candidate moves between, one key or enter away, with what
//! each is for and where the candidate stands.

use anyhow::Result;
use crossterm::event::KeyEvent;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Borders, List, ListItem, ListState, Paragraph, StatefulWidget, Widget, Wrap,
};

use super::component::{Component, Cx, LoopStart, Nav, Route, TakeAction};
use super::keymap::{moved, Binding, HelpLine, Key, KeyTable};
use crate::mock_loop::plan::PlanOptions;
use crate::mock_loop::RunSettings;
use crate::store::AttemptFilter;

/// The entries, in order: what opens, its name and what it is for.
const ENTRIES: [(Entry, &str, &str); 7] = [
    (
        Entry::Practice,
        "Practice",
        "pick a question and answer it aloud; the report comes a second after you stop",
    ),
    (
        Entry::Takes,
        "Review",
        "your takes, newest first: the transcript with findings marked, and a replay",
    ),
    (Entry::Drill, "Drill", "the same question again and again against a target time"),
    (Entry::Compare, "Compare", "a take against your previous take of the same question"),
    (
        Entry::Progress,
        "Progress",
        "the 16 Leadership Principles, the checklist, and what to practise next",
    ),
    (Entry::Stories, "Stories", "your story bank against the 16 principles"),
    (
        Entry::Loop,
        "Mock loop",
        "a whole onsite: rounds, interviewers, follow-ups aloud, the bar raiser's debrief",
    ),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Entry {
    Practice,
    Takes,
    Drill,
    Compare,
    Progress,
    Stories,
    Loop,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Move(i32),
    Open,
    Go(Entry),
    Quit,
}

const GROUP: &str = "Home";

const KEYS: KeyTable<Action> = KeyTable(&[
    Binding {
        keys: &[Key::Down, Key::Char('j')],
        action: Action::Move(1),
        label: "choose",
        help: "next screen",
        group: GROUP,
    },
    Binding {
        keys: &[Key::Up, Key::Char('k')],
        action: Action::Move(-1),
        label: "",
        help: "previous screen",
        group: GROUP,
    },
    Binding {
        keys: &[Key::Enter],
        action: Action::Open,
        label: "open",
        help: "open the chosen screen",
        group: GROUP,
    },
    Binding {
        keys: &[Key::Char('p')],
        action: Action::Go(Entry::Practice),
        label: "",
        help: "practice",
        group: GROUP,
    },
    Binding {
        keys: &[Key::Char('v')],
        action: Action::Go(Entry::Takes),
        label: "",
        help: "review a take",
        group: GROUP,
    },
    Binding {
        keys: &[Key::Char('d')],
        action: Action::Go(Entry::Drill),
        label: "",
        help: "drill a question you practised",
        group: GROUP,
    },
    Binding {
        keys: &[Key::Char('c')],
        action: Action::Go(Entry::Compare),
        label: "",
        help: "compare a take with the one before",
        group: GROUP,
    },
    Binding {
        keys: &[Key::Char('g')],
        action: Action::Go(Entry::Progress),
        label: "",
        help: "progress",
        group: GROUP,
    },
    Binding {
        keys: &[Key::Char('s')],
        action: Action::Go(Entry::Stories),
        label: "",
        help: "stories",
        group: GROUP,
    },
    Binding {
        keys: &[Key::Char('l')],
        action: Action::Go(Entry::Loop),
        label: "",
        help: "the mock onsite loop (an unfinished one resumes)",
        group: GROUP,
    },
    Binding {
        keys: &[Key::Char('q'), Key::Esc],
        action: Action::Quit,
        label: "quit",
        help: "quit",
        group: GROUP,
    },
]);

/// The letter that opens each entry, as the list shows it.
fn letter(entry: Entry) -> char {
    KEYS.0
        .iter()
        .find(|b| b.action == Action::Go(entry))
        .and_then(|b| match b.keys[0] {
            Key::Char(c) => Some(c),
            _ => None,
        })
        .unwrap_or(' ')
}

pub struct Home {
    selected: usize,
    /// Takes practised so far, and the newest one's id.
    takes: usize,
    latest: Option<i64>,
    message: Option<String>,
}

impl Home {
    pub fn open(cx: &Cx) -> Result<Home> {
        let mut home = Home { selected: 0, takes: 0, latest: None, message: None };
        home.refresh(cx)?;
        Ok(home)
    }

    fn refresh(&mut self, cx: &Cx) -> Result<()> {
        let attempts = cx.store.attempts(&AttemptFilter::default())?;
        self.takes = attempts.len();
        self.latest = attempts.first().map(|a| a.id);
        Ok(())
    }

    fn route(&mut self, cx: &Cx, entry: Entry) -> Nav {
        let needs_a_take = matches!(entry, Entry::Takes | Entry::Drill | Entry::Compare);
        if needs_a_take && self.takes == 0 {
            self.message = Some("No takes yet: practise a question first (p).".to_string());
            return Nav::Stay;
        }
        Nav::Open(match entry {
            Entry::Practice => Route::Practice { choice: Default::default(), start: false },
            Entry::Takes => Route::Takes(TakeAction::Review),
            Entry::Drill => Route::Takes(TakeAction::Drill),
            Entry::Compare => Route::Takes(TakeAction::Compare),
            Entry::Progress => Route::Progress,
            Entry::Stories => Route::Stories,
            Entry::Loop => Route::Loop(loop_start(cx)),
        })
    }
}

/// The unfinished loop, else a new one of the guide's default rounds.
fn loop_start(cx: &Cx) -> LoopStart {
    let loops = cx.store.loops().unwrap_or_default();
    match loops.iter().find(|r| r.finished_at.is_none()) {
        Some(row) => LoopStart::Resume(Some(row.id)),
        None => LoopStart::New(
            PlanOptions { seed: crate::bank::select::random_seed(), ..PlanOptions::default() },
            RunSettings::default(),
        ),
    }
}

impl Component for Home {
    fn draw(&self, area: Rect, buf: &mut Buffer) {
        let block = Block::default()
            .borders(Borders::ALL)
            .title(Line::from(" barraiser ").bold())
            .title(Line::from(" Amazon PM interview rehearsal, offline ").right_aligned());
        let inner = block.inner(area);
        block.render(area, buf);
        let [intro, list, about] =
            Layout::vertical([Constraint::Length(3), Constraint::Min(6), Constraint::Length(3)])
                .areas(inner);
        let status = match (self.takes, self.latest) {
            (0, _) => "No takes yet: start with Practice.".to_string(),
            (n, Some(id)) => format!("{n} takes practised · the newest is #{id}"),
            (n, None) => format!("{n} takes practised"),
        };
        Paragraph::new(vec![
            Line::from("Answer out loud, see the report a second after you stop. Your voice stays on this machine."),
            Line::from(status).dark_gray(),
        ])
        .wrap(Wrap { trim: true })
        .render(intro, buf);
        let items: Vec<ListItem> = ENTRIES
            .iter()
            .map(|(entry, name, _)| {
                ListItem::new(Line::from(vec![
                    Span::styled(format!(" {} ", letter(*entry)), Style::new().fg(Color::Cyan)),
                    Span::raw(format!(" {name}")),
                ]))
            })
            .collect();
        let list_widget = List::new(items)
            .highlight_style(Style::new().add_modifier(Modifier::REVERSED))
            .highlight_symbol("› ");
        let mut state = ListState::default().with_selected(Some(self.selected));
        StatefulWidget::render(list_widget, list, buf, &mut state);
        Paragraph::new(ENTRIES[self.selected].2)
            .wrap(Wrap { trim: true })
            .block(Block::default().borders(Borders::TOP))
            .render(about, buf);
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

    fn on_key(&mut self, key: KeyEvent, cx: &mut Cx) -> Result<Nav> {
        self.message = None;
        Ok(match KEYS.action(GROUP, &key) {
            Some(Action::Move(by)) => {
                self.selected = moved(self.selected, by, ENTRIES.len());
                Nav::Stay
            }
            Some(Action::Open) => self.route(cx, ENTRIES[self.selected].0),
            Some(Action::Go(entry)) => self.route(cx, entry),
            Some(Action::Quit) => Nav::Quit,
            None => Nav::Stay,
        })
    }

    fn on_return(&mut self, cx: &mut Cx) -> Result<()> {
        self.refresh(cx)
    }
}
