//! The review, drill and progress screens and their plain-text and JSON forms, on a
//! real store filled with spoken takes (espeak-ng speech, the transcript the real model
//! made of it, the real analysis), rendered into ratatui's TestBackend and snapshotted.
//! The transcripts are stored in tests/fixtures/takes, since whisper's words differ a
//! little from one CPU to another; a test checks they are still what the model hears.

use crate::common;
use crate::common::Need;
use crate::needs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use barraiser::store::Store;
use barraiser::tui::component::DrillTarget;
use barraiser::tui::drill::{DrillStatus, DrillView};
use barraiser::tui::progress::ProgressView;
use barraiser::tui::recording::LiveView;
use barraiser::tui::review::ReviewData;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::backend::TestBackend;
use ratatui::style::Color;
use ratatui::Terminal;

const OWNED_FULL: &str = "When checkout conversion dropped by twelve percent, I took ownership of the funnel data myself. \
I wrote the queries, split them by device, and found that the Android payment page timed out for one in five users. \
I rebuilt the retry logic with two engineers, and within three weeks conversion recovered and revenue grew by two million dollars a year. \
This demonstrates Ownership.";
const OWNED_SHORT: &str = "When checkout conversion dropped, I looked into the data. \
I found the Android payment page timed out. I rebuilt the retry logic and within three weeks conversion recovered.";
const FAILURE_VAGUE: &str = "Um, so basically I helped launch a rewards feature, and we did a project with the growth team. \
I think adoption was only three percent against a forecast of fifteen percent. I worked hard on it, and I learned a lot.";
const PETS_PRODUCT: &str = "First I would clarify the user: pet owners who reorder food every month. Their pain point is running out. \
I would build automatic refills, a vet chat and a pet profile, then prioritise by impact against effort. \
Success is repeat orders per user, with a target of ten percent more.";

/// The four takes: what was said, the question, the stored transcript and when.
const TAKES: [(&str, &str, &str, &str); 4] = [
    (OWNED_FULL, "beh-dive-deep-data", "owned-full", "2026-11-20T09:00:00Z"),
    (OWNED_SHORT, "beh-dive-deep-data", "owned-short", "2026-11-21T09:00:00Z"),
    (FAILURE_VAGUE, "beh-failure", "failure-vague", "2026-11-22T09:00:00Z"),
    (PETS_PRODUCT, "prod-design-amazon-pets", "pets-product", "2026-11-22T09:10:00Z"),
];

fn heard(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/takes/{name}.json"))
}

/// The data directory with four takes (two of the same question), filled once per run.
fn data_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        // One fixed place per build, emptied first: the store lives as long as the test binary.
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("review-screens");
        let _ = std::fs::remove_dir_all(&dir);
        let config = dir.join("config");
        std::fs::create_dir_all(&config).unwrap();
        // No user question files: the shipped bank only.
        std::env::set_var("BARRAISER_CONFIG", &config);
        let data = dir.join("data");
        for (text, question, name, at) in TAKES {
            common::seed_heard_take(&data, question, text, &heard(name), at);
        }
        data
    })
}

/// What the review screen shows of take `id`.
fn review_data(store: &Store, id: &str) -> ReviewData {
    let a = barraiser::takes::find_attempt(store, Some(id)).unwrap();
    ReviewData::load(store, &a, barraiser::bank::Bank::load(None).ok().as_ref()).unwrap()
}

fn cli(args: &[&str]) -> String {
    let out = common::run(common::bin().args(args).arg("--data-dir").arg(data_dir()));
    assert!(out.status.success(), "barraiser {args:?} failed: {}", common::stderr(&out));
    common::stdout(&out)
}

fn screen(
    width: u16,
    height: u16,
    draw: impl FnOnce(&mut ratatui::Frame),
) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(draw).unwrap();
    terminal
}

/// The first cell whose symbol starts `word` on a row of the screen.
fn find(terminal: &Terminal<TestBackend>, word: &str) -> Option<(u16, u16)> {
    let buf = terminal.backend().buffer();
    for y in 0..buf.area.height {
        let row: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol().to_string()).collect();
        if let Some(i) = row.find(word) {
            let x = row[..i].chars().count() as u16;
            return Some((x, y));
        }
    }
    None
}

#[test]
fn the_stored_transcripts_are_what_the_model_hears() {
    needs!(Need::Model);
    let dir = tempfile::tempdir().unwrap();
    let text_of = |path: &Path| {
        let t: barraiser::transcript::Transcript =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        t.text()
    };
    for (said, _, name, _) in TAKES {
        let wav = dir.path().join(format!("{name}.wav"));
        let now = dir.path().join(format!("{name}.json"));
        common::speak(said, &wav);
        common::transcribe_to(&wav, &now);
        let (stored, live) = (text_of(&heard(name)), text_of(&now));
        // a word or two apart between CPUs ("timed out" / "timeout"), not a new answer
        let apart = common::word_error_rate(&stored, &live);
        assert!(apart <= 0.2, "{name}: {apart:.2} apart\nstored: {stored}\nheard: {live}");
    }
}

#[test]
fn review_marks_findings_in_place_and_compares_with_the_previous_take() {
    needs!(Need::Model);
    let store = Store::open(data_dir()).unwrap();
    let data = review_data(&store, "1");
    let mut review = barraiser::tui::review::Review::new(data);
    let t = screen(100, 30, |f| f.render_widget(&review, f.area()));
    insta::assert_snapshot!("review_first_take", t.backend());
    // The metrics are green and the named principle cyan, in the transcript itself.
    let report = &review.data.report;
    assert!(report.metrics.len() >= 2, "the spoken story cites its metrics: {:?}", report.metrics);
    let metric_word = review.data.transcript.words[report.metrics[0].span.word_index].text.clone();
    let (x, y) = find(&t, &metric_word).expect("the metric is on screen");
    assert_eq!(t.backend().buffer()[(x, y)].fg, Color::Green, "metric '{metric_word}' is marked");

    // n jumps from finding to finding and says what each is.
    review.handle_key(KeyEvent::from(KeyCode::Char('n')));
    let first = review.message().unwrap().to_string();
    review.handle_key(KeyEvent::from(KeyCode::Char('n')));
    let second = review.message().unwrap().to_string();
    assert!(first.starts_with("1/") && second.starts_with("2/"), "{first} / {second}");
    review.handle_key(KeyEvent::from(KeyCode::Char('N')));
    assert_eq!(review.message().unwrap(), first);
}

#[test]
fn review_of_a_shorter_emptier_take_says_so() {
    needs!(Need::Model);
    let store = Store::open(data_dir()).unwrap();
    let data = review_data(&store, "2");
    let c = data.since_previous.clone().expect("take 2 follows take 1 on the same question");
    assert!(c.duration_change_s.unwrap() < -5.0, "the second take is shorter: {c:?}");
    assert!(c.principles_dropped.contains(&"Ownership".to_string()), "{c:?}");
    assert!(c.shorter_but_emptier());
    let review = barraiser::tui::review::Review::new(data);
    let t = screen(100, 30, |f| f.render_widget(&review, f.area()));
    insta::assert_snapshot!("review_second_take", t.backend());
    assert!(find(&t, "Since take #1").is_some() && find(&t, "shorter, but emptier").is_some());
}

#[test]
fn review_draws_the_lesson_learned_in_the_star_timeline() {
    needs!(Need::Model);
    let store = Store::open(data_dir()).unwrap();
    let data = review_data(&store, "3");
    let lesson = data.report.star.parts.iter().find(|p| p.part == "reflection").cloned();
    let lesson = lesson.expect("\"I learned a lot\" is the lesson of take 3");
    let review = barraiser::tui::review::Review::new(data);
    let t = screen(100, 30, |f| f.render_widget(&review, f.area()));
    insta::assert_snapshot!("review_take_with_a_lesson", t.backend());
    let legend = format!("L {:.0}%", lesson.share * 100.0);
    let (x, y) = find(&t, &legend).unwrap_or_else(|| panic!("no '{legend}' in the STAR legend"));
    assert_eq!(t.backend().buffer()[(x, y)].fg, Color::Cyan);
}

#[test]
fn review_print_lists_findings_in_order() {
    needs!(Need::Model);
    let out = cli(&["review", "3", "--print"]);
    assert!(out.contains("Session #3"), "{out}");
    assert!(out.contains("Findings in order:"), "{out}");
    for mark in ["filler", "vague", "hedge", "metric"] {
        assert!(out.contains(&format!("  {mark} ")), "a {mark} is listed: {out}");
    }
    // Latest by default.
    assert!(cli(&["review", "--print"]).contains("Session #4"));
}

#[test]
fn compare_names_what_changed() {
    needs!(Need::Model);
    let out = cli(&["compare", "1", "2"]);
    println!("{out}");
    assert!(out.contains("shorter"), "{out}");
    assert!(out.contains("principles − Ownership"), "{out}");
    assert!(out.contains("Shorter, but emptier"), "{out}");
    let json: serde_json::Value =
        serde_json::from_str(&cli(&["compare", "1", "2", "--json"])).unwrap();
    assert_eq!(json["before_id"], 1);
    assert!(
        json["metrics_dropped"].as_array().unwrap().len()
            + json["numbers_changed"].as_array().unwrap().len()
            >= 1
    );
}

#[test]
fn progress_screen_and_json_count_the_real_history() {
    needs!(Need::Model);
    let store = Store::open(data_dir()).unwrap();
    let bank = barraiser::bank::Bank::load(None).ok();
    let view = ProgressView::load(Some(&store), bank.as_ref()).unwrap();
    let t = screen(110, 34, |f| view.render(0, f.area(), f.buffer_mut()));
    insta::assert_snapshot!("progress_screen", t.backend());

    let json: serde_json::Value = serde_json::from_str(&cli(&["progress", "--json"])).unwrap();
    assert_eq!(json["takes"], 4);
    let item = |name: &str| {
        json["checklist"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["item"] == name)
            .unwrap_or_else(|| panic!("{name}"))["done"]
            .as_f64()
            .unwrap()
    };
    assert_eq!(item("questions practised"), 3.0);
    assert_eq!(item("product design questions"), 1.0);
    assert_eq!(item("mock interviews"), 0.0, "four answers on three days are no mock interview");
    assert!(item("hours spoken") > 0.0);
    let owned =
        json["principles"].as_array().unwrap().iter().find(|p| p["name"] == "Ownership").unwrap();
    assert_eq!(owned["takes"], 1, "only the first take named Ownership");
    assert_eq!(json["principles"][0]["takes"], 0, "gaps come first");
    assert!(!json["next"].as_array().unwrap().is_empty());
    let text = cli(&["progress", "--print"]);
    assert!(text.contains("Preparation checklist") && text.contains("Practise next"), "{text}");
}

#[test]
fn drill_shows_distance_from_target_and_calls_out_emptier_takes() {
    needs!(Need::Model);
    let store = Store::open(data_dir()).unwrap();
    let target = DrillTarget {
        question: Some("beh-dive-deep-data".into()),
        target_s: Some(30.0),
        ..Default::default()
    };
    let view =
        DrillView::load(&store, &target, barraiser::bank::Bank::load(None).ok().as_ref()).unwrap();
    assert_eq!(view.series.rows.len(), 2);
    assert!(view.series.rows[1].emptier.is_some(), "{:?}", view.series.rows);
    let t = screen(90, 20, |f| f.render_widget(&view, f.area()));
    insta::assert_snapshot!("drill_screen", t.backend());

    // Recording the next take: the clock against the drill's target, not the question's.
    let mut recording = view.clone();
    assert!(recording.question.is_some(), "the drill knows what a new take answers");
    recording.status = DrillStatus::Recording(LiveView {
        elapsed_s: 21.0,
        level_db: -18.0,
        transcript: "When checkout conversion dropped by twelve percent I took ownership".into(),
        metrics: 1,
        principles: vec!["Ownership".into()],
        ..Default::default()
    });
    let t = screen(90, 24, |f| f.render_widget(&recording, f.area()));
    insta::assert_snapshot!("drill_recording", t.backend());
    assert!(find(&t, "target 0:30").is_some() && find(&t, "Recording").is_some());

    let out = cli(&["drill", "--question", "beh-dive-deep-data", "--tighten", "--print"]);
    assert!(out.contains("shorter by") && out.contains("dropped"), "{out}");
    assert!(out.contains("3:00"), "tighten starts at 3:00: {out}");

    let out = common::run(
        common::bin()
            .args(["drill", "--question", "no-such-id", "--print", "--data-dir"])
            .arg(data_dir()),
    );
    assert!(!out.status.success());
    assert_eq!(
        common::stderr(&out).trim(),
        "barraiser: error: unknown question 'no-such-id' (`barraiser questions list` shows the ids)"
    );
}
