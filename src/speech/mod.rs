//! Speech to text: the whisper engine, streaming segmentation and model management.
pub mod engine;
pub mod format;
pub mod free_cores;
pub mod log;
pub mod models;
pub mod recommend;
pub mod segmenter;
pub mod shared_model;
pub mod stream;
pub mod transcribe;
