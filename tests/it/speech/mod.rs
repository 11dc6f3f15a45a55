//! Tests that need the speech model and espeak-ng speech.

mod analysis_audio;
mod busy_save_screen;
mod model_recommend;
mod models_import;
mod models_quantize;
mod models_verify;
mod practice_stream;
mod review_screens;
mod robust_inputs;
mod robust_save;
mod settings_file;
mod transcribe_errors;
mod transcribe_fillers;
mod transcribe_long;
mod transcribe_m4a;
mod transcribe_speech;
