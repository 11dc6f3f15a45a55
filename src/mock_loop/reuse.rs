//! One story, once: the same story told in two rounds. Two answers tell the same story
//! when they are filed under the same story-bank id, or when their transcripts share
//! the figures and names and much of the wording.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

/// Share of distinct content words two tellings have in common (Jaccard) above which
/// they are the same story whatever else they share.
pub const SAME_WORDING: f64 = 0.5;
/// With two or more figures or names in common, this much shared wording suffices.
pub const SIMILAR_WORDING: f64 = 0.25;

/// One main answer of the loop, as reuse detection sees it.
#[derive(Debug, Clone)]
pub struct Telling<'a> {
    pub round: usize,
    pub attempt_id: i64,
    pub story_id: Option<i64>,
    /// The quantified results the analyzer found (their text).
    pub figures: Vec<String>,
    pub text: &'a str,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reuse {
    pub rounds: [usize; 2],
    pub attempts: [i64; 2],
    pub evidence: String,
}

/// Every pair of answers from different rounds that tell the same story.
pub fn detect(tellings: &[Telling]) -> Vec<Reuse> {
    let mut out = Vec::new();
    for (i, a) in tellings.iter().enumerate() {
        for b in &tellings[i + 1..] {
            if a.round == b.round {
                continue;
            }
            if let Some(evidence) = same_story(a, b) {
                out.push(Reuse {
                    rounds: [a.round, b.round],
                    attempts: [a.attempt_id, b.attempt_id],
                    evidence,
                });
            }
        }
    }
    out
}

fn same_story(a: &Telling, b: &Telling) -> Option<String> {
    if let (Some(x), Some(y)) = (a.story_id, b.story_id) {
        if x == y {
            return Some(format!("both answers tell story #{x} of the story bank"));
        }
    }
    let wa = content_words(a.text);
    let wb = content_words(b.text);
    let union = wa.union(&wb).count();
    let wording = if union == 0 { 0.0 } else { wa.intersection(&wb).count() as f64 / union as f64 };
    let fa: BTreeSet<String> = a.figures.iter().map(|f| normal_figure(f)).collect();
    let fb: BTreeSet<String> = b.figures.iter().map(|f| normal_figure(f)).collect();
    let figures: Vec<&String> = fa.intersection(&fb).collect();
    let na = names(a.text);
    let nb = names(b.text);
    let shared_names: Vec<&String> = na.intersection(&nb).collect();
    let shared = figures.len() + shared_names.len();
    if wording < SAME_WORDING && !(shared >= 2 && wording >= SIMILAR_WORDING) {
        return None;
    }
    let mut parts = Vec::new();
    if !figures.is_empty() {
        parts.push(format!("the same figures ({})", join(&figures)));
    }
    if !shared_names.is_empty() {
        parts.push(format!("the same names ({})", join(&shared_names)));
    }
    parts.push(format!("{:.0}% of the wording in common", wording * 100.0));
    Some(parts.join(", "))
}

fn join(items: &[&String]) -> String {
    items.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ")
}

/// "35 %", "35%" and "35 percent" are one figure.
fn normal_figure(f: &str) -> String {
    f.to_lowercase().replace("percent", "%").replace(' ', "")
}

const STOP: [&str; 40] = [
    "the", "and", "that", "this", "with", "for", "was", "were", "are", "from", "our", "they",
    "their", "them", "had", "has", "have", "but", "not", "what", "when", "which", "who", "how",
    "into", "out", "about", "then", "than", "there", "been", "its", "it's", "you", "your", "all",
    "one", "also", "would", "could",
];

fn content_words(text: &str) -> BTreeSet<String> {
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .filter(|w| w.chars().count() >= 3 && !STOP.contains(&w.as_str()))
        .collect()
}

/// Capitalised words inside a sentence (people, products, teams), not "I" or the
/// first word of a sentence.
fn names(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut sentence_start = true;
    for raw in text.split_whitespace() {
        let word = raw.trim_matches(|c: char| !c.is_alphanumeric());
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        if capital && !sentence_start && word.len() > 1 && !is_principle_word(word) {
            out.insert(word.to_string());
        }
        sentence_start = raw.ends_with(['.', '?', '!']);
    }
    out
}

/// Words of principle names ("Dive Deep", "Ownership") are said in every round.
fn is_principle_word(word: &str) -> bool {
    crate::principles::PRINCIPLES.iter().any(|p| p.split([' ', ',', ';']).any(|w| w == word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn telling<'a>(round: usize, text: &'a str, figures: &[&str]) -> Telling<'a> {
        Telling {
            round,
            attempt_id: round as i64 + 10,
            story_id: None,
            figures: figures.iter().map(|s| s.to_string()).collect(),
            text,
        }
    }

    const CHECKOUT: &str = "Our checkout was slow and customers were leaving. I took ownership. I found \
        that forty percent of the delay came from the Stripe payment service, so I rewrote the retry \
        logic with Priya. Checkout time dropped by 35% and conversion rose 2%.";
    const RETOLD: &str = "At my last company checkout was slow and customers left. I owned it: I found \
        the Stripe payment service caused most of the delay, and Priya and I rewrote the retry logic. \
        Checkout time fell 35% and conversion rose 2%.";
    const OTHER: &str =
        "I disagreed with our head of marketing about a Prime Day banner. I pulled \
        three years of click data and showed the banner cut add-to-cart by 8%. We ran a test and \
        dropped it.";

    #[test]
    fn the_same_story_in_two_rounds_is_flagged_with_its_evidence() {
        let found = detect(&[
            telling(0, CHECKOUT, &["forty percent", "35%", "2%"]),
            telling(1, OTHER, &["three years", "8%"]),
            telling(2, RETOLD, &["35%", "2%"]),
        ]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].rounds, [0, 2]);
        assert!(found[0].evidence.contains("35%"), "{}", found[0].evidence);
        assert!(found[0].evidence.contains("Stripe"), "{}", found[0].evidence);
    }

    #[test]
    fn same_round_or_different_stories_are_not_flagged() {
        assert!(detect(&[telling(0, CHECKOUT, &["35%"]), telling(0, RETOLD, &["35%"])]).is_empty());
        assert!(detect(&[telling(0, CHECKOUT, &["35%"]), telling(1, OTHER, &["8%"])]).is_empty());
    }

    #[test]
    fn the_same_story_id_is_flagged_whatever_the_words() {
        let mut a = telling(0, CHECKOUT, &[]);
        let mut b = telling(1, OTHER, &[]);
        (a.story_id, b.story_id) = (Some(4), Some(4));
        let found = detect(&[a, b]);
        assert!(found[0].evidence.contains("story #4"));
    }
}
