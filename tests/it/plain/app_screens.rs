//! Every screen of the app in ratatui's TestBackend: a snapshot of each (home
//! included) and of its `?` help at 80x24, and the journeys between them driven by
//! keys through the one event loop, on a real store of typed takes (no model, no
//! sound: these screens must work without either).

use std::collections::VecDeque;
use std::time::Duration;

use barraiser::analysis::{analyze, Context, Lexicon};
use barraiser::bank::Bank;
use barraiser::config::Config;
use barraiser::report::render_text;
use barraiser::store::{Mode, NewAttempt, Store};
use barraiser::transcript::Transcript;
use barraiser::tui::app::{run_app, App};
use barraiser::tui::component::{Cx, Route};
use barraiser::tui::practice::{PracticeScreen, ReportView, Stage};
use barraiser::tui::recording::{LiveView, QuestionItem};
use chrono::TimeZone;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

const QUESTION: &str = "beh-dive-deep-data";
const FIRST: &str = "Our checkout was slow and customers were leaving. My task was to fix it within \
one quarter. I dove deep into the data and rewrote the retry logic. As a result checkout time dropped \
by 35% and conversion rose 2.5%, which added $3 million a year. This shows Dive Deep.";
const SECOND: &str = "Checkout was slow. I looked into the data and rewrote the retry logic. \
Checkout time dropped by 35%.";

/// A typed answer spoken at 2.5 words a second.
fn timed(text: &str) -> Transcript {
    let mut t = Transcript::from_text(text);
    for (i, w) in t.words.iter_mut().enumerate() {
        w.start_s = Some(i as f64 * 0.4);
        w.end_s = Some(i as f64 * 0.4 + 0.3);
        w.probability = Some(0.9);
    }
    t.audio_duration_s = t.words.last().and_then(|w| w.end_s);
    t
}

fn save_take(store: &mut Store, bank: &Bank, text: &str, day: u32) -> i64 {
    save_transcript(store, bank, timed(text), day)
}

fn save_transcript(store: &mut Store, bank: &Bank, t: Transcript, day: u32) -> i64 {
    let q = bank.get(QUESTION).unwrap();
    let report = analyze(&t, &Context::for_question(q), &Lexicon::builtin());
    let mut a =
        NewAttempt::from_report(Mode::Practice, serde_json::to_value(&report).unwrap()).unwrap();
    a.question_id = Some(QUESTION.into());
    a.started_at = chrono::Utc.with_ymd_and_hms(2026, 11, day, 9, 0, 0).unwrap();
    a.transcript = Some(serde_json::to_value(&t).unwrap());
    store.insert_attempt(&a).unwrap()
}

/// An app on a fresh data directory with two takes of one question and no model.
fn app(dir: &std::path::Path, route: Route) -> App {
    let mut store = Store::open(dir).unwrap();
    let bank = Bank::load(None).unwrap();
    save_take(&mut store, &bank, FIRST, 20);
    save_take(&mut store, &bank, SECOND, 21);
    app_on(store, bank, route)
}

/// An app on `store`, with no model.
fn app_on(store: Store, bank: Bank, route: Route) -> App {
    let dir = store.data_dir().to_path_buf();
    let config = Config { data_dir: dir, ..Config::default() };
    let cx = Cx {
        config,
        store,
        bank,
        lexicon: Lexicon::builtin(),
        model: Err("no speech model in this test".into()),
        bells: 0,
        recovered: Vec::new(),
    };
    App::new(cx, route).unwrap()
}

fn render(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| f.render_widget(app, f.area())).unwrap();
    terminal.backend().to_string()
}

fn press(app: &mut App, code: KeyCode) {
    assert!(app.on_key(KeyEvent::new(code, KeyModifiers::NONE)).unwrap(), "{code:?} ended the app");
}

/// The screen, then its help over it, both snapshotted at 80x24.
fn snapshot_with_help(name: &str, app: &mut App) {
    insta::assert_snapshot!(name, render(app, 80, 24));
    press(app, KeyCode::Char('?'));
    assert!(app.help_open());
    let help = render(app, 80, 24);
    assert!(help.contains("Keys"), "{help}");
    insta::assert_snapshot!(format!("{name}_help"), help);
    // A help taller than the terminal scrolls to its end: the app's own keys.
    for _ in 0..5 {
        press(app, KeyCode::PageDown);
    }
    let end = render(app, 80, 24);
    assert!(end.contains("ctrl-c"), "the help ends with the app's own keys: {end}");
    press(app, KeyCode::Char('x'));
    assert!(!app.help_open(), "any other key closes the help");
}

#[test]
fn every_screen_and_its_help() {
    let dir = tempfile::tempdir().unwrap();
    for (name, route) in [
        ("home", Route::Home),
        ("practice_pick", Route::Practice { choice: Default::default(), start: false }),
        ("takes", Route::Takes(barraiser::tui::component::TakeAction::Review)),
        ("review", Route::Review(1)),
        (
            "drill",
            Route::Drill(barraiser::tui::component::DrillTarget {
                question: Some(QUESTION.into()),
                ..Default::default()
            }),
        ),
        ("compare", Route::Compare { before: None, after: 2 }),
        ("progress", Route::Progress),
        ("stories", Route::Stories),
    ] {
        let sub = dir.path().join(name);
        let mut app = app(&sub, route);
        snapshot_with_help(name, &mut app);
    }
}

/// The practice screen at each stage of a take.
fn practice_at(app: &App, stage: Stage) -> PracticeScreen {
    let bank = &app.cx.bank;
    let mut p = PracticeScreen::new(bank.questions().iter().map(QuestionItem::from).collect());
    let q = bank.get(QUESTION).unwrap();
    p.stage = stage;
    p.answered = Some(q.clone());
    p.runner.question = Some(q.into());
    p.runner.live = LiveView {
        elapsed_s: 125.0,
        level_db: -18.0,
        transcript: FIRST.to_string(),
        metrics: 3,
        principles: vec!["Dive Deep".into()],
        ..Default::default()
    };
    if stage == Stage::Report {
        let t = timed(FIRST);
        let report = analyze(&t, &Context::for_question(q), &Lexicon::builtin());
        p.report = Some(ReportView {
            score: report.score.overall,
            bar: report.score.bar,
            duration_s: 30.0,
            lines: render_text(&report, &t, false).lines().map(str::to_string).collect(),
            session_id: Some(1),
            recording: "recordings/answer.wav".into(),
            ready_after_s: 0.4,
            followups: report.followups.clone(),
        });
    }
    if stage == Stage::Cancelled {
        p.cancelled = Some("64.0 s kept in recordings/answer.wav".into());
    }
    p
}

#[test]
fn practice_stages_and_their_help() {
    let dir = tempfile::tempdir().unwrap();
    for (name, stage) in [
        ("practice_recording", Stage::Recording),
        ("practice_finishing", Stage::Finishing),
        ("practice_report", Stage::Report),
        ("practice_cancelled", Stage::Cancelled),
    ] {
        let mut app = app(&dir.path().join(name), Route::Home);
        let screen = practice_at(&app, stage);
        app.push(Box::new(screen));
        snapshot_with_help(name, &mut app);
    }
}

#[test]
fn finishing_after_a_cancel_is_never_a_recording_screen() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path(), Route::Home);
    let screen = practice_at(&app, Stage::Finishing);
    app.push(Box::new(screen));
    let text = render(&app, 80, 24);
    assert!(text.contains("Finishing") && text.contains("2:05 recorded"), "{text}");
    assert!(!text.contains("level"), "no level meter while nothing records: {text}");
}

#[test]
fn from_the_report_to_review_drill_compare_export_and_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path(), Route::Home);
    let screen = practice_at(&app, Stage::Report);
    app.push(Box::new(screen));
    let report_depth = app.depth();

    press(&mut app, KeyCode::Char('t'));
    assert!(render(&app, 100, 30).contains("Transcript"), "t opens the review");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.depth(), report_depth, "esc comes back to the report");

    press(&mut app, KeyCode::Char('d'));
    assert!(render(&app, 90, 24).contains("Drill"), "d opens the drill");
    press(&mut app, KeyCode::Esc);

    press(&mut app, KeyCode::Char('c'));
    let compare = render(&app, 80, 24);
    assert!(
        compare.contains("take #1 against") || compare.contains("first of its question"),
        "{compare}"
    );
    if app.depth() > report_depth {
        press(&mut app, KeyCode::Esc);
    }
    assert_eq!(app.depth(), report_depth);

    press(&mut app, KeyCode::Char('e'));
    let exported = dir.path().join("exports").join("session-1.html");
    assert!(exported.is_file(), "e exports the take");
    assert!(render(&app, 120, 24).contains("Exported to"), "and says where");

    // f: the follow-up needs the microphone, which this test has not: one clear line.
    press(&mut app, KeyCode::Char('f'));
    let text = render(&app, 120, 24);
    assert!(text.contains("Cannot record") && text.contains("no speech model"), "{text}");
}

#[test]
fn review_marks_the_words_heard_unsure() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let bank = Bank::load(None).unwrap();
    // The transcriber was unsure of "ate" (whisper's token probability 0.1).
    let mut t = timed("Conversion rose by I ate percent in six weeks.");
    t.words[4].probability = Some(0.1);
    let id = save_transcript(&mut store, &bank, t, 20);
    let app = app_on(store, bank, Route::Review(id));
    let screen = render(&app, 100, 30);
    assert!(screen.contains("ate (?)"), "{screen}");
    assert!(screen.contains("(?) heard unsure"), "the legend says what (?) means: {screen}");
    assert!(!screen.contains("rose (?)"), "{screen}");
}

#[test]
fn keys_walk_home_takes_review_progress_and_quit_through_the_loop() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path(), Route::Home);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let key = |c: KeyCode| Event::Key(KeyEvent::new(c, KeyModifiers::NONE));
    let mut script: VecDeque<Event> = [
        key(KeyCode::Char('v')), // review: the takes
        key(KeyCode::Enter),     // the newest take
        key(KeyCode::Esc),       // back to the takes
        key(KeyCode::Esc),       // home
        key(KeyCode::Char('g')), // progress
        key(KeyCode::Down),
        Event::Resize(100, 30),
        key(KeyCode::Esc), // home
        key(KeyCode::Char('q')),
    ]
    .into();
    run_app(&mut terminal, &mut app, |_: Duration| Ok(script.pop_front()), || {}).unwrap();
    assert!(script.is_empty(), "q on home ends the app");
    assert_eq!(app.depth(), 1);
}

#[test]
fn practise_next_starts_a_take_from_progress() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path(), Route::Progress);
    let before = app.depth();
    press(&mut app, KeyCode::Enter);
    // The practice screen opened on the suggestion; with no model it says why it cannot record.
    assert_eq!(app.depth(), before + 1);
    let text = render(&app, 100, 30);
    assert!(text.contains("Pick a question"), "{text}");
    assert!(text.contains("Cannot record"), "{text}");
}

/// Answers every step of `loop_id` with a typed answer (the story told in the first
/// round's answer again in the second), as if spoken at 2.5 words a second.
fn answer_loop(store: &mut Store, loop_id: i64, steps: usize) {
    use barraiser::audio::recorder::Recording;
    use barraiser::mock_loop::session::LoopSession;
    use barraiser::mock_loop::Step;
    use barraiser::practice::take::Finished;
    let mut session = LoopSession::load(store, loop_id).unwrap();
    for _ in 0..steps {
        let Step::Ask(ask) = session.next() else { return };
        let t = timed(FIRST);
        let recording = Recording { path: "answer.wav".into(), samples: 16_000 * 20, rate: 16_000 };
        let finished = Finished {
            recording,
            transcript: Ok(t),
            failure: None,
            tail_s: 0.0,
            dropped_frames: 0,
        };
        let at = chrono::Utc.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap();
        session.save_spoken(store, &ask, finished, at, &Lexicon::builtin()).unwrap();
    }
}

/// A two-round loop (behavioral then product, one question each, one follow-up each).
fn new_loop() -> Route {
    use barraiser::mock_loop::plan::PlanOptions;
    use barraiser::mock_loop::{RoundKind, RunSettings};
    let options = PlanOptions {
        rounds: Some(vec![RoundKind::Behavioral, RoundKind::Product]),
        questions: Some(1),
        seed: 7,
        ..PlanOptions::default()
    };
    let settings = RunSettings { followups: 1, your_questions: false, ..RunSettings::default() };
    Route::Loop(barraiser::tui::component::LoopStart::New(options, settings))
}

#[test]
fn the_loop_screen_plan_round_follow_up_and_debrief() {
    use barraiser::tui::component::LoopStart;
    use barraiser::tui::mock_loop::{LoopScreen, Stage};
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path(), new_loop());
    app.cx.config.silent = true;
    // The plan shows at once; the new loop is saved on a worker while frames go on,
    // and nothing is asked before it is in the store.
    let opened = render(&app, 80, 24);
    assert!(opened.contains("Mock onsite loop (starting…)"), "{opened}");
    press(&mut app, KeyCode::Enter);
    assert!(render(&app, 80, 24).contains(" The loop "), "enter waits for the loop to start");
    let shown = std::time::Instant::now();
    while render(&app, 80, 24).contains("(starting…)") {
        assert!(shown.elapsed() < Duration::from_secs(30), "the loop never started");
        assert!(app.on_tick().unwrap());
        std::thread::sleep(Duration::from_millis(10));
    }
    assert_eq!(app.cx.store.loops().unwrap().len(), 1, "the loop is in the store");
    snapshot_with_help("loop_plan", &mut app);

    // Enter: the first interviewer asks the first question.
    press(&mut app, KeyCode::Enter);
    let asked = render(&app, 80, 24);
    assert!(
        asked.contains("Round 1 of 2: behavioral") && asked.contains("round clock 0:00 of 45:00"),
        "{asked}"
    );
    // Enter again: no model in this test, so the take cannot start, and says why.
    press(&mut app, KeyCode::Enter);
    assert!(render(&app, 100, 24).contains("Cannot record"));

    // A round in progress: the recording view under the round's header.
    let loop_id = app.cx.store.loops().unwrap()[0].id;
    let mut screen = LoopScreen::open(&mut app.cx, &LoopStart::Resume(Some(loop_id))).unwrap();
    let barraiser::mock_loop::Step::Ask(ask) = screen.session.next() else { panic!() };
    screen.runner.question = Some(
        (&barraiser::bank::Question::asked(
            ask.question_id.as_deref().unwrap(),
            &ask.text,
            ask.kind,
            180.0,
        ))
            .into(),
    );
    screen.runner.live = LiveView {
        elapsed_s: 95.0,
        level_db: -20.0,
        transcript: FIRST.into(),
        ..Default::default()
    };
    screen.ask = Some(ask);
    screen.stage = Stage::Recording;
    app.push(Box::new(screen));
    insta::assert_snapshot!("loop_round_in_progress", render(&app, 80, 24));
    press(&mut app, KeyCode::Esc); // cancels the (pretend) take: back to the question
    press(&mut app, KeyCode::Esc);

    // The first answer saved: the interviewer's follow-up comes next.
    answer_loop(&mut app.cx.store, loop_id, 1);
    let resumed = LoopScreen::open(&mut app.cx, &LoopStart::Resume(Some(loop_id))).unwrap();
    app.push(Box::new(resumed));
    press(&mut app, KeyCode::Enter);
    let follow_up = render(&app, 80, 24);
    assert!(follow_up.contains("Follow-up"), "{follow_up}");
    insta::assert_snapshot!("loop_follow_up", follow_up);

    // Every step answered: the debrief, the bar raiser's decision and its matrix.
    answer_loop(&mut app.cx.store, loop_id, 10);
    press(&mut app, KeyCode::Esc);
    let resumed = LoopScreen::open(&mut app.cx, &LoopStart::Resume(Some(loop_id))).unwrap();
    app.push(Box::new(resumed));
    press(&mut app, KeyCode::Enter);
    let debrief = render(&app, 80, 24);
    assert!(debrief.contains("Debrief") && debrief.contains("Decision"), "{debrief}");
    assert!(debrief.contains("same story was told in rounds 1 and 2"), "{debrief}");
    insta::assert_snapshot!("loop_debrief", debrief);
    // The debrief is written beside the screen, on a worker: the frames go on meanwhile.
    let shown = std::time::Instant::now();
    while app.cx.store.loops().unwrap()[0].finished_at.is_none() {
        assert!(shown.elapsed() < Duration::from_secs(30), "the loop is finished and kept");
        assert!(app.on_tick().unwrap());
        std::thread::sleep(Duration::from_millis(20));
    }
    press(&mut app, KeyCode::Char('e'));
    assert!(dir.path().join(format!("exports/loop-{loop_id}.html")).is_file());
}
