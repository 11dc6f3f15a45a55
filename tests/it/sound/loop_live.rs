//! The mock onsite from the command line against real parts: espeak-ng speech played
//! into a PulseAudio null sink while `barraiser loop --no-tui` records its monitor,
//! the real model transcribing, a real database. A short loop (two rounds, one
//! question and one follow-up each) is saved, debriefed and exported; the same story
//! told in both rounds is flagged; a kill -9 mid-loop loses nothing and `--resume`
//! finishes it.

use crate::needs;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStderr, Stdio};

use crate::common::*;
use barraiser::store::{AttemptFilter, Store};

const STORY: &str = "Our checkout was slow and customers were leaving. I took ownership of the \
problem. I found that forty percent of the delay came from the payment service, so I rewrote \
the retry logic. As a result, checkout time dropped by thirty five percent and conversion \
increased by two percent. This demonstrates Ownership.";
// Two results: only results count toward a follow-up's specificity, not its time frame.
const FOLLOWUP: &str = "I measured it myself. Conversion went from forty eight percent to fifty \
percent in three weeks, and support tickets fell by thirty percent.";

struct Speech {
    story: PathBuf,
    followup: PathBuf,
    story_s: f64,
    followup_s: f64,
}

fn speech(dir: &Path) -> Speech {
    let story = dir.join("story.wav");
    let followup = dir.join("followup.wav");
    speak(STORY, &story);
    speak(FOLLOWUP, &followup);
    Speech { story_s: wav_seconds(&story), followup_s: wav_seconds(&followup), story, followup }
}

/// `barraiser loop` in `data` recording from `sink`, with its stderr read line by line.
fn spawn_loop(data: &Path, sink: &NullSink, args: &[String]) -> (Child, BufReader<ChildStderr>) {
    let (key, value) = sink.source_env();
    let mut child = bin_in(data)
        .arg("loop")
        .args(args)
        .env(key, value)
        .env("BARRAISER_MODEL", model_path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start barraiser loop");
    let err = BufReader::new(child.stderr.take().unwrap());
    (child, err)
}

/// Reads stderr until a line starting with `prefix`; returns everything read.
fn until_line(err: &mut BufReader<ChildStderr>, prefix: &str, said: &mut String) {
    loop {
        let mut line = String::new();
        assert!(err.read_line(&mut line).unwrap() > 0, "ended before '{prefix}':\n{said}");
        said.push_str(&line);
        if line.starts_with(prefix) {
            return;
        }
    }
}

fn loop_args(s: &Speech) -> Vec<String> {
    [
        "--no-tui",
        "--rounds",
        "behavioral,combined",
        "--questions",
        "1",
        "--followups",
        "1",
        "--seconds",
        &format!("{:.1}", s.story_s + 2.0),
        "--followup-seconds",
        &format!("{:.1}", s.followup_s + 2.0),
        "--silent",
        "--no-writing",
        "--no-your-questions",
        "--seed",
        "3",
        "--json",
    ]
    .iter()
    .map(|a| a.to_string())
    .collect()
}

fn json(data: &Path, args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&ok_in(data, args)).unwrap()
}

#[test]
fn a_short_loop_is_saved_debriefed_exported_and_a_retold_story_is_flagged() {
    needs!(Need::Model, Need::Sound, Need::Espeak);
    let dir = tempfile::tempdir().unwrap();
    let s = speech(dir.path());
    let data = dir.path().join("data");
    let sink = NullSink::new("loop");
    let _whisper = whisper_lock();
    let (mut child, mut err) = spawn_loop(&data, &sink, &loop_args(&s));
    let mut said = String::new();
    for wav in [&s.story, &s.followup, &s.story, &s.followup] {
        until_line(&mut err, "Recording", &mut said);
        sink.play(wav);
    }
    let mut out = String::new();
    child.stdout.take().unwrap().read_to_string(&mut out).unwrap();
    err.read_to_string(&mut said).unwrap();
    assert!(child.wait().unwrap().success(), "{said}");
    assert!(said.contains("Round 1/2 · behavioral"), "{said}");
    assert!(said.contains("Follow-up: "), "{said}");
    assert_eq!(
        said.matches("\nRecording from").count() + usize::from(said.starts_with("Recording")),
        4,
        "{said}"
    );

    // The debrief JSON, as the issue specifies it.
    let d: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    assert_eq!(d["loop_id"], 1);
    assert!(["hire", "no hire"].contains(&d["decision"].as_str().unwrap()), "{d}");
    assert!((1.0..=4.0).contains(&d["score"].as_f64().unwrap()));
    assert!(d["weakest_round"].is_u64());
    let rounds = d["rounds"].as_array().unwrap();
    assert_eq!(rounds.len(), 2);
    for r in rounds {
        assert!(r["interviewer"].is_string() && r["inclined"].is_boolean() && r["score"].is_f64());
        let takes = r["takes"].as_array().unwrap();
        assert_eq!(takes.len(), 1);
        assert!(takes[0]["question_id"].as_str().unwrap().starts_with("beh-"));
        assert!(takes[0]["score"].is_f64() && takes[0].get("story_id").is_some());
        let f = takes[0]["followups"].as_array().unwrap();
        assert_eq!(f.len(), 1);
        assert!(f[0]["question"].is_string() && f[0]["score"].is_f64());
    }
    assert_eq!(d["matrix"].as_object().unwrap().len(), 16);
    // A 20-second story scores low on timing, so Ownership is strong or meets, never below.
    let own_cell = d["matrix"]["Ownership"]["0"].as_str().unwrap();
    assert!(["strong", "meets"].contains(&own_cell), "{}", d["matrix"]);
    let own = rounds[0]["principles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["principle"] == "Ownership")
        .unwrap();
    assert!(
        own["evidence"]["quote"].as_str().unwrap().to_lowercase().contains("ownership"),
        "{own}"
    );
    assert!(own["evidence"]["start_s"].is_f64(), "spoken evidence has its time: {own}");
    let reused = d["reused_stories"].as_array().unwrap();
    assert_eq!(reused.len(), 1, "the same story in both rounds: {d}");
    assert_eq!(reused[0]["rounds"], serde_json::json!([0, 1]));
    assert!(reused[0]["evidence"].as_str().unwrap().contains("wording in common"));
    assert_eq!(d["writing"], serde_json::Value::Null);

    // The store: the loop is finished, its four takes are linked, follow-ups to their parents.
    let store = Store::open(&data).unwrap();
    let row = store.loop_row(1).unwrap().unwrap();
    assert!(row.finished_at.is_some());
    assert_eq!(row.decision.as_deref(), d["decision"].as_str());
    let takes = store.loop_takes(1).unwrap();
    assert_eq!(takes.len(), 4);
    let steps: Vec<&str> = takes.iter().map(|(l, _)| l.step.as_str()).collect();
    assert_eq!(steps, ["question", "followup", "question", "followup"]);
    assert_eq!(takes[1].0.parent_attempt_id, Some(takes[0].1.id));
    assert_eq!(takes[3].0.parent_attempt_id, Some(takes[2].1.id));
    for (_, a) in &takes {
        assert_eq!(a.session_id, Some(row.session_id));
        assert!(store.audio_file(a).unwrap().exists());
        assert!(a.report.is_some());
    }

    // Listing, progress and the exported packet.
    let loops = json(&data, &["loops", "--json"]);
    assert_eq!(loops[0]["id"], 1);
    assert_eq!(loops[0]["rounds_done"], 2);
    assert_eq!(loops[0]["decision"], d["decision"]);
    let progress = json(&data, &["progress", "--json"]);
    let mocks = progress["checklist"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["item"] == "mock interviews")
        .unwrap();
    assert_eq!(mocks["done"], 1.0);
    assert_eq!(progress["loops"]["finished"], 1);
    assert_eq!(progress["loops"]["last"]["decision"], d["decision"]);
    assert!(progress["loops"]["recorded_s"].as_f64().unwrap() > s.story_s);
    let page = dir.path().join("loop.html");
    ok_in(&data, &["export", "--loop", "1", "--format", "html", "-o", page.to_str().unwrap()]);
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(
        !html.contains("<script") && !html.contains("src=\"http") && !html.contains("href=\"http")
    );
    assert!(html.contains("Reused story: rounds 1 and 2"), "{html}");
    assert!(html.contains("retry logic"), "the transcripts are in the packet");
    assert!(html.contains(&format!(">{}</span>", d["decision"].as_str().unwrap())));
    let md = ok_in(&data, &["export", "--loop", "1", "--format", "md"]);
    assert!(md.starts_with("# Mock onsite loop #1"));
}

#[test]
fn kill_9_mid_loop_loses_nothing_and_resume_finishes_it() {
    needs!(Need::Model, Need::Sound, Need::Espeak);
    let dir = tempfile::tempdir().unwrap();
    let s = speech(dir.path());
    let data = dir.path().join("data");
    let sink = NullSink::new("loopkill");
    let _whisper = whisper_lock();
    let (mut child, mut err) = spawn_loop(&data, &sink, &loop_args(&s));
    let mut said = String::new();
    until_line(&mut err, "Recording", &mut said);
    sink.play(&s.story);
    until_line(&mut err, "Saved take 1", &mut said);
    until_line(&mut err, "Recording", &mut said);
    sink.play(&s.followup);
    child.kill().unwrap(); // SIGKILL, in the middle of the follow-up
    child.wait().unwrap();

    let first = {
        let store = Store::open(&data).unwrap();
        let row = store.loop_row(1).unwrap().unwrap();
        assert!(row.finished_at.is_none());
        let takes = store.loop_takes(1).unwrap();
        assert_eq!(takes.len(), 1, "the finished answer is saved");
        takes[0].1.clone()
    };

    let mut resume =
        vec!["--no-tui".to_string(), "--resume".into(), "--silent".into(), "--json".into()];
    resume.extend(["--seconds".into(), format!("{:.1}", s.story_s + 2.0)]);
    let (mut child, mut err) = spawn_loop(&data, &sink, &resume);
    let mut said = String::new();
    for wav in [&s.followup, &s.story, &s.followup] {
        until_line(&mut err, "Recording", &mut said);
        sink.play(wav);
    }
    let mut out = String::new();
    child.stdout.take().unwrap().read_to_string(&mut out).unwrap();
    err.read_to_string(&mut said).unwrap();
    assert!(child.wait().unwrap().success(), "{said}");
    assert!(said.contains("Resuming loop #1 (1 takes kept)"), "{said}");
    assert!(
        said.contains("recovered an interrupted recording"),
        "the killed take's audio is kept: {said}"
    );
    let (follow_up, question) = (said.find("Follow-up: "), said.find("Question ("));
    assert!(follow_up.is_some() && follow_up < question, "it resumes at the follow-up: {said}");

    let d: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    assert_eq!(d["loop_id"], 1);
    assert_eq!(d["rounds"][0]["takes"][0]["attempt_id"], first.id);
    assert_eq!(d["rounds"][0]["takes"][0]["followups"].as_array().unwrap().len(), 1);
    let store = Store::open(&data).unwrap();
    assert!(store.loop_row(1).unwrap().unwrap().finished_at.is_some());
    let takes = store.loop_takes(1).unwrap();
    assert_eq!(takes.len(), 4);
    assert_eq!(takes[0].1, first, "the first answer is untouched");
    assert_eq!(store.attempts(&AttemptFilter::default()).unwrap().len(), 4);
    let kept = std::fs::read_dir(store.recordings_dir()).unwrap().count();
    assert!(kept >= 5, "four takes and the killed recording: {kept} files");
}
