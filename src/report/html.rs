//! The report as one self-contained HTML page (inline CSS and SVG, no scripts, no
//! external assets) that a candidate can share with a mock-interview partner: scores,
//! the timeline picture, the transcript with every finding highlighted in place and a
//! legend, the findings with suggestions, and the follow-up questions.

use std::fmt::Write as _;

use super::marks::{sentence_lines, Mark, Marks};
use super::timeline::{timeline_svg, PART_COLOURS};
use super::{dimensions, verdict};
use crate::analysis::report::Report;
use crate::analysis::timing::clock;
use crate::transcript::Transcript;

/// What the page says about where the answer came from.
#[derive(Debug, Clone, Default)]
pub struct PageInfo {
    /// The question asked, if known.
    pub question: Option<String>,
    /// When it was practised, as the reader should see it.
    pub practised_at: Option<String>,
    /// The session's id in the store.
    pub session: Option<String>,
}

/// Escapes text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

pub(super) const STYLE: &str = r#"
body{font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#202124;max-width:1000px;margin:24px auto;padding:0 16px}
h1{font-size:1.5em;margin:0 0 4px}h2{font-size:1.15em;margin:28px 0 8px;border-bottom:1px solid #dadce0}
.meta{color:#5f6368;margin:0}
.score{display:flex;gap:24px;align-items:center;flex-wrap:wrap}
.overall{font-size:2.4em;font-weight:700}.pass{color:#188038}.fail{color:#d93025}
.dims{display:grid;grid-template-columns:110px 200px 40px;gap:4px 10px;align-items:center}
.bar{background:#f1f3f4;height:10px;border-radius:5px}.bar>i{display:block;height:10px;border-radius:5px;background:#1a73e8}
.timeline{max-width:100%;height:auto;font-size:12px}.tl-label{font-weight:600;fill:#3c4043}.tl-tick{fill:#5f6368}.tl-part{fill:#202124}
.legend span{margin-right:10px;white-space:nowrap}
.transcript p{margin:6px 0}.ts{color:#80868b;font:12px monospace;margin-right:8px}
.metric{background:#ceead6;font-weight:600}.principle{background:#d2e3fc;text-decoration:underline 2px #1a73e8}
.vague{background:#fce8b2;text-decoration:underline wavy #e37400}.filler{color:#a50e0e;background:#fad2cf}
.hedge{color:#7627bb;font-style:italic}.cutoff{color:#9aa0a6;text-decoration:line-through}
.pause{color:#e37400;font:12px monospace;padding:0 3px}
.unsure{text-decoration:underline dotted #80868b}.unsure sup{color:#80868b}
.cut{display:block;color:#d93025;font-weight:700;margin:6px 0}
mark{border-radius:3px;padding:0 1px;color:inherit;background:none}
table{border-collapse:collapse}td,th{padding:3px 10px 3px 0;text-align:left;vertical-align:top}
.flag{color:#d93025}footer{margin-top:32px;color:#80868b;font-size:.85em}
"#;

/// The whole page.
pub fn render_html(r: &Report, t: &Transcript, info: &PageInfo) -> String {
    let marks = Marks::new(r, t);
    let mut o = String::new();
    let title = info.question.clone().unwrap_or_else(|| format!("{} answer", r.kind));
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title><style>{STYLE}</style></head><body>",
        escape(&title)
    );
    header(&mut o, r, info, &title);
    scores(&mut o, r);
    if let Some(svg) = timeline_svg(r, t) {
        let _ = write!(o, "<section><h2>Timeline</h2>{svg}{}</section>", star_legend());
    }
    transcript(&mut o, r, t, &marks);
    findings(&mut o, r);
    if !r.followups.is_empty() {
        o.push_str(
            "<section><h2>Follow-up questions a bar raiser would ask</h2><ol class=\"followups\">",
        );
        for f in &r.followups {
            let _ = write!(o, "<li>{}</li>", escape(f));
        }
        o.push_str("</ol></section>");
    }
    o.push_str("<footer>Made with barraiser, offline. Scores are 1–4 per dimension; the bar is 3.5.</footer></body></html>\n");
    o
}

fn header(o: &mut String, r: &Report, info: &PageInfo, title: &str) {
    let _ = write!(
        o,
        "<header><h1>{}</h1><p class=\"meta\">{}",
        escape(title),
        escape(r.kind.as_str())
    );
    if let Some(id) = &r.question_id {
        let _ = write!(o, " · {}", escape(id));
    }
    if let Some(at) = &info.practised_at {
        let _ = write!(o, " · practised {}", escape(at));
    }
    if let Some(s) = &info.session {
        let _ = write!(o, " · session {}", escape(s));
    }
    match (r.duration_s, r.limit_s) {
        (Some(d), Some(l)) => {
            let over = if r.over_limit == Some(true) { " — over the limit" } else { "" };
            let _ = write!(o, " · {} of {}{over}", clock(d), clock(l));
        }
        (Some(d), None) => {
            let _ = write!(o, " · {}", clock(d));
        }
        _ => {}
    }
    if let Some(w) = r.wpm {
        let _ = write!(o, " · {w:.0} words a minute");
    }
    o.push_str("</p></header>");
}

fn scores(o: &mut String, r: &Report) {
    let class = if r.score.overall >= r.score.bar { "pass" } else { "fail" };
    let _ = write!(
        o,
        "<section class=\"score\"><div><div class=\"overall {class}\">{:.1}<small>/4</small></div><div>{} (bar {:.1})</div></div><div class=\"dims\">",
        r.score.overall,
        verdict(r),
        r.score.bar
    );
    for (name, v) in dimensions(r) {
        let pct = ((v - 1.0) / 3.0 * 100.0).clamp(0.0, 100.0);
        let _ = write!(o, "<span>{name}</span><span class=\"bar\"><i style=\"width:{pct:.0}%\"></i></span><span>{v:.1}</span>");
    }
    o.push_str("</div></section>");
}

fn star_legend() -> String {
    let mut o = String::from("<p class=\"legend\">");
    for (name, colour) in PART_COLOURS {
        let _ = write!(o, "<span><svg width=\"12\" height=\"12\"><rect width=\"12\" height=\"12\" fill=\"{colour}\"/></svg> {name}</span>");
    }
    o.push_str("<span><svg width=\"12\" height=\"12\"><rect width=\"12\" height=\"12\" fill=\"#f29900\"/></svg> long pause</span>");
    o.push_str("<span><svg width=\"12\" height=\"12\"><path d=\"M6 0 l6 12 h-12 z\" fill=\"#d93025\"/></svg> warning</span></p>");
    o
}

fn transcript(o: &mut String, r: &Report, t: &Transcript, marks: &Marks) {
    o.push_str("<section><h2>Transcript</h2><p class=\"legend\">");
    for m in marks.present() {
        let sample =
            if m == Mark::Pause { "(1.5 s pause)".to_string() } else { m.legend().to_string() };
        let class = if m == Mark::Pause { "pause" } else { m.as_str() };
        let _ = write!(o, "<span><mark class=\"{class}\">{sample}</mark></span>");
    }
    if marks.any_unsure() {
        o.push_str("<span><span class=\"unsure\">heard unsure<sup>?</sup></span></span>");
    }
    o.push_str("</p><div class=\"transcript\">");
    let cut_at = r.cutoff.as_ref().map(|c| c.word_index);
    for line in sentence_lines(t, 40) {
        o.push_str("<p>");
        if let Some(s) = line.start_s {
            let _ = write!(o, "<span class=\"ts\">{}</span>", clock(s));
        }
        let mut open: Option<Vec<Mark>> = None;
        for i in line.first..line.end {
            if Some(i) == cut_at {
                close(o, &mut open);
                let at = r.cutoff.as_ref().map_or(0.0, |c| c.at_s);
                let _ = write!(
                    o,
                    "<span class=\"cut\">✂ cut off at {} — the interviewer stops you here</span>",
                    clock(at)
                );
            }
            let these: Vec<Mark> = marks.of(i).collect();
            let sep = if i > line.first { " " } else { "" };
            if open.as_ref() == Some(&these) {
                o.push_str(sep);
            } else {
                close(o, &mut open);
                o.push_str(sep);
                if !these.is_empty() {
                    let classes: Vec<&str> = these.iter().map(|m| m.as_str()).collect();
                    let _ = write!(o, "<mark class=\"{}\">", classes.join(" "));
                }
                open = Some(these);
            }
            match marks.unsure(i) {
                true => {
                    let _ = write!(
                        o,
                        "<span class=\"unsure\" title=\"heard, but unsure\">{}<sup>?</sup></span>",
                        escape(&t.words[i].text)
                    );
                }
                false => o.push_str(&escape(&t.words[i].text)),
            }
            if let Some(p) = marks.pause_after(i) {
                close(o, &mut open);
                let _ = write!(
                    o,
                    " <span class=\"pause\" title=\"{p:.1} second pause\">({p:.1} s pause)</span>"
                );
            }
        }
        close(o, &mut open);
        o.push_str("</p>");
    }
    o.push_str("</div></section>");
}

fn close(o: &mut String, open: &mut Option<Vec<Mark>>) {
    if let Some(marks) = open.take() {
        if !marks.is_empty() {
            o.push_str("</mark>");
        }
    }
}

fn findings(o: &mut String, r: &Report) {
    o.push_str("<section><h2>Findings</h2><table>");
    let row = |o: &mut String, head: &str, body: String| {
        let _ = write!(o, "<tr><th>{head}</th><td>{body}</td></tr>");
    };
    let list =
        |items: Vec<String>| if items.is_empty() { "none".to_string() } else { items.join("; ") };
    let when = |s: Option<f64>| {
        s.map(|s| format!(" <span class=\"ts\">{}</span>", clock(s))).unwrap_or_default()
    };
    row(
        o,
        "Metrics",
        list(r.metrics.iter().map(|m| format!("{}{}", escape(&m.text), when(m.start_s))).collect()),
    );
    row(
        o,
        "Principles",
        list(
            r.principles
                .iter()
                .map(|p| format!("{}{}", escape(&p.name), if p.explicit { " (named)" } else { "" }))
                .collect(),
        ),
    );
    row(
        o,
        "Vague phrases",
        list(
            r.vague
                .iter()
                .map(|v| format!("“{}” → {}", escape(&v.text), escape(&v.suggestion)))
                .collect(),
        ),
    );
    let tally = |n: usize, per_min: Option<f64>| match per_min {
        Some(p) => format!("{n} ({p:.1} a minute)"),
        None => n.to_string(),
    };
    row(o, "Fillers", tally(r.fillers.count, r.fillers.per_min));
    row(o, "Hedges", tally(r.hedges.count, r.hedges.per_min));
    row(o, "Ownership", format!("I {} · we {}", r.ownership.i, r.ownership.we));
    let star: Vec<String> = [
        ("Situation", r.star.situation),
        ("Task", r.star.task),
        ("Action", r.star.action),
        ("Result", r.star.result),
        ("Principle", r.star.principle),
    ]
    .iter()
    .map(|(n, present)| match (*present, *n == "Result" && r.star.result_unmeasured) {
        (true, true) => format!("{n} ~ (no figure)"),
        (true, false) => format!("{n} ✓"),
        (false, _) => format!("{n} ✗"),
    })
    .collect();
    row(o, "STAR-LP", star.join(" · "));
    o.push_str("</table>");
    if !r.flags.is_empty() {
        o.push_str("<ul class=\"flags\">");
        for f in &r.flags {
            let _ = write!(o, "<li class=\"flag\">{}{}</li>", escape(&f.message), when(f.start_s));
        }
        o.push_str("</ul>");
    }
    o.push_str("</section>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(escape(r#"<b>"A&B's"</b>"#), "&lt;b&gt;&quot;A&amp;B&#39;s&quot;&lt;/b&gt;");
    }

    #[test]
    fn marks_the_words_heard_unsure() {
        use crate::analysis::{analyze, Context, Lexicon};
        let mut t = Transcript::from_text("Conversion rose by I ate percent.");
        for (i, w) in t.words.iter_mut().enumerate() {
            w.probability = Some(if i == 4 { 0.1 } else { 0.95 });
        }
        let r =
            analyze(&t, &Context::for_kind(crate::round::Kind::Behavioral), &Lexicon::builtin());
        let page = render_html(&r, &t, &PageInfo::default());
        assert!(page.contains(r#"<span class="unsure" title="heard, but unsure">ate<sup>?</sup>"#));
        assert!(!page.contains(r#"unsure">rose"#));
        assert!(page.contains("heard unsure<sup>?</sup>"), "the legend names the mark");
    }
}
