//! Audio in and out: decoding files, resampling, crash-safe WAV, capture and playback.
pub mod playback;
