//! The `?` help: every key of the screen in a box over it, scrolling when the box is
//! taller than the terminal (80x24 shows it all or scrolls).

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::{Color, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use super::keymap::HelpLine;

pub struct HelpPopup {
    lines: Vec<HelpLine>,
    scroll: usize,
}

impl HelpPopup {
    pub fn new(lines: Vec<HelpLine>) -> HelpPopup {
        HelpPopup { lines, scroll: 0 }
    }

    /// Scroll keys scroll; any other key closes the help (returns false).
    pub fn on_key(&mut self, key: KeyEvent) -> bool {
        let by: isize = match key.code {
            KeyCode::Down | KeyCode::Char('j') => 1,
            KeyCode::Up | KeyCode::Char('k') => -1,
            KeyCode::PageDown => 10,
            KeyCode::PageUp => -10,
            _ => return false,
        };
        self.scroll = self.scroll.saturating_add_signed(by).min(self.lines.len().saturating_sub(1));
        true
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer) {
        let width = area.width.min(78);
        let height = area.height.min(self.lines.len() as u16 + 2);
        let [row] = Layout::vertical([Constraint::Length(height)]).flex(Flex::Center).areas(area);
        let [popup] = Layout::horizontal([Constraint::Length(width)]).flex(Flex::Center).areas(row);
        Clear.render(popup, buf);
        let key_width = self
            .lines
            .iter()
            .map(|l| match l {
                HelpLine::Keys(k, _) => k.chars().count(),
                HelpLine::Heading(_) => 0,
            })
            .max()
            .unwrap_or(0)
            .min(22);
        let rows = height.saturating_sub(2) as usize;
        let scroll = self.scroll.min(self.lines.len().saturating_sub(rows));
        let lines: Vec<Line> = self
            .lines
            .iter()
            .skip(scroll)
            .map(|l| match l {
                HelpLine::Heading(h) => Line::from(*h).bold().underlined(),
                HelpLine::Keys(keys, what) => Line::from(vec![
                    Span::styled(format!("  {keys:<key_width$}  "), Style::new().fg(Color::Cyan)),
                    Span::raw(*what),
                ]),
            })
            .collect();
        let more = scroll + rows < self.lines.len();
        let title = match (scroll > 0, more) {
            (false, false) => " Keys (any key closes) ",
            (false, true) => " Keys · ↓ more · any other key closes ",
            (true, true) => " Keys · ↑↓ more · any other key closes ",
            (true, false) => " Keys · ↑ more · any other key closes ",
        };
        Paragraph::new(lines)
            .block(Block::default().borders(Borders::ALL).title(title))
            .render(popup, buf);
    }
}
