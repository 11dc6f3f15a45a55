//! The drill screen: the takes of one question or story against the target, each
//! take's distance from it, a sparkline of durations, the tighten steps, and a
//! call-out for any take that got shorter by getting emptier. A key records the next
//! take right here, against the drill's target (see [`DrillScreen`]).

mod keys;
mod load;
mod screen;

pub use screen::DrillScreen;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Row, Table, Widget, Wrap};

use super::recording::{FinishingView, LiveView, QuestionItem, RecordingView};
use crate::analysis::timing::clock;
use crate::progress::drill::{signed_clock, DrillSeries, TIGHTEN_STEPS};

/// What the drill is doing right now.
#[derive(Debug, Clone, PartialEq)]
pub enum DrillStatus {
    /// Showing the takes, waiting for the next one.
    Ready,
    /// A take is being recorded.
    Recording(LiveView),
    /// Stopped: the last words are being transcribed, then the take is saved.
    Finishing(LiveView),
}

#[derive(Debug, Clone)]
pub struct DrillView {
    /// The question or story being drilled.
    pub title: String,
    pub tighten: bool,
    pub series: DrillSeries,
    pub status: DrillStatus,
    /// The question a new take answers, when it is known.
    pub question: Option<QuestionItem>,
    /// A one-line note (what just happened, errors).
    pub message: Option<String>,
}

impl Widget for &DrillView {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let [head, body] =
            Layout::vertical([Constraint::Length(2), Constraint::Min(4)]).areas(area);
        header(self, head, buf);
        match (&self.status, &self.question) {
            (DrillStatus::Recording(live), Some(question)) => {
                RecordingView { question, live, target_s: self.series.next_target_s }
                    .render(body, buf)
            }
            (DrillStatus::Finishing(live), Some(question)) => {
                FinishingView { question, live }.render(body, buf)
            }
            _ => takes(self, body, buf),
        }
    }
}

/// The takes, the sparkline and the call-outs.
fn takes(v: &DrillView, area: Rect, buf: &mut Buffer) {
    let [table, spark, callouts] =
        Layout::vertical([Constraint::Min(4), Constraint::Length(2), Constraint::Length(3)])
            .areas(area);
    takes_table(&v.series, table, buf);
    let s = &v.series;
    Paragraph::new(vec![
        Line::from(vec![
            Span::raw(" Durations "),
            Span::styled(s.sparkline.clone(), Style::new().cyan()),
        ]),
        Line::from(format!(" Next take: aim under {}", clock(s.next_target_s)).bold()),
    ])
    .render(spark, buf);
    let emptier: Vec<Line> = s
        .rows
        .iter()
        .filter_map(|r| {
            Some(Line::from(Span::styled(
                format!(" #{}: {}", r.take_id, r.emptier.as_ref()?),
                Style::new().red(),
            )))
        })
        .collect();
    let note = if emptier.is_empty() {
        vec![Line::from(
            " Shorter must not mean emptier: keep your metrics and your principle.".dark_gray(),
        )]
    } else {
        emptier
    };
    Paragraph::new(note).wrap(Wrap { trim: false }).render(callouts, buf);
}

fn header(v: &DrillView, area: Rect, buf: &mut Buffer) {
    let mode = if v.tighten {
        let steps: Vec<String> = TIGHTEN_STEPS.iter().map(|s| clock(*s)).collect();
        format!("tighten {} · now {}", steps.join(" → "), clock(v.series.next_target_s))
    } else {
        format!("target {}", clock(v.series.next_target_s))
    };
    Paragraph::new(vec![
        Line::from(vec![" Drill ".reversed(), Span::raw(format!("  {mode}"))]),
        Line::from(Span::styled(format!(" {}", v.title), Style::new().bold())),
    ])
    .render(area, buf);
}

fn takes_table(s: &DrillSeries, area: Rect, buf: &mut Buffer) {
    let header = Row::new(["Take", "Time", "Target", "Distance", "Metrics", "LPs"])
        .style(Style::new().bold());
    let rows = s.rows.iter().map(|r| {
        let distance = match r.distance_s {
            Some(d) => {
                let colour = if r.landed() {
                    Color::Green
                } else if d > 0.0 {
                    Color::Yellow
                } else {
                    Color::Red
                };
                let tick = if r.landed() { " ✓" } else { "" };
                Span::styled(format!("{}{tick}", signed_clock(d)), Style::new().fg(colour))
            }
            None => Span::raw("–"),
        };
        Row::new(vec![
            Line::from(format!("#{}", r.take_id)),
            Line::from(r.duration_s.map(clock).unwrap_or_else(|| "–".into())),
            Line::from(clock(r.target_s)),
            Line::from(distance),
            Line::from(r.metrics.to_string()),
            Line::from(r.principles.to_string()),
        ])
    });
    let widths = [6, 6, 7, 10, 8, 4].map(Constraint::Length);
    let title = if s.rows.is_empty() { " Takes: none yet " } else { " Takes " };
    Widget::render(
        Table::new(rows, widths)
            .header(header)
            .block(Block::new().borders(Borders::ALL).title(title)),
        area,
        buf,
    );
}
