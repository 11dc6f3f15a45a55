//! The review screen's side panel: timing bar with the limit and the 2:10 target, the
//! STAR timeline, scores, follow-up questions and the change since the previous take.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::Review;
use crate::analysis::report::Report;
use crate::analysis::timing::clock;
use crate::progress::compare::Comparison;

/// Letters and colours of the STAR-LP parts, in order, then the lesson learned.
const PARTS: [(&str, char, Color); 6] = [
    ("situation", 'S', Color::Blue),
    ("task", 'T', Color::Magenta),
    ("action", 'A', Color::Green),
    ("result", 'R', Color::Yellow),
    ("principle", 'P', Color::Red),
    ("reflection", 'L', Color::Cyan),
];
/// The lesson is welcome but not part of STAR-LP, so it is never "missing".
const REQUIRED: usize = 5;

pub fn render(r: &Review, area: Rect, buf: &mut Buffer) {
    let rep = &r.data.report;
    let bar_width = area.width.saturating_sub(3) as usize;
    let mut lines: Vec<Line> = Vec::new();
    lines.push(Line::from(" Time".bold()));
    lines.extend(timing(rep, bar_width));
    lines.push(Line::default());
    lines.push(Line::from(" STAR".bold()));
    lines.extend(star(rep, bar_width));
    lines.push(Line::default());
    lines.extend(scores(rep));
    if let Some(c) = &r.data.since_previous {
        lines.push(Line::default());
        lines.extend(since(c));
    }
    if !rep.followups.is_empty() {
        lines.push(Line::default());
        lines.push(Line::from(" Follow-ups".bold()));
        for (i, f) in rep.followups.iter().enumerate() {
            lines.push(Line::from(format!(" {}. {f}", i + 1)));
        }
    }
    Paragraph::new(lines).wrap(Wrap { trim: false }).render(area, buf);
}

/// `[████████░░│░░]` filled to the duration, `│` at the target, the bar's end at the limit.
fn timing(rep: &Report, width: usize) -> Vec<Line<'static>> {
    let (Some(d), Some(limit)) = (rep.duration_s, rep.limit_s) else {
        let text = match rep.spoken_estimate_s {
            Some(e) => format!(" typed text, about {} to say", clock(e)),
            None => " no timing".to_string(),
        };
        return vec![Line::from(text)];
    };
    let span = limit.max(d);
    let cells = |s: f64| ((s / span) * width as f64).round() as usize;
    let (filled, target) = (cells(d.min(span)), rep.target_s.map(cells));
    // Past the limit the bar runs to the duration; mark where the limit fell.
    let limit_cell = (d > limit).then(|| cells(limit));
    let colour = if d > limit {
        Color::Red
    } else if rep.target_s.is_some_and(|t| d > t) {
        Color::Yellow
    } else {
        Color::Green
    };
    let bar: Vec<Span> = (0..width)
        .map(|i| {
            if Some(i) == target {
                Span::styled("│", Style::new().fg(Color::Cyan).bold())
            } else if Some(i) == limit_cell {
                Span::styled("┃", Style::new().fg(Color::White).bg(Color::Red))
            } else if i < filled {
                Span::styled("█", Style::new().fg(colour))
            } else {
                Span::styled("░", Style::new().dark_gray())
            }
        })
        .collect();
    let mut line = vec![Span::raw(" ")];
    line.extend(bar);
    let mut verdict = format!(" {} of {}", clock(d), clock(limit));
    if let Some(t) = rep.target_s {
        let off = d - t;
        let word = if off > 0.0 { "over" } else { "under" };
        verdict.push_str(&format!(" · {}s {word} the {} target", off.abs().round(), clock(t)));
    }
    vec![Line::from(line), Line::from(verdict)]
}

/// The parts in the order spoken, each as wide as its share of the answer.
fn star(rep: &Report, width: usize) -> Vec<Line<'static>> {
    let mut parts: Vec<_> = rep.star.parts.iter().collect();
    parts.sort_by_key(|p| p.word_index);
    let mut bar = vec![Span::raw(" ")];
    let mut legend = vec![Span::raw(" ")];
    for p in &parts {
        let Some(&(_, letter, colour)) = PARTS.iter().find(|(n, _, _)| *n == p.part) else {
            continue;
        };
        let cells = ((p.share * width as f64).round() as usize).max(1);
        bar.push(Span::styled(
            letter.to_string().repeat(cells),
            Style::new().fg(Color::Black).bg(colour),
        ));
        legend.push(Span::styled(
            format!("{letter} {:.0}% ", p.share * 100.0),
            Style::new().fg(colour),
        ));
    }
    let missing: Vec<&str> = PARTS[..REQUIRED]
        .iter()
        .filter(|(n, _, _)| !parts.iter().any(|p| p.part == *n))
        .map(|(n, _, _)| *n)
        .collect();
    let mut out = vec![Line::from(bar), Line::from(legend)];
    if !missing.is_empty() {
        out.push(Line::from(Span::styled(
            format!(" missing: {}", missing.join(", ")),
            Style::new().red(),
        )));
    }
    out
}

fn scores(rep: &Report) -> Vec<Line<'static>> {
    let s = &rep.score;
    let colour = if s.overall >= s.bar { Color::Green } else { Color::Red };
    let mut out = vec![Line::from(vec![
        " Score ".bold(),
        Span::styled(format!("{:.1}", s.overall), Style::new().fg(colour).bold()),
        Span::raw(format!(" / 4 (bar {:.1})", s.bar)),
    ])];
    for (name, v) in &s.dimensions {
        let cells = ((v / 4.0) * 8.0).round() as usize;
        out.push(Line::from(vec![
            Span::raw(format!(" {name:<12}")),
            Span::styled(
                "■".repeat(cells),
                Style::new().fg(if *v >= s.bar { Color::Green } else { Color::Yellow }),
            ),
            Span::raw(format!("{} {v:.1}", " ".repeat(8 - cells.min(8)))),
        ]));
    }
    out
}

fn since(c: &Comparison) -> Vec<Line<'static>> {
    let mut out = vec![Line::from(format!(" Since take #{}", c.before_id).bold())];
    if let Some(d) = c.duration_change_s {
        out.push(Line::from(format!(" {}{:.0} s", if d >= 0.0 { "+" } else { "−" }, d.abs())));
    }
    for n in &c.numbers_changed {
        out.push(Line::from(format!(" {} → {}", n.before, n.after)));
    }
    let list = |v: Vec<String>| v.join(", ");
    if !c.metrics_added.is_empty() || !c.principles_added.is_empty() {
        let mut added: Vec<String> = c.metrics_added.iter().map(|m| m.text.clone()).collect();
        added.extend(c.principles_added.iter().cloned());
        out.push(Line::from(Span::styled(format!(" + {}", list(added)), Style::new().green())));
    }
    if !c.metrics_dropped.is_empty() || !c.principles_dropped.is_empty() {
        let mut dropped: Vec<String> = c.metrics_dropped.iter().map(|m| m.text.clone()).collect();
        dropped.extend(c.principles_dropped.iter().cloned());
        out.push(Line::from(Span::styled(format!(" − {}", list(dropped)), Style::new().red())));
    }
    if c.shorter_but_emptier() {
        out.push(Line::from(Span::styled(" shorter, but emptier", Style::new().red().bold())));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{analyze, Context, Lexicon};
    use crate::round::Kind;
    use crate::transcript::Transcript;

    fn star_text(answer: &str) -> String {
        let report = analyze(
            &Transcript::from_text(answer),
            &Context::for_kind(Kind::Behavioral),
            &Lexicon::builtin(),
        );
        star(&report, 40).iter().map(|l| l.to_string() + "\n").collect()
    }

    #[test]
    fn the_lesson_learned_is_drawn_and_never_missing() {
        let told = star_text("I rebuilt the checkout and conversion rose 12%. Looking back, I learned to test earlier.");
        assert!(told.contains('L') && told.contains("L "), "{told}");
        assert!(!told.contains("reflection"), "{told}");
        let untold = star_text("I rebuilt the checkout and conversion rose 12%.");
        assert!(!untold.contains("L "), "{untold}");
        assert!(!untold.contains("reflection"), "{untold}");
    }
}
