//! Tests that need nothing but the binary and a temporary directory.

mod analysis_cli;
mod analysis_detectors;
mod analysis_guide;
mod analysis_props;
mod app_screens;
mod bank_cli;
mod bank_questions;
mod bank_validation;
mod cli_output;
mod coaching_corpus;
mod coaching_examples;
mod fuzz_inputs;
mod loop_cli;
mod models_fetch;
mod models_resolve;
mod robust_store;
mod store_db;
mod store_report;
mod story_cli;
mod terminal_controls;
mod writing_cli;
