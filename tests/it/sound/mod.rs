//! Tests that need the PulseAudio server (a null sink as the microphone) and mostly the model.

mod capture_record;
mod loop_live;
mod playback_sink;
mod practice_live;
mod robust_takes;
