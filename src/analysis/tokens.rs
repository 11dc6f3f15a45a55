//! Words as the detectors see them: lower-cased, punctuation stripped, each
//! remembering the transcript word it came from, its timing, and whether a clause
//! or sentence ends after it. Phrase lists match against these tokens.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::transcript::Transcript;

#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// Lower case, outer punctuation removed, curly apostrophes straightened.
    pub norm: String,
    /// As written, outer punctuation removed.
    pub raw: String,
    /// Index of the transcript word this came from (a word like "shipped—resulting" gives two tokens).
    pub word: usize,
    pub start_s: Option<f64>,
    pub end_s: Option<f64>,
    pub clause_end: bool,
    pub sentence_end: bool,
    /// Ends a question: "did fuel surcharges go up?"
    pub question: bool,
    /// A list marker such as "1)" or "(2)": never a metric.
    pub marker: bool,
}

/// Splits a transcript into tokens. Text with no sentence punctuation at all (some
/// transcribers emit none) gets sentence ends at gaps of 0.7 s or more.
pub fn tokenize(t: &Transcript) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(t.words.len());
    for (wi, w) in t.words.iter().enumerate() {
        let mut pieces = w.text.split(['—', '–']).peekable();
        while let Some(piece) = pieces.next() {
            if splits_at_hyphens(piece) {
                for sub in piece.split('-').filter(|p| !p.is_empty()) {
                    push_piece(&mut out, sub, wi, w.start_s, w.end_s);
                }
            } else {
                push_piece(&mut out, piece, wi, w.start_s, w.end_s);
            }
            // A dash inside a word separates clauses ("shipped—resulting in ...").
            if pieces.peek().is_some() {
                if let Some(last) = out.last_mut() {
                    last.clause_end = true;
                }
            }
        }
    }
    mend_pauses(&mut out);
    if !out.iter().any(|t| t.sentence_end) {
        for i in 1..out.len() {
            if let (Some(end), Some(start)) = (out[i - 1].end_s, out[i].start_s) {
                if start - end >= 0.7 {
                    out[i - 1].sentence_end = true;
                    out[i - 1].clause_end = true;
                }
            }
        }
    }
    out
}

/// Hedges said before a figure that end a sentence or split in two as whisper writes
/// them: "target, let's say. 25% of accounts" is one sentence (the full stop is the
/// pause after the hedge), and "by may be 30%" is "by maybe 30%".
const HEDGES_BEFORE_FIGURE: &[&str] =
    &["say", "maybe", "about", "around", "roughly", "approximately", "perhaps"];

/// Words that cannot end a clause: a comma after them is a pause ("went down by, uh,
/// roughly a third", "kept an extra, um, 4,200 customers").
const DANGLING: &[&str] =
    &["by", "to", "from", "of", "at", "a", "an", "the", "extra", "about", "than", "around"];
/// Sounds said while thinking: no word of the answer, so a figure or a clause goes on
/// past them.
const SOUNDS: &[&str] = &["uh", "um", "er", "erm"];
/// Asides said before a figure: "doing, let's say, under a million", "more than, say,
/// 3%", "from, maybe, two hours".
pub const FIGURE_ASIDES: &[&str] = &["let's", "say", "like", "maybe", "perhaps"];
/// Asides between commas that a change goes on past: "went up, actually, to about four
/// million".
const ASIDES: &[&str] = &["actually", "honestly", "basically"];

/// The normalised word at `i`, or "" past the end: lets a detector look a few words
/// ahead or behind without bounds checks.
pub fn norm_at(toks: &[Token], i: usize) -> &str {
    toks.get(i).map_or("", |t| t.norm.as_str())
}

/// "uh", "um": a sound said while thinking, which the detectors read past.
pub fn is_sound(t: &Token) -> bool {
    SOUNDS.contains(&t.norm.as_str())
}

/// Stops and commas whisper writes for a pause inside a clause: a filler or an aside
/// between commas, a hedge before a figure; and "may be" before a figure is "maybe".
fn mend_pauses(toks: &mut [Token]) {
    let figure = |t: &Token| t.norm.starts_with(|c: char| c.is_ascii_digit() || "$£€".contains(c));
    for i in 1..toks.len() {
        let paused = |t: &Token| t.clause_end && !t.sentence_end;
        let dangling = DANGLING.contains(&toks[i - 1].norm.as_str());
        let filler = is_sound(&toks[i]) && dangling;
        let goes_on = (ASIDES.contains(&toks[i].norm.as_str()) || is_sound(&toks[i]))
            && toks.get(i + 1).is_some_and(|t| matches!(t.norm.as_str(), "to" | "by" | "from"));
        if (filler || goes_on) && paused(&toks[i]) && paused(&toks[i - 1]) {
            toks[i - 1].clause_end = false;
            toks[i].clause_end = false;
        }
    }
    for i in 0..toks.len().saturating_sub(1) {
        let hedge = HEDGES_BEFORE_FIGURE.contains(&toks[i].norm.as_str());
        if hedge && toks[i].sentence_end && figure(&toks[i + 1]) {
            toks[i].sentence_end = false;
        }
        let may_be = toks[i].norm == "may" && toks[i + 1].norm == "be" && !toks[i].clause_end;
        if may_be && toks.get(i + 2).is_some_and(figure) {
            toks[i].norm = "maybe".into();
            toks[i + 1].norm = "maybe".into();
        }
    }
}

/// Tokens of a plain phrase from a word list (no timing).
pub fn phrase_tokens(text: &str) -> Vec<String> {
    let t = Transcript::from_text(text);
    tokenize(&t).into_iter().map(|t| t.norm).collect()
}

/// "1-hour" → "1", "hour"; "3-month" → "3", "month"; "re-scoped" stays whole.
fn splits_at_hyphens(piece: &str) -> bool {
    piece.contains('-')
        && piece.split('-').any(|p| p.starts_with(|c: char| c.is_ascii_digit() || c == '$'))
}

fn push_piece(
    out: &mut Vec<Token>,
    piece: &str,
    word: usize,
    start_s: Option<f64>,
    end_s: Option<f64>,
) {
    const LEAD: &[char] = &['"', '\'', '(', '[', '{', '“', '‘', '*', '_', '«', '¿', '¡', '-'];
    const TRAIL: &[char] = &[
        '.', ',', ';', ':', '!', '?', ')', ']', '}', '"', '\'', '”', '’', '…', '*', '_', '»', '-',
    ];
    let trimmed = piece.trim();
    let core = trimmed.trim_start_matches(LEAD).trim_end_matches(TRAIL);
    let tail = &trimmed[trimmed.len() - trimmed.trim_start_matches(LEAD).len() + core.len()..];
    // A trailing-off "..." is a pause inside the sentence: "67 million times 0.8... that's
    // 53.6 million".
    let trailing_off = tail.contains('…') || tail.contains("..");
    let sentence_end = tail.contains(['!', '?']) || (tail.contains('.') && !trailing_off);
    let clause_end = sentence_end || trailing_off || tail.contains([',', ';', ':']);
    let question = tail.contains('?');
    if core.is_empty() {
        // Bare punctuation ("," or "—") ends the previous token's clause.
        if let Some(last) = out.last_mut() {
            last.sentence_end |= sentence_end;
            last.question |= question;
            last.clause_end |= clause_end || trimmed.contains(['—', '–', '-']);
        }
        return;
    }
    let marker = tail.starts_with(')') && core.chars().all(|c| c.is_ascii_digit());
    let mut norm = core.to_lowercase();
    if norm.contains(['’', '‘']) {
        norm = norm.replace(['’', '‘'], "'");
    }
    out.push(Token {
        norm,
        raw: core.to_string(),
        word,
        start_s,
        end_s,
        clause_end,
        sentence_end,
        question,
        marker,
    });
}

/// The sentence around token `i`: from after the previous sentence end to past the next.
pub fn sentence(toks: &[Token], i: usize) -> (usize, usize) {
    let a = (0..i).rev().find(|&k| toks[k].sentence_end).map_or(0, |k| k + 1);
    let b = (i..toks.len()).find(|&k| toks[k].sentence_end).map_or(toks.len(), |k| k + 1);
    (a, b)
}

/// Function words: they end a count's noun phrase ("two of us", "5 and", "3 to") and
/// carry no sound of a principle's name of their own.
pub const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "of", "to", "in", "on", "at", "for", "with", "by", "from", "and", "or",
    "but", "so", "that", "this", "these", "those", "it", "its", "it's", "we", "i", "you", "they",
    "he", "she", "them", "us", "our", "my", "your", "their", "his", "her", "was", "were", "is",
    "are", "be", "been", "had", "has", "have", "do", "did", "not", "no", "than", "as", "per",
    "each", "every", "into", "out", "up", "down", "over", "under", "about", "after", "before",
    "which", "who", "when", "where", "then", "there", "here", "what", "all", "some", "any", "just",
    "only", "also", "very", "too", "if", "because", "times", "while", "until", "ago", "later",
];

/// The clause of token `i`, as a token range `a..b`.
pub fn clause_of(toks: &[Token], i: usize) -> (usize, usize) {
    let a = (0..i).rev().find(|&k| toks[k].clause_end).map_or(0, |k| k + 1);
    let b = (i..toks.len()).find(|&k| toks[k].clause_end).map_or(toks.len(), |k| k + 1);
    (a, b)
}

/// True when token `i` opens a clause.
pub fn clause_start(toks: &[Token], i: usize) -> bool {
    i == 0 || toks[i - 1].clause_end
}

/// The text of tokens `a..b`, joining pieces of one word with "-".
pub fn span_text(toks: &[Token], a: usize, b: usize) -> String {
    let mut s = String::new();
    for k in a..b.min(toks.len()) {
        if k > a {
            s.push(if toks[k].word == toks[k - 1].word { '-' } else { ' ' });
        }
        s.push_str(&toks[k].raw);
    }
    s
}

/// The transcript word range covered by tokens `a..b` (b > a).
pub fn word_span(toks: &[Token], a: usize, b: usize) -> super::report::Span {
    let first = toks[a].word;
    let last = toks[b.saturating_sub(1).max(a).min(toks.len() - 1)].word;
    super::report::Span { word_index: first, word_count: last.saturating_sub(first) + 1 }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Phrase {
    pub words: Vec<String>,
    /// Must open a clause (written with a leading "^" in the word lists).
    pub anchored: bool,
}

/// FNV-1a: the first-word index is hit for every token by every list, and these
/// short keys hash several times faster than with the default SipHash.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for b in bytes {
            h = (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A set of phrases indexed by first word, for leftmost-longest matching.
#[derive(Debug, Clone, Default)]
pub struct PhraseSet {
    phrases: Vec<Phrase>,
    by_first: HashMap<String, Vec<usize>, BuildHasherDefault<Fnv>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    pub start: usize,
    pub len: usize,
    /// Index of the phrase in the order given to [`PhraseSet::new`].
    pub phrase: usize,
}

impl PhraseSet {
    pub fn new<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> Self {
        let mut set = PhraseSet::default();
        for item in items {
            let item = item.as_ref().trim();
            let (anchored, body) = match item.strip_prefix('^') {
                Some(rest) => (true, rest),
                None => (false, item),
            };
            let words = phrase_tokens(body);
            let idx = set.phrases.len();
            if let Some(first) = words.first() {
                set.by_first.entry(first.clone()).or_default().push(idx);
            }
            set.phrases.push(Phrase { words, anchored });
        }
        set
    }

    pub fn len(&self) -> usize {
        self.phrases.len()
    }

    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// The longest phrase starting at token `i`; phrases never run across a sentence end.
    pub fn match_at(&self, toks: &[Token], i: usize) -> Option<Match> {
        let cands = self.by_first.get(&toks.get(i)?.norm)?;
        let mut best: Option<Match> = None;
        for &p in cands {
            let ph = &self.phrases[p];
            let n = ph.words.len();
            if i + n > toks.len() || (ph.anchored && !clause_start(toks, i)) {
                continue;
            }
            let fits = (0..n).all(|k| {
                toks[i + k].norm == ph.words[k] && (k + 1 == n || !toks[i + k].sentence_end)
            });
            if fits && best.is_none_or(|b| n > b.len) {
                best = Some(Match { start: i, len: n, phrase: p });
            }
        }
        best
    }

    /// All non-overlapping matches, leftmost first, longest at each position.
    pub fn find_all(&self, toks: &[Token]) -> Vec<Match> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            match self.match_at(toks, i) {
                Some(m) => {
                    out.push(m);
                    i += m.len;
                }
                None => i += 1,
            }
        }
        out
    }

    /// True when any phrase matches anywhere in `toks[a..b]`.
    pub fn any_in(&self, toks: &[Token], a: usize, b: usize) -> bool {
        (a..b.min(toks.len())).any(|i| self.match_at(&toks[..b.min(toks.len())], i).is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_dashes_and_marks_clauses() {
        let t = Transcript::from_text("I shipped—resulting in a 1-hour win, then (1) stopped.");
        let toks = tokenize(&t);
        let norms: Vec<&str> = toks.iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(
            norms,
            ["i", "shipped", "resulting", "in", "a", "1", "hour", "win", "then", "1", "stopped"]
        );
        assert!(toks[1].clause_end && toks[7].clause_end && toks[10].sentence_end);
        assert!(toks[9].marker);
        assert_eq!(span_text(&toks, 5, 7), "1-hour");
        assert_eq!(toks[6].word, 4);
    }

    #[test]
    fn a_pause_before_a_figure_does_not_end_its_clause_or_sentence() {
        let toks = tokenize(&Transcript::from_text("target, let's say. 25% of accounts"));
        assert!(toks[2].clause_end && !toks[2].sentence_end);
        let toks = tokenize(&Transcript::from_text("adoption by may be 30% of sellers"));
        assert_eq!((toks[2].norm.as_str(), toks[3].norm.as_str()), ("maybe", "maybe"));
        let toks = tokenize(&Transcript::from_text("It may be the price."));
        assert_eq!(toks[1].norm, "may");
        let toks = tokenize(&Transcript::from_text("calls went down by, uh, roughly a third"));
        assert!(!toks[3].clause_end && !toks[4].clause_end);
        let toks = tokenize(&Transcript::from_text("we shipped it, uh, and then"));
        assert!(toks[2].clause_end);
        let toks = tokenize(&Transcript::from_text("visits went up, actually, to about 4 million"));
        assert!(!toks[2].clause_end && !toks[3].clause_end);
    }

    #[test]
    fn phrases_match_longest_and_respect_anchors() {
        let set = PhraseSet::new(["a lot", "a lot of", "^when"]);
        let toks = tokenize(&Transcript::from_text("We saw a lot of churn when, when it rained"));
        let m = set.find_all(&toks);
        assert_eq!(m.len(), 2);
        assert_eq!((m[0].start, m[0].len), (2, 3));
        assert_eq!(m[1].start, 7, "only the clause-opening 'when' matches");
    }
}
