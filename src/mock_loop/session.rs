//! A loop kept in the store: started with its plan and settings, each take saved with
//! its step the moment it is finished, resumable from the store after a quit or a
//! crash, finished with its debrief.

use anyhow::{anyhow, bail, Context as _, Result};
use chrono::{DateTime, Utc};

use super::debrief::{debrief, Debrief};
use super::plan::Plan;
use super::state::{Ask, DoneTake, LoopRun, RunSettings, Step, StepKey};
use crate::analysis::{analyze, Lexicon, Report};
use crate::practice::take::Finished;
use crate::practice::writing_sample;
use crate::store::{Attempt, LoopLink, Mode, NewAttempt, Status, Store};
use crate::transcript::Transcript;

pub struct LoopSession {
    pub id: i64,
    pub session_id: i64,
    pub started_at: DateTime<Utc>,
    pub run: LoopRun,
}

/// A take just saved.
pub struct Saved {
    pub attempt_id: i64,
    pub report: Option<Report>,
    /// Why there is no report (nothing heard), or the device failure that cut it short.
    pub problem: Option<String>,
}

impl LoopSession {
    pub fn start(store: &mut Store, plan: Plan, settings: RunSettings) -> Result<LoopSession> {
        let id =
            store.insert_loop(&serde_json::to_value(&plan)?, &serde_json::to_value(&settings)?)?;
        LoopSession::load(store, id)
    }

    /// A new loop as it will be once [`LoopSession::start`] has saved it, to show
    /// its plan meanwhile: not in the store (its ids are 0).
    pub fn unsaved(plan: Plan, settings: RunSettings) -> LoopSession {
        LoopSession {
            id: 0,
            session_id: 0,
            started_at: Utc::now(),
            run: LoopRun::new(plan, settings),
        }
    }

    /// Whether the loop is in the store (SQLite's ids start at 1).
    pub fn is_saved(&self) -> bool {
        self.id > 0
    }

    /// A loop and its takes from the store.
    pub fn load(store: &Store, id: i64) -> Result<LoopSession> {
        let row = store
            .loop_row(id)?
            .ok_or_else(|| anyhow!("no loop #{id} (`barraiser loops` lists them)"))?;
        let plan: Plan = serde_json::from_value(row.plan)
            .with_context(|| format!("loop #{id}: unreadable plan"))?;
        let settings: RunSettings = serde_json::from_value(row.settings)
            .with_context(|| format!("loop #{id}: unreadable settings"))?;
        let mut run = LoopRun::new(plan, settings);
        for (link, attempt) in store.loop_takes(id)? {
            run.done.push(done_take(&link, &attempt)?);
        }
        Ok(LoopSession { id, session_id: row.session_id, started_at: row.started_at, run })
    }

    /// The loop to resume: `id`, or the newest one not finished.
    pub fn resume(store: &Store, id: Option<i64>) -> Result<LoopSession> {
        let rows = store.loops()?;
        let row = match id {
            Some(id) => rows
                .iter()
                .find(|r| r.id == id)
                .ok_or_else(|| anyhow!("no loop #{id} (`barraiser loops` lists them)"))?,
            None => rows.iter().find(|r| r.finished_at.is_none()).ok_or_else(|| {
                anyhow!("no unfinished loop to resume (`barraiser loops` lists them)")
            })?,
        };
        if row.finished_at.is_some() {
            bail!("loop #{} is finished; start a new one with `barraiser loop`", row.id);
        }
        LoopSession::load(store, row.id)
    }

    pub fn next(&self) -> Step {
        self.run.next()
    }

    /// Saves a spoken take of `ask` with its link. When nothing was heard the
    /// recording is still saved and the loop moves on.
    pub fn save_spoken(
        &mut self,
        store: &mut Store,
        ask: &Ask,
        finished: Finished,
        started_at: DateTime<Utc>,
        lex: &Lexicon,
    ) -> Result<Saved> {
        let take = self.spoken(ask, finished, started_at, lex)?;
        let attempt_id = take.insert(store)?;
        self.record(take, attempt_id)
    }

    /// A spoken take of `ask`, analysed and ready to save (on another thread, say:
    /// see [`SpokenTake::insert`] and [`LoopSession::record`]).
    pub fn spoken(
        &self,
        ask: &Ask,
        finished: Finished,
        started_at: DateTime<Utc>,
        lex: &Lexicon,
    ) -> Result<SpokenTake> {
        let Finished { recording, transcript, failure, .. } = finished;
        let status = if failure.is_some() { Status::Interrupted } else { Status::Complete };
        let (mut attempt, report, transcript, problem) = match transcript {
            Ok(t) => {
                let report = analyze(&t, &ask.context(), lex);
                let json = serde_json::to_value(&report).context("cannot encode the report")?;
                let mut a = NewAttempt::from_report(Mode::Practice, json)?;
                a.transcript =
                    Some(serde_json::to_value(&t).context("cannot encode the transcript")?);
                (a, Some(report), Some(t), failure)
            }
            Err(e) => {
                let mut a = NewAttempt::new(ask.kind, Mode::Practice);
                a.duration_s = Some(recording.duration_s());
                let why = failure.map(|f| format!("{f}; ")).unwrap_or_default();
                (a, None, None, Some(format!("{why}{e:#}")))
            }
        };
        attempt.started_at = started_at;
        // Only a main answer is a take of its question: a follow-up answers another
        // question (its link names the parent), so drills and counts leave it out.
        attempt.question_id = match ask.key {
            StepKey::Question { .. } => ask.question_id.clone(),
            _ => None,
        };
        attempt.status = status;
        attempt.audio_path = Some(recording.path.clone());
        Ok(self.prepared(ask, attempt, report, transcript, problem))
    }

    /// Saves the writing sample of `ask` with its link.
    pub fn save_written(
        &mut self,
        store: &mut Store,
        ask: &Ask,
        text: &str,
        started_at: DateTime<Utc>,
        lex: &Lexicon,
    ) -> Result<Saved> {
        let (attempt, report, transcript) =
            writing_sample::judge(text, ask.question_id.as_deref(), started_at, lex)?;
        self.save(store, ask, attempt, Some(report), Some(transcript))
    }

    fn save(
        &mut self,
        store: &mut Store,
        ask: &Ask,
        attempt: NewAttempt,
        report: Option<Report>,
        transcript: Option<Transcript>,
    ) -> Result<Saved> {
        let take = self.prepared(ask, attempt, report, transcript, None);
        let attempt_id = take.insert(store)?;
        self.record(take, attempt_id)
    }

    /// A take of `ask` filed in this loop's sitting, with its link to the step.
    fn prepared(
        &self,
        ask: &Ask,
        mut attempt: NewAttempt,
        report: Option<Report>,
        transcript: Option<Transcript>,
        problem: Option<String>,
    ) -> SpokenTake {
        attempt.session_id = Some(self.session_id);
        let (round, question, followup) = match ask.key {
            StepKey::Writing => (None, None, None),
            StepKey::Question { round, question } => (Some(round), Some(question), None),
            StepKey::FollowUp { round, question, followup } => {
                (Some(round), Some(question), Some(followup))
            }
            StepKey::YourQuestions { round } => (Some(round), None, None),
        };
        let link = LoopLink {
            loop_id: self.id,
            step: ask.key.name().into(),
            round_index: round,
            question_index: question,
            followup_index: followup,
            parent_attempt_id: ask.parent_attempt_id,
            prompt: ask.text.clone(),
            reason: ask.reason.clone(),
        };
        SpokenTake { ask: ask.clone(), attempt, link, report, transcript, problem }
    }

    /// The take, saved as `attempt_id`, is this step's answer now.
    pub fn record(&mut self, take: SpokenTake, attempt_id: i64) -> Result<Saved> {
        let SpokenTake { ask, attempt, report, transcript, problem, .. } = take;
        self.run.record(DoneTake {
            key: ask.key,
            attempt_id,
            prompt: ask.text.clone(),
            question_id: attempt.question_id.clone(),
            story_id: attempt.story_id,
            started_at: attempt.started_at,
            duration_s: attempt.duration_s,
            report: report.clone(),
            transcript,
        })?;
        Ok(Saved { attempt_id, report, problem })
    }

    pub fn debrief(&self) -> Debrief {
        debrief(self.id, &self.run)
    }

    /// Writes the debrief into the store and marks the loop over.
    pub fn finish(&mut self, store: &mut Store) -> Result<Debrief> {
        let d = self.debrief();
        save_debrief(store, &d)?;
        Ok(d)
    }
}

/// Writes `d` into the store and marks its loop over.
pub fn save_debrief(store: &mut Store, d: &Debrief) -> Result<()> {
    store.finish_loop(d.loop_id, &serde_json::to_value(d)?, &d.decision, d.score)
}

/// A take of a step, analysed and filed in its loop, not yet saved.
pub struct SpokenTake {
    ask: Ask,
    pub attempt: NewAttempt,
    link: LoopLink,
    report: Option<Report>,
    transcript: Option<Transcript>,
    problem: Option<String>,
}

impl SpokenTake {
    /// Saves it with its link to the step; the id it was saved as.
    pub fn insert(&self, store: &mut Store) -> Result<i64> {
        store.insert_loop_take(&self.attempt, &self.link)
    }
}

fn done_take(link: &LoopLink, a: &Attempt) -> Result<DoneTake> {
    let missing = |what: &str| anyhow!("loop #{}: take #{} has no {what}", link.loop_id, a.id);
    let key = match link.step.as_str() {
        "writing" => StepKey::Writing,
        "question" => StepKey::Question {
            round: link.round_index.ok_or_else(|| missing("round"))?,
            question: link.question_index.ok_or_else(|| missing("question"))?,
        },
        "followup" => StepKey::FollowUp {
            round: link.round_index.ok_or_else(|| missing("round"))?,
            question: link.question_index.ok_or_else(|| missing("question"))?,
            followup: link.followup_index.ok_or_else(|| missing("follow-up"))?,
        },
        "your-questions" => {
            StepKey::YourQuestions { round: link.round_index.ok_or_else(|| missing("round"))? }
        }
        other => bail!("loop #{}: unknown step '{other}'", link.loop_id),
    };
    let report: Option<Report> = a.report.clone().map(serde_json::from_value).transpose()?;
    let transcript: Option<Transcript> =
        a.transcript.clone().map(serde_json::from_value).transpose()?;
    Ok(DoneTake {
        key,
        attempt_id: a.id,
        prompt: link.prompt.clone(),
        question_id: a.question_id.clone(),
        story_id: a.story_id,
        started_at: a.started_at,
        duration_s: a.duration_s,
        report,
        transcript,
    })
}

/// A loop as `barraiser loops` lists it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct LoopSummary {
    pub id: i64,
    pub started_at: DateTime<Utc>,
    pub finished: bool,
    pub rounds: Vec<String>,
    /// Rounds whose every step is taken.
    pub rounds_done: usize,
    pub takes: usize,
    /// Speaking time of all its takes.
    pub recorded_s: f64,
    pub decision: Option<String>,
    pub score: Option<f64>,
}

impl LoopSession {
    pub fn summary(
        &self,
        finished: bool,
        decision: Option<String>,
        score: Option<f64>,
    ) -> LoopSummary {
        let steps = self.run.steps();
        let rounds_done = (0..self.run.plan.rounds.len())
            .filter(|r| {
                let mut of_round = steps.iter().filter(|a| a.key.round() == Some(*r)).peekable();
                of_round.peek().is_some() && of_round.all(|a| self.run.take(a.key).is_some())
            })
            .count();
        LoopSummary {
            id: self.id,
            started_at: self.started_at,
            finished,
            rounds: self.run.plan.rounds.iter().map(|r| r.kind.to_string()).collect(),
            rounds_done,
            takes: self.run.done.len(),
            recorded_s: self.run.done.iter().filter_map(|t| t.duration_s).sum(),
            decision,
            score,
        }
    }
}

/// Every loop in the store, newest first.
pub fn summaries(store: &Store) -> Result<Vec<LoopSummary>> {
    let mut out = Vec::new();
    for row in store.loops()? {
        let s = LoopSession::load(store, row.id)?;
        out.push(s.summary(row.finished_at.is_some(), row.decision.clone(), row.score));
    }
    Ok(out)
}
