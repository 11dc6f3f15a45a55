//! Speed of the practice path on this machine, for `scripts/bench`, idle and (with
//! `--load N`) while N other processes each keep a core busy, side by side in one run:
//! - whole-file transcription of the answer, in this process and as processes
//!   (barraiser's CLI and the peers, each with start-up and model loading);
//! - stop-to-report: the answer fed to the live transcriber at real-time pace (as the
//!   microphone would), then the time from the stop to the analysed report, p50 and
//!   max over RUNS runs, and the most pieces that waited for whisper at once;
//! - the process's peak memory.
//!
//! Usage: cargo bench --bench practice_stream -- ANSWER.wav [RUNS] [--load N]
//! The model comes from BARRAISER_MODEL or ./models/ggml-tiny.en.bin. Processes to time
//! come from the environment, each skipped with a line when unset: BENCH_BARRAISER
//! (barraiser's binary), BENCH_FASTER_WHISPER ("PYTHON CT2_MODEL_DIR"),
//! BENCH_WHISPER_CLI (whisper.cpp's CLI).

use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use barraiser::analysis::{analyze, Context, Lexicon};
use barraiser::audio::decode::decode_16k_mono;
use barraiser::round::Kind;
use barraiser::speech::free_cores::CoreMeter;
use barraiser::speech::shared_model::SharedModel;
use barraiser::speech::stream::LiveTranscriber;
use barraiser::speech::transcribe::{transcribe_samples, TranscribeOptions};

/// Audio handed over per push: what the capture worker delivers in 20 ms, in 100-ms batches.
const CHUNK: usize = 1_600;
/// faster-whisper on the same footing as barraiser: greedy decoding, word times, English.
const FASTER_WHISPER: &str = "import sys
from faster_whisper import WhisperModel
model = WhisperModel(sys.argv[1], device='cpu', compute_type='int8', cpu_threads=int(sys.argv[3]))
segments, _ = model.transcribe(sys.argv[2], language='en', beam_size=1, word_timestamps=True)
print(sum(len(s.words) for s in segments))";

fn main() -> anyhow::Result<()> {
    let (file, runs, load) = args();
    let model = std::env::var_os("BARRAISER_MODEL")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("models/ggml-tiny.en.bin"));
    let opts = TranscribeOptions {
        model: model.clone(),
        threads: 0,
        verbose: false,
        progress: false,
        prompt: Default::default(),
    };
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let samples = decode_16k_mono(&file)?;
    let audio_s = samples.len() as f64 / 16_000.0;
    println!("model {} · answer {audio_s:.1} s · {cores} cores", model.display());
    println!("whisper.cpp: {}", whisper_rs::print_system_info().trim_end_matches([' ', '|']));
    let conditions: Vec<usize> = if load > 0 { vec![0, load] } else { vec![0] };
    let mut peers = peers(&file, cores);

    let mut rows: Vec<(String, Vec<Option<f64>>)> = Vec::new();
    let mut row = |label: &str, i: usize, value: Option<f64>| {
        let at = match rows.iter().position(|(l, _)| l == label) {
            Some(at) => at,
            None => {
                rows.push((label.to_string(), vec![None; conditions.len()]));
                rows.len() - 1
            }
        };
        rows[at].1[i] = value;
    };
    for (i, &busy) in conditions.iter().enumerate() {
        let _load = Load::start(busy)?;
        println!("-- {}", describe(busy));
        let t = Instant::now();
        let whole = transcribe_samples(&samples, &opts)?;
        let whole_s = t.elapsed().as_secs_f64();
        println!("whole file in this process: {whole_s:.2} s ({} words)", whole.words.len());
        row("whole file, in this process (s)", i, Some(whole_s));
        for (name, command) in &mut peers {
            let took = time_process(name, command);
            row(&format!("whole file, {name} (s)"), i, took);
        }
        println!("load average after: {}", loadavg());
    }

    let lex = Lexicon::builtin();
    let ctx = Context::for_kind(Kind::Behavioral);
    let mut stops = vec![Vec::new(); conditions.len()];
    let mut waiting = vec![0; conditions.len()];
    // Loaded once, as the app does: every take gets a fresh state on these weights.
    let shared = SharedModel::load_in_background(&opts);
    for run in 1..=runs {
        for (i, &busy) in conditions.iter().enumerate() {
            let _load = Load::start(busy)?;
            let mut live = LiveTranscriber::start(&shared)?;
            let began = Instant::now();
            for (n, chunk) in samples.chunks(CHUNK).enumerate() {
                live.push(chunk.to_vec());
                let due = Duration::from_secs_f64((n + 1) as f64 * CHUNK as f64 / 16_000.0);
                if let Some(wait) = due.checked_sub(began.elapsed()) {
                    std::thread::sleep(wait);
                }
                live.poll();
            }
            let stop = Instant::now();
            let most_waiting = live.most_waiting();
            let transcript = live.finish()?;
            let report = analyze(&transcript, &ctx, &lex);
            let took = stop.elapsed().as_secs_f64();
            println!(
                "run {run}, {}: stop to report {took:.3} s ({} words, score {:.1}, at most \
                 {most_waiting} pieces waiting, load average {})",
                describe(busy),
                transcript.words.len(),
                report.score.overall,
                loadavg()
            );
            stops[i].push(took);
            waiting[i] = waiting[i].max(most_waiting);
        }
    }
    for (i, s) in stops.iter_mut().enumerate() {
        s.sort_by(f64::total_cmp);
        row("stop to report, p50 (s)", i, Some(s[s.len() / 2]));
        row("stop to report, max (s)", i, Some(s[s.len() - 1]));
        row("stop to report, max / p50", i, Some(s[s.len() - 1] / s[s.len() / 2]));
        row("pieces waiting at once, most", i, Some(waiting[i] as f64));
    }
    print_table(&rows, &conditions, &peers);
    println!("peak memory of this process: {}", peak_memory());
    Ok(())
}

/// ANSWER.wav, RUNS (default 3) and N of `--load N` (default 0); cargo's own flags are skipped.
fn args() -> (PathBuf, usize, usize) {
    let mut plain = Vec::new();
    let mut load = 0;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--load" {
            load = args.next().and_then(|n| n.parse().ok()).expect("--load takes a number");
        } else if !a.starts_with("--") {
            plain.push(a);
        }
    }
    let file = PathBuf::from(plain.first().expect("usage: practice_stream ANSWER.wav [RUNS]"));
    (file, plain.get(1).and_then(|r| r.parse().ok()).unwrap_or(3), load)
}

fn describe(busy: usize) -> String {
    let mut meter = CoreMeter::start();
    let free = meter.free_after_window();
    match busy {
        0 => format!("idle (load average {}, free cores seen {free})", loadavg()),
        n => format!("{n} busy process(es) (load average {}, free cores seen {free})", loadavg()),
    }
}

/// Other programs keeping cores busy: `yes` into /dev/null, as many as asked, ended
/// when dropped (and by the kernel should this process die first).
struct Load(Vec<Child>);

impl Load {
    fn start(n: usize) -> anyhow::Result<Self> {
        let mut children = Vec::new();
        for _ in 0..n {
            let mut cmd = Command::new("yes");
            cmd.stdout(Stdio::null());
            // SAFETY: prctl only sets this child's parent-death signal.
            unsafe {
                cmd.pre_exec(|| match libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL) {
                    0 => Ok(()),
                    _ => Err(std::io::Error::last_os_error()),
                });
            }
            children.push(cmd.spawn()?);
        }
        if n > 0 {
            std::thread::sleep(Duration::from_millis(500));
        }
        Ok(Self(children))
    }
}

impl Drop for Load {
    fn drop(&mut self) {
        for child in &mut self.0 {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// The processes to time on the answer, by name; those not configured are skipped
/// with a line saying so.
fn peers(file: &Path, cores: usize) -> Vec<(String, Command)> {
    let mut out = Vec::new();
    let threads = cores.to_string();
    match std::env::var("BENCH_BARRAISER") {
        Ok(bin) => {
            let mut cmd = Command::new(&bin);
            cmd.arg("transcribe").arg(file);
            out.push(("barraiser transcribe".to_string(), cmd));
            // Every core whatever the load: the choice made before threads followed free cores.
            let mut cmd = Command::new(&bin);
            cmd.arg("transcribe").arg(file).args(["--threads", &threads]);
            out.push((format!("barraiser transcribe --threads {threads}"), cmd));
        }
        Err(_) => println!("skipped barraiser's CLI: BENCH_BARRAISER is not set"),
    }
    match std::env::var("BENCH_FASTER_WHISPER") {
        Ok(spec) => {
            let (python, model) = spec.split_once(' ').unwrap_or((&spec, ""));
            let mut cmd = Command::new(python);
            cmd.args(["-c", FASTER_WHISPER, model]).arg(file).arg(&threads);
            out.push((format!("faster-whisper int8, {threads} threads"), cmd));
        }
        Err(_) => println!("skipped faster-whisper: BENCH_FASTER_WHISPER is not set"),
    }
    match std::env::var("BENCH_WHISPER_CLI") {
        Ok(bin) => {
            let model = std::env::var("BARRAISER_MODEL").unwrap_or_default();
            let mut cmd = Command::new(bin);
            cmd.args(["-m", &model, "-t", &threads, "-l", "en", "-bs", "1", "-bo", "1", "-np"]);
            cmd.arg("-f").arg(file);
            out.push((format!("whisper.cpp CLI, {threads} threads"), cmd));
        }
        Err(_) => println!("skipped whisper.cpp's CLI: BENCH_WHISPER_CLI is not set"),
    }
    out
}

/// Seconds the command took, or `None` (with a line) when it failed.
fn time_process(name: &str, command: &mut Command) -> Option<f64> {
    let t = Instant::now();
    let out = command.stdin(Stdio::null()).output();
    let took = t.elapsed().as_secs_f64();
    match out {
        Ok(out) if out.status.success() => {
            println!("whole file, {name}: {took:.2} s");
            Some(took)
        }
        Ok(out) => {
            let err = String::from_utf8_lossy(&out.stderr);
            println!("skipped {name}: {} ({})", out.status, err.lines().last().unwrap_or(""));
            None
        }
        Err(e) => {
            println!("skipped {name}: {e}");
            None
        }
    }
}

/// The figures with one column per condition, loaded over idle, and whole-file times
/// over barraiser's in the same condition.
fn print_table(
    rows: &[(String, Vec<Option<f64>>)],
    conditions: &[usize],
    peers: &[(String, Command)],
) {
    let fmt = |v: Option<f64>| v.map_or("-".to_string(), |v| format!("{v:.3}"));
    let mut header = format!("{:<52}{:>10}", "", "idle");
    if let Some(&n) = conditions.get(1) {
        header += &format!("{:>14}{:>14}", format!("{n} busy"), "busy / idle");
    }
    println!("\n{header}");
    for (label, values) in rows {
        let mut line = format!("{label:<52}{:>10}", fmt(values[0]));
        if values.len() > 1 {
            let ratio = values[0].zip(values[1]).map(|(a, b)| b / a);
            line += &format!("{:>14}{:>14}", fmt(values[1]), fmt(ratio));
        }
        println!("{line}");
    }
    let ours = rows.iter().find(|(l, _)| l == "whole file, barraiser transcribe (s)");
    for (name, _) in peers.iter().filter(|(n, _)| !n.starts_with("barraiser")) {
        let theirs = rows.iter().find(|(l, _)| *l == format!("whole file, {name} (s)"));
        if let (Some((_, ours)), Some((_, theirs))) = (ours, theirs) {
            let ratio = |i: usize| fmt(ours[i].zip(theirs[i]).map(|(a, b)| a / b));
            let mut line = format!("{:<52}{:>10}", format!("barraiser / {name}"), ratio(0));
            if ours.len() > 1 {
                line += &format!("{:>14}", ratio(1));
            }
            println!("{line}");
        }
    }
}

fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
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
