//! The words metric roles are read from: verbs of change and outcome, levels, findings
//! and comparisons.

/// Verbs that say something changed ("fell to four days", "rose 12%", "saved $1.4M").
pub(super) const CHANGE: &[&str] = &[
    "increased",
    "increase",
    "increases",
    "increasing",
    "reduced",
    "reduce",
    "reduces",
    "reducing",
    "cut",
    "cuts",
    "cutting",
    "grew",
    "grow",
    "grows",
    "growing",
    "growth",
    "saved",
    "save",
    "saving",
    "improved",
    "improve",
    "improving",
    "raised",
    "raise",
    "raising",
    "lifted",
    "lift",
    "lifting",
    "boosted",
    "boost",
    "dropped",
    "drop",
    "fell",
    "rose",
    "rise",
    "rises",
    "decreased",
    "decrease",
    "doubled",
    "tripled",
    "halved",
    "jumped",
    "climbed",
    "shrank",
    "recovered",
    "up",
    "down",
    "uplift",
    "gain",
    "gained",
    "lowered",
    "lower",
    "slashed",
    "beat",
    "exceeded",
    "shaved",
    "trimmed",
];
/// Verbs whose object is an outcome ("signed up 310,000 members", "hit 40,000 subscribers",
/// "stopped it from costing us $200,000").
pub(super) const OUTCOME: &[&str] = &[
    "prevented",
    "avoided",
    "averted",
    "stopped",
    "signed",
    "acquired",
    "onboarded",
    "won",
    "closed",
    "sold",
    "reached",
    "hit",
    "generated",
    "earned",
    "restored",
    "refunded",
    "attracted",
    "retained",
    "renewed",
    "converted",
    "added",
    "recovered",
    "activated",
    "landed",
    "approved",
    "filled",
    "resolved",
    "handled",
    // what a result was valued at ("which finance valued at $400,000 a year")
    "valued",
];
/// Verbs of a level kept through the change: a result when the figure is the level
/// ("the abuse rate held at 0.4%", "kept churn under 2%"), not their object ("held
/// weekly calls with nine directors").
pub(super) const LEVEL: &[&str] = &["held", "stayed", "remained", "stays", "kept", "keep"];
/// Words that put a figure as a level: "held at", "kept under".
pub(super) const AT_LEVEL: &[&str] =
    &["at", "to", "under", "below", "above", "around", "near", "within"];
/// Verbs whose object is money earned or kept: "the event made $540,000", "we kept
/// €210,000 of bookings that would have bounced".
pub(super) const EARNED: &[&str] =
    &["made", "brought", "booked", "collected", "netted", "grossed", "kept"];
/// Verbs of money the work cost, said after it and weighed against what it brought: "we
/// lost around 40,000 euros in change fees, but the extra cars brought 210,000" (a
/// failure's loss, with nothing against it, is the problem the story goes on to fix).
pub(super) const GAVE_UP: &[&str] = &["lost", "forwent", "sacrificed"];
/// Verbs that state a level after the work: "it was at 0.35% going into peak", "the test
/// tier renewed at 71%" (not "was running at 8%", a state the story starts from).
pub(super) const STOOD: &[&str] =
    &["was", "were", "is", "are", "stood", "sat", "renewed", "converted", "retained", "performed"];
/// Verbs of a level the story starts from, whatever cue is near: "a month after launch
/// conversion was sitting at 1.4%", "stuck at 60%".
pub(super) const STUCK: &[&str] =
    &["sitting", "stuck", "hovering", "hovered", "running", "languishing", "plateaued", "stalled"];
/// Verbs that state where a measure ended, wherever they are said: "Flaky test failures
/// ended the quarter at 2%", "came in at 3.8 days".
pub(super) const ENDED: &[&str] = &["ended", "finished", "closed", "settled", "came", "landed"];
/// Most words between an ending verb and its "at" ("ended the quarter at").
pub(super) const ENDED_GAP: usize = 3;
/// What a figure is compared with when it says how much changed: "a third of the prior
/// year's", "half of what it was".
pub(super) const REFERENCE: &[&str] =
    &["prior", "previous", "last", "before", "original", "old", "baseline", "usual", "was"];
/// Delivery verbs: "shipped it in five weeks" is the outcome when said after the work.
pub(super) const DELIVERED: &[&str] = &[
    "shipped",
    "launched",
    "delivered",
    "finished",
    "completed",
    "fixed",
    "live",
    "released",
    "restored",
    "filled",
    "resolved",
    "rolled",
    "approved",
];
/// Verbs whose object is time won back: a duration after one is a result.
pub(super) const SAVED: &[&str] = &["saved", "saves", "saving", "shaved", "freed"];
/// Verbs said after money the work spared: "£16,000 of wasted trips we stopped paying for".
pub(super) const SPARED: &[&str] = &["stopped", "avoided", "averted", "saved", "prevented"];
/// Verbs that give time back with "back": "the adjusters got back 1,100 hours a month".
pub(super) const GOT_BACK: &[&str] =
    &["got", "get", "gets", "gave", "give", "gives", "won", "handed", "hand", "hands"];
/// Verbs of uptake after "N% of <who>": "40 percent of rebookings went through the link".
pub(super) const TOOK_UP: &[&str] = &[
    "used", "adopted", "went", "switched", "chose", "opted", "enrolled", "signed", "turned", "took",
];
/// Most words between "of" and the uptake verb ("of international travelers used").
pub(super) const TOOK_UP_GAP: usize = 4;
/// A clause reporting what was found is about the problem, not the outcome.
pub(super) const FINDING: &[&str] = &[
    "found",
    "noticed",
    "saw",
    "showed",
    "learned",
    "discovered",
    "realised",
    "realized",
    "flagged",
];
/// Checks run on the work, whose findings are its outcome: "the audit found".
pub(super) const CHECKS: &[&str] =
    &["audit", "audits", "pilot", "survey", "test", "trial", "experiment", "review", "holdout"];
/// Words that set a figure against another: "compared with 3%", "before the fix it was
/// 30%"; not when a change comes between ("giving up before the first session dropped to 11%").
pub(super) const COMPARED: &[&str] = &["instead", "before", "against", "compared"];
/// Words that make a figure an outcome beyond a plan ("25% above target").
pub(super) const BEYOND: &[&str] = &[
    "above",
    "over",
    "ahead",
    "more",
    "fewer",
    "less",
    "better",
    "faster",
    "slower",
    "cheaper",
    "higher",
    "lower",
    "increase",
    "reduction",
    "improvement",
    "growth",
];

/// Verbs after a count that say what it did after the work: "two enterprise customers
/// ... signed again", "40 stores adopted it".
pub(super) const SUBJECT_OUTCOME: &[&str] =
    &["signed", "renewed", "returned", "upgraded", "switched", "adopted", "enrolled", "subscribed"];

/// "10% under the forecast", "$2M below budget": short of a plan is an outcome too;
/// "1,200 items below cost" counts things.
pub(super) const SHORT_OF: &[&str] = &["under", "below", "behind", "short"];
