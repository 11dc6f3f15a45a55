//! Tests of the debrief: ratings with evidence, the decision and the overrides.

use super::*;
use crate::analysis::{analyze, Lexicon};
use crate::bank::Bank;
use crate::mock_loop::plan::{build, PlanOptions};
use crate::mock_loop::state::{RunSettings, Step};

const STRONG_STORY: &str = "I owned the checkout rebuild when conversion fell 12% in two weeks. \
    I read 300 session logs and I found the Android payment page timed out. I rewrote the retry \
    logic and conversion recovered to 48% within three weeks, worth $2 million a year. This \
    demonstrates Ownership and Dive Deep.";

/// A loop of `rounds`, one question each, no follow-ups or closing questions,
/// answered with `answers` whose overall scores are then set to `scores`.
fn answered(rounds: Vec<RoundKind>, answers: &[&str], scores: &[f64]) -> LoopRun {
    let bank = Bank::from_files(&[]).unwrap();
    let opts = PlanOptions {
        rounds: Some(rounds),
        questions: Some(1),
        seed: 11,
        ..PlanOptions::default()
    };
    let settings = RunSettings { followups: 0, your_questions: false, ..RunSettings::default() };
    let mut run = LoopRun::new(build(&bank, &opts).unwrap(), settings);
    for (i, (text, score)) in answers.iter().zip(scores).enumerate() {
        let Step::Ask(ask) = run.next() else { panic!() };
        let t = Transcript::from_text(text);
        let mut report = analyze(&t, &ask.context(), &Lexicon::builtin());
        report.score.overall = *score;
        run.record(DoneTake {
            key: ask.key,
            attempt_id: i as i64 + 1,
            prompt: ask.text.clone(),
            question_id: ask.question_id.clone(),
            story_id: None,
            started_at: chrono::DateTime::UNIX_EPOCH,
            duration_s: Some(120.0),
            report: Some(report),
            transcript: Some(t),
        })
        .unwrap();
    }
    run
}

#[test]
fn principles_are_rated_with_quoted_evidence_and_the_matrix_has_all_sixteen() {
    let run = answered(vec![RoundKind::Behavioral], &[STRONG_STORY], &[3.8]);
    let d = debrief(7, &run);
    assert_eq!(d.loop_id, 7);
    assert_eq!(d.matrix.len(), 16);
    let r = &d.rounds[0];
    let own = r.principles.iter().find(|a| a.principle == "Ownership").unwrap();
    assert_eq!(own.rating, Rating::Strong);
    let ev = own.evidence.as_ref().unwrap();
    // Named as the lesson, not "I owned" in passing.
    assert!(ev.quote.contains("demonstrates Ownership"), "{}", ev.quote);
    assert!(own.rests_on.contains("3.8"), "{}", own.rests_on);
    assert_eq!(d.matrix["Ownership"]["0"], Rating::Strong);
    for a in r.principles.iter().filter(|a| a.evidence.is_none()) {
        assert_eq!(a.rating, Rating::Below, "{a:?}");
        assert!(a.rests_on.contains("not named"));
    }
    assert_eq!(d, debrief(7, &run), "the same takes give the same debrief");
    assert!(d.complete);
}

#[test]
fn the_decision_follows_the_bar_and_the_bar_raisers_override() {
    let kinds = || vec![RoundKind::Behavioral, RoundKind::Product, RoundKind::Analytical];
    let all = [STRONG_STORY; 3];
    let hire = debrief(1, &answered(kinds(), &all, &[3.8, 3.6, 3.7]));
    assert_eq!(hire.decision, "hire");
    assert!(!hire.bar_raiser_override);
    assert_eq!(hire.score, 3.7);

    let low = debrief(1, &answered(kinds(), &all, &[3.0, 3.4, 3.6]));
    assert_eq!(low.decision, "no hire");
    assert!(!low.bar_raiser_override);
    assert!(low.reasons[0].contains("under the 3.5 bar"), "{:?}", low.reasons);
    assert_eq!(low.weakest_round, Some(0));

    let overridden = debrief(1, &answered(kinds(), &all, &[4.0, 4.0, 2.4]));
    assert_eq!(overridden.score, 3.5);
    assert_eq!(overridden.decision, "no hire");
    assert!(overridden.bar_raiser_override);
    assert!(
        overridden.reasons.iter().any(|r| r.contains("round 3 (analytical) scored 2.4")),
        "{:?}",
        overridden.reasons
    );
    assert_eq!(overridden.weakest_round, Some(2));
    assert!(overridden
        .practise_next
        .iter()
        .any(|p| p.command.starts_with("barraiser drill --question ana-")));
}

#[test]
fn reused_stories_are_reported_and_sent_to_the_story_bank() {
    let run = answered(
        vec![RoundKind::Behavioral, RoundKind::Combined],
        &[STRONG_STORY, STRONG_STORY],
        &[3.8, 3.8],
    );
    let d = debrief(2, &run);
    assert_eq!(d.reused_stories.len(), 1);
    assert_eq!(d.reused_stories[0].rounds, [0, 1]);
    assert!(d.practise_next.iter().any(|p| p.command == "barraiser stories coverage"));
    assert!(d.reasons.iter().any(|r| r.contains("same story")));
}

#[test]
fn a_weak_follow_up_sinks_a_principle_and_a_strong_one_lifts_it() {
    let bank = Bank::from_files(&[]).unwrap();
    let opts = PlanOptions {
        rounds: Some(vec![RoundKind::Behavioral]),
        questions: Some(1),
        seed: 3,
        ..PlanOptions::default()
    };
    let settings = RunSettings { followups: 1, your_questions: false, ..RunSettings::default() };
    let rating = |main: f64, followup_text: &str| {
        let mut run = LoopRun::new(build(&bank, &opts).unwrap(), settings.clone());
        for (i, text) in [STRONG_STORY, followup_text].iter().enumerate() {
            let Step::Ask(ask) = run.next() else { panic!() };
            let t = Transcript::from_text(text);
            let mut report = analyze(&t, &ask.context(), &Lexicon::builtin());
            if i == 0 {
                report.score.overall = main;
            }
            run.record(DoneTake {
                key: ask.key,
                attempt_id: i as i64 + 1,
                prompt: ask.text.clone(),
                question_id: ask.question_id.clone(),
                story_id: None,
                started_at: chrono::DateTime::UNIX_EPOCH,
                duration_s: Some(60.0),
                report: Some(report),
                transcript: Some(t),
            })
            .unwrap();
        }
        let d = debrief(1, &run);
        d.rounds[0].principles.iter().find(|a| a.principle == "Dive Deep").unwrap().clone()
    };
    let weak = rating(3.8, "Um, well, stuff happened, you know, things like that.");
    assert_eq!(weak.rating, Rating::Meets, "{weak:?}");
    assert!(weak.rests_on.contains("sunk"), "{}", weak.rests_on);
    let strong = rating(3.0, "I measured it: churn fell from 9% to 6% and we saved $400,000. I owned the analysis. This shows Dive Deep.");
    assert_eq!(strong.rating, Rating::Strong, "{strong:?}");
}
