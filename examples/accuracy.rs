//! Precision and recall of the coaching detectors against the labelled answers in
//! tests/fixtures/coaching (rules in its README), from the typed text or from
//! transcripts of the answers spoken. Run through `scripts/accuracy`.
//!
//!     accuracy text
//!     accuracy held-out    # the answers in tests/fixtures/coaching/held-out, from text
//!     accuracy voice DIR
//!     accuracy speech DIR [--prompt filler|domain|question|both] [--model PATH] [--kind KIND]
//!                         [--voice espeak|flite]
//!
//! `voice` speaks every other answer into DIR twice: with espeak-ng, turn by turn in
//! one of four variants (two voices at two speeds, a faster tempo, added noise) made
//! with sox, and with flite, a voice unlike espeak's, in one of two speakers.
//! In speech mode DIR holds those `ID.VARIANT.wav` files; each is transcribed once with
//! barraiser's own transcription and the transcript cached next to it as
//! `ID.VARIANT.PROMPT.json`, so later runs only analyse. `--voice espeak|flite` keeps
//! the takes of one speaker.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context as _, Result};
use barraiser::analysis::near_miss::edit_distance;
use barraiser::analysis::numbers;
use barraiser::analysis::report::Report;
use barraiser::analysis::tokens::tokenize;
use barraiser::analysis::{analyze, Context, Lexicon};
use barraiser::round::Kind;
use barraiser::speech::engine::model_name;
use barraiser::speech::transcribe::{transcribe_file, Prompt, TranscribeOptions};
use barraiser::transcript::Transcript;
use serde::Deserialize;

// The labelled-answer tests score the same way.
#[path = "../tests/it/scoring.rs"]
mod scoring;
use scoring::{ratio, runs_inside, table, tally, Counts};

const KINDS: [&str; 4] = ["behavioral", "product", "analytical", "system-design"];
/// The turn each file's first voiced answer takes in the voices and variants (the turns
/// the takes were first made with, so the four kinds share the variants out).
const FIRST_TURN: [usize; 4] = [0, 0, 1, 2];
const STAR_PARTS: [&str; 5] = ["situation", "task", "action", "result", "principle"];

#[derive(Deserialize)]
struct File {
    answer: Vec<Answer>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct Answer {
    id: String,
    quality: String,
    /// The question asked, given to whisper in the `question` and `both` prompts.
    #[serde(default)]
    question: Option<String>,
    text: String,
    principles: Vec<String>,
    #[serde(default)]
    near_miss: Vec<String>,
    metrics: Vec<(String, String)>,
    vague: Vec<String>,
    #[serde(default)]
    star: Option<Vec<String>>,
    #[serde(default)]
    flags: Vec<String>,
    #[serde(default)]
    no_flags: Vec<String>,
    #[serde(skip)]
    kind: Option<Kind>,
    /// For a voiced answer, its turn in the voices and variants: counted within its own
    /// file, so answers added to one file leave every other take as it was.
    #[serde(skip)]
    turn: Option<usize>,
}

impl Answer {
    /// flite's speaker for this answer, if it is voiced.
    fn speaker(&self) -> Option<&'static str> {
        Some(FLITE_VOICES[self.turn? % FLITE_VOICES.len()])
    }

    /// espeak-ng's (voice, words a minute, sox effect) for this answer, if it is voiced.
    fn variant(&self) -> Option<(&'static str, &'static str, &'static str)> {
        Some(VARIANTS[self.turn? % VARIANTS.len()])
    }

    /// The file stems of this answer's takes: flite's, then espeak-ng's.
    fn takes(&self) -> Option<[String; 2]> {
        let speaker = self.speaker()?;
        let (voice, wpm, effect) = self.variant()?;
        let dash = if effect.is_empty() { "" } else { "-" };
        Some([
            format!("{}.flite-{speaker}", self.id),
            format!("{}.{}-{wpm}{dash}{effect}", self.id, voice.replace('+', "")),
        ])
    }
}

fn main() {
    if let Err(e) = run() {
        eprintln!("accuracy: error: {e:#}");
        std::process::exit(1);
    }
}

fn run() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let lex = Lexicon::builtin();
    let held_out = args.first().is_some_and(|a| a == "held-out");
    let answers = load_answers(if held_out { HELD_OUT } else { CORPUS })?;
    match args.first().map(String::as_str) {
        Some("text" | "held-out") => {
            let takes: Vec<(Answer, Transcript)> =
                answers.iter().map(|a| (a.clone(), Transcript::from_text(&a.text))).collect();
            println!("from text: {} answers", takes.len());
            print_figures(&takes, &lex, false);
        }
        Some("voice") => {
            let dir = PathBuf::from(args.get(1).context("voice needs the audio directory")?);
            voice(&answers, &dir)?;
        }
        Some("speech") => {
            let dir = PathBuf::from(args.get(1).context("speech needs the audio directory")?);
            let prompt = option(&args, "--prompt").unwrap_or("filler".into());
            let model = option(&args, "--model").map(PathBuf::from).unwrap_or_else(|| {
                std::env::var_os("BARRAISER_MODEL")
                    .map(PathBuf::from)
                    .unwrap_or_else(|| PathBuf::from("models/ggml-tiny.en.bin"))
            });
            let kind: Option<Kind> = option(&args, "--kind")
                .map(|k| k.parse())
                .transpose()
                .map_err(anyhow::Error::msg)?;
            let voice = option(&args, "--voice");
            let mut takes = speech_takes(&answers, &dir, &prompt, &model, kind)?;
            // flite takes are named after it; every other take is espeak-ng's.
            takes.retain(|(_, _, variant)| match voice.as_deref() {
                Some("flite") => variant.starts_with("flite"),
                Some("espeak") => !variant.starts_with("flite"),
                _ => true,
            });
            let takes: Vec<(Answer, Transcript)> =
                takes.into_iter().map(|(a, t, _)| (a, t)).collect();
            println!("from speech ({prompt} prompt): {} takes", takes.len());
            print_word_accuracy(&takes);
            print_figures(&takes, &lex, true);
        }
        _ => bail!(
            "usage: accuracy text | voice DIR | speech DIR [--prompt filler|domain|question|both] \
             [--voice espeak|flite]"
        ),
    }
    Ok(())
}

/// What whisper is told before each take: the filler example only (`filler`), with the
/// analyzer's vocabulary (`domain`), with the question asked (`question`), or both.
const PROMPTS: [&str; 4] = ["filler", "domain", "question", "both"];

/// (espeak-ng voice, words a minute, sox effect) for each variant.
const VARIANTS: [(&str, &str, &str); 4] = [
    ("en-us", "165", ""),
    ("en-gb+f3", "185", ""),
    ("en-us", "150", "tempo"),
    ("en-gb+f3", "160", "noise"),
];

/// flite's speakers, taken in turn.
const FLITE_VOICES: [&str; 2] = ["slt", "rms"];

/// Speaks the voiced half of the corpus, skipping files already made.
fn voice(answers: &[Answer], dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir)?;
    for a in answers {
        let (Some(stems), Some(speaker), Some((voice, wpm, effect))) =
            (a.takes(), a.speaker(), a.variant())
        else {
            continue;
        };
        let [flite, espeak] = stems.map(|stem| dir.join(format!("{stem}.wav")));
        if !flite.exists() {
            command("flite", &["-voice", speaker, "-t", &a.text, "-o", path(&flite)])?;
            eprintln!("voiced {}", flite.display());
        }
        if espeak.exists() {
            continue;
        }
        let raw = dir.join("raw.wav");
        command("espeak-ng", &["-v", voice, "-s", wpm, "-w", path(&raw), &a.text])?;
        match effect {
            "tempo" => command("sox", &[path(&raw), path(&espeak), "tempo", "1.12"])?,
            "noise" => {
                let noise = dir.join("noise.wav");
                command("sox", &[path(&raw), path(&noise), "synth", "whitenoise", "vol", "0.03"])?;
                command("sox", &["-m", path(&raw), path(&noise), path(&espeak)])?;
                std::fs::remove_file(noise)?;
            }
            _ => std::fs::rename(&raw, &espeak)?,
        }
        let _ = std::fs::remove_file(raw);
        eprintln!("voiced {}", espeak.display());
    }
    Ok(())
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap_or_default()
}

fn command(program: &str, args: &[&str]) -> Result<()> {
    let status = std::process::Command::new(program)
        .args(args)
        .status()
        .with_context(|| format!("could not run {program}"))?;
    anyhow::ensure!(status.success(), "{program} failed");
    Ok(())
}

fn option(args: &[String], name: &str) -> Option<String> {
    args.iter().position(|a| a == name).and_then(|k| args.get(k + 1)).cloned()
}

/// The labelled answers the detectors are measured and mended against.
const CORPUS: &str = "tests/fixtures/coaching";
/// Answers kept apart from the corpus: measured, and no phrase of theirs goes into a word
/// list, so their figures say what to expect on wording the detectors have not seen.
const HELD_OUT: &str = "tests/fixtures/coaching/held-out";

fn load_answers(dir: &str) -> Result<Vec<Answer>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut out = Vec::new();
    for (first, kind) in FIRST_TURN.into_iter().zip(KINDS) {
        let path = dir.join(format!("{kind}.toml"));
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("could not read {}", path.display()))?;
        let file: File =
            toml::from_str(&text).with_context(|| format!("{} is invalid", path.display()))?;
        for (k, mut a) in file.answer.into_iter().enumerate() {
            a.kind = Some(kind.parse().map_err(anyhow::Error::msg)?);
            // The 1st, 3rd, ... answer of a file is voiced.
            a.turn = (k % 2 == 0).then_some(first + k / 2);
            out.push(a);
        }
    }
    Ok(out)
}

/// Every voiced take in `dir`, transcribed (or read from the cache).
fn speech_takes(
    answers: &[Answer],
    dir: &Path,
    prompt: &str,
    model: &Path,
    kind: Option<Kind>,
) -> Result<Vec<(Answer, Transcript, String)>> {
    anyhow::ensure!(
        PROMPTS.contains(&prompt),
        "--prompt is one of {}, not {prompt}",
        PROMPTS.join(", ")
    );
    let mut out = Vec::new();
    let voiced = answers.iter().filter(|a| kind.is_none_or(|k| a.kind == Some(k)));
    for (answer, stem) in voiced.flat_map(|a| a.takes().into_iter().flatten().map(move |s| (a, s)))
    {
        let wav = dir.join(format!("{stem}.wav"));
        let variant = stem.split_once('.').map_or("", |(_, v)| v);
        let asked = matches!(prompt, "question" | "both").then(|| answer.question.clone());
        let opts = TranscribeOptions {
            model: model.to_path_buf(),
            threads: 0,
            verbose: false,
            progress: false,
            prompt: Prompt {
                question: asked.flatten(),
                vocabulary: matches!(prompt, "domain" | "both"),
            },
        };
        let cache = dir.join(format!("{stem}.{}.{prompt}.json", model_name(model)));
        let t = match std::fs::read_to_string(&cache) {
            Ok(json) => serde_json::from_str(&json)?,
            Err(_) => {
                eprintln!("transcribing {}", wav.display());
                let t = transcribe_file(&wav, &opts)?;
                std::fs::write(&cache, serde_json::to_string(&t)?)?;
                t
            }
        };
        out.push((answer.clone(), t, variant.to_string()));
    }
    if out.is_empty() {
        bail!("no voiced answers in {}", dir.display());
    }
    Ok(out)
}

/// Words in a comparable form: lower case, no punctuation, numbers as their value
/// ("nine percent" and "9%" both become "9 percent").
fn comparable_words(text: &str) -> Vec<String> {
    let toks = tokenize(&Transcript::from_text(text));
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if let Some(n) = numbers::parse(&toks, i) {
            out.push(format!("{}", n.value));
            if n.percent {
                out.push("percent".into());
            }
            i += n.len;
        } else {
            out.push(toks[i].norm.clone());
            i += 1;
        }
    }
    out
}

fn print_word_accuracy(takes: &[(Answer, Transcript)]) {
    let (mut errors, mut words) = (0, 0);
    for (a, t) in takes {
        let said = comparable_words(&a.text);
        let heard = comparable_words(&t.text());
        errors += edit_distance(&said, &heard);
        words += said.len();
    }
    println!("word accuracy {:.3} ({errors} errors in {words} words)", 1.0 - ratio(errors, words));
}

/// The numbers a phrase says, for matching a metric however it was written or heard.
/// "two-thirds" heard for "two thirds": a hyphen between words is spelling.
fn unhyphenated(text: &str) -> String {
    text.replace('-', " ")
}

fn values(text: &str) -> Vec<f64> {
    let toks = tokenize(&Transcript::from_text(&unhyphenated(text)));
    (0..toks.len()).filter_map(|i| numbers::parse(&toks, i).map(|n| n.value)).collect()
}

fn same_metric(found: &str, label: &str) -> bool {
    let (f, l) = (values(found), values(label));
    if !f.is_empty() && !l.is_empty() {
        return f.iter().any(|x| l.iter().any(|y| (x - y).abs() < 1e-9));
    }
    overlaps(found, label)
}

/// One phrase matches another when either one's words run inside the other's, the
/// words' endings aside: whisper often hears "customers loved it" as "customers love
/// it", and the finding is the labelled claim all the same.
fn overlaps(a: &str, b: &str) -> bool {
    let stems =
        |s: &str| comparable_words(&unhyphenated(s)).into_iter().map(stem).collect::<Vec<_>>();
    runs_inside(&stems(a), &stems(b))
}

/// A word without the endings whisper drops or adds ("loved", "moved", "costs").
fn stem(word: String) -> String {
    let w = word.strip_suffix('s').filter(|w| w.len() > 2).unwrap_or(&word);
    let w = w.strip_suffix("ed").filter(|w| w.len() > 2).map_or(w, |w| w.trim_end_matches('e'));
    w.strip_suffix('e').filter(|w| w.len() > 2).unwrap_or(w).to_string()
}

fn named(r: &Report) -> Vec<String> {
    r.principles.iter().filter(|p| p.explicit).map(|p| p.name.clone()).collect()
}

/// The metrics the report counts as results.
fn results(r: &Report) -> Vec<String> {
    r.metrics.iter().filter(|m| m.role == "result").map(|m| m.text.clone()).collect()
}

fn print_figures(takes: &[(Answer, Transcript)], lex: &Lexicon, speech: bool) {
    let mut counts: BTreeMap<&str, Counts> = BTreeMap::new();
    let mut star = (0, 0);
    let mut flags = (0, 0);
    let mut notes = Vec::new();
    let mut scores: Vec<(Kind, String, String, f64)> = Vec::new();
    let mut strong_vague = Vec::new();
    for (a, t) in takes {
        let kind = a.kind.unwrap_or(Kind::Behavioral);
        let r = analyze(t, &Context::for_kind(kind), lex);
        let mut note = |det: &str, (extra, missed): (Vec<String>, Vec<String>)| {
            if !extra.is_empty() || !missed.is_empty() {
                notes.push(format!("  {} {det}: wrong {extra:?} missed {missed:?}", a.id));
            }
        };
        let p = tally(
            &named(&r),
            &a.principles,
            |x, y| x == y,
            counts.entry("principles named").or_default(),
        );
        note("principles", p);
        let near: Vec<String> =
            r.principles.iter().filter(|p| p.near_miss).map(|p| p.name.clone()).collect();
        // The labels are for the typed answer; from speech, every labelled principle
        // not heard as said is a bent name to be shown as a near miss.
        let heard_as_said = |name: &String| {
            r.principles.iter().any(|h| &h.name == name && h.explicit && !h.near_miss)
        };
        let bent: Vec<String> = match speech {
            true => a.principles.iter().filter(|p| !heard_as_said(p)).cloned().collect(),
            false => a.near_miss.clone(),
        };
        let n = tally(&near, &bent, |x, y| x == y, counts.entry("near misses shown").or_default());
        note("near misses", n);
        let want: Vec<String> =
            a.metrics.iter().filter(|(_, role)| role == "result").map(|(m, _)| m.clone()).collect();
        let m =
            tally(&results(&r), &want, same_metric, counts.entry("metrics (results)").or_default());
        note("results", m);
        let want: Vec<String> = a.metrics.iter().map(|(m, _)| m.clone()).collect();
        let all: Vec<String> = r.metrics.iter().map(|m| m.text.clone()).collect();
        tally(&all, &want, same_metric, counts.entry("metrics (any role)").or_default());
        let found: Vec<String> = r.vague.iter().map(|v| v.text.clone()).collect();
        let v = tally(&found, &a.vague, overlaps, counts.entry("vague phrases").or_default());
        note("vague", v);
        if let Some(parts) = &a.star {
            let got =
                [r.star.situation, r.star.task, r.star.action, r.star.result, r.star.principle];
            for (k, part) in STAR_PARTS.iter().enumerate() {
                let want = parts.iter().any(|p| p == part);
                star.1 += 1;
                if want == got[k] {
                    star.0 += 1;
                } else {
                    notes
                        .push(format!("  {} star: {part} labelled {want}, found {}", a.id, got[k]));
                }
            }
        }
        let codes: Vec<&str> = r.flags.iter().map(|f| f.code.as_str()).collect();
        for f in &a.flags {
            flags.1 += 1;
            if codes.contains(&f.as_str()) {
                flags.0 += 1;
            } else {
                notes.push(format!("  {} flag {f} expected", a.id));
            }
        }
        for f in &a.no_flags {
            flags.1 += 1;
            if !codes.contains(&f.as_str()) {
                flags.0 += 1;
            } else {
                notes.push(format!("  {} flag {f} not expected", a.id));
            }
        }
        if a.quality == "strong" && !r.vague.is_empty() {
            strong_vague.push(r.vague.iter().all(|v| v.unsure));
        }
        scores.push((kind, a.id.clone(), a.quality.clone(), r.score.overall));
    }
    print!("{}", table(&counts, 20));
    println!("STAR parts agree     {:.3} ({} of {})", ratio(star.0, star.1), star.0, star.1);
    println!("expected flags       {:.3} ({} of {})", ratio(flags.0, flags.1), flags.0, flags.1);
    let only_unsure = strong_vague.iter().filter(|&&unsure| unsure).count();
    println!(
        "strong answers with a vague flag: {} ({only_unsure} of them only on unsure words)",
        strong_vague.len()
    );
    let mut inversions = Vec::new();
    for (kind, weak, _, ws) in scores.iter().filter(|s| s.2 == "weak") {
        for (_, strong, _, ss) in scores.iter().filter(|s| s.0 == *kind && s.2 == "strong") {
            if ws >= ss {
                inversions.push(format!("  {weak} {ws:.1} >= {strong} {ss:.1}"));
            }
        }
    }
    println!(
        "weak answers scoring at or above a strong one of the same kind: {}",
        inversions.len()
    );
    if std::env::var_os("ACCURACY_VERBOSE").is_some() {
        println!("disagreements:\n{}", notes.join("\n"));
        println!("score order:\n{}", inversions.join("\n"));
        if speech {
            for (a, t) in takes {
                println!("  {}: {}", a.id, t.text());
            }
        }
    }
}
