//! Rendering the practice screen: `impl Widget for &App`, one function per screen.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::{Color, Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Borders, Clear, List, ListItem, ListState, Paragraph, StatefulWidget, Widget, Wrap,
};

use super::app::{App, Screen};
use super::recording::{clock, RecordingView};

/// Keys shown at the foot of each screen (`?` lists them all).
fn footer(screen: Screen) -> &'static str {
    match screen {
        Screen::Pick => {
            "↑↓ choose · enter start · tab round · p principle · r random · ? keys · q quit"
        }
        Screen::Recording => "space/enter stop · p pause · esc cancel · ? keys",
        Screen::Finishing => "transcribing the last words…",
        Screen::Report => "↑↓ scroll · r retry · n next question · ? keys · q quit",
        Screen::Cancelled => "a analyse anyway · d discard the audio · r retry · n next question",
        Screen::Recovered => "a analyse · d discard · n later",
    }
}

const HELP: &[(&str, &str)] = &[
    ("Question list", ""),
    ("↑ ↓ / j k", "choose a question"),
    ("tab / t", "next round type (all, behavioral, product, analytical, system design)"),
    ("p", "next Leadership Principle filter"),
    ("r", "a random question among those shown"),
    ("enter / space", "start answering: recording begins at once"),
    ("While recording", ""),
    ("space / enter", "stop and see the report"),
    ("p", "pause / resume"),
    ("esc", "cancel (the audio is kept until you discard it)"),
    ("Report", ""),
    ("↑ ↓ / pgup pgdn", "scroll"),
    ("r", "retry the same question"),
    ("n / esc", "back to the questions"),
    ("Anywhere", ""),
    ("?", "this help (any key closes it)"),
    ("ctrl-c", "quit (a take in progress is kept)"),
];

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        // A message (a lost microphone, a failed save) wraps onto up to three lines
        // rather than being cut at the screen's edge.
        let status_h = self
            .message
            .as_ref()
            .map_or(1, |m| (m.chars().count() as u16).div_ceil(area.width.max(1)) + 1)
            .min(3);
        let [body, status] =
            Layout::vertical([Constraint::Min(3), Constraint::Length(status_h)]).areas(area);
        match (self.screen, &self.current) {
            (Screen::Pick, _) => render_pick(self, body, buf),
            (Screen::Recording | Screen::Finishing, Some(q)) => {
                RecordingView { question: q, live: &self.live, target_s: q.target_s() }
                    .render(body, buf)
            }
            (Screen::Report, _) => render_report(self, body, buf),
            (Screen::Cancelled | Screen::Recovered, _) => render_kept(self, body, buf),
            _ => {}
        }
        let note = match &self.message {
            Some(m) => Paragraph::new(m.as_str()).yellow().wrap(Wrap { trim: true }),
            None => Paragraph::new(footer(self.screen)).dark_gray(),
        };
        note.render(status, buf);
        if self.show_help {
            render_help(HELP, area, buf);
        }
    }
}

fn render_pick(app: &App, area: Rect, buf: &mut Buffer) {
    let filter = format!(
        " {} · {} ",
        app.kind_filter.map_or("all rounds".to_string(), |k| k.to_string()),
        app.principle_filter.as_deref().unwrap_or("any principle")
    );
    let visible = app.visible();
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Line::from(" Pick a question ").bold())
        .title(Line::from(filter).right_aligned());
    let inner = block.inner(area);
    block.render(area, buf);
    let [list_area, detail] =
        Layout::vertical([Constraint::Min(3), Constraint::Length(4)]).areas(inner);
    let items: Vec<ListItem> = visible
        .iter()
        .map(|q| {
            ListItem::new(Line::from(vec![
                Span::styled(format!("{:<13}", q.kind.as_str()), Style::new().fg(Color::Cyan)),
                Span::raw(q.text.clone()),
            ]))
        })
        .collect();
    if items.is_empty() {
        Paragraph::new("No question matches these filters: tab and p change them.")
            .render(list_area, buf);
        return;
    }
    let list = List::new(items)
        .highlight_style(Style::new().add_modifier(Modifier::REVERSED))
        .highlight_symbol("› ");
    let mut state = ListState::default().with_selected(Some(app.selected));
    StatefulWidget::render(list, list_area, buf, &mut state);
    if let Some(q) = app.selected_question() {
        let principles =
            if q.principles.is_empty() { "—".to_string() } else { q.principles.join(", ") };
        Paragraph::new(vec![
            Line::from(format!("{} · limit {} · {}", q.id, clock(q.limit_s), principles))
                .dark_gray(),
            Line::from(q.text.as_str()),
        ])
        .wrap(Wrap { trim: true })
        .block(Block::default().borders(Borders::TOP))
        .render(detail, buf);
    }
}

fn render_report(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(report) = &app.report else { return };
    let question = app.current.as_ref().map_or(String::new(), |q| format!(" {} ", q.id));
    let verdict = if report.score >= report.bar { "meets the bar" } else { "below the bar" };
    let color = if report.score >= report.bar { Color::Green } else { Color::Yellow };
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Line::from(vec![
            Span::raw(" Report · "),
            Span::styled(
                format!("{:.1} / 4 {verdict}", report.score),
                Style::new().fg(color).bold(),
            ),
            Span::raw(format!(" · {} ", clock(report.duration_s))),
        ]))
        .title(Line::from(question).right_aligned())
        .title_bottom(
            Line::from(match report.session_id {
                Some(id) => format!(
                    " session {id} saved · ready {:.1} s after the stop ",
                    report.ready_after_s
                ),
                None => " not saved yet: kept for the next start ".to_string(),
            })
            .right_aligned(),
        );
    let lines: Vec<Line> = report.lines.iter().map(|l| Line::from(l.as_str())).collect();
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .scroll((app.report_scroll, 0))
        .block(block)
        .render(area, buf);
}

fn render_kept(app: &App, area: Rect, buf: &mut Buffer) {
    let title = if app.screen == Screen::Cancelled {
        " Take cancelled "
    } else {
        " Interrupted recording recovered "
    };
    let mut lines = Vec::new();
    if let Some(kept) = app.kept.first() {
        lines.push(Line::from(format!("{:.1} s of audio kept in", kept.duration_s)));
        lines.push(Line::from(kept.path.as_str()).bold());
        if let Some(id) = &kept.question_id {
            lines.push(Line::from(format!("question {id}")));
        }
        if app.kept.len() > 1 {
            lines.push(
                Line::from(format!("({} more after this one)", app.kept.len() - 1)).dark_gray(),
            );
        }
    }
    lines.push(Line::from(""));
    lines.push(Line::from(
        "a: analyse it and save it as a session · d: delete the audio · n: not now",
    ));
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .block(Block::default().borders(Borders::ALL).title(Line::from(title).bold()))
        .render(area, buf);
}

/// The keys of a screen in a box over it: `(key, what it does)`, a section heading
/// where the second is empty.
pub fn render_help(keys: &[(&str, &str)], area: Rect, buf: &mut Buffer) {
    let width = area.width.min(76);
    let height = area.height.min(keys.len() as u16 + 2);
    let [row] = Layout::vertical([Constraint::Length(height)]).flex(Flex::Center).areas(area);
    let [popup] = Layout::horizontal([Constraint::Length(width)]).flex(Flex::Center).areas(row);
    Clear.render(popup, buf);
    let lines: Vec<Line> = keys
        .iter()
        .map(|(key, what)| {
            if what.is_empty() {
                Line::from(*key).bold().underlined()
            } else {
                Line::from(vec![
                    Span::styled(format!("  {key:<18}"), Style::new().fg(Color::Cyan)),
                    Span::raw(*what),
                ])
            }
        })
        .collect();
    Paragraph::new(lines)
        .block(Block::default().borders(Borders::ALL).title(" Keys (any key closes) "))
        .render(popup, buf);
}
