//! How long a take waits for the speech model before it records, for `scripts/bench`:
//! the app loads the model once in the background and gives every take a fresh
//! decoding state on it, where each take used to load the model itself. Both are
//! timed in one run, so their ratio holds on a noisy machine.
//!
//! Usage: cargo bench --bench take_start [-- TAKES]
//! (the model comes from BARRAISER_MODEL or ./models/ggml-tiny.en.bin)

use std::path::PathBuf;
use std::time::Instant;

use barraiser::speech::engine::{default_threads, Engine};
use barraiser::speech::shared_model::SharedModel;
use barraiser::speech::stream::LiveTranscriber;
use barraiser::speech::transcribe::TranscribeOptions;

fn main() -> anyhow::Result<()> {
    let takes: usize = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with("--"))
        .and_then(|n| n.parse().ok())
        .unwrap_or(5);
    let model = std::env::var_os("BARRAISER_MODEL")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("models/ggml-tiny.en.bin"));
    let opts = TranscribeOptions {
        model: model.clone(),
        threads: default_threads(),
        verbose: false,
        progress: false,
        prompt: Default::default(),
    };
    println!("model {} · {} threads · {takes} takes", model.display(), opts.threads);

    // Each take loading the model itself (as before the app kept it).
    let mut own = Vec::new();
    for _ in 0..takes {
        let t = Instant::now();
        let engine = Engine::load(&opts.model, opts.threads, false)?;
        own.push(t.elapsed().as_secs_f64());
        drop(engine);
    }

    // The app: the load starts at start-up (here just before the first take, so the
    // first take waits for all of it; in the app the candidate is choosing a question
    // meanwhile); each later take waits only for a decoding state of its own.
    let shared = SharedModel::load_in_background(&opts);
    let mut kept = Vec::new();
    for _ in 0..takes {
        let t = Instant::now();
        let live = LiveTranscriber::start(&shared)?;
        kept.push(t.elapsed().as_secs_f64());
        drop(live);
    }
    let later = &kept[1..];
    let median = |v: &[f64]| {
        let mut v = v.to_vec();
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    println!("each take loads the model:         median {:.3} s a take", median(&own));
    println!("model kept for the app, 1st take:  {:.3} s (waits for the load)", kept[0]);
    if !later.is_empty() {
        println!(
            "model kept for the app, later:     median {:.3} s a take ({:.1}x faster than a load)",
            median(later),
            median(&own) / median(later).max(1e-6)
        );
    }
    Ok(())
}
