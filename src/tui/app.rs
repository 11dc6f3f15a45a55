//! The practice screen's state: plain data, rendered by `impl Widget for &App`
//! (see `view`) and changed only by the controller in response to [`Action`]s.

use crate::bank::Question;
use crate::round::Kind;

/// A question as the screen shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionItem {
    pub id: String,
    pub text: String,
    pub kind: Kind,
    pub principles: Vec<String>,
    pub limit_s: f64,
}

impl From<&Question> for QuestionItem {
    fn from(q: &Question) -> Self {
        QuestionItem {
            id: q.id.clone(),
            text: q.text.clone(),
            kind: q.kind,
            principles: q.principles.clone(),
            limit_s: q.limit_s,
        }
    }
}

impl QuestionItem {
    /// The length to aim for: the 2:10 average of a 3-minute round, scaled to the limit.
    pub fn target_s(&self) -> f64 {
        self.kind
            .default_target_s()
            .filter(|_| self.limit_s == 180.0)
            .unwrap_or(self.limit_s * 130.0 / 180.0)
    }

    /// Where the clock turns amber and red: 2:00 and 2:30 of 3:00, scaled.
    pub fn warnings_s(&self) -> (f64, f64) {
        (self.limit_s * 120.0 / 180.0, self.limit_s * 150.0 / 180.0)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Pick,
    Recording,
    /// Stopped: the last piece is being transcribed.
    Finishing,
    Report,
    /// Esc during a take: the audio is kept until discarded.
    Cancelled,
    /// Recordings a crash interrupted, offered for analysis at start.
    Recovered,
}

/// The live take as the screen shows it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LiveView {
    pub elapsed_s: f64,
    pub level_db: f32,
    pub paused: bool,
    pub transcript: String,
    pub metrics: usize,
    pub principles: Vec<String>,
    /// Warnings already rung: 1 amber, 2 red, 3 limit.
    pub rung: u8,
    /// With --no-cutoff, the take went past the limit.
    pub past_limit: bool,
}

/// A finished take's report, ready to show.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportView {
    pub score: f64,
    pub bar: f64,
    pub duration_s: f64,
    /// The full report as terminal text (no colour), one entry a line.
    pub lines: Vec<String>,
    /// `None` when the take could not be saved (kept for the next start).
    pub session_id: Option<i64>,
    pub recording: String,
    /// How long after the stop the report was ready.
    pub ready_after_s: f64,
}

/// A recording kept after a cancel or recovered after a crash.
#[derive(Debug, Clone, PartialEq)]
pub struct KeptAudio {
    pub path: String,
    pub duration_s: f64,
    pub question_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct App {
    pub screen: Screen,
    pub show_help: bool,
    pub questions: Vec<QuestionItem>,
    pub kind_filter: Option<Kind>,
    pub principle_filter: Option<String>,
    /// Index into [`App::visible`].
    pub selected: usize,
    /// The question being (or last) practised.
    pub current: Option<QuestionItem>,
    pub live: LiveView,
    pub report: Option<ReportView>,
    pub report_scroll: u16,
    pub kept: Vec<KeptAudio>,
    /// A one-line note at the bottom (errors, what just happened).
    pub message: Option<String>,
    pub no_cutoff: bool,
}

impl App {
    pub fn new(questions: Vec<QuestionItem>) -> App {
        App {
            screen: Screen::Pick,
            show_help: false,
            questions,
            kind_filter: None,
            principle_filter: None,
            selected: 0,
            current: None,
            live: LiveView::default(),
            report: None,
            report_scroll: 0,
            kept: Vec::new(),
            message: None,
            no_cutoff: false,
        }
    }

    /// The questions that pass the filters, in bank order.
    pub fn visible(&self) -> Vec<&QuestionItem> {
        self.questions
            .iter()
            .filter(|q| self.kind_filter.is_none_or(|k| q.kind == k))
            .filter(|q| self.principle_filter.as_ref().is_none_or(|p| q.principles.contains(p)))
            .collect()
    }

    pub fn selected_question(&self) -> Option<&QuestionItem> {
        self.visible().get(self.selected).copied()
    }

    /// Moves the selection onto the question with this id, clearing filters that hide it.
    pub fn select_id(&mut self, id: &str) {
        if !self.visible().iter().any(|q| q.id == id) {
            self.kind_filter = None;
            self.principle_filter = None;
        }
        if let Some(i) = self.visible().iter().position(|q| q.id == id) {
            self.selected = i;
        }
    }

    pub fn move_selection(&mut self, by: i32) {
        let n = self.visible().len();
        if n > 0 {
            self.selected = (self.selected as i64 + by as i64).clamp(0, n as i64 - 1) as usize;
        }
    }

    /// Round types in turn: all, behavioral, product, analytical, system design.
    pub fn next_kind(&mut self) {
        const ORDER: [Option<Kind>; 5] = [
            None,
            Some(Kind::Behavioral),
            Some(Kind::Product),
            Some(Kind::Analytical),
            Some(Kind::SystemDesign),
        ];
        let at = ORDER.iter().position(|k| *k == self.kind_filter).unwrap_or(0);
        self.kind_filter = ORDER[(at + 1) % ORDER.len()];
        self.selected = 0;
    }

    /// The 16 principles in turn, then none.
    pub fn next_principle(&mut self) {
        let all = crate::principles::PRINCIPLES;
        let next = match &self.principle_filter {
            None => Some(0),
            Some(p) => all.iter().position(|n| n == p).map(|i| i + 1).filter(|&i| i < all.len()),
        };
        self.principle_filter = next.map(|i| all[i].to_string());
        self.selected = 0;
    }
}
