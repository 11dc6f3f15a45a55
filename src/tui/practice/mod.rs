//! The practice screen: pick a question, answer it aloud, read the report, and go on
//! from it — the transcript, a replay, a drill, a comparison, an export, a follow-up
//! answered aloud, a retry or the next question — without leaving the app.

mod keys;
mod view;

use anyhow::Result;
use crossterm::event::KeyEvent;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use self::keys::{Action, CANCELLED, FINISHING, KEYS, PICK, RECORDING, RECOVERED, REPORT};
use super::component::{Component, Cx, DrillTarget, Nav, Route};
use super::keymap::{moved, HelpLine};
use super::recording::QuestionItem;
use super::take_runner::{Landed, Phase, TakeRunner};
use crate::audio::playback::Playback;
use crate::audio::recorder::Recovered;
use crate::bank::Question;
use crate::practice::choose::{choose, Choice};
use crate::practice::outcome::{Filing, Outcome};
use crate::practice::recover::{recorded_at, INTERRUPTED};
use crate::report::render_text;
use crate::round::Kind;
use crate::takes::{export_to_data_dir, ExportFormat};

/// Where the practice screen is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Pick,
    Recording,
    Finishing,
    Report,
    /// Esc during a take: the audio is kept until discarded.
    Cancelled,
    /// Recordings a crash interrupted, offered for analysis at start.
    Recovered,
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
    /// The interviewer's follow-up questions, to answer aloud with `f`.
    pub followups: Vec<String>,
}

/// A recording kept after a crash, as the screen shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct KeptAudio {
    pub path: String,
    pub duration_s: f64,
    pub question_id: Option<String>,
}

pub struct PracticeScreen {
    pub stage: Stage,
    pub questions: Vec<QuestionItem>,
    pub kind_filter: Option<Kind>,
    pub principle_filter: Option<String>,
    /// Index into [`PracticeScreen::visible`].
    pub selected: usize,
    pub report: Option<ReportView>,
    pub report_scroll: u16,
    /// The kept recording of a cancelled take, as the screen shows it.
    pub cancelled: Option<String>,
    pub recovered: Vec<KeptAudio>,
    /// A one-line note at the bottom (errors, what just happened).
    pub message: Option<String>,
    pub runner: TakeRunner,
    recovered_files: Vec<Recovered>,
    playback: Option<Playback>,
    /// The question the report answers (a follow-up's own question for a follow-up).
    pub answered: Option<Question>,
    /// The take follow-ups belong to, and how many of its follow-ups were answered.
    parent: Option<(Question, i64, usize)>,
}

impl PracticeScreen {
    /// The question list, with any recordings a crash left offered first.
    pub fn open(cx: &mut Cx, choice: &Choice, start: bool) -> Result<PracticeScreen> {
        let mut screen =
            PracticeScreen::new(cx.bank.questions().iter().map(QuestionItem::from).collect());
        screen.recovered_files = std::mem::take(&mut cx.recovered);
        screen.recovered = screen.recovered_files.iter().map(kept_view).collect();
        if !screen.recovered.is_empty() {
            screen.stage = Stage::Recovered;
        }
        if *choice != Choice::default() {
            let question =
                choose(&cx.bank, choice, &cx.store.stories()?, &cx.store.practice_counts()?)?;
            screen.kind_filter = choice.kind;
            screen.principle_filter = choice.filter()?.principle;
            screen.select_id(&question.id);
            if start && screen.stage == Stage::Pick {
                let question = question.clone();
                screen.start(cx, &question, Filing::practice());
            }
        }
        Ok(screen)
    }

    pub fn new(questions: Vec<QuestionItem>) -> PracticeScreen {
        PracticeScreen {
            stage: Stage::Pick,
            questions,
            kind_filter: None,
            principle_filter: None,
            selected: 0,
            report: None,
            report_scroll: 0,
            cancelled: None,
            recovered: Vec::new(),
            message: None,
            runner: TakeRunner::new(),
            recovered_files: Vec::new(),
            playback: None,
            answered: None,
            parent: None,
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

    fn move_selection(&mut self, by: i32) {
        self.selected = moved(self.selected, by, self.visible().len());
    }

    /// Round types in turn: all, behavioral, product, analytical, system design.
    fn next_kind(&mut self) {
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
    fn next_principle(&mut self) {
        let all = crate::principles::PRINCIPLES;
        let next = match &self.principle_filter {
            None => Some(0),
            Some(p) => all.iter().position(|n| n == p).map(|i| i + 1).filter(|&i| i < all.len()),
        };
        self.principle_filter = next.map(|i| all[i].to_string());
        self.selected = 0;
    }

    /// The state the keys apply in.
    fn group(&self) -> &'static str {
        match self.stage {
            Stage::Pick => PICK,
            Stage::Recording => RECORDING,
            Stage::Finishing => FINISHING,
            Stage::Report => REPORT,
            Stage::Cancelled => CANCELLED,
            Stage::Recovered => RECOVERED,
        }
    }

    fn start(&mut self, cx: &Cx, question: &Question, filing: Filing) {
        self.playback = None;
        match self.runner.start(cx, question, filing) {
            Ok(()) => {
                self.answered = Some(question.clone());
                self.report = None;
                self.report_scroll = 0;
                self.cancelled = None;
                self.stage = Stage::Recording;
            }
            Err(err) => self.message = Some(format!("Cannot record: {err:#}")),
        }
    }

    /// A new answer to the selected question (its follow-ups start afresh).
    fn start_selected(&mut self, cx: &Cx) {
        let Some(q) = self.selected_question().and_then(|q| cx.bank.get(&q.id)).cloned() else {
            return;
        };
        self.parent = None;
        self.start(cx, &q, Filing::practice());
    }

    /// The same question again: a follow-up's own question when one was answered.
    fn retry(&mut self, cx: &Cx) {
        let Some(q) = self.answered.clone() else { return };
        let filing = match &self.parent {
            Some((parent, session, _)) if parent.id != q.id => follow_up_filing(*session),
            _ => Filing::practice(),
        };
        self.start(cx, &q, filing);
    }

    /// The interviewer's next follow-up, answered as a take of its own in the same sitting.
    fn follow_up(&mut self, cx: &Cx) {
        if self.parent.is_none() {
            self.parent = self.report_parent(cx);
        }
        let Some((parent, session, answered)) = self.parent.clone() else { return };
        let Some(text) = parent.followups.get(answered) else {
            self.message = Some("No more follow-ups for this answer.".to_string());
            return;
        };
        let question = parent.follow_up(answered + 1, text);
        self.parent = Some((parent, session, answered + 1));
        self.start(cx, &question, follow_up_filing(session));
    }

    fn replay(&mut self) {
        if self.playback.take().is_some() {
            self.message = Some("Stopped.".to_string());
            return;
        }
        let Some(report) = &self.report else { return };
        self.message = Some(match Playback::file(std::path::Path::new(&report.recording), 0.0) {
            Ok(p) => {
                let said = format!("▶ playing your answer on {} — space stops", p.device());
                self.playback = Some(p);
                said
            }
            Err(err) => format!("Cannot play: {err:#}"),
        });
    }

    fn export(&mut self, cx: &Cx) -> Result<()> {
        let Some(id) = self.report.as_ref().and_then(|r| r.session_id) else { return Ok(()) };
        let Some(a) = cx.store.attempt(id)? else { return Ok(()) };
        self.message =
            Some(match export_to_data_dir(&cx.store, &a, ExportFormat::Html, Some(&cx.bank)) {
                Ok(path) => format!("Exported to {}", path.display()),
                Err(err) => format!("Cannot export: {err:#}"),
            });
        Ok(())
    }

    /// Analyses the cancelled take, or the first recovered recording.
    fn analyse_kept(&mut self, cx: &Cx) {
        if self.stage == Stage::Cancelled {
            if self.runner.analyse_cancelled(cx) {
                self.stage = Stage::Finishing;
            }
            return;
        }
        if self.recovered_files.is_empty() {
            return;
        }
        let found = self.recovered_files.remove(0);
        self.recovered.remove(0);
        let question = found
            .meta
            .question_id
            .as_deref()
            .and_then(|id| cx.bank.get(id))
            .or_else(|| self.selected_question().and_then(|q| cx.bank.get(&q.id)))
            .cloned();
        let Some(question) = question else {
            self.message = Some("The recording's question is not in the bank.".to_string());
            return;
        };
        let _ = found.settle(false);
        // Dated when it was recorded, and filed as interrupted.
        let started_at = recorded_at(&found).unwrap_or_else(chrono::Utc::now);
        let failure = Some(INTERRUPTED.to_string());
        match self.runner.analyse_recording(cx, found.recording, &question, started_at, failure) {
            Ok(()) => {
                self.answered = Some(question);
                self.stage = Stage::Finishing;
            }
            Err(err) => self.message = Some(format!("{err:#}")),
        }
    }

    fn discard(&mut self) {
        self.message = if self.stage == Stage::Cancelled {
            self.runner.discard_cancelled()
        } else if self.recovered_files.is_empty() {
            None
        } else {
            self.recovered.remove(0);
            Some(match self.recovered_files.remove(0).settle(true) {
                Ok(()) => "Recording deleted.".to_string(),
                Err(err) => format!("Could not delete the recording: {err:#}"),
            })
        };
        self.after_kept();
    }

    /// "Not now": a cancelled take stays on disk; a recovered one is offered next start.
    fn not_now(&mut self) {
        if self.stage == Stage::Cancelled {
            self.runner.keep_cancelled();
        } else if !self.recovered_files.is_empty() {
            self.recovered_files.remove(0);
            self.recovered.remove(0);
        }
        self.after_kept();
    }

    fn after_kept(&mut self) {
        self.cancelled = None;
        self.stage = if self.recovered.is_empty() { Stage::Pick } else { Stage::Recovered };
    }

    fn landed(&mut self, cx: &Cx, outcome: Outcome, ready_after_s: f64, note: Option<String>) {
        let text = render_text(&outcome.report, &outcome.transcript, false);
        self.report = Some(ReportView {
            score: outcome.report.score.overall,
            bar: outcome.report.score.bar,
            duration_s: outcome.recording.duration_s(),
            lines: text.lines().map(str::to_string).collect(),
            session_id: outcome.attempt_id,
            recording: outcome.recording.path.display().to_string(),
            ready_after_s,
            followups: outcome.report.followups.clone(),
        });
        self.report_scroll = 0;
        self.stage = Stage::Report;
        self.message = note;
        // A new answer (not a follow-up) is the parent of the follow-ups to come.
        let is_follow_up = self
            .parent
            .as_ref()
            .is_some_and(|(p, ..)| self.answered.as_ref().is_some_and(|a| a.id != p.id));
        if !is_follow_up {
            self.parent = self.report_parent(cx);
        }
    }

    /// The answer the report shows as the parent of follow-ups: its question with the
    /// analyzer's follow-ups first, and its sitting.
    fn report_parent(&self, cx: &Cx) -> Option<(Question, i64, usize)> {
        let (q, report) = (self.answered.as_ref()?, self.report.as_ref()?);
        let id = report.session_id?;
        let session = cx.store.attempt(id).ok().flatten().and_then(|a| a.session_id).unwrap_or(id);
        let mut parent = q.clone();
        parent.followups = merge(&q.followups, &report.followups);
        Some((parent, session, 0))
    }

    fn act(&mut self, action: Action, cx: &mut Cx) -> Result<Nav> {
        self.message = None;
        match action {
            Action::Move(by) => self.move_selection(by),
            Action::NextKind => self.next_kind(),
            Action::NextPrinciple => self.next_principle(),
            Action::Random => {
                let n = self.visible().len() as u64;
                if n > 0 {
                    self.selected = (crate::bank::select::random_seed() % n) as usize;
                }
            }
            Action::Start => self.start_selected(cx),
            Action::Stop => {
                self.runner.stop(cx);
                self.stage = Stage::Finishing;
            }
            Action::TogglePause => self.runner.toggle_pause(),
            Action::Cancel => {
                self.cancelled = self.runner.cancel()?;
                self.stage = Stage::Cancelled;
            }
            Action::AnalyseKept => self.analyse_kept(cx),
            Action::Discard => self.discard(),
            Action::NotNow => self.not_now(),
            Action::Scroll(by) => {
                let lines = self.report.as_ref().map_or(0, |r| r.lines.len());
                self.report_scroll = moved(self.report_scroll.into(), by, lines) as u16;
            }
            Action::Transcript => {
                if let Some(id) = self.report.as_ref().and_then(|r| r.session_id) {
                    return Ok(Nav::Open(Route::Review(id)));
                }
            }
            Action::Replay => self.replay(),
            Action::Drill => {
                if let Some(q) = &self.answered {
                    let question = Some(q.id.clone());
                    return Ok(Nav::Open(Route::Drill(DrillTarget {
                        question,
                        ..DrillTarget::default()
                    })));
                }
            }
            Action::Compare => {
                if let Some(id) = self.report.as_ref().and_then(|r| r.session_id) {
                    return Ok(Nav::Open(Route::Compare { before: None, after: id }));
                }
            }
            Action::Export => self.export(cx)?,
            Action::FollowUp => self.follow_up(cx),
            Action::Retry => {
                self.runner.keep_cancelled();
                self.retry(cx);
            }
            Action::Next => {
                self.playback = None;
                self.stage = Stage::Pick;
            }
            Action::Home => return Ok(Nav::Home),
            Action::Quit => return Ok(Nav::Quit),
        }
        Ok(Nav::Stay)
    }
}

/// Follow-ups are filed in the sitting of the answer they follow.
fn follow_up_filing(session: i64) -> Filing {
    Filing { session_id: Some(session), ..Filing::practice() }
}

/// The analyzer's follow-ups (what this answer left out) first, then the bank's.
fn merge(bank: &[String], found: &[String]) -> Vec<String> {
    let mut all: Vec<String> = found.to_vec();
    all.extend(bank.iter().filter(|q| !found.contains(q)).cloned());
    all
}

fn kept_view(r: &Recovered) -> KeptAudio {
    KeptAudio {
        path: r.meta.path.display().to_string(),
        duration_s: r.recording.duration_s(),
        question_id: r.meta.question_id.clone(),
    }
}

impl Component for PracticeScreen {
    fn draw(&self, area: Rect, buf: &mut Buffer) {
        view::render(self, area, buf);
    }

    fn footer(&self) -> String {
        match self.stage {
            Stage::Finishing => self.runner.finishing_footer(),
            _ => KEYS.footer(self.group()),
        }
    }

    fn help(&self) -> Vec<HelpLine> {
        KEYS.help()
    }

    fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    fn on_key(&mut self, key: KeyEvent, cx: &mut Cx) -> Result<Nav> {
        match KEYS.action(self.group(), &key) {
            Some(action) => self.act(action, cx),
            None => Ok(Nav::Stay),
        }
    }

    fn on_tick(&mut self, cx: &mut Cx) -> Result<Nav> {
        if self.playback.as_ref().is_some_and(|p| !p.is_playing()) {
            self.playback = None;
        }
        match self.runner.tick(cx)? {
            Some(Landed::Saved { outcome, ready_after_s, note }) => {
                self.landed(cx, *outcome, ready_after_s, note)
            }
            Some(Landed::Failed(why)) => {
                self.message = Some(why);
                self.stage = Stage::Pick;
            }
            Some(Landed::Unfiled { .. }) | None => {
                // The runner stops on its own at the limit or a lost device.
                if self.stage == Stage::Recording && self.runner.phase() == Phase::Finishing {
                    self.stage = Stage::Finishing;
                }
            }
        }
        Ok(Nav::Stay)
    }

    fn on_quit(&mut self, _cx: &mut Cx) -> Result<()> {
        // A take being finished is saved (or kept) by its worker before this returns.
        self.runner.quit().map(|_| ())
    }
}
