//! Text from an answer, made safe to write to a terminal. A transcript can come from
//! a file anyone wrote (`analyze answer.txt`, a transcript JSON), and plain-text
//! output goes to the terminal as it is: an escape sequence in it could clear the
//! screen, retitle the window, move the cursor over what was printed, or make a
//! terminal answer back. So every control character goes, except newline and tab,
//! and an escape sequence goes whole rather than leaving its parameters behind.

use std::borrow::Cow;
use std::iter::Peekable;
use std::str::Chars;

use crate::transcript::Transcript;

const ESC: char = '\u{1b}';
const BEL: char = '\u{7}';
/// The C1 forms of CSI, and of ST (the string terminator).
const C1_CSI: char = '\u{9b}';
const C1_ST: char = '\u{9c}';
/// The C1 forms of DCS, SOS, OSC, PM and APC: each starts a string that runs to ST.
const C1_STRINGS: [char; 5] = ['\u{90}', '\u{98}', '\u{9d}', '\u{9e}', '\u{9f}'];

/// `text` without terminal control characters (C0 but newline and tab, DEL, C1)
/// and without the escape sequences they start.
pub fn strip_controls(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_stripped) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            ESC => skip_escape(&mut chars),
            C1_CSI => skip_csi(&mut chars),
            c if C1_STRINGS.contains(&c) => skip_string(&mut chars),
            c if is_stripped(c) => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// The transcript with every word and segment stripped (see [`strip_controls`]);
/// a word that was nothing but controls is dropped.
pub fn strip_transcript(t: &Transcript) -> Transcript {
    let mut t = t.clone();
    for w in &mut t.words {
        w.text = strip_controls(&w.text).into_owned();
    }
    t.words.retain(|w| !w.text.trim().is_empty());
    for s in &mut t.segments {
        s.text = strip_controls(&s.text).into_owned();
    }
    t
}

fn is_stripped(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

/// After ESC: a CSI (`ESC [`), a string (OSC, DCS, SOS, PM, APC), or a short
/// sequence (intermediates, then a final character).
fn skip_escape(chars: &mut Peekable<Chars>) {
    match chars.peek() {
        Some('[') => {
            chars.next();
            skip_csi(chars);
        }
        Some(']' | 'P' | 'X' | '^' | '_') => {
            chars.next();
            skip_string(chars);
        }
        Some(_) => {
            while chars.next_if(|c| (' '..='/').contains(c)).is_some() {}
            chars.next_if(|c| ('0'..='~').contains(c));
        }
        None => {}
    }
}

/// Parameters, intermediates, then the final character.
fn skip_csi(chars: &mut Peekable<Chars>) {
    while chars.next_if(|c| ('0'..='?').contains(c)).is_some() {}
    while chars.next_if(|c| (' '..='/').contains(c)).is_some() {}
    chars.next_if(|c| ('@'..='~').contains(c));
}

/// Up to its terminator (BEL, ST, or ESC starting the next sequence). One left
/// unterminated ends at the line's end: the rest of the output is still shown.
fn skip_string(chars: &mut Peekable<Chars>) {
    while let Some(c) = chars.next_if(|c| *c != '\n') {
        match c {
            BEL | C1_ST => return,
            ESC => {
                if chars.next_if_eq(&'\\').is_none() {
                    skip_escape(chars);
                }
                return;
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_newlines_and_tabs_stay_as_they_are() {
        let text = "Conversion rose 2.5% — «naïve» 日本\n\tnext line";
        assert!(matches!(strip_controls(text), Cow::Borrowed(t) if t == text));
    }

    #[test]
    fn escape_sequences_go_whole_and_other_controls_go() {
        let cases = [
            ("red \u{1b}[31;1mtext\u{1b}[0m", "red text"),
            ("clear\u{1b}[2J\u{1b}[H screen", "clear screen"),
            ("title \u{1b}]0;pwned\u{7}here", "title here"),
            ("link \u{1b}]8;;http://x\u{1b}\\label\u{1b}]8;;\u{1b}\\", "link label"),
            ("dcs \u{1b}Pq#0;2\u{1b}\\end", "dcs end"),
            ("charset \u{1b}(Bok \u{1b}7saved\u{1b}8", "charset ok saved"),
            ("c1 \u{9b}31mcsi \u{9d}0;t\u{9c}osc", "c1 csi osc"),
            ("bell\u{7} back\u{8}space cr\r del\u{7f} nul\u{0}", "bell backspace cr del nul"),
            ("unterminated \u{1b}]0;title\nnext line", "unterminated \nnext line"),
            ("trailing \u{1b}", "trailing "),
        ];
        for (dirty, clean) in cases {
            assert_eq!(strip_controls(dirty), clean, "{dirty:?}");
        }
    }

    #[test]
    fn a_transcript_loses_its_controls_and_words_made_of_nothing_else() {
        let t = Transcript::from_text("I cut \u{1b}[2J costs by \u{1b}[31m40%\u{1b}[0m.\n\u{7}");
        let clean = strip_transcript(&t);
        assert_eq!(clean.text(), "I cut costs by 40%.");
        assert!(clean.segments.iter().all(|s| !s.text.chars().any(is_stripped)));
    }
}
