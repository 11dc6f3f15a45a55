//! The loop's plan, from the guide's "Interview Stages": a writing sample, then one
//! 45-minute round each of product sense, behavioral, analytical, system design
//! (senior, group or technical roles only) and combined behavioral/product.

use std::fmt;
use std::str::FromStr;

use anyhow::{bail, Result};
use serde::{Deserialize, Serialize};

use super::interviewers::{self, Interviewer};
use super::rng::Rng;
use crate::analysis::writing::{MAX_WORDS, MIN_WORDS};
use crate::bank::{Bank, Question};
use crate::round::Kind;

/// Every round lasts 45 minutes.
pub const ROUND_CLOCK_S: f64 = 45.0 * 60.0;
/// Ownership, Customer Obsession and Dive Deep come up in 82% of interviews: every
/// loop with three or more behavioral questions probes each of them.
pub const CORE_PRINCIPLES: [&str; 3] = ["Ownership", "Customer Obsession", "Dive Deep"];
/// Weight of a behavioral question the guide gives no frequency for: probing a core
/// principle, or not.
const CORE_WEIGHT: f64 = 30.0;
const OTHER_WEIGHT: f64 = 15.0;
/// Analytical questions: 70% metric definition, 20% A/B testing, 10% estimation.
const ANALYTICAL_MIX: [(&str, f64); 3] =
    [("metric-definition", 70.0), ("ab-testing", 20.0), ("estimation", 10.0)];
/// Whether a question of type `sub_kind` belongs to the share of the mix named `share`:
/// the guide's metric questions include asking why a metric moved (`diagnosis`).
fn in_share(share: &str, sub_kind: Option<&str>) -> bool {
    sub_kind == Some(share) || (share == "metric-definition" && sub_kind == Some("diagnosis"))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RoundKind {
    Product,
    Behavioral,
    Analytical,
    SystemDesign,
    Combined,
}

impl RoundKind {
    pub const ALL: [RoundKind; 5] = [
        RoundKind::Product,
        RoundKind::Behavioral,
        RoundKind::Analytical,
        RoundKind::SystemDesign,
        RoundKind::Combined,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RoundKind::Product => "product",
            RoundKind::Behavioral => "behavioral",
            RoundKind::Analytical => "analytical",
            RoundKind::SystemDesign => "system-design",
            RoundKind::Combined => "combined",
        }
    }

    /// Questions a round asks unless `--questions` says otherwise: the behavioral and
    /// combined rounds together ask 4 of the guide's 4-6 behavioral questions.
    fn default_questions(self) -> usize {
        match self {
            RoundKind::Behavioral => 3,
            RoundKind::Combined => 2,
            _ => 1,
        }
    }

    /// The kind of the n-th question of this round (the combined round alternates,
    /// starting with a behavioral one).
    fn question_kind(self, n: usize) -> Kind {
        match self {
            RoundKind::Product => Kind::Product,
            RoundKind::Behavioral => Kind::Behavioral,
            RoundKind::Analytical => Kind::Analytical,
            RoundKind::SystemDesign => Kind::SystemDesign,
            RoundKind::Combined if n.is_multiple_of(2) => Kind::Behavioral,
            RoundKind::Combined => Kind::Product,
        }
    }
}

impl fmt::Display for RoundKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for RoundKind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let norm = s.trim().to_ascii_lowercase().replace(['_', ' '], "-");
        RoundKind::ALL.into_iter().find(|k| k.as_str() == norm).ok_or_else(|| {
            format!("unknown round '{s}' (expected product, behavioral, analytical, system-design or combined)")
        })
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    #[default]
    Pm,
    Senior,
    Group,
}

impl FromStr for Level {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "pm" => Ok(Level::Pm),
            "senior" | "spm" => Ok(Level::Senior),
            "group" | "gpm" => Ok(Level::Group),
            _ => Err(format!("unknown level '{s}' (expected pm, senior or group)")),
        }
    }
}

/// What the candidate asked for.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PlanOptions {
    pub level: Level,
    /// A technical PM role: the loop has a system design round at any level.
    pub technical: bool,
    /// A subset of the rounds, in this order; `None` for the whole loop.
    pub rounds: Option<Vec<RoundKind>>,
    /// Questions per round; `None` for each round's default.
    pub questions: Option<usize>,
    pub seed: u64,
    pub writing: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    pub seed: u64,
    pub level: Level,
    pub rounds: Vec<PlannedRound>,
    /// The writing sample, first; `None` with `--no-writing`.
    pub writing: Option<WritingStep>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlannedRound {
    pub kind: RoundKind,
    /// The interviewer's name.
    pub interviewer: String,
    pub role: String,
    pub bar_raiser: bool,
    /// The 2-4 principles this interviewer assesses.
    pub focus: Vec<String>,
    pub clock_s: f64,
    pub questions: Vec<PlannedQuestion>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlannedQuestion {
    pub id: String,
    pub text: String,
    pub limit_s: f64,
    pub kind: Kind,
    pub sub_kind: Option<String>,
    pub principles: Vec<String>,
    /// The bank's own follow-ups, asked when the answer leaves no gap to probe.
    pub followups: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WritingStep {
    pub prompt_id: String,
    pub prompt: String,
    pub min_words: usize,
    pub max_words: usize,
}

impl PlannedRound {
    pub fn interviewer(&self) -> Interviewer {
        Interviewer {
            name: self.interviewer.clone(),
            role: self.role.clone(),
            bar_raiser: self.bar_raiser,
        }
    }
}

impl From<&Question> for PlannedQuestion {
    fn from(q: &Question) -> PlannedQuestion {
        PlannedQuestion {
            id: q.id.clone(),
            text: q.text.clone(),
            limit_s: q.limit_s,
            kind: q.kind,
            sub_kind: q.sub_kind.clone(),
            principles: q.principles.clone(),
            followups: q.followups.clone(),
        }
    }
}

/// The rounds of a whole loop at this level.
pub fn default_rounds(level: Level, technical: bool) -> Vec<RoundKind> {
    let mut rounds = vec![RoundKind::Product, RoundKind::Behavioral, RoundKind::Analytical];
    if technical || level != Level::Pm {
        rounds.push(RoundKind::SystemDesign);
    }
    rounds.push(RoundKind::Combined);
    rounds
}

/// Builds the plan: the same options and seed always give the same plan.
pub fn build(bank: &Bank, opts: &PlanOptions) -> Result<Plan> {
    let rounds = match &opts.rounds {
        Some(list) => list.clone(),
        None => default_rounds(opts.level, opts.technical),
    };
    if rounds.is_empty() {
        bail!("--rounds names no round");
    }
    if rounds.contains(&RoundKind::SystemDesign) && opts.level == Level::Pm && !opts.technical {
        bail!("a system design round is for senior or technical roles: add --level senior|group or --technical");
    }
    for (i, r) in rounds.iter().enumerate() {
        if rounds[..i].contains(r) {
            bail!("--rounds names {r} twice");
        }
    }
    if opts.questions == Some(0) {
        bail!("--questions must be at least 1");
    }
    let mut rng = Rng::new(opts.seed);
    let count = |r: RoundKind| opts.questions.unwrap_or_else(|| r.default_questions());
    let behavioral_needed: usize = rounds
        .iter()
        .map(|r| (0..count(*r)).filter(|n| r.question_kind(*n) == Kind::Behavioral).count())
        .sum();
    let mut behavioral = pick_behavioral(bank, behavioral_needed, &mut rng).into_iter();
    let mut used: Vec<String> = Vec::new();
    let mut planned = Vec::new();
    let names = interviewers::assign(&rounds, &mut rng);
    for (r, interviewer) in rounds.iter().zip(names) {
        let mut questions = Vec::new();
        for n in 0..count(*r) {
            let q = match r.question_kind(n) {
                Kind::Behavioral => behavioral.next(),
                Kind::Analytical => pick_analytical(bank, &used, &mut rng),
                kind => pick_any(bank, kind, &used, &mut rng),
            };
            let Some(q) = q else {
                bail!(
                    "the question bank has too few {} questions for this plan",
                    r.question_kind(n)
                );
            };
            used.push(q.id.clone());
            questions.push(PlannedQuestion::from(q));
        }
        planned.push(PlannedRound {
            kind: *r,
            focus: interviewers::focus(*r, &questions),
            interviewer: interviewer.name,
            role: interviewer.role,
            bar_raiser: interviewer.bar_raiser,
            clock_s: ROUND_CLOCK_S,
            questions,
        });
    }
    let writing = if opts.writing {
        let prompts: Vec<&Question> =
            bank.questions().iter().filter(|q| q.kind == Kind::Writing).collect();
        if prompts.is_empty() {
            bail!("the question bank has no writing prompt (kind \"writing\"); use --no-writing");
        }
        Some(writing_step(prompts[rng.below(prompts.len())]))
    } else {
        None
    };
    Ok(Plan { seed: opts.seed, level: opts.level, rounds: planned, writing })
}

pub fn writing_step(q: &Question) -> WritingStep {
    WritingStep {
        prompt_id: q.id.clone(),
        prompt: q.text.clone(),
        min_words: MIN_WORDS,
        max_words: MAX_WORDS,
    }
}

/// How often the guide says a behavioral question comes up ("asked in 68% of loops").
fn frequency(q: &Question) -> Option<f64> {
    let f = q.frequency.as_deref()?;
    f.split('%').next()?.rsplit(' ').next()?.parse::<f64>().ok()
}

/// Weight of a question the guide gives no frequency for.
fn weight(q: &Question) -> f64 {
    if q.principles.iter().any(|p| CORE_PRINCIPLES.contains(&p.as_str())) {
        CORE_WEIGHT
    } else {
        OTHER_WEIGHT
    }
}

/// Core principles none of `picked` probes.
fn missing_cores(picked: &[&Question]) -> usize {
    CORE_PRINCIPLES
        .iter()
        .filter(|c| !picked.iter().any(|q| q.principles.iter().any(|p| p == *c)))
        .count()
}

/// `n` different behavioral questions. A question the guide gives a frequency for
/// comes up with that probability ("asked in 68% of loops": in 68% of plans); with
/// three or more questions, each core principle is probed by at least one (slots are
/// kept for them); the rest are drawn by weight, core principles first.
fn pick_behavioral<'a>(bank: &'a Bank, n: usize, rng: &mut Rng) -> Vec<&'a Question> {
    let pool: Vec<&Question> =
        bank.questions().iter().filter(|q| q.kind == Kind::Behavioral).collect();
    let cover = n >= CORE_PRINCIPLES.len();
    let mut picked: Vec<&Question> = Vec::new();
    let mut by_frequency: Vec<(&Question, f64)> =
        pool.iter().filter_map(|q| Some((*q, frequency(q)?))).collect();
    by_frequency.sort_by(|a, b| b.1.total_cmp(&a.1));
    for (q, f) in by_frequency {
        if picked.len() >= n || rng.unit() * 100.0 >= f {
            continue;
        }
        let mut with = picked.clone();
        with.push(q);
        if !cover || missing_cores(&with) <= n - with.len() {
            picked = with;
        }
    }
    let draw = |picked: &mut Vec<&'a Question>, rng: &mut Rng, keep: &dyn Fn(&Question) -> bool| {
        let weights: Vec<f64> = pool
            .iter()
            .map(|q| if keep(q) && !picked.iter().any(|p| p.id == q.id) { weight(q) } else { 0.0 })
            .collect();
        if let Some(i) = rng.weighted(&weights) {
            picked.push(pool[i]);
        }
    };
    if cover {
        for core in CORE_PRINCIPLES {
            if picked.len() < n && !picked.iter().any(|q| q.principles.iter().any(|p| p == core)) {
                draw(&mut picked, rng, &|q: &Question| q.principles.iter().any(|p| p == core));
            }
        }
    }
    while picked.len() < n {
        let before = picked.len();
        draw(&mut picked, rng, &|_| true);
        if picked.len() == before {
            break;
        }
    }
    picked
}

fn pick_analytical<'a>(bank: &'a Bank, used: &[String], rng: &mut Rng) -> Option<&'a Question> {
    let weights: Vec<f64> = ANALYTICAL_MIX.iter().map(|(_, w)| *w).collect();
    let sub = ANALYTICAL_MIX[rng.weighted(&weights)?].0;
    let pool: Vec<&Question> = bank
        .questions()
        .iter()
        .filter(|q| q.kind == Kind::Analytical && in_share(sub, q.sub_kind.as_deref()))
        .filter(|q| !used.contains(&q.id))
        .collect();
    if pool.is_empty() {
        return pick_any(bank, Kind::Analytical, used, rng);
    }
    Some(pool[rng.below(pool.len())])
}

fn pick_any<'a>(
    bank: &'a Bank,
    kind: Kind,
    used: &[String],
    rng: &mut Rng,
) -> Option<&'a Question> {
    let pool: Vec<&Question> =
        bank.questions().iter().filter(|q| q.kind == kind && !used.contains(&q.id)).collect();
    (!pool.is_empty()).then(|| pool[rng.below(pool.len())])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bank() -> Bank {
        Bank::from_files(&[]).unwrap()
    }

    fn opts(seed: u64) -> PlanOptions {
        PlanOptions { seed, writing: true, ..PlanOptions::default() }
    }

    #[test]
    fn a_whole_loop_follows_the_guide() {
        let b = bank();
        let plan = build(&b, &opts(1)).unwrap();
        let kinds: Vec<RoundKind> = plan.rounds.iter().map(|r| r.kind).collect();
        assert_eq!(
            kinds,
            [RoundKind::Product, RoundKind::Behavioral, RoundKind::Analytical, RoundKind::Combined]
        );
        assert_eq!(plan.rounds.iter().filter(|r| r.bar_raiser).count(), 1);
        let behavioral: Vec<&PlannedQuestion> = plan
            .rounds
            .iter()
            .flat_map(|r| &r.questions)
            .filter(|q| q.kind == Kind::Behavioral)
            .collect();
        assert!((4..=6).contains(&behavioral.len()), "{} behavioral", behavioral.len());
        for core in CORE_PRINCIPLES {
            assert!(behavioral.iter().any(|q| q.principles.iter().any(|p| p == core)), "{core}");
        }
        for r in &plan.rounds {
            assert!((2..=4).contains(&r.focus.len()), "{:?}", r.focus);
        }
        let w = plan.writing.as_ref().unwrap();
        assert!(w.prompt_id.starts_with("wri-"));
        assert_eq!((w.min_words, w.max_words), (300, 500));
        let ids: Vec<&str> =
            plan.rounds.iter().flat_map(|r| &r.questions).map(|q| q.id.as_str()).collect();
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), ids.len(), "no question twice: {ids:?}");
    }

    #[test]
    fn the_same_seed_gives_the_same_plan() {
        let b = bank();
        assert_eq!(build(&b, &opts(42)).unwrap(), build(&b, &opts(42)).unwrap());
        let plans: std::collections::HashSet<String> = (0..10)
            .map(|s| serde_json::to_string(&build(&b, &opts(s)).unwrap()).unwrap())
            .collect();
        assert!(plans.len() > 5, "seeds change the plan");
    }

    #[test]
    fn system_design_only_for_senior_or_technical_roles() {
        let b = bank();
        let has_sd = |o: &PlanOptions| {
            build(&b, o).unwrap().rounds.iter().any(|r| r.kind == RoundKind::SystemDesign)
        };
        assert!(!has_sd(&opts(3)));
        assert!(has_sd(&PlanOptions { level: Level::Senior, ..opts(3) }));
        assert!(has_sd(&PlanOptions { level: Level::Group, ..opts(3) }));
        assert!(has_sd(&PlanOptions { technical: true, ..opts(3) }));
        let asked = PlanOptions { rounds: Some(vec![RoundKind::SystemDesign]), ..opts(3) };
        let err = build(&b, &asked).unwrap_err().to_string();
        assert!(err.contains("--level senior|group or --technical"), "{err}");
    }

    #[test]
    fn rounds_subset_in_order_and_questions_per_round() {
        let b = bank();
        let o = PlanOptions {
            rounds: Some(vec![RoundKind::Combined, RoundKind::Analytical]),
            questions: Some(3),
            writing: false,
            ..opts(9)
        };
        let plan = build(&b, &o).unwrap();
        assert!(plan.writing.is_none());
        assert_eq!(plan.rounds[0].kind, RoundKind::Combined);
        let kinds: Vec<Kind> = plan.rounds[0].questions.iter().map(|q| q.kind).collect();
        assert_eq!(kinds, [Kind::Behavioral, Kind::Product, Kind::Behavioral]);
        assert!(plan.rounds[1].questions.iter().all(|q| q.kind == Kind::Analytical));
        assert!(plan.rounds[0].bar_raiser, "the combined round's interviewer is the bar raiser");
        let twice =
            PlanOptions { rounds: Some(vec![RoundKind::Product, RoundKind::Product]), ..opts(1) };
        assert!(build(&b, &twice).is_err());
    }

    #[test]
    fn analytical_questions_follow_the_70_20_10_mix() {
        let b = bank();
        let mut subs = std::collections::HashMap::new();
        for seed in 0..400 {
            let o = PlanOptions { rounds: Some(vec![RoundKind::Analytical]), ..opts(seed) };
            let q = &build(&b, &o).unwrap().rounds[0].questions[0];
            *subs.entry(b.get(&q.id).unwrap().sub_kind.clone().unwrap()).or_insert(0) += 1;
        }
        let metric = subs["metric-definition"] + subs["diagnosis"];
        assert!((250..=310).contains(&metric), "{subs:?}");
        assert!((55..=105).contains(&subs["ab-testing"]), "{subs:?}");
        assert!((20..=65).contains(&subs["estimation"]), "{subs:?}");
    }

    #[test]
    fn the_most_asked_behavioral_questions_come_up_most() {
        let b = bank();
        let mut disagree = 0;
        for seed in 0..200 {
            let plan = build(&b, &opts(seed)).unwrap();
            if plan
                .rounds
                .iter()
                .flat_map(|r| &r.questions)
                .any(|q| q.id == "beh-disagree-stakeholder")
            {
                disagree += 1;
            }
        }
        // The guide: asked in 68% of loops.
        assert!((110..=160).contains(&disagree), "asked in {disagree} of 200 loops");
    }
}
