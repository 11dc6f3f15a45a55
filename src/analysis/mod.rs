//! Pure analysis of a transcript against a question: no I/O, deterministic, fast.
//!
//! [`analyze`] runs one small detector per concern over the same tokens and
//! gathers their findings into a [`Report`] (the JSON contract in docs/report-json.md).

pub mod arithmetic;
pub mod case_rounds;
pub mod confidence;
pub mod fillers;
pub mod followups;
pub mod frameworks;
pub mod lexicon;
pub mod metrics;
pub mod near_miss;
pub mod numbers;
pub mod ownership;
pub mod pace;
pub mod pauses;
pub mod principles;
pub mod report;
pub mod roles;
pub mod score;
pub mod structure;
pub mod task;
pub mod timing;
pub mod tokens;
pub mod vague;
pub mod writing;

pub use lexicon::Lexicon;
pub use report::Report;

use std::borrow::Cow;

use crate::round::Kind;
use crate::transcript::{Transcript, MAX_TIME_S};
use report::Flag;

/// Words a minute used to estimate how long typed text would take to say.
pub const SPOKEN_WPM: f64 = 150.0;
/// A behavioral story should cite at least this many quantified results.
pub const MIN_METRICS: usize = 2;
/// Where the figures quoted in advice come from.
pub const GUIDE: &str = "source: the Amazon PM interview guide, 127 debriefs";

/// What the answer is judged against.
#[derive(Debug, Clone, PartialEq)]
pub struct Context {
    pub kind: Kind,
    pub question_id: Option<String>,
    /// The question's type within its round ("estimation"), when the question is known.
    pub sub_kind: Option<String>,
    pub limit_s: Option<f64>,
    pub target_s: Option<f64>,
    /// The question's own follow-ups, from the question bank.
    pub question_followups: Vec<String>,
}

impl Context {
    /// The round's default limit and target, no particular question.
    pub fn for_kind(kind: Kind) -> Context {
        Context {
            kind,
            question_id: None,
            sub_kind: None,
            limit_s: kind.default_limit_s(),
            target_s: kind.default_target_s(),
            question_followups: Vec::new(),
        }
    }

    /// A question from the bank: its round, limit and follow-ups.
    pub fn for_question(q: &crate::bank::Question) -> Context {
        Context {
            kind: q.kind,
            question_id: Some(q.id.clone()),
            sub_kind: q.sub_kind.clone(),
            limit_s: Some(q.limit_s),
            target_s: q.kind.default_target_s(),
            question_followups: q.followups.clone(),
        }
    }
}

/// Analyses one answer. Pure and deterministic; never panics.
pub fn analyze(t: &Transcript, ctx: &Context, lex: &Lexicon) -> Report {
    let t = &*finite_timing(t);
    let toks = tokens::tokenize(t);
    let words = toks.len();
    let behavioral = ctx.kind == Kind::Behavioral;
    let story = behavioral || ctx.kind == Kind::Writing;

    let timing = timing::measure(t, ctx.limit_s);
    let minutes = timing.duration_s.map(|d| d / 60.0).filter(|m| *m > 0.0);
    let wpm = minutes.map(|m| t.words.len() as f64 / m);
    let pace = match (timing.start_s, timing.duration_s) {
        (Some(s), Some(d)) => pace::windows(t, s, d),
        _ => Vec::new(),
    };
    let mut metrics = metrics::detect(&toks);
    let mut principles = principles::detect(&toks, lex);
    let (fillers, hedges) = fillers::detect(&toks, lex, minutes, t.is_timed());
    let pauses = pauses::detect(t);
    let ownership = ownership::count(&toks);
    let first_action = structure::first_action(&toks, lex);
    roles::assign(&toks, lex, &mut metrics, story, first_action);
    // changes claimed with no figure: vague claims, and result parts for STAR
    let changes = vague::changes(&toks);
    let mut vague = vague::detect(&toks, lex, &metrics, &changes);
    let star = structure::analyze(&toks, lex, &metrics, &principles, &changes);
    let sub_kind = frameworks::sub_kind(&toks, lex, ctx);
    let framework = match ctx.kind {
        Kind::Product | Kind::Analytical | Kind::SystemDesign => {
            frameworks::checklist(&toks, lex, ctx.kind, sub_kind.as_deref(), &metrics)
        }
        _ => Vec::new(),
    };
    let writing = (ctx.kind == Kind::Writing).then(|| {
        let mut w = writing::analyze(&toks, lex, words);
        let evidence = writing::Evidence {
            metrics: &metrics,
            principles: &principles,
            vague: &vague,
            ownership: &ownership,
            star: &star,
        };
        w.findings = writing::rubric(&w, &evidence);
        w
    });

    let unsure_words = confidence::unsure_words(t);
    // A writing sample is read, not said: no speaking-time estimate.
    let said_s = (words > 0 && ctx.kind != Kind::Writing).then(|| words as f64 * 60.0 / SPOKEN_WPM);
    let estimate_s = said_s.filter(|_| !t.is_timed());
    let mut flags =
        timing::flags(&timing, ctx.limit_s, ctx.target_s, behavioral, &toks, estimate_s);
    flags.extend(pace::flags(&pace));
    if !toks.is_empty() {
        if behavioral {
            flags.extend(structure::flags(&star, &toks, &metrics, timing.duration_s));
        }
        if !framework.is_empty() {
            flags.extend(frameworks::flags(&framework));
            let length = case_rounds::Length {
                spoken_s: timing.duration_s.or(estimate_s),
                said_s,
                limit_s: ctx.limit_s,
            };
            flags.extend(case_rounds::flags(
                &toks,
                lex,
                ctx.kind,
                sub_kind.as_deref(),
                &framework,
                &metrics,
                length,
            ));
        }
        // A writing sample is judged by its own rubric alone.
        match &writing {
            Some(w) => flags.extend(writing::flags(w)),
            None => flags.extend(content_flags(
                ctx.kind,
                &metrics,
                &principles,
                &ownership,
                &fillers,
                &pauses,
                unheard(&toks, lex, &metrics, &principles, &unsure_words, behavioral),
            )),
        }
    } else {
        flags.push(Flag {
            code: "empty".into(),
            message: "No words to analyse".into(),
            start_s: None,
            word_index: None,
        });
    }

    flags.extend(confidence::flag(unsure_words.len(), t.words.len()));
    for m in &mut metrics {
        m.unsure = confidence::rests_on_unsure(m.span, &unsure_words);
    }
    for p in &mut principles {
        p.unsure = confidence::rests_on_unsure(p.span, &unsure_words);
    }
    for v in &mut vague {
        v.unsure = confidence::vague_in_doubt(v.span, &unsure_words);
    }
    let mut report = Report {
        kind: ctx.kind,
        question_id: ctx.question_id.clone(),
        limit_s: ctx.limit_s,
        target_s: ctx.target_s,
        duration_s: timing.duration_s,
        over_limit: timing.over_limit,
        words,
        wpm,
        metrics,
        principles,
        vague,
        fillers,
        pauses,
        ownership,
        star,
        followups: Vec::new(),
        score: report::Score { overall: 1.0, dimensions: Default::default(), bar: score::BAR },
        flags,
        spoken_estimate_s: estimate_s,
        cutoff: timing.cutoff,
        pace,
        hedges,
        framework,
        writing,
        unsure_words,
        sub_kind,
    };
    report.followups = followups::suggest(&report, &ctx.question_followups);
    report.score = score::score(&report);
    report
}

/// Timing that is not a finite number (a broken transcript file) is treated as absent.
fn finite_timing(t: &Transcript) -> Cow<'_, Transcript> {
    // Times beyond a day would size the pace windows and the timeline by them.
    let sane = |x: f64| x.is_finite() && x.abs() <= MAX_TIME_S;
    let finite = |x: Option<f64>| x.is_none_or(sane);
    let silence_ok = |s: &crate::transcript::Silence| {
        sane(s.start_s) && sane(s.duration_s) && s.duration_s >= 0.0
    };
    let ok = t.words.iter().all(|w| finite(w.start_s) && finite(w.end_s))
        && t.silences.iter().all(silence_ok);
    if ok {
        return Cow::Borrowed(t);
    }
    let mut clean = t.clone();
    for w in &mut clean.words {
        w.start_s = w.start_s.filter(|&x| sane(x));
        w.end_s = w.end_s.filter(|&x| sane(x));
    }
    clean.silences.retain(silence_ok);
    Cow::Owned(clean)
}

/// What whisper may have lost, by the words it was unsure of: a figure ("eight percent"
/// heard as "I ate percent") and, in a story, a lesson's name ("This demonstrates I have
/// deep").
fn unheard(
    toks: &[tokens::Token],
    lex: &Lexicon,
    metrics: &[report::Metric],
    principles: &[report::PrincipleHit],
    unsure: &[usize],
    story: bool,
) -> confidence::Unheard {
    let at =
        |(a, b): (usize, usize)| (tokens::span_text(toks, a, b), toks[a].start_s, toks[a].word);
    let figures = confidence::lost_figures(toks, unsure, metrics)
        .into_iter()
        .map(|span| {
            let (heard, start_s, word) = at(span);
            confidence::unheard_figure(&heard, start_s, word)
        })
        .collect();
    let lesson = (story && !principles.iter().any(|p| p.explicit))
        .then(|| {
            principles::name_slots(toks, lex)
                .into_iter()
                .find(|&(a, b)| confidence::rests_on_unsure(tokens::word_span(toks, a, b), unsure))
        })
        .flatten()
        .map(|span| {
            let (heard, start_s, word) = at(span);
            confidence::unheard_principle(&heard, start_s, word)
        });
    confidence::Unheard { figures, lesson }
}

/// `unheard`: findings whisper may have lost, which take the place of the flags their
/// absence would raise (a lost figure counts as a result said).
fn content_flags(
    kind: Kind,
    metrics: &[report::Metric],
    principles: &[report::PrincipleHit],
    ownership: &report::Ownership,
    fillers: &report::Tally,
    pauses: &[report::Pause],
    unheard: confidence::Unheard,
) -> Vec<Flag> {
    let story = kind == Kind::Behavioral;
    let mut out = Vec::new();
    let flag = |code: &str, message: String| Flag {
        code: code.into(),
        message,
        start_s: None,
        word_index: None,
    };
    let results = metrics.iter().filter(|m| m.role == roles::RESULT).count();
    if story && results + unheard.figures.len() < MIN_METRICS {
        let others: Vec<&str> =
            metrics.iter().filter(|m| m.role != roles::RESULT).map(|m| m.text.as_str()).collect();
        let setup = if others.is_empty() {
            String::new()
        } else {
            format!("; {} set the scene but are not outcomes", others.join(", "))
        };
        out.push(flag(
            "few_metrics",
            format!(
                "{results} quantified result{} cited{setup}: cite at least two (candidates who did were 3.2x more likely to pass; {GUIDE})",
                if results == 1 { "" } else { "s" }
            ),
        ));
    }
    out.extend(unheard.figures);
    if let Some(lesson) = unheard.lesson {
        out.push(lesson);
    } else if story && !principles.iter().any(|p| p.explicit) {
        let hint =
            principles.first().map(|p| format!(" (it hints at {})", p.name)).unwrap_or_default();
        out.push(flag("no_principle", format!("No Leadership Principle named as the lesson{hint}: say \"This demonstrates ...\" (41% of rejected candidates did not; {GUIDE})")));
    }
    if story && ownership.we_actions > ownership.i_actions {
        out.push(flag(
            "we_over_i",
            format!(
                "\"We\" did more than \"I\" ({} actions against {}): say what you did",
                ownership.we_actions, ownership.i_actions
            ),
        ));
    }
    if fillers.per_min.is_some_and(|p| p > 4.0) {
        out.push(flag(
            "fillers",
            format!(
                "{} fillers, {:.1} a minute: pause silently instead",
                fillers.count,
                fillers.per_min.unwrap_or(0.0)
            ),
        ));
    }
    for p in pauses.iter().filter(|p| p.kind == "silence") {
        out.push(Flag {
            code: "long_silence".into(),
            message: format!("{:.1} s of silence", p.duration_s),
            start_s: Some(p.start_s),
            word_index: p.after_word,
        });
    }
    let hesitations = pauses.iter().filter(|p| p.kind == "hesitation").count();
    if hesitations > 3 {
        out.push(flag(
            "hesitations",
            format!("{hesitations} hesitations over 1.2 s inside sentences"),
        ));
    }
    out
}
