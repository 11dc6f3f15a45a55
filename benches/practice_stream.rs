//! Speed of the practice path on this machine, for `scripts/bench`:
//! - the real-time factor of whole-file transcription;
//! - stop-to-report: a long answer fed to the live transcriber at real-time pace
//!   (as the microphone would), then the time from the stop to the analysed report,
//!   p50 and max over several runs;
//! - the process's peak memory.
//!
//! Usage: cargo bench --bench practice_stream -- ANSWER.wav [RUNS]
//! (the model comes from BARRAISER_MODEL or ./models/ggml-tiny.en.bin)

use std::path::PathBuf;
use std::time::{Duration, Instant};

use barraiser::analysis::{analyze, Context, Lexicon};
use barraiser::audio::decode::decode_16k_mono;
use barraiser::round::Kind;
use barraiser::speech::engine::default_threads;
use barraiser::speech::stream::LiveTranscriber;
use barraiser::speech::transcribe::{transcribe_samples, TranscribeOptions};

/// Audio handed over per push: what the capture worker delivers in 20 ms, in 100-ms batches.
const CHUNK: usize = 1_600;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    let file = PathBuf::from(args.first().expect("usage: practice_stream ANSWER.wav [RUNS]"));
    let runs: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(3);
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
    let samples = decode_16k_mono(&file)?;
    let audio_s = samples.len() as f64 / 16_000.0;
    println!("model {} · {} threads · answer {audio_s:.1} s", model.display(), opts.threads);
    println!("whisper.cpp: {}", whisper_rs::print_system_info().trim_end_matches([' ', '|']));

    let t = Instant::now();
    let whole = transcribe_samples(&samples, &opts)?;
    let whole_s = t.elapsed().as_secs_f64();
    println!(
        "whole-file transcription: {whole_s:.2} s = {:.3}x real time ({} words)",
        whole_s / audio_s,
        whole.words.len()
    );

    let lex = Lexicon::builtin();
    let ctx = Context::for_kind(Kind::Behavioral);
    let mut stops = Vec::new();
    for run in 1..=runs {
        let mut live = LiveTranscriber::start(&opts)?;
        let began = Instant::now();
        for (i, chunk) in samples.chunks(CHUNK).enumerate() {
            live.push(chunk.to_vec());
            let due = Duration::from_secs_f64((i + 1) as f64 * CHUNK as f64 / 16_000.0);
            if let Some(wait) = due.checked_sub(began.elapsed()) {
                std::thread::sleep(wait);
            }
            live.poll();
        }
        let stop = Instant::now();
        let transcript = live.finish()?;
        let report = analyze(&transcript, &ctx, &lex);
        let took = stop.elapsed().as_secs_f64();
        println!(
            "run {run}: stop to report {took:.3} s ({} words, score {:.1})",
            transcript.words.len(),
            report.score.overall
        );
        stops.push(took);
    }
    stops.sort_by(f64::total_cmp);
    println!(
        "stop to report over {runs} runs: p50 {:.3} s, max {:.3} s",
        stops[stops.len() / 2],
        stops[stops.len() - 1]
    );
    println!("peak memory: {}", peak_memory());
    Ok(())
}

/// The process's peak resident set (VmHWM), as Linux reports it.
fn peak_memory() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmHWM:")).map(|l| l[6..].trim().to_string())
        })
        .unwrap_or_else(|| "unknown".to_string())
}
