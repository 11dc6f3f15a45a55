//! Tests that need tmux (a real terminal), and most also the sound server and the model.

mod capture_device_lost;
mod drill_tmux;
mod playback_no_device;
mod tui_terminal_restore;
mod tui_tmux;
