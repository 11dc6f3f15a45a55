//! A take whose save fails is not lost: while another process holds the database
//! past the wait, the take is kept beside its recording with its transcript and
//! report, the report is still given, and the next start saves it.

use crate::needs;
use std::path::Path;

use crate::common::*;
use barraiser::analysis::Lexicon;
use barraiser::audio::recorder::Recording;
use barraiser::bank::Bank;
use barraiser::practice::outcome::{conclude, Filing};
use barraiser::practice::recover::take_up;
use barraiser::practice::take::Finished;
use barraiser::store::{AttemptFilter, Store};
use barraiser::transcript::Transcript;
use rusqlite::Connection;

#[test]
fn a_take_the_database_cannot_save_is_kept_and_saved_at_the_next_start() {
    needs!(Need::Espeak);
    // The tests run one at a time, so no other test reads the environment meanwhile.
    let _wait = crate::common::EnvVar::set("BARRAISER_DB_WAIT_SECS", "1");
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let wav = store.recordings_dir().join("take.wav");
    speak("I took ownership and cut the delay by forty percent.", &wav);
    let samples = hound::WavReader::open(&wav).unwrap().duration() as u64;
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/answers/timed_long.json");
    let transcript = Transcript::from_json(&std::fs::read_to_string(fixture).unwrap()).unwrap();
    let finished = Finished {
        recording: Recording { path: wav.clone(), samples, rate: 22_050 },
        transcript: Ok(transcript),
        failure: None,
        tail_s: 0.0,
        dropped_frames: 0,
    };
    let bank = Bank::load(None).unwrap();
    let question = bank.get("beh-dive-deep-data").unwrap();

    let holder = Connection::open(store.path()).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let started_at = chrono::Utc::now();
    let outcome = conclude(
        &mut store,
        question,
        started_at,
        &Filing::practice(),
        finished,
        &Lexicon::builtin(),
    )
    .expect("the report comes back although the save failed");
    assert_eq!(outcome.attempt_id, None);
    let why = outcome.unsaved.expect("says why and where");
    assert!(why.contains("locked by another process") && why.contains(".take.json"), "{why}");
    assert!(outcome.report.words > 400);
    holder.execute_batch("ROLLBACK").unwrap();
    assert!(store.attempts(&AttemptFilter::default()).unwrap().is_empty());

    let taken_up = take_up(&mut store).unwrap();
    assert!(taken_up.lines.iter().any(|l| l.contains("as session 1")), "{:?}", taken_up.lines);
    let attempts = store.attempts(&AttemptFilter::default()).unwrap();
    assert_eq!(attempts.len(), 1);
    let a = &attempts[0];
    assert_eq!(a.question_id.as_deref(), Some("beh-dive-deep-data"));
    assert_eq!(a.started_at.timestamp_millis(), started_at.timestamp_millis());
    assert!(a.report.is_some() && a.transcript.is_some());
    assert_eq!(store.audio_file(a).unwrap(), wav);
    let left: Vec<_> = std::fs::read_dir(store.recordings_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left, vec!["take.wav".to_string()], "the kept file is gone once saved");
}
