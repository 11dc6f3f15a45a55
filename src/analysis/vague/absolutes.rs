//! A system said to be beyond limits or failure, found by its shape: capacity with no
//! bound ("it'll handle any volume", "copes with whatever you throw at it"), failure
//! ruled out as a claim about the design ("messages are never lost", "no order will
//! ever be dropped"), speed said as none at all ("reads are instant"). The word lists
//! in data/vague.toml hold the stock forms; these find the same claims in the
//! candidate's own words. A design states its targets and what happens when they are
//! missed; a requirement ("a slot must never be double-booked") is left alone.

use super::is_in;
use crate::analysis::tokens::{clause_of, norm_at, sentence, Token};

/// The rewrite offered for a system said to be beyond limits or failure.
pub const ABSOLUTE: &str =
    "Give the target and the failure plan: \"10,000 writes a second at peak, p99 under 300 ms, no lost writes in a zone outage\"";

/// Verbs that say what a system can take.
const COPES: &str = "handle handles handling cope copes coping absorb absorbs soak soaks \
    withstand withstands survive survives take takes";
/// Words that make a bound none: "any", "whatever".
const UNBOUNDED: &str = "any whatever";
/// What a system takes: "any volume", "any spike".
const LOADS: &str = "load loads volume volumes traffic spike spikes peak peaks scale amount \
    burst bursts surge surges demand throughput size number";
/// Verbs that say load arrives: "whatever you throw at it", "whatever comes".
const THROWN: &str = "throw throws comes hits";
/// Hedges said on the way without changing the claim: "handle basically any load".
const HEDGES: &str = "basically pretty much just easily practically virtually literally \
    really absolutely with up";

/// Words of failure a claim can rule out: "never lost", "never fails".
const FAILURES: &str = "lost lose loses fail fails failed break breaks crash crashes drop \
    drops dropped miss missed missing down stale late";
/// Words that make a sentence a requirement or a trade-off, not a claim about the design.
const REQUIRED: &str = "must should need needs has have requirement requirements constraint \
    constraints goal want cannot can can't non-functional functional target";
/// Verbs of a claim about the design, now or to come; a story's past ("we never lost
/// an order") is an outcome a listener can check.
const CLAIMED: &str = "will would it'll they'll that'll we'll is are be it's that's";

/// Words of no time at all.
const INSTANT: &str = "instant instantaneous immediate";
/// Verbs that say what a thing is: "reads are instant".
const COPULAS: &str = "is are be it's that's stay stays";

/// Words of waiting that "zero" can rule out: "zero lag".
const WAITS: &str = "lag latency delay delays wait waiting";

/// "zero" at `k` in "zero lag", "zero latency": no time at all, not a figure.
pub fn no_time(toks: &[Token], k: usize) -> bool {
    toks[k].norm == "zero" && is_in(WAITS, norm_at(toks, k + 1))
}

/// Spans of systems said to be beyond limits or failure.
pub fn claims(toks: &[Token]) -> Vec<(usize, usize)> {
    let mut out = unbounded(toks);
    out.extend(unfailing(toks));
    out.extend(instant(toks));
    out
}

/// "handle any volume", "cope with basically any spike", "soaks up whatever you throw at
/// it": the span runs from the verb to what it takes.
fn unbounded(toks: &[Token]) -> Vec<(usize, usize)> {
    let word = |k: usize| norm_at(toks, k);
    let mut out = Vec::new();
    for i in 0..toks.len() {
        if !is_in(COPES, word(i)) {
            continue;
        }
        let mut k = i + 1;
        while k < i + 4 && is_in(HEDGES, word(k)) && !toks[k - 1].clause_end {
            k += 1;
        }
        if !is_in(UNBOUNDED, word(k)) || toks[k - 1].clause_end {
            continue;
        }
        // "whatever you throw at it", "whatever comes": a bound refused outright
        let thrown = word(k) == "whatever" && (k + 1..k + 4).any(|j| is_in(THROWN, word(j)));
        let load = (k + 1..k + 3)
            .take_while(|&j| j == k + 1 || !toks[j - 1].clause_end)
            .find(|&j| is_in(LOADS, word(j)));
        if let Some(j) = load {
            out.push((i, j + 1 - i));
        } else if thrown {
            out.push((i, k + 2 - i));
        }
    }
    out
}

/// "messages are never lost", "no order will ever be dropped", "it'll never go down": the
/// span runs from "never" (or "no") to the failure.
fn unfailing(toks: &[Token]) -> Vec<(usize, usize)> {
    let word = |k: usize| norm_at(toks, k);
    let mut out = Vec::new();
    for i in 0..toks.len() {
        let from = match word(i) {
            "never" => i,
            // "no message will ever be lost"
            "ever" => match (i.saturating_sub(4)..i).find(|&k| word(k) == "no") {
                Some(k) => k,
                None => continue,
            },
            _ => continue,
        };
        let Some(fail) = (i + 1..i + 4)
            .take_while(|&j| !toks[j - 1].clause_end)
            .find(|&j| is_in(FAILURES, word(j)))
        else {
            continue;
        };
        let clause = clause_of(toks, from).0;
        let claimed = (clause..fail).any(|k| is_in(CLAIMED, word(k)));
        let (s, e) = sentence(toks, i);
        let required = (s..e).any(|k| is_in(REQUIRED, word(k)));
        if claimed && !required {
            out.push((from, fail + 1 - from));
        }
    }
    out
}

/// "reads are instant", "it will always be instant": no time at all, said of a thing at
/// the end of its clause.
fn instant(toks: &[Token]) -> Vec<(usize, usize)> {
    let word = |k: usize| norm_at(toks, k);
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate().skip(1) {
        if !is_in(INSTANT, &t.norm) || !t.clause_end {
            continue;
        }
        let mut k = i - 1;
        while k > 0 && (is_in(HEDGES, word(k)) || word(k) == "always") {
            k -= 1;
        }
        if is_in(COPULAS, word(k)) {
            out.push((k, i + 1 - k));
        }
    }
    out
}
