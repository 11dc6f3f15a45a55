//! Leadership Principles the answer names as its lesson or shows, one entry per principle.
//!
//! A principle counts as named (`explicit`) only where the candidate says it as the
//! thing the story shows: in a sentence with a lesson cue ("This demonstrates
//! Ownership", "the principle here is Dive Deep", "I'd call it Frugality") or a
//! sentence of names alone. "I owned the investigation" or "to earn trust with
//! finance" use a principle's words in passing: a hint, not the lesson. Inside a
//! lesson sentence a name whisper bent ("customer on session") is matched as a near miss.

use super::lexicon::Lexicon;
use super::near_miss;
use super::report::PrincipleHit;
use super::tokens::{span_text, word_span, Match, Token};

/// A bent name starts within this many words after its lesson cue ("shows that ...").
const NEAR_CUE: usize = 3;
/// Lesson cues that also open ordinary sentences ("this is retail customer service"):
/// a bent name after one of these alone is matched strictly.
const PLAIN_CUES: &[&str] = &[
    "that's",
    "that is",
    "this is",
    "this was",
    "it's",
    "it is",
    "to me",
    "for me",
    "is about",
    "was about",
    "in practice",
    "i'd say",
    "i would say",
    // "we showed the customer their meter": narrative, unlike "this shows"
    "show",
    "showed",
    "showing",
];
/// Most words a name takes after its cue ("Hire and Develop the Best").
const NAME_WORDS: usize = 5;
/// Words that open a lesson sentence before its cue: "This demonstrates", "The principle".
const CUE_OPENERS: &[&str] = &["this", "that", "it", "which", "the"];
/// Words said before the opener: "So, this shows".
const LEAD_INS: &[&str] = &["so", "and", "um", "uh", "overall", "honestly"];
/// Words that open a clause of place, time or condition: a name inside one is said in
/// passing.
const OCCASIONS: &[&str] = &["where", "when", "whenever", "if", "because", "before", "after"];
/// Words that open the thing an act is done to: "I owned the app".
const DETERMINERS: &[&str] = &["the", "a", "an", "my", "our", "this", "that", "it", "their"];
/// Things a name may qualify when said in passing: "the ownership part of the flow".
const QUALIFIED: &[&str] = &[
    "part",
    "piece",
    "side",
    "bit",
    "aspect",
    "element",
    "angle",
    "model",
    "structure",
    "flow",
    "process",
    "step",
    "field",
    "column",
    "rules",
    "policy",
    "role",
    "team",
    "matrix",
];
/// Words that may sit between names in a sentence of names alone.
const JOINERS: &[&str] =
    &["and", "also", "both", "plus", "as", "well", "mostly", "mainly", "basically", "really"];

pub fn detect(toks: &[Token], lex: &Lexicon) -> Vec<PrincipleHit> {
    let matches = lex.principles.find_all(toks);
    let sentences = sentences(toks);
    let cues: Vec<Vec<(usize, usize)>> =
        sentences.iter().map(|&(a, b)| lesson_cues(toks, a, b, lex)).collect();
    let plain = |c: &[(usize, usize)]| c.iter().all(|&(s, l)| is_plain(toks, s, l));
    // A cue that also opens ordinary sentences ("this was at a clinic where I owned
    // ...") makes a lesson sentence only when a name follows it closely ("that is
    // Customer Obsession"), not inside a clause of where or when ("it's where we earn
    // trust or lose it"; "that is how I earn trust" says the lesson).
    let named_after = |c: &[(usize, usize)]| {
        matches.iter().any(|m| {
            c.iter().any(|&(s, l)| {
                (s + l..s + l + NEAR_CUE).contains(&m.start)
                    && !toks[s + l..m.start].iter().any(|t| OCCASIONS.contains(&t.norm.as_str()))
            })
        })
    };
    let lesson: Vec<bool> = sentences
        .iter()
        .zip(&cues)
        .map(|(&(a, b), c)| {
            (!c.is_empty() && (!plain(c) || named_after(c)))
                || names_alone(toks, a, b, lex, &matches)
        })
        .collect();
    let sentence_of = |i: usize| sentences.iter().position(|&(a, b)| (a..b).contains(&i));
    let mut out: Vec<PrincipleHit> = Vec::new();
    for m in &matches {
        let cue = lex.principle_cues[m.phrase];
        let k = sentence_of(m.start);
        // "I owned the app, but the lesson I took is ...": a name said as the speaker's
        // own act on a thing names the lesson only after its cue
        let object = |k: usize| toks.get(k).is_some_and(|t| DETERMINERS.contains(&t.norm.as_str()));
        let end = m.start + m.len;
        let act = toks[m.start].norm == "i" && (object(end) || object(end - 1));
        let after_cue = |k: usize| cues[k].iter().any(|&(s, l)| s + l <= m.start);
        // "that's the ownership part of the flow": a name used to qualify a thing
        let qualifies = m.start > 0
            && DETERMINERS.contains(&toks[m.start - 1].norm.as_str())
            && !toks[end - 1].clause_end
            && toks.get(end).is_some_and(|t| QUALIFIED.contains(&t.norm.as_str()));
        let named = cue.explicit
            && !qualifies
            && k.is_some_and(|k| {
                (lesson[k] && (!act || after_cue(k)))
                    || (!act && continues_lesson(toks, k, &sentences, &lesson, m.start))
            });
        let bent_rest =
            k.filter(|_| named).and_then(|k| bent_rest(toks, lex, cue.name, m, sentences[k].1));
        let (len, near) = bent_rest.map_or((m.len, false), |end| (end - m.start, true));
        add(&mut out, hit(toks, cue.name, m.start, len, named, near));
    }
    let mut named: Vec<bool> = sentences
        .iter()
        .map(|&(a, b)| {
            matches
                .iter()
                .any(|m| (a..b).contains(&m.start) && lex.principle_cues[m.phrase].explicit)
        })
        .collect();
    for (k, &(a, b)) in sentences.iter().enumerate() {
        if named[k] {
            continue;
        }
        let found = if cues[k].is_empty() && !lesson[k] {
            // A lesson sentence that named nothing may be answered by the next one (or
            // the one after), name first: "... if I had to name it. By us for action,".
            let waiting = (k.saturating_sub(2)..k).any(|j| lesson[j] && !named[j]);
            let opener = usize::from(JOINERS.contains(&toks[a].norm.as_str()));
            waiting
                .then(|| {
                    near_miss::find(toks, &[a + opener], b, &lex.principle_names, |_| false, true)
                })
                .flatten()
                .filter(|nm| nm.distance <= CARRIED_DISTANCE)
        } else {
            // A bent name follows its cue closely: "This demonstrates deliverance adults".
            let cues = &cues[k];
            let blocked = |i: usize| cues.iter().any(|&(s, l)| (s..s + l).contains(&i));
            let starts: Vec<usize> = cues
                .iter()
                .flat_map(|&(s, l)| (s + l..s + l + NEAR_CUE).chain(after_copula(toks, s + l, b)))
                .filter(|&i| !blocked(i))
                .collect();
            let names = &lex.principle_names;
            near_miss::find(toks, &starts, b, names, blocked, plain(cues)).or_else(|| {
                // Further into a lesson sentence, past its hedges: "the lesson, if I had to
                // name one, is that it's kind of, um, Bias for Auction?"
                let anywhere: Vec<usize> = (a..b).filter(|&i| !blocked(i)).collect();
                lesson[k]
                    .then(|| near_miss::find(toks, &anywhere, b, names, blocked, true))
                    .flatten()
                    .filter(|nm| nm.distance <= CARRIED_DISTANCE)
            })
        };
        if let Some(nm) = found {
            named[k] = true;
            add(&mut out, hit(toks, nm.name, nm.start, nm.len, true, true));
        }
    }
    out
}

/// Where a name said in part goes on bent, the end of the whole: "have backbone,
/// disagree and comet" is Have Backbone; Disagree and Commit with its last word misheard.
fn bent_rest(toks: &[Token], lex: &Lexicon, name: &str, m: &Match, b: usize) -> Option<usize> {
    let next = m.start + m.len;
    let nm = near_miss::find(toks, &[next], b, &lex.principle_names, |_| false, true)?;
    (nm.name == name && nm.distance > 0.0).then_some(nm.start + nm.len)
}

/// Largest near-miss distance for a name away from its lesson cue (opening the sentence
/// after it, or further on in its own): only a name bent by a sound or two ("by us for
/// action", "Bias for Auction") counts, not ordinary words that share some ("I ended up
/// simplifying").
const CARRIED_DISTANCE: f64 = 0.2;

/// Most words between a lesson cue and the "is" its name follows ("I'd say the whole
/// thing is ...").
const TO_COPULA: usize = 5;

/// Where a name may start after the cue's "is" or "was", past a filler: "I'd say the
/// whole thing is, um, invent and simplicity".
fn after_copula(toks: &[Token], from: usize, b: usize) -> impl Iterator<Item = usize> {
    (from..b.min(from + TO_COPULA))
        .find(|&k| matches!(toks[k].norm.as_str(), "is" | "was"))
        .into_iter()
        .flat_map(|k| [k + 1, k + 2])
}

fn is_plain(toks: &[Token], s: usize, l: usize) -> bool {
    PLAIN_CUES.contains(&span_text(toks, s, s + l).to_lowercase().as_str())
}

/// "I'd say the lesson was Earn Trust. And Customer Obsession too": a sentence that goes
/// on from a lesson sentence (the one before, or the one before that when a sentence
/// explains the first) with the name first.
fn continues_lesson(
    toks: &[Token],
    k: usize,
    sentences: &[(usize, usize)],
    lesson: &[bool],
    start: usize,
) -> bool {
    let (a, _) = sentences[k];
    let opener = usize::from(JOINERS.contains(&toks[a].norm.as_str()));
    start == a + opener && (k.saturating_sub(2)..k).any(|j| lesson[j])
}

fn hit(
    toks: &[Token],
    name: &str,
    start: usize,
    len: usize,
    named: bool,
    near: bool,
) -> PrincipleHit {
    PrincipleHit {
        name: name.to_string(),
        text: span_text(toks, start, start + len),
        explicit: named,
        start_s: toks[start].start_s,
        span: word_span(toks, start, start + len),
        mentions: 1,
        near_miss: near,
        unsure: false,
    }
}

/// One entry per principle: the first naming, else the first hint; mentions add up.
fn add(out: &mut Vec<PrincipleHit>, hit: PrincipleHit) {
    match out.iter_mut().find(|h| h.name == hit.name) {
        Some(h) => {
            let mentions = h.mentions + 1;
            if hit.explicit && !h.explicit {
                *h = hit;
            }
            h.mentions = mentions;
        }
        None => out.push(hit),
    }
}

/// Where the answer sets out to name its principle: the words right after a cue that
/// opens its sentence ("This demonstrates ...", "The principle here is ..."), as token
/// ranges `a..b`. If whisper was unsure of them, the name may have been said and misheard.
pub fn name_slots(toks: &[Token], lex: &Lexicon) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (a, b) in sentences(toks) {
        let Some(o) = (a..b).find(|&k| !LEAD_INS.contains(&toks[k].norm.as_str())) else {
            continue;
        };
        if !CUE_OPENERS.contains(&toks[o].norm.as_str()) {
            continue;
        }
        // "This demonstrates", "this really shows", "The key principle"
        let opening =
            |&(s, l): &(usize, usize)| (o + 1..=o + 2).contains(&s) && !is_plain(toks, s, l);
        if let Some((s, l)) = lesson_cues(toks, a, b, lex).into_iter().find(opening) {
            let from = s + l;
            if from < b {
                out.push((from, (from + NAME_WORDS).min(b)));
            }
        }
    }
    out
}

fn sentences(toks: &[Token]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut a = 0;
    for (i, t) in toks.iter().enumerate() {
        if t.sentence_end || i + 1 == toks.len() {
            out.push((a, i + 1));
            a = i + 1;
        }
    }
    out
}

/// The lesson cues of the sentence `a..b` as (start, len): the cues as said, else a
/// lesson verb whisper bent ("This now mistrates ...").
fn lesson_cues(toks: &[Token], a: usize, b: usize, lex: &Lexicon) -> Vec<(usize, usize)> {
    let said: Vec<(usize, usize)> = lex
        .lesson
        .find_all(&toks[..b])
        .into_iter()
        .filter(|c| c.start >= a)
        .map(|c| (c.start, c.len))
        .collect();
    if said.is_empty() {
        near_miss::bent_cue(toks, a, b).into_iter().collect()
    } else {
        said
    }
}

/// A sentence of principle names alone, which names its lesson without a cue.
fn names_alone(toks: &[Token], a: usize, b: usize, lex: &Lexicon, matches: &[Match]) -> bool {
    let inside: Vec<&Match> = matches
        .iter()
        .filter(|m| (a..b).contains(&m.start) && lex.principle_cues[m.phrase].explicit)
        .collect();
    !inside.is_empty()
        && (a..b).all(|i| {
            inside.iter().any(|m| (m.start..m.start + m.len).contains(&i))
                || JOINERS.contains(&toks[i].norm.as_str())
        })
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
    fn a_scene_is_not_a_lesson_and_a_lesson_may_go_on() {
        let scene = "Okay, so this was at a telehealth company, where I owned the scheduling \
                     product for about sixty clinics.";
        assert_eq!(names(scene), [("Ownership".to_string(), false)]);
        let lesson = "I'd say the lesson was Earn Trust. I won her over with their own words. \
                      And Customer Obsession too, really, because patients told us first.";
        assert_eq!(
            names(lesson),
            [("Earn Trust".to_string(), true), ("Customer Obsession".to_string(), true)]
        );
    }

    #[test]
    fn named_variants_and_hints() {
        assert_eq!(names("This demonstrates Ownership."), [("Ownership".to_string(), true)]);
        assert_eq!(names("I think it shows I dove deep."), [("Dive Deep".to_string(), true)]);
        for said in [
            "If I had to name it, Bias for Action.",
            "I'd put this under Bias for Action.",
            "The way I'd sum it up is Bias for Action.",
            "Bias for action, basically.",
            "The one I'd point to is Bias for Action.",
            "What I learned, and I'd frame this as Bias for Action, is to decide early.",
        ] {
            assert_eq!(names(said), [("Bias for Action".to_string(), true)], "{said}");
        }
        assert_eq!(
            names("Customer Obsession and Ownership."),
            [("Customer Obsession".to_string(), true), ("Ownership".to_string(), true)]
        );
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
    fn words_in_passing_are_not_naming() {
        for s in [
            "I owned the investigation and got the right people on a call.",
            "I gave each of the leads ownership of one roadmap area.",
            "I dove deep into the logs.",
            "To earn trust with the finance team I set up a weekly meeting.",
            // a plain cue with someone doing the principle's words after it
            "We have to be careful here, it's where we earn trust or lose it.",
            // a name that qualifies a thing
            "One named engineer holds each incident. That's the ownership part of the flow.",
            // an act on a thing before the cue, whose lesson is something else
            "I owned the app, but the lesson I took is to question the first explanation.",
        ] {
            assert!(names(s).iter().all(|(_, named)| !named), "{s}: {:?}", names(s));
        }
        let after_lesson = "For me that is Dive Deep. I owned the app, but the data was there.";
        assert!(names(after_lesson).contains(&("Ownership".to_string(), false)));
    }

    #[test]
    fn bent_names_in_a_lesson_are_near_misses() {
        let toks = tokenize(&Transcript::from_text(
            "This demonstrates deliverance adults: we committed to a date and beat it.",
        ));
        let hits = detect(&toks, &Lexicon::builtin());
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].name, "Deliver Results");
        assert!(hits[0].explicit && hits[0].near_miss);
        assert_eq!(hits[0].text, "deliverance adults");
        // a name said in part, then bent: the whole is the near miss
        let toks = tokenize(&Transcript::from_text(
            "So the lesson for me is have backbone, disagree and comet. I brought a test.",
        ));
        let hits = detect(&toks, &Lexicon::builtin());
        assert!(hits[0].explicit && hits[0].near_miss);
        assert_eq!(hits[0].text, "have backbone disagree and comet");
        for (text, name) in [
            (
                "This shows customer on session, because every change came from the calls.",
                "Customer Obsession",
            ),
            ("This is in VEN and Simplify.", "Invent and Simplify"),
            ("For me that's higher and developed the best.", "Hire and Develop the Best"),
            ("That is how I earn the trust of the people I build for.", "Earn Trust"),
            ("This now mistrates customer expansion.", "Customer Obsession"),
            ("I'd say the whole story is, um, invent and simplicity.", "Invent and Simplify"),
            ("For me the thing here was, uh, deliverance adults.", "Deliver Results"),
            ("It was a win. If I had to name it. By us for action, we moved.", "Bias for Action"),
            ("Well, I took away, and I call this customer obsession.", "Customer Obsession"),
            ("The principal I tied this document and simplified.", "Invent and Simplify"),
            ("So, I think, for me, that really shows the liver results.", "Deliver Results"),
            // the joining word swapped
            ("We shipped it. That, to me, is bias of action.", "Bias for Action"),
            ("That is hire in develop the best.", "Hire and Develop the Best"),
            (
                "I guess the lesson, if I had to name one, is that it's kind of, um, Bias for \
                 Auction?",
                "Bias for Action",
            ),
        ] {
            assert_eq!(names(text), [(name.to_string(), true)], "{text}");
        }
    }

    #[test]
    fn common_words_are_not_principles() {
        assert!(names(
            "The customer was the owner of the system; results and action items followed."
        )
        .is_empty());
        assert!(names("It is the backbone of our platform, and our clients have high standards.")
            .is_empty());
        assert!(names("If I had to name it, I'd say patience. I ended up simplifying the form.")
            .is_empty());
        assert!(names("Second, we showed the customer near me, there will number on screen.")
            .is_empty());
        assert!(names("That is bias for anything we can measure.").is_empty());
        assert_eq!(
            names("It showed customer on session."),
            [("Customer Obsession".to_string(), true)]
        );
    }
}
