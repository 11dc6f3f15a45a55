//! barraiser: a local, offline rehearsal coach for Amazon PM interviews.
//!
//! Data flows one way: audio → speech → [`transcript::Transcript`] → analysis → report,
//! with the store and the terminal UI at the end of the line.

pub mod analysis;
pub mod audio;
pub mod bank;
pub mod cli;
pub mod config;
pub mod mock_loop;
pub mod paths;
pub mod practice;
pub mod principles;
pub mod private;
pub mod progress;
pub mod report;
pub mod round;
pub mod settings;
pub mod speech;
pub mod store;
pub mod takes;
pub mod transcript;
pub mod tui;
