//! The word lists and phrase patterns the detectors use. The built-in lists live in
//! `data/*.toml` (compiled into the binary); a user file with the same sections adds
//! to them. Reading that file is the caller's business: analysis does no I/O.

use anyhow::{bail, Context as _, Result};
use serde::Deserialize;

use super::tokens::PhraseSet;
use crate::principles::canonical;
use crate::round::Kind;

const BUILTIN: [(&str, &str); 6] = [
    ("data/fillers.toml", include_str!("../../data/fillers.toml")),
    ("data/principles.toml", include_str!("../../data/principles.toml")),
    ("data/vague.toml", include_str!("../../data/vague.toml")),
    ("data/star.toml", include_str!("../../data/star.toml")),
    ("data/frameworks.toml", include_str!("../../data/frameworks.toml")),
    ("data/writing.toml", include_str!("../../data/writing.toml")),
];

/// One word-list file as written. Every section is optional, so a user file can
/// add just a few vague phrases.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Source {
    #[serde(default)]
    fillers: Vec<String>,
    #[serde(default)]
    hedges: Vec<String>,
    #[serde(default)]
    principle: Vec<PrincipleSource>,
    /// Cues that a sentence names its lesson ("this demonstrates", "the principle").
    #[serde(default)]
    lesson: Vec<String>,
    #[serde(default)]
    vague: Vec<VagueSource>,
    #[serde(default)]
    star: StarSource,
    #[serde(default)]
    framework: Vec<FrameworkSource>,
    #[serde(default)]
    jargon: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PrincipleSource {
    name: String,
    #[serde(default)]
    explicit: Vec<String>,
    #[serde(default)]
    hints: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct VagueSource {
    #[serde(default)]
    phrases: Vec<String>,
    /// Phrases made of one word or phrase from each list in turn: `[["improved",
    /// "increased"], ["efficiency", "engagement"]]` is four phrases.
    #[serde(default)]
    combine: Vec<Vec<String>>,
    suggestion: String,
    #[serde(default)]
    unless_number: bool,
    /// Words that, right before a phrase, make it something else: "was happy" is
    /// praise, "I was happy" is not.
    #[serde(default)]
    not_after: Vec<String>,
    /// Words that, right after a phrase, make it something else: "was happy to help".
    #[serde(default)]
    not_before: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct StarSource {
    #[serde(default)]
    situation: Vec<String>,
    #[serde(default)]
    task: Vec<String>,
    #[serde(default)]
    action: Vec<String>,
    #[serde(default)]
    result: Vec<String>,
    #[serde(default)]
    change: Vec<String>,
    #[serde(default)]
    reflection: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FrameworkSource {
    kind: Kind,
    item: String,
    cues: Vec<String>,
    #[serde(default)]
    needs: Option<Needs>,
    #[serde(default)]
    idea: bool,
    #[serde(default)]
    sub_kind: Option<String>,
}

/// What a phrase in a principle list stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PrincipleCue {
    pub name: &'static str,
    pub explicit: bool,
}

#[derive(Debug, Clone)]
pub struct VagueRule {
    pub suggestion: String,
    pub unless_number: bool,
    pub not_after: Vec<String>,
    pub not_before: Vec<String>,
}

/// A figure a checklist item needs near its cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Needs {
    /// A target, a result-role metric: "2-3 KPIs with targets".
    Target,
    /// A figure of any role: "Scale figure".
    Figure,
}

#[derive(Debug, Clone)]
pub struct ChecklistRule {
    pub kind: Kind,
    pub item: String,
    pub cues: PhraseSet,
    /// What must be said near the cue for the item to be covered, besides the cue.
    pub needs: Option<Needs>,
    /// Not a checklist item: says that a solution idea is being proposed.
    pub idea: bool,
    /// The question type it belongs to ("estimation"), or None for every question.
    pub sub_kind: Option<String>,
}

/// The compiled word lists, ready for matching.
#[derive(Debug, Clone)]
pub struct Lexicon {
    pub fillers: PhraseSet,
    pub hedges: PhraseSet,
    pub principles: PhraseSet,
    /// Parallel to the phrases of `principles`.
    pub principle_cues: Vec<PrincipleCue>,
    pub lesson: PhraseSet,
    /// Every way of naming a principle (its name and explicit phrases), lower case,
    /// with the name it stands for: what a bent name is compared with.
    pub principle_names: Vec<(String, &'static str)>,
    pub vague: PhraseSet,
    /// Parallel to the phrases of `vague`.
    pub vague_rules: Vec<VagueRule>,
    pub situation: PhraseSet,
    pub task: PhraseSet,
    pub action: PhraseSet,
    pub result: PhraseSet,
    pub change: PhraseSet,
    pub reflection: PhraseSet,
    pub checklists: Vec<ChecklistRule>,
    pub jargon: PhraseSet,
}

impl Lexicon {
    /// The built-in lists from `data/*.toml`.
    pub fn builtin() -> Lexicon {
        Self::compile(builtin_sources()).expect("the built-in word lists in data/*.toml are valid")
    }

    /// The built-in lists plus the entries of a user file (same format as `data/*.toml`).
    pub fn with_user_file(text: &str) -> Result<Lexicon> {
        let user: Source = toml::from_str(text).context("invalid word-list file")?;
        let mut sources = builtin_sources();
        sources.push(user);
        Self::compile(sources)
    }

    fn compile(sources: Vec<Source>) -> Result<Lexicon> {
        let mut all = Source::default();
        for s in sources {
            all.fillers.extend(s.fillers);
            all.hedges.extend(s.hedges);
            all.principle.extend(s.principle);
            all.lesson.extend(s.lesson);
            all.vague.extend(s.vague);
            all.star.situation.extend(s.star.situation);
            all.star.task.extend(s.star.task);
            all.star.action.extend(s.star.action);
            all.star.result.extend(s.star.result);
            all.star.change.extend(s.star.change);
            all.star.reflection.extend(s.star.reflection);
            all.framework.extend(s.framework);
            all.jargon.extend(s.jargon);
        }
        let mut principle_phrases = Vec::new();
        let mut principle_cues = Vec::new();
        let mut principle_names = Vec::new();
        for p in &all.principle {
            let Some(name) = canonical(&p.name) else {
                bail!("'{}' is not one of the 16 Leadership Principles", p.name);
            };
            principle_names.push((name.to_lowercase(), name));
            principle_names.extend(p.explicit.iter().map(|e| (e.to_lowercase(), name)));
            for (list, explicit) in [(&p.explicit, true), (&p.hints, false)] {
                for phrase in list {
                    principle_phrases.push(phrase.clone());
                    principle_cues.push(PrincipleCue { name, explicit });
                }
            }
        }
        let mut vague_phrases = Vec::new();
        let mut vague_rules = Vec::new();
        for v in &all.vague {
            let phrases: Vec<String> =
                v.phrases.iter().cloned().chain(combinations(&v.combine)).collect();
            if phrases.is_empty() {
                bail!("a [[vague]] section has no phrases (its suggestion: {:?})", v.suggestion);
            }
            for phrase in phrases {
                vague_phrases.push(phrase);
                vague_rules.push(VagueRule {
                    suggestion: v.suggestion.clone(),
                    unless_number: v.unless_number,
                    not_after: v.not_after.clone(),
                    not_before: v.not_before.clone(),
                });
            }
        }
        let checklists = all
            .framework
            .into_iter()
            .map(|f| ChecklistRule {
                kind: f.kind,
                item: f.item,
                cues: PhraseSet::new(&f.cues),
                needs: f.needs,
                idea: f.idea,
                sub_kind: f.sub_kind,
            })
            .collect();
        Ok(Lexicon {
            fillers: PhraseSet::new(&all.fillers),
            hedges: PhraseSet::new(&all.hedges),
            principles: PhraseSet::new(&principle_phrases),
            principle_cues,
            lesson: PhraseSet::new(&all.lesson),
            principle_names,
            vague: PhraseSet::new(&vague_phrases),
            vague_rules,
            situation: PhraseSet::new(&all.star.situation),
            task: PhraseSet::new(&all.star.task),
            action: PhraseSet::new(&all.star.action),
            result: PhraseSet::new(&all.star.result),
            change: PhraseSet::new(&all.star.change),
            reflection: PhraseSet::new(&all.star.reflection),
            checklists,
            jargon: PhraseSet::new(&all.jargon),
        })
    }
}

/// Every phrase made of one entry of each list in turn (none without lists).
fn combinations(lists: &[Vec<String>]) -> Vec<String> {
    if lists.is_empty() {
        return Vec::new();
    }
    lists.iter().fold(vec![String::new()], |heads, list| {
        heads
            .iter()
            .flat_map(|h| list.iter().map(move |w| format!("{h} {w}").trim_start().to_string()))
            .collect()
    })
}

fn builtin_sources() -> Vec<Source> {
    BUILTIN
        .iter()
        .map(|(name, text)| {
            toml::from_str(text).unwrap_or_else(|e| panic!("{name} is invalid: {e}"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lists_compile() {
        let lex = Lexicon::builtin();
        assert!(lex.fillers.len() > 10 && lex.vague.len() > 30 && lex.principles.len() > 60);
        let named: std::collections::HashSet<_> =
            lex.principle_cues.iter().map(|c| c.name).collect();
        assert_eq!(named.len(), 16, "every principle has phrases");
    }

    #[test]
    fn a_user_file_adds_and_is_checked() {
        let lex = Lexicon::with_user_file(
            "fillers = [\"you see\"]\n[[vague]]\nphrases = [\"took it to the next level\"]\nsuggestion = \"By how much?\"\n",
        )
        .unwrap();
        assert_eq!(lex.vague.len(), Lexicon::builtin().vague.len() + 1);
        let combined = "[[vague]]\ncombine = [[\"upped\", \"grew\"], [\"our game\", \"reach\"]]\n\
                        suggestion = \"By how much?\"\n";
        let lex = Lexicon::with_user_file(combined).unwrap();
        assert_eq!(lex.vague.len(), Lexicon::builtin().vague.len() + 4);
        let empty = "[[vague]]\ncombine = [[\"upped\"], []]\nsuggestion = \"By how much?\"\n";
        assert!(Lexicon::with_user_file(empty).unwrap_err().to_string().contains("no phrases"));
        let err =
            Lexicon::with_user_file("[[principle]]\nname = \"Be Nice\"\nexplicit = [\"nice\"]\n")
                .unwrap_err();
        assert!(err.to_string().contains("Be Nice"));
        assert!(Lexicon::with_user_file("filers = []").is_err(), "unknown sections are typos");
    }
}
