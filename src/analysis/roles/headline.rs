//! Outcomes said before the story: in a sentence that calls itself the headline ("the
//! short version: ..."), or before the answer turns to the story ("Let me tell you how
//! we got there"); and outcomes said under a heading of their own ("Result: ...").

use crate::analysis::tokens::{sentence, PhraseSet, Token};

/// Words that announce the outcome before the story: "the headline is", "the short version".
const HEADLINE: &[&str] =
    &["headline", "short version", "bottom line", "long story short", "upshot", "punchline"];

/// Whether the sentence of token `i`, up to it, says it is the headline.
pub(super) fn headline(toks: &[Token], i: usize) -> bool {
    PhraseSet::new(HEADLINE).any_in(toks, sentence(toks, i).0, i)
}

/// Words that turn from the outcome said first to the story: "Let me tell you how we got
/// there", "Let me back up", "Context."
const TO_THE_STORY: &[&str] = &[
    "how we got there",
    "how we got here",
    "how i got there",
    "let me back up",
    "let me rewind",
    "let me go back",
    "let me start from",
    "let me explain how",
    "some context",
    "some background",
    "for context",
    "context",
    "background",
    "to set the scene",
];

/// Whether token `i` comes before a turn to the story in the answer's opening (its
/// first third, or first 60 words): "Reprints cut in half, approval in under a day.
/// ... Let me tell you how we got there."
pub(super) fn before_the_story(toks: &[Token], i: usize) -> bool {
    let opening = toks.len().min((toks.len() / 3).max(60));
    PhraseSet::new(TO_THE_STORY).find_all(&toks[..opening]).first().is_some_and(|m| i < m.start)
}

/// Words that head the outcome's sentence: "Result: 61 accessions were under the limit".
const RESULT_HEADINGS: &[&str] = &["result", "results", "outcome", "outcomes"];

/// Whether the sentence of token `i` opens with a result heading and its colon ("Result:",
/// "The outcome:").
pub(super) fn under_result_heading(toks: &[Token], i: usize) -> bool {
    let s = sentence(toks, i).0;
    let k = s + usize::from(toks[s].norm == "the");
    k < i && RESULT_HEADINGS.contains(&toks[k].norm.as_str()) && toks[k].clause_end
}
