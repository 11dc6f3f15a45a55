//! Choosing questions: filters by kind, principle and text, and a random pick that
//! favours what the user has practised least.

use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};

use super::question::Question;
use crate::round::Kind;

#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub kind: Option<Kind>,
    /// A canonical principle name (see [`crate::principles::canonical`]).
    pub principle: Option<String>,
    /// Case-insensitive; matched against the id, the text and the follow-ups.
    pub text: Option<String>,
}

impl Filter {
    pub fn matches(&self, q: &Question) -> bool {
        if self.kind.is_some_and(|k| k != q.kind) {
            return false;
        }
        if let Some(p) = &self.principle {
            if !q.principles.iter().any(|n| n == p) {
                return false;
            }
        }
        if let Some(t) = &self.text {
            let needle = t.to_lowercase();
            let hit = q.id.to_lowercase().contains(&needle)
                || q.text.to_lowercase().contains(&needle)
                || q.followups.iter().any(|f| f.to_lowercase().contains(&needle));
            if !hit {
                return false;
            }
        }
        true
    }
}

/// Among `candidates`, those with the fewest takes; `seed` picks one of them.
pub fn least_practised<'a>(
    candidates: &[&'a Question],
    practice_counts: &HashMap<String, usize>,
    seed: u64,
) -> Option<&'a Question> {
    let takes = |q: &Question| practice_counts.get(&q.id).copied().unwrap_or(0);
    let fewest = candidates.iter().map(|q| takes(q)).min()?;
    let least: Vec<&Question> = candidates.iter().copied().filter(|q| takes(q) == fewest).collect();
    Some(least[(seed % least.len() as u64) as usize])
}

/// A fresh random number from the standard library's per-process hash keys.
pub fn random_seed() -> u64 {
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::Bank;

    #[test]
    fn least_practised_skips_practised_questions() {
        let bank = Bank::from_files(&[]).unwrap();
        let filter = Filter { kind: Some(Kind::Analytical), ..Filter::default() };
        let candidates = bank.filter(&filter);
        let mut counts: HashMap<String, usize> =
            candidates.iter().map(|q| (q.id.clone(), 2)).collect();
        let fresh = candidates[3].id.clone();
        counts.insert(fresh.clone(), 1);
        for seed in 0..20 {
            assert_eq!(least_practised(&candidates, &counts, seed).unwrap().id, fresh);
        }
        counts.clear();
        let picks: std::collections::HashSet<_> =
            (0..50).map(|s| least_practised(&candidates, &counts, s).unwrap().id.clone()).collect();
        assert!(picks.len() > 5, "with no history every question can come up: {picks:?}");
    }

    #[test]
    fn filter_combines_conditions() {
        let bank = Bank::from_files(&[]).unwrap();
        let f = Filter {
            kind: Some(Kind::Behavioral),
            principle: Some("Dive Deep".into()),
            text: Some("DATA".into()),
        };
        let hits = bank.filter(&f);
        assert!(!hits.is_empty());
        for q in hits {
            assert_eq!(q.kind, Kind::Behavioral);
            assert!(q.principles.iter().any(|p| p == "Dive Deep"));
        }
        assert!(bank
            .filter(&Filter { text: Some("zzzz-no-such".into()), ..Filter::default() })
            .is_empty());
    }
}
