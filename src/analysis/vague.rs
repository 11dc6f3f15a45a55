//! Vague phrases, each with a concrete rewrite.

use super::lexicon::Lexicon;
use super::numbers::is_numeric;
use super::report::{Metric, VagueHit};
use super::roles::SCOPE;
use super::tokens::{clause_of, is_sound, sentence, span_text, word_span, Match, PhraseSet, Token};

/// How far (in words) a number makes "a lot of" specific: after the phrase within
/// its sentence ("a lot of tickets, about 1,200 a month"), before it within its
/// clause only, since a figure in the clause before measures something else
/// ("2.4 million members, so that was a lot of work").
const NEAR: usize = 8;

/// `metrics` carry their roles: a count of people or things before the phrase
/// ("mentored two managers and helped them grow") measures nothing it claims; after it,
/// it may say how many ("a lot of them, 17 engineers").
/// `changes`: the spans of [`changes`], found once for this and for STAR.
pub fn detect(
    toks: &[Token],
    lex: &Lexicon,
    metrics: &[Metric],
    changes: &[(usize, usize)],
) -> Vec<VagueHit> {
    let scope = |t: &Token| metrics.iter().any(|m| m.role == SCOPE && m.span.covers(t.word));
    // a figure said in words ("by about a third") counts as one
    let metric = |t: &Token| metrics.iter().any(|m| m.span.covers(t.word));
    // a quantity ("a lot of", "lots of") may be sized in the next sentence
    let number_near = |a: usize, b: usize| {
        figure_near(toks, a, b, metric, scope)
            || (toks[b - 1].norm == "of" && sized_after(toks, b, metric))
    };
    let listed: Vec<(usize, usize, String)> = joined_matches(toks, lex)
        .into_iter()
        .filter(|m| {
            !lex.vague_rules[m.phrase].unless_number || !number_near(m.start, m.start + m.len)
        })
        .map(|m| (m.start, m.len, lex.vague_rules[m.phrase].suggestion.clone()))
        .collect();
    // a word-list phrase already covering the words says it with its own rewrite
    let unlisted =
        |&(a, len): &(usize, usize)| !listed.iter().any(|&(b, l, _)| a < b + l && b < a + len);
    // claims found by their shape, which a figure near them makes specific
    let shaped = |spans: Vec<(usize, usize)>, rewrite: &str| {
        spans
            .into_iter()
            .filter(|&(a, len)| !number_near(a, a + len))
            .filter(unlisted)
            .map(|(a, len)| (a, len, rewrite.to_string()))
            .collect::<Vec<_>>()
    };
    let compared = shaped(comparisons(toks), COMPARISON);
    let than_before = shaped(against_the_past(toks), COMPARISON);
    let adopted = shaped(adoption_claims(toks), ADOPTION);
    let praised = shaped(praise::praised(toks), praise::PRAISE);
    let moved = shaped(changes.to_vec(), moves::MOVE);
    let absolute = shaped(absolutes::claims(toks), absolutes::ABSOLUTE);
    let heaps = shaped(uncounted::amounts(toks), uncounted::AMOUNT);
    let everyone = shaped(uncounted::everyone(toks), uncounted::EVERYONE);
    let open_lists = list_enders(toks)
        .into_iter()
        .filter(unlisted)
        .map(|(a, len)| (a, len, LIST_END.to_string()))
        .collect::<Vec<_>>();
    let mut hits: Vec<(usize, usize, String)> = listed
        .into_iter()
        .chain(compared)
        .chain(than_before)
        .chain(adopted)
        .chain(praised)
        .chain(moved)
        .chain(absolute)
        .chain(heaps)
        .chain(everyone)
        .chain(open_lists)
        .collect();
    hits.sort_by_key(|h| h.0);
    hits.into_iter()
        .filter(|(a, _, _)| !negated(toks, *a))
        .map(|(a, len, suggestion)| VagueHit {
            text: span_text(toks, a, a + len),
            start_s: toks[a].start_s,
            suggestion,
            span: word_span(toks, a, a + len),
            unsure: false,
        })
        .collect()
}

/// The rewrite offered for an outcome said as "more" with no measure (no word list
/// can hold these: the words between the verb and "more" are the candidate's own).
const COMPARISON: &str =
    "Say how much more, and how you know: \"weekly dashboard users rose from 40 to 130\"";
/// Words after which "more" is an amount, not a comparison ("once more", "no more").
const NOT_COMPARING: &[&str] =
    &["once", "any", "no", "one", "some", "much", "even", "little", "bit", "the", "many", "lot"];
/// Time words that may follow the comparison ("trusted the numbers more afterwards").
const AFTERWARDS: &[&str] = &["afterwards", "afterward", "after", "later", "since", "now", "then"];
/// A plan or a hope compares nothing yet ("people would use it more").
const MODALS: &[&str] =
    &["would", "will", "could", "should", "might", "can", "may", "i'd", "we'd", "they'd", "to"];
/// Past forms that do not end in -ed.
const IRREGULAR_PAST: &[&str] = &[
    "did", "got", "made", "felt", "took", "saw", "came", "went", "grew", "spent", "bought", "sold",
    "knew", "thought", "began", "became", "ran", "kept", "gave", "found", "paid", "won", "read",
    "sent", "wrote", "spoke", "met",
];

/// "people trusted the numbers more": an outcome claimed as "more" with no measure, said
/// in the past at the end of a clause; the span runs from the verb to "more".
fn comparisons(toks: &[Token]) -> Vec<(usize, usize)> {
    // "used", "trusted"; not "need", "speed"
    let past = |w: &str| {
        (w.len() > 3 && w.ends_with("ed") && !w.ends_with("eed")) || IRREGULAR_PAST.contains(&w)
    };
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        let then = toks.get(i + 1).filter(|n| AFTERWARDS.contains(&n.norm.as_str()));
        let ends = t.clause_end || then.is_some_and(|n| n.clause_end);
        if t.norm != "more" || !ends || i == 0 || NOT_COMPARING.contains(&toks[i - 1].norm.as_str())
        {
            continue;
        }
        let a = clause_of(toks, i).0;
        if toks[a..i].iter().any(|t| MODALS.contains(&t.norm.as_str())) {
            continue;
        }
        if let Some(v) = (a..i).rev().find(|&k| past(&toks[k].norm)) {
            out.push((v, i + 1 - v));
        }
    }
    out
}

/// What a comparison is made against when it is the past: "than before", "than it was".
const THE_PAST: &[&str] = &[
    "before",
    "ever",
    "previously",
    "it was",
    "they were",
    "it used to be",
    "they used to be",
    "we used to",
    "last year",
    "last time",
    "the old system",
    "the old one",
    "whatever they have now",
    "whatever they had",
];
/// Words of comparison before "than": "better", "more engaged", "faster".
const COMPARATIVE_HEADS: &[&str] = &["more", "less", "fewer", "better", "worse"];
/// Words of degree before a comparison: "way more engaged", "much better".
const COMPARISON_DEGREES: &[&str] = &["much", "way", "far", "miles", "even", "lot", "so"];
/// Words that make a comparison a condition or a question ("if it's faster than before").
const NOT_COMPARED: &[&str] = &["if", "when", "whether", "unless", "how", "why", "once"];

/// "the numbers will be much better than before", "way more engaged than before": a state
/// said to beat the past with no figure; the span runs from the degree to the past.
fn against_the_past(toks: &[Token]) -> Vec<(usize, usize)> {
    let past = PhraseSet::new(THE_PAST);
    let word = |k: usize| toks[k].norm.as_str();
    let mut out = Vec::new();
    for i in 1..toks.len() {
        let Some(m) = (word(i) == "than").then(|| past.match_at(toks, i + 1)).flatten() else {
            continue;
        };
        // "better", "faster", or "more engaged"
        let k = i - 1;
        let er = |w: &str| w.len() > 4 && w.ends_with("er") && !w.ends_with("ther");
        let mut a = if COMPARATIVE_HEADS.contains(&word(k)) || er(word(k)) {
            k
        } else if k > 0 && COMPARATIVE_HEADS.contains(&word(k - 1)) && !toks[k - 1].clause_end {
            k - 1
        } else {
            continue;
        };
        while a > 0 && COMPARISON_DEGREES.contains(&word(a - 1)) && !toks[a - 1].clause_end {
            a -= 1;
        }
        let clause = clause_of(toks, i).0;
        let condition = toks[clause..a].iter().any(|t| NOT_COMPARED.contains(&t.norm.as_str()));
        // "came back down to about 50 a week, so a bit lower than before": measured
        let measured = toks[sentence(toks, i).0..a].iter().any(|t| is_numeric(&t.norm));
        if !condition && !measured {
            out.push((a, i + 1 + m.len - a));
        }
    }
    out
}

/// The rewrite offered for an uptake said with a quantity word ("most of the inspectors
/// were using it").
const ADOPTION: &str = "Count them: \"31 of 40 inspectors filed through the app by week six\"";
/// Quantity words that stand in for a count.
const QUANTITY_WORDS: &[&str] = &[
    "most",
    "many",
    "the majority",
    "a majority",
    "nearly all",
    "almost all",
    "nearly everyone",
    "almost everyone",
];
/// Verbs of uptake: what the quantity word says people did.
const UPTAKE: &[&str] = &["adopted", "switched", "signed", "embraced", "onboarded", "joined"];
/// Most words between the quantity word and its verb ("most of the inspectors were").
const UPTAKE_GAP: usize = 5;

/// "most of the inspectors were using it", "the majority of stores adopted it": an
/// uptake claimed with a quantity word instead of a count; the span runs to the verb.
fn adoption_claims(toks: &[Token]) -> Vec<(usize, usize)> {
    let quantities = PhraseSet::new(QUANTITY_WORDS);
    let mut out = Vec::new();
    for i in 0..toks.len() {
        // "we know how many people joined the line" asks; it claims nothing
        if i > 0 && toks[i - 1].norm == "how" {
            continue;
        }
        let Some(q) = quantities.match_at(toks, i) else {
            continue;
        };
        let from = i + q.len;
        let to = (from + UPTAKE_GAP).min(toks.len());
        let verb = (from..to).take_while(|&k| k == from || !toks[k - 1].clause_end).find(|&k| {
            let w = toks[k].norm.as_str();
            // "were using it", not "most of our users are using mobile" (a fact) nor
            // "many were using a son's phone" (how they got by)
            let product_next = matches!(
                toks.get(k + 1).map_or("", |t| t.norm.as_str()),
                "it" | "this" | "the" | "our" | "them"
            );
            UPTAKE.contains(&w)
                || (w == "using"
                    && matches!(toks[k - 1].norm.as_str(), "were" | "now")
                    && product_next)
        });
        if let Some(v) = verb {
            out.push((i, v + 1 - i));
        }
    }
    out
}

/// The rewrite offered for a list that ends in a placeholder.
const LIST_END: &str = "Finish the list with the specific items, or drop it";
/// Placeholders that end a sentence in place of a list's last item: "prizes not showing
/// up, that kind of thing."; said inside a sentence they name a kind in passing
/// ("business cards, banners, that sort of thing, as the second PM"). Besides these,
/// the general extenders English closes a list with ("and all that", "and what have
/// you", "you name it").
const LAST_ITEM: &[&str] = &[
    "that kind of thing",
    "that sort of thing",
    "that kind of stuff",
    "that sort of stuff",
    "that kind of moment",
    "and things",
    "and everything",
    "and everything else",
    "and everything in between",
    "and all that",
    "and all of that",
    "and the rest",
    "and the rest of it",
    "and the like",
    "and whatnot",
    "and what have you",
    "you name it",
    "the works",
    "the whole lot",
];

/// Lists left open: a placeholder ending the sentence after a comma or an item, or
/// "whatever" said as an item between commas ("dog, ice, broken steps, whatever, ...").
fn list_enders(toks: &[Token]) -> Vec<(usize, usize)> {
    let last_items = PhraseSet::new(LAST_ITEM);
    let mut out = Vec::new();
    for i in 1..toks.len() {
        let after_item = toks[i - 1].clause_end || toks[i].norm == "and";
        if toks[i].norm == "whatever" && toks[i - 1].clause_end && toks[i].clause_end {
            out.push((i, 1));
        } else if let Some(m) = last_items.match_at(toks, i).filter(|_| after_item) {
            if toks[i + m.len - 1].sentence_end {
                out.push((i, m.len));
            }
        }
    }
    out
}

/// The vague phrases found, overlapping ones joined into one claim: "the numbers
/// improved" and "improved significantly" are "the numbers improved significantly".
fn joined_matches(toks: &[Token], lex: &Lexicon) -> Vec<Match> {
    let mut out: Vec<Match> = Vec::new();
    let word = |k: Option<usize>| k.and_then(|k| toks.get(k)).map_or("", |t| t.norm.as_str());
    // A phrase ruled out by its neighbours also rules out the shorter ones inside it:
    // "I really liked it" is not "liked it"; one that runs past it is its own ("fixed a
    // lot" is ruled out before "of", "a lot of the main bugs" is not).
    let mut ruled_out = 0;
    for i in 0..toks.len() {
        let Some(m) = lex.vague.match_at(toks, i) else { continue };
        let rule = &lex.vague_rules[m.phrase];
        if rule.not_after.iter().any(|w| w == word(i.checked_sub(1)))
            || rule.not_before.iter().any(|w| w == word(Some(i + m.len)))
        {
            ruled_out = i + m.len;
            continue;
        }
        if i + m.len <= ruled_out {
            continue;
        }
        // overlapping, or next to each other in one clause: "seemed to like it a lot
        // better" is one claim ("super fast and super reliable" is two)
        let joins = |last: &Match| {
            let end = last.start + last.len;
            i < end || (i == end && !toks[end - 1].clause_end)
        };
        match out.last_mut() {
            Some(last) if joins(last) => {
                last.len = last.len.max(i + m.len - last.start);
            }
            _ => out.push(m),
        }
    }
    out
}

/// "Not everything went well" admits a problem; it claims nothing. Sounds and "you
/// know" said on the way do not count ("It wasn't, you know, statistically perfect").
/// Nor does a claim the speaker declines to make: "I'm not assuming the promotion went
/// well", "I won't pretend every grandparent would love it".
fn negated(toks: &[Token], start: usize) -> bool {
    let pause = |t: &&Token| is_sound(t) || matches!(t.norm.as_str(), "you" | "know");
    let negative = |t: &Token| {
        matches!(t.norm.as_str(), "not" | "never" | "nothing" | "hardly") || t.norm.ends_with("n't")
    };
    let declined = (clause_of(toks, start).0..start).any(|k| {
        negative(&toks[k])
            && (k + 1..(k + 4).min(start)).any(|v| DECLINED.contains(&toks[v].norm.as_str()))
    });
    declined || toks[..start].iter().rev().filter(|t| !pause(t)).take(2).any(negative)
}

/// Verbs of claiming that a negative before them declines: "not assuming", "won't claim".
const DECLINED: &[&str] =
    &["assume", "assuming", "pretend", "pretending", "claim", "claiming", "promise", "think"];

/// A `metric` early in the sentence after the one of token `b`, within `NEAR` words:
/// "lots of people open the app at once. If a third of 3,000 associates check in ten
/// minutes, ..." (a bare number, as in "Two things I learned", does not count).
fn sized_after(toks: &[Token], b: usize, metric: impl Fn(&Token) -> bool) -> bool {
    let Some(next) = toks.get(b).map(|_| sentence(toks, b).1).filter(|&n| n < toks.len()) else {
        return false;
    };
    (next..sentence(toks, next).1.min(b + NEAR + 1)).any(|k| metric(&toks[k]))
}

/// A number or a `metric` in `a..b` or within `NEAR` words of it without crossing a
/// sentence end; before the phrase, not one of `scope`.
fn figure_near(
    toks: &[Token],
    a: usize,
    b: usize,
    metric: impl Fn(&Token) -> bool,
    scope: impl Fn(&Token) -> bool,
) -> bool {
    // "zero lag" rules time out; it measures nothing
    let figure =
        |k: usize| (is_numeric(&toks[k].norm) || metric(&toks[k])) && !absolutes::no_time(toks, k);
    let mut lo = a;
    while lo > 0 && a - lo < NEAR && !toks[lo - 1].clause_end {
        lo -= 1;
    }
    let mut hi = b;
    while hi < toks.len() && hi - b < NEAR && !toks[hi - 1].sentence_end {
        hi += 1;
    }
    (lo..a).any(|k| figure(k) && !scope(&toks[k])) || (a..hi).any(figure)
}

mod absolutes;
mod moves;
mod praise;
mod uncounted;

/// Changes claimed with no figure ("ratings climbed noticeably", "bookings exploded"),
/// as spans.
pub fn changes(toks: &[Token]) -> Vec<(usize, usize)> {
    let mut all = moves::unmeasured(toks);
    all.extend(moves::surges(toks));
    all.extend(moves::one_way(toks));
    // "it never took off" says nothing changed; "did fuel surcharges go up?" asks
    all.retain(|&(a, _)| !negated(toks, a) && !toks[sentence(toks, a).1 - 1].question);
    all
}

/// Whether `word` is one of the space-separated `words` (word classes the shape
/// finders read).
fn is_in(words: &str, word: &str) -> bool {
    words.split_whitespace().any(|w| w == word)
}

#[cfg(test)]
mod tests;
