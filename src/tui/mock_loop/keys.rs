//! The loop screen's key table, one group per stage: the handler, the footer and the
//! `?` help all read it.

use crate::tui::keymap::{bind, Key, KeyTable};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Go,
    Stop,
    TogglePause,
    Cancel,
    Review,
    Scroll(i32),
    Export,
    Back,
    Quit,
}

pub const PLAN: &str = "Loop plan";
pub const ASKED: &str = "Question";
pub const RECORDING: &str = "While recording";
/// Stopped: the answer is transcribed and saved; no keys but the app's own.
pub const FINISHING: &str = "Finishing";
pub const SAVED: &str = "After an answer";
pub const DEBRIEF: &str = "Debrief";

pub const KEYS: KeyTable<Action> = KeyTable(&[
    bind(&[Key::Enter], Action::Go, "begin", "begin (or go on with) the loop", PLAN),
    bind(&[Key::Esc], Action::Back, "back", "back; the loop is kept and resumes here", PLAN),
    bind(&[Key::Char('q')], Action::Quit, "quit", "quit; the loop is kept", PLAN),
    bind(
        &[Key::Enter, Key::Char(' ')],
        Action::Go,
        "answer",
        "start answering: recording begins at once",
        ASKED,
    ),
    bind(&[Key::Esc], Action::Back, "back", "back; the loop resumes at this question", ASKED),
    bind(&[Key::Char('q')], Action::Quit, "quit", "quit; the loop is kept", ASKED),
    bind(
        &[Key::Char(' '), Key::Enter],
        Action::Stop,
        "stop",
        "stop: the answer is transcribed and saved",
        RECORDING,
    ),
    bind(&[Key::Char('p')], Action::TogglePause, "pause", "pause / resume", RECORDING),
    bind(
        &[Key::Esc],
        Action::Cancel,
        "cancel",
        "cancel the answer (its audio is kept); answer again",
        RECORDING,
    ),
    bind(&[Key::Enter, Key::Char(' ')], Action::Go, "next", "the next question", SAVED),
    bind(&[Key::Char('t')], Action::Review, "review", "review the answer just saved", SAVED),
    bind(
        &[Key::Char('q')],
        Action::Quit,
        "quit",
        "quit; the loop resumes at the next question",
        SAVED,
    ),
    bind(&[Key::Down, Key::Char('j')], Action::Scroll(1), "scroll", "scroll down", DEBRIEF),
    bind(&[Key::Up, Key::Char('k')], Action::Scroll(-1), "", "scroll up", DEBRIEF),
    bind(&[Key::PageDown], Action::Scroll(10), "", "a page down", DEBRIEF),
    bind(&[Key::PageUp], Action::Scroll(-10), "", "a page up", DEBRIEF),
    bind(
        &[Key::Char('e')],
        Action::Export,
        "export",
        "export the whole packet as a page in the data directory",
        DEBRIEF,
    ),
    bind(&[Key::Esc], Action::Back, "back", "back", DEBRIEF),
    bind(&[Key::Char('q')], Action::Quit, "quit", "quit", DEBRIEF),
]);
