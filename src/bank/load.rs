//! Reading question files: TOML with spans, so every problem is reported as
//! `file:line: what is wrong`.

use std::collections::HashMap;
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use super::question::{default_framework, sub_kinds, Question, Source, AUDIENCES};
use crate::principles::canonical;
use crate::round::Kind;

/// Answers shorter than 30 s or longer than 15 minutes are not interview answers.
pub const LIMIT_RANGE: std::ops::RangeInclusive<f64> = 30.0..=900.0;
const MAX_FOLLOWUPS: usize = 4;

/// One thing wrong in a question file.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub path: PathBuf,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.path.display(), self.line, self.message)
    }
}

/// Everything wrong with a set of question files. Displays the first problem (one
/// line, as errors are printed); `questions validate` lists them all.
#[derive(Debug)]
pub struct Problems(pub Vec<Problem>);

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.as_slice() {
            [] => f.write_str("no problems"),
            [one] => write!(f, "{one}"),
            [first, rest @ ..] => write!(
                f,
                "{first} (and {} more; `barraiser questions validate` lists them)",
                rest.len()
            ),
        }
    }
}

impl std::error::Error for Problems {}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    /// Default kind for every question in the file.
    kind: Option<Spanned<String>>,
    #[serde(default)]
    question: Vec<Spanned<RawQuestion>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    id: Spanned<String>,
    text: Spanned<String>,
    kind: Option<Spanned<String>>,
    sub_kind: Option<Spanned<String>>,
    audience: Option<Spanned<String>>,
    #[serde(default)]
    principles: Vec<Spanned<String>>,
    limit_s: Option<Spanned<f64>>,
    frequency: Option<String>,
    followups: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    framework: Vec<String>,
}

/// 1-based line of a byte offset.
pub fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end].iter().filter(|&&b| b == b'\n').count() + 1
}

/// Line of a TOML parse error, or 1 when the parser gives no position.
pub fn error_line(text: &str, span: Option<Range<usize>>) -> usize {
    span.map_or(1, |s| line_of(text, s.start))
}

/// What one question file holds.
#[derive(Debug, Default)]
pub struct ParsedFile {
    /// The questions without problems.
    pub questions: Vec<Question>,
    /// Every id with where it is defined, valid question or not, so a clash is
    /// found in the same pass as the other problems.
    pub ids: Vec<(String, Source)>,
    pub problems: Vec<Problem>,
}

/// Parses one question file: what it could read and every problem found.
pub fn parse_file(path: &Path, text: &str, builtin: bool) -> ParsedFile {
    let problem = |span: Range<usize>, message: String| Problem {
        path: path.to_path_buf(),
        line: line_of(text, span.start),
        message,
    };
    let raw: RawFile = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(e) => {
            let message = e.message().trim().to_string();
            let line = error_line(text, e.span());
            let problems = vec![Problem { path: path.to_path_buf(), line, message }];
            return ParsedFile { problems, ..ParsedFile::default() };
        }
    };
    let mut problems = Vec::new();
    let file_kind = raw.kind.as_ref().and_then(|k| match k.get_ref().parse::<Kind>() {
        Ok(kind) => Some(kind),
        Err(e) => {
            problems.push(problem(k.span(), e));
            None
        }
    });
    if raw.question.is_empty() {
        problems.push(Problem {
            path: path.to_path_buf(),
            line: 1,
            message: "no questions: add at least one [[question]] table".into(),
        });
    }
    let mut questions = Vec::new();
    let mut ids = Vec::new();
    for q in raw.question {
        let line = line_of(text, q.span().start);
        let q = q.into_inner();
        let id = q.id.get_ref().trim().to_string();
        if !id.is_empty() {
            ids.push((id, Source { path: path.to_path_buf(), line, builtin }));
        }
        let before = problems.len();
        let mut report =
            |span: Range<usize>, message: String| problems.push(problem(span, message));
        let question = convert(q, file_kind, line, path, builtin, &mut report);
        if problems.len() == before {
            questions.extend(question);
        }
    }
    ParsedFile { questions, ids, problems }
}

/// Checks one raw question and builds it; problems go to `report` with their spans.
/// The longest question id accepted.
pub const MAX_ID_LEN: usize = 100;

fn convert(
    q: RawQuestion,
    file_kind: Option<Kind>,
    line: usize,
    path: &Path,
    builtin: bool,
    report: &mut impl FnMut(Range<usize>, String),
) -> Option<Question> {
    let id = q.id.get_ref().trim().to_string();
    if id.is_empty() {
        report(q.id.span(), "empty id".into());
    } else if !id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
        report(q.id.span(), format!("id '{id}' may only use a-z, 0-9 and '-'"));
    } else if id.len() > MAX_ID_LEN {
        // Recordings are named by time and id: a longer id makes a file name that
        // file systems refuse (255 bytes), so the question could never be practised.
        report(
            q.id.span(),
            format!("id '{id}' is {} characters long; the most is {MAX_ID_LEN}", id.len()),
        );
    }
    let text = q.text.get_ref().trim().to_string();
    if text.is_empty() {
        report(q.text.span(), format!("question '{id}' has empty text"));
    }
    let kind = match &q.kind {
        Some(k) => k.get_ref().parse::<Kind>().map_err(|e| report(k.span(), e)).ok(),
        None if file_kind.is_none() => {
            report(q.id.span(), format!("question '{id}' has no kind (set `kind` in the question or at the top of the file)"));
            None
        }
        None => file_kind,
    };
    let sub_kind = q.sub_kind.as_ref().map(|s| s.get_ref().trim().to_string());
    if let (Some(kind), Some(sub), Some(span)) =
        (kind, &sub_kind, q.sub_kind.as_ref().map(|s| s.span()))
    {
        let allowed = sub_kinds(kind);
        if !allowed.contains(&sub.as_str()) {
            let expected = if allowed.is_empty() { "none".to_string() } else { allowed.join(", ") };
            report(span, format!("unknown sub_kind '{sub}' for {kind} (expected {expected})"));
        }
    }
    let audience = q.audience.as_ref().map(|a| a.get_ref().trim().to_string());
    if let (Some(a), Some(span)) = (&audience, q.audience.as_ref().map(|a| a.span())) {
        if !AUDIENCES.contains(&a.as_str()) {
            report(span, format!("unknown audience '{a}' (expected consumer or internal)"));
        }
    }
    let principles = canonical_principles(&q.principles, report);
    let limit_s = match (&q.limit_s, kind) {
        (Some(l), _) => {
            let v = *l.get_ref();
            if !LIMIT_RANGE.contains(&v) {
                report(l.span(), format!("limit_s {v} is outside 30..=900 seconds"));
            }
            Some(v)
        }
        (None, Some(k)) => k.default_limit_s(),
        (None, None) => None,
    };
    if kind == Some(Kind::Writing) && q.limit_s.is_none() {
        report(q.id.span(), format!("question '{id}' is a writing prompt: give it a limit_s"));
    }
    let mut followups: Vec<String> = Vec::new();
    if let Some(f) = &q.followups {
        followups = f.get_ref().iter().map(|s| s.trim().to_string()).collect();
        if followups.len() > MAX_FOLLOWUPS {
            report(f.span(), format!("{} follow-ups; at most {MAX_FOLLOWUPS}", followups.len()));
        }
        if followups.iter().any(String::is_empty) {
            report(f.span(), "empty follow-up question".into());
        }
    }
    let kind = kind?;
    let framework = if q.framework.is_empty() {
        default_framework(kind, sub_kind.as_deref()).iter().map(|s| s.to_string()).collect()
    } else {
        q.framework
    };
    Some(Question {
        id,
        text,
        kind,
        sub_kind,
        audience,
        principles,
        limit_s: limit_s?,
        frequency: q.frequency.map(|f| f.trim().to_string()).filter(|f| !f.is_empty()),
        followups,
        framework,
        source: Source { path: path.to_path_buf(), line, builtin },
    })
}

/// Principle names as written in a file, resolved to canonical names without
/// repeats; an unknown name is reported at its own span.
pub fn canonical_principles(
    names: &[Spanned<String>],
    report: &mut impl FnMut(Range<usize>, String),
) -> Vec<String> {
    let mut principles: Vec<String> = Vec::new();
    for p in names {
        match canonical(p.get_ref()) {
            Some(name) if !principles.iter().any(|n| n == name) => principles.push(name.into()),
            Some(_) => {}
            None => report(p.span(), format!("unknown Leadership Principle '{}'", p.get_ref())),
        }
    }
    principles
}

/// An id defined more than once is a problem at each later place, naming the first.
pub fn duplicate_ids(ids: &[(String, Source)]) -> Vec<Problem> {
    let mut first: HashMap<&str, &Source> = HashMap::new();
    let mut problems = Vec::new();
    for (id, source) in ids {
        match first.get(id.as_str()) {
            Some(earlier) => problems.push(Problem {
                path: source.path.clone(),
                line: source.line,
                message: format!("duplicate id '{id}' (first defined at {earlier})"),
            }),
            None => {
                first.insert(id, source);
            }
        }
    }
    problems
}
