//! The filler prompt: whisper writes more of the "um"s and "uh"s it hears when the
//! prompt shows some, without losing words on clean speech. Prints the figures that
//! docs/transcribing-and-analysing.md quotes.

use crate::common::*;
use crate::needs;
use barraiser::audio::decode::decode_16k_mono;
use barraiser::speech::engine::Engine;
use barraiser::speech::transcribe::Transcriber;

const WITH_FILLERS: &[&str] = &[
    "Um, so, I led the launch of our new app. Uh, the team was, um, quite small.",
    "So, uh, we cut the page load time, um, by half. And, uh, sales went up.",
    "Um, I think the, uh, hardest part was, um, the deadline.",
];
const CLEAN: &[&str] = &[
    "I moved our team to weekly releases and we made the payment page much faster.",
    "Then I wrote a plan for the next year and shared it with my manager.",
];

fn is_filler(word: &str) -> bool {
    let w: String = word.chars().filter(|c| c.is_alphabetic()).collect::<String>().to_lowercase();
    matches!(w.as_str(), "um" | "umm" | "uh" | "uhh" | "er" | "erm" | "ah" | "hmm" | "mm")
}

fn transcribe(wav: &std::path::Path, filler_prompt: bool) -> String {
    let engine = Engine::load(&model_path(), 0, false).unwrap();
    let mut t = Transcriber::new(engine);
    if !filler_prompt {
        t = t.without_filler_prompt();
    }
    t.push(&decode_16k_mono(wav).unwrap());
    t.finish().unwrap().text()
}

#[test]
fn filler_prompt_keeps_fillers_without_losing_words() {
    needs!(Need::Model, Need::Espeak);
    let dir = tempfile::tempdir().unwrap();
    let clip = |i: usize, text: &str| {
        let p = dir.path().join(format!("{i}.wav"));
        speak(text, &p);
        p
    };
    let filler_clips: Vec<_> = WITH_FILLERS.iter().enumerate().map(|(i, t)| clip(i, t)).collect();
    let clean_clips: Vec<_> = CLEAN.iter().enumerate().map(|(i, t)| clip(10 + i, t)).collect();
    let spoken: usize =
        WITH_FILLERS.iter().flat_map(|t| t.split_whitespace()).filter(|w| is_filler(w)).count();
    let _lock = whisper_lock();

    let mut fillers = [0usize; 2];
    let mut recall = [0.0f64; 2];
    for (k, prompt) in [false, true].into_iter().enumerate() {
        for (clip, text) in filler_clips.iter().zip(WITH_FILLERS) {
            let heard = transcribe(clip, prompt);
            fillers[k] += heard.split_whitespace().filter(|w| is_filler(w)).count();
            recall[k] += word_recall(text, &heard) / (WITH_FILLERS.len() + CLEAN.len()) as f64;
            eprintln!("prompt {prompt}: {heard}");
        }
        for (clip, text) in clean_clips.iter().zip(CLEAN) {
            let heard = transcribe(clip, prompt);
            recall[k] += word_recall(text, &heard) / (WITH_FILLERS.len() + CLEAN.len()) as f64;
            eprintln!("prompt {prompt}: {heard}");
        }
    }
    eprintln!(
        "fillers written: {}/{spoken} without the prompt, {}/{spoken} with it; \
         content-word recall {:.1}% without, {:.1}% with",
        fillers[0],
        fillers[1],
        recall[0] * 100.0,
        recall[1] * 100.0
    );
    assert!(fillers[1] > fillers[0], "the prompt should keep more fillers: {fillers:?}");
    assert!(recall[1] >= recall[0] - 0.03, "the prompt costs words: {recall:?}");
}
