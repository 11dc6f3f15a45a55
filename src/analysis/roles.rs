//! What each metric does in the answer: a result (a change or outcome the candidate's
//! work produced, or in a case round the target a KPI is set to reach), a baseline
//! (the state before, a finding about the problem), the scope of the work ("two
//! engineers", "three markets") or a time frame. Only results count towards the
//! "2+ metrics per story" rule: setup counts are not evidence of impact.

use super::lexicon::Lexicon;
use super::report::Metric;
use super::task;
use super::tokens::{clause_of, is_sound, sentence, Token};

mod case;
mod headline;
mod words;
use case::case_role;
use headline::{before_the_story, headline, under_result_heading};
use words::*;

pub const RESULT: &str = "result";
pub const BASELINE: &str = "baseline";
pub const SCOPE: &str = "scope";
pub const TIME: &str = "time";

fn beyond(m: &Metric, next: &str) -> bool {
    BEYOND.contains(&next) || (m.kind != "count" && SHORT_OF.contains(&next))
}

/// A figure as said, for the one after it that may say it again.
struct Said {
    /// The first token of its sentence.
    sentence: usize,
    role: &'static str,
    start: usize,
    end: usize,
    kind: String,
}

/// Sets `role` on every metric. `story`: a behavioral or writing answer, judged on
/// outcomes; `first_action`: the first word where the candidate acts, if any.
/// A figure in a clause stating the task ("my goal was ...") is scope; one in a
/// clause with a result cue ("resulting in", "as a result") is a result.
pub fn assign(
    toks: &[Token],
    lex: &Lexicon,
    metrics: &mut [Metric],
    story: bool,
    first_action: Option<usize>,
) {
    let figures: Vec<usize> = metrics.iter().map(|m| m.span.word_index).collect();
    let task_at = task_word(lex, toks);
    // the figure before, for a figure said again
    let mut previous: Option<Said> = None;
    for m in metrics.iter_mut() {
        let Some(i) = toks.iter().position(|t| t.word == m.span.word_index) else {
            m.role = if m.kind == "duration" { TIME } else { SCOPE }.into();
            continue;
        };
        let end = toks.iter().rposition(|t| t.word < m.span.word_index + m.span.word_count);
        let end = end.map_or(i + 1, |e| e + 1);
        let (a, b) = clause_of(toks, i);
        let s = sentence(toks, i).0;
        // "sorry, it was more like 11 minutes"; "roughly a third, thirty-four percent"
        let restated = |end: usize| end == i && a == i && !toks[i - 1].sentence_end;
        // the same quantity said again: "six months: 25%" says two
        let again = previous.as_ref().filter(|p| {
            p.sentence == s
                && p.kind == m.kind
                && (corrects(&toks[a..i]) || restated(p.end) || gapped(toks, p.start, a, i))
        });
        let role = if let Some(p) = again {
            p.role
        } else if story && m.kind != "duration" && task_said(lex, toks, a, b) {
            SCOPE // a goal set in the task is not an outcome
        } else if story && stuck(&toks[a..i]) {
            BASELINE
        } else if story
            && lex.result.any_in(&toks[..b], a, b)
            && (m.kind != "duration" || duration_changed(toks, i))
            && !after_time_word(toks, i)
        {
            RESULT
        } else if story {
            story_role(toks, i, end, m, (first_action, task_at), &figures)
        } else {
            case_role(toks, i, m)
        };
        previous = Some(Said { sentence: s, role, start: i, end, kind: m.kind.clone() });
        m.role = role.into();
    }
}

/// Words that correct the figure said before: "dropped by 9 minutes, sorry, it was
/// more like 11 minutes".
fn corrects(before: &[Token]) -> bool {
    ends_with(before, &["more", "like"])
        || ends_with(before, &["closer", "to"])
        || has(before, &["sorry"])
}

/// Most words naming the subject of a clause whose verb is left out.
const GAPPED_SUBJECT: usize = 4;

/// "got refits down to 3.8%, the second kit to 6%": a clause that says "to" a figure
/// with its verb left out says the same as the clause before, which did so with one.
fn gapped(toks: &[Token], previous: usize, a: usize, i: usize) -> bool {
    let to = |k: usize| k > 0 && toks[k - 1].norm == "to";
    to(previous)
        && to(i)
        && previous < a
        && (2..=GAPPED_SUBJECT + 1).contains(&(i - a))
        && matches!(toks[a].norm.as_str(), "the" | "and" | "while" | "whereas")
}

/// Most words in a heading that states the task before the clause it introduces.
const TASK_HEADING: usize = 5;

/// Whether clause `a..b` states the task, or follows a short heading that does at the
/// start of its sentence: "The ask from the CFO: cut maintenance spend 10%".
fn task_said(lex: &Lexicon, toks: &[Token], a: usize, b: usize) -> bool {
    let heading = a.checked_sub(1).filter(|&k| !toks[k].sentence_end).map(|k| clause_of(toks, k).0);
    let heading =
        heading.filter(|&h| h < a && a - h <= TASK_HEADING && (h == 0 || toks[h - 1].sentence_end));
    task::stated(lex, toks, a, b) || heading.is_some_and(|h| task::stated(lex, toks, h, a))
}

/// The first word of the first task cue ("my task", "my goal"), if any; a role said
/// ("I was the PM for ...") sets the scene.
fn task_word(lex: &Lexicon, toks: &[Token]) -> Option<usize> {
    lex.task.find_all(toks).first().map(|m| toks[m.start].word)
}

/// Most words between a verb of giving and its "back": "handed that team back".
const BACK_GAP: usize = 2;

/// "got back", "gave back", "handed that team back" just before the figure: time
/// returned to someone.
fn given_back(before: &[Token]) -> bool {
    let b = unhedged(before);
    b.len() >= 2
        && b[b.len() - 1].norm == "back"
        && has(&b[b.len().saturating_sub(BACK_GAP + 2)..b.len() - 1], GOT_BACK)
}

/// Most words between money and the verb after it that says the work spared it.
const SPARED_GAP: usize = 8;

/// Hedges and bounds said before a figure without changing what it is: "held at about
/// 0.4%", "went down to under two days".
const TO_REACH_HEDGES: &[&str] = &[
    "about",
    "around",
    "roughly",
    "approximately",
    "maybe",
    "perhaps",
    "nearly",
    "almost",
    "just",
    "say",
    "under",
    "below",
    // an aside said between commas: "went up, actually, to about four million"
    "actually",
];

/// A hedge, or a sound said while thinking ("went down by, uh, roughly a third").
pub(super) fn is_hedge(t: &Token) -> bool {
    TO_REACH_HEDGES.contains(&t.norm.as_str()) || is_sound(t)
}

/// `before` without the hedges that end it: "held at about" is "held at".
fn unhedged(before: &[Token]) -> &[Token] {
    let hedges = before.iter().rev().take_while(|t| is_hedge(t));
    &before[..before.len() - hedges.count()]
}

/// "held at 0.4%", "kept churn under 2%", "the rating stayed at 4.6" (a score metric
/// that starts at its name): a level kept, said just before the figure or inside it.
fn level(before: &[Token], inside: &[Token]) -> bool {
    let b = unhedged(before);
    // "held at about 0.4%", "kept it under 3%"
    let at = [b.last(), before.last()]
        .into_iter()
        .flatten()
        .any(|t| AT_LEVEL.contains(&t.norm.as_str()));
    // "we keep around 14,000 seed samples": things kept, not a level
    let kept_things =
        b.last().is_some_and(|t| matches!(t.norm.as_str(), "keep" | "keeps" | "kept"));
    (at && !kept_things && has(&b[b.len().saturating_sub(4)..], LEVEL)) || has(inside, LEVEL)
}

/// A change word anywhere near a figure, but for "up" and "down", which are changes only
/// next to it ("was up 12%", "went down to 4%"): elsewhere they end phrasal verbs ("set up
/// a glossary of 450 terms", "85% came down to one thing").
fn loose_change(t: &Token) -> bool {
    CHANGE.contains(&t.norm.as_str()) && !matches!(t.norm.as_str(), "up" | "down")
}

/// "up 12%", "down to about 4%", "up by 3 points": "up" or "down" just before the figure.
fn up_or_down(before: &[Token]) -> bool {
    let b = unhedged(before);
    // past an aside before the "to": "went up, actually, to about four million"
    let b = match b.split_last() {
        Some((t, rest)) if matches!(t.norm.as_str(), "to" | "by") => unhedged(rest),
        _ => b,
    };
    b.last().is_some_and(|t| matches!(t.norm.as_str(), "up" | "down"))
}

fn has(ts: &[Token], list: &[&str]) -> bool {
    ts.iter().any(|t| list.contains(&t.norm.as_str()))
}

fn ends_with(ts: &[Token], words: &[&str]) -> bool {
    ts.len() >= words.len()
        && ts[ts.len() - words.len()..].iter().zip(words).all(|(t, w)| t.norm == *w)
}

/// "which was worth $1M a year", "signed an exclusive, worth $1.8M a year": what a result
/// was worth; "a contractor worth $2M a year to us" describes who was at stake.
fn worth(before: &[Token]) -> bool {
    before.first().is_some_and(|t| t.norm == "worth")
        || before.windows(2).any(|w| {
            w[1].norm == "worth"
                && matches!(
                    w[0].norm.as_str(),
                    "was" | "is" | "were" | "be" | "been" | "it's" | "that's"
                )
        })
}

/// "the customer renewed, which was about $420,000 a year": what the outcome named in
/// the clause before was worth.
fn worth_of_outcome(toks: &[Token], a: usize, before: &[Token]) -> bool {
    let said = unhedged(before);
    let which = said.len() == 2
        && said[0].norm == "which"
        && matches!(said[1].norm.as_str(), "was" | "is" | "meant" | "means");
    let Some(prev) = a.checked_sub(1).filter(|&k| which && !toks[k].sentence_end) else {
        return false;
    };
    let outcome = &toks[clause_of(toks, prev).0..a];
    has(outcome, SUBJECT_OUTCOME) || has(outcome, OUTCOME)
}

/// "sitting at 1.4%", "stuck at about 60%": a level said with a verb of standing still.
fn stuck(before: &[Token]) -> bool {
    let b = unhedged(before);
    b.len() >= 2 && b[b.len() - 1].norm == "at" && STUCK.contains(&b[b.len() - 2].norm.as_str())
}

/// A duration is the changed quantity itself: "from 9 days to 2 days", "fell to four days".
fn duration_changed(toks: &[Token], i: usize) -> bool {
    let w = |k: usize| toks.get(k).map_or("", |t| t.norm.as_str());
    // past the hedges: "dropped to about four hours"
    let hedges = toks[..i].iter().rev().take_while(|t| is_hedge(t));
    let i = i - hedges.count();
    toks[i].norm == "from"
        || (i >= 1 && CHANGE.contains(&w(i - 1)))
        || (i >= 2 && matches!(w(i - 1), "to" | "by") && CHANGE.contains(&w(i - 2)))
}

fn story_role(
    toks: &[Token],
    i: usize,
    end: usize,
    m: &Metric,
    (first_action, task_at): (Option<usize>, Option<usize>),
    figures: &[usize],
) -> &'static str {
    let (a, b) = clause_of(toks, i);
    // A figure may run past its clause ("cut — in half"): then nothing comes after it.
    let before = toks.get(a..i).unwrap_or_default();
    let inside = toks.get(i..end).unwrap_or_default();
    let after = toks.get(end..b).unwrap_or_default();
    let by_me = before.iter().any(|t| t.norm == "i");
    if m.kind == "count" && after_time_word(toks, i) {
        return TIME; // "in two releases"
    }
    // "we sold tickets for about 900 venues": whom the work served
    if m.kind == "count" && unhedged(before).last().is_some_and(|t| t.norm == "for") {
        return SCOPE;
    }
    // "Zero-result searches fell from 18% to 4%": a change soon after the figure that
    // brings its own figure changed that one; this one names what was measured.
    let near = &after[..after.len().min(4)];
    let change = near.iter().position(loose_change);
    let measured_on =
        change.is_some_and(|k| after[k + 1..].iter().any(|t| figures.contains(&t.word)));
    let rest_of_sentence = toks.get(end..sentence(toks, i).1).unwrap_or_default();
    // "under 40 seconds, against roughly three minutes with the old passes": the new level
    // against the old; not "19 hours, against 4 hours for everyone else" (two groups) nor
    // "for ten days against rain-gauge readings from 12 farms"
    let against = rest_of_sentence
        .first()
        .is_some_and(|t| matches!(t.norm.as_str(), "against" | "versus" | "vs"))
        && rest_of_sentence[1..rest_of_sentence.len().min(3)]
            .iter()
            .any(|t| figures.contains(&t.word))
        && has(rest_of_sentence, REFERENCE);
    // "approved loans in ten minutes instead of two weeks": the new figure against the old.
    // "spent about $450,000 on temps instead of 1.1 million": the thing, then the old figure
    let instead_of = after.windows(3).take(INSTEAD_GAP + 1).any(|w| {
        // "paid in two days instead of eleven": the old figure said bare
        let old = figures.contains(&w[2].word) || super::numbers::is_numeric(&w[2].norm);
        w[0].norm == "instead" && w[1].norm == "of" && old
    });
    let replaced = instead_of || against;
    // "opt-outs were back at 2%": a level restored after the work.
    let restored = before.len() >= 2
        && before[before.len() - 2].norm == "back"
        && matches!(before[before.len() - 1].norm.as_str(), "at" | "to");
    // "refunds were a third of the prior year's"
    let against_before = after.first().is_some_and(|t| t.norm == "of")
        && has(&after[1..after.len().min(5)], REFERENCE);
    // "64% of farmers said they'd delayed planting, up from 41% the season before"

    let up_from = rest_of_sentence.windows(3).any(|w| {
        matches!(w[0].norm.as_str(), "up" | "down")
            && w[1].norm == "from"
            && figures.contains(&w[2].word)
    });
    // "ended at 2%, from, uh, somewhere around 15%": the new level, then the old one
    let from_figure = after.first().is_some_and(|t| t.norm == "from")
        && after[1..after.len().min(FROM_GAP + 1)].iter().any(|t| figures.contains(&t.word));
    // "calls fell by 70%" with its verb misheard ("call them out reference, L by 70%"):
    // a share said after "by" is the size of a change; "by 40% of users" is whose.
    let by_share = m.kind == "percent"
        && unhedged(before).last().is_some_and(|t| t.norm == "by")
        && !has(inside, &["of"])
        && after.first().is_none_or(|t| t.norm != "of");
    // "calls about estimated bills felt 22%": "fell" heard as "felt", which is not said
    // of a share
    let felt = m.kind == "percent" && before.last().is_some_and(|t| t.norm == "felt");
    // "losses went to about four percent": where a measure went is where it changed to
    let went_to = ends_with(unhedged(before), &["went", "to"]);
    let changed = up_from
        || from_figure
        || felt
        || went_to
        || named_next(toks, i)
        || by_share
        || replaced
        || restored
        || against_before
        || level(before, inside)
        || if m.kind == "duration" {
            // "saved the team about two hundred hours a quarter"
            duration_changed(toks, i) || has(before, SAVED) || given_back(before)
        } else {
            // "twice as likely to cancel" compares two groups; "doubled" is a change
            (m.kind == "multiplier" && after.first().is_none_or(|t| t.norm != "as"))
            || m.kind == "change"
            // "40,000 fewer estimated bills a month"
            || (m.kind == "count" && has(inside, &["fewer"]))
            || inside.first().is_some_and(|t| t.norm == "from")
            || has(inside, CHANGE)
            || before.iter().any(loose_change)
            || up_or_down(before)
            // "25% above target", "18% faster checkout", "$2.3M uplift"; "I bought 20% more
            // stock" is the action's size.
            || (!by_me && after.first().is_some_and(|t| beyond(m, &t.norm)))
            || (!by_me && change.is_some() && !measured_on)
        };
    let compared = before
        .iter()
        .rposition(|t| COMPARED.contains(&t.norm.as_str()))
        .is_some_and(|k| !has(&before[k..], CHANGE));
    let after_work = first_action.is_some_and(|w| toks[i].word >= w);
    let check_found = checked(before, after_work);
    let found = (has(before, FINDING) && !check_found) || compared || has(after, &["before"]);
    // Before the candidate acts, a figure describes the problem, unless the candidate
    // leads with the outcome ("I recovered 9%", "We cut complaints by 35%").
    // "So I was the PM ... In March our returns jumped to 11%. My task was to ...": before
    // the task is stated, a change no one is said to have made is the problem, unless it
    // opens the answer as its headline
    let (s, e) = sentence(toks, i);
    let by_us = |ts: &[Token]| ts.iter().any(|t| matches!(t.norm.as_str(), "i" | "we"));
    let setting = s > 0 && task_at.is_some_and(|w| toks[i].word < w) && !by_us(&toks[s..e]);
    let acted = (first_action.is_none_or(|w| toks[i].word >= w) && !setting) || by_us(before);
    // "a single violation could mean a fine of up to $10,000": what might happen
    let might = has(before, &["could", "would", "might"]);
    let outcome = acted && !found && !might;
    // "we had zero checkout outages": after the work, none of something is an outcome.
    let zero = inside.iter().any(|t| matches!(t.norm.as_str(), "zero" | "0"));
    let none = m.kind == "count" && zero && after_work && !measured_on;
    // A level said with "at": the verb before it says whose level it is.
    let at_level = unhedged(before);
    let said_at = ends_with(at_level, &["at"]);
    // "after we rolled back the rest it was at 0.35%": the level the work left.
    // "by week three the pilot sites were under an hour": a bound it stood within
    let stood_at = said_at
        && at_level.len() >= 2
        && STOOD.contains(&at_level[at_level.len() - 2].norm.as_str());
    let stood_within = before.last().is_some_and(|t| matches!(t.norm.as_str(), "under" | "below"))
        && at_level.last().is_some_and(|t| STOOD.contains(&t.norm.as_str()));
    let stood = after_work && (stood_at || stood_within);
    // "about 30% of international travelers used the feature": uptake of the work.
    let taken_up = m.kind == "percent"
        && after.first().is_some_and(|t| t.norm == "of")
        && has(&after[1..after.len().min(TOOK_UP_GAP + 2)], TOOK_UP);
    // "about £16,000 of wasted trips we stopped paying for": the money the work spared,
    // said before the verb that spared it
    // "about €41,000 we didn't pay": the same said as a cost not paid
    let unpaid = after.windows(2).take(SPARED_GAP).any(|w| {
        matches!(w[0].norm.as_str(), "didn't" | "never" | "not")
            && matches!(w[1].norm.as_str(), "pay" | "paid")
    });
    let spared = after_work && (has(&after[..after.len().min(SPARED_GAP)], SPARED) || unpaid);
    // "gave the owners 140,000 euros of extra revenue"
    let of_more = |w: &[Token]| {
        w.len() >= 3
            && w[0].norm == "of"
            && matches!(w[1].norm.as_str(), "extra" | "additional" | "new" | "incremental")
            && matches!(w[2].norm.as_str(), "revenue" | "sales" | "profit" | "income" | "bookings")
    };
    let earned = m.kind == "money"
        && (has(before, EARNED)
            || (has(before, GAVE_UP) && has(rest_of_sentence, &["but"]))
            || worth_of_outcome(toks, a, before)
            || spared
            || (after_work && of_more(after)));
    // "expanded into two more regions", "feeding 300 more families a week": more of what the
    // work serves, after it; "would have put 11,000 extra tickets into resale" is a what-if
    // and "a proposal to buy two more analyzers" a plan.
    // "kept an extra, um, four thousand customers"
    let more = ["more", "additional", "extra"];
    let added = m.kind == "count"
        && after_work
        && (has(inside, &more)
            || unhedged(before).last().is_some_and(|t| more.contains(&t.norm.as_str())))
        && !has(
            &toks[sentence(toks, i).0..i],
            &["would", "could", "might", "proposal", "proposed"],
        );
    // "she now mentors two associates of her own", "by the end of harvest, 61% of loads
    // came in on a slot": the state the work left, said with "now" or at the end.
    let by_the_end = toks[sentence(toks, i).0..i]
        .windows(3)
        .any(|w| w[0].norm == "by" && w[1].norm == "the" && w[2].norm == "end");
    let now = after_work && (has(before, &["now"]) || by_the_end);
    // "two enterprise customers who had flagged it signed again": whom the outcome is of
    let did = m.kind == "count" && after_work && has(after, SUBJECT_OUTCOME);
    // "switched over with four days to spare", "two weeks ahead of schedule"
    // "the client renewed for three more years"
    let renewed_for = m.kind == "duration"
        && after_work
        && ends_with(before, &["for"])
        && has(before, SUBJECT_OUTCOME);
    let early = m.kind == "duration"
        && (ends_with(after, &["to", "spare"])
            || after.first().is_some_and(|t| t.norm == "early")
            // "two weeks ahead of schedule"; "bought 48 hours ahead" is when
            || (after.first().is_some_and(|t| t.norm == "ahead")
                && after.get(1).is_some_and(|t| t.norm == "of")));
    // "had stopped reading the roadmap because three tools had slipped": past a
    // "because" the figure is the cause, not the verb's object.
    let object_of =
        &before[before.iter().rposition(|t| t.norm == "because").map_or(0, |k| k + 1)..];
    // "Flaky test failures ended the quarter at 2%": where a measure ended is an outcome
    // even said first.
    let ended = said_at
        && has(&at_level[at_level.len().saturating_sub(ENDED_GAP + 2)..at_level.len() - 1], ENDED);
    if ended && !found {
        return RESULT;
    }
    // "So, the short version: ... calls fell by about a third", "we had zero compliance
    // fines": a change, or none of something, in a sentence that says it is the headline
    // is the outcome, said before the story.
    let said_first = headline(toks, i) || before_the_story(toks, i);
    if (changed || (m.kind == "count" && zero && !measured_on)) && !found && said_first {
        return RESULT;
    }
    // "Result: 61 accessions were really under the limit": a count under the outcome's
    // own heading, past the work
    let headed = m.kind != "duration"
        && under_result_heading(toks, i)
        && !ends_with(before, &["instead", "of"]);
    if outcome
        && (changed
            || headed
            || none
            || stood
            || earned
            || taken_up
            || added
            || now
            || did
            || early
            || renewed_for
            || check_found
            || (m.kind != "duration" && (has(object_of, OUTCOME) || worth(object_of))))
    {
        return RESULT;
    }
    if m.kind == "duration" {
        // "shipped it in five weeks", "filled the open roles in six weeks"
        // "I rolled it back within a day": undoing a change is not delivering one
        let recent = &before[before.len().saturating_sub(5)..];
        // and "we did it in one sprint": the outcome just said, done in that time
        let did_it =
            ends_with(before, &["did", "it", "in"]) || ends_with(before, &["did", "that", "in"]);
        let delivered = matches!(before.last().map(|t| t.norm.as_str()), Some("in" | "within"))
            && (has(recent, DELIVERED) || did_it)
            && !has(recent, &["back"]);
        return if outcome && delivered {
            RESULT
        } else if (!acted && before.iter().any(|t| matches!(t.norm.as_str(), "took" | "for")))
            || ends_with(before, &["instead", "of"])
        {
            BASELINE
        } else {
            TIME
        };
    }
    // "... instead of 1.1 million": the figure the outcome replaced
    if m.kind == "count" && acted && !ends_with(before, &["instead", "of"]) {
        return SCOPE;
    }
    BASELINE
}

/// "the audit found fraud at 0.3%", "the follow-up survey showed 64%": after the work, a
/// finding of a check run on it reports the outcome, not the problem; "our pilot data
/// showed 20%" is evidence.
fn checked(before: &[Token], after_work: bool) -> bool {
    let verb = before.iter().rposition(|t| FINDING.contains(&t.norm.as_str()));
    after_work && verb.is_some_and(|k| k > 0 && CHECKS.contains(&before[k - 1].norm.as_str()))
}

/// "$410,000 a year. That's what we saved on tires.", "approval in under a day. That's
/// where it ended up.": the next sentence says the figure said alone was the change.
/// So may the next clause, since whisper writes a comma there as often as a full stop.
fn named_next(toks: &[Token], i: usize) -> bool {
    let clause_after = (i..toks.len()).find(|&k| toks[k].clause_end).map_or(toks.len(), |k| k + 1);
    let names = |next: usize| {
        let said = toks.get(next..(next + 5).min(toks.len())).unwrap_or_default();
        said.len() >= 3
            && matches!(said[0].norm.as_str(), "that's" | "that" | "this" | "it's")
            && said.iter().any(|t| matches!(t.norm.as_str(), "what" | "how" | "where"))
            && (has(said, CHANGE) || has(said, SAVED) || has(said, EARNED) || has(said, ENDED))
    };
    names(sentence(toks, i).1) || names(clause_after)
}

/// Most words between a figure's "from" and the figure it changed from ("from, uh,
/// somewhere around 15%").
const FROM_GAP: usize = 4;
/// Most words between a figure and the "instead of" before the figure it replaced.
const INSTEAD_GAP: usize = 3;

/// "in two releases", "over three sprints": a count that frames time; not "launching in
/// two new markets", which is where.
pub(super) fn after_time_word(toks: &[Token], i: usize) -> bool {
    i > 0
        && matches!(toks[i - 1].norm.as_str(), "in" | "within" | "over" | "after")
        && toks[i..].iter().take(FRAMES_GAP).any(|t| FRAMES.contains(&t.norm.as_str()))
}

/// Things counted to frame time: "in two releases", "after three sprints".
const FRAMES: &[&str] = &[
    "release",
    "releases",
    "sprint",
    "sprints",
    "iteration",
    "iterations",
    "phase",
    "phases",
    "round",
    "rounds",
    "wave",
    "waves",
    "cycle",
    "cycles",
    "stage",
    "stages",
    "step",
    "steps",
    "quarter",
    "quarters",
    "attempt",
    "attempts",
    "tries",
    "versions",
    "builds",
    "drops",
    "deploys",
    "deployments",
    "meetings",
    "sessions",
    "calls",
    "conversations",
    "go",
];
/// Most words from a count to the thing that frames time ("in two short sprints").
const FRAMES_GAP: usize = 4;

#[cfg(test)]
mod tests;
