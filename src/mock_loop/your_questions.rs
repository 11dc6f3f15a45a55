//! "What questions do you have for me?": the questions the candidate asked, counted
//! (the guide: prepare 3 for each interviewer).

/// The guide's number of questions to prepare for each interviewer.
pub const PREPARED: usize = 3;

const ASKING: [&str; 22] = [
    "how", "what", "why", "when", "where", "who", "which", "do", "does", "did", "is", "are", "can",
    "could", "would", "will", "should", "have", "has", "was", "were", "whats",
];

/// The sentences of `text` that ask something: ending in "?" or, since a transcriber
/// may drop the mark, opening with a question word ("How do you...", "Is there...").
pub fn questions_asked(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if matches!(c, '.' | '?' | '!') {
            push_if_question(&text[start..=i], &mut out);
            start = i + c.len_utf8();
        }
    }
    push_if_question(&text[start..], &mut out);
    out
}

fn push_if_question(sentence: &str, out: &mut Vec<String>) {
    let s = sentence.trim();
    let first: String = s
        .split_whitespace()
        .next()
        .unwrap_or("")
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    if s.split_whitespace().count() >= 3 && (s.ends_with('?') || ASKING.contains(&first.as_str())) {
        out.push(s.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_questions_with_or_without_the_mark() {
        let said = "Thank you. How do you balance speed against quality on your team? \
            what does success look like in the first six months. I am excited. Is there a \
            mentoring program for new PMs";
        let q = questions_asked(said);
        assert_eq!(q.len(), 3, "{q:?}");
        assert!(q[1].starts_with("what does"));
        assert!(questions_asked("No, I think I am good. Thanks!").is_empty());
    }
}
