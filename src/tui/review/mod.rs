//! The review screen: the transcript with every finding marked in place, a side panel
//! (timing bar, STAR timeline, scores, follow-ups, the change since the previous
//! take), jumping between findings, and playing the recording from the selected line.
//!
//! Keys become [`Action`]s through the pure [`Review::handle_key`]; the loop that owns
//! the terminal carries the actions out (playback), so tests drive the screen without
//! a terminal or a sound card.

mod load;
mod panel;
mod screen;
mod view;

pub use screen::ReviewScreen;
pub use view::mark_style;

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use crossterm::event::KeyEvent;

use crate::analysis::report::Report;
use crate::progress::compare::Comparison;
use crate::report::marks::{line_of, sentence_lines, Line, Marks};
use crate::transcript::Transcript;
use crate::tui::keymap::{Binding, Key, KeyTable};

/// Longest sentence line before it is split, in words.
const MAX_LINE_WORDS: usize = 30;

/// Everything the screen shows about one take.
#[derive(Debug, Clone)]
pub struct ReviewData {
    pub attempt_id: i64,
    /// The question asked, or its id.
    pub title: String,
    pub started_at: DateTime<Utc>,
    pub report: Report,
    pub transcript: Transcript,
    /// The recording, when it is still on disk.
    pub audio: Option<PathBuf>,
    /// This take against the previous take of the same question or story.
    pub since_previous: Option<Comparison>,
}

/// What the screen should do after a key.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    None,
    Back,
    Quit,
    /// Play the recording from this second.
    Play(f64),
    Stop,
}

/// What a key asks of the review.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Command {
    NextFinding,
    PreviousFinding,
    Line(isize),
    First,
    Last,
    PlayOrStop,
    Back,
    Quit,
}

pub(crate) const GROUP: &str = "Review";

pub(crate) const KEYS: KeyTable<Command> = KeyTable(&[
    Binding {
        keys: &[Key::Char('n'), Key::Tab],
        action: Command::NextFinding,
        label: "next finding",
        help: "next finding (a metric, principle, vague phrase, filler…)",
        group: GROUP,
    },
    Binding {
        keys: &[Key::Char('N'), Key::BackTab],
        action: Command::PreviousFinding,
        label: "",
        help: "previous finding",
        group: GROUP,
    },
    Binding {
        keys: &[Key::Down, Key::Char('j')],
        action: Command::Line(1),
        label: "line",
        help: "next line",
        group: GROUP,
    },
    Binding {
        keys: &[Key::Up, Key::Char('k')],
        action: Command::Line(-1),
        label: "",
        help: "previous line",
        group: GROUP,
    },
    Binding {
        keys: &[Key::PageDown],
        action: Command::Line(10),
        label: "",
        help: "ten lines down",
        group: GROUP,
    },
    Binding {
        keys: &[Key::PageUp],
        action: Command::Line(-10),
        label: "",
        help: "ten lines up",
        group: GROUP,
    },
    Binding {
        keys: &[Key::Home, Key::Char('g')],
        action: Command::First,
        label: "",
        help: "first line",
        group: GROUP,
    },
    Binding {
        keys: &[Key::End, Key::Char('G')],
        action: Command::Last,
        label: "",
        help: "last line",
        group: GROUP,
    },
    Binding {
        keys: &[Key::Char(' '), Key::Enter],
        action: Command::PlayOrStop,
        label: "play/stop",
        help: "play the recording from the selected line; again stops it",
        group: GROUP,
    },
    Binding { keys: &[Key::Esc], action: Command::Back, label: "back", help: "back", group: GROUP },
    Binding {
        keys: &[Key::Char('q')],
        action: Command::Quit,
        label: "quit",
        help: "quit",
        group: GROUP,
    },
]);

pub struct Review {
    pub data: ReviewData,
    marks: Marks,
    lines: Vec<Line>,
    selected_line: usize,
    selected_finding: Option<usize>,
    /// Where playback is, when it is playing.
    playing_from: Option<f64>,
    message: Option<String>,
}

impl Review {
    pub fn new(data: ReviewData) -> Review {
        let marks = Marks::new(&data.report, &data.transcript);
        let lines = sentence_lines(&data.transcript, MAX_LINE_WORDS);
        Review {
            data,
            marks,
            lines,
            selected_line: 0,
            selected_finding: None,
            playing_from: None,
            message: None,
        }
    }

    pub fn handle_key(&mut self, key: KeyEvent) -> Action {
        match KEYS.action(GROUP, &key) {
            Some(Command::Back) => Action::Back,
            Some(Command::Quit) => Action::Quit,
            Some(Command::NextFinding) => self.jump(true),
            Some(Command::PreviousFinding) => self.jump(false),
            Some(Command::Line(by)) => {
                self.select_line(self.selected_line.saturating_add_signed(by))
            }
            Some(Command::First) => self.select_line(0),
            Some(Command::Last) => self.select_line(usize::MAX),
            Some(Command::PlayOrStop) => self.toggle_play(),
            None => Action::None,
        }
    }

    fn select_line(&mut self, i: usize) -> Action {
        self.selected_line = i.min(self.lines.len().saturating_sub(1));
        self.selected_finding = None;
        Action::None
    }

    /// Moves to the next (or previous) finding, wrapping around.
    fn jump(&mut self, forward: bool) -> Action {
        let n = self.marks.findings.len();
        if n == 0 {
            self.message = Some("no findings in this answer".into());
            return Action::None;
        }
        let next = match (self.selected_finding, forward) {
            (None, true) => self.first_finding_from_line(),
            (None, false) => n - 1,
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
        };
        self.selected_finding = Some(next);
        let f = &self.marks.findings[next];
        self.selected_line = line_of(&self.lines, f.word_index).unwrap_or(self.selected_line);
        self.message = Some(format!("{}/{}: {}", next + 1, n, f.label));
        Action::None
    }

    fn first_finding_from_line(&self) -> usize {
        let first_word = self.lines.get(self.selected_line).map_or(0, |l| l.first);
        self.marks.findings.iter().position(|f| f.word_index >= first_word).unwrap_or(0)
    }

    fn toggle_play(&mut self) -> Action {
        if self.playing_from.is_some() {
            return Action::Stop;
        }
        if self.data.audio.is_none() {
            self.message =
                Some("no recording for this take (typed text, or the file was removed)".into());
            return Action::None;
        }
        match self.lines.get(self.selected_line).and_then(|l| l.start_s) {
            Some(s) => Action::Play(s),
            None => {
                self.message = Some("this line has no timing to play from".into());
                Action::None
            }
        }
    }

    /// The loop reports what happened to a requested playback.
    pub fn playback_started(&mut self, from_s: f64, device: &str) {
        self.playing_from = Some(from_s);
        self.message = Some(format!(
            "▶ playing from {} on {device} — space stops",
            crate::analysis::timing::clock(from_s)
        ));
    }

    pub fn playback_stopped(&mut self, why: Option<String>) {
        self.playing_from = None;
        self.message = why;
    }

    pub fn is_playing(&self) -> bool {
        self.playing_from.is_some()
    }

    pub fn selected_line(&self) -> usize {
        self.selected_line
    }

    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }
}

#[cfg(test)]
mod tests;
