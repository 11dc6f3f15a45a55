//! The terminal UI: practice, review, drill and progress screens.
pub mod drill;
pub mod progress;
pub mod review;
pub mod screen_loop;
