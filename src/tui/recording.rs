//! The recording view: the question, a large clock against the limit, the time bar
//! (amber at 2:00, red at 2:30 of 3:00, scaled for longer rounds) with the 2:10
//! target marked, the input level, the live transcript and what was heard so far.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Gauge, Paragraph, Widget, Wrap};

use crate::analysis::timing::clock;
use crate::bank::Question;
use crate::round::Kind;

/// A question as the screen shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionItem {
    pub id: String,
    pub text: String,
    pub kind: Kind,
    pub principles: Vec<String>,
    pub limit_s: f64,
}

impl From<&Question> for QuestionItem {
    fn from(q: &Question) -> Self {
        QuestionItem {
            id: q.id.clone(),
            text: q.text.clone(),
            kind: q.kind,
            principles: q.principles.clone(),
            limit_s: q.limit_s,
        }
    }
}

impl QuestionItem {
    /// The length to aim for: the 2:10 average of a 3-minute round, scaled to the limit.
    pub fn target_s(&self) -> f64 {
        self.kind
            .default_target_s()
            .filter(|_| self.limit_s == 180.0)
            .unwrap_or(self.limit_s * 130.0 / 180.0)
    }

    /// Where the clock turns amber and red: 2:00 and 2:30 of 3:00, scaled.
    pub fn warnings_s(&self) -> (f64, f64) {
        (self.limit_s * 120.0 / 180.0, self.limit_s * 150.0 / 180.0)
    }
}

/// The live take as the screen shows it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LiveView {
    pub elapsed_s: f64,
    pub level_db: f32,
    pub paused: bool,
    pub transcript: String,
    pub metrics: usize,
    pub principles: Vec<String>,
    /// Warnings already rung: 1 amber, 2 red, 3 limit.
    pub rung: u8,
    /// With --no-cutoff, the take went past the limit.
    pub past_limit: bool,
    /// While the finished take's save waits for another barraiser's lock: how long.
    pub waiting: Option<String>,
}

/// 3x5 block digits for the clock.
const DIGITS: [[&str; 5]; 11] = [
    ["███", "█ █", "█ █", "█ █", "███"],
    ["  █", "  █", "  █", "  █", "  █"],
    ["███", "  █", "███", "█  ", "███"],
    ["███", "  █", "███", "  █", "███"],
    ["█ █", "█ █", "███", "  █", "  █"],
    ["███", "█  ", "███", "  █", "███"],
    ["███", "█  ", "███", "█ █", "███"],
    ["███", "  █", "  █", "  █", "  █"],
    ["███", "█ █", "███", "█ █", "███"],
    ["███", "█ █", "███", "  █", "███"],
    ["   ", " █ ", "   ", " █ ", "   "],
];

/// The running clock: whole seconds gone by, as a stopwatch shows them, so it
/// never reads 3:00 before the limit is reached.
fn stopwatch(elapsed_s: f64) -> String {
    clock(elapsed_s.floor())
}

/// The time left before the limit, counted down in whole seconds so that it and the
/// stopwatch always add up to the limit.
fn countdown(left_s: f64) -> String {
    clock(left_s.ceil())
}

/// The time zone's colour: green, then amber, then red, then past the limit.
pub fn zone_color(q: &QuestionItem, elapsed_s: f64) -> Color {
    let (amber, red) = q.warnings_s();
    if elapsed_s >= red {
        Color::Red
    } else if elapsed_s >= amber {
        Color::Yellow
    } else {
        Color::Green
    }
}

fn big_clock(text: &str, color: Color) -> Vec<Line<'static>> {
    (0..5)
        .map(|row| {
            let glyphs: Vec<String> = text
                .chars()
                .map(|c| {
                    let i = c.to_digit(10).map_or(10, |d| d as usize);
                    DIGITS[i][row].to_string()
                })
                .collect();
            Line::from(Span::styled(glyphs.join(" "), Style::new().fg(color)))
        })
        .collect()
}

pub struct RecordingView<'a> {
    pub question: &'a QuestionItem,
    pub live: &'a LiveView,
    /// The length to aim for: the question's own target, or a drill's.
    pub target_s: f64,
}

impl Widget for RecordingView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let q = self.question;
        let live = self.live;
        let title = if live.paused { " Paused " } else { " Recording " };
        let block = Block::default()
            .borders(Borders::ALL)
            .title(Line::from(title).bold())
            .title(Line::from(format!(" {} · {} ", q.id, q.kind)).right_aligned());
        let inner = block.inner(area);
        block.render(area, buf);
        let [question, clock_area, bar, marks, level, transcript, heard] = Layout::vertical([
            Constraint::Length(2),
            Constraint::Length(5),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Min(2),
            Constraint::Length(1),
        ])
        .areas(inner);

        Paragraph::new(q.text.as_str()).wrap(Wrap { trim: true }).bold().render(question, buf);

        let color = zone_color(q, live.elapsed_s);
        let [big, side] =
            Layout::horizontal([Constraint::Length(20), Constraint::Min(10)]).areas(clock_area);
        Paragraph::new(big_clock(&stopwatch(live.elapsed_s), color)).render(big, buf);
        let left = q.limit_s - live.elapsed_s;
        let mut side_lines = vec![
            Line::from(format!("of {}", clock(q.limit_s))),
            Line::from(format!("target {}", clock(self.target_s))),
            Line::from(match color {
                Color::Green => String::new(),
                _ if left > 0.0 => format!("{} left: land the result", countdown(left)),
                _ => String::new(),
            })
            .fg(color),
        ];
        if live.past_limit {
            side_lines.push(Line::from(" past the limit ").white().on_red());
        }
        if live.paused {
            side_lines.push(Line::from("paused: p resumes").yellow());
        }
        Paragraph::new(side_lines).render(side, buf);

        let ratio = (live.elapsed_s / q.limit_s).clamp(0.0, 1.0);
        Gauge::default()
            .gauge_style(Style::new().fg(color).bg(Color::DarkGray))
            .ratio(ratio)
            .label(format!("{} / {}", stopwatch(live.elapsed_s), clock(q.limit_s)))
            .render(bar, buf);
        render_marks(q, self.target_s, marks, buf);

        let level_ratio = ((live.level_db as f64 + 60.0) / 60.0).clamp(0.0, 1.0);
        let [label, meter] =
            Layout::horizontal([Constraint::Length(7), Constraint::Min(5)]).areas(level);
        Line::from("level ").render(label, buf);
        let level_color = if live.level_db < -55.0 { Color::DarkGray } else { Color::Cyan };
        Gauge::default()
            .gauge_style(Style::new().fg(level_color))
            .ratio(level_ratio)
            .label(if live.level_db <= -99.0 {
                "silent".to_string()
            } else {
                format!("{:.0} dB", live.level_db)
            })
            .render(meter, buf);

        render_transcript(&live.transcript, transcript, buf);

        let principles = if live.principles.is_empty() {
            "none yet".to_string()
        } else {
            live.principles.join(", ")
        };
        Line::from(vec![Span::styled(
            format!("metrics {} · principles: {principles}", live.metrics),
            Style::new().fg(Color::Gray),
        )])
        .render(heard, buf);
    }
}

/// A stopped take while its last words are transcribed: the question, how much was
/// recorded, and the transcript so far. Never the recording view: nothing records.
pub struct FinishingView<'a> {
    pub question: &'a QuestionItem,
    pub live: &'a LiveView,
}

impl Widget for FinishingView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let block =
            Block::default().borders(Borders::ALL).title(Line::from(" Finishing ").bold()).title(
                Line::from(format!(" {} · {} ", self.question.id, self.question.kind))
                    .right_aligned(),
            );
        let inner = block.inner(area);
        block.render(area, buf);
        let [question, status, transcript] =
            Layout::vertical([Constraint::Length(2), Constraint::Length(2), Constraint::Min(2)])
                .areas(inner);
        Paragraph::new(self.question.text.as_str())
            .wrap(Wrap { trim: true })
            .bold()
            .render(question, buf);
        let recorded = if self.live.elapsed_s > 0.0 {
            format!("{} recorded. ", stopwatch(self.live.elapsed_s))
        } else {
            String::new()
        };
        // A save that waits for another barraiser says so, or the screen would look hung.
        let status_line = match &self.live.waiting {
            Some(waiting) => Line::from(format!("{recorded}{waiting}").yellow()),
            None => Line::from(
                format!("{recorded}Transcribing the last words, then the report…").cyan(),
            ),
        };
        Paragraph::new(status_line).wrap(Wrap { trim: true }).render(status, buf);
        render_transcript(&self.live.transcript, transcript, buf);
    }
}

/// The amber, red and target positions under the bar.
fn render_marks(q: &QuestionItem, target_s: f64, area: Rect, buf: &mut Buffer) {
    if area.width < 10 {
        return;
    }
    let (amber, red) = q.warnings_s();
    let at = |s: f64| area.x + ((s / q.limit_s) * (area.width - 1) as f64).round() as u16;
    let put = |buf: &mut Buffer, x: u16, text: &str, style: Style| {
        let room = (area.x + area.width).saturating_sub(x) as usize;
        buf.set_stringn(x, area.y, text, room, style);
    };
    put(buf, at(amber), "▲", Style::new().fg(Color::Yellow));
    put(buf, at(red), "▲", Style::new().fg(Color::Red));
    put(
        buf,
        at(target_s),
        &format!("▲ {}", clock(target_s)),
        Style::new().add_modifier(Modifier::BOLD),
    );
}

/// The newest words of the live transcript that fit, wrapped.
fn render_transcript(text: &str, area: Rect, buf: &mut Buffer) {
    let block = Block::default().borders(Borders::TOP).title(" transcript ").fg(Color::Gray);
    let inner = block.inner(area);
    block.render(area, buf);
    if text.is_empty() {
        Paragraph::new("(words appear here at each pause)").dark_gray().render(inner, buf);
        return;
    }
    let width = inner.width.max(1) as usize;
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.len() + 1 + word.len() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    lines.push(line);
    let shown = &lines[lines.len().saturating_sub(inner.height as usize)..];
    Paragraph::new(shown.iter().map(|l| Line::from(l.as_str())).collect::<Vec<_>>())
        .render(inner, buf);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(limit_s: f64) -> QuestionItem {
        QuestionItem {
            id: "x".into(),
            text: "t".into(),
            kind: Kind::Behavioral,
            principles: vec![],
            limit_s,
        }
    }

    #[test]
    fn zones_follow_the_guide_and_scale() {
        let three = q(180.0);
        assert_eq!(zone_color(&three, 119.0), Color::Green);
        assert_eq!(zone_color(&three, 120.0), Color::Yellow);
        assert_eq!(zone_color(&three, 150.0), Color::Red);
        assert_eq!(three.target_s(), 130.0);
        let five = q(300.0);
        assert_eq!(five.warnings_s(), (200.0, 250.0));
        assert_eq!(zone_color(&five, 180.0), Color::Green);
    }

    #[test]
    fn the_stopwatch_and_the_countdown_add_up_to_the_limit() {
        assert_eq!(stopwatch(59.9), "0:59");
        assert_eq!(stopwatch(60.0), "1:00");
        assert_eq!(stopwatch(179.6), "2:59");
        for elapsed in [0.0, 0.4, 59.9, 125.5, 179.6] {
            let (e, l) = (stopwatch(elapsed), countdown(180.0 - elapsed));
            let secs = |t: &str| {
                let (m, s) = t.split_once(':').unwrap();
                m.parse::<u32>().unwrap() * 60 + s.parse::<u32>().unwrap()
            };
            assert_eq!(secs(&e) + secs(&l), 180, "{e} + {l}");
        }
    }
}
