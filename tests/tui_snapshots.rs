//! The practice screen rendered into ratatui's TestBackend at 80x24: the recording
//! view mid-answer and the report view, compared with reviewed snapshots.

use barraiser::analysis::{analyze, Context, Lexicon};
use barraiser::report::render_text;
use barraiser::round::Kind;
use barraiser::transcript::{Transcript, Word};
use barraiser::tui::app::{App, LiveView, QuestionItem, ReportView, Screen};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

const ANSWER: &str = "Our checkout was slow and customers were leaving. My task was to fix it \
within one quarter. I took ownership of the problem and dove deep into the data. Forty percent \
of the delay came from the payment service, so I rewrote the retry logic. As a result checkout \
time dropped by 35% and conversion rose 2.5%, which added $3 million a year. This shows Ownership.";

fn question() -> QuestionItem {
    QuestionItem {
        id: "beh-dive-deep-data".into(),
        text: "When did you dive deep into data to solve a problem?".into(),
        kind: Kind::Behavioral,
        principles: vec!["Dive Deep".into()],
        limit_s: 180.0,
    }
}

/// The answer spoken at 2.5 words a second.
fn timed_answer() -> Transcript {
    let words = ANSWER
        .split_whitespace()
        .enumerate()
        .map(|(i, w)| Word {
            text: w.to_string(),
            start_s: Some(i as f64 * 0.4),
            end_s: Some(i as f64 * 0.4 + 0.3),
            probability: Some(0.9),
        })
        .collect();
    Transcript { words, audio_duration_s: Some(30.0), ..Default::default() }
}

fn render(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| f.render_widget(app, f.area())).unwrap();
    terminal.backend().to_string()
}

fn recording_app(elapsed_s: f64) -> App {
    let mut app = App::new(vec![question()]);
    app.current = Some(question());
    app.screen = Screen::Recording;
    app.live = LiveView {
        elapsed_s,
        level_db: -18.0,
        transcript: ANSWER.to_string(),
        metrics: 3,
        principles: vec!["Ownership".into(), "Dive Deep".into()],
        ..Default::default()
    };
    app
}

#[test]
fn recording_view_in_the_amber_zone() {
    insta::assert_snapshot!("recording_2m05", render(&recording_app(125.0), 80, 24));
}

#[test]
fn recording_view_fits_a_narrow_tall_terminal() {
    // Resizing re-lays everything out: nothing is cut or overlaps at another size.
    let text = render(&recording_app(12.0), 60, 30);
    assert!(text.contains("When did you dive deep into data"));
    assert!(text.contains("0:12 / 3:00"));
    assert!(text.contains("metrics 3 · principles: Ownership, Dive Deep"));
}

#[test]
fn report_view() {
    let t = timed_answer();
    let mut ctx = Context::for_kind(Kind::Behavioral);
    ctx.question_id = Some("beh-dive-deep-data".into());
    let report = analyze(&t, &ctx, &Lexicon::builtin());
    let mut app = App::new(vec![question()]);
    app.current = Some(question());
    app.screen = Screen::Report;
    app.report = Some(ReportView {
        score: report.score.overall,
        bar: report.score.bar,
        duration_s: 30.0,
        lines: render_text(&report, &t, false).lines().map(str::to_string).collect(),
        session_id: Some(7),
        recording: "recordings/answer.wav".into(),
        ready_after_s: 0.4,
    });
    insta::assert_snapshot!("report", render(&app, 80, 24));
}

#[test]
fn a_long_message_wraps_instead_of_being_cut() {
    let mut app = recording_app(8.0);
    app.screen = Screen::Report;
    let message = "lost the input device 'default' (unplugged, or its sound server stopped) after 7.9 s; the report covers what was recorded before it (session 1)";
    app.message = Some(message.to_string());
    let text = render(&app, 80, 24);
    let bottom: Vec<&str> = text.lines().rev().take(3).collect();
    let shown: String =
        bottom.iter().rev().map(|l| l.trim_matches('"').trim()).collect::<Vec<_>>().join(" ");
    assert!(
        shown.contains("after 7.9 s; the report covers what was recorded before it (session 1)"),
        "{text}"
    );
}

#[test]
fn help_lists_the_keys_over_any_screen() {
    let mut app = recording_app(30.0);
    app.show_help = true;
    let text = render(&app, 80, 24);
    assert!(text.contains("Keys (any key closes)"));
    assert!(text.contains("pause / resume"));
}
