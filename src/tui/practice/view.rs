//! Drawing the practice screen, one function per stage.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Borders, List, ListItem, ListState, Paragraph, StatefulWidget, Widget, Wrap,
};

use super::{PracticeScreen, Stage};
use crate::analysis::timing::clock;
use crate::tui::recording::{FinishingView, RecordingView};

pub fn render(app: &PracticeScreen, area: Rect, buf: &mut Buffer) {
    match (app.stage, &app.runner.question) {
        (Stage::Pick, _) => render_pick(app, area, buf),
        (Stage::Recording, Some(q)) => {
            RecordingView { question: q, live: &app.runner.live, target_s: q.target_s() }
                .render(area, buf)
        }
        (Stage::Finishing, Some(q)) => {
            FinishingView { question: q, live: &app.runner.live }.render(area, buf)
        }
        (Stage::Report, _) => render_report(app, area, buf),
        (Stage::Cancelled, _) => render_cancelled(app, area, buf),
        (Stage::Recovered, _) => render_recovered(app, area, buf),
        _ => {}
    }
}

fn render_pick(app: &PracticeScreen, area: Rect, buf: &mut Buffer) {
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

fn render_report(app: &PracticeScreen, area: Rect, buf: &mut Buffer) {
    let Some(report) = &app.report else { return };
    let question = app.runner.question.as_ref().map_or(String::new(), |q| format!(" {} ", q.id));
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

fn render_cancelled(app: &PracticeScreen, area: Rect, buf: &mut Buffer) {
    let mut lines = vec![Line::from(
        "The take was not analysed. Its audio and what was transcribed so far are kept:",
    )];
    if let Some(kept) = &app.cancelled {
        lines.push(Line::from(kept.as_str()).bold());
    }
    lines.push(Line::from(""));
    lines.push(Line::from(
        "a: analyse it anyway (only the last words are left to transcribe) · d: delete the audio · r: retry · n: not now",
    ));
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .block(Block::default().borders(Borders::ALL).title(Line::from(" Take cancelled ").bold()))
        .render(area, buf);
}

fn render_recovered(app: &PracticeScreen, area: Rect, buf: &mut Buffer) {
    let mut lines = Vec::new();
    if let Some(kept) = app.recovered.first() {
        lines.push(Line::from(format!("{:.1} s of audio kept in", kept.duration_s)));
        lines.push(Line::from(kept.path.as_str()).bold());
        if let Some(id) = &kept.question_id {
            lines.push(Line::from(format!("question {id}")));
        }
        if app.recovered.len() > 1 {
            lines.push(
                Line::from(format!("({} more after this one)", app.recovered.len() - 1))
                    .dark_gray(),
            );
        }
    }
    lines.push(Line::from(""));
    lines.push(Line::from(
        "a: analyse it and save it as a session · d: delete the audio · n: not now",
    ));
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .block(
            Block::default()
                .borders(Borders::ALL)
                .title(Line::from(" Interrupted recording recovered ").bold()),
        )
        .render(area, buf);
}
