//! Rendering a Report as terminal text, Markdown, JSON and a self-contained HTML page.

pub mod controls;
pub mod debrief;
pub mod html;
pub mod json;
pub mod markdown;
pub mod marks;
pub mod text;
pub mod timeline;

pub use html::render_html;
pub use json::render_json;
pub use markdown::render_markdown;
pub use text::render_text;

use crate::analysis::report::{Report, Span};
use crate::analysis::timing::clock;
use crate::transcript::Transcript;

/// "at 0:42" for timed findings, "" for typed text.
fn at(start_s: Option<f64>) -> String {
    start_s.map(|s| format!(" at {}", clock(s))).unwrap_or_default()
}

/// Score label against the bar.
fn verdict(r: &Report) -> &'static str {
    if r.score.overall >= r.score.bar {
        "meets the bar"
    } else {
        "below the bar"
    }
}

/// The words around a finding, for context: up to `n` words either side.
fn excerpt(t: &Transcript, span: Span, n: usize) -> String {
    let a = span.word_index.saturating_sub(n);
    let b = (span.word_index + span.word_count + n).min(t.words.len());
    if a >= b {
        return String::new();
    }
    let words: Vec<&str> = t.words[a..b].iter().map(|w| w.text.as_str()).collect();
    format!(
        "{}{}{}",
        if a > 0 { "…" } else { "" },
        words.join(" "),
        if b < t.words.len() { "…" } else { "" }
    )
}

/// A finding's words as shown: "heard as "i ate percent" (unsure)" when they rest on
/// a word the transcriber was unsure of.
fn heard(text: &str, unsure: bool) -> String {
    if unsure {
        format!("heard as \"{text}\" (unsure)")
    } else {
        text.to_string()
    }
}

/// A metric with its role when it is not a result: "3 weeks (time)".
fn with_role(m: &crate::analysis::report::Metric) -> String {
    let text = heard(&m.text, m.unsure);
    if m.role == crate::analysis::roles::RESULT {
        text
    } else {
        format!("{text} ({})", m.role)
    }
}

/// Dimension names in a fixed, readable order.
const DIMENSIONS: [&str; 5] = ["timing", "structure", "specificity", "principles", "delivery"];

fn dimensions(r: &Report) -> Vec<(&'static str, f64)> {
    DIMENSIONS.iter().filter_map(|d| r.score.dimensions.get(*d).map(|v| (*d, *v))).collect()
}
