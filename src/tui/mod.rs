//! The terminal UI: practice, review, drill and progress screens.
pub mod app;
pub mod controller;
pub mod drill;
pub mod event_loop;
pub mod keys;
pub mod live_take;
pub mod progress;
pub mod recording;
pub mod review;
pub mod screen_loop;
pub mod terminal;
pub mod view;

pub use event_loop::run_practice;
