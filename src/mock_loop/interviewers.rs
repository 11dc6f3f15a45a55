//! The people across the table: a name, a role, the principles they assess, and one
//! bar raiser per loop (guide: "typically a senior PM from outside the hiring team").

use serde::{Deserialize, Serialize};

use super::plan::{PlannedQuestion, RoundKind};
use super::rng::Rng;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Interviewer {
    pub name: String,
    pub role: String,
    pub bar_raiser: bool,
}

pub const BAR_RAISER_ROLE: &str = "Senior PM from outside the hiring team";

/// Two people who could run each round; the seed picks one.
fn roster(kind: RoundKind) -> [(&'static str, &'static str); 2] {
    match kind {
        RoundKind::Product => [
            ("Priya Raman", "Principal PM, Amazon Fresh"),
            ("Tom Becker", "Senior PM, Prime Video"),
        ],
        RoundKind::Behavioral => [
            ("Marcus Webb", "PM manager, Amazon Pharmacy"),
            ("Aisha Karimi", "Senior PM, Seller Central"),
        ],
        RoundKind::Analytical => [
            ("Elena Sokolova", "Senior PM, Amazon Ads measurement"),
            ("Raj Patel", "Principal PM, Search relevance"),
        ],
        RoundKind::SystemDesign => [
            ("Daniel Okafor", "Principal PM-Technical, AWS"),
            ("Mei Lin", "Senior PM-Technical, Last Mile logistics"),
        ],
        RoundKind::Combined => [
            ("Hannah Lindqvist", "Director of Product, Alexa Shopping"),
            ("Carlos Mendes", "Senior PM, Marketplace trust"),
        ],
    }
}

/// Principles each round assesses when its questions name too few.
fn default_focus(kind: RoundKind) -> &'static [&'static str] {
    match kind {
        RoundKind::Product => &["Customer Obsession", "Invent and Simplify", "Think Big"],
        RoundKind::Behavioral => &["Ownership", "Earn Trust", "Deliver Results"],
        RoundKind::Analytical => &["Dive Deep", "Are Right, A Lot", "Deliver Results"],
        RoundKind::SystemDesign => {
            &["Think Big", "Invent and Simplify", "Insist on the Highest Standards"]
        }
        RoundKind::Combined => &["Customer Obsession", "Ownership", "Earn Trust"],
    }
}

/// One interviewer per round. The bar raiser runs the combined round, or the last
/// round when there is none.
pub fn assign(rounds: &[RoundKind], rng: &mut Rng) -> Vec<Interviewer> {
    let bar_raiser =
        rounds.iter().position(|r| *r == RoundKind::Combined).unwrap_or(rounds.len() - 1);
    rounds
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let (name, role) = roster(*r)[rng.below(2)];
            Interviewer {
                name: name.into(),
                role: if i == bar_raiser { BAR_RAISER_ROLE.into() } else { role.into() },
                bar_raiser: i == bar_raiser,
            }
        })
        .collect()
}

/// 2-4 principles: those the round's questions probe, then the round's defaults.
pub fn focus(kind: RoundKind, questions: &[PlannedQuestion]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let named = questions.iter().flat_map(|q| q.principles.iter().map(String::as_str));
    for p in named.chain(default_focus(kind).iter().copied()) {
        if out.len() < 4 && !out.iter().any(|o| o == p) {
            out.push(p.to_string());
        }
    }
    out
}
