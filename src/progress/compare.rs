//! Two takes of the same question or story side by side: what the newer one gained,
//! lost and changed.

use serde::Serialize;

use super::{Metric, Take};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    pub before_id: i64,
    pub after_id: i64,
    pub duration_before_s: Option<f64>,
    pub duration_after_s: Option<f64>,
    /// After minus before; negative is shorter.
    pub duration_change_s: Option<f64>,
    pub score_change: Option<f64>,
    pub metrics_added: Vec<Metric>,
    pub metrics_dropped: Vec<Metric>,
    /// Figures of the same kind that were said differently ("12%" became "15%").
    pub numbers_changed: Vec<NumberChange>,
    pub principles_added: Vec<String>,
    pub principles_dropped: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NumberChange {
    pub kind: String,
    pub before: String,
    pub after: String,
}

impl Comparison {
    /// The newer take is shorter but lost a metric or a principle it had.
    pub fn shorter_but_emptier(&self) -> bool {
        let shorter = self.duration_change_s.is_some_and(|d| d < 0.0);
        let lost_metric = self.metrics_dropped.len() > self.metrics_added.len();
        shorter && (lost_metric || !self.principles_dropped.is_empty())
    }
}

pub fn compare(before: &Take, after: &Take) -> Comparison {
    let mut dropped: Vec<Metric> = Vec::new();
    let mut added: Vec<Metric> = after.metrics.clone();
    for m in &before.metrics {
        match added.iter().position(|a| same_figure(&a.text, &m.text)) {
            Some(i) => {
                added.remove(i);
            }
            None => dropped.push(m.clone()),
        }
    }
    // An unmatched figure on each side with the same kind is one number said differently.
    let mut numbers_changed = Vec::new();
    dropped.retain(|d| match added.iter().position(|a| a.kind == d.kind) {
        Some(i) => {
            let a = added.remove(i);
            numbers_changed.push(NumberChange {
                kind: d.kind.clone(),
                before: d.text.clone(),
                after: a.text,
            });
            false
        }
        None => true,
    });
    let missing = |from: &Take, to: &Take| -> Vec<String> {
        let mut names: Vec<String> =
            from.principles.iter().filter(|p| !to.principles.contains(p)).cloned().collect();
        names.dedup();
        names
    };
    let diff = |a: Option<f64>, b: Option<f64>| Some(b? - a?);
    Comparison {
        before_id: before.id,
        after_id: after.id,
        duration_before_s: before.duration_s,
        duration_after_s: after.duration_s,
        duration_change_s: diff(before.duration_s, after.duration_s),
        score_change: diff(before.score, after.score),
        metrics_added: added,
        metrics_dropped: dropped,
        numbers_changed,
        principles_added: missing(after, before),
        principles_dropped: missing(before, after),
    }
}

/// "12%", "12 percent" and "twelve percent," are the same figure when their words match
/// after dropping case and punctuation; spoken and written forms are compared as said.
fn same_figure(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.to_lowercase()
            .replace('%', " percent")
            .split(|c: char| !c.is_alphanumeric() && c != '.' && c != '$')
            .map(|w| w.trim_end_matches('.'))
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    };
    norm(a) == norm(b)
}

impl Comparison {
    /// The comparison as a few lines of plain text.
    pub fn describe(&self) -> String {
        let c = self;
        let mut o = format!("\nTake #{} against take #{}:\n", c.after_id, c.before_id);
        let clock = crate::analysis::timing::clock;
        if let (Some(a), Some(b), Some(d)) =
            (c.duration_before_s, c.duration_after_s, c.duration_change_s)
        {
            let how = if d < 0.0 { "shorter" } else { "longer" };
            o.push_str(&format!(
                "  time      {} → {} ({:.0} s {how})\n",
                clock(a),
                clock(b),
                d.abs()
            ));
        }
        if let Some(s) = c.score_change {
            o.push_str(&format!("  score     {}{s:.1}\n", if s >= 0.0 { "+" } else { "" }));
        }
        let texts =
            |v: &[super::Metric]| v.iter().map(|m| m.text.clone()).collect::<Vec<_>>().join(", ");
        if !c.metrics_added.is_empty() {
            o.push_str(&format!("  metrics + {}\n", texts(&c.metrics_added)));
        }
        if !c.metrics_dropped.is_empty() {
            o.push_str(&format!("  metrics − {}\n", texts(&c.metrics_dropped)));
        }
        for n in &c.numbers_changed {
            o.push_str(&format!("  changed   {} → {} ({})\n", n.before, n.after, n.kind));
        }
        if !c.principles_added.is_empty() {
            o.push_str(&format!("  principles + {}\n", c.principles_added.join(", ")));
        }
        if !c.principles_dropped.is_empty() {
            o.push_str(&format!("  principles − {}\n", c.principles_dropped.join(", ")));
        }
        if c.shorter_but_emptier() {
            o.push_str(
                "  Shorter, but emptier: keep the metrics and the principle while you cut.\n",
            );
        }
        o
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::fixtures::{metric, take};

    #[test]
    fn finds_dropped_added_and_changed_figures_and_principles() {
        let mut a = take(1, 1, 170.0, 3.0, &["Ownership", "Dive Deep"]);
        a.metrics =
            vec![metric("12%", "percent"), metric("$2.3M", "money"), metric("3 weeks", "duration")];
        let mut b = take(2, 2, 128.0, 3.4, &["Ownership", "Deliver Results"]);
        b.metrics = vec![
            metric("15 percent", "percent"),
            metric("3 weeks.", "duration"),
            metric("2x", "multiplier"),
        ];
        let c = compare(&a, &b);
        assert_eq!(c.duration_change_s, Some(-42.0));
        assert!((c.score_change.unwrap() - 0.4).abs() < 1e-9);
        assert_eq!(
            c.numbers_changed,
            vec![NumberChange {
                kind: "percent".into(),
                before: "12%".into(),
                after: "15 percent".into()
            }]
        );
        assert_eq!(c.metrics_dropped, vec![metric("$2.3M", "money")]);
        assert_eq!(c.metrics_added, vec![metric("2x", "multiplier")]);
        assert_eq!(c.principles_dropped, vec!["Dive Deep".to_string()]);
        assert_eq!(c.principles_added, vec!["Deliver Results".to_string()]);
        assert!(c.shorter_but_emptier(), "shorter and lost Dive Deep");
    }

    #[test]
    fn shorter_with_everything_kept_is_not_emptier() {
        let mut a = take(1, 1, 170.0, 3.0, &["Ownership"]);
        a.metrics = vec![metric("12%", "percent")];
        let mut b = take(2, 2, 130.0, 3.0, &["Ownership"]);
        b.metrics = vec![metric("12 percent", "percent")];
        let c = compare(&a, &b);
        assert!(
            c.metrics_dropped.is_empty()
                && c.metrics_added.is_empty()
                && c.numbers_changed.is_empty()
        );
        assert!(!c.shorter_but_emptier());
        let mut emptier = b.clone();
        emptier.metrics.clear();
        assert!(compare(&a, &emptier).shorter_but_emptier());
    }
}
