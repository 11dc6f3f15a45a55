//! The domain guide's examples behave as the guide says.

use barraiser::analysis::{analyze, Context, Lexicon, Report};
use barraiser::round::Kind;
use barraiser::transcript::Transcript;

fn coach(text: &str) -> Report {
    analyze(&Transcript::from_text(text), &Context::for_kind(Kind::Behavioral), &Lexicon::builtin())
}

const OWNERSHIP_4_OF_4: &str = "I owned the launch of a mobile checkout feature at my startup. When engineering \
delayed the deadline by 3 weeks, I re-scoped MVP, ran 3 A/B tests, and shipped—resulting in 18% faster checkout \
and $2.3M annual revenue uplift.";

/// "I owned the launch" uses the principle's word; naming it as the lesson is "This
/// demonstrates Ownership", which the guide also asks for.
#[test]
fn the_four_out_of_four_ownership_answer_scores_high() {
    let alone = coach(OWNERSHIP_4_OF_4);
    let ownership = alone.principles.iter().find(|p| p.name == "Ownership").expect("hinted");
    assert!(!ownership.explicit, "\"I owned the launch\" alone does not name the lesson");
    let r = coach(&format!("{OWNERSHIP_4_OF_4} This demonstrates Ownership."));
    let metrics: Vec<(&str, &str)> =
        r.metrics.iter().map(|m| (m.text.as_str(), m.role.as_str())).collect();
    assert_eq!(
        metrics,
        [("3 weeks", "time"), ("3 A/B tests", "scope"), ("18%", "result"), ("$2.3M", "result")]
    );
    let ownership = r.principles.iter().find(|p| p.name == "Ownership").expect("Ownership found");
    assert!(ownership.explicit, "\"This demonstrates Ownership\" names it");
    assert!(r.vague.is_empty(), "{:?}", r.vague);
    assert!(r.star.situation && r.star.action && r.star.result && r.star.principle, "{:?}", r.star);
    assert!(
        r.score.overall >= r.score.bar,
        "scores {} against the {} bar: {:?}",
        r.score.overall,
        r.score.bar,
        r.score.dimensions
    );
    assert!(
        !r.flags.iter().any(|f| f.code == "no_principle" || f.code == "few_metrics"),
        "{:?}",
        r.flags
    );
}

#[test]
fn the_guide_s_vague_claims_are_flagged() {
    for phrase in
        ["improved team morale", "helped launch a product", "we did a project", "I worked hard"]
    {
        let r = coach(&format!("At my last job {phrase} and it was over."));
        assert_eq!(r.vague.len(), 1, "{phrase}: {:?}", r.vague);
        assert!(
            phrase.to_lowercase().starts_with(&r.vague[0].text.to_lowercase()),
            "{phrase} → {}",
            r.vague[0].text
        );
        assert!(!r.vague[0].suggestion.is_empty());
        assert!(r.score.overall < r.score.bar);
    }
}

#[test]
fn a_weak_answer_falls_below_the_bar_and_gets_the_right_follow_ups() {
    let r = coach(
        "So we were working on a new onboarding flow. We looked at the data and we saw people dropping off. \
         We built a prototype and we tested it, and eventually we launched it, and it significantly improved activation.",
    );
    assert!(r.score.overall < 2.5, "{:?}", r.score);
    let codes: Vec<&str> = r.flags.iter().map(|f| f.code.as_str()).collect();
    for code in ["few_metrics", "no_principle", "we_over_i"] {
        assert!(codes.contains(&code), "{code} missing from {codes:?}");
    }
    assert!(r.followups.iter().any(|q| q.contains("personally")), "{:?}", r.followups);
    assert!(r.followups.iter().any(|q| q.contains("measure")), "{:?}", r.followups);
    assert!((2..=4).contains(&r.followups.len()));
}

#[test]
fn the_data_decision_answer_names_two_principles() {
    let r = coach(
        "At my last role, our app retention dropped 15% in 2 weeks (Situation). I led a dive deep into session logs \
         (Task). Found 42% of users dropped off at the onboarding video step (Action). We A/B tested skipping the \
         video—retention rose 19%, and NPS increased 12 points (Result). This demonstrated Dive Deep and Customer Obsession.",
    );
    let names: Vec<(&str, bool)> =
        r.principles.iter().map(|p| (p.name.as_str(), p.explicit)).collect();
    assert_eq!(names, [("Dive Deep", true), ("Customer Obsession", true)]);
    assert_eq!(r.metrics.len(), 5, "{:?}", r.metrics);
}
