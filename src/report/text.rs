//! The compact terminal report, coloured when asked (a terminal without NO_COLOR).

use std::fmt::Write as _;

use super::marks::marked_transcript;
use super::{at, dimensions, excerpt, heard, verdict, with_role};
use crate::analysis::report::Report;
use crate::analysis::roles;
use crate::analysis::structure::PARTS;
use crate::analysis::timing::clock;
use crate::transcript::Transcript;

/// Words of the unheard tail shown in the terminal (the JSON has all of them).
const CUTOFF_WORDS: usize = 25;

struct Paint {
    on: bool,
}

impl Paint {
    fn wrap(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn bold(&self, s: &str) -> String {
        self.wrap("1", s)
    }
    /// A bold row label padded to the column, padding outside the colour codes.
    fn label(&self, s: &str) -> String {
        self.bold(&format!("{s:<12}"))
    }
    fn good(&self, s: &str) -> String {
        self.wrap("32", s)
    }
    fn bad(&self, s: &str) -> String {
        self.wrap("31", s)
    }
    fn warn(&self, s: &str) -> String {
        self.wrap("33", s)
    }
    fn dim(&self, s: &str) -> String {
        self.wrap("2", s)
    }
    fn score(&self, v: f64, bar: f64) -> String {
        let s = format!("{v:.1}");
        if v >= bar {
            self.good(&s)
        } else if v >= 2.5 {
            self.warn(&s)
        } else {
            self.bad(&s)
        }
    }
}

pub fn render_text(r: &Report, t: &Transcript, color: bool) -> String {
    let p = Paint { on: color };
    let mut o = String::new();
    let title = match &r.question_id {
        Some(q) => format!("{} answer · question {q}", r.kind),
        None => format!("{} answer", r.kind),
    };
    let _ = writeln!(o, "{}", p.bold(&title));
    let dims: Vec<String> =
        dimensions(r).iter().map(|(d, v)| format!("{d} {}", p.score(*v, r.score.bar))).collect();
    let _ = writeln!(
        o,
        "{}{} / 4 (bar {:.1}: {})   {}",
        p.label("Score"),
        p.score(r.score.overall, r.score.bar),
        r.score.bar,
        verdict(r),
        dims.join(" · ")
    );
    let _ = writeln!(o, "{}{}", p.label("Time"), time_line(r, &p));
    let _ = writeln!(o, "{}{}", p.label("Delivery"), delivery_line(r));

    let is_result = |m: &&crate::analysis::report::Metric| m.role == roles::RESULT;
    let results: Vec<String> = r
        .metrics
        .iter()
        .filter(is_result)
        .map(|m| format!("{}{}", p.good(&heard(&m.text, m.unsure)), p.dim(&at(m.start_s))))
        .collect();
    let count = results.len();
    let results = if results.is_empty() { p.bad("none") } else { results.join(" · ") };
    let _ = writeln!(o, "{}{}", p.label(&format!("Results {count}")), results);
    let setup: Vec<String> = r.metrics.iter().filter(|m| !is_result(m)).map(with_role).collect();
    if !setup.is_empty() {
        let _ = writeln!(o, "{}{}", p.label("Setup"), p.dim(&setup.join(" · ")));
    }

    let principles: Vec<String> = r
        .principles
        .iter()
        .map(|h| {
            let how = match (h.explicit, h.near_miss) {
                (true, true) => "named, heard as",
                (true, false) => "named",
                _ => "hinted",
            };
            format!(
                "{} ({how}: \"{}\"{}{})",
                if h.explicit { p.good(&h.name) } else { p.warn(&h.name) },
                h.text,
                if h.unsure { ", unsure" } else { "" },
                at(h.start_s)
            )
        })
        .collect();
    let unheard = r.flags.iter().any(|f| f.code == "principle_unheard");
    let principles = match (principles.is_empty(), unheard) {
        (true, true) => p.warn("none heard for sure (see the flags)"),
        (true, false) => p.bad("none named"),
        _ => principles.join(" · "),
    };
    let _ = writeln!(o, "{}{}", p.label("Principles"), principles);

    let mut star: Vec<String> = PARTS[..5]
        .iter()
        .map(|name| {
            let label =
                if *name == "principle" { "LP".to_string() } else { name[..1].to_uppercase() };
            match r.star.parts.iter().find(|s| s.part == *name) {
                Some(s) => {
                    let start =
                        s.start_s.map(|t| p.dim(&format!("{} ", clock(t)))).unwrap_or_default();
                    let mark = if *name == "result" && r.star.result_unmeasured {
                        p.warn(&format!("{label}~ no figure"))
                    } else {
                        p.good(&format!("{label}✓"))
                    };
                    format!("{mark} {start}{:.0}%", s.share * 100.0)
                }
                None => p.bad(&format!("{label}✗")),
            }
        })
        .collect();
    if let Some(refl) = r.star.parts.iter().find(|s| s.part == "reflection") {
        star.push(p.dim(&format!("+ lesson {:.0}%", refl.share * 100.0)));
    }
    if !matches!(
        r.kind,
        crate::round::Kind::Product
            | crate::round::Kind::Analytical
            | crate::round::Kind::SystemDesign
    ) {
        let _ = writeln!(o, "{}{}", p.label("STAR-LP"), star.join("  "));
    }
    let _ = writeln!(
        o,
        "{}I {} · we {} (actions: I {}, we {})",
        p.label("Ownership"),
        r.ownership.i,
        r.ownership.we,
        r.ownership.i_actions,
        r.ownership.we_actions
    );
    if !r.framework.is_empty() {
        let _ = writeln!(o, "{}", p.bold("Framework"));
        for i in &r.framework {
            let mark = if i.covered { p.good("✓") } else { p.bad("✗") };
            let whr =
                i.text.as_ref().map(|x| format!(" \"{x}\"{}", at(i.start_s))).unwrap_or_default();
            let _ = writeln!(o, "  {mark} {}{}", i.item, p.dim(&whr));
        }
    }
    if let Some(w) = &r.writing {
        let _ = writeln!(
            o,
            "{}{} words ({}) · passive {} · jargon {}",
            p.label("Writing"),
            w.words,
            if w.in_range { "300-500 ✓" } else { "want 300-500" },
            w.passive.len(),
            w.jargon.len()
        );
        for f in &w.findings {
            let mark = if f.ok { p.good("✓") } else { p.bad("✗") };
            let _ = writeln!(o, "  {mark} {:<15} {:.1}  {}", f.check, f.score, f.message);
        }
    }
    if !r.vague.is_empty() {
        let _ = writeln!(o, "{}", p.bold(&format!("Vague {}", r.vague.len())));
        for v in &r.vague {
            let _ = writeln!(
                o,
                "  {}{}  {}",
                p.warn(&if v.unsure { heard(&v.text, true) } else { format!("\"{}\"", v.text) }),
                p.dim(&at(v.start_s)),
                p.dim(&excerpt(t, v.span, 4))
            );
            let _ = writeln!(o, "    → {}", v.suggestion);
        }
    }
    if !r.flags.is_empty() {
        let _ = writeln!(o, "{}", p.bold("Flags"));
        for f in &r.flags {
            let _ = writeln!(o, "  {} {}{}", p.bad("!"), f.message, p.dim(&at(f.start_s)));
        }
    }
    if let Some(c) = &r.cutoff {
        let words: Vec<&str> = c.text_after.split_whitespace().collect();
        let shown = if words.len() > CUTOFF_WORDS {
            format!("{} …", words[..CUTOFF_WORDS].join(" "))
        } else {
            words.join(" ")
        };
        let label =
            format!("Unheard after the cut-off at {} ({} words):", clock(c.at_s), c.words_after);
        let _ = writeln!(o, "{} {}", p.bold(&label), p.dim(&shown));
    }
    if !r.followups.is_empty() {
        let _ = writeln!(o, "{}", p.bold("A bar raiser would ask"));
        for (k, q) in r.followups.iter().enumerate() {
            let _ = writeln!(o, "  {}. {q}", k + 1);
        }
    }
    if t.is_timed() {
        let _ = writeln!(
            o,
            "{} {}",
            p.bold("Heard (? = unsure):"),
            p.dim(&marked_transcript(t, &r.unsure_words))
        );
    }
    o
}

fn time_line(r: &Report, p: &Paint) -> String {
    let mut s = match (r.duration_s, r.limit_s) {
        (Some(d), Some(l)) => {
            let used = format!("{} of {}", clock(d), clock(l));
            if r.over_limit == Some(true) {
                p.bad(&used)
            } else {
                p.good(&used)
            }
        }
        (Some(d), None) => clock(d),
        (None, _) => match r.spoken_estimate_s {
            Some(e) => format!("typed text: about {} to say", clock(e)),
            None if r.kind == crate::round::Kind::Writing => "written sample".to_string(),
            None => "typed text".to_string(),
        },
    };
    if let Some(target) = r.target_s {
        let _ = write!(s, " (target {})", clock(target));
    }
    let _ = write!(s, " · {} words", r.words);
    if let Some(w) = r.wpm {
        let _ = write!(s, " · {w:.0} wpm");
    }
    s
}

fn delivery_line(r: &Report) -> String {
    let rate = |n: usize, per_min: Option<f64>| match per_min {
        Some(m) => format!("{n} ({m:.1}/min)"),
        None => n.to_string(),
    };
    let mut s = format!("fillers {}", rate(r.fillers.count, r.fillers.per_min));
    if r.fillers.lower_bound {
        s.push_str(" at least");
    }
    let _ = write!(s, " · hedges {}", rate(r.hedges.count, r.hedges.per_min));
    if r.duration_s.is_some() {
        let hes = r.pauses.iter().filter(|p| p.kind == "hesitation").count();
        let _ = write!(s, " · hesitations {hes} · long silences {}", r.pauses.len() - hes);
    }
    s
}
