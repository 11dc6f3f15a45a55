//! The practice screen's key table, one group per stage: the handler, the footer and
//! the `?` help all read it.

use crate::tui::keymap::{bind, Key, KeyTable};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Move(i32),
    NextKind,
    NextPrinciple,
    Random,
    Start,
    Stop,
    TogglePause,
    Cancel,
    /// Analyse the kept (cancelled or recovered) recording.
    AnalyseKept,
    /// Delete the kept recording.
    Discard,
    /// Leave the kept recording for later.
    NotNow,
    Scroll(i32),
    /// The report's transcript: the review screen of this take.
    Transcript,
    /// Play (or stop) the take's recording.
    Replay,
    Drill,
    Compare,
    Export,
    FollowUp,
    Retry,
    /// Back to the question list.
    Next,
    Home,
    Quit,
}

pub const PICK: &str = "Question list";
pub const RECORDING: &str = "While recording";
pub const FINISHING: &str = "Finishing";
pub const REPORT: &str = "Report";
pub const CANCELLED: &str = "Cancelled take";
pub const RECOVERED: &str = "Recovered recording";

pub const KEYS: KeyTable<Action> = KeyTable(&[
    bind(&[Key::Up, Key::Char('k')], Action::Move(-1), "", "previous question", PICK),
    bind(&[Key::Down, Key::Char('j')], Action::Move(1), "choose", "next question", PICK),
    bind(&[Key::PageUp], Action::Move(-10), "", "ten questions up", PICK),
    bind(&[Key::PageDown], Action::Move(10), "", "ten questions down", PICK),
    bind(
        &[Key::Enter, Key::Char(' ')],
        Action::Start,
        "start",
        "start answering: recording begins at once",
        PICK,
    ),
    bind(&[Key::Tab, Key::Char('t')], Action::NextKind, "round", "next round type filter", PICK),
    bind(
        &[Key::Char('p')],
        Action::NextPrinciple,
        "principle",
        "next Leadership Principle filter",
        PICK,
    ),
    bind(&[Key::Char('r')], Action::Random, "random", "a random question among those shown", PICK),
    bind(&[Key::Esc], Action::Home, "home", "home", PICK),
    bind(&[Key::Char('q')], Action::Quit, "quit", "quit", PICK),
    bind(&[Key::Char(' '), Key::Enter], Action::Stop, "stop", "stop and see the report", RECORDING),
    bind(&[Key::Char('p')], Action::TogglePause, "pause", "pause / resume", RECORDING),
    bind(
        &[Key::Esc],
        Action::Cancel,
        "cancel",
        "cancel (the audio is kept until you discard it)",
        RECORDING,
    ),
    bind(
        &[Key::Char('t')],
        Action::Transcript,
        "transcript",
        "the transcript with every finding marked (review)",
        REPORT,
    ),
    bind(&[Key::Char(' ')], Action::Replay, "replay", "play your answer; again stops it", REPORT),
    bind(&[Key::Char('d')], Action::Drill, "drill", "drill this question's timing", REPORT),
    bind(
        &[Key::Char('c')],
        Action::Compare,
        "compare",
        "compare with your last take of this question",
        REPORT,
    ),
    bind(
        &[Key::Char('e')],
        Action::Export,
        "export",
        "export the report as a page in the data directory",
        REPORT,
    ),
    bind(
        &[Key::Char('f')],
        Action::FollowUp,
        "follow-up",
        "answer the interviewer's next follow-up aloud",
        REPORT,
    ),
    bind(&[Key::Char('r')], Action::Retry, "retry", "answer the same question again", REPORT),
    bind(&[Key::Char('n')], Action::Next, "next", "back to the questions", REPORT),
    bind(&[Key::Down, Key::Char('j')], Action::Scroll(1), "", "scroll down", REPORT),
    bind(&[Key::Up, Key::Char('k')], Action::Scroll(-1), "", "scroll up", REPORT),
    bind(&[Key::PageDown], Action::Scroll(10), "", "scroll a page down", REPORT),
    bind(&[Key::PageUp], Action::Scroll(-10), "", "scroll a page up", REPORT),
    bind(&[Key::Esc], Action::Home, "", "home", REPORT),
    bind(&[Key::Char('q')], Action::Quit, "", "quit", REPORT),
    bind(
        &[Key::Char('a'), Key::Enter],
        Action::AnalyseKept,
        "analyse anyway",
        "analyse it from what was already transcribed",
        CANCELLED,
    ),
    bind(&[Key::Char('d')], Action::Discard, "discard", "delete the audio", CANCELLED),
    bind(
        &[Key::Char('r')],
        Action::Retry,
        "retry",
        "answer the same question again (the audio stays on disk)",
        CANCELLED,
    ),
    bind(
        &[Key::Char('n'), Key::Esc],
        Action::NotNow,
        "not now",
        "back to the questions (the audio stays on disk)",
        CANCELLED,
    ),
    bind(
        &[Key::Char('a'), Key::Enter],
        Action::AnalyseKept,
        "analyse",
        "transcribe and analyse it, saved as a session",
        RECOVERED,
    ),
    bind(&[Key::Char('d')], Action::Discard, "discard", "delete the recording", RECOVERED),
    bind(
        &[Key::Char('n'), Key::Esc],
        Action::NotNow,
        "not now",
        "offer it again at the next start",
        RECOVERED,
    ),
]);

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn key(group: &str, code: KeyCode) -> Option<Action> {
        KEYS.action(group, &KeyEvent::new(code, KeyModifiers::NONE))
    }

    #[test]
    fn space_and_enter_stop_a_take_esc_cancels_and_q_never_ends_one() {
        assert_eq!(key(RECORDING, KeyCode::Char(' ')), Some(Action::Stop));
        assert_eq!(key(RECORDING, KeyCode::Enter), Some(Action::Stop));
        assert_eq!(key(RECORDING, KeyCode::Esc), Some(Action::Cancel));
        assert_eq!(key(RECORDING, KeyCode::Char('q')), None);
        assert_eq!(key(FINISHING, KeyCode::Esc), None);
    }

    #[test]
    fn the_report_leads_everywhere_the_footer_says() {
        for (code, action) in [
            ('t', Action::Transcript),
            (' ', Action::Replay),
            ('d', Action::Drill),
            ('c', Action::Compare),
            ('e', Action::Export),
            ('f', Action::FollowUp),
            ('r', Action::Retry),
            ('n', Action::Next),
        ] {
            assert_eq!(key(REPORT, KeyCode::Char(code)), Some(action));
        }
        let footer = KEYS.footer(REPORT);
        assert!(footer.starts_with("t transcript · space replay · d drill"), "{footer}");
        // The cancelled prompt's words are its footer's: "n not now" on both.
        assert!(KEYS.footer(CANCELLED).contains("n not now"));
    }
}
