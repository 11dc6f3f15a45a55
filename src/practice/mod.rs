//! One practice take from start to saved session, shared by the practice screen
//! and `barraiser practice --no-tui`: choosing the question, the live take
//! (capture, crash-safe recording, transcription as it goes) and the outcome
//! (analysis, saved session).

pub mod choose;
pub mod editor;
pub mod outcome;
pub mod recover;
pub mod take;
pub mod writing_sample;
