//! The drill screen's keys: a pure function of the view and the key, its footer
//! and its help.

use crossterm::event::{KeyCode, KeyEvent};

use super::{DrillStatus, DrillView};
use crate::tui::keys::{shared_key, Shared};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DrillAction {
    None,
    Quit,
    ToggleHelp,
    /// Start a new take of the question.
    Record,
    /// Stop the take: transcribe, analyse, save, add it to the drill.
    Stop,
    TogglePause,
    /// Stop the take without saving it; the audio is kept.
    Cancel,
    /// Delete the audio of the cancelled take.
    Discard,
}

pub const HELP: &[(&str, &str)] = &[
    ("Drill", ""),
    ("r / space / enter", "record a new take against the target"),
    ("d", "delete the audio of a cancelled take"),
    ("q / esc", "quit"),
    ("While recording", ""),
    ("space / enter", "stop: transcribe, analyse, save, add it to the drill"),
    ("p", "pause / resume"),
    ("esc", "cancel (the audio is kept)"),
    ("Anywhere", ""),
    ("?", "this help (any key closes it)"),
    ("ctrl-c / ctrl-q", "quit (a take in progress is kept)"),
];

impl DrillView {
    /// What `key` means now.
    pub fn handle_key(&self, key: KeyEvent) -> DrillAction {
        match shared_key(self.show_help, key) {
            Some(Shared::Quit) => return DrillAction::Quit,
            Some(Shared::ToggleHelp) => return DrillAction::ToggleHelp,
            None => {}
        }
        match self.status {
            DrillStatus::Ready => match key.code {
                KeyCode::Char('r') | KeyCode::Char(' ') | KeyCode::Enter => DrillAction::Record,
                KeyCode::Char('d') => DrillAction::Discard,
                KeyCode::Char('q') | KeyCode::Esc => DrillAction::Quit,
                _ => DrillAction::None,
            },
            DrillStatus::Recording(_) => match key.code {
                KeyCode::Char(' ') | KeyCode::Enter => DrillAction::Stop,
                KeyCode::Char('p') => DrillAction::TogglePause,
                KeyCode::Esc => DrillAction::Cancel,
                _ => DrillAction::None,
            },
            DrillStatus::Finishing(_) => DrillAction::None,
        }
    }
}

/// The keys that matter now, for the foot of the screen.
pub fn footer(v: &DrillView) -> &'static str {
    match (&v.status, &v.question) {
        (DrillStatus::Ready, Some(_)) => "r record a take · ? keys · q quit",
        (DrillStatus::Ready, None) => "? keys · q quit",
        (DrillStatus::Recording(_), _) => "space/enter stop · p pause · esc cancel · ? keys",
        (DrillStatus::Finishing(_), _) => "transcribing the last words…",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::drill::drill_series;
    use crossterm::event::KeyModifiers;

    fn view(status: DrillStatus) -> DrillView {
        DrillView {
            title: "t".into(),
            tighten: false,
            series: drill_series(&[], 130.0, false),
            status,
            question: None,
            message: None,
            show_help: false,
        }
    }

    fn key(v: &DrillView, code: KeyCode) -> DrillAction {
        v.handle_key(KeyEvent::new(code, KeyModifiers::NONE))
    }

    #[test]
    fn r_records_space_stops_esc_cancels_and_q_never_ends_a_take() {
        let ready = view(DrillStatus::Ready);
        assert_eq!(key(&ready, KeyCode::Char('r')), DrillAction::Record);
        assert_eq!(key(&ready, KeyCode::Char(' ')), DrillAction::Record);
        assert_eq!(key(&ready, KeyCode::Char('q')), DrillAction::Quit);
        let recording = view(DrillStatus::Recording(Default::default()));
        assert_eq!(key(&recording, KeyCode::Char(' ')), DrillAction::Stop);
        assert_eq!(key(&recording, KeyCode::Enter), DrillAction::Stop);
        assert_eq!(key(&recording, KeyCode::Char('p')), DrillAction::TogglePause);
        assert_eq!(key(&recording, KeyCode::Esc), DrillAction::Cancel);
        assert_eq!(key(&recording, KeyCode::Char('q')), DrillAction::None);
        assert_eq!(
            key(&view(DrillStatus::Finishing(Default::default())), KeyCode::Esc),
            DrillAction::None
        );
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(recording.handle_key(ctrl_c), DrillAction::Quit);
    }

    #[test]
    fn help_opens_with_a_question_mark_and_closes_on_any_key() {
        let mut v = view(DrillStatus::Ready);
        assert_eq!(key(&v, KeyCode::Char('?')), DrillAction::ToggleHelp);
        v.show_help = true;
        assert_eq!(key(&v, KeyCode::Char('r')), DrillAction::ToggleHelp);
    }
}
