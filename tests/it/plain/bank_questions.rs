//! The shipped question bank: it loads, covers every principle and every question of
//! the domain guide, and is spread across rounds as real loops are.

use std::collections::HashMap;

use barraiser::bank::{Bank, Question};
use barraiser::principles::PRINCIPLES;
use barraiser::round::Kind;

fn bank() -> Bank {
    Bank::from_files(&[]).expect("the shipped bank is valid")
}

fn share(part: usize, whole: usize) -> f64 {
    100.0 * part as f64 / whole as f64
}

#[test]
fn bank_has_at_least_150_valid_questions() {
    let b = bank();
    assert!(b.questions().len() >= 150, "{} questions", b.questions().len());
    for q in b.questions() {
        assert!(q.source.builtin);
        assert!(!q.text.is_empty());
        assert!((2..=4).contains(&q.followups.len()), "{}: {} follow-ups", q.id, q.followups.len());
        assert!(!q.principles.is_empty(), "{} probes no principle", q.id);
        for p in &q.principles {
            assert!(PRINCIPLES.contains(&p.as_str()), "{}: {p}", q.id);
        }
        // A writing prompt's limit is the time box for a draft.
        let expected_limit = q.kind.default_limit_s().unwrap_or(900.0);
        assert_eq!(q.limit_s, expected_limit, "{}", q.id);
        let prefix = match q.kind {
            Kind::Behavioral => "beh-",
            Kind::Product => "prod-",
            Kind::Analytical => "ana-",
            Kind::SystemDesign => "sd-",
            Kind::Writing => "wri-",
        };
        assert!(q.id.starts_with(prefix), "{} should start with {prefix}", q.id);
        assert!(std::ptr::eq(b.get(&q.id).unwrap(), q));
    }
}

#[test]
fn every_principle_has_at_least_four_behavioral_questions() {
    let b = bank();
    for p in PRINCIPLES {
        let n = b
            .questions()
            .iter()
            .filter(|q| q.kind == Kind::Behavioral && q.principles.iter().any(|n| n == p))
            .count();
        assert!(n >= 4, "{p}: only {n} behavioral questions");
    }
}

#[test]
fn every_question_from_the_domain_guide_is_present() {
    let b = bank();
    let has = |text: &str| -> &Question {
        let needle = text.to_lowercase();
        b.questions()
            .iter()
            .find(|q| q.text.to_lowercase().contains(&needle))
            .unwrap_or_else(|| panic!("missing guide question: {text}"))
    };
    for text in [
        "Design a shopping feature for Amazon Pets",
        "Improve the Amazon Fresh delivery experience",
        "How would you measure success for Amazon Pharmacy?",
        "Design a product for Amazon Prime students",
        "Improve Amazon's returns experience",
        "What metrics matter for Amazon Live?",
        "How would you measure the impact of a new recommendation algorithm?",
        "Estimate daily orders on Amazon.in",
        "Design a system for real-time package tracking for Amazon Flex drivers",
        "Design a fraud detection system for Amazon Marketplace",
        "Design voice shopping on Alexa",
        "Design a new feature for Amazon Music",
        "Tell me about a time you used data to make a product decision",
        "How would you improve Amazon's delivery speed?",
        "Estimate the number of Alexa devices sold in the U.S. last year",
        "How would you measure success for Amazon Sidewalk?",
        "Tell me about a time you failed",
        "Design a feature for Amazon Pharmacy",
        "Tell me about a time you had a conflict with a manager",
        "Prime Video",
        "primary, secondary and guardrail metrics for Amazon Fresh",
    ] {
        has(text);
    }
    for (text, freq) in [
        ("Tell me about a time you disagreed with a stakeholder", "asked in 68% of loops"),
        ("Describe a time you led a project with no authority", "asked in 57% of loops"),
        ("When did you dive deep into data to solve a problem?", "asked in 52% of loops"),
        ("Tell me about a time you had a conflict with a manager", "asked in 68% of loops"),
    ] {
        assert_eq!(has(text).frequency.as_deref(), Some(freq), "{text}");
    }
}

#[test]
fn rounds_are_spread_as_real_loops_are() {
    let b = bank();
    let total = b.questions().iter().filter(|q| q.kind != Kind::Writing).count();
    let count = |k: Kind| b.questions().iter().filter(|q| q.kind == k).count();
    for (kind, want) in [
        (Kind::Product, 45.0),
        (Kind::Behavioral, 30.0),
        (Kind::Analytical, 15.0),
        (Kind::SystemDesign, 10.0),
    ] {
        let got = share(count(kind), total);
        assert!((got - want).abs() <= 2.5, "{kind}: {got:.1}% of the bank, want {want}%");
    }

    let product: Vec<&Question> =
        b.questions().iter().filter(|q| q.kind == Kind::Product).collect();
    let consumer = product.iter().filter(|q| q.audience.as_deref() == Some("consumer")).count();
    let internal = product.iter().filter(|q| q.audience.as_deref() == Some("internal")).count();
    assert_eq!(consumer + internal, product.len(), "every product prompt names its audience");
    let got = share(consumer, product.len());
    assert!((got - 73.0).abs() <= 3.0, "consumer-facing product prompts: {got:.1}%");

    let mut sub: HashMap<(Kind, String), usize> = HashMap::new();
    for q in b.questions() {
        *sub.entry((q.kind, q.sub_kind.clone().unwrap_or_default())).or_default() += 1;
    }
    for s in ["design", "improvement", "metrics"] {
        assert!(sub[&(Kind::Product, s.to_string())] >= 15, "product/{s}");
    }
    let analytical = count(Kind::Analytical);
    // the guide's metric questions include asking why a metric moved
    let of = |s: &str| sub.get(&(Kind::Analytical, s.to_string())).copied().unwrap_or_default();
    for (s, want) in [("metric-definition", 70.0), ("ab-testing", 20.0), ("estimation", 10.0)] {
        let n = if s == "metric-definition" { of(s) + of("diagnosis") } else { of(s) };
        let got = share(n, analytical);
        assert!((got - want).abs() <= 5.0, "analytical/{s}: {got:.1}%, want {want}%");
    }
    let sd = count(Kind::SystemDesign);
    let logistics_marketplace = sub[&(Kind::SystemDesign, "logistics".into())]
        + sub[&(Kind::SystemDesign, "marketplace".into())];
    let got = share(logistics_marketplace, sd);
    assert!((got - 61.0).abs() <= 5.0, "logistics/marketplace system design: {got:.1}%");
}

#[test]
fn frameworks_follow_the_guide() {
    let b = bank();
    for q in b.questions() {
        let steps = q.framework.len();
        match (q.kind, q.sub_kind.as_deref()) {
            (Kind::Behavioral, _) => assert_eq!(steps, 0, "{}", q.id),
            (Kind::Product, _) => assert_eq!(steps, 5, "{}: the 5-part product framework", q.id),
            (Kind::Analytical, _) => assert_eq!(steps, 5, "{}", q.id),
            (Kind::SystemDesign, _) => {
                assert_eq!(steps, 6, "{}: the 6-part design framework", q.id)
            }
            (Kind::Writing, _) => {}
        }
    }
    let ab = b.get("ana-ab-recommendation-algorithm").unwrap();
    assert!(ab.framework[0].contains("hypothesis"));
    assert!(ab.framework[3].contains("2-3 purchase cycles"));
    let sd = b.get("sd-flex-package-tracking").unwrap();
    assert!(sd.framework[3].contains("data models"));
}
