//! Audio in and out: decoding files, resampling, crash-safe WAV, capture and playback.
pub mod decode;
pub mod level;
pub mod playback;
pub mod resample;
pub mod wav;
