//! Streaming equals batch: the same speech pushed chunk by chunk into the live
//! transcriber (while it transcribes the pieces already cut) and transcribed whole
//! gives nearly the same words, none cut or doubled at the piece boundaries.

use crate::needs;
use std::time::Duration;

use crate::common::*;
use barraiser::audio::decode::decode_16k_mono;
use barraiser::speech::shared_model::SharedModel;
use barraiser::speech::stream::LiveTranscriber;
use barraiser::speech::transcribe::{transcribe_samples, TranscribeOptions};

const SENTENCES: [&str; 6] = [
    "Last year our checkout flow was losing customers at the payment step.",
    "I owned the investigation and pulled three months of session data.",
    "I found that forty percent of failures came from a retry bug in the payment service.",
    "I wrote a plan, got buy in from two engineering teams, and we shipped the fix in three weeks.",
    "Checkout completion rose by twelve percent and support tickets fell by half.",
    "Looking back, I would have added monitoring much earlier.",
];

#[test]
fn streamed_transcript_matches_the_whole_file() {
    needs!(Need::Model, Need::Espeak);
    let dir = tempfile::tempdir().unwrap();
    let speech = dir.path().join("answer.wav");
    speak(&SENTENCES.join(" "), &speech);
    let samples = decode_16k_mono(&speech).unwrap();
    // Threads 0: as in practice, whisper gets the cores other programs leave free.
    let opts = TranscribeOptions {
        model: model_path(),
        threads: 0,
        verbose: false,
        progress: false,
        prompt: Default::default(),
    };
    let _whisper = whisper_lock();

    let batch = transcribe_samples(&samples, &opts).unwrap().text();

    let mut live = LiveTranscriber::start(&SharedModel::load_in_background(&opts)).unwrap();
    let mut partials = 0;
    for chunk in samples.chunks(1_600) {
        live.push(chunk.to_vec());
        // Ten times real time: pieces are transcribed while later audio still arrives.
        std::thread::sleep(Duration::from_millis(10));
        if live.poll().is_some() {
            partials += 1;
        }
    }
    // Pieces are transcribed before the end of the input is announced.
    let waited = std::time::Instant::now();
    while partials == 0 && waited.elapsed() < Duration::from_secs(300) {
        std::thread::sleep(Duration::from_millis(50));
        if live.poll().is_some() {
            partials += 1;
        }
    }
    // Fed at ten times real time, pieces were found waiting for whisper.
    assert!(live.most_waiting() >= 1, "no piece was counted waiting");
    let streamed = live.finish().unwrap().text();

    let reference = SENTENCES.join(" ");
    let between = word_error_rate(&batch, &streamed);
    let stream_wer = word_error_rate(&reference, &streamed);
    let batch_wer = word_error_rate(&reference, &batch);
    println!("WER streamed vs batch {between:.3}; vs the script: streamed {stream_wer:.3}, batch {batch_wer:.3}; {partials} partial transcripts");
    assert!(partials >= 1, "nothing was transcribed before the end");
    assert!(between <= 0.10, "streamed differs from batch by {between:.3}:\n{streamed}\n{batch}");
    assert!(
        stream_wer <= batch_wer + 0.05,
        "streaming is worse: {stream_wer:.3} vs {batch_wer:.3}"
    );
    assert!(stream_wer <= 0.25, "streamed WER {stream_wer:.3}: {streamed}");
    // No word doubled at a boundary: the streamed text is not longer than the script.
    let words = |t: &str| t.split_whitespace().count();
    assert!(words(&streamed) <= words(&reference) + 2, "{streamed}");
}
