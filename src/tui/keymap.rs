//! One key table per screen: each row names its keys, the action they trigger, the
//! words for the footer and for the `?` help, and the state of the screen it applies
//! in. The key handler, the footer and the help are all read from the table, so they
//! cannot disagree.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// A key as tables name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Ctrl(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
}

impl Key {
    fn matches(self, ev: &KeyEvent) -> bool {
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        match (self, ev.code) {
            (Key::Ctrl(c), KeyCode::Char(k)) => ctrl && k == c,
            (_, _) if ctrl => false,
            (Key::Char(c), KeyCode::Char(k)) => k == c,
            (Key::Enter, KeyCode::Enter) => true,
            (Key::Esc, KeyCode::Esc) => true,
            (Key::Tab, KeyCode::Tab) => true,
            (Key::BackTab, KeyCode::BackTab) => true,
            (Key::Up, KeyCode::Up) => true,
            (Key::Down, KeyCode::Down) => true,
            (Key::PageUp, KeyCode::PageUp) => true,
            (Key::PageDown, KeyCode::PageDown) => true,
            (Key::Home, KeyCode::Home) => true,
            (Key::End, KeyCode::End) => true,
            _ => false,
        }
    }

    pub fn name(self) -> String {
        match self {
            Key::Char(' ') => "space".into(),
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("ctrl-{c}"),
            Key::Enter => "enter".into(),
            Key::Esc => "esc".into(),
            Key::Tab => "tab".into(),
            Key::BackTab => "shift-tab".into(),
            Key::Up => "↑".into(),
            Key::Down => "↓".into(),
            Key::PageUp => "pgup".into(),
            Key::PageDown => "pgdn".into(),
            Key::Home => "home".into(),
            Key::End => "end".into(),
        }
    }
}

/// One row of a key table.
#[derive(Debug, Clone, Copy)]
pub struct Binding<A: 'static> {
    pub keys: &'static [Key],
    pub action: A,
    /// A few words for the footer; empty keeps the row out of the footer.
    pub label: &'static str,
    /// The row's line in the `?` help.
    pub help: &'static str,
    /// The state of the screen the row applies in; also the help's section heading.
    pub group: &'static str,
}

/// A row of a key table, in the order the table's columns read.
pub const fn bind<A>(
    keys: &'static [Key],
    action: A,
    label: &'static str,
    help: &'static str,
    group: &'static str,
) -> Binding<A> {
    Binding { keys, action, label, help, group }
}

/// A line of the `?` help: a section heading, or keys and what they do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    Heading(&'static str),
    Keys(String, &'static str),
}

/// A screen's keys, in the order the help lists them.
#[derive(Debug, Clone, Copy)]
pub struct KeyTable<A: 'static>(pub &'static [Binding<A>]);

impl<A: Copy> KeyTable<A> {
    /// The action of `key` in the screen's state `group`; key releases do nothing.
    pub fn action(&self, group: &str, key: &KeyEvent) -> Option<A> {
        if key.kind == KeyEventKind::Release {
            return None;
        }
        self.0
            .iter()
            .find(|b| b.group == group && b.keys.iter().any(|k| k.matches(key)))
            .map(|b| b.action)
    }

    /// The footer of the state `group`: "space stop · p pause · esc cancel".
    pub fn footer(&self, group: &str) -> String {
        self.0
            .iter()
            .filter(|b| b.group == group && !b.label.is_empty())
            .map(|b| format!("{} {}", b.keys[0].name(), b.label))
            .collect::<Vec<_>>()
            .join(" · ")
    }

    /// Every row, under a heading for each state.
    pub fn help(&self) -> Vec<HelpLine> {
        let mut lines = Vec::new();
        let mut group = "";
        for b in self.0 {
            if b.group != group {
                group = b.group;
                lines.push(HelpLine::Heading(group));
            }
            let keys: Vec<String> = b.keys.iter().map(|k| k.name()).collect();
            lines.push(HelpLine::Keys(keys.join(" / "), b.help));
        }
        lines
    }
}

/// A list position moved `by` rows (up when negative) among `len` rows, kept on a
/// row: every list and scrolled text of the app moves this way.
pub fn moved(at: usize, by: i32, len: usize) -> usize {
    at.saturating_add_signed(by as isize).min(len.saturating_sub(1))
}

/// What every screen's help ends with: the keys the app itself handles.
pub fn app_help() -> Vec<HelpLine> {
    vec![
        HelpLine::Heading("Anywhere"),
        HelpLine::Keys("?".into(), "this help (↑↓ scroll, any other key closes it)"),
        HelpLine::Keys("ctrl-c".into(), "quit (a take in progress is kept)"),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq)]
    enum A {
        Stop,
        Pause,
        Quit,
    }

    const TABLE: KeyTable<A> = KeyTable(&[
        Binding {
            keys: &[Key::Char(' '), Key::Enter],
            action: A::Stop,
            label: "stop",
            help: "stop and see the report",
            group: "While recording",
        },
        Binding {
            keys: &[Key::Char('p')],
            action: A::Pause,
            label: "pause",
            help: "pause / resume",
            group: "While recording",
        },
        Binding {
            keys: &[Key::Char('q')],
            action: A::Quit,
            label: "quit",
            help: "quit",
            group: "Report",
        },
    ]);

    #[test]
    fn a_move_stays_on_a_row() {
        assert_eq!(moved(0, -1, 5), 0);
        assert_eq!(moved(3, 10, 5), 4);
        assert_eq!(moved(2, -1, 5), 1);
        assert_eq!(moved(0, 1, 0), 0, "an empty list has nowhere to go");
    }

    #[test]
    fn the_handler_footer_and_help_come_from_one_table() {
        let space = KeyEvent::from(KeyCode::Char(' '));
        assert_eq!(TABLE.action("While recording", &space), Some(A::Stop));
        assert_eq!(TABLE.action("Report", &space), None);
        let q = KeyEvent::from(KeyCode::Char('q'));
        assert_eq!(TABLE.action("While recording", &q), None, "q must not end a take");
        assert_eq!(TABLE.action("Report", &q), Some(A::Quit));
        let ctrl_p = KeyEvent::new(KeyCode::Char('p'), KeyModifiers::CONTROL);
        assert_eq!(TABLE.action("While recording", &ctrl_p), None);
        assert_eq!(TABLE.footer("While recording"), "space stop · p pause");
        assert_eq!(
            TABLE.help(),
            vec![
                HelpLine::Heading("While recording"),
                HelpLine::Keys("space / enter".into(), "stop and see the report"),
                HelpLine::Keys("p".into(), "pause / resume"),
                HelpLine::Heading("Report"),
                HelpLine::Keys("q".into(), "quit"),
            ]
        );
    }
}
