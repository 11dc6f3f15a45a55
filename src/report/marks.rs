//! The findings of a Report laid over the transcript's words, for the screens and
//! exports that highlight them in place: which words are a metric, a principle, a
//! vague phrase, a filler or a hedge; where long pauses fall; what came after the
//! cut-off. Also the answer split into sentence lines, each with its start time.

use serde::Serialize;

use crate::analysis::report::{Report, Span};
use crate::transcript::Transcript;

/// The kinds of finding marked in the transcript, in legend order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mark {
    Metric,
    Principle,
    Vague,
    Filler,
    Hedge,
    Pause,
    Cutoff,
}

impl Mark {
    pub const ALL: [Mark; 7] = [
        Mark::Metric,
        Mark::Principle,
        Mark::Vague,
        Mark::Filler,
        Mark::Hedge,
        Mark::Pause,
        Mark::Cutoff,
    ];

    /// A short CSS-friendly name.
    pub fn as_str(self) -> &'static str {
        match self {
            Mark::Metric => "metric",
            Mark::Principle => "principle",
            Mark::Vague => "vague",
            Mark::Filler => "filler",
            Mark::Hedge => "hedge",
            Mark::Pause => "pause",
            Mark::Cutoff => "cutoff",
        }
    }

    /// What the mark means, for legends.
    pub fn legend(self) -> &'static str {
        match self {
            Mark::Metric => "quantified result",
            Mark::Principle => "Leadership Principle",
            Mark::Vague => "vague phrase",
            Mark::Filler => "filler",
            Mark::Hedge => "hedge",
            Mark::Pause => "long pause",
            Mark::Cutoff => "after the cut-off",
        }
    }

    fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// A finding in the transcript, for jumping from one to the next.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub mark: Mark,
    /// The first word it covers (for a pause: the word it follows).
    pub word_index: usize,
    pub word_count: usize,
    pub start_s: Option<f64>,
    /// What it is: "12 percent (percent)", "Ownership", "helped launch → say what you did".
    pub label: String,
}

/// Each word's marks, the pause after each word, and the findings in transcript order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Marks {
    bits: Vec<u8>,
    pause_after: Vec<Option<f64>>,
    /// Words the transcriber was unsure of: shown as heard, marked so the candidate
    /// knows where the transcript (and any finding on it) may be wrong.
    unsure: Vec<bool>,
    pub findings: Vec<Finding>,
}

impl Marks {
    pub fn new(r: &Report, t: &Transcript) -> Marks {
        let n = t.words.len();
        let mut unsure = vec![false; n];
        r.unsure_words.iter().filter(|&&i| i < n).for_each(|&i| unsure[i] = true);
        let mut m =
            Marks { bits: vec![0; n], pause_after: vec![None; n], unsure, findings: Vec::new() };
        for x in &r.metrics {
            m.add(Mark::Metric, x.span, x.start_s, format!("{} ({})", x.text, x.kind));
        }
        for x in &r.principles {
            let how = if x.explicit { "named" } else { "shown" };
            m.add(Mark::Principle, x.span, x.start_s, format!("{} ({how})", x.name));
        }
        for x in &r.vague {
            m.add(Mark::Vague, x.span, x.start_s, format!("\"{}\" → {}", x.text, x.suggestion));
        }
        for x in &r.fillers.items {
            m.add(Mark::Filler, x.span, x.start_s, format!("filler \"{}\"", x.text));
        }
        for x in &r.hedges.items {
            m.add(Mark::Hedge, x.span, x.start_s, format!("hedge \"{}\"", x.text));
        }
        for p in &r.pauses {
            let after = p.after_word.or_else(|| word_before(t, p.start_s));
            if let Some(i) = after.filter(|&i| i < n) {
                m.pause_after[i] = Some(m.pause_after[i].unwrap_or(0.0).max(p.duration_s));
                let label = format!(
                    "{:.1} s {}",
                    p.duration_s,
                    if p.kind.is_empty() { "pause" } else { &p.kind }
                );
                m.findings.push(Finding {
                    mark: Mark::Pause,
                    word_index: i,
                    word_count: 1,
                    start_s: Some(p.start_s),
                    label,
                });
            }
        }
        if let Some(c) = &r.cutoff {
            let span =
                Span { word_index: c.word_index, word_count: n.saturating_sub(c.word_index) };
            m.add(
                Mark::Cutoff,
                span,
                Some(c.at_s),
                format!("cut off here: {} more words", c.words_after),
            );
        }
        m.findings.sort_by_key(|f| (f.word_index, f.mark));
        m
    }

    fn add(&mut self, mark: Mark, span: Span, start_s: Option<f64>, label: String) {
        let end = (span.word_index + span.word_count.max(1)).min(self.bits.len());
        if span.word_index >= end {
            return;
        }
        self.bits[span.word_index..end].iter_mut().for_each(|b| *b |= mark.bit());
        self.findings.push(Finding {
            mark,
            word_index: span.word_index,
            word_count: span.word_count,
            start_s,
            label,
        });
    }

    /// The marks on word `i`, in legend order.
    pub fn of(&self, i: usize) -> impl Iterator<Item = Mark> + '_ {
        let bits = self.bits.get(i).copied().unwrap_or(0);
        Mark::ALL.into_iter().filter(move |m| m != &Mark::Pause && bits & m.bit() != 0)
    }

    /// The strongest mark on word `i` for a single style: specific findings before the cut-off tint.
    pub fn main(&self, i: usize) -> Option<Mark> {
        self.of(i).next()
    }

    /// The long pause after word `i`, in seconds.
    pub fn pause_after(&self, i: usize) -> Option<f64> {
        self.pause_after.get(i).copied().flatten()
    }

    /// Whether the transcriber was unsure of word `i`.
    pub fn unsure(&self, i: usize) -> bool {
        self.unsure.get(i).copied().unwrap_or(false)
    }

    /// Whether any word is unsure, for a legend that lists only what is shown.
    pub fn any_unsure(&self) -> bool {
        self.unsure.contains(&true)
    }

    /// The marks present anywhere, for a legend that lists only what is shown.
    pub fn present(&self) -> Vec<Mark> {
        Mark::ALL.into_iter().filter(|m| self.findings.iter().any(|f| f.mark == *m)).collect()
    }
}

/// The last word that starts at or before `at_s` (a pause follows it).
fn word_before(t: &Transcript, at_s: f64) -> Option<usize> {
    t.words.iter().rposition(|w| w.start_s.is_some_and(|s| s <= at_s))
}

/// A sentence of the answer: a range of words and when it starts.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Line {
    pub first: usize,
    /// One past the last word.
    pub end: usize,
    pub start_s: Option<f64>,
}

/// Splits the words into sentences (a word ending in . ? or ! closes one), and splits
/// sentences longer than `max_words` so a line stays readable.
pub fn sentence_lines(t: &Transcript, max_words: usize) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut first = 0;
    for (i, w) in t.words.iter().enumerate() {
        let closes = w.text.trim_end_matches(['"', '\'', ')']).ends_with(['.', '?', '!']);
        if closes || i + 1 - first >= max_words.max(1) || i + 1 == t.words.len() {
            lines.push(Line { first, end: i + 1, start_s: t.words[first].start_s });
            first = i + 1;
        }
    }
    lines
}

/// The line holding word `i`.
pub fn line_of(lines: &[Line], i: usize) -> Option<usize> {
    lines.iter().position(|l| l.first <= i && i < l.end)
}

/// The transcript as plain text with each word the transcriber was unsure of
/// followed by "(?)": what was heard, and where it may be wrong.
pub fn marked_transcript(t: &Transcript, unsure: &[usize]) -> String {
    t.words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            if unsure.binary_search(&i).is_ok() {
                format!("{}(?)", w.text)
            } else {
                w.text.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{analyze, Context, Lexicon};
    use crate::round::Kind;

    #[test]
    fn findings_land_on_their_words_and_sentences_split_into_lines() {
        let mut t =
            Transcript::from_text("I owned it. Revenue rose 12% that year. Um, I learned a lot");
        for (i, w) in t.words.iter_mut().enumerate() {
            // A 4-second silence after "it." and a cut-off limit of 5 s.
            let at = i as f64 * 0.5 + if i >= 3 { 4.0 } else { 0.0 };
            (w.start_s, w.end_s) = (Some(at), Some(at + 0.4));
        }
        let mut ctx = Context::for_kind(Kind::Behavioral);
        ctx.limit_s = Some(7.0);
        let r = analyze(&t, &ctx, &Lexicon::builtin());
        let m = Marks::new(&r, &t);
        let rose = t.words.iter().position(|w| w.text == "12%").unwrap();
        assert_eq!(m.main(rose), Some(Mark::Metric));
        assert_eq!(m.main(0), Some(Mark::Principle), "\"I owned\" shows Ownership");
        assert!(
            m.pause_after(2).is_some_and(|p| p > 3.0),
            "the silence follows \"it.\": {:?}",
            r.pauses
        );
        let um = t.words.iter().position(|w| w.text == "Um,").unwrap();
        assert!(m.of(um).any(|k| k == Mark::Filler));
        assert!(
            m.of(t.words.len() - 1).any(|k| k == Mark::Cutoff),
            "the last words came after the limit"
        );
        assert!(
            m.findings.windows(2).all(|f| f[0].word_index <= f[1].word_index),
            "in transcript order"
        );

        let lines = sentence_lines(&t, 30);
        assert_eq!(
            lines.iter().map(|l| (l.first, l.end)).collect::<Vec<_>>(),
            vec![(0, 3), (3, 8), (8, 13)]
        );
        assert_eq!(lines[1].start_s, Some(5.5));
        assert_eq!(line_of(&lines, 9), Some(2));
        assert_eq!(sentence_lines(&t, 4).len(), 5, "long sentences are split");
    }
}
