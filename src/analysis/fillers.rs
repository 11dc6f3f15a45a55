//! Fillers ("um", "like", "you know") and hedges ("I think", "maybe"), with the
//! senses that carry meaning left out: "I like", "do you know", "what kind of".

use super::lexicon::Lexicon;
use super::numbers::is_numeric;
use super::report::{Occurrence, Tally};
use super::tokens::{span_text, word_span, PhraseSet, Token};

/// Words before "like" that make it a verb or a comparison ("I like", "looks like").
const LIKE_NOT_FILLER_BEFORE: &[&str] = &[
    "i",
    "we",
    "you",
    "they",
    "he",
    "she",
    "would",
    "i'd",
    "we'd",
    "you'd",
    "they'd",
    "do",
    "don't",
    "did",
    "didn't",
    "does",
    "doesn't",
    "look",
    "looks",
    "looked",
    "looking",
    "feel",
    "feels",
    "felt",
    "seem",
    "seems",
    "seemed",
    "sound",
    "sounds",
    "sounded",
    "something",
    "anything",
    "nothing",
    "things",
    "more",
    "much",
    "really",
    "people",
    "users",
    "customers",
    "not",
    "exactly",
    "just",
    "is",
    "are",
    "be",
];
/// Words after "like" that show it is a comparison or example ("like the old one").
const LIKE_FILLER_BEFORE: &[&str] =
    &["and", "but", "so", "or", "um", "uh", "was", "were", "it's", "that's", "then"];
/// Determiners before "kind of"/"sort of" that make it a noun ("what kind of users").
const KIND_NOUN_BEFORE: &[&str] = &[
    "what",
    "which",
    "this",
    "that",
    "the",
    "a",
    "any",
    "some",
    "every",
    "same",
    "one",
    "different",
    "these",
    "those",
    "all",
    "other",
    "right",
    "wrong",
];
/// After "you know", these make it a verb ("you know what the data said").
const KNOW_VERB_AFTER: &[&str] =
    &["that", "what", "how", "who", "where", "why", "when", "whether", "if", "about", "it", "the"];
const KNOW_VERB_BEFORE: &[&str] = &["do", "did", "don't", "if", "as", "would", "whether", "let"];

/// Counts fillers and hedges; `minutes` gives the per-minute rate.
pub fn detect(toks: &[Token], lex: &Lexicon, minutes: Option<f64>, spoken: bool) -> (Tally, Tally) {
    let fillers = tally(toks, &lex.fillers, minutes, spoken, true);
    let hedges = tally(toks, &lex.hedges, minutes, spoken, false);
    (fillers, hedges)
}

fn tally(
    toks: &[Token],
    set: &PhraseSet,
    minutes: Option<f64>,
    spoken: bool,
    check_sense: bool,
) -> Tally {
    let items: Vec<Occurrence> = set
        .find_all(toks)
        .into_iter()
        .filter(|m| !check_sense || is_filler(toks, m.start, m.len))
        .map(|m| Occurrence {
            text: span_text(toks, m.start, m.start + m.len).to_lowercase(),
            start_s: toks[m.start].start_s,
            span: word_span(toks, m.start, m.start + m.len),
        })
        .collect();
    let per_min = minutes.filter(|m| *m > 0.0).map(|m| items.len() as f64 / m);
    Tally { count: items.len(), per_min, items, lower_bound: spoken }
}

/// Decides whether a matched filler word is a filler here.
fn is_filler(toks: &[Token], i: usize, len: usize) -> bool {
    let prev = if i == 0 { None } else { toks.get(i - 1) };
    let prev_w = prev.map(|p| p.norm.as_str()).unwrap_or("");
    let opens = prev.is_none_or(|p| p.clause_end);
    let next = toks.get(i + len);
    let next_w = next.map(|n| n.norm.as_str()).unwrap_or("");
    let phrase: Vec<&str> = toks[i..i + len].iter().map(|t| t.norm.as_str()).collect();
    match phrase.as_slice() {
        ["like"] => {
            if LIKE_NOT_FILLER_BEFORE.contains(&prev_w) {
                return false;
            }
            opens
                || toks[i].clause_end
                || LIKE_FILLER_BEFORE.contains(&prev_w)
                || is_numeric(next_w)
                || next_w == "a" && toks.get(i + 2).is_some_and(|t| is_numeric(&t.norm))
        }
        ["kind", "of"] | ["sort", "of"] => !KIND_NOUN_BEFORE.contains(&prev_w),
        ["you", "know"] => {
            !KNOW_VERB_BEFORE.contains(&prev_w)
                && (toks[i + 1].clause_end || !KNOW_VERB_AFTER.contains(&next_w))
        }
        ["i", "mean"] => {
            !matches!(prev_w, "what" | "if" | "do")
                && (!matches!(next_w, "it" | "that") || toks[i + 1].clause_end)
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tokens::tokenize;
    use crate::transcript::Transcript;

    fn fillers(text: &str) -> Vec<String> {
        let toks = tokenize(&Transcript::from_text(text));
        detect(&toks, &Lexicon::builtin(), None, false)
            .0
            .items
            .into_iter()
            .map(|o| o.text)
            .collect()
    }

    #[test]
    fn like_only_as_a_filler() {
        assert_eq!(
            fillers("It was, like, really slow and like 30% of users left."),
            ["like", "like"]
        );
        assert!(fillers("I like data. It looks like the old one, features like search.").is_empty());
    }

    #[test]
    fn phrases_in_their_filler_sense() {
        assert_eq!(
            fillers("Um, so, you know, it was kind of slow, basically."),
            ["um", "you know", "kind of", "basically"]
        );
        assert!(fillers("What kind of users? Do you know what I mean by that?").is_empty());
    }
}
