//! Leadership Principles the answer names or shows, one entry per principle.

use super::lexicon::Lexicon;
use super::report::PrincipleHit;
use super::tokens::{span_text, word_span, Token};

/// Every principle mentioned, in order of first mention. A principle named
/// anywhere is `explicit`; its entry points at the first naming, else the first hint.
pub fn detect(toks: &[Token], lex: &Lexicon) -> Vec<PrincipleHit> {
    let mut out: Vec<PrincipleHit> = Vec::new();
    for m in lex.principles.find_all(toks) {
        let cue = lex.principle_cues[m.phrase];
        let hit = PrincipleHit {
            name: cue.name.to_string(),
            text: span_text(toks, m.start, m.start + m.len),
            explicit: cue.explicit,
            start_s: toks[m.start].start_s,
            span: word_span(toks, m.start, m.start + m.len),
            mentions: 1,
        };
        match out.iter_mut().find(|h| h.name == cue.name) {
            Some(h) => {
                let mentions = h.mentions + 1;
                if cue.explicit && !h.explicit {
                    *h = hit;
                }
                h.mentions = mentions;
            }
            None => out.push(hit),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tokens::tokenize;
    use crate::transcript::Transcript;

    fn names(text: &str) -> Vec<(String, bool)> {
        let toks = tokenize(&Transcript::from_text(text));
        detect(&toks, &Lexicon::builtin()).into_iter().map(|h| (h.name, h.explicit)).collect()
    }

    #[test]
    fn named_variants_and_hints() {
        assert_eq!(names("This demonstrates Ownership."), [("Ownership".to_string(), true)]);
        assert_eq!(names("I dove deep into the logs"), [("Dive Deep".to_string(), true)]);
        assert_eq!(names("We did more with less."), [("Frugality".to_string(), false)]);
        assert_eq!(
            names("I disagreed and committed, and that is Customer Obsession"),
            [
                ("Have Backbone; Disagree and Commit".to_string(), true),
                ("Customer Obsession".to_string(), true)
            ]
        );
    }

    #[test]
    fn common_words_are_not_principles() {
        assert!(names(
            "The customer was the owner of the system; results and action items followed."
        )
        .is_empty());
        assert!(names("It is the backbone of our platform, and our clients have high standards.")
            .is_empty());
    }
}
