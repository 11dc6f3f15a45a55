//! The answer's timeline as an inline SVG picture: when there was speech and when
//! silence, how the time was spent across the STAR parts, where warnings fell, and
//! the 2:10 target and the limit.

use std::fmt::Write as _;

use super::html::escape;
use crate::analysis::report::Report;
use crate::analysis::timing::clock;
use crate::transcript::Transcript;

const WIDTH: f64 = 960.0;
const LEFT: f64 = 92.0;
const RIGHT: f64 = 16.0;
const ROW_H: f64 = 26.0;
/// Gaps between words shorter than this are drawn as continuous speech.
const JOIN_GAP_S: f64 = 0.35;

/// Colours per STAR part (shared with the HTML legend).
pub const PART_COLOURS: [(&str, &str); 6] = [
    ("situation", "#8ab4f8"),
    ("task", "#c58af9"),
    ("action", "#81c995"),
    ("result", "#fdd663"),
    ("principle", "#f28b82"),
    ("reflection", "#78d9ec"),
];

/// The SVG for a timed answer; `None` for typed text (there is no time to draw).
pub fn timeline_svg(r: &Report, t: &Transcript) -> Option<String> {
    let end_s = t.words.iter().filter_map(|w| w.end_s).reduce(f64::max)?;
    let span_s = [Some(end_s), r.limit_s, r.target_s, t.audio_duration_s]
        .into_iter()
        .flatten()
        .fold(0.0, f64::max)
        .max(1.0);
    let x = |s: f64| LEFT + (s / span_s).clamp(0.0, 1.0) * (WIDTH - LEFT - RIGHT);
    let rows = ["Speech", "STAR", "Warnings"];
    let height = 34.0 + ROW_H * rows.len() as f64 + 28.0;
    let mut o = String::new();
    let _ = write!(
        o,
        r#"<svg class="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" role="img" aria-labelledby="tl-title"><title id="tl-title">Timeline of the answer: speech, pauses, STAR parts and warnings over {}</title>"#,
        clock(span_s)
    );
    for (i, name) in rows.iter().enumerate() {
        let y = row_y(i);
        let _ = write!(
            o,
            r##"<text x="{}" y="{}" class="tl-label" text-anchor="end">{name}</text><rect x="{LEFT}" y="{y}" width="{}" height="{}" fill="#f1f3f4"/>"##,
            LEFT - 8.0,
            y + ROW_H * 0.62,
            WIDTH - LEFT - RIGHT,
            ROW_H - 6.0
        );
    }
    speech_row(&mut o, t, &x);
    pause_marks(&mut o, r, &x);
    star_row(&mut o, r, end_s, &x);
    warning_row(&mut o, r, &x);
    axis(&mut o, r, span_s, height, &x);
    o.push_str("</svg>");
    Some(o)
}

fn row_y(i: usize) -> f64 {
    20.0 + i as f64 * ROW_H
}

fn rect(o: &mut String, x0: f64, x1: f64, row: usize, fill: &str, class: &str, title: &str) {
    let _ = write!(
        o,
        r#"<rect class="{class}" x="{x0:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="{fill}"><title>{}</title></rect>"#,
        row_y(row) + 2.0,
        (x1 - x0).max(1.5),
        ROW_H - 10.0,
        escape(title)
    );
}

/// Runs of words, joined across short gaps.
fn speech_row(o: &mut String, t: &Transcript, x: &dyn Fn(f64) -> f64) {
    let mut runs: Vec<(f64, f64)> = Vec::new();
    for w in &t.words {
        let (Some(s), Some(e)) = (w.start_s, w.end_s) else { continue };
        match runs.last_mut() {
            Some(run) if s - run.1 < JOIN_GAP_S => run.1 = run.1.max(e),
            _ => runs.push((s, e)),
        }
    }
    for (s, e) in runs {
        rect(
            o,
            x(s),
            x(e),
            0,
            "#5f6368",
            "tl-speech",
            &format!("speech {}–{}", clock(s), clock(e)),
        );
    }
}

fn pause_marks(o: &mut String, r: &Report, x: &dyn Fn(f64) -> f64) {
    for p in &r.pauses {
        let title = format!("{:.1} s pause at {}", p.duration_s, clock(p.start_s));
        rect(o, x(p.start_s), x(p.start_s + p.duration_s), 0, "#f29900", "tl-pause", &title);
    }
}

/// The parts in the order spoken, each as wide as its share of the speaking time (a
/// part may return later, as a principle named at the end does: its share counts it all).
fn star_row(o: &mut String, r: &Report, end_s: f64, x: &dyn Fn(f64) -> f64) {
    let rank = |name: &str| {
        PART_COLOURS.iter().position(|(n, _)| *n == name).unwrap_or(PART_COLOURS.len())
    };
    let mut parts: Vec<_> = r.star.parts.iter().collect();
    parts.sort_by_key(|p| (p.word_index, rank(&p.part)));
    let first_s = parts.iter().filter_map(|p| p.start_s).reduce(f64::min).unwrap_or(0.0);
    let mut at = first_s;
    for p in parts {
        let width_s = p.share * (end_s - first_s);
        let colour = PART_COLOURS.get(rank(&p.part)).map_or("#dadce0", |c| c.1);
        let when = p.start_s.map(|s| format!(", first at {}", clock(s))).unwrap_or_default();
        let title = format!("{}: {:.0}% of the answer{when}", p.part, p.share * 100.0);
        rect(o, x(at), x(at + width_s), 1, colour, "tl-star", &title);
        if x(at + width_s) - x(at) > 46.0 {
            let _ = write!(
                o,
                r#"<text x="{:.1}" y="{:.1}" class="tl-part">{} {:.0}%</text>"#,
                x(at) + 4.0,
                row_y(1) + ROW_H * 0.6,
                escape(&p.part),
                p.share * 100.0
            );
        }
        at += width_s;
    }
}

fn warning_row(o: &mut String, r: &Report, x: &dyn Fn(f64) -> f64) {
    let y = row_y(2) + 4.0;
    let warnings = r
        .flags
        .iter()
        .filter_map(|f| Some((f.start_s?, f.message.clone())))
        .chain(r.vague.iter().filter_map(|v| Some((v.start_s?, format!("vague: \"{}\"", v.text)))))
        .chain(
            r.fillers
                .items
                .iter()
                .filter_map(|f| Some((f.start_s?, format!("filler: \"{}\"", f.text)))),
        );
    for (at, message) in warnings {
        let cx = x(at);
        let _ = write!(
            o,
            r##"<path class="tl-warning" d="M{cx:.1} {y:.1} l6 12 h-12 z" fill="#d93025"><title>{} at {}</title></path>"##,
            escape(&message),
            clock(at)
        );
    }
}

fn axis(o: &mut String, r: &Report, span_s: f64, height: f64, x: &dyn Fn(f64) -> f64) {
    let base = row_y(3) + 2.0;
    let step = if span_s > 240.0 { 60.0 } else { 30.0 };
    let mut s = 0.0;
    while s <= span_s + 0.01 {
        let _ = write!(
            o,
            r##"<line x1="{0:.1}" x2="{0:.1}" y1="{base}" y2="{1}" stroke="#9aa0a6"/><text x="{0:.1}" y="{2}" class="tl-tick" text-anchor="middle">{3}</text>"##,
            x(s),
            base + 5.0,
            base + 18.0,
            clock(s)
        );
        s += step;
    }
    let marker = |o: &mut String, at: f64, colour: &str, dash: &str, label: &str| {
        // Labels near the right edge end at their line so they are not clipped.
        let anchor = if x(at) > WIDTH - RIGHT - 40.0 { "end" } else { "middle" };
        let _ = write!(
            o,
            r#"<line class="tl-marker" x1="{0:.1}" x2="{0:.1}" y1="12" y2="{1}" stroke="{colour}" stroke-width="2" stroke-dasharray="{dash}"/><text x="{0:.1}" y="10" class="tl-tick" text-anchor="{anchor}" fill="{colour}">{label}</text>"#,
            x(at),
            height - 26.0
        );
    };
    if let Some(target) = r.target_s {
        marker(o, target, "#1a73e8", "5 3", &format!("target {}", clock(target)));
    }
    if let Some(limit) = r.limit_s {
        marker(o, limit, "#d93025", "", &format!("limit {}", clock(limit)));
    }
}
