//! Trends over practice: score, duration against target, pace, fillers per minute and
//! metrics per story, oldest to newest.

use serde::Serialize;

use super::sparkline::sparkline;
use super::Take;
use crate::round::Kind;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Trend {
    pub name: &'static str,
    pub unit: &'static str,
    /// One value per take, oldest first (`None` where the take has no such figure).
    pub values: Vec<Option<f64>>,
    /// Mean of the latest few values minus the mean of the first few.
    pub change: Option<f64>,
    /// True when a rising value is good news (a score), false when falling is (fillers).
    pub higher_is_better: bool,
}

impl Trend {
    pub fn sparkline(&self) -> String {
        sparkline(&self.values)
    }

    pub fn latest(&self) -> Option<f64> {
        self.values.iter().rev().flatten().next().copied()
    }
}

/// How many takes at each end of a series the change compares.
const WINDOW: usize = 3;

/// The trends over `takes` (any order; they are sorted by time).
pub fn trends(takes: &[Take]) -> Vec<Trend> {
    let mut sorted: Vec<&Take> = takes.iter().collect();
    sorted.sort_by_key(|t| (t.started_at, t.id));
    let series = |f: &dyn Fn(&Take) -> Option<f64>| sorted.iter().map(|t| f(t)).collect::<Vec<_>>();
    let behavioral = |t: &Take| t.kind == Kind::Behavioral;
    let make = |name, unit, higher_is_better, values: Vec<Option<f64>>| Trend {
        name,
        unit,
        change: change(&values),
        values,
        higher_is_better,
    };
    vec![
        make("Score", "of 4", true, series(&|t| t.score)),
        make(
            "Over target",
            "s",
            false,
            series(&|t| Some(t.duration_s? - t.target_s.or(t.kind.default_target_s())?)),
        ),
        make("Pace", "wpm", true, series(&|t| t.wpm)),
        make("Fillers", "/min", false, series(&|t| t.fillers_per_min)),
        make(
            "Metrics per story",
            "",
            true,
            series(&|t| behavioral(t).then_some(t.metrics.len() as f64)),
        ),
    ]
}

fn change(values: &[Option<f64>]) -> Option<f64> {
    let present: Vec<f64> = values.iter().flatten().copied().collect();
    if present.len() < 2 {
        return None;
    }
    let n = WINDOW.min(present.len() / 2).max(1);
    let mean = |s: &[f64]| s.iter().sum::<f64>() / s.len() as f64;
    Some(mean(&present[present.len() - n..]) - mean(&present[..n]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::fixtures::{metric, take};

    #[test]
    fn series_follow_time_and_changes_compare_the_ends() {
        let mut late = take(1, 9, 150.0, 3.6, &[]);
        late.metrics = vec![metric("12%", "percent"), metric("$2M", "money")];
        late.fillers_per_min = None;
        let takes = vec![late, take(2, 1, 200.0, 2.0, &[]), take(3, 5, 170.0, 3.0, &[])];
        let t = trends(&takes);
        let score = &t[0];
        assert_eq!(score.values, vec![Some(2.0), Some(3.0), Some(3.6)]);
        assert!((score.change.unwrap() - 1.6).abs() < 1e-9);
        assert_eq!(score.latest(), Some(3.6));
        assert_eq!(
            t[1].values,
            vec![Some(70.0), Some(40.0), Some(20.0)],
            "seconds over the 2:10 target"
        );
        assert_eq!(t[3].values, vec![Some(2.0), Some(2.0), None]);
        assert_eq!(t[3].latest(), Some(2.0));
        assert_eq!(t[4].values, vec![Some(0.0), Some(0.0), Some(2.0)]);
        assert_eq!(score.sparkline(), "▁▅█");
    }

    #[test]
    fn one_take_has_no_change() {
        assert_eq!(trends(&[take(1, 1, 100.0, 3.0, &[])])[0].change, None);
    }
}
