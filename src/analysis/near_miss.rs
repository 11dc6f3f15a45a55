//! Principle names as whisper bends them: "customer on session", "deliverance
//! adults", "in VEN and Simplify". The 16 names are a closed set, so a run of words
//! that sounds close enough to one of them, said where a candidate names the lesson,
//! is taken as that name and reported as a near miss.

use super::tokens::{Token, FUNCTION_WORDS};

/// Largest edit distance, as a share of the name's letters, still taken as the name:
/// long names bend further ("deliverance adults" is 0.38 from "deliver results") than
/// short ones can without meeting ordinary words ("have about", "have backbone").
/// Whisper keeps a name's first sound, so a run that starts with another is not it
/// ("the backbone of our platform" is not "have backbone").
pub const MAX_DISTANCE: f64 = 0.4;
pub const MAX_DISTANCE_SHORT: f64 = 0.25;
/// Names with fewer letters than this are short.
const LONG_LETTERS: usize = 12;
/// Names shorter than this (in letters) are too easy to hit by chance.
const MIN_LETTERS: usize = 7;
/// Fewest consonants a name needs to be matched by its consonants alone, within one edit.
const MIN_CONSONANTS: usize = 5;

/// Words no principle name ends with, which close ordinary runs that share a name's
/// first word ("showed the customer their meter", "8,000 customers per arm").
const ENDS_NO_NAME: &[&str] = &[
    "the", "a", "an", "of", "to", "for", "and", "or", "with", "in", "on", "at", "by", "per",
    "their", "our", "my", "your", "his", "her", "its", "them", "they", "we", "i", "it",
];

/// The lesson verb candidates say most, long enough to be known when whisper bends it
/// ("now mistrates", "lemon-straight" for "demonstrates").
const BENT_CUE: &str = "demonstrates";
/// Most consonant edits a bent lesson verb may be from [`BENT_CUE`].
const BENT_CUE_EDITS: usize = 2;
/// Words that open a lesson sentence before its verb ("This demonstrates ...").
const LESSON_OPENERS: &[&str] = &["this", "that", "it", "which"];

/// A lesson verb whisper bent, right after the word that opens the sentence at `a`
/// (one word, or two run together, at most one word further on): its (start, len).
pub fn bent_cue(toks: &[Token], a: usize, b: usize) -> Option<(usize, usize)> {
    if !LESSON_OPENERS.contains(&toks.get(a)?.norm.as_str()) {
        return None;
    }
    let target = consonants(&sound(BENT_CUE));
    for start in (a + 1..a + 3).filter(|&s| s < b) {
        for len in 1..=2.min(b - start) {
            let heard: String = toks[start..start + len].iter().map(|t| t.norm.as_str()).collect();
            if edit_distance(&consonants(&sound(&heard)), &target) <= BENT_CUE_EDITS {
                return Some((start, len));
            }
        }
    }
    None
}

/// A name heard in `toks[start..start + len]`, `distance` away from `name`.
#[derive(Debug, Clone, PartialEq)]
pub struct NearMiss {
    pub name: &'static str,
    pub start: usize,
    pub len: usize,
    pub distance: f64,
}

/// The closest name to a run of words starting at one of `starts` and ending before
/// `b`, if close enough, leaving out tokens for which `blocked` is true (the lesson
/// cue itself: "this shows"). `names` pairs each way of saying a principle with its
/// canonical name. `strict`: after a cue that also opens ordinary sentences ("this
/// is"), a run that starts with a name's first word must be close in the rest too.
pub fn find(
    toks: &[Token],
    starts: &[usize],
    b: usize,
    names: &[(String, &'static str)],
    blocked: impl Fn(usize) -> bool,
    strict: bool,
) -> Option<NearMiss> {
    let mut best: Option<NearMiss> = None;
    for (said, name) in names {
        for (target, whole) in targets(said, said.eq_ignore_ascii_case(name)) {
            let words_of: Vec<&str> = target
                .split(|c: char| c.is_whitespace() || c == '-')
                .filter(|w| !w.is_empty())
                .collect();
            let words = words_of.len();
            let target = sound(&target);
            if target.len() < MIN_LETTERS {
                continue;
            }
            for &start in starts.iter().filter(|&&s| s < b) {
                for len in 1..=(words + 2).min(b - start) {
                    let last = &toks[start + len - 1];
                    if blocked(start + len - 1)
                        || !last.norm.bytes().any(|c| c.is_ascii_alphabetic())
                    {
                        break;
                    }
                    // Whisper splits a name into more words, never fewer: one word is
                    // not a name of several ("customers" is not "customer obsessed").
                    let one_for_many = len == 1 && words > 1 && !last.norm.contains('-');
                    if ENDS_NO_NAME.contains(&last.norm.as_str()) || one_for_many {
                        continue;
                    }
                    let run = &toks[start..start + len];
                    let heard: String = run.iter().map(|t| t.norm.as_str()).collect();
                    let heard = sound(&heard);
                    let Some(d) = distance(&heard, &target).or_else(|| th_for_d(&heard, &target))
                    else {
                        continue;
                    };
                    if !rest_is_close(run, &words_of, strict)
                        || !unshared_words_fit(run, &words_of, whole)
                    {
                        continue;
                    }
                    if best.as_ref().is_none_or(|x| d < x.distance) {
                        best = Some(NearMiss { name, start, len, distance: d });
                    }
                }
            }
        }
    }
    best
}

/// Whether a run that starts with the name's first word is close to the name in the
/// rest too, where the shared word proves nothing: after a cue that also opens
/// ordinary sentences ("customer service" is not a bent "customer obsession";
/// "customer on session" is), and after any cue when the word is another word that
/// begins the same ("delivery scans" is not "delivered results").
fn rest_is_close(run: &[Token], name: &[&str], strict: bool) -> bool {
    let (Some(first), Some(said)) = (run.first(), name.first()) else { return true };
    let said = said.to_lowercase();
    // "delivery" for "deliver", "high" for "highest": another word that begins the same
    let letters: String = said.chars().filter(|c| c.is_alphabetic()).collect();
    // ("back bone" is the word split in two)
    let joined = run.get(1).map(|t| format!("{}{}", first.norm, t.norm)).unwrap_or_default();
    let split = joined.starts_with(&letters);
    let shortened = letters.len() > first.norm.len()
        && first.norm.len() >= 3
        && letters.starts_with(&first.norm)
        && !split;
    let other_form = first.norm != said && (stem(&first.norm) == stem(&said) || shortened);
    if name.len() < 2 || !(other_form || (strict && first.norm == said)) {
        return true;
    }
    let close = |heard: &[Token], rest: &[&str]| {
        let heard: String = heard.iter().map(|t| t.norm.as_str()).collect();
        distance(&sound(&heard), &sound(&rest.concat())).is_some()
    };
    // the small word joining a name's parts is the one whisper swaps most ("bias of
    // action"), so the rest may also be compared from its next word on
    let joined_by = |w: &str| FUNCTION_WORDS.contains(&w.to_lowercase().as_str());
    let past_joiner = |heard: &[Token]| {
        let skip = heard.iter().take_while(|t| FUNCTION_WORDS.contains(&t.norm.as_str())).count();
        skip < heard.len() && close(&heard[skip..], &name[2..])
    };
    close(&run[1..], &name[1..]) || (name.len() > 2 && joined_by(name[1]) && past_joiner(&run[1..]))
}

/// Whether the words a run does not share with the name fit the name's other words in
/// length: a shared ordinary word proves nothing ("one customer's" is not "obsess over
/// customers"; "customer on session" is "customer obsession"). A name said without its
/// first word must share one of the rest ("by us for action"), or a run close only in
/// its consonants passes for it ("first one" is not "for action").
fn unshared_words_fit(run: &[Token], name: &[&str], whole: bool) -> bool {
    let key = |w: &str| {
        let sounded = String::from_utf8(sound(w)).unwrap_or_default();
        stem(&sounded).to_string()
    };
    let name_keys: Vec<String> = name.iter().map(|w| key(w)).collect();
    let shared = |t: &&Token| name_keys.contains(&key(&t.norm));
    if !run.iter().any(|t| shared(&t)) {
        return whole;
    }
    let heard: String = run.iter().filter(|t| !shared(t)).map(|t| t.norm.as_str()).collect();
    let run_keys: Vec<String> = run.iter().map(|t| key(&t.norm)).collect();
    let unheard: String = name
        .iter()
        .zip(&name_keys)
        .filter(|(_, k)| !run_keys.contains(k))
        .map(|(w, _)| *w)
        .collect();
    // the rest may bend ("customer expansion"), but not shrink to a word or two, nor
    // become function words alone, which whisper does not make of a name's sounds
    // ("only so the customer" is not "obsess over customers")
    let function_words =
        run.iter().filter(|t| !shared(t)).all(|t| FUNCTION_WORDS.contains(&t.norm.as_str()));
    let (heard, unheard) = (sound(&heard).len(), sound(&unheard).len());
    unheard < MIN_LETTERS
        || (!function_words && heard.abs_diff(unheard) as f64 / unheard as f64 <= MAX_DISTANCE)
}

/// A word without the endings that make another word of it: "delivery", "delivered"
/// and "delivering" are all "deliver".
fn stem(word: &str) -> &str {
    ["ies", "ing", "ed", "y", "s"].iter().find_map(|e| word.strip_suffix(e)).unwrap_or(word)
}

/// The name as said (marked whole), and without its first word where whisper tends to
/// lose or bend it: a short one ("are right, a lot" heard as "right, a lot"), or any
/// first word of one of the 16 names whose rest is two words or more ("the highest for
/// action", "since it's on the highest standards").
fn targets(said: &str, canonical: bool) -> Vec<(String, bool)> {
    let mut out = vec![(said.to_string(), true)];
    if let Some((first, rest)) = said.split_once(' ') {
        if (first.len() <= 3 || canonical) && rest.split_whitespace().count() > 1 {
            out.push((rest.to_string(), false));
        }
    }
    out
}

/// How far `heard` is from `target` (both [`sound`]s) as a share of the target, if
/// close enough to be taken as it: by letters (the first sound may be voiced or not,
/// [`opened_like`]), or by consonants alone, since whisper bends a name's vowels far
/// more than its consonants ("for a gallery" for "frugality": f-r-g-l-r against f-r-g-l-t).
fn distance(heard: &[u8], target: &[u8]) -> Option<f64> {
    let max = if target.len() >= LONG_LETTERS { MAX_DISTANCE } else { MAX_DISTANCE_SHORT };
    let swapped = heard.first() != target.first();
    let heard = &opened_like(heard, target)?;
    if heard.len().abs_diff(target.len()) as f64 / target.len() as f64 > max {
        return None;
    }
    let d = edit_distance(heard, target) as f64 / target.len() as f64;
    if d <= max {
        return Some(d);
    }
    // a swapped first sound and bent vowels both is too loose ("probably a lot" is not
    // "being right a lot")
    let (h, t) = (consonants(heard), consonants(target));
    (!swapped && t.len() >= MIN_CONSONANTS && edit_distance(&h, &t) <= 1).then_some(max)
}

/// `heard` opening with `target`'s first sound: the same letter, or the same consonant
/// voiced or unvoiced, which whisper swaps in a synthetic or accented voice ("time
/// deep" for "dive deep"); none when it opens with another sound.
fn opened_like(heard: &[u8], target: &[u8]) -> Option<Vec<u8>> {
    const PAIRS: &[(u8, u8)] = &[(b'd', b't'), (b'b', b'p'), (b'g', b'k'), (b'v', b'f')];
    let (&h, &t) = (heard.first()?, target.first()?);
    let alike = h == t || PAIRS.iter().any(|&(a, b)| (h, t) == (a, b) || (h, t) == (b, a));
    alike.then(|| std::iter::once(t).chain(heard[1..].iter().copied()).collect())
}

/// A name's "d" heard as a voiced "th" ("the liver results" for "deliver results"),
/// taken only when the rest is close: "the" opens too many ordinary runs for the
/// looser distance of long names ("that's the, like, the super cheap storefront").
fn th_for_d(heard: &[u8], target: &[u8]) -> Option<f64> {
    let rest = heard.strip_prefix(b"th")?;
    let as_d: Vec<u8> = std::iter::once(b'd').chain(rest.iter().copied()).collect();
    distance(&as_d, target).filter(|&d| d <= MAX_DISTANCE_SHORT)
}

/// The consonants of a [`sound`] as heard, runs folded: a "gh" before a consonant or
/// at the end is silent ("straight" is s-t-r-t), and "th" is one ("thought" is t-t).
fn consonants(sound: &[u8]) -> Vec<u8> {
    let is_vowel = |c: &u8| b"aeiou".contains(c);
    let mut out: Vec<u8> = Vec::new();
    for (i, &c) in sound.iter().enumerate() {
        let silent_gh = match c {
            b'g' => sound.get(i + 1) == Some(&b'h') && !sound.get(i + 2).is_some_and(is_vowel),
            b'h' => {
                (i > 0 && sound[i - 1] == b'g' && !sound.get(i + 1).is_some_and(is_vowel))
                    // "th" is one sound: "the table" is t-t-b-l, not t-h-t-b-l
                    || (i > 0 && sound[i - 1] == b't')
            }
            _ => false,
        };
        if !is_vowel(&c) && !silent_gh && out.last() != Some(&c) {
            out.push(c);
        }
    }
    out
}

/// Letters only, with spellings of the same sound folded together.
fn sound(s: &str) -> Vec<u8> {
    let mut out: Vec<u8> = Vec::with_capacity(s.len());
    let bytes: Vec<u8> =
        s.bytes().filter(u8::is_ascii_alphabetic).map(|c| c.to_ascii_lowercase()).collect();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let next = bytes.get(i + 1).copied();
        let folded = match (c, next) {
            (b'p', Some(b'h')) => {
                i += 1;
                b'f'
            }
            (b'c', Some(b'k')) => {
                i += 1;
                b'k'
            }
            (b'c', Some(b'e' | b'i' | b'y')) => b's',
            (b'c', _) | (b'q', _) => b'k',
            (b'z', _) => b's',
            (b'y', _) => b'i',
            _ => c,
        };
        if out.last() != Some(&folded) {
            out.push(folded);
        }
        i += 1;
    }
    out
}

/// Levenshtein distance: the fewest insertions, deletions and substitutions that
/// turn `a` into `b` (of letters here; of words when word accuracy is measured).
pub fn edit_distance<T: PartialEq>(a: &[T], b: &[T]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, x) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(x != y)).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tokens::tokenize;
    use crate::principles::PRINCIPLES;
    use crate::transcript::Transcript;

    fn heard(text: &str) -> Option<&'static str> {
        let toks = tokenize(&Transcript::from_text(text));
        let names: Vec<(String, &'static str)> =
            PRINCIPLES.iter().map(|p| (p.to_lowercase(), *p)).collect();
        let starts: Vec<usize> = (0..toks.len()).collect();
        find(&toks, &starts, toks.len(), &names, |_| false, false).map(|m| m.name)
    }

    #[test]
    fn after_an_ordinary_opening_a_shared_first_word_is_not_enough() {
        let toks = tokenize(&Transcript::from_text("retail customer service chat"));
        let names = vec![("customer-obsessed".to_string(), "Customer Obsession")];
        let starts: Vec<usize> = (0..toks.len()).collect();
        assert!(find(&toks, &starts, toks.len(), &names, |_| false, true).is_none());
        let toks = tokenize(&Transcript::from_text("customer on session"));
        let names = vec![("customer obsession".to_string(), "Customer Obsession")];
        assert!(find(&toks, &[0], toks.len(), &names, |_| false, true).is_some());
    }

    #[test]
    fn a_shared_ordinary_word_is_not_enough() {
        let toks = tokenize(&Transcript::from_text("one customer's"));
        let names = vec![("obsess over customers".to_string(), "Customer Obsession")];
        assert!(find(&toks, &[0], toks.len(), &names, |_| false, false).is_none());
        let toks = tokenize(&Transcript::from_text("customer expansion"));
        let names = vec![("customer obsession".to_string(), "Customer Obsession")];
        assert!(find(&toks, &[0], toks.len(), &names, |_| false, false).is_some());
    }

    #[test]
    fn bent_names_are_heard() {
        assert_eq!(heard("customer on session"), Some("Customer Obsession"));
        assert_eq!(heard("deliverance adults"), Some("Deliver Results"));
        assert_eq!(heard("in VEN and Simplify"), Some("Invent and Simplify"));
        assert_eq!(heard("higher and developed the best"), Some("Hire and Develop the Best"));
        assert_eq!(heard("a right, A Lot"), Some("Are Right, A Lot"));
        assert_eq!(heard("dived deep"), Some("Dive Deep"));
        assert_eq!(heard("time deep"), Some("Dive Deep"));
        assert_eq!(heard("the liver results"), Some("Deliver Results"));
        assert_eq!(heard("the like the super"), None);
        assert_eq!(heard("right, a lot"), Some("Are Right, A Lot"));
        assert_eq!(heard("for a gallery"), Some("Frugality"));
        assert_eq!(heard("for legality"), Some("Frugality"));
        assert_eq!(heard("the highest for action"), Some("Bias for Action"));
        // a word whisper split in two is not another word that begins the same
        assert_eq!(
            heard("back bone, this hurry and com it"),
            Some("Have Backbone; Disagree and Commit")
        );
        assert_eq!(
            heard("since it's on the highest standards"),
            Some("Insist on the Highest Standards")
        );
    }

    #[test]
    fn bent_lesson_verbs_are_heard_after_the_opening_word() {
        let cue = |text: &str| {
            let toks = tokenize(&Transcript::from_text(text));
            bent_cue(&toks, 0, toks.len())
        };
        assert_eq!(cue("This now mistrates customer expansion."), Some((2, 1)));
        assert_eq!(cue("This lemon-straight ownership."), Some((1, 1)));
        assert_eq!(cue("This demonstration Ownership."), Some((1, 1)));
        assert_eq!(cue("The administrators had ownership of the servers."), None);
        assert_eq!(cue("This made our monthly costs drop."), None);
        assert_eq!(cue("This is the straight answer."), None);
    }

    #[test]
    fn ordinary_words_are_not_names() {
        for s in [
            "the team cared about the customer",
            "it was a reversible decision",
            "I changed how we plan the quarter",
            "every change came from the calls",
            "at peak we have about 200,000 drivers",
            "it is the backbone of our platform",
            "it was a call to action",
            "we worked on trust and safety",
            "we showed the customer their meter",
            "that's roughly 8,000 customers per arm",
            "that's roughly 8,000 customers",
            "whether it's the table doing the work",
            "if one vendor's batches show late delivery scans",
            "say I find it's the first one",
            "that's 1.2 million deliveries a day",
            "this is reorder only, so the customer bought it before",
            "it's high effort, and I'd park it",
            "it's probably a lot of work",
            "it's time to go deeper",
        ] {
            assert_eq!(heard(s), None, "{s}");
        }
    }
}
