//! Amounts and people left uncounted, found by their shape: a quantity said as a
//! heap of something ("a chunk of our studios", "a big pile of items", "a whole wave
//! of new shops") and a trend said of everyone ("everybody's cooking since the
//! pandemic", "everyone I know seems to have one"). The word lists in data/vague.toml
//! hold the stock forms ("a lot of", "basically everyone"); these find the same claims
//! in the candidate's own words.

use super::is_in;
use crate::analysis::tokens::{clause_of, norm_at, Token};

/// The rewrite offered for an amount with no figure.
pub const AMOUNT: &str = "Give the figure: \"about 40 studios, a fifth of our accounts\"";
/// The rewrite offered for a trend said of everyone.
pub const EVERYONE: &str =
    "Say how many and how you know: \"dog ownership rose from 33% to 40% of UK households since 2019\"";

/// Nouns that are heaps by themselves: "a chunk of", "a pile of".
const HEAPS: &str = "chunk chunks pile piles mountain mountains heap heaps raft slew plethora \
    myriad load loads ton tons bunch stack stacks";
/// Nouns of amount that a word of size makes a heap: "a good portion of", "a whole wave
/// of"; not "a small number of their own prescriptions", which says they are few, nor
/// "a big share of", which in an estimate shades a figure.
const PORTIONS: &str = "portion part number amount range array variety proportion \
    majority wave flood sea swarm wall host";
/// Words of size said of an amount.
const SIZES: &str = "good big huge large massive whole fair decent significant substantial \
    sizeable sizable considerable enormous crazy insane unbelievable incredible ridiculous \
    vast healthy nice real serious giant";
/// Words of smallness, which make a heap small but not a portion vague.
const SMALL: &str = "small little tiny";
/// Words that make a clause a condition or a scenario: "if a checkout promotion brought in
/// a wave of applicants".
const CONDITIONS: &str = "if when whenever unless could";

/// Spans of amounts said as heaps, from "a" to "of".
pub fn amounts(toks: &[Token]) -> Vec<(usize, usize)> {
    let word = |k: usize| norm_at(toks, k);
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if !matches!(t.norm.as_str(), "a" | "an") {
            continue;
        }
        let mut k = i + 1;
        let (mut sized, mut small) = (false, false);
        while k < i + 3 && !toks[k - 1].clause_end {
            if is_in(SIZES, word(k)) {
                sized = true;
            } else if is_in(SMALL, word(k)) {
                small = true;
            } else {
                break;
            }
            k += 1;
        }
        let heap = is_in(HEAPS, word(k)) || (sized && !small && is_in(PORTIONS, word(k)));
        let said_whole = (i..k).all(|j| !toks[j].clause_end);
        let clause = clause_of(toks, i).0;
        let condition = toks[clause..i].iter().any(|t| is_in(CONDITIONS, &t.norm));
        if heap && said_whole && !condition && word(k + 1) == "of" && !toks[k].clause_end {
            out.push((i, k + 2 - i));
        }
    }
    out
}

/// Words that say everyone.
const EVERYONE_WORDS: &str = "everybody everyone everybody's everyone's";
/// Words that make a claim about everyone a trend: "everybody has a dog now".
const TREND: &str = "now nowadays lately anymore since";
/// Words that open the group everyone is drawn from: "everyone who tried".
const RESTRICTED: &str = "who that which else in at on with from";

/// Spans of trends said of everyone: "everybody's getting a dog since lockdown",
/// "everyone's got a camera these days", "everyone I know", "everybody and their
/// brother"; not "everyone who tried", "not everyone has a garden".
pub fn everyone(toks: &[Token]) -> Vec<(usize, usize)> {
    let word = |k: usize| norm_at(toks, k);
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if !is_in(EVERYONE_WORDS, &t.norm) || t.clause_end || is_in(RESTRICTED, word(i + 1)) {
            continue;
        }
        if i > 0 && matches!(word(i - 1), "not" | "to" | "for" | "with" | "keep" | "get") {
            continue;
        }
        let end = clause_of(toks, i).1;
        let known = word(i + 1) == "i" && word(i + 2) == "know";
        let kin = word(i + 1) == "and" && word(i + 2) == "their";
        // "everybody's cooking", "everybody is on a scooter now": a change going on
        let going = t.norm.ends_with("'s") && word(i + 1).ends_with("ing");
        let lately = (i + 1..end).any(|k| is_in(TREND, word(k)))
            || (i + 1..end).any(|k| word(k) == "these" && word(k + 1) == "days");
        if known || kin {
            out.push((i, 3));
        } else if going || lately {
            out.push((i, end - i));
        }
    }
    out
}
