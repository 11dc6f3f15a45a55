//! The report as Markdown for notes: summary, findings, and the transcript with
//! metrics in bold and vague phrases in italics.

use std::fmt::Write as _;

use super::{at, dimensions, verdict};
use crate::analysis::report::Report;
use crate::analysis::timing::clock;
use crate::transcript::Transcript;

pub fn render_markdown(r: &Report, t: &Transcript) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "# {} answer{}\n",
        r.kind,
        r.question_id.as_ref().map(|q| format!(" — {}", html(q))).unwrap_or_default()
    );
    let _ = writeln!(
        o,
        "**Score {:.1} / 4** ({}; bar {:.1})\n",
        r.score.overall,
        verdict(r),
        r.score.bar
    );
    let _ = writeln!(o, "| Dimension | Score |\n|---|---|");
    for (d, v) in dimensions(r) {
        let _ = writeln!(o, "| {d} | {v:.1} |");
    }
    let _ = writeln!(o);
    match (r.duration_s, r.limit_s) {
        (Some(d), Some(l)) => {
            let _ = writeln!(
                o,
                "- **Time:** {} of {}{}",
                clock(d),
                clock(l),
                if r.over_limit == Some(true) { " (over the limit)" } else { "" }
            );
        }
        (Some(d), None) => {
            let _ = writeln!(o, "- **Time:** {}", clock(d));
        }
        (None, _) => {
            if let Some(e) = r.spoken_estimate_s {
                let _ = writeln!(o, "- **Time:** typed text, about {} to say", clock(e));
            }
        }
    }
    let _ = writeln!(
        o,
        "- **Words:** {}{}",
        r.words,
        r.wpm.map(|w| format!(" at {w:.0} wpm")).unwrap_or_default()
    );
    let list =
        |items: Vec<String>| if items.is_empty() { "none".to_string() } else { items.join(", ") };
    let _ = writeln!(
        o,
        "- **Results ({}):** {}",
        r.metrics.iter().filter(|m| m.role == crate::analysis::roles::RESULT).count(),
        list(
            r.metrics
                .iter()
                .filter(|m| m.role == crate::analysis::roles::RESULT)
                .map(|m| format!("{} ({})", super::heard(&html(&m.text), m.unsure), m.kind))
                .collect()
        )
    );
    let setup: Vec<String> = r
        .metrics
        .iter()
        .filter(|m| m.role != crate::analysis::roles::RESULT)
        .map(super::with_role)
        .collect();
    if !setup.is_empty() {
        let _ = writeln!(o, "- **Setup:** {}", setup.join(", "));
    }
    let _ = writeln!(
        o,
        "- **Principles:** {}",
        list(
            r.principles
                .iter()
                .map(|p| match (p.explicit, p.near_miss) {
                    (true, true) => format!("{} (named, heard as \"{}\")", p.name, p.text),
                    (true, false) => format!("{} (named)", p.name),
                    _ => format!("{} (hinted)", p.name),
                })
                .collect()
        )
    );
    let star: Vec<String> = r
        .star
        .parts
        .iter()
        .map(|s| format!("{} {:.0}%{}", s.part, s.share * 100.0, at(s.start_s)))
        .collect();
    if r.framework.is_empty() {
        let _ = writeln!(o, "- **STAR-LP:** {}", list(star));
    }
    let _ = writeln!(o, "- **Ownership:** I {} / we {}", r.ownership.i, r.ownership.we);
    let _ = writeln!(
        o,
        "- **Fillers:** {}{} · **hedges:** {}",
        r.fillers.count,
        if r.fillers.lower_bound { " (at least)" } else { "" },
        r.hedges.count
    );
    if !r.framework.is_empty() {
        let _ = writeln!(o, "\n## Framework\n");
        for i in &r.framework {
            let _ = writeln!(o, "- [{}] {}", if i.covered { "x" } else { " " }, html(&i.item));
        }
    }
    if !r.vague.is_empty() {
        let _ = writeln!(o, "\n## Vague phrases\n");
        for v in &r.vague {
            let text = super::heard(&html(&v.text), v.unsure);
            let _ = writeln!(o, "- *{text}*{}: {}", at(v.start_s), html(&v.suggestion));
        }
    }
    if !r.flags.is_empty() {
        let _ = writeln!(o, "\n## Flags\n");
        for f in &r.flags {
            let _ = writeln!(o, "- {}{}", html(&f.message), at(f.start_s));
        }
    }
    if !r.followups.is_empty() {
        let _ = writeln!(o, "\n## Follow-up questions\n");
        for q in &r.followups {
            let _ = writeln!(o, "1. {}", html(q));
        }
    }
    let _ = writeln!(o, "\n## Transcript\n\n{}", marked(r, t));
    o
}

/// The transcript with metrics and principles in bold, vague phrases in italics, and
/// words heard with low confidence followed by "(?)".
fn marked(r: &Report, t: &Transcript) -> String {
    let n = t.words.len();
    let mut open = vec![String::new(); n];
    let mut close = vec![String::new(); n];
    let mut mark = |span: crate::analysis::report::Span, m: &str| {
        if span.word_count == 0 || span.word_index >= n {
            return;
        }
        let last = (span.word_index + span.word_count - 1).min(n - 1);
        open[span.word_index].push_str(m);
        close[last].insert_str(0, m);
    };
    for m in &r.metrics {
        mark(m.span, "**");
    }
    for p in &r.principles {
        mark(p.span, "**");
    }
    for v in &r.vague {
        mark(v.span, "_");
    }
    let mut out = String::new();
    for (k, w) in t.words.iter().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        // "(?)": heard with low confidence.
        let unsure = if r.unsure_words.binary_search(&k).is_ok() { "(?)" } else { "" };
        let _ =
            write!(out, "{}{}{}{unsure}", open[k], html(&w.text.replace(['*', '_'], "")), close[k]);
    }
    out
}

/// Text from the answer, escaped so that Markdown viewers show HTML in it as
/// written instead of rendering it.
fn html(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}
