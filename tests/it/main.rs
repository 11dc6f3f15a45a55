//! The integration tests, one binary with a module per area. Modules are grouped by
//! what they need: `plain` needs nothing; `speech` the model and espeak-ng; `sound`
//! the PulseAudio server; `terminal` tmux; `browser` Chromium. Without
//! `scripts/setup` the tests that need what is missing skip with a line saying so;
//! `scripts/test` sets `BARRAISER_ALL_TESTS=1`, under which a missing part fails.

mod browser;
mod common;
mod plain;
mod scoring;
mod sound;
mod speech;
mod terminal;
