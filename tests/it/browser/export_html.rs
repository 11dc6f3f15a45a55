//! `barraiser export` on real takes: Markdown, the Report JSON, and the self-contained
//! HTML page, which is opened in real headless Chromium (the DOM it builds and a
//! screenshot of what it draws).

use crate::common;
use crate::common::Need;
use crate::needs;
use std::path::{Path, PathBuf};
use std::process::Command;

use barraiser::store::{Mode, NewAttempt, Store};

const SPOKEN: &str = "I owned the checkout redesign. Um, I think the old flow was slow, and we did a project to fix it. \
I cut the payment steps from five to two, and conversion rose by twelve percent in six weeks. \
This demonstrates Ownership. What I learned is to measure the old flow first.";

/// Markup that must come out as text, never as elements.
const HOSTILE: &str =
    "I wrote <script>alert(1)</script> & \"quoted\" <b>bold</b> notes, then shipped it in 3 weeks.";

fn export(data: &Path, session: &str, format: &str, out: &Path) {
    let result = common::run(
        common::bin()
            .args(["export", session, "--format", format, "-o"])
            .arg(out)
            .arg("--data-dir")
            .arg(data),
    );
    assert!(result.status.success(), "export {format} failed: {}", common::stderr(&result));
}

/// Saves a typed answer (analysed by the real `barraiser analyze`) as a take.
fn seed_typed_take(data: &Path, text: &str) -> i64 {
    let file = data.join("typed.txt");
    std::fs::create_dir_all(data).unwrap();
    std::fs::write(&file, text).unwrap();
    let out =
        common::run(common::bin().args(["analyze", "--json", "--kind", "behavioral"]).arg(&file));
    assert!(out.status.success(), "{}", common::stderr(&out));
    let mut attempt =
        NewAttempt::from_report(Mode::Analyze, serde_json::from_slice(&out.stdout).unwrap())
            .unwrap();
    attempt.transcript =
        Some(serde_json::to_value(barraiser::transcript::Transcript::from_text(text)).unwrap());
    Store::open(data).unwrap().insert_attempt(&attempt).unwrap()
}

fn chromium(args: &[&str], page: &Path) -> String {
    let profile = tempfile::tempdir().unwrap();
    let out = common::run(
        Command::new("chromium")
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .args(args)
            .arg(format!("file://{}", page.display())),
    );
    assert!(out.status.success(), "chromium failed: {}", common::stderr(&out));
    common::stdout(&out)
}

/// Pixels of the PNG at `path` as RGB triples.
fn pixels(path: &Path) -> Vec<[u8; 3]> {
    let decoder = png::Decoder::new(std::fs::File::open(path).unwrap());
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).unwrap();
    let step = info.color_type.samples();
    buf[..info.buffer_size()].chunks(step).map(|p| [p[0], p[1], p[2]]).collect()
}

#[test]
fn exports_markdown_json_and_a_page_that_renders_in_chromium() {
    needs!(Need::Model, Need::Chromium);
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let spoken = common::seed_spoken_take(
        &data,
        "beh-ownership-outside-role",
        SPOKEN,
        "2026-11-23T10:00:00Z",
    );
    let typed = seed_typed_take(&data, HOSTILE);

    let md = dir.path().join("take.md");
    export(&data, &spoken.to_string(), "md", &md);
    let md = std::fs::read_to_string(md).unwrap();
    assert!(md.starts_with("# behavioral answer"), "{md}");

    let json = dir.path().join("take.json");
    export(&data, &spoken.to_string(), "json", &json);
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(json).unwrap()).unwrap();
    assert_eq!(report["kind"], "behavioral");
    assert!(report["metrics"].as_array().unwrap().len() >= 2, "{report}");
    assert!(report["duration_s"].as_f64().unwrap() > 10.0);

    let page = dir.path().join("take.html");
    export(&data, &spoken.to_string(), "html", &page);
    let html = std::fs::read_to_string(&page).unwrap();
    for external in ["<script", "<link", "src=", "href=", "url(", "@import"] {
        assert!(!html.contains(external), "the page must be self-contained, found {external}");
    }

    // What the browser built from it.
    let dom = chromium(&["--dump-dom"], &page);
    assert!(dom.contains("<mark class=\"metric\">"), "metrics highlighted");
    assert!(dom.contains("<mark class=\"principle\">"), "principle highlighted");
    assert!(
        dom.contains("<mark class=\"filler\">") || dom.contains("<mark class=\"hedge\">"),
        "fillers or hedges highlighted"
    );
    assert!(dom.contains("<mark class=\"vague\">"), "vague phrase highlighted");
    assert!(dom.contains("<svg class=\"timeline\""), "timeline picture");
    assert!(dom.matches("class=\"tl-speech\"").count() >= 1, "speech drawn on the timeline");
    assert!(dom.contains("class=\"tl-star\""), "STAR parts drawn on the timeline");
    assert!(
        dom.contains("fill=\"#78d9ec\"><title>reflection"),
        "the lesson learned drawn in its own colour"
    );
    assert!(dom.contains("Follow-up questions"), "follow-ups");

    // What it draws: a real page, with the highlight colours on screen.
    let shot: PathBuf = Path::new(env!("CARGO_TARGET_TMPDIR")).join("export-page.png");
    chromium(&[&format!("--screenshot={}", shot.display()), "--window-size=1100,1400"], &page);
    let px = pixels(&shot);
    let white = px.iter().filter(|p| p.iter().all(|&c| c > 245)).count();
    let share_drawn = 1.0 - white as f64 / px.len() as f64;
    let metric_green = px.iter().filter(|p| **p == [0xce, 0xea, 0xd6]).count();
    let speech_grey = px.iter().filter(|p| **p == [0x5f, 0x63, 0x68]).count();
    println!("screenshot {}: {:.1}% drawn, {metric_green} metric-green and {speech_grey} speech-grey pixels", shot.display(), share_drawn * 100.0);
    assert!(share_drawn > 0.03, "the page is not blank");
    assert!(metric_green > 200, "metric highlights are drawn");
    assert!(speech_grey > 200, "the timeline's speech is drawn");

    // Markup in an answer stays text.
    let hostile = dir.path().join("typed.html");
    export(&data, &typed.to_string(), "html", &hostile);
    let dom = chromium(&["--dump-dom"], &hostile);
    assert!(
        !dom.contains("<script>alert(1)</script>") && !dom.contains("<b>bold</b>"),
        "markup was escaped"
    );
    assert!(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "and is shown as text");
    assert!(!dom.contains("<svg class=\"timeline\""), "typed text has no timeline to draw");
}
