//! Where a story states the candidate's task: a cue from `data/star.toml` ("my goal
//! was", "i was responsible"), or a goal word with words between it and its verb
//! ("my job that day was to decide", "the refund flow was mine to fix"), or the role
//! that carried it ("I was the on-call product manager").

use super::lexicon::Lexicon;
use super::tokens::Token;

/// Nouns that name the candidate's goal after "my" or "our".
const GOAL_NOUNS: &[&str] = &[
    "job",
    "task",
    "goal",
    "role",
    "responsibility",
    "mandate",
    "mission",
    "brief",
    "assignment",
    "objective",
    "remit",
];
/// Roles that carry the responsibility for the story's problem.
const ROLES: &[&str] = &["manager", "pm", "lead", "owner", "head", "director", "dri"];
/// How many words may stand between "my job" and its "was" ("that day", "for the quarter").
const GAP: usize = 3;
/// Most words in an aside between "my job," and its "was".
const ASIDE: usize = 10;
/// Words that end the goal's phrase before its verb: "my job and the market was".
const JOINS: &[&str] = &["and", "but", "or", "so", "because", "while", "when"];

/// Whether clause `a..b` states the task.
pub fn stated(lex: &Lexicon, toks: &[Token], a: usize, b: usize) -> bool {
    lex.task.any_in(&toks[..b], a, b)
        || (a..b).any(|i| states_at(toks, i, b))
        || heading(toks, a, b)
}

/// The task named as a heading, alone in its clause: "Task: keep service safe ...", "My
/// goal: ...".
fn heading(toks: &[Token], a: usize, b: usize) -> bool {
    let words: Vec<&str> = toks[a..b].iter().map(|t| t.norm.as_str()).collect();
    let noun = match words.as_slice() {
        [noun] | ["my" | "the" | "our", noun] => *noun,
        _ => return false,
    };
    toks[b - 1].clause_end && !toks[b - 1].sentence_end && GOAL_NOUNS.contains(&noun)
}

/// A goal word, "mine to" or a role statement at token `i`.
fn states_at(toks: &[Token], i: usize, b: usize) -> bool {
    let norm = |k: usize| toks.get(k).filter(|_| k < b).map_or("", |t| t.norm.as_str());
    match norm(i) {
        "my" | "our" => {
            // "my job", or with one word before the noun: "my main goal"
            let Some(noun) = (i + 1..=i + 2).find(|&k| GOAL_NOUNS.contains(&norm(k))) else {
                return false;
            };
            if toks[noun].sentence_end {
                return false;
            }
            // "My job, as the PM for the catalogue, was to ...": past an aside in commas
            let verb_at = if toks[noun].clause_end {
                let aside = noun + 1..toks.len().min(noun + 1 + ASIDE);
                match aside.take_while(|&k| !toks[k].sentence_end).find(|&k| toks[k].clause_end) {
                    Some(k) => k + 1,
                    None => return false,
                }
            } else {
                noun + 1
            };
            let word = |k: usize| toks.get(k).map_or("", |t| t.norm.as_str());
            (verb_at..=verb_at + GAP)
                .take_while(|&k| k < toks.len() && (k == verb_at || !toks[k - 1].clause_end))
                .take_while(|&k| !JOINS.contains(&word(k)))
                .any(|k| matches!(word(k), "was" | "is" | "were"))
        }
        "mine" | "ours" => norm(i + 1) == "to",
        // "I was the product manager for payments", "I was a team lead"
        "i" if norm(i + 1) == "was" && matches!(norm(i + 2), "the" | "a" | "an") => (i + 3..=i + 6)
            .take_while(|&k| k < b && !toks[k - 1].clause_end)
            .any(|k| ROLES.contains(&norm(k))),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tokens::tokenize;
    use crate::transcript::Transcript;

    fn task(text: &str) -> bool {
        let toks = tokenize(&Transcript::from_text(text));
        stated(&Lexicon::builtin(), &toks, 0, toks.len())
    }

    #[test]
    fn a_goal_with_words_before_its_verb_is_the_task() {
        assert!(task("My job that day was to decide whether to pull the promotion."));
        assert!(task("I ran post-purchase, so the refund flow was mine to fix."));
        assert!(task("Our main objective for the quarter was retention."));
        assert!(task("My responsibility that quarter was the fix."));
        assert!(task("My goal was to find the cause."));
        assert!(task("I was the on call product manager, and waiting would have cost us."));
        assert!(task("My brief, as the only PM on payments, was to stop the double charges."));
        assert!(task("The goal we agreed on, in writing, was a launch by May."));
        assert!(task("We had to get the app into the store before the holidays."));
        assert!(task("Nobody asked, but I took ownership of the release calendar."));
        assert!(task("It was my change, so it was my job to fix it."));
        assert!(task("So my manager asked me to take this customer and fix it."));
        assert!(task("So the big thing I worked on was booking a whole trip."));
        assert!(task("Nobody asked me, I kind of took it on myself."));
        assert!(task("Then I kind of made it my mission to make sure it never happened again."));
        assert!(task("So I took it upon myself to gather feedback."));
        assert!(task("The CEO came to us and said we need the new checkout before August."));
    }

    #[test]
    fn the_task_named_as_a_heading_is_the_task() {
        let lex = Lexicon::builtin();
        let toks =
            tokenize(&Transcript::from_text("Task: keep service safe. Task completion rose."));
        assert!(stated(&lex, &toks, 0, 1), "the heading alone in its clause");
        assert!(!stated(&lex, &toks, 4, toks.len()), "the word opening a sentence");
    }

    #[test]
    fn a_goal_word_in_passing_is_not() {
        assert!(!task("At my job, the team was struggling with outages."));
        assert!(!task("I left my job and the market was down."));
        assert!(!task("The laptop was mine."));
        assert!(!task("I was a bit late, so the manager called."));
        assert!(!task("At my job, which was in retail, we sold shoes."));
    }
}
