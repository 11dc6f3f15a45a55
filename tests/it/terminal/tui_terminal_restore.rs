//! The review, progress and drill screens on a real terminal (a shell in tmux): each
//! opens on the alternate screen, ctrl-c leaves it, and the shell gets its terminal
//! back exactly as it was (same `stty` settings, normal screen, cursor shown).

use crate::needs;
use std::process::Command;

use crate::common::*;
use barraiser::analysis::{analyze, Context, Lexicon};
use barraiser::round::Kind;
use barraiser::store::{Mode, NewAttempt, Store};
use barraiser::transcript::Transcript;

/// Stores a timed take of `said` answering `question`.
fn seed(data: &std::path::Path, question: &str, said: &str) {
    let mut store = Store::open(data).unwrap();
    let mut transcript = Transcript::from_text(said);
    for (i, w) in transcript.words.iter_mut().enumerate() {
        (w.start_s, w.end_s) = (Some(i as f64 * 0.4), Some(i as f64 * 0.4 + 0.3));
    }
    let report = analyze(&transcript, &Context::for_kind(Kind::Behavioral), &Lexicon::builtin());
    let mut attempt =
        NewAttempt::from_report(Mode::Practice, serde_json::to_value(&report).unwrap()).unwrap();
    attempt.question_id = Some(question.to_string());
    attempt.transcript = Some(serde_json::to_value(&transcript).unwrap());
    store.insert_attempt(&attempt).unwrap();
}

/// tmux's view of the pane: "ALT CURSOR", 1 or 0 each (alternate screen on, cursor shown).
fn pane_state(tmux: &Tmux) -> String {
    let out = run(Command::new("tmux").args([
        "display-message",
        "-p",
        "-t",
        &tmux.0,
        "#{alternate_on} #{cursor_flag}",
    ]));
    stdout(&out).trim().to_string()
}

#[test]
fn ctrl_c_leaves_every_screen_and_gives_the_shell_its_terminal_back() {
    needs!(Need::Tmux);
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    seed(
        &data,
        "beh-dive-deep-data",
        "I took ownership of the slow checkout and cut the delay by forty percent.",
    );
    seed(
        &data,
        "beh-dive-deep-data",
        "I owned the checkout fix. Conversion rose by two percent in a month.",
    );
    let saved = dir.path().join("stty-before");
    let shell = format!(
        "env PS1='shell$ ' BARRAISER_DATA={} BARRAISER_CONFIG={} bash --norc --noprofile -i",
        data.display(),
        dir.path().join("config").display()
    );
    let tmux = Tmux::start("restore", 100, 30, &shell);
    tmux.wait_for("shell$", 10);
    tmux.keys(&[&format!("stty -g > {}", saved.display()), "Enter"]);

    let bin = env!("CARGO_BIN_EXE_barraiser");
    let screens = [
        ("review", "Transcript"),
        ("progress", "answers practised"),
        ("drill --question beh-dive-deep-data", "Drill   target"),
    ];
    for (n, (args, shows)) in screens.iter().enumerate() {
        tmux.keys(&["clear", "Enter"]);
        // Quoted so the command line itself never reads "EXITED-": only its output does.
        tmux.keys(&[&format!("{bin} {args}; echo EXIT'ED'-$?"), "Enter"]);
        tmux.wait_for(shows, 30);
        assert_eq!(
            pane_state(&tmux),
            "1 0",
            "`{args}` is on the alternate screen with the cursor hidden"
        );
        tmux.keys(&["C-c"]);
        let after = tmux.wait_for("EXITED-", 10);
        assert!(after.contains("EXITED-0"), "`{args}` ended with an error:\n{after}");
        assert_eq!(
            pane_state(&tmux),
            "0 1",
            "`{args}` left the alternate screen on or the cursor hidden"
        );
        // The shell reads a line again, with the terminal settings it had before.
        let marker = format!("SAME-{}", 100 + n);
        tmux.keys(&[
            &format!("stty -g | cmp -s - {} && echo SAME-$((100+{n}))", saved.display()),
            "Enter",
        ]);
        let screen = tmux.wait_for(&marker, 10);
        assert!(!screen.contains(shows), "`{args}`'s screen is still drawn:\n{screen}");
    }
}
