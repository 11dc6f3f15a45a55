//! The terminal UI: practice, review, drill and progress screens.
