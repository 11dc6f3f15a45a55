//! A loop's debrief packet as text (the terminal), Markdown (notes) and one
//! self-contained HTML page (inline CSS, no scripts, every piece of text escaped):
//! the decision and what it rests on, each interviewer's debrief with its evidence,
//! the bar raiser's matrix, and every answer's transcript.

use std::fmt::Write as _;

use super::html::{escape, STYLE};
use crate::analysis::timing::clock;
use crate::mock_loop::debrief::{Assessment, Debrief, RoundDebrief};
use crate::mock_loop::LoopRun;
use crate::principles::PRINCIPLES;

fn at(s: Option<f64>) -> String {
    s.map(|s| format!(" at {}", clock(s))).unwrap_or_default()
}

fn score(s: Option<f64>) -> String {
    s.map_or("-".into(), |s| format!("{s:.1}"))
}

fn inclined(r: &RoundDebrief) -> &'static str {
    if r.inclined {
        "inclined"
    } else {
        "not inclined"
    }
}

fn evidence(a: &Assessment) -> String {
    match &a.evidence {
        Some(e) => format!(": \"{}\"{} (take #{})", e.quote, at(e.start_s), e.attempt_id),
        None => String::new(),
    }
}

/// The debrief for the terminal.
pub fn render_text(d: &Debrief) -> String {
    let mut o = String::new();
    let done = if d.complete { "complete" } else { "in progress" };
    let _ = writeln!(o, "Loop #{} debrief · {} rounds · {done}", d.loop_id, d.rounds.len());
    let how = if d.bar_raiser_override { " (bar raiser override)" } else { "" };
    let _ = writeln!(
        o,
        "Decision    {}{how} · {:.1} / 4 (bar 3.5)",
        d.decision.to_uppercase(),
        d.score
    );
    for r in &d.reasons {
        let _ = writeln!(o, "  - {r}");
    }
    for (i, r) in d.rounds.iter().enumerate() {
        let br = if r.bar_raiser { " · bar raiser" } else { "" };
        let _ = writeln!(
            o,
            "\nRound {} · {} · {}, {}{br} · {} / 4 · {}",
            i + 1,
            r.kind,
            r.interviewer,
            r.role,
            score(r.score),
            inclined(r)
        );
        for t in &r.takes {
            let time = t.duration_s.map(|s| format!(", {}", clock(s))).unwrap_or_default();
            let id = t.question_id.as_deref().unwrap_or("-");
            let _ = writeln!(
                o,
                "  {id}  {:.1}  {} (take #{}{time})",
                t.score, t.question, t.attempt_id
            );
            for f in &t.followups {
                let _ = writeln!(
                    o,
                    "    follow-up {:.1}  {} (take #{})",
                    f.score, f.question, f.attempt_id
                );
            }
        }
        if let Some(q) = &r.your_questions {
            let _ = writeln!(
                o,
                "  Your questions: {} asked (prepare {}){}",
                q.asked,
                q.prepared_target,
                q.questions.iter().map(|q| format!("\n    \"{q}\"")).collect::<String>()
            );
        }
        for a in &r.principles {
            let _ = writeln!(
                o,
                "  {:<36} {:<6}  {}{}",
                a.principle,
                a.rating.as_str(),
                a.rests_on,
                evidence(a)
            );
        }
    }
    let bar_raiser = d.rounds.iter().find(|r| r.bar_raiser).map(|r| r.interviewer.as_str());
    let _ = writeln!(
        o,
        "\nBar raiser's summary{}",
        bar_raiser.map(|n| format!(" ({n})")).unwrap_or_default()
    );
    let _ = write!(o, "  {:<46}", "Leadership Principle");
    for i in 0..d.rounds.len() {
        let _ = write!(o, " R{:<6}", i + 1);
    }
    o.push('\n');
    for p in PRINCIPLES {
        let _ = write!(o, "  {p:<46}");
        for i in 0..d.rounds.len() {
            let cell = d.matrix.get(p).and_then(|m| m.get(&i.to_string()));
            let _ = write!(o, " {:<7}", cell.map_or("-", |r| r.as_str()));
        }
        o.push('\n');
    }
    if let Some(i) = d.weakest_round {
        let r = &d.rounds[i];
        let _ = writeln!(o, "  Weakest round      {} ({}) at {}", i + 1, r.kind, score(r.score));
    }
    if let Some(p) = &d.weakest_principle {
        let _ = writeln!(o, "  Weakest principle  {p}");
    }
    match &d.writing {
        Some(w) => {
            let _ = writeln!(
                o,
                "  Writing sample     {:.1} / 4, {} ({} words){}",
                w.score,
                w.verdict.as_str(),
                w.words,
                w.findings.iter().map(|f| format!("\n    - {f}")).collect::<String>()
            );
        }
        None => {
            let _ = writeln!(o, "  Writing sample     none in this loop");
        }
    }
    if d.reused_stories.is_empty() {
        let _ = writeln!(o, "  Reused stories     none");
    }
    for r in &d.reused_stories {
        let _ = writeln!(
            o,
            "  Reused story       rounds {} and {}: {}",
            r.rounds[0] + 1,
            r.rounds[1] + 1,
            r.evidence
        );
    }
    if !d.practise_next.is_empty() {
        let _ = writeln!(o, "\nPractise next");
        for p in &d.practise_next {
            let _ = writeln!(o, "  {}\n      {}", p.command, p.why);
        }
    }
    o
}

/// The packet as Markdown: the debrief, then every answer's transcript.
pub fn render_markdown(d: &Debrief, run: &LoopRun) -> String {
    let mut o = format!("# Mock onsite loop #{}\n\n```\n{}```\n", d.loop_id, render_text(d));
    let _ = writeln!(o, "\n## Transcripts");
    for t in &run.done {
        let _ = writeln!(o, "\n### {} (take #{})\n", t.prompt, t.attempt_id);
        let text =
            t.transcript.as_ref().map(|t| t.text()).unwrap_or_else(|| "(nothing heard)".into());
        let _ = writeln!(o, "{text}");
    }
    o
}

const LOOP_STYLE: &str =
    ".strong{background:#ceead6}.meets{background:#fef7e0}.below{background:#fad2cf}\
.matrix td{text-align:center;min-width:70px}.matrix td:first-child{text-align:left}\
blockquote{margin:4px 0 4px 16px;color:#3c4043;border-left:3px solid #dadce0;padding-left:8px}";

/// The packet as one self-contained HTML page.
pub fn render_html(d: &Debrief, run: &LoopRun) -> String {
    let mut o = String::new();
    let title = format!("Mock onsite loop #{}", d.loop_id);
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title><style>{STYLE}{LOOP_STYLE}</style></head><body>",
        escape(&title)
    );
    let class = if d.decision == "hire" { "pass" } else { "fail" };
    let how = if d.bar_raiser_override { " (bar raiser override)" } else { "" };
    let _ = write!(
        o,
        "<header><h1>{}</h1><p class=\"meta\">{} rounds · {}</p></header>\
         <section><h2>Decision</h2><p class=\"score\"><span class=\"overall {class}\" id=\"decision\">{}</span><span>{:.1} / 4 (bar 3.5){}</span></p><ul>",
        escape(&title),
        d.rounds.len(),
        if d.complete { "complete" } else { "in progress" },
        escape(&d.decision),
        d.score,
        escape(how)
    );
    for r in &d.reasons {
        let _ = write!(o, "<li>{}</li>", escape(r));
    }
    o.push_str("</ul></section>");
    for (i, r) in d.rounds.iter().enumerate() {
        let br = if r.bar_raiser { " · bar raiser" } else { "" };
        let _ = write!(
            o,
            "<section class=\"round\"><h2>Round {} · {} · {}</h2><p class=\"meta\">{}{br} · {} / 4 · {}</p><table>",
            i + 1,
            escape(r.kind.as_str()),
            escape(&r.interviewer),
            escape(&r.role),
            score(r.score),
            inclined(r)
        );
        for a in &r.principles {
            let quote = a.evidence.as_ref().map_or(String::new(), |e| {
                format!(
                    "<blockquote>“{}”{} (take #{})</blockquote>",
                    escape(&e.quote),
                    at(e.start_s),
                    e.attempt_id
                )
            });
            let _ = write!(
                o,
                "<tr><td>{}</td><td class=\"{}\">{}</td><td>{}{quote}</td></tr>",
                escape(&a.principle),
                a.rating.as_str(),
                a.rating.as_str(),
                escape(&a.rests_on)
            );
        }
        o.push_str("</table>");
        for t in &r.takes {
            let _ = write!(
                o,
                "<h3>{} <small>{:.1} / 4 · take #{}</small></h3>",
                escape(&t.question),
                t.score,
                t.attempt_id
            );
            transcript(&mut o, run, t.attempt_id);
            for f in &t.followups {
                let _ = write!(
                    o,
                    "<h4>Follow-up: {} <small>{:.1} / 4 · take #{}</small></h4>",
                    escape(&f.question),
                    f.score,
                    f.attempt_id
                );
                transcript(&mut o, run, f.attempt_id);
            }
        }
        if let Some(q) = &r.your_questions {
            let _ = write!(
                o,
                "<h4>Your questions: {} asked (prepare {})</h4><ul>",
                q.asked, q.prepared_target
            );
            for s in &q.questions {
                let _ = write!(o, "<li>{}</li>", escape(s));
            }
            o.push_str("</ul>");
        }
        o.push_str("</section>");
    }
    o.push_str("<section><h2>Bar raiser's summary</h2><table class=\"matrix\"><tr><th>Leadership Principle</th>");
    for i in 0..d.rounds.len() {
        let _ = write!(o, "<th>R{}</th>", i + 1);
    }
    o.push_str("</tr>");
    for p in PRINCIPLES {
        let _ = write!(o, "<tr><td>{}</td>", escape(p));
        for i in 0..d.rounds.len() {
            match d.matrix.get(p).and_then(|m| m.get(&i.to_string())) {
                Some(r) => {
                    let _ = write!(o, "<td class=\"{0}\">{0}</td>", r.as_str());
                }
                None => o.push_str("<td>–</td>"),
            }
        }
        o.push_str("</tr>");
    }
    o.push_str("</table><ul>");
    if let Some(i) = d.weakest_round {
        let _ = write!(
            o,
            "<li>Weakest round: {} ({}) at {}</li>",
            i + 1,
            escape(d.rounds[i].kind.as_str()),
            score(d.rounds[i].score)
        );
    }
    if let Some(p) = &d.weakest_principle {
        let _ = write!(o, "<li>Weakest principle: {}</li>", escape(p));
    }
    match &d.writing {
        Some(w) => {
            let _ = write!(
                o,
                "<li>Writing sample: {:.1} / 4, {} ({} words)</li>",
                w.score,
                w.verdict.as_str(),
                w.words
            );
        }
        None => o.push_str("<li>Writing sample: none in this loop</li>"),
    }
    for r in &d.reused_stories {
        let _ = write!(
            o,
            "<li class=\"reused\">Reused story: rounds {} and {}: {}</li>",
            r.rounds[0] + 1,
            r.rounds[1] + 1,
            escape(&r.evidence)
        );
    }
    o.push_str("</ul>");
    if !d.practise_next.is_empty() {
        o.push_str("<h2>Practise next</h2><ul>");
        for p in &d.practise_next {
            let _ = write!(o, "<li><code>{}</code> — {}</li>", escape(&p.command), escape(&p.why));
        }
        o.push_str("</ul>");
    }
    o.push_str("</section><footer>Made with barraiser, offline. Scores are 1–4; the bar is 3.5.</footer></body></html>\n");
    o
}

fn transcript(o: &mut String, run: &LoopRun, attempt_id: i64) {
    let text = run
        .done
        .iter()
        .find(|t| t.attempt_id == attempt_id)
        .and_then(|t| t.transcript.as_ref())
        .map_or_else(|| "(nothing heard)".to_string(), |t| t.text());
    let _ = write!(o, "<p class=\"transcript\">{}</p>", escape(&text));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{analyze, Lexicon};
    use crate::bank::Bank;
    use crate::mock_loop::plan::{build, PlanOptions, RoundKind};
    use crate::mock_loop::{debrief, DoneTake, RunSettings, Step};
    use crate::transcript::Transcript;

    fn one_answer(text: &str) -> LoopRun {
        let bank = Bank::from_files(&[]).unwrap();
        let opts = PlanOptions {
            rounds: Some(vec![RoundKind::Behavioral, RoundKind::Product]),
            questions: Some(1),
            seed: 2,
            ..PlanOptions::default()
        };
        let settings =
            RunSettings { followups: 0, your_questions: false, ..RunSettings::default() };
        let mut run = LoopRun::new(build(&bank, &opts).unwrap(), settings);
        let Step::Ask(ask) = run.next() else { panic!() };
        let t = Transcript::from_text(text);
        run.record(DoneTake {
            key: ask.key,
            attempt_id: 1,
            prompt: ask.text.clone(),
            question_id: ask.question_id.clone(),
            story_id: None,
            started_at: chrono::DateTime::UNIX_EPOCH,
            duration_s: Some(100.0),
            report: Some(analyze(&t, &ask.context(), &Lexicon::builtin())),
            transcript: Some(t),
        })
        .unwrap();
        run
    }

    #[test]
    fn the_page_escapes_every_text_and_draws_the_whole_matrix() {
        let run = one_answer("I owned the <b>checkout</b> fix & cut load time 12% and errors 30%. This demonstrates Ownership.");
        let d = debrief(1, &run);
        let html = render_html(&d, &run);
        assert!(html.contains("&lt;b&gt;checkout&lt;/b&gt; fix &amp; cut"), "{html}");
        assert!(!html.contains("<b>checkout"));
        assert!(!html.contains("<script") && !html.contains("http"));
        let matrix = &html[html.find("class=\"matrix\"").unwrap()..];
        assert_eq!(matrix.matches("<tr><td>").count(), 16);
        assert!(html.contains("id=\"decision\">no hire</span>"), "one round of two is not a hire");
        assert!(d.reasons[0].contains("round 2 (product) has no answer yet"), "{:?}", d.reasons);

        let text = render_text(&d);
        assert!(text.starts_with("Loop #1 debrief · 2 rounds · in progress"), "{text}");
        assert!(text.contains("Decision    NO HIRE"));
        for p in PRINCIPLES {
            assert!(text.contains(p), "{p}");
        }
        // The evidence is where the principle is named as the lesson, quoted as said.
        assert!(text.contains("\"This demonstrates Ownership.\""), "{text}");
        let md = render_markdown(&d, &run);
        assert!(md.contains("### ") && md.contains("(take #1)"));
    }
}
