//! The drill's state from the stored takes of its question or story.

use anyhow::{anyhow, bail, Result};

use super::{DrillStatus, DrillView};
use crate::bank::{Bank, Question};
use crate::progress::drill::drill_series;
use crate::progress::load::takes;
use crate::store::{Attempt, AttemptFilter, Store};
use crate::takes::question_title;
use crate::tui::component::DrillTarget;
use crate::tui::recording::QuestionItem;

impl DrillView {
    /// The drill screen's state from the stored takes of the question or story; `bank`
    /// is the question bank, when it loads.
    pub fn load(store: &Store, args: &DrillTarget, bank: Option<&Bank>) -> Result<DrillView> {
        // A story's takes may answer several questions: the story alone picks them.
        let question_id = if args.story.is_some() { None } else { args.question.clone() };
        let filter = AttemptFilter { question_id, story_id: args.story, ..Default::default() };
        let attempts = store.attempts(&filter)?;
        let history = takes(&attempts, bank);
        let title = if let Some(id) = args.story {
            let story = store
                .story(id)?
                .ok_or_else(|| anyhow!("no story #{id} in {}", store.path().display()))?;
            format!("Story #{id}: {}", story.title)
        } else if let Some(id) = &args.question {
            if attempts.is_empty() && bank.is_some_and(|b| b.get(id).is_none()) {
                bail!("unknown question '{id}' (`barraiser questions list` shows the ids)");
            }
            question_title(bank, Some(id)).unwrap_or_else(|| id.clone())
        } else {
            bail!("say what to drill: --question ID or --story ID (`barraiser sessions` lists what you practised)");
        };
        let question = bank
            .ok_or_else(|| anyhow!("the question bank does not load"))
            .and_then(|b| take_question(b, args, &attempts))
            .map(QuestionItem::from);
        // The takes' own target, else (before the first take) the question's: 2:10 for
        // behavioral, else the limit, as the takes' reports would say.
        let kind_target = history.first().and_then(|t| t.target_s.or(t.limit_s));
        let question_target =
            question.as_ref().ok().map(|q| q.kind.default_target_s().unwrap_or(q.limit_s));
        let target = args
            .target_s
            .or(kind_target)
            .or(question_target)
            .unwrap_or(crate::progress::drill::TIGHTEN_STEPS[2]);
        let message = match (&question, history.is_empty()) {
            (Err(why), _) => Some(format!("{why:#}")),
            (Ok(_), true) => Some("No takes yet: press r to record one.".to_string()),
            (Ok(_), false) => None,
        };
        Ok(DrillView {
            title,
            tighten: args.tighten,
            series: drill_series(&history, target, args.tighten),
            status: DrillStatus::Ready,
            question: question.ok(),
            message,
        })
    }
}

/// The question a new take answers: `--question`, else the one the story was last told for.
fn take_question<'a>(
    bank: &'a Bank,
    args: &DrillTarget,
    attempts: &[Attempt],
) -> Result<&'a Question> {
    let id = match &args.question {
        Some(id) => id.clone(),
        // Newest first: the question the story was told for last.
        None => attempts.iter().find_map(|a| a.question_id.clone()).ok_or_else(|| {
            anyhow!("To record takes of this story, say which question they answer: --question ID")
        })?,
    };
    bank.get(&id).ok_or_else(|| {
        anyhow!("no question '{id}' in the bank, so no new takes (`barraiser questions list`)")
    })
}
