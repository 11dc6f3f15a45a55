//! Keys to actions: a pure function of the state and the key, tested without a terminal.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::app::{App, Screen};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    None,
    Quit,
    ToggleHelp,
    Move(i32),
    NextKind,
    NextPrinciple,
    Random,
    Start,
    Stop,
    TogglePause,
    Cancel,
    Retry,
    /// Delete the kept recording of a cancelled take, or the offered recovered one.
    Discard,
    /// Analyse the kept (cancelled or recovered) recording.
    AnalyseKept,
    /// Back to the question list.
    Back,
    Scroll(i32),
}

/// What a key means on every screen with a help box, before the screen's own keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shared {
    /// ctrl-c or ctrl-q.
    Quit,
    /// `?` opens the help; while it is open, any key closes it.
    ToggleHelp,
}

pub fn shared_key(show_help: bool, key: KeyEvent) -> Option<Shared> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && matches!(key.code, KeyCode::Char('c') | KeyCode::Char('q')) {
        Some(Shared::Quit)
    } else if show_help || key.code == KeyCode::Char('?') {
        Some(Shared::ToggleHelp)
    } else {
        None
    }
}

/// What `key` means on the current screen.
pub fn handle_key(app: &App, key: KeyEvent) -> Action {
    if key.kind == KeyEventKind::Release {
        return Action::None;
    }
    match shared_key(app.show_help, key) {
        Some(Shared::Quit) => return Action::Quit,
        Some(Shared::ToggleHelp) => return Action::ToggleHelp,
        None => {}
    }
    match app.screen {
        Screen::Pick => match key.code {
            KeyCode::Up | KeyCode::Char('k') => Action::Move(-1),
            KeyCode::Down | KeyCode::Char('j') => Action::Move(1),
            KeyCode::PageUp => Action::Move(-10),
            KeyCode::PageDown => Action::Move(10),
            KeyCode::Tab | KeyCode::Char('t') => Action::NextKind,
            KeyCode::Char('p') => Action::NextPrinciple,
            KeyCode::Char('r') => Action::Random,
            KeyCode::Enter | KeyCode::Char(' ') => Action::Start,
            KeyCode::Esc | KeyCode::Char('q') => Action::Quit,
            _ => Action::None,
        },
        Screen::Recording => match key.code {
            KeyCode::Enter | KeyCode::Char(' ') => Action::Stop,
            KeyCode::Char('p') => Action::TogglePause,
            KeyCode::Esc => Action::Cancel,
            _ => Action::None,
        },
        Screen::Finishing => Action::None,
        Screen::Report => match key.code {
            KeyCode::Char('r') => Action::Retry,
            KeyCode::Char('n') | KeyCode::Esc => Action::Back,
            KeyCode::Char('q') => Action::Quit,
            KeyCode::Up | KeyCode::Char('k') => Action::Scroll(-1),
            KeyCode::Down | KeyCode::Char('j') => Action::Scroll(1),
            KeyCode::PageUp => Action::Scroll(-10),
            KeyCode::PageDown | KeyCode::Char(' ') => Action::Scroll(10),
            _ => Action::None,
        },
        Screen::Cancelled | Screen::Recovered => match key.code {
            KeyCode::Char('a') | KeyCode::Enter => Action::AnalyseKept,
            KeyCode::Char('d') => Action::Discard,
            KeyCode::Char('r') if app.screen == Screen::Cancelled => Action::Retry,
            KeyCode::Char('n') | KeyCode::Esc => Action::Back,
            KeyCode::Char('q') => Action::Quit,
            _ => Action::None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn app_on(screen: Screen) -> App {
        let mut app = App::new(Vec::new());
        app.screen = screen;
        app
    }

    #[test]
    fn space_and_enter_stop_a_take_and_esc_cancels_it() {
        let app = app_on(Screen::Recording);
        assert_eq!(handle_key(&app, key(KeyCode::Char(' '))), Action::Stop);
        assert_eq!(handle_key(&app, key(KeyCode::Enter)), Action::Stop);
        assert_eq!(handle_key(&app, key(KeyCode::Esc)), Action::Cancel);
        assert_eq!(handle_key(&app, key(KeyCode::Char('p'))), Action::TogglePause);
        // q must not end a take by accident.
        assert_eq!(handle_key(&app, key(KeyCode::Char('q'))), Action::None);
    }

    #[test]
    fn ctrl_c_quits_everywhere_and_help_closes_on_any_key() {
        for screen in [Screen::Pick, Screen::Recording, Screen::Finishing, Screen::Report] {
            let app = app_on(screen);
            let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
            assert_eq!(handle_key(&app, ctrl_c), Action::Quit);
            assert_eq!(handle_key(&app, key(KeyCode::Char('?'))), Action::ToggleHelp);
        }
        let mut app = app_on(Screen::Recording);
        app.show_help = true;
        assert_eq!(handle_key(&app, key(KeyCode::Char(' '))), Action::ToggleHelp);
    }

    #[test]
    fn picker_and_report_keys() {
        let pick = app_on(Screen::Pick);
        assert_eq!(handle_key(&pick, key(KeyCode::Down)), Action::Move(1));
        assert_eq!(handle_key(&pick, key(KeyCode::Tab)), Action::NextKind);
        assert_eq!(handle_key(&pick, key(KeyCode::Char('r'))), Action::Random);
        assert_eq!(handle_key(&pick, key(KeyCode::Enter)), Action::Start);
        let report = app_on(Screen::Report);
        assert_eq!(handle_key(&report, key(KeyCode::Char('r'))), Action::Retry);
        assert_eq!(handle_key(&report, key(KeyCode::Esc)), Action::Back);
        let cancelled = app_on(Screen::Cancelled);
        assert_eq!(handle_key(&cancelled, key(KeyCode::Char('d'))), Action::Discard);
        let recovered = app_on(Screen::Recovered);
        assert_eq!(handle_key(&recovered, key(KeyCode::Char('r'))), Action::None);
    }
}
