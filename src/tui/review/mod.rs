//! The review screen: the transcript with every finding marked in place, a side panel
//! (timing bar, STAR timeline, scores, follow-ups, the change since the previous
//! take), jumping between findings, and playing the recording from the selected line.
//!
//! Keys become [`Action`]s through the pure [`Review::handle_key`]; the loop that owns
//! the terminal carries the actions out (playback), so tests drive the screen without
//! a terminal or a sound card.

mod panel;
mod screen;
mod view;

pub use screen::ReviewScreen;
pub use view::mark_style;

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::analysis::report::Report;
use crate::progress::compare::Comparison;
use crate::report::marks::{line_of, sentence_lines, Line, Marks};
use crate::transcript::Transcript;

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

/// What the loop should do after a key.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    None,
    Quit,
    /// Play the recording from this second.
    Play(f64),
    Stop,
}

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
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            return Action::Quit;
        }
        match key.code {
            KeyCode::Char('q') | KeyCode::Esc => Action::Quit,
            KeyCode::Char('n') | KeyCode::Tab => self.jump(true),
            KeyCode::Char('N') | KeyCode::BackTab => self.jump(false),
            KeyCode::Down | KeyCode::Char('j') => self.select_line(self.selected_line + 1),
            KeyCode::Up | KeyCode::Char('k') => {
                self.select_line(self.selected_line.saturating_sub(1))
            }
            KeyCode::PageDown => self.select_line(self.selected_line + 10),
            KeyCode::PageUp => self.select_line(self.selected_line.saturating_sub(10)),
            KeyCode::Home | KeyCode::Char('g') => self.select_line(0),
            KeyCode::End | KeyCode::Char('G') => self.select_line(usize::MAX),
            KeyCode::Char(' ') | KeyCode::Enter => self.toggle_play(),
            _ => Action::None,
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
