//! Round types of an Amazon PM loop and their timing defaults (from the domain guide).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Behavioral,
    Product,
    Analytical,
    SystemDesign,
    Writing,
}

impl Kind {
    pub const ALL: [Kind; 5] =
        [Kind::Behavioral, Kind::Product, Kind::Analytical, Kind::SystemDesign, Kind::Writing];

    /// The name used on the command line, in files and in the Report JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Behavioral => "behavioral",
            Kind::Product => "product",
            Kind::Analytical => "analytical",
            Kind::SystemDesign => "system-design",
            Kind::Writing => "writing",
        }
    }

    /// Spoken answers are cut off at this many seconds: 3 minutes behavioral, 5 otherwise.
    /// A writing sample has no time limit.
    pub fn default_limit_s(self) -> Option<f64> {
        match self {
            Kind::Behavioral => Some(180.0),
            Kind::Product | Kind::Analytical | Kind::SystemDesign => Some(300.0),
            Kind::Writing => None,
        }
    }

    /// The length to aim for: top candidates average 2:10 per behavioral story.
    pub fn default_target_s(self) -> Option<f64> {
        match self {
            Kind::Behavioral => Some(130.0),
            _ => None,
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Kind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let norm = s.trim().to_ascii_lowercase().replace(['_', ' '], "-");
        Kind::ALL
            .into_iter()
            .find(|k| k.as_str() == norm || (norm == "system" && *k == Kind::SystemDesign))
            .ok_or_else(|| {
                format!(
                    "unknown round kind '{s}' (expected behavioral, product, analytical, system-design or writing)"
                )
            })
    }
}

impl clap::ValueEnum for Kind {
    fn value_variants<'a>() -> &'a [Self] {
        &Kind::ALL
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(self.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for k in Kind::ALL {
            assert_eq!(k.as_str().parse::<Kind>().unwrap(), k);
        }
        assert_eq!("System_Design".parse::<Kind>().unwrap(), Kind::SystemDesign);
        assert!("poetry".parse::<Kind>().is_err());
    }

    #[test]
    fn limits_follow_the_guide() {
        assert_eq!(Kind::Behavioral.default_limit_s(), Some(180.0));
        assert_eq!(Kind::Product.default_limit_s(), Some(300.0));
        assert_eq!(Kind::Behavioral.default_target_s(), Some(130.0));
    }
}
