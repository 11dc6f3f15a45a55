//! The mock onsite loop, independent of any screen: the plan from the guide's
//! "Interview Stages", the interviewers, the steps and what comes next, follow-ups
//! chosen from what each answer lacks, story reuse across rounds, and the debrief
//! with the bar raiser's decision. [`session`] keeps a loop in the store so it can be
//! resumed; everything else is pure.

pub mod debrief;
pub mod followup;
pub mod interviewers;
pub mod plan;
pub mod reuse;
mod rng;
pub mod session;
pub mod state;
pub mod your_questions;

pub use debrief::{debrief, Debrief};
pub use plan::{Plan, PlanOptions, RoundKind};
pub use state::{Ask, DoneTake, LoopRun, RunSettings, Step, StepKey};
