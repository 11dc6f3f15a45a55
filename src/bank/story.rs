//! A story the candidate tells (STAR-LP material) and its TOML form, used by
//! `story add` in the editor, `story import` and `story export`.

use std::path::Path;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::load::{canonical_principles, error_line, line_of, Problem, Problems};
use crate::principles::PRINCIPLES;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Story {
    /// The store's id; absent for a story not saved yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    pub title: String,
    /// Canonical Leadership Principle names the story shows.
    pub principles: Vec<String>,
    /// Situation and task: the context a listener needs.
    pub situation: String,
    /// Quantified results it cites ("18% faster checkout").
    pub metrics: Vec<String>,
    pub notes: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStory {
    id: Option<i64>,
    title: Spanned<String>,
    #[serde(default)]
    principles: Vec<Spanned<String>>,
    #[serde(default)]
    situation: String,
    #[serde(default)]
    metrics: Vec<Spanned<String>>,
    #[serde(default)]
    notes: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStoryFile {
    #[serde(default)]
    story: Vec<RawStory>,
}

#[derive(Serialize)]
struct StoryFile<'a> {
    story: &'a [Story],
}

/// Parses a file of `[[story]]` tables (what `story export` writes).
pub fn parse_many(path: &Path, text: &str) -> Result<Vec<Story>, Problems> {
    let raw: RawStoryFile = toml::from_str(text).map_err(|e| toml_problem(path, text, &e))?;
    if raw.story.is_empty() {
        return Err(Problems(vec![Problem {
            path: path.into(),
            line: 1,
            message: "no stories: expected [[story]] tables".into(),
        }]));
    }
    let mut problems = Vec::new();
    let stories: Vec<Story> =
        raw.story.into_iter().map(|r| check(path, text, r, &mut problems)).collect();
    if problems.is_empty() {
        Ok(stories)
    } else {
        Err(Problems(problems))
    }
}

/// Parses a single story written as top-level keys (the editor template).
pub fn parse_one(path: &Path, text: &str) -> Result<Story, Problems> {
    let raw: RawStory = toml::from_str(text).map_err(|e| toml_problem(path, text, &e))?;
    let mut problems = Vec::new();
    let story = check(path, text, raw, &mut problems);
    if problems.is_empty() {
        Ok(story)
    } else {
        Err(Problems(problems))
    }
}

fn toml_problem(path: &Path, text: &str, e: &toml::de::Error) -> Problems {
    Problems(vec![Problem {
        path: path.into(),
        line: error_line(text, e.span()),
        message: e.message().trim().to_string(),
    }])
}

fn check(path: &Path, text: &str, raw: RawStory, problems: &mut Vec<Problem>) -> Story {
    let mut problem = |span: std::ops::Range<usize>, message: String| {
        problems.push(Problem { path: path.into(), line: line_of(text, span.start), message })
    };
    let title = raw.title.get_ref().trim().to_string();
    if title.is_empty() {
        problem(raw.title.span(), "the story has no title".into());
    }
    let principles = canonical_principles(&raw.principles, &mut problem);
    for m in &raw.metrics {
        if let Some(message) = metric_problem(m.get_ref()) {
            problem(m.span(), message);
        }
    }
    Story {
        id: raw.id,
        title,
        principles,
        situation: raw.situation.trim().to_string(),
        metrics: raw
            .metrics
            .iter()
            .map(|m| m.get_ref().trim().to_string())
            .filter(|m| !m.is_empty())
            .collect(),
        notes: raw.notes.trim().to_string(),
    }
}

/// Number words a metric may be said with ("two weeks", "doubled").
const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "million",
    "billion", "half", "halved", "double", "doubled", "twice", "tripled", "zero", "percent",
];

/// Why a story metric is not one: a metric is a figure ("conversion +12%", "saved
/// $3.2M a year"); "big impact" says nothing a bar raiser can check.
pub fn metric_problem(metric: &str) -> Option<String> {
    let m = metric.trim();
    let numeric = m.chars().any(|c| c.is_ascii_digit())
        || m.split(|c: char| !c.is_alphabetic())
            .any(|w| NUMBER_WORDS.contains(&w.to_lowercase().as_str()));
    (!m.is_empty() && !numeric)
        .then(|| format!("metric \"{m}\" has no number: give the figure (\"conversion +12%\", \"saved $3.2M a year\")"))
}

/// Stories as a TOML file of `[[story]]` tables.
pub fn to_toml(stories: &[Story]) -> String {
    toml::to_string(&StoryFile { story: stories }).expect("stories are plain strings and lists")
}

/// The text `story add` and `story edit` open in the editor.
pub fn template(story: &Story) -> String {
    let list = |items: &[String]| {
        let quoted: Vec<String> = items.iter().map(|s| toml_string(s)).collect();
        format!("[{}]", quoted.join(", "))
    };
    let mut out = String::from(
        "# One story, STAR-LP material. Save and close the editor to keep it;\n\
         # leave it unchanged to cancel. Principles (any unique part of the name works):\n",
    );
    for p in PRINCIPLES {
        out.push_str(&format!("#   {p}\n"));
    }
    out.push_str(&format!("\ntitle = {}\n", toml_string(&story.title)));
    out.push_str(&format!("principles = {}\n", list(&story.principles)));
    out.push_str("# Situation and task: the context, in a few lines.\n");
    out.push_str(&format!("situation = {}\n", toml_multiline(&story.situation)));
    out.push_str("# The numbers it cites; aim for at least two (\"18% faster checkout\").\n");
    out.push_str(&format!("metrics = {}\n", list(&story.metrics)));
    out.push_str(&format!("notes = {}\n", toml_multiline(&story.notes)));
    out
}

fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// A multi-line literal when the text allows it, so the editor shows plain lines.
fn toml_multiline(s: &str) -> String {
    if s.contains("'''") || s.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        toml_string(s)
    } else {
        format!("'''\n{s}\n'''")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Story {
        Story {
            id: Some(3),
            title: "Checkout \"MVP\" re-scope".into(),
            principles: vec!["Ownership".into(), "Deliver Results".into()],
            situation: "Engineering slipped 3 weeks.\nLaunch was fixed.".into(),
            metrics: vec!["18% faster checkout".into(), "$2.3M annual revenue".into()],
            notes: "Lead with the result.".into(),
        }
    }

    #[test]
    fn template_parses_back_to_the_same_story() {
        let s = sample();
        let back = parse_one(Path::new("t.toml"), &template(&s)).unwrap();
        assert_eq!(back, Story { id: None, ..s });
    }

    #[test]
    fn export_round_trips() {
        let stories =
            vec![sample(), Story { id: None, title: "Second".into(), ..Story::default() }];
        let back = parse_many(Path::new("e.toml"), &to_toml(&stories)).unwrap();
        assert_eq!(back, stories);
    }

    #[test]
    fn unknown_principle_names_its_line() {
        let text = "title = \"x\"\nprinciples = [\n  \"Ownership\",\n  \"Fearlessness\",\n]\n";
        let err = parse_one(Path::new("d.toml"), text).unwrap_err();
        assert_eq!(err.0[0].line, 4, "{err}");
        assert!(err
            .to_string()
            .starts_with("d.toml:4: unknown Leadership Principle 'Fearlessness'"));
    }
}
