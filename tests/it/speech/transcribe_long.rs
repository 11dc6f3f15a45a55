//! A long recording is shared between two whisper states, each transcribing its own
//! run of pieces: the words are those one state finds alone, in time order, with
//! nothing lost or doubled where the runs meet.

use crate::common::*;
use crate::needs;
use barraiser::audio::decode::decode_16k_mono;
use barraiser::speech::transcribe::{transcribe_samples, TranscribeOptions};

/// Numbers are left out: whisper writes them as digits, which a word count would
/// take for errors.
const SENTENCES: [&str; 10] = [
    "Last year I led the checkout team at an online retailer.",
    "Our conversion rate had dropped for months and nobody knew why.",
    "My task was to find the cause and fix it before the holiday season.",
    "I pulled the session data and split it by device and payment method.",
    "Most of the failed checkouts came from one payment provider on mobile.",
    "I wrote a short proposal and got agreement from the engineering teams.",
    "We rewrote the retry flow, added a fallback provider, and shipped it quickly.",
    "Checkout completion rose and support tickets fell by half.",
    "That added millions of dollars in annual revenue.",
    "Looking back, I would have added monitoring on payment latency much earlier.",
];

#[test]
fn a_long_file_shared_between_two_states_reads_like_one() {
    needs!(Need::Model, Need::Espeak);
    let dir = tempfile::tempdir().unwrap();
    let speech = dir.path().join("long.wav");
    // Three rounds of the story, over two minutes: long enough to share.
    let script = [SENTENCES.join(" "), SENTENCES.join(" "), SENTENCES.join(" ")].join(" ");
    speak(&script, &speech);
    let samples = decode_16k_mono(&speech).unwrap();
    assert!(samples.len() as f64 / 16_000.0 > 125.0, "the speech is long enough to be shared");
    let opts = |threads| TranscribeOptions {
        model: model_path(),
        threads,
        verbose: false,
        progress: false,
        prompt: Default::default(),
    };
    let _whisper = whisper_lock();

    let shared = transcribe_samples(&samples, &opts(2)).unwrap();
    let alone = transcribe_samples(&samples, &opts(1)).unwrap().text();

    let text = shared.text();
    let between = word_error_rate(&alone, &text);
    let wer = word_error_rate(&script, &text);
    println!("WER two states vs one {between:.3}; vs the script {wer:.3}");
    assert!(between <= 0.10, "two states differ from one by {between:.3}:\n{text}\n{alone}");
    // tiny.en hears espeak-ng's voice with about one word in five wrong.
    assert!(wer <= 0.30, "WER {wer:.3}: {text}");
    // A piece given to both runs would send the times backwards; a piece given to
    // neither would leave a gap, where the speech has no pause over a second.
    let times: Vec<(f64, f64)> =
        shared.words.iter().filter_map(|w| Some((w.start_s?, w.end_s?))).collect();
    assert_eq!(times.len(), shared.words.len(), "every word has a time");
    assert!(times.windows(2).all(|p| p[0].0 <= p[1].0), "words out of time order");
    let gap = times.windows(2).map(|p| p[1].0 - p[0].1).fold(0.0, f64::max);
    assert!(gap < 3.0, "a {gap:.1}-s gap between words");
    assert!(times[0].0 < 3.0, "the start is transcribed ({:.1} s)", times[0].0);
    let last_end = times[times.len() - 1].1;
    assert!(
        last_end > shared.audio_duration_s.unwrap() - 5.0,
        "the end is transcribed ({last_end:.1} s)"
    );
}
