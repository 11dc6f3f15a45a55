//! Audio in and out: decoding files, resampling, crash-safe WAV, capture and playback.
pub mod capture;
pub mod decode;
pub mod devices;
pub mod level;
pub mod limits;
pub mod playback;
pub mod quiet;
pub mod recorder;
pub mod resample;
pub mod speak;
pub mod wav;
