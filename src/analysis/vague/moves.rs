//! Changes with no figure, found by their shape: a verb of change with a word of degree
//! ("ratings climbed noticeably", "steadily grew", "churn dropped a bit"). The degree
//! says the change was big, or some, and the listener asks "from what to what?". Any
//! adverb in -ly is read as a degree except those of time, frequency, place or hedging
//! ("dropped immediately", "grew internationally", "rose roughly 12%").

use super::is_in;
use crate::analysis::tokens::{clause_of, norm_at, Token};

/// The rewrite offered for a change said with no figure.
pub const MOVE: &str = "Give both figures: \"repeat bookings went from 18% to 24% in a quarter\"";

/// Verbs that say a measure moved, in the past, or will move: "would grow exponentially",
/// "tickets would fall off meaningfully" (a degree makes either a claim).
const MOVED: &str = "\
    rose climbed grew jumped soared surged increased improved dropped fell declined \
    decreased shrank dipped slipped sank plunged plummeted spiked recovered rebounded \
    lifted slowed accelerated rise climb grow jump increase improve drop fall decline \
    decrease shrink";
/// The same verbs as a change going on: "bookings were increasing".
const MOVING: &str = "\
    rising climbing growing increasing improving dropping falling declining decreasing \
    shrinking recovering trending";
/// Words before a change going on that make it a claim about the outcome.
const ONGOING: &str = "was were kept keeps started";
/// Verbs of a fall said with "off": "fell off", "would drop off".
const FALLS: &str = "fall falls fell drop drops dropped";
/// Words that open an object: "kept growing the list".
const OBJECT_STARTS: &str = "the a an our their its his her my this that these those it them";
/// Verbs that say it moved with a word after them: "went up", "picked up", "dried up".
const MOVED_WITH: &str =
    "went came picked ticked crept dried shot trended trending edged headed go goes come \
    quietened quieted calmed settled";
const DIRECTIONS: &str = "up down upward upwards downward downwards";

/// Verbs whose change is large by itself: "bookings exploded", "it's booming".
const SURGED: &str = "\
    exploded exploding explode explodes boomed booming skyrocketed skyrocketing ballooned \
    ballooning mushroomed mushrooming snowballed snowballing";
/// The same said with a word after: "the hobby has taken off", "it blew up on TikTok".
const SURGED_WITH: &[(&str, &str)] = &[
    ("took", "off"),
    ("taken", "off"),
    ("taking", "off"),
    ("blew", "up"),
    ("blown", "up"),
    ("blowing", "up"),
    ("went", "viral"),
    ("gone", "viral"),
    ("going", "viral"),
];
/// Words that make a surge the setting or a condition, not a claim: "every November the
/// queue exploded", "if it takes off".
const NOT_SURGE_CLAIMED: &str = "if when once until unless whether why how because since had \
    every i we";

/// Degrees of more than one word.
const DEGREES: &[&[&str]] = &[
    &["a", "bit"],
    &["a", "little"],
    &["a", "lot"],
    &["quite", "a", "bit"],
    &["a", "good", "bit"],
    &["a", "wee", "bit"],
    &["a", "fair", "bit"],
    &["a", "ton"],
    &["a", "fair", "amount"],
    &["a", "good", "deal"],
    &["a", "great", "deal"],
    &["loads"],
    &["somewhat"],
    &["heaps"],
    // "tickets dropped off a cliff"
    &["a", "cliff"],
];

/// Adverbs in -ly that say when, how often, where, how nearly or how suddenly, not how
/// much: "it dropped suddenly from Tuesday" is the drop a diagnosis starts from.
const NOT_DEGREE: &str = "\
    only early likely daily weekly monthly yearly hourly quarterly annually family supply \
    apply reply rely italy july ally actually eventually finally initially originally \
    previously recently immediately subsequently currently temporarily briefly instantly \
    simultaneously usually typically normally generally mostly partly roughly \
    approximately nearly exactly precisely internally externally globally locally \
    nationally regionally internationally overnight accordingly respectively \
    apparently presumably probably possibly certainly definitely obviously clearly \
    honestly basically literally especially particularly mainly largely chiefly \
    primarily suddenly abruptly unexpectedly";

/// Spans of changes said with a degree and no figure, from the first word to the last.
pub fn unmeasured(toks: &[Token]) -> Vec<(usize, usize)> {
    let word = |k: usize| norm_at(toks, k);
    let mut out = Vec::new();
    for i in 0..toks.len() {
        // "bookings were increasing", "sales kept growing"; alone at the end of its
        // clause, not "fell by a third, and kept falling", which goes on with a change
        // already measured
        // "it's growing enormously", "growing fast": a change going on, said with its degree
        if let Some(len) = going_on_fast(toks, i) {
            out.push((i, 1 + len));
            continue;
        }
        let moving = is_in(MOVING, word(i)) && i > 0 && is_in(ONGOING, word(i - 1));
        // "the accuracy keeps climbing on its own": a change said to go on, with no
        // object ("we kept growing the list" says what was done)
        let continuing = moving && matches!(word(i - 1), "keeps" | "kept");
        if continuing && !toks[i].clause_end && !is_in(OBJECT_STARTS, word(i + 1)) {
            out.push((i - 1, 2));
            continue;
        }
        // "redemptions were up on the previous year": a change said as a state, against
        // a time before it with no figure ("the site was down" is an outage)
        if let Some(len) = up_on_before(toks, i) {
            out.push((i, len));
            continue;
        }
        // "tickets would fall off meaningfully"
        let off = is_in(FALLS, word(i)) && word(i + 1) == "off";
        let end = if off {
            i + 2
        } else if is_in(MOVED, word(i)) || moving {
            i + 1
        } else if is_in(MOVED_WITH, word(i)) && is_in(DIRECTIONS, word(i + 1)) {
            i + 2
        } else if is_in(MOVED_WITH, word(i)) && way_said(toks, i + 1) {
            // "came way down", "would go way up": the degree inside the verb
            out.push((i, 3));
            continue;
        } else {
            continue;
        };
        if i > 0 && degree_adverb(word(i - 1)) && !toks[i - 1].clause_end {
            out.push((i - 1, end + 1 - i));
        } else if toks[end - 1].clause_end {
            if end == i + 2 && bare_claim(toks, i) {
                out.push((i, 2));
            } else if moving && word(i.saturating_sub(2)) != "and" && bare_claim(toks, i - 1) {
                out.push((i - 1, 2));
            }
        } else if let Some(len) = degree_after(toks, end) {
            out.push((i, end + len - i));
        }
    }
    out
}

/// Copulas a change said as a state follows: "sales were up".
const STATE_COPULAS: &str = "was were is are 's been";
/// Words that set a change said as a state against a time before it.
const AGAINST: &str = "on versus vs against compared year-on-year";

/// "sales were up on last year", "bookings are down versus last summer", "sales were
/// up." at `i` (the copula): its length to the direction.
fn up_on_before(toks: &[Token], i: usize) -> Option<usize> {
    let word = |k: usize| norm_at(toks, k);
    let copula = is_in(STATE_COPULAS, word(i)) || toks[i].norm.ends_with("'s");
    if !copula || toks[i].clause_end || !matches!(word(i + 1), "up" | "down") {
        return None;
    }
    let against = !toks[i + 1].clause_end && is_in(AGAINST, word(i + 2));
    let up_alone = word(i + 1) == "up" && toks[i + 1].clause_end;
    ((against || up_alone) && bare_claim(toks, i)).then_some(2)
}

/// Spans of changes said as surges, which carry their own degree ("bookings just
/// exploded", "the hobby has really taken off"), in a clause that is not the setting.
pub fn surges(toks: &[Token]) -> Vec<(usize, usize)> {
    let word = |k: usize| norm_at(toks, k);
    let mut out = Vec::new();
    for i in 0..toks.len() {
        let len = if is_in(SURGED, word(i)) {
            1
        } else if SURGED_WITH.iter().any(|&(v, w)| word(i) == v && word(i + 1) == w) {
            2
        } else {
            continue;
        };
        let clause = clause_of(toks, i).0;
        if !toks[clause..i].iter().any(|t| is_in(NOT_SURGE_CLAIMED, &t.norm)) {
            out.push((i, len));
        }
    }
    out
}

/// The degree after a change going on at `i`, if any: "growing enormously", "growing
/// fast" (the speed of a change is its degree).
fn going_on_fast(toks: &[Token], i: usize) -> Option<usize> {
    if !is_in(MOVING, norm_at(toks, i)) || toks[i].clause_end {
        return None;
    }
    let fast = matches!(norm_at(toks, i + 1), "fast" | "quickly" | "rapidly");
    if fast {
        Some(1)
    } else {
        degree_after(toks, i + 1)
    }
}

/// Spans of growth said to have only one way to go: "it's only going up", "will only
/// keep climbing", "only getting bigger".
pub fn one_way(toks: &[Token]) -> Vec<(usize, usize)> {
    let word = |k: usize| norm_at(toks, k);
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        // "the only growing segment" names one; it claims no growth
        let named = i > 0 && is_in("the a an our their its my this that", word(i - 1));
        if t.norm != "only" || t.clause_end || named {
            continue;
        }
        let k = i + usize::from(matches!(word(i + 1), "keep" | "keeps"));
        let going = word(k + 1) == "going" && matches!(word(k + 2), "up" | "one");
        let getting =
            word(k + 1) == "getting" && matches!(word(k + 2), "bigger" | "better" | "larger");
        let len = if is_in(MOVING, word(k + 1)) {
            k + 2 - i
        } else if going || getting {
            k + 3 - i
        } else {
            continue;
        };
        out.push((i, len));
    }
    out
}

/// Words that make a clause a condition, a question, a reason, the background or a plan
/// ("why sales dropped", "if churn went up", "because viewers went up", "calls had gone
/// down"), or the speaker its subject ("I picked up", "we came down").
const NOT_CLAIMED: &str = "if when once until unless whether why how what where because since \
    had would will could should might can to as i we";

/// A change said alone at the end of its clause, in two words, of a subject said
/// before it in the clause: "referrals picked up", "printer tickets went down" (one
/// word alone, "the people grew", "three tools had slipped", says too many things).
fn bare_claim(toks: &[Token], i: usize) -> bool {
    let clause = clause_of(toks, i).0;
    i > clause && !toks[clause..i].iter().any(|t| is_in(NOT_CLAIMED, &t.norm))
}

/// "way down", "right up" at `k`, said in one breath.
fn way_said(toks: &[Token], k: usize) -> bool {
    matches!(norm_at(toks, k), "way" | "right")
        && !toks[k].clause_end
        && is_in(DIRECTIONS, norm_at(toks, k + 1))
}

/// The words of degree at `k` ("noticeably", "quite a bit"), if any: how many.
fn degree_after(toks: &[Token], k: usize) -> Option<usize> {
    let word = |k: usize| norm_at(toks, k);
    if degree_adverb(word(k)) {
        return Some(1);
    }
    DEGREES
        .iter()
        .find(|d| d.iter().enumerate().all(|(j, w)| word(k + j) == *w))
        // "a bit of a problem" is not a degree
        .filter(|d| word(k + d.len()) != "of")
        .map(|d| d.len())
}

/// An adverb in -ly that says how much.
pub(super) fn degree_adverb(word: &str) -> bool {
    word.len() > 4 && word.ends_with("ly") && !is_in(NOT_DEGREE, word)
}
