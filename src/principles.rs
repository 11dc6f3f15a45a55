//! Amazon's 16 Leadership Principles, by their canonical names.

/// The canonical names, spelled exactly as the Report JSON contract requires.
pub const PRINCIPLES: [&str; 16] = [
    "Customer Obsession",
    "Ownership",
    "Invent and Simplify",
    "Are Right, A Lot",
    "Learn and Be Curious",
    "Hire and Develop the Best",
    "Insist on the Highest Standards",
    "Think Big",
    "Bias for Action",
    "Frugality",
    "Earn Trust",
    "Dive Deep",
    "Have Backbone; Disagree and Commit",
    "Deliver Results",
    "Strive to be Earth's Best Employer",
    "Success and Scale Bring Broad Responsibility",
];

/// Resolves a user-typed principle ("dive deep", "Bias for action", "backbone")
/// to its canonical name: an exact case-insensitive match, else a unique
/// name that contains what was typed.
pub fn canonical(name: &str) -> Option<&'static str> {
    let norm = normalize(name);
    if norm.is_empty() {
        return None;
    }
    if let Some(p) = PRINCIPLES.iter().find(|p| normalize(p) == norm) {
        return Some(p);
    }
    let mut hits = PRINCIPLES.iter().filter(|p| normalize(p).contains(&norm));
    match (hits.next(), hits.next()) {
        (Some(p), None) => Some(p),
        _ => None,
    }
}

fn normalize(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_variants() {
        assert_eq!(canonical("dive deep"), Some("Dive Deep"));
        assert_eq!(canonical("ARE RIGHT A LOT"), Some("Are Right, A Lot"));
        assert_eq!(canonical("backbone"), Some("Have Backbone; Disagree and Commit"));
        assert_eq!(canonical("earth's best employer"), Some("Strive to be Earth's Best Employer"));
        assert_eq!(canonical("the"), None, "ambiguous input is not guessed");
        assert_eq!(canonical(""), None);
    }
}
