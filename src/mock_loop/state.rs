//! What comes next in a loop, whatever shows it (the screen or the command line):
//! the writing sample, then for each round its questions, each followed by its
//! follow-ups, then "What questions do you have for me?", then the debrief. Finished
//! takes are recorded as they come; a loop rebuilt from the store's takes resumes at
//! the first step not yet taken.

use anyhow::{bail, Result};
use serde::{Deserialize, Serialize};

use super::followup::{self, FollowUp, FOLLOWUP_LIMIT_S};
use super::plan::{Plan, PlannedQuestion};
use crate::analysis::{Context, Report};
use crate::round::Kind;
use crate::transcript::Transcript;

/// The interviewer's closing question in every round.
pub const YOUR_QUESTIONS: &str = "What questions do you have for me?";
/// How long the candidate's own questions may run.
pub const YOUR_QUESTIONS_LIMIT_S: f64 = 180.0;

/// How the loop runs, chosen when it starts and kept for a resume.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunSettings {
    /// Follow-ups per answer, at most 2 (0 asks none).
    pub followups: usize,
    pub followup_limit_s: f64,
    /// Close each round with the candidate's own questions.
    pub your_questions: bool,
    /// Caps every answer (`--seconds`), below the question's own limit.
    pub answer_cap_s: Option<f64>,
}

impl Default for RunSettings {
    fn default() -> Self {
        RunSettings {
            followups: followup::MAX_FOLLOWUPS,
            followup_limit_s: FOLLOWUP_LIMIT_S,
            your_questions: true,
            answer_cap_s: None,
        }
    }
}

/// One step of the loop, by position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "step", rename_all = "kebab-case")]
pub enum StepKey {
    Writing,
    Question { round: usize, question: usize },
    FollowUp { round: usize, question: usize, followup: usize },
    YourQuestions { round: usize },
}

impl StepKey {
    pub fn round(&self) -> Option<usize> {
        match *self {
            StepKey::Writing => None,
            StepKey::Question { round, .. }
            | StepKey::FollowUp { round, .. }
            | StepKey::YourQuestions { round } => Some(round),
        }
    }

    /// The name stored with the take.
    pub fn name(&self) -> &'static str {
        match self {
            StepKey::Writing => "writing",
            StepKey::Question { .. } => "question",
            StepKey::FollowUp { .. } => "followup",
            StepKey::YourQuestions { .. } => "your-questions",
        }
    }
}

/// What the interviewer asks at a step.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ask {
    pub key: StepKey,
    /// The round's kind of answer (a follow-up is judged as its parent).
    pub kind: Kind,
    /// The bank question (for a follow-up, its parent's); none for the candidate's questions.
    pub question_id: Option<String>,
    pub text: String,
    /// The answer's limit; `None` for the writing sample.
    pub limit_s: Option<f64>,
    /// For a follow-up: the take it follows and what it probes.
    pub parent_attempt_id: Option<i64>,
    pub reason: Option<String>,
    /// The bank's follow-ups (for the analysis of a main answer).
    #[serde(skip)]
    pub question_followups: Vec<String>,
    /// The question's type within its round ("estimation"), for its checklist.
    #[serde(skip)]
    pub sub_kind: Option<String>,
}

impl Ask {
    /// How long the answer may run: its limit, a main answer's capped by `--seconds`
    /// (a follow-up's limit is its own setting).
    pub fn record_limit_s(&self, settings: &RunSettings) -> Option<f64> {
        let cap = match self.key {
            StepKey::FollowUp { .. } => None,
            _ => settings.answer_cap_s,
        };
        match (self.limit_s, cap) {
            (Some(l), Some(c)) => Some(l.min(c)),
            (l, c) => l.or(c),
        }
    }

    /// What the answer is analysed against.
    pub fn context(&self) -> Context {
        Context {
            kind: self.kind,
            question_id: self.question_id.clone(),
            sub_kind: self.sub_kind.clone(),
            limit_s: self.limit_s,
            target_s: match self.key {
                StepKey::Question { .. } => self.kind.default_target_s(),
                _ => None,
            },
            question_followups: self.question_followups.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    Ask(Ask),
    /// Every step is taken: the debrief is next.
    Debrief,
}

/// A finished take of the loop.
#[derive(Debug, Clone, PartialEq)]
pub struct DoneTake {
    pub key: StepKey,
    pub attempt_id: i64,
    pub prompt: String,
    pub question_id: Option<String>,
    pub story_id: Option<i64>,
    pub started_at: chrono::DateTime<chrono::Utc>,
    /// Speaking time; `None` for the writing sample.
    pub duration_s: Option<f64>,
    /// `None` when nothing was heard (the recording is still kept).
    pub report: Option<Report>,
    pub transcript: Option<Transcript>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LoopRun {
    pub plan: Plan,
    pub settings: RunSettings,
    pub done: Vec<DoneTake>,
}

impl LoopRun {
    pub fn new(plan: Plan, settings: RunSettings) -> LoopRun {
        LoopRun { plan, settings, done: Vec::new() }
    }

    pub fn take(&self, key: StepKey) -> Option<&DoneTake> {
        self.done.iter().find(|t| t.key == key)
    }

    /// The follow-ups to a main answer, once it is taken.
    pub fn followups(&self, round: usize, question: usize) -> Vec<FollowUp> {
        let Some(parent) = self.take(StepKey::Question { round, question }) else { return vec![] };
        let q = &self.plan.rounds[round].questions[question];
        let text = parent.transcript.as_ref().map(Transcript::text).unwrap_or_default();
        followup::choose(
            parent.report.as_ref().map(|r| (r, text.as_str())),
            q,
            self.settings.followups,
        )
    }

    /// Every step known so far, in order (follow-ups appear once their answer is taken).
    pub fn steps(&self) -> Vec<Ask> {
        let mut out = Vec::new();
        if let Some(w) = &self.plan.writing {
            out.push(Ask {
                key: StepKey::Writing,
                kind: Kind::Writing,
                question_id: Some(w.prompt_id.clone()),
                text: w.prompt.clone(),
                limit_s: None,
                parent_attempt_id: None,
                reason: None,
                question_followups: vec![],
                sub_kind: None,
            });
        }
        for (ri, round) in self.plan.rounds.iter().enumerate() {
            for (qi, q) in round.questions.iter().enumerate() {
                out.push(question_ask(ri, qi, q));
                let parent = self.take(StepKey::Question { round: ri, question: qi });
                for (fi, f) in self.followups(ri, qi).into_iter().enumerate() {
                    out.push(Ask {
                        key: StepKey::FollowUp { round: ri, question: qi, followup: fi },
                        kind: q.kind,
                        question_id: Some(q.id.clone()),
                        text: f.text,
                        limit_s: Some(self.settings.followup_limit_s),
                        parent_attempt_id: parent.map(|p| p.attempt_id),
                        reason: Some(f.reason),
                        question_followups: vec![],
                        sub_kind: q.sub_kind.clone(),
                    });
                }
            }
            if self.settings.your_questions {
                out.push(Ask {
                    key: StepKey::YourQuestions { round: ri },
                    kind: round_answer_kind(round.questions.first()),
                    question_id: None,
                    text: YOUR_QUESTIONS.into(),
                    limit_s: Some(YOUR_QUESTIONS_LIMIT_S),
                    parent_attempt_id: None,
                    reason: None,
                    question_followups: vec![],
                    sub_kind: None,
                });
            }
        }
        out
    }

    /// The first step not yet taken, or the debrief.
    pub fn next(&self) -> Step {
        self.steps()
            .into_iter()
            .find(|a| self.take(a.key).is_none())
            .map_or(Step::Debrief, Step::Ask)
    }

    /// Records a finished take; it must be the step that was next.
    pub fn record(&mut self, take: DoneTake) -> Result<()> {
        match self.next() {
            Step::Ask(a) if a.key == take.key => {
                self.done.push(take);
                Ok(())
            }
            Step::Ask(a) => bail!("the loop expected {:?} next, not {:?}", a.key, take.key),
            Step::Debrief => bail!("the loop is over; {:?} comes too late", take.key),
        }
    }

    pub fn is_finished(&self) -> bool {
        self.next() == Step::Debrief
    }
}

fn question_ask(round: usize, question: usize, q: &PlannedQuestion) -> Ask {
    Ask {
        key: StepKey::Question { round, question },
        kind: q.kind,
        question_id: Some(q.id.clone()),
        text: q.text.clone(),
        limit_s: Some(q.limit_s),
        parent_attempt_id: None,
        reason: None,
        question_followups: q.followups.clone(),
        sub_kind: q.sub_kind.clone(),
    }
}

fn round_answer_kind(q: Option<&PlannedQuestion>) -> Kind {
    q.map_or(Kind::Behavioral, |q| q.kind)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{analyze, Lexicon};
    use crate::bank::Bank;
    use crate::mock_loop::plan::{build, PlanOptions, RoundKind};

    fn run(settings: RunSettings) -> LoopRun {
        let bank = Bank::from_files(&[]).unwrap();
        let opts = PlanOptions {
            rounds: Some(vec![RoundKind::Behavioral, RoundKind::Product]),
            questions: Some(1),
            writing: true,
            seed: 5,
            ..PlanOptions::default()
        };
        LoopRun::new(build(&bank, &opts).unwrap(), settings)
    }

    fn answer(run: &LoopRun, text: &str, id: i64) -> DoneTake {
        let Step::Ask(ask) = run.next() else { panic!("no step left") };
        let t = Transcript::from_text(text);
        DoneTake {
            key: ask.key,
            attempt_id: id,
            prompt: ask.text.clone(),
            question_id: ask.question_id.clone(),
            story_id: None,
            started_at: chrono::Utc::now(),
            duration_s: Some(10.0),
            report: Some(analyze(&t, &ask.context(), &Lexicon::builtin())),
            transcript: Some(t),
        }
    }

    #[test]
    fn steps_come_in_order_and_follow_ups_follow_their_answer() {
        let settings = RunSettings { followups: 1, ..RunSettings::default() };
        let mut r = run(settings);
        let mut keys = Vec::new();
        let mut id = 0;
        while let Step::Ask(a) = r.next() {
            keys.push(a.key);
            if let StepKey::FollowUp { .. } = a.key {
                assert_eq!(a.parent_attempt_id, Some(id), "a follow-up names its parent take");
                assert_eq!(a.limit_s, Some(90.0));
            }
            id += 1;
            let take = answer(&r, "We did a project and things went well.", id);
            r.record(take).unwrap();
        }
        use StepKey::*;
        assert_eq!(
            keys,
            [
                Writing,
                Question { round: 0, question: 0 },
                FollowUp { round: 0, question: 0, followup: 0 },
                YourQuestions { round: 0 },
                Question { round: 1, question: 0 },
                FollowUp { round: 1, question: 0, followup: 0 },
                YourQuestions { round: 1 },
            ]
        );
        assert!(r.is_finished());
    }

    #[test]
    fn a_question_is_analysed_as_its_type() {
        let bank = Bank::from_files(&[]).unwrap();
        let opts = PlanOptions {
            rounds: Some(vec![RoundKind::Analytical]),
            questions: Some(1),
            seed: 5,
            ..PlanOptions::default()
        };
        let r = LoopRun::new(build(&bank, &opts).unwrap(), RunSettings::default());
        let Step::Ask(ask) = r.next() else { panic!("no step") };
        let planned = bank.get(ask.question_id.as_deref().unwrap()).unwrap();
        assert!(planned.sub_kind.is_some(), "{planned:?}");
        assert_eq!(ask.context().sub_kind, planned.sub_kind);
    }

    #[test]
    fn a_take_out_of_order_is_refused_and_a_rebuilt_run_resumes() {
        let mut r = run(RunSettings { your_questions: false, ..RunSettings::default() });
        let w = answer(&r, "I wrote it.", 1);
        r.record(w.clone()).unwrap();
        assert!(r.record(w).is_err(), "the same step twice");
        let q = answer(&r, "We did a project.", 2);
        r.record(q).unwrap();
        let resumed = LoopRun { done: r.done.clone(), ..run(r.settings.clone()) };
        assert_eq!(resumed.next(), r.next());
        let Step::Ask(a) = resumed.next() else { panic!() };
        assert!(matches!(a.key, StepKey::FollowUp { round: 0, question: 0, followup: 0 }));
        assert_eq!(resumed.followups(0, 0).len(), 2);
    }
}
