//! Roles in product, analytical and system-design answers, where a result is the
//! outcome a plan promises: a target, a bound on a KPI or a change to reach.

use super::words::{CHANGE, CHECKS};
use super::{after_time_word, is_hedge, BASELINE, RESULT, SCOPE, TIME};
use crate::analysis::numbers;
use crate::analysis::report::Metric;
use crate::analysis::tokens::{clause_of, sentence, Token, FIGURE_ASIDES};

/// Words that make a figure a target in a case round ("with a target of 15%").
const TARGET: &[&str] =
    &["target", "targets", "targeting", "targeted", "goal", "goals", "aim", "aiming"];
/// Verbs that take a KPI to a level: "get it to 55%".
const REACH: &[&str] = &["get", "bring", "take", "push", "move", "drive"];
/// Verbs that want a KPI at a level: "I'd want it at 80%".
const WANTED: &[&str] = &["want", "like", "expect", "need", "see"];
/// Words after a level that make it a bound: "at 99% or above"; not a price range's
/// "the designer end is $60 or more".
const OR_BOUND: &[&str] =
    &["above", "better", "more", "higher", "less", "lower", "under", "below", "fewer", "over"];

/// In a product, analytical or system-design answer a result is a target: a figure
/// in a clause that sets one ("with a target of 15%"), in a sentence that opens with
/// one ("Targets: grow ... by 20%"), a change to reach ("a lift of 0.5 points") or a
/// bound on a KPI ("p99 latency under two seconds"). Durations are time frames.
pub(super) fn case_role(toks: &[Token], i: usize, m: &Metric) -> &'static str {
    let (mut a, b) = clause_of(toks, i);
    // "cutting those by, say, a fifth": a hedge set off by commas does not end the clause
    while a >= 2 && is_hedge(&toks[a - 1]) {
        a = clause_of(toks, a - 2).0;
    }
    let s = sentence(toks, i).0;
    let word = |k: Option<usize>| k.and_then(|k| toks.get(k)).map_or("", |t| t.norm.as_str());
    let before = |n: usize| word(i.checked_sub(n));
    // "within two quarters of launch"
    if m.kind == "count" && after_time_word(toks, i) {
        return TIME;
    }
    // "recall at 99% or above"
    let end = (i..toks.len()).find(|&k| !figure_at(toks, k, m)).unwrap_or(toks.len());
    let or_bound = word(Some(end)) == "or"
        && OR_BOUND.contains(&word(Some(end + 1)))
        && matches!(before(1), "at" | "to" | "of");
    // "clubs, under 20 members each": what each one is like
    let each = matches!(word(Some(end)), "each" | "apiece");
    // "under two seconds", "no more than 2%", "cap it at 50 ms"
    let capped = (a..i).any(|k| matches!(toks[k].norm.as_str(), "cap" | "capped" | "limit"));
    // not "in under a week" nor "which is just under twenty million" or "a bit under one
    // percent" (a rounding), nor "so under 40,000 active users" (what the arithmetic came to)
    let rounding = matches!(
        before(2),
        "in" | "just" | "is" | "was" | "that's" | "so" | "bit" | "little" | "slightly"
    );
    // "industry recall completion is often below 30%": how things usually are
    let usual = matches!(before(2), "often" | "usually" | "typically" | "normally" | "generally");
    // past the hedges: "sellers doing, let's say, under a million"
    let describes = (s..i.saturating_sub(1))
        .rev()
        .find(|&k| !FIGURE_ASIDES.contains(&toks[k].norm.as_str()))
        .is_some_and(|k| DESCRIBES.contains(&toks[k].norm.as_str()));
    // "within 1 point of the prior level"; "within two weeks" is a time frame
    // "accurate to within five minutes" is a bound on error, whatever its unit
    let within = before(1) == "within" && (m.kind != "duration" || before(2) == "to");
    // "updated at least every 60 seconds"
    let every = before(1) == "every" && matches!((before(3), before(2)), ("at", "least" | "most"));
    // "at least 70% of alerts"; "at least two weeks" is a time frame, "at least 200,000
    // customers per arm" a sample's size
    let floor = matches!((before(2), before(1)), ("at", "least" | "most"))
        && matches!(m.kind.as_str(), "percent" | "score");
    // "hold it at 95% or better": a level to keep
    let hold = before(1) == "at"
        && (2..5).any(|n| matches!(before(n), "hold" | "keep" | "held" | "kept" | "maintain"));
    // "can't rise by more than, say, 3%": the n-th word before the figure, past asides
    let past_asides = |n: usize| {
        let mut k = i;
        for _ in 0..n {
            k = (0..k).rev().find(|&j| !FIGURE_ASIDES.contains(&toks[j].norm.as_str()))?;
        }
        Some(k)
    };
    // "no higher than eight percent", "no more than a 2% fall"
    let article = usize::from(matches!(before(1), "a" | "an"));
    let more_than = match (word(past_asides(2 + article)), word(past_asides(1 + article))) {
        ("more" | "less" | "fewer", "than") => true,
        ("higher" | "lower", "than") => word(past_asides(3)) == "no",
        _ => false,
    };
    // "under 1 hour for 95% of recalls", "99% of rides updated within two minutes": the
    // share a bound must hold for is part of the target; not "if a third of them check
    // within ten minutes", a load to size
    let share_bound = m.kind == "percent"
        && word(Some(end)) == "of"
        && (a..b).any(|k| k + 1 != i && matches!(toks[k].norm.as_str(), "under" | "within"))
        && !(s..i).any(|k| toks[k].norm == "if");
    let bound = share_bound
        || ((matches!(before(1), "under" | "below" | "above") || within)
        && !rounding
        && !usual
        && !describes
        && !each)
        || floor
        || hold
        || every
        || more_than
        || or_bound
        || (capped && before(1) == "at")
        // "back under 2%"; "isn't back within thirty days" is a time frame
        || (before(2) == "back" && (matches!(before(1), "at" | "to" | "under") || within));
    // "adoption of the refund rules by maybe 30%": a change to reach, its verb left out
    let by = (a..i).rev().find(|&k| !is_hedge(&toks[k]));
    let by_amount =
        by.is_some_and(|k| toks[k].norm == "by" && !ARITHMETIC.contains(&word(k.checked_sub(1))));
    // "I'm going to get it to 55%", "bring that to 3%": where the plan takes the KPI;
    // "I'd want it at 80% within two quarters": the level the plan wants
    let it = matches!(before(2), "it" | "this" | "that" | "them");
    let taken_to = (it && before(1) == "to" && REACH.contains(&before(3)))
        || (it && before(1) == "at" && WANTED.contains(&before(3)))
        // "I'd want to get average arrival down to thirty-five minutes"
        || (before(1) == "to"
            && matches!(before(2), "down" | "up")
            && (a..i).any(|k| REACH.contains(&toks[k].norm.as_str())));
    // "which is 3,000 times 4 times 6": a count worked on in spoken arithmetic sizes the
    // target; it is not one
    let operand = m.kind == "count"
        && ((word(Some(end)) == "times" && numbers::parse(toks, end + 1).is_some())
            || before(1) == "times"
            || (before(1) == "by" && matches!(before(2), "divided" | "multiplied")));
    if operand {
        return SCOPE;
    }
    // "at 95% confidence and 80% power": how the test is sized, not what it should show
    if matches!(word(Some(end)), "confidence" | "power" | "significance") {
        return SCOPE;
    }
    // "99.9% availability", "sensor uptime of 99.5 percent": a share of nines said of
    // staying up is a service level to meet
    let nines = m.kind == "percent"
        && numbers::parse(toks, i).is_some_and(|n| n.value >= 99.0 && n.value < 100.0)
        && (a..b).any(|k| STAYING_UP.contains(&toks[k].norm.as_str()));
    if nines {
        return RESULT;
    }
    // "zero lost scans": nobody sizes a market in zeros; it is a bar to hold
    let zero = m.kind == "count" && matches!(toks[i].norm.as_str(), "zero" | "0");
    let target = |k: usize| {
        TARGET.contains(&toks[k].norm.as_str())
            && !matches!(
                word(Some(k + 1)),
                "user" | "users" | "customer" | "customers" | "audience" | "segment" | "market"
            )
    };
    // "If penetration were 40%, the answer goes up by a third": a what-if, not a target,
    // also after a colon ("the most sensitive assumption: if bottles last three years
    // ..."); "at 70% instead of 80%, the answer drops by 1.1 million" moves the estimate
    // "Suppose the drop is 7% ... conversion down from 31% to 24%": a finding imagined
    let opens_if = |k: usize| {
        matches!(toks[k].norm.as_str(), "if" | "suppose" | "supposing" | "assume" | "assuming")
            && (k == s || toks[k - 1].clause_end)
    };
    let estimate_moves = (a..i).any(|k| matches!(toks[k].norm.as_str(), "answer" | "estimate"));
    // "If they order 2.5 times a month today, I'd target 3, so a lift of 20%": a target
    // set after the what-if makes the change it comes to part of the target
    let target_after_if = (s..i).rev().find(|&k| opens_if(k)).is_some_and(|f| (f..i).any(target));
    let what_if = ((s..i).any(opens_if) && !target_after_if) || estimate_moves;
    // "Metrics. ... And 30% of regular users on the app after three months.": a level
    // listed under a heading of targets, not one said of today
    // "from 15% with keyword rules today to at least 40%": today's level, said after it
    let said_of_today = (end..b.min(end + NOW_REACH))
        .take_while(|&k| toks[k].norm != "to")
        .any(|k| NOW.contains(&toks[k].norm.as_str()));
    // "Today I'm assuming around 80%": said of today anywhere before it in its clause
    let now = said_of_today || (a..i).any(|k| NOW.contains(&toks[k].norm.as_str()));
    let listed = m.kind == "percent" && under_heading(toks, s) && !now && !usual;
    let set = (a..i).any(target) || target(s) || listed;
    let change =
        (i.saturating_sub(2).max(s)..i).any(|k| change_at(toks, k)) || change_before(toks, s, i);
    // "day-7 retention went from 22% to 25%": a change said whole is what the test or
    // the plan is to move
    // "cost per watch down by half": a figure that opens with its change
    // "plus six percent orders and minus three percent basket value": a change said
    // with its sign; not "sixty-eight and a half, plus ten percent", a sum, nor "minus
    // 18 Celsius"
    let summed = numbers::is_numeric(before(2)) || before(2) == "half";
    let signed = matches!(before(1), "plus" | "minus")
        && !summed
        && matches!(m.kind.as_str(), "percent" | "score");
    let whole_change = m.kind == "change" || signed || toks[i].norm == "from" || change_at(toks, i);
    // "If today that's 40%, I'd target 55%": a target said in the figure's own clause
    // (or just before it: "target, let's say, 25% of accounts") holds even in a sentence
    // that opens with a what-if
    let set_here = (a..i).any(target) || a.checked_sub(1).is_some_and(|k| k >= s && target(k));
    // "average call length, target 15 minutes": a length the plan aims at, named as
    // the target itself; "a target of 15% within six months" keeps its time frame
    let named_target = i >= 1 && (target(i - 1) || (before(1) == "of" && i >= 2 && target(i - 2)));
    // "the on-time rate dropped sharply last week, from 94% to 81%": a change already
    // seen is the problem the round starts from, not an outcome the plan promises; one
    // the candidate made ("errors dropped from 3% to 0.4% after we moved to token
    // buckets") is evidence of their work
    let (_, e) = sentence(toks, i);
    // "completion went from 82% to 64%": "went" moves with a direction after it; not once
    // a test, pilot or survey has been named ("the test ran for seven days ... retention
    // went from 22% to 25%"), whose reading it is
    let test_before = |k: usize| (0..k).any(|j| CHECKS.contains(&toks[j].norm.as_str()));
    let moved = |k: usize| {
        PAST_MOVES.contains(&toks[k].norm.as_str())
            || (toks[k].norm == "went"
                && matches!(word(Some(k + 1)), "from" | "down" | "up")
                && !test_before(k))
    };
    let seen = (s..i).any(moved)
        && !(s..i).any(|k| PLANNED.contains(&toks[k].norm.as_str()))
        && !(s..e).any(|k| matches!(toks[k].norm.as_str(), "i" | "we"));
    if seen && !(bound || zero || taken_to || named_target || set_here) {
        return BASELINE;
    }
    if bound
        || zero
        || taken_to
        || named_target
        // "cut that from nine days to four": a duration said as a change
        || (m.kind == "duration" && toks[i].norm == "from" && !what_if)
        || (m.kind != "duration"
            && (set_here || (!what_if && (set || change || by_amount || whole_change))))
    {
        RESULT
    } else if m.kind == "duration" {
        TIME
    } else if m.kind == "count" {
        SCOPE
    } else {
        BASELINE
    }
}

/// Words that open a section of targets: "Metrics.", "KPIs:", "Success:".
const HEADINGS: &[&str] = &["metrics", "kpis", "targets", "goals", "success", "measurement"];
/// Most sentences a bare heading ("Metrics.") runs over.
const HEADING_REACH: usize = 4;
/// Words that make a level today's: "from about 60% today".
const NOW: &[&str] = &["today", "now", "currently", "presently"];
/// Most words after a level that may say it is today's.
const NOW_REACH: usize = 5;

/// Whether the sentence starting at `s` is under a heading of targets: it opens with one
/// and a colon ("Metrics: ..."), or follows within [`HEADING_REACH`] sentences a heading
/// said alone ("Metrics."), with no other heading between.
fn under_heading(toks: &[Token], s: usize) -> bool {
    let heading = |k: usize| HEADINGS.contains(&toks[k].norm.as_str());
    if heading(s) && toks[s].clause_end {
        return true;
    }
    let mut k = s;
    for _ in 0..HEADING_REACH {
        if k == 0 {
            return false;
        }
        k = sentence(toks, k - 1).0;
        // "Risks. ...", "Trade-offs: ...": another section
        if toks[k].clause_end {
            return heading(k) && toks[k].sentence_end;
        }
    }
    false
}

/// Words that say a service stays up.
const STAYING_UP: &[&str] =
    &["availability", "available", "uptime", "up", "durability", "durable", "reliability"];

/// Verbs that say a measure moved, in the past.
const PAST_MOVES: &[&str] = &[
    "dropped",
    "fell",
    "rose",
    "jumped",
    "climbed",
    "declined",
    "decreased",
    "increased",
    "grew",
    "shrank",
    "slipped",
    "dipped",
    "spiked",
    "plunged",
    "doubled",
    "halved",
    "tripled",
];
/// Words that make a change a plan or a hope: "I'd expect it rose", "if it dropped".
const PLANNED: &[&str] = &[
    "would", "will", "could", "should", "might", "can", "i'd", "we'd", "i'll", "we'll", "if",
    "want", "target", "goal", "aim", "expect", "hope", "plan", "going",
];

/// A change word at `k`; not "up" in a sum ("the two groups add up to 21.5 million") nor
/// in a most ("up to 600 lots a sale").
fn change_at(toks: &[Token], k: usize) -> bool {
    let sum = toks[k].norm == "up"
        && k > 0
        && matches!(
            toks[k - 1].norm.as_str(),
            "add" | "adds" | "added" | "adding" | "sum" | "sums"
        );
    // "each sale, up to six hundred lots": a most, not a rise
    let most = toks[k].norm == "up"
        && toks.get(k + 1).is_some_and(|t| t.norm == "to")
        && (k == 0
            || toks[k - 1].clause_end
            || matches!(
                toks[k - 1].norm.as_str(),
                "with" | "of" | "for" | "and" | "or" | "handle"
            ));
    CHANGE.contains(&toks[k].norm.as_str()) && !sum && !most
}

/// Whether token `k` is inside metric `m`'s words.
fn figure_at(toks: &[Token], k: usize, m: &Metric) -> bool {
    m.span.covers(toks[k].word)
}

/// Words after which a bound describes who or what ("sellers doing under a million
/// dollars a year", "teams of under ten") rather than a KPI's target.
const DESCRIBES: &[&str] = &[
    "doing",
    "making",
    "earning",
    "selling",
    "spending",
    "having",
    "aged",
    "with",
    "everything",
    "anything",
    "priced",
    "costing",
];
/// Words that make "by" arithmetic, not a change: "divided by 2.5".
const ARITHMETIC: &[&str] = &["divided", "divide", "multiplied", "multiply", "times", "over"];

/// Words that may stand between a change and the figure it is to reach.
const TO_REACH: &[&str] = &[
    "by",
    "of",
    "to",
    "maybe",
    "about",
    "around",
    "roughly",
    "approximately",
    "perhaps",
    "at",
    "least",
    "most",
    "more",
    "less",
    "than",
];

/// "go up, maybe by ten percent", "rise by at least 0.3 points": a change word before
/// token `i` in its sentence (from `s`) with only [`TO_REACH`] words between; "the drop
/// is a 15% fall" describes the problem.
fn change_before(toks: &[Token], s: usize, i: usize) -> bool {
    for k in (s..i).rev() {
        let w = toks[k].norm.as_str();
        if change_at(toks, k) {
            return true;
        }
        if !TO_REACH.contains(&w) {
            return false;
        }
    }
    false
}
