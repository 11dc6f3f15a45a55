//! Timing drills: the same story again and again against a target, optionally
//! tightening the target (3:00, 2:30, 2:10) as takes land under it. A take that gets
//! shorter by dropping its metrics or its principle is called out.

use serde::Serialize;

use super::compare::compare;
use super::sparkline::sparkline;
use super::Take;

/// The targets tighten mode steps through: the limit, half a minute less, the 2:10 average.
pub const TIGHTEN_STEPS: [f64; 3] = [180.0, 150.0, 130.0];

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DrillRow {
    pub take_id: i64,
    pub duration_s: Option<f64>,
    /// The target this take was aimed at.
    pub target_s: f64,
    /// Duration minus target: negative is under the target.
    pub distance_s: Option<f64>,
    pub metrics: usize,
    pub principles: usize,
    /// Set when the take is shorter than the one before but lost what made it count.
    pub emptier: Option<String>,
}

impl DrillRow {
    /// Under the target without losing content.
    pub fn landed(&self) -> bool {
        self.distance_s.is_some_and(|d| d <= 0.0) && self.emptier.is_none()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DrillSeries {
    pub rows: Vec<DrillRow>,
    /// The target for the next take.
    pub next_target_s: f64,
    pub sparkline: String,
}

/// The drill over `takes` (oldest first). With `tighten`, the target starts at the first
/// step and moves to the next each time a take lands under it; otherwise it is `target_s`.
pub fn drill_series(takes: &[Take], target_s: f64, tighten: bool) -> DrillSeries {
    let mut step = 0;
    let mut target = if tighten { TIGHTEN_STEPS[0] } else { target_s };
    let mut rows: Vec<DrillRow> = Vec::with_capacity(takes.len());
    for (i, take) in takes.iter().enumerate() {
        let emptier = i
            .checked_sub(1)
            .map(|p| compare(&takes[p], take))
            .filter(|c| c.shorter_but_emptier())
            .map(|c| {
                let mut lost: Vec<String> =
                    c.metrics_dropped.iter().map(|m| m.text.clone()).collect();
                lost.extend(c.principles_dropped.iter().cloned());
                let by = -c.duration_change_s.unwrap_or(0.0);
                format!("shorter by {by:.0} s but dropped {}", lost.join(", "))
            });
        let row = DrillRow {
            take_id: take.id,
            duration_s: take.duration_s,
            target_s: target,
            distance_s: take.duration_s.map(|d| d - target),
            metrics: take.metrics.len(),
            principles: take.principles.len(),
            emptier,
        };
        if tighten && row.landed() && step + 1 < TIGHTEN_STEPS.len() {
            step += 1;
            target = TIGHTEN_STEPS[step];
        }
        rows.push(row);
    }
    let durations: Vec<Option<f64>> = rows.iter().map(|r| r.duration_s).collect();
    DrillSeries { rows, next_target_s: target, sparkline: sparkline(&durations) }
}

/// A distance from the target as "+0:20" (over) or "-0:05" (under).
pub fn signed_clock(seconds: f64) -> String {
    let sign = if seconds.round() < 0.0 { "-" } else { "+" };
    format!("{sign}{}", crate::analysis::timing::clock(seconds.abs()))
}

/// Parses "2:10", "130" or "130s" into seconds.
pub fn parse_clock(text: &str) -> Result<f64, String> {
    let t = text.trim().trim_end_matches('s');
    let bad = || format!("'{text}' is not a duration (use m:ss such as 2:10, or seconds)");
    let secs = match t.split_once(':') {
        Some((m, s)) if s.len() == 2 => {
            m.parse::<u32>().map_err(|_| bad())? as f64 * 60.0
                + s.parse::<u32>().map_err(|_| bad())? as f64
        }
        Some(_) => return Err(bad()),
        None => t.parse::<f64>().map_err(|_| bad())?,
    };
    if secs > 0.0 && secs.is_finite() {
        Ok(secs)
    } else {
        Err(bad())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::fixtures::{metric, take};

    fn with_metrics(mut t: Take, n: usize) -> Take {
        t.metrics = (0..n).map(|i| metric(&format!("{}%", 10 + i), "percent")).collect();
        t
    }

    #[test]
    fn tighten_steps_down_when_a_take_lands_and_calls_out_emptier_takes() {
        let takes = vec![
            with_metrics(take(1, 1, 200.0, 3.0, &["Ownership"]), 2), // over 3:00
            with_metrics(take(2, 1, 175.0, 3.0, &["Ownership"]), 2), // lands under 3:00 → 2:30
            with_metrics(take(3, 1, 140.0, 3.0, &[]), 1),            // under 2:30 but emptier
            with_metrics(take(4, 1, 149.0, 3.0, &["Ownership"]), 2), // lands → 2:10
            with_metrics(take(5, 1, 128.0, 3.0, &["Ownership"]), 2), // lands; already at 2:10
        ];
        let s = drill_series(&takes, 130.0, true);
        let targets: Vec<f64> = s.rows.iter().map(|r| r.target_s).collect();
        assert_eq!(targets, vec![180.0, 180.0, 150.0, 150.0, 130.0]);
        assert_eq!(s.rows[0].distance_s, Some(20.0));
        assert_eq!(
            s.rows[2].emptier.as_deref(),
            Some("shorter by 35 s but dropped 11%, Ownership")
        );
        assert!(!s.rows[2].landed());
        assert_eq!(s.next_target_s, 130.0);
        assert_eq!(s.sparkline.chars().count(), 5);
        assert_eq!(s.sparkline.chars().next(), Some('█'));
    }

    #[test]
    fn fixed_target_does_not_move() {
        let takes = vec![take(1, 1, 120.0, 3.0, &[]), take(2, 1, 110.0, 3.0, &[])];
        let s = drill_series(&takes, 130.0, false);
        assert!(s.rows.iter().all(|r| r.target_s == 130.0 && r.landed()));
        assert_eq!(s.rows[1].distance_s, Some(-20.0));
    }

    #[test]
    fn clocks_parse_and_print() {
        assert_eq!(parse_clock("2:10"), Ok(130.0));
        assert_eq!(parse_clock("95s"), Ok(95.0));
        assert!(
            parse_clock("2:1").is_err()
                && parse_clock("soon").is_err()
                && parse_clock("0").is_err()
        );
        assert_eq!(signed_clock(20.0), "+0:20");
        assert_eq!(signed_clock(-65.0), "-1:05");
        assert_eq!(signed_clock(-0.4), "+0:00");
    }
}
