//! A take finished on the practice screen while another process holds the
//! database's write lock: the screen says it waits for the database and how long,
//! goes on drawing and answering keys, and once the lock is let go the report is
//! there and the session is stored. Real parts: espeak-ng speech in a WAV in the
//! data directory (a recording a crash left, offered at start), the real model
//! transcribing it, a real SQLite file locked by a second connection
//! (`BEGIN IMMEDIATE`), and the app's one event loop drawn into a TestBackend.

use crate::common::*;
use crate::needs;
use std::time::{Duration, Instant};

use barraiser::analysis::Lexicon;
use barraiser::audio::recorder::{Recording, RecordingMeta, Recovered};
use barraiser::bank::Bank;
use barraiser::config::Config;
use barraiser::store::{AttemptFilter, Status, Store};
use barraiser::tui::app::App;
use barraiser::tui::component::{Cx, Route};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

const QUESTION: &str = "beh-dive-deep-data";

/// The screen as a terminal of 80x24 shows it.
fn frame(terminal: &mut Terminal<TestBackend>, app: &App) -> String {
    terminal.draw(|f| f.render_widget(app, f.area())).unwrap();
    terminal.backend().to_string()
}

fn press(app: &mut App, code: KeyCode) {
    assert!(app.on_key(KeyEvent::new(code, KeyModifiers::NONE)).unwrap(), "{code:?} ended the app");
}

/// The seconds of "waiting N s of 30" on the screen, if it shows the wait.
fn waited_s(screen: &str) -> Option<u64> {
    let at = screen.find("The database is busy (another barraiser is writing): waiting ")?;
    let rest = &screen[at..];
    let n = rest.split("waiting ").nth(1)?.split(' ').next()?;
    assert!(rest.contains(&format!("waiting {n} s of 30…")), "{screen}");
    n.parse().ok()
}

/// A recording in the data directory, as a crash leaves it and the next start offers it.
fn recovered(store: &Store) -> Recovered {
    let path = store.recordings_dir().join("20261128-070112-beh-dive-deep-data.wav");
    speak(
        "I took ownership of our slow checkout. I dove deep into the data and cut the payment \
         time by forty percent, and conversion rose by three percent.",
        &path,
    );
    let reader = hound::WavReader::open(&path).unwrap();
    let recording = Recording {
        path: path.clone(),
        samples: reader.duration() as u64,
        rate: reader.spec().sample_rate,
    };
    let note = store.recordings_dir().join("20261128-070112-beh-dive-deep-data.wav.recovered.json");
    std::fs::write(&note, b"{}").unwrap();
    let meta = RecordingMeta {
        path,
        question_id: Some(QUESTION.into()),
        started_at: "2026-11-28T07:01:12Z".into(),
    };
    Recovered { meta, recording, note }
}

#[test]
fn a_busy_database_is_waited_for_on_screen_and_the_report_comes_when_it_is_free() {
    needs!(Need::Model, Need::Espeak);
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let _wait = EnvVar::unset("BARRAISER_DB_WAIT_SECS"); // the default: 30 s
    let store = Store::open(&data).unwrap();
    let kept = recovered(&store);
    let db = store.path().to_path_buf();
    let config = Config {
        data_dir: data.clone(),
        model: Some(model_path().display().to_string()),
        ..Config::default()
    };
    let mut cx = Cx {
        config,
        store,
        bank: Bank::load(None).unwrap(),
        lexicon: Lexicon::builtin(),
        model: Err("the recovered recording is transcribed from its file".into()),
        bells: 0,
        recovered: Vec::new(),
    };
    cx.recovered = vec![kept];
    let mut app =
        App::new(cx, Route::Practice { choice: Default::default(), start: false }).unwrap();
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    assert!(frame(&mut terminal, &app).contains("20261128-070112-beh-dive-deep-data.wav"));

    // Another process (here a second connection) holds the write lock.
    let holder = rusqlite::Connection::open(&db).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let _whisper = whisper_lock();
    press(&mut app, KeyCode::Char('a'));

    // Frames go on while the take is transcribed, then while its save waits.
    let started = Instant::now();
    let mut slowest = Duration::ZERO;
    let mut seen: Vec<u64> = Vec::new();
    let mut helped = false;
    let mut screen;
    loop {
        let tick = Instant::now();
        assert!(app.on_tick().unwrap());
        screen = frame(&mut terminal, &app);
        slowest = slowest.max(tick.elapsed());
        if let Some(n) = waited_s(&screen) {
            if seen.last() != Some(&n) {
                seen.push(n);
            }
        }
        // Keys are answered during the wait: the help opens over it and closes.
        if seen.len() == 2 && !helped {
            press(&mut app, KeyCode::Char('?'));
            assert!(frame(&mut terminal, &app).contains("Keys"), "the help opens while waiting");
            press(&mut app, KeyCode::Char('x'));
            assert!(!app.help_open());
            helped = true;
        }
        if seen.len() >= 3 {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(240),
            "no wait shown (seen {seen:?}):\n{screen}"
        );
        assert!(!screen.contains("could not save"), "the wait ran out:\n{screen}");
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(seen.windows(2).all(|w| w[0] < w[1]) && seen[2] <= 30, "the count goes on: {seen:?}");
    assert!(screen.contains("Finishing"), "{screen}");
    assert!(screen.contains("saving the take: waiting for the database"), "{screen}");
    assert!(slowest < Duration::from_millis(1000), "a frame took {slowest:?}: the screen froze");
    let attempts = |db: &std::path::Path| -> i64 {
        rusqlite::Connection::open(db)
            .unwrap()
            .query_row("SELECT count(*) FROM attempts", [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(attempts(&db), 0, "nothing is saved while the lock is held");

    // The lock is let go: the save lands and the report is shown.
    holder.execute_batch("ROLLBACK").unwrap();
    let released = Instant::now();
    loop {
        assert!(app.on_tick().unwrap());
        screen = frame(&mut terminal, &app);
        if screen.contains("saved · ready") {
            break;
        }
        assert!(released.elapsed() < Duration::from_secs(20), "no report:\n{screen}");
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(screen.contains("session 1 saved"), "{screen}");
    assert!(waited_s(&screen).is_none(), "the wait is over:\n{screen}");

    let store = Store::open(&data).unwrap();
    let saved = store.attempts(&AttemptFilter::default()).unwrap();
    assert_eq!(saved.len(), 1);
    let take = &saved[0];
    assert_eq!(take.question_id.as_deref(), Some(QUESTION));
    assert_eq!(take.status, Status::Interrupted, "a recovered take is filed as interrupted");
    assert!(take.report.is_some() && take.transcript.is_some());
    let left: Vec<String> = std::fs::read_dir(store.recordings_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        left,
        vec!["20261128-070112-beh-dive-deep-data.wav".to_string()],
        "saved, so nothing kept for the next start and the recording no longer offered"
    );
}
