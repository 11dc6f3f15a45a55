//! Analysing a 3-minute (~400-word) timed answer, and typed texts of 256 KB and
//! 1 MB (analysis time grows linearly with the text: the second is about 4x the
//! first). Prints the time per analysis.

use std::hint::black_box;

use barraiser::analysis::{analyze, Context, Lexicon};
use barraiser::round::Kind;
use barraiser::transcript::{Transcript, Word};
use criterion::{criterion_group, criterion_main, Criterion};

const STORY: &str = include_str!("../tests/fixtures/answers/strong_customer.txt");

/// About 400 words spread evenly over 180 seconds, like a transcriber's output.
fn three_minute_transcript() -> Transcript {
    let source: Vec<&str> = STORY.split_whitespace().collect();
    let n = 400;
    let step = 180.0 / n as f64;
    let words = (0..n)
        .map(|i| {
            let start = i as f64 * step;
            Word {
                text: source[i % source.len()].to_string(),
                start_s: Some(start),
                end_s: Some(start + step * 0.8),
                probability: Some(0.9),
            }
        })
        .collect();
    Transcript { words, ..Default::default() }
}

fn bench(c: &mut Criterion) {
    let lex = Lexicon::builtin();
    let t = three_minute_transcript();
    let ctx = Context::for_kind(Kind::Behavioral);
    c.bench_function("analyze 3-minute answer (400 words)", |b| {
        b.iter(|| analyze(black_box(&t), black_box(&ctx), &lex))
    });
    c.bench_function("Lexicon::builtin", |b| b.iter(Lexicon::builtin));
    let mut long = c.benchmark_group("typed text");
    long.sample_size(10);
    for kb in [256, 1024] {
        let text = STORY.repeat(kb * 1024 / STORY.len() + 1);
        let t = Transcript::from_text(&text);
        long.bench_function(format!("analyze {kb} KB"), |b| {
            b.iter(|| analyze(black_box(&t), black_box(&ctx), &lex))
        });
    }
    long.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
