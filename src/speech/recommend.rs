//! `barraiser model recommend`: the most accurate installed model that gives feedback
//! within a second on this machine, as it is loaded right now.
//!
//! Feedback after the stop waits for whisper on the last piece of the answer only (the
//! rest was transcribed while it was spoken), so each model is timed on a typical last
//! piece: 7 s of recorded speech, with the threads the free cores allow.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};

use super::engine::Engine;
use super::free_cores::CoreMeter;
use super::models::catalog::{CATALOG, DEFAULT_MODEL};
use super::models::resolve::find_preferring_q8;
use super::transcribe::FILLER_PROMPT;
use crate::audio::decode::decode_16k_mono;

/// Feedback should come within this long of the stop.
pub const BUDGET_S: f64 = 1.0;
/// A spoken sentence (espeak-ng, 7 s, Ogg Vorbis): a typical last piece of an answer.
const LAST_PIECE: &[u8] = include_bytes!("../../data/final-piece.ogg");

/// One model's time on the last piece.
#[derive(Debug, Clone)]
pub struct Timing {
    pub name: String,
    pub path: PathBuf,
    pub threads: usize,
    pub seconds: f64,
}

impl Timing {
    pub fn within_budget(&self) -> bool {
        self.seconds <= BUDGET_S
    }
}

/// Times the installed catalog models (each one's 8-bit copy where there is one) from
/// the least accurate up (the catalog's order), stopping after the first that misses
/// the budget: larger ones are slower.
/// `verbose` shows whisper.cpp's log.
pub fn time_installed(data_dir: &Path, verbose: bool) -> Result<Vec<Timing>> {
    let installed: Vec<(String, PathBuf)> =
        CATALOG.iter().filter_map(|e| find_preferring_q8(e.name, data_dir)).collect();
    anyhow::ensure!(
        !installed.is_empty(),
        "no speech model is installed; run `barraiser model fetch {DEFAULT_MODEL}`"
    );
    let piece = last_piece()?;
    let mut out = Vec::new();
    for (name, path) in installed {
        let timing = time_model(&name, &path, &piece, verbose)?;
        let over = !timing.within_budget();
        out.push(timing);
        if over {
            break;
        }
    }
    Ok(out)
}

/// The most accurate of `timings` within the budget (the last such in catalog order).
pub fn pick(timings: &[Timing]) -> Option<&Timing> {
    timings.iter().rev().find(|t| t.within_budget())
}

/// Loads the model and times it on `piece` with the filler prompt, as at the stop;
/// a first run warms the caches and is not counted.
fn time_model(name: &str, path: &Path, piece: &[f32], verbose: bool) -> Result<Timing> {
    let mut meter = CoreMeter::start();
    let mut engine = Engine::load(path, 1, verbose)?;
    let threads = meter.free_after_window();
    engine.set_threads(threads);
    engine.transcribe_segment(piece, 0.0, FILLER_PROMPT)?;
    let t = Instant::now();
    engine.transcribe_segment(piece, 0.0, FILLER_PROMPT)?;
    let seconds = t.elapsed().as_secs_f64();
    Ok(Timing { name: name.to_string(), path: path.to_path_buf(), threads, seconds })
}

fn last_piece() -> Result<Vec<f32>> {
    let file =
        std::env::temp_dir().join(format!("barraiser-last-piece-{}.ogg", std::process::id()));
    std::fs::write(&file, LAST_PIECE)
        .with_context(|| format!("cannot write {}", file.display()))?;
    let samples = decode_16k_mono(&file);
    let _ = std::fs::remove_file(&file);
    samples
}

#[cfg(test)]
mod tests {
    use super::*;

    fn timing(name: &str, seconds: f64) -> Timing {
        Timing { name: name.into(), path: PathBuf::new(), threads: 2, seconds }
    }

    #[test]
    fn the_most_accurate_model_within_a_second_is_picked() {
        let t = [timing("tiny.en", 0.3), timing("base", 0.8), timing("small", 2.5)];
        assert_eq!(pick(&t).unwrap().name, "base");
        assert_eq!(pick(&t[..1]).unwrap().name, "tiny.en");
        assert!(pick(&[timing("tiny.en", 1.4)]).is_none());
    }

    #[test]
    fn the_last_piece_is_seven_seconds_of_audio() {
        let s = last_piece().unwrap();
        let seconds = s.len() as f64 / 16_000.0;
        assert!((6.5..7.5).contains(&seconds), "{seconds} s");
    }
}
