//! One interview question as the rest of barraiser sees it, after loading and validation.

use std::fmt;
use std::path::PathBuf;

use serde::{Serialize, Serializer};

use crate::round::Kind;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Question {
    /// Stable, readable id such as `beh-disagree-stakeholder`.
    pub id: String,
    pub text: String,
    pub kind: Kind,
    /// product: design | improvement | metrics; analytical: metric-definition |
    /// diagnosis | ab-testing | estimation; system-design: logistics | marketplace |
    /// ai-ml | platform.
    pub sub_kind: Option<String>,
    /// Who the product serves: `consumer` or `internal` (seller, driver, employee tools).
    pub audience: Option<String>,
    /// Leadership Principles the question probes, canonical names.
    pub principles: Vec<String>,
    /// The answer is cut off here (180 s behavioral, 300 s otherwise by default).
    pub limit_s: f64,
    /// How often it comes up, where the domain guide says (e.g. "asked in 68% of loops").
    pub frequency: Option<String>,
    /// What an interviewer asks next.
    pub followups: Vec<String>,
    /// The steps a strong answer walks through (product, analytical, system design).
    pub framework: Vec<String>,
    pub source: Source,
}

/// How long a follow-up answer may run: an interviewer's probe, not a new story.
pub const FOLLOW_UP_LIMIT_S: f64 = 90.0;

impl Question {
    /// A question an interviewer asks that is not in the bank (a loop's follow-ups
    /// and "what questions do you have for me?"), answered within `limit_s`.
    pub fn asked(id: &str, text: &str, kind: Kind, limit_s: f64) -> Question {
        Question {
            id: id.to_string(),
            text: text.to_string(),
            kind,
            sub_kind: None,
            audience: None,
            principles: Vec::new(),
            limit_s,
            frequency: None,
            followups: Vec::new(),
            framework: Vec::new(),
            source: Source { path: PathBuf::from("(asked aloud)"), line: 0, builtin: true },
        }
    }

    /// The interviewer's follow-up `text` to this question, answered as a take of its
    /// own: the same round and principles, a 90-second limit, and an id naming the
    /// question it follows (`beh-x/follow-up-1`).
    pub fn follow_up(&self, n: usize, text: &str) -> Question {
        Question {
            id: format!("{}/follow-up-{n}", self.id),
            text: text.to_string(),
            limit_s: FOLLOW_UP_LIMIT_S,
            followups: Vec::new(),
            framework: Vec::new(),
            frequency: None,
            ..self.clone()
        }
    }
}

/// Where a question was defined, for error messages and `questions show`.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub path: PathBuf,
    pub line: usize,
    /// Shipped inside the binary rather than read from the user's files.
    pub builtin: bool,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.path.display(), self.line)
    }
}

impl Serialize for Source {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Sub-kinds each round kind accepts; an empty list means the kind takes none.
pub fn sub_kinds(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Product => &["design", "improvement", "metrics"],
        Kind::Analytical => &["metric-definition", "diagnosis", "ab-testing", "estimation"],
        Kind::SystemDesign => &["logistics", "marketplace", "ai-ml", "platform"],
        Kind::Behavioral | Kind::Writing => &[],
    }
}

pub const AUDIENCES: [&str; 2] = ["consumer", "internal"];

/// The framework a question gets when its file names none, from the domain guide:
/// the 5-part product framework, the five A/B-testing steps, the 6-part PM system
/// design framework; a diagnosis follows the usual order of a metric investigation.
pub fn default_framework(kind: Kind, sub_kind: Option<&str>) -> &'static [&'static str] {
    match (kind, sub_kind) {
        (Kind::Product, _) => &[
            "Clarify context and constraints",
            "Define the target user and pain points",
            "Brainstorm 3-5 solutions with trade-offs",
            "Prioritize with a scoring matrix (impact vs. effort)",
            "Define 2-3 KPIs with targets",
        ],
        (Kind::Analytical, Some("ab-testing")) => &[
            "Define the hypothesis",
            "Choose the primary metric (e.g. conversion rate) and guardrails",
            "Determine the sample size (e.g. 10,000 users per variant for 95% confidence)",
            "Run for 2-3 purchase cycles",
            "Check statistical significance and segment impact (new vs. returning users)",
        ],
        // "Why did it drop?": a metric question read backwards, from the move to its cause
        (Kind::Analytical, Some("diagnosis")) => &[
            "Clarify what the metric counts, and confirm the move is real (tracking, data pipeline)",
            "Place it in time: sudden or gradual, seasonality, the same period last year",
            "Segment it: platform, region, new vs. returning users, funnel step",
            "List internal changes (releases, experiments, pricing) and external causes",
            "Confirm the cause with data, size it, and say what you would do",
        ],
        (Kind::Analytical, Some("estimation")) => &[
            "Clarify what is counted, where, and over what period",
            "Break the number into factors (population, households, adoption, frequency)",
            "State each assumption with a number",
            "Compute step by step, out loud",
            "Sanity-check against a known figure and name the biggest uncertainty",
        ],
        (Kind::Analytical, _) => &[
            "Clarify the product's goal and how it makes money for Amazon",
            "Pick one north star metric",
            "Add diagnostic metrics (HEART or AARRR) that explain the north star",
            "Set guardrail metrics with caps",
            "Name the trade-offs and the targets you would commit to",
        ],
        (Kind::SystemDesign, _) => &[
            "Clarify scope and user",
            "List key features and constraints",
            "Sketch the high-level flow (block diagram)",
            "Define data models (e.g. package status: picked up, in transit, delivered)",
            "Discuss trade-offs (e.g. accuracy vs. battery life)",
            "Propose metrics (e.g. tracking latency < 10 s)",
        ],
        (Kind::Behavioral | Kind::Writing, _) => &[],
    }
}
