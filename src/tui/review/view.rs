//! Drawing the review screen: header, marked transcript, side panel, legend and keys.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use super::{panel, Review};
use crate::analysis::timing::clock;
use crate::report::marks::Mark;

/// The style of each kind of finding in the transcript.
pub fn mark_style(mark: Mark) -> Style {
    match mark {
        Mark::Metric => Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
        Mark::Principle => {
            Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        }
        Mark::Vague => Style::new().fg(Color::Yellow).add_modifier(Modifier::UNDERLINED),
        Mark::Filler => Style::new().fg(Color::Red),
        Mark::Hedge => Style::new().fg(Color::Magenta).add_modifier(Modifier::ITALIC),
        Mark::Pause => Style::new().fg(Color::LightYellow).add_modifier(Modifier::DIM),
        Mark::Cutoff => Style::new().fg(Color::DarkGray).add_modifier(Modifier::CROSSED_OUT),
    }
}

const SELECTED_BG: Color = Color::Rgb(40, 44, 60);

impl Widget for &Review {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let [head, body, legend] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(5), Constraint::Length(1)])
                .areas(area);
        header(self, head, buf);
        let side_width = (area.width * 2 / 5).clamp(28, 44);
        let [text_area, side] =
            Layout::horizontal([Constraint::Min(30), Constraint::Length(side_width)]).areas(body);
        transcript(self, text_area, buf);
        panel::render(self, side, buf);
        legend_line(self, legend, buf);
    }
}

fn header(r: &Review, area: Rect, buf: &mut Buffer) {
    let rep = &r.data.report;
    let mut spans = vec![
        Span::styled(format!(" #{} ", r.data.attempt_id), Style::new().reversed()),
        Span::raw(" "),
        Span::styled(r.data.title.clone(), Style::new().bold()),
    ];
    spans.push(Span::raw(format!(
        "  {} · {}",
        rep.kind,
        r.data.started_at.format("%Y-%m-%d %H:%M")
    )));
    Line::from(spans).render(area, buf);
}

/// Follows a word the transcriber was unsure of, as in the text report.
const UNSURE_SIGN: &str = "(?)";

fn unsure_style() -> Style {
    Style::new().fg(Color::DarkGray)
}

/// The transcript wrapped to the area, one sentence per line, the selected line
/// highlighted and kept in view.
fn transcript(r: &Review, area: Rect, buf: &mut Buffer) {
    let block = Block::new().borders(Borders::RIGHT).title(" Transcript ");
    let inner = block.inner(area);
    block.render(area, buf);
    let width = inner.width.max(10) as usize;
    let mut rows: Vec<Line> = Vec::new();
    let mut selected_rows = (0, 0);
    let words = &r.data.transcript.words;
    let cut = r.data.report.cutoff.as_ref();
    let focus = r.selected_finding.map(|i| &r.marks.findings[i]);
    for (li, line) in r.lines.iter().enumerate() {
        let first_row = rows.len();
        let selected = li == r.selected_line;
        let stamp = line.start_s.map(clock).unwrap_or_default();
        let mut pieces: Vec<Span> =
            vec![Span::styled(format!("{stamp:>5} "), Style::new().dark_gray())];
        for (i, word) in words.iter().enumerate().take(line.end).skip(line.first) {
            if cut.is_some_and(|c| c.word_index == i) {
                flush(&mut rows, &mut pieces, width);
                let at = cut.map_or(0.0, |c| c.at_s);
                rows.push(Line::from(Span::styled(
                    format!("  ✂ cut off at {}", clock(at)),
                    Style::new().red().bold(),
                )));
                pieces.push(Span::raw("      "));
            }
            let mut style = r.marks.main(i).map(mark_style).unwrap_or_default();
            if focus.is_some_and(|f| i >= f.word_index && i < f.word_index + f.word_count.max(1)) {
                style = style.add_modifier(Modifier::REVERSED);
            }
            pieces.push(Span::styled(word.text.clone(), style));
            if r.marks.unsure(i) {
                pieces.push(Span::styled(UNSURE_SIGN, unsure_style()));
            }
            if let Some(p) = r.marks.pause_after(i) {
                pieces.push(Span::styled(format!("⏸{p:.1}s"), mark_style(Mark::Pause)));
            }
        }
        flush(&mut rows, &mut pieces, width);
        if selected {
            selected_rows = (first_row, rows.len());
            for row in &mut rows[first_row..] {
                *row = std::mem::take(row).style(Style::new().bg(SELECTED_BG));
            }
        }
    }
    let height = inner.height as usize;
    // Keep the selected line a third of the way down once the text scrolls.
    let offset = selected_rows.0.saturating_sub(height / 3).min(rows.len().saturating_sub(height));
    let offset = if selected_rows.1 > offset + height { selected_rows.1 - height } else { offset };
    Paragraph::new(rows.into_iter().skip(offset).take(height).collect::<Vec<_>>())
        .render(inner, buf);
}

/// Word-wraps `pieces` (a timestamp then words) into rows of at most `width` cells,
/// continuation rows indented under the first word.
fn flush(rows: &mut Vec<Line<'static>>, pieces: &mut Vec<Span<'static>>, width: usize) {
    if pieces.len() <= 1 {
        pieces.clear();
        return;
    }
    let mut row: Vec<Span> = Vec::new();
    let mut used = 0;
    for (k, piece) in pieces.drain(..).enumerate() {
        let w = piece.width();
        if k > 1 && used + 1 + w > width {
            rows.push(Line::from(std::mem::take(&mut row)));
            row.push(Span::raw("      "));
            used = 6;
        } else if k > 1 {
            row.push(Span::raw(" "));
            used += 1;
        }
        used += w;
        row.push(piece);
    }
    rows.push(Line::from(row));
}

fn legend_line(r: &Review, area: Rect, buf: &mut Buffer) {
    let mut spans = vec![Span::raw(" ")];
    for m in r.marks.present() {
        spans.push(Span::styled(m.as_str(), mark_style(m)));
        spans.push(Span::raw("  "));
    }
    if r.marks.any_unsure() {
        spans.push(Span::styled(format!("{UNSURE_SIGN} heard unsure"), unsure_style()));
    }
    if spans.len() == 1 {
        spans.push(Span::styled("no findings marked", Style::new().dark_gray()));
    }
    Line::from(spans).render(area, buf);
}
