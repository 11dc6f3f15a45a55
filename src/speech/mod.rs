//! Speech to text: the whisper engine, streaming segmentation and model management.
pub mod models;
