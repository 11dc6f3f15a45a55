//! Product, analytical and system-design answers judged on order and substance, not
//! on keywords: long enough for the round, clarification first and early, ideas
//! that carry a trade-off or a priority, KPIs with targets, estimates that show
//! their arithmetic, check it, and sanity-check the answer, and a drop diagnosed
//! before it is fixed.

use super::arithmetic;
use super::frameworks::{DIAGNOSIS, ESTIMATION};
use super::lexicon::Lexicon;
use super::report::{ChecklistItem, Flag, Metric};
use super::roles::RESULT;
use super::timing::clock;
use super::tokens::{PhraseSet, Token};
use super::GUIDE;
use crate::round::Kind;

/// Under this share of the round's limit an answer cannot cover the framework.
pub const MIN_SHARE_OF_LIMIT: f64 = 0.4;
/// Clarification belongs in the opening: the guide's top scorers spend the first
/// 3-5 minutes of a 45-minute round on it, before any idea.
pub const CLARIFY_WITHIN_SHARE: f64 = 0.25;

/// A cause guessed for a metric's drop: "My gut says it's the new slotting algorithm".
const GUESS: &[&str] = &[
    "my gut says",
    "my gut tells me",
    "my gut is",
    "my first instinct",
    "my first thought is it's",
    "my first thought is that it's",
    "my instinct is",
    "my hunch",
    "my guess is",
    "i bet it's",
    "i suspect it's",
    "my money is on",
];
/// A fix proposed for a metric's drop: "I'd roll back the redesign", "for the fix, ...".
const FIX: &[&str] = &[
    "roll back",
    "rollback",
    "roll it back",
    "revert",
    "the fix",
    "fix it",
    "i'd fix",
    "i would fix",
    "hotfix",
];

const TRADE_OFF: &[&str] = &[
    "trade-off",
    "trade-offs",
    "tradeoff",
    "tradeoffs",
    "trade off",
    "downside",
    "downsides",
    "the risk",
    "the cost",
    "at the cost of",
    "versus",
    "pros and cons",
    "but the",
    "upside",
];
const PRIORITY: &[&str] = &[
    "prioritize",
    "prioritise",
    "prioritized",
    "prioritised",
    "priority",
    "prioritization",
    "prioritisation",
    "impact versus effort",
    "impact vs effort",
    "goes first",
    "comes first",
    "i would start with",
    "i'd start with",
    "first because",
];
const KPI: &[&str] = &[
    "kpi",
    "kpis",
    "success metric",
    "north star",
    "primary metric",
    "measure success",
    "metric i'd use",
    "metrics",
    "main metric",
];
const SANITY: &[&str] = &[
    "sanity check",
    "sanity",
    "cross-check",
    "cross check",
    "double check",
    "check against",
    "compare",
    "compared",
    "bottom up",
    "top down",
    "which fits",
    "that fits",
    "seems high",
    "seems low",
    "is high",
    "is low",
];

/// What the case-round checks found, for the score.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Judgement {
    pub too_short: bool,
    pub late_clarification: bool,
    pub ideas_unweighed: bool,
    pub kpis_without_targets: bool,
    pub arithmetic_slips: usize,
}

/// How long an answer is, against the round's limit.
#[derive(Debug, Clone, Copy)]
pub struct Length {
    /// Timed, or estimated from its words.
    pub spoken_s: Option<f64>,
    /// What its words take at an ordinary pace.
    pub said_s: Option<f64>,
    pub limit_s: Option<f64>,
}

/// Flags for a case-round answer.
pub fn flags(
    toks: &[Token],
    lex: &Lexicon,
    kind: Kind,
    sub_kind: Option<&str>,
    items: &[ChecklistItem],
    metrics: &[Metric],
    length: Length,
) -> Vec<Flag> {
    let mut out = Vec::new();
    let flag = |code: &str, message: String, at: Option<usize>| Flag {
        code: code.into(),
        message,
        start_s: at.and_then(|i| toks[i].start_s),
        word_index: at.map(|i| toks[i].word),
    };
    if let (Some(d), Some(limit)) = (length.spoken_s, length.limit_s) {
        // Short means too little said: a fast speaker's full answer is a pace finding.
        let short = |s: f64| s < limit * MIN_SHARE_OF_LIMIT;
        if short(d) && length.said_s.is_none_or(short) {
            out.push(flag(
                "too_short",
                format!(
                    "{} is short for a {} {kind} round: {}",
                    clock(d),
                    clock(limit),
                    full_answer(kind, sub_kind)
                ),
                None,
            ));
        }
    }
    let set = |list: &[&str]| PhraseSet::new(list);
    let first = |list: &[&str]| set(list).find_all(toks).first().map(|m| m.start);
    let first_idea = ideas(toks, lex, kind).first().copied();
    let clarified_at = items.first().filter(|i| i.covered).and_then(|i| i.word_index);
    let clarified_tok = clarified_at.and_then(|w| toks.iter().position(|t| t.word == w));
    if matches!(kind, Kind::Product | Kind::SystemDesign) {
        if let Some(idea) = first_idea {
            if clarified_tok.is_none_or(|c| c > idea) {
                out.push(flag("ideas_before_clarifying", format!("Solutions come before any clarifying question: confirm the goal, user and scope first (44% of low scorers jumped to solutions; {GUIDE})"), Some(idea)));
            }
        }
        if let Some(c) =
            clarified_tok.filter(|c| *c as f64 > toks.len() as f64 * CLARIFY_WITHIN_SHARE)
        {
            out.push(flag(
                "late_clarification",
                "Clarification comes late: open with it, in the first minutes".into(),
                Some(c),
            ));
        }
    }
    if kind == Kind::Product
        && first_idea.is_some()
        && first(TRADE_OFF).is_none()
        && first(PRIORITY).is_none()
    {
        out.push(flag("ideas_unweighed", format!("Ideas without a trade-off or a priority: say what each costs and which comes first (27% of product answers listed features with neither; {GUIDE})"), first_idea));
    }
    let has_target = metrics.iter().any(|m| m.role == RESULT);
    if let Some(k) = first(KPI).filter(|_| !has_target) {
        out.push(flag(
            "kpi_without_target",
            "KPIs without targets: give each a number to reach (\"repeat orders +5 points in a quarter\")".into(),
            Some(k),
        ));
    }
    let steps = arithmetic::steps(toks);
    for s in steps.iter().filter(|s| s.is_slip()) {
        out.push(flag(
            "estimate_arithmetic",
            format!(
                "Check the arithmetic: \"{}\" gives {}, not {}",
                s.text,
                round(s.computed),
                round(s.stated)
            ),
            Some(s.start),
        ));
    }
    // a diagnosis clarifies the metric and checks that the move is real first (the first
    // item of its checklist), before guessing a cause ("my gut says it's ...") or fixing one
    if sub_kind == Some(DIAGNOSIS) {
        if let Some(guess) = first(GUESS).filter(|&g| clarified_tok.is_none_or(|c| c > g)) {
            out.push(flag("ideas_before_clarifying", "A cause guessed before any clarifying question: confirm what the metric counts and that the move is real first".into(), Some(guess)));
        }
        if let Some(fix) = first(FIX).filter(|&f| clarified_tok.is_none_or(|c| c > f)) {
            out.push(flag("fix_before_checking", "A fix before the drop is checked: confirm the data is right (tracking, the metric's definition) and find the cause before acting on one".into(), Some(fix)));
        }
    }
    if kind == Kind::Analytical {
        // an answer that sizes a drop with arithmetic is no estimate to sanity-check
        let estimating = sub_kind == Some(ESTIMATION);
        if estimating && steps.is_empty() {
            out.push(flag("estimate_without_arithmetic", "An estimate without its arithmetic: say each step (\"332M / 2.5 = 133M households\")".into(), None));
        }
        if estimating && !steps.is_empty() && first(SANITY).is_none() {
            out.push(flag(
                "no_sanity_check",
                "No sanity check: compare the estimate with a figure you know".into(),
                None,
            ));
        }
    }
    out
}

/// What a full answer of the round does, for the too-short flag.
fn full_answer(kind: Kind, sub_kind: Option<&str>) -> &'static str {
    match (kind, sub_kind) {
        (Kind::Analytical, Some(ESTIMATION)) => "a full answer clarifies what is counted, breaks it into factors with a number each, works them through out loud and sanity-checks the result",
        (Kind::Analytical, Some(DIAGNOSIS)) => "a full answer checks the move is real, places it in time, segments it, lists internal and external causes and confirms one with data",
        (Kind::Analytical, _) => "a full answer clarifies the goal, picks a north star, adds diagnostic and guardrail metrics (or the five A/B steps) and sets targets",
        (Kind::SystemDesign, _) => "a full answer clarifies scope, sizes the load, lays out the flow and data, weighs trade-offs and sets targets",
        _ => "a full answer clarifies, names users, weighs 3-5 ideas, prioritises and sets KPI targets",
    }
}

/// Where ideas are proposed: the round's idea cues, and "I would / we could" followed
/// by building something.
pub fn ideas(toks: &[Token], lex: &Lexicon, kind: Kind) -> Vec<usize> {
    let mut at: Vec<usize> = lex
        .checklists
        .iter()
        .filter(|r| r.kind == kind && r.idea)
        .flat_map(|r| r.cues.find_all(toks).into_iter().map(|m| m.start))
        .filter(|&i| !put_off(toks, i))
        .collect();
    const SUBJECT: &[&str] = &["i'd", "we'd", "let's"];
    const MODAL: &[&str] = &["would", "could", "should", "will"];
    const BUILD: &[&str] = &[
        "build",
        "add",
        "create",
        "launch",
        "introduce",
        "make",
        "design",
        "propose",
        "offer",
        "put",
        "use",
        "store",
        "deploy",
        "stream",
    ];
    // "my first idea is", "Second idea,", "I have four ideas", "three pillars": ideas
    // counted out; not "no idea" nor "a good idea of the mix"
    const COUNTED: &[&str] = &[
        "my", "first", "second", "third", "fourth", "another", "biggest", "big", "main", "next",
        "one", "two", "three", "four", "five", "few", "some", "couple", "other",
    ];
    for i in 0..toks.len() {
        let w = |k: usize| toks.get(k).map_or("", |t| t.norm.as_str());
        let counted = matches!(w(i), "idea" | "ideas" | "pillar" | "pillars")
            && i > 0
            && COUNTED.contains(&w(i - 1))
            && !toks[i - 1].clause_end
            && w(i + 1) != "of";
        // "my first thought is a smart coop", "my instinct straight away is a simple mode",
        // "the core is a central database"; not "the core problem is a gap"
        let said_as = |from: usize| {
            (from..from + 3).any(|k| matches!(w(k), "is" | "was") && matches!(w(k + 1), "a" | "an"))
        };
        let hunch = i > 0
            && ((matches!(w(i), "thought" | "instinct") && matches!(w(i - 1), "my" | "first"))
                || (w(i) == "core" && w(i - 1) == "the" && w(i + 1) == "is"))
            && said_as(i + 1);
        if counted || hunch {
            if !put_off(toks, i - 1) {
                at.push(i - 1);
            }
            continue;
        }
        let opener =
            SUBJECT.contains(&w(i)) || (matches!(w(i), "i" | "we") && MODAL.contains(&w(i + 1)));
        if !opener {
            continue;
        }
        let from = if SUBJECT.contains(&w(i)) { i + 1 } else { i + 2 };
        // "I'd go straight to a microservices setup", "I'd do a real-time backend", "the
        // first thing I'd do is a grading system"; not "I'd do is ask who the users are"
        // nor "I'd do A first, then C", options ranked
        let ranked = matches!(w(from + 2), "first" | "then" | "next" | "last" | "and")
            || toks.get(from + 1).is_some_and(|t| t.clause_end);
        let chosen = match (w(from), w(from + 1)) {
            ("go", "with" | "straight") => true,
            ("do", "a" | "an") => !ranked,
            ("do", "is") => matches!(w(from + 2), "a" | "an"),
            _ => false,
        };
        if chosen || (from..from + 2).any(|k| BUILD.contains(&w(k)) && !toks[k - 1].clause_end) {
            at.push(i);
        }
    }
    at.sort_unstable();
    at
}

/// Most words between "before" and the idea it puts off.
const PUT_OFF_REACH: usize = 5;
/// Most words from an idea word to the verb that holds it back ("ideas already that I'll
/// hold").
const HELD_BACK_REACH: usize = 7;

/// An idea word the speaker puts off: "before I go into any solution", "without
/// jumping to a feature", "I'll hold my ideas", "a few ideas that I'll hold back until
/// I understand the setup".
fn put_off(toks: &[Token], i: usize) -> bool {
    let said = |k: usize, words: &[&str]| words.contains(&toks[k].norm.as_str());
    let before = (i.saturating_sub(PUT_OFF_REACH)..i)
        .rev()
        .take_while(|&k| !toks[k].clause_end)
        .any(|k| said(k, &["before", "without", "any", "no", "hold", "holding", "defer"]));
    let after = (i..(i + HELD_BACK_REACH).min(toks.len()))
        .take_while(|&k| k == i || !toks[k - 1].clause_end)
        .any(|k| said(k, &["hold", "holding", "until"]));
    before || after
}

fn round(x: f64) -> String {
    let a = x.abs();
    let (v, unit) = if a >= 1e9 {
        (x / 1e9, "B")
    } else if a >= 1e6 {
        (x / 1e6, "M")
    } else if a >= 1e4 {
        (x / 1e3, "K")
    } else {
        (x, "")
    };
    let s = format!("{v:.1}");
    format!("{}{unit}", s.trim_end_matches(".0"))
}
