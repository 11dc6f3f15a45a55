//! The practice screen's main loop on a TestBackend, driven by scripted keys: it is
//! generic over the backend, so the whole app runs without a terminal.

use std::collections::VecDeque;
use std::time::Duration;

use barraiser::analysis::Lexicon;
use barraiser::bank::Bank;
use barraiser::cli::practice::PracticeArgs;
use barraiser::cli::Global;
use barraiser::round::Kind;
use barraiser::store::Store;
use barraiser::tui::app::{App, QuestionItem, Screen};
use barraiser::tui::controller::Controller;
use barraiser::tui::event_loop::event_loop;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

#[test]
fn keys_drive_the_picker_and_ctrl_c_quits() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let bank = Bank::from_files(&[]).unwrap();
    let args = PracticeArgs::default();
    let g = Global {
        data_dir: Some(dir.path().to_path_buf()),
        model: None,
        verbose: false,
        model_setting: None,
    };
    let mut app = App::new(bank.questions().iter().map(QuestionItem::from).collect());
    let mut ctl = Controller::new(&args, &g, &mut store, &bank, Lexicon::builtin(), Vec::new());
    ctl.init(&mut app);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();

    let mut script: VecDeque<Event> = [
        key(KeyCode::Tab), // behavioral only
        key(KeyCode::Tab), // product only
        key(KeyCode::Down),
        key(KeyCode::Down),
        key(KeyCode::Char('?')),
        Event::Resize(100, 30),
        key(KeyCode::Char('x')), // closes the help
        Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)),
    ]
    .into();
    let mut frames = 0;
    event_loop(
        &mut terminal,
        &mut app,
        &mut ctl,
        |_: Duration| {
            frames += 1;
            Ok(script.pop_front())
        },
        || {},
    )
    .unwrap();

    assert!(script.is_empty(), "quit before the script ended");
    assert_eq!(frames, 8);
    assert_eq!(app.screen, Screen::Pick);
    assert_eq!(app.kind_filter, Some(Kind::Product));
    assert_eq!(app.selected, 2);
    assert!(!app.show_help);
    let q = app.selected_question().unwrap();
    assert_eq!(q.kind, Kind::Product);
    // The last frame drawn shows the product questions, with the selection's details.
    let screen = terminal.backend().to_string();
    assert!(screen.contains("product · any principle"), "{screen}");
    assert!(screen.contains(&q.id), "{screen}");
}

#[test]
fn an_interrupted_recording_is_offered_first_and_can_be_discarded() {
    use barraiser::audio::recorder::{recover, Recorder, RecordingMeta};

    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let wav = store.recordings_dir().join("crashed.wav");
    // A take that never finished: its recorder is dropped without `finish`, as in a crash.
    let meta = RecordingMeta {
        path: wav.clone(),
        question_id: Some("beh-dive-deep-data".into()),
        started_at: "2026-01-01T00:00:00Z".into(),
    };
    let mut recorder = Recorder::create(&meta, 16_000, Some(&store.recordings_dir())).unwrap();
    recorder.write(&vec![0.1; 24_000]).unwrap();
    drop(recorder);

    let recovered = recover(&store.recordings_dir()).unwrap().pending;
    assert_eq!(recovered.len(), 1);
    let bank = Bank::from_files(&[]).unwrap();
    let args = PracticeArgs::default();
    let g = Global {
        data_dir: Some(dir.path().to_path_buf()),
        model: None,
        verbose: false,
        model_setting: None,
    };
    let mut app = App::new(bank.questions().iter().map(QuestionItem::from).collect());
    let mut ctl = Controller::new(&args, &g, &mut store, &bank, Lexicon::builtin(), recovered);
    ctl.init(&mut app);
    assert_eq!(app.screen, Screen::Recovered);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
    let first = terminal.backend().to_string();
    assert!(first.contains("Interrupted recording recovered"), "{first}");
    assert!(first.contains("1.5 s of audio kept"), "{first}");
    let mut script: VecDeque<Event> = [key(KeyCode::Char('d')), key(KeyCode::Char('q'))].into();
    event_loop(&mut terminal, &mut app, &mut ctl, |_: Duration| Ok(script.pop_front()), || {})
        .unwrap();
    assert_eq!(app.screen, Screen::Pick);
    assert!(!wav.exists());
    assert!(recover(&dir.path().join("recordings")).unwrap().pending.is_empty());
}
