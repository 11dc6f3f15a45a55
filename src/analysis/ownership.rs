//! "I" against "we": who did the work in this story.

use super::report::Ownership;
use super::tokens::Token;

const I: &[&str] = &["i", "me", "my", "mine", "myself", "i'm", "i've", "i'd", "i'll"];
const WE: &[&str] = &["we", "us", "our", "ours", "ourselves", "we're", "we've", "we'd", "we'll"];
/// After "I"/"we", these describe a state or a thought, not an action.
const NOT_ACTIONS: &[&str] = &[
    "was", "were", "am", "are", "is", "had", "have", "think", "thought", "felt", "feel", "guess",
    "mean", "believe", "know", "knew", "wanted", "want", "would", "could", "might", "should",
    "can", "will", "didn't", "don't", "also", "just", "really", "still", "all", "both", "and",
    "as", "to", "the", "a", "learned", "realized", "noticed", "saw", "heard", "got", "needed",
    "need", "liked", "like", "loved", "hoped", "expected", "assumed", "were", "did", "do", "so",
    "then", "because",
];

pub fn count(toks: &[Token]) -> Ownership {
    let mut o = Ownership::default();
    for (k, t) in toks.iter().enumerate() {
        let w = t.norm.as_str();
        let is_i = I.contains(&w);
        let is_we = WE.contains(&w);
        o.i += usize::from(is_i);
        o.we += usize::from(is_we);
        if (w == "i" || w == "we") && !t.clause_end {
            let action = toks.get(k + 1).is_some_and(|n| {
                n.norm.chars().all(|c| c.is_alphabetic() || c == '-')
                    && !NOT_ACTIONS.contains(&n.norm.as_str())
                    && !I.contains(&n.norm.as_str())
                    && !WE.contains(&n.norm.as_str())
            });
            if action {
                if w == "i" {
                    o.i_actions += 1;
                } else {
                    o.we_actions += 1;
                }
            }
        }
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tokens::tokenize;
    use crate::transcript::Transcript;

    #[test]
    fn counts_pronouns_and_actions() {
        let toks = tokenize(&Transcript::from_text(
            "We shipped it. We were late. I rewrote our plan and my team helped me.",
        ));
        let o = count(&toks);
        assert_eq!((o.i, o.we, o.i_actions, o.we_actions), (3, 3, 1, 1));
    }
}
