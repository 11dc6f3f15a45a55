//! The drill screen's key table: the handler, the footer and the help all read it.

use crate::tui::keymap::{Binding, Key, KeyTable};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DrillAction {
    /// Start a new take of the question.
    Record,
    /// Stop the take: transcribe, analyse, save, add it to the drill.
    Stop,
    TogglePause,
    /// Stop the take without saving it; the audio is kept.
    Cancel,
    /// Analyse the cancelled take after all.
    AnalyseCancelled,
    /// Delete the audio of the cancelled take.
    Discard,
    Back,
    Quit,
}

pub const READY: &str = "Drill";
pub const RECORDING: &str = "While recording";
pub const CANCELLED: &str = "Cancelled take";
pub const FINISHING: &str = "Finishing";

pub const KEYS: KeyTable<DrillAction> = KeyTable(&[
    Binding {
        keys: &[Key::Char('r'), Key::Char(' '), Key::Enter],
        action: DrillAction::Record,
        label: "record a take",
        help: "record a new take against the target",
        group: READY,
    },
    Binding {
        keys: &[Key::Esc],
        action: DrillAction::Back,
        label: "back",
        help: "back",
        group: READY,
    },
    Binding {
        keys: &[Key::Char('q')],
        action: DrillAction::Quit,
        label: "quit",
        help: "quit",
        group: READY,
    },
    Binding {
        keys: &[Key::Char(' '), Key::Enter],
        action: DrillAction::Stop,
        label: "stop",
        help: "stop: transcribe, analyse, save, add it to the drill",
        group: RECORDING,
    },
    Binding {
        keys: &[Key::Char('p')],
        action: DrillAction::TogglePause,
        label: "pause",
        help: "pause / resume",
        group: RECORDING,
    },
    Binding {
        keys: &[Key::Esc],
        action: DrillAction::Cancel,
        label: "cancel",
        help: "cancel (the audio is kept until you discard it)",
        group: RECORDING,
    },
    Binding {
        keys: &[Key::Char('a')],
        action: DrillAction::AnalyseCancelled,
        label: "analyse anyway",
        help: "analyse the cancelled take and add it to the drill",
        group: CANCELLED,
    },
    Binding {
        keys: &[Key::Char('d')],
        action: DrillAction::Discard,
        label: "discard the audio",
        help: "delete the audio of the cancelled take",
        group: CANCELLED,
    },
    Binding {
        keys: &[Key::Char('r'), Key::Char(' '), Key::Enter],
        action: DrillAction::Record,
        label: "record a take",
        help: "record a new take (the cancelled audio stays on disk)",
        group: CANCELLED,
    },
    Binding {
        keys: &[Key::Esc],
        action: DrillAction::Back,
        label: "back",
        help: "back",
        group: CANCELLED,
    },
    Binding {
        keys: &[Key::Char('q')],
        action: DrillAction::Quit,
        label: "quit",
        help: "quit",
        group: CANCELLED,
    },
]);
