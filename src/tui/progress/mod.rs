//! The progress screen: the 16 principles (gaps first), the preparation checklist,
//! trends as terminal charts, and what to practise next, each suggestion one enter
//! away from a take.

mod screen;

pub use screen::ProgressScreen;

use anyhow::Result;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style, Stylize};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Axis, Block, Borders, Chart, Dataset, GraphType, Paragraph, Row, Table, Widget,
};

use crate::bank::Bank;
use crate::progress::checklist::{self, ChecklistItem, LoopRef};
use crate::progress::load::{story_refs, takes};
use crate::progress::next::{self, Focus, Suggestion};
use crate::progress::principles::{principle_progress, PrincipleProgress};
use crate::progress::trends::{trends, Trend};
use crate::store::{AttemptFilter, Store};

/// Everything the screen shows, computed from history.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ProgressView {
    pub takes: usize,
    pub principles: Vec<PrincipleProgress>,
    pub checklist: Vec<ChecklistItem>,
    pub trends: Vec<Trend>,
    pub next: Vec<Suggestion>,
}

impl ProgressView {
    /// Progress from the history in `store` (an empty history when there is none yet).
    pub fn load(store: Option<&Store>, bank: Option<&Bank>) -> Result<ProgressView> {
        let (attempts, stories, loops) = match store {
            Some(store) => {
                let loops: Vec<LoopRef> = store
                    .loops()?
                    .iter()
                    .map(|l| LoopRef {
                        session_id: l.session_id,
                        finished: l.finished_at.is_some(),
                    })
                    .collect();
                (store.attempts(&AttemptFilter::default())?, store.stories()?, loops)
            }
            None => (vec![], vec![], vec![]),
        };
        let takes = takes(&attempts, bank);
        let stories = story_refs(&stories);
        let principles = principle_progress(&takes, &stories);
        Ok(ProgressView {
            takes: takes.len(),
            checklist: checklist::checklist(&takes, &stories, &loops),
            trends: trends(&takes),
            next: next::practise_next(&principles, &takes),
            principles,
        })
    }

    /// Draws the screen with the `selected` suggestion of "Practise next" marked.
    pub fn render(&self, selected: usize, area: Rect, buf: &mut Buffer) {
        let [title, body] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(10)]).areas(area);
        Line::from(vec![
            " Progress ".reversed(),
            Span::raw(format!("  {} answers practised", self.takes)),
        ])
        .render(title, buf);
        let [principles, right] =
            Layout::horizontal([Constraint::Percentage(56), Constraint::Percentage(44)])
                .areas(body);
        principle_table(&self.principles, principles, buf);
        let [checklist_area, trends_area, next_area, chart_area] = Layout::vertical([
            Constraint::Length(8),
            Constraint::Length(self.trends.len() as u16 + 2),
            Constraint::Length(6),
            Constraint::Min(0),
        ])
        .areas(right);
        checklist(&self.checklist, checklist_area, buf);
        trend_lines(&self.trends, trends_area, buf);
        practise_next(&self.next, selected, next_area, buf);
        if chart_area.height >= 6 {
            score_chart(&self.trends[0], chart_area, buf);
        }
    }
}

fn principle_table(rows: &[PrincipleProgress], area: Rect, buf: &mut Buffer) {
    let header =
        Row::new(["Principle", "Story", "Takes", "Best", "Last"]).style(Style::new().bold());
    let body = rows.iter().map(|r| {
        let style = if r.is_gap() { Style::new().fg(Color::Red) } else { Style::new() };
        Row::new([
            r.name.to_string(),
            r.stories.to_string(),
            r.takes.to_string(),
            r.best_score.map(|s| format!("{s:.1}")).unwrap_or_else(|| "–".into()),
            r.last_practised
                .map(|t| t.format("%b %d").to_string())
                .unwrap_or_else(|| "never".into()),
        ])
        .style(style)
    });
    let widths = [
        Constraint::Min(16),
        Constraint::Length(5),
        Constraint::Length(5),
        Constraint::Length(4),
        Constraint::Length(6),
    ];
    Widget::render(
        Table::new(body, widths).header(header).block(
            Block::new().borders(Borders::ALL).title(" Leadership Principles (gaps first) "),
        ),
        area,
        buf,
    );
}

fn checklist(items: &[ChecklistItem], area: Rect, buf: &mut Buffer) {
    let block = Block::new().borders(Borders::ALL).title(" Preparation checklist ");
    let inner = block.inner(area);
    block.render(area, buf);
    let bar_width = 8;
    let lines: Vec<Line> = items
        .iter()
        .map(|i| {
            let filled = (i.fraction() * bar_width as f64).round() as usize;
            let colour = if i.complete() { Color::Green } else { Color::Yellow };
            let done = if i.target < 100.0 && i.done.fract() != 0.0 {
                format!("{:.1}", i.done)
            } else {
                format!("{:.0}", i.done)
            };
            Line::from(vec![
                Span::styled("█".repeat(filled), Style::new().fg(colour)),
                Span::styled("░".repeat(bar_width - filled), Style::new().dark_gray()),
                Span::raw(format!(" {done}/{:.0} {}", i.target, i.item)),
            ])
        })
        .collect();
    Paragraph::new(lines).render(inner, buf);
}

fn practise_next(next: &[Suggestion], selected: usize, area: Rect, buf: &mut Buffer) {
    let block = Block::new().borders(Borders::ALL).title(" Practise next ");
    let lines: Vec<Line> = if next.is_empty() {
        vec![Line::from("Nothing stands out: keep the rhythm.".green())]
    } else {
        next.iter()
            .enumerate()
            .map(|(i, s)| {
                let what = match &s.focus {
                    Focus::Principle(p) => p.clone(),
                    Focus::Round(k) => format!("{k} questions"),
                };
                let line = Line::from(vec![
                    Span::raw(if i == selected { "› " } else { "  " }),
                    Span::styled(what, Style::new().bold()),
                    Span::raw(format!(": {}", s.reason)),
                ]);
                if i == selected {
                    line.reversed()
                } else {
                    line
                }
            })
            .collect()
    };
    Paragraph::new(lines)
        .wrap(ratatui::widgets::Wrap { trim: true })
        .block(block)
        .render(area, buf);
}

fn score_chart(score: &Trend, area: Rect, buf: &mut Buffer) {
    let points: Vec<(f64, f64)> = score
        .values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| Some(((i + 1) as f64, (*v)?)))
        .collect();
    let bar: Vec<(f64, f64)> = vec![(1.0, 3.5), (points.len().max(2) as f64, 3.5)];
    let datasets = vec![
        Dataset::default()
            .name("bar 3.5")
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .style(Style::new().dark_gray())
            .data(&bar),
        Dataset::default()
            .name("score")
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .style(Style::new().cyan())
            .data(&points),
    ];
    let n = points.len().max(2) as f64;
    Widget::render(
        Chart::new(datasets)
            .block(Block::new().borders(Borders::ALL).title(" Score by take "))
            .x_axis(Axis::default().bounds([1.0, n]).labels(["1".to_string(), format!("{n:.0}")]))
            .y_axis(Axis::default().bounds([1.0, 4.0]).labels(["1", "2.5", "4"])),
        area,
        buf,
    );
}

fn trend_lines(trends: &[Trend], area: Rect, buf: &mut Buffer) {
    let block = Block::new().borders(Borders::ALL).title(" Trends (oldest → newest) ");
    let spark_width = (area.width as usize).saturating_sub(34).max(4);
    let lines: Vec<Line> = trends
        .iter()
        .map(|t| {
            let spark: String = {
                let s = t.sparkline();
                let skip = s.chars().count().saturating_sub(spark_width);
                s.chars().skip(skip).collect()
            };
            let latest = t
                .latest()
                .map(|v| format!("{v:.1} {}", t.unit).trim_end().to_string())
                .unwrap_or_else(|| "–".into());
            let arrow = match t.change {
                Some(c) if c.abs() < 1e-9 => Span::raw(" ="),
                Some(c) => {
                    let good = (c > 0.0) == t.higher_is_better;
                    Span::styled(
                        format!(" {}{:.1}", if c > 0.0 { "↑" } else { "↓" }, c.abs()),
                        Style::new().fg(if good { Color::Green } else { Color::Red }),
                    )
                }
                None => Span::raw(""),
            };
            Line::from(vec![
                Span::raw(format!("{:<18}", t.name)),
                Span::styled(spark, Style::new().cyan()),
                Span::raw(format!(" {latest}")),
                arrow,
            ])
        })
        .collect();
    Paragraph::new(lines).block(block).render(area, buf);
}
