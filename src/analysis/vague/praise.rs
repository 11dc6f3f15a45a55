//! Praise with no figure, found by its shape rather than its words: a word that judges
//! how something turned out, made stronger ("it landed really well", "the rollout was
//! super slick") or said of the thing as its outcome ("the response was phenomenal"),
//! and not before a noun it describes ("a really strong team" sets a scene). The word
//! lists in data/vague.toml hold stock phrases; this finds the same claim in the
//! candidate's own words.

use super::is_in;
use super::moves::degree_adverb;
use crate::analysis::tokens::{clause_of, norm_at, Token};

/// The rewrite offered for praise with no measure.
pub const PRAISE: &str =
    "Show it: what changed, by how much, and how you know (\"repeat orders rose from 18% to 24%\")";

/// Words that make a judgement stronger without measuring it, besides the adverbs of
/// degree in -ly ("absurdly fast"); not the mild ones ("pretty stable", "fairly easy"),
/// which often describe a thing in passing.
const INTENSIFIERS: &str = "\
    really very super so incredibly extremely hugely massively remarkably genuinely truly \
    absolutely amazingly unbelievably exceptionally overwhelmingly insanely wildly \
    tremendously seriously immensely enormously thoroughly surprisingly ridiculously \
    properly crazy lightning way far much";

/// Words that judge how something turned out, how well it works, or how people took it;
/// made stronger, each is a claim that wants a figure.
const JUDGEMENTS: &str = "\
    pleasant resilient responsive snappy smart friendly welcoming enjoyable rewarding \
    satisfying exciting compelling attractive appealing affordable accessible simple \
    straightforward painless effortless lightweight warmer busier livelier clearer \
    good great well positive successful smooth smoothly strong solid impressive excellent \
    fantastic amazing awesome brilliant outstanding terrific incredible wonderful phenomenal \
    stellar remarkable exceptional superb spectacular valuable useful helpful effective \
    popular receptive supportive appreciative encouraging promising healthy warm nice cool \
    fun easy intuitive clean cleanly seamless seamlessly slick polished elegant productive efficient \
    engaged passionate sticky convenient powerful reliable stable robust scalable fast quick \
    quickly rapid accurate secure impactful worthwhile beneficial transformative magical \
    delightful lovely perfect perfectly flawless flawlessly beautifully brilliantly nicely \
    better easier faster quicker smoother healthier happier fairer simpler cleaner safer \
    stronger cheaper calmer happy pleased delighted thrilled glad grateful enthusiastic \
    excited satisfied impressed relieved proud keen ecstatic stoked chuffed obsessed hooked";

/// Judgements strong enough to claim an outcome with no intensifier when said of the
/// thing: "the response was phenomenal", "the audience is enormous".
const PRAISE_ON_ITS_OWN: &str = "\
    incredible amazing fantastic awesome excellent brilliant outstanding terrific wonderful \
    phenomenal stellar remarkable exceptional superb spectacular tremendous massive huge \
    enormous immense transformative transformational magical invaluable unreal epic insane";

/// Verbs that say what the thing was: the praise after them is said of it.
const COPULAS: &str = "is was were are it's that's became seemed felt looked sounded been be";
/// Words said between a copula and its judgement without changing it: "the audience is
/// just enormous".
const SOFTENERS: &str = "just honestly actually simply frankly";

/// Judgements of people's feelings: said of the speaker ("I was really excited") they
/// tell the story, not its outcome.
const FEELINGS: &str = "\
    happy pleased delighted thrilled glad grateful enthusiastic excited satisfied impressed \
    relieved proud keen ecstatic stoked chuffed obsessed hooked happier calm calmer relaxed \
    understanding supportive reassured confident";

/// Words before the intensifier that make the judgement part of a noun phrase ("a
/// really strong team", "our very own").
const DETERMINERS: &str = "a an the some our their his her my its your these those as how";

/// Words after the judgement that leave it said of the thing ("really smooth for the
/// stores", "super happy with it"), or start the next clause where whisper wrote no
/// comma ("that's huge because ..."); a noun after it would be described instead.
const AFTER_CLAIM: &str = "\
    with for about overall too and now in across among from on afterwards after since all \
    again there then internally everywhere here by both honestly actually generally right \
    because but so";

/// Words that make a clause a condition, not a claim: "once people are hooked", "when
/// the rules are satisfied".
const CONDITIONS: &str = "if when once until unless whether whenever";

/// Speakers: a feeling of theirs is not an outcome.
const SPEAKERS: &str = "i we i'm we're i'd we'd me us";

/// Verbs whose object is what the work brought: "we saw a decent bump", "got solid
/// signal", "delivered substantial efficiencies".
const GAINED: &str = "\
    saw got delivered achieved drove generated produced earned gained received won secured \
    unlocked seen gotten yielded";

/// Judgements of worth or size said of what the work brought.
const WORTH: &str = "\
    good great solid strong positive decent nice real big substantial significant \
    considerable sizeable sizable noticeable meaningful healthy serious dramatic impressive \
    hefty material \
    excellent incredible amazing fantastic awesome brilliant outstanding terrific wonderful \
    phenomenal stellar remarkable exceptional superb spectacular tremendous massive huge \
    enormous immense transformative transformational";

/// What a worth word may be said of without claiming an outcome: the trouble the story
/// starts from ("we got a big complaint"), a question, or what one knows ("we've got a
/// pretty good idea of the claim mix").
const NOT_OUTCOMES: &str = "\
    problem problems issue issues complaint complaints risk risks question questions \
    challenge challenges gap drop decline hit loss idea sense feel handle understanding \
    picture view grasp";

/// Spans of praise with no figure: from the intensifier ("super slick"), the copula
/// ("was phenomenal") or the verb ("saw a decent bump") to the judgement or its noun.
pub fn praised(toks: &[Token]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for i in 1..toks.len() {
        let Some((a, len)) = predicate(toks, i).or_else(|| gain(toks, i)).or_else(|| rise(toks, i))
        else {
            continue;
        };
        // "saw a decent bump" holds "decent bump"
        if out.last().is_none_or(|&(b, l)| a + len > b + l) {
            out.push((a, len));
        }
    }
    out
}

/// The judgement at `i` said of the thing: after an intensifier ("went really well",
/// "super slick") or, if strong enough on its own, after a copula ("was phenomenal").
fn predicate(toks: &[Token], i: usize) -> Option<(usize, usize)> {
    let word = |k: usize| norm_at(toks, k);
    let (head, before) = (word(i), word(i - 1));
    let stronger = is_in(INTENSIFIERS, before) || degree_adverb(before);
    // "coming back way more often", "way more eco-conscious": a difference said to be
    // large, whatever it is of
    let much_more = i >= 2 && matches!(before, "more" | "less") && is_in(INTENSIFIERS, word(i - 2));
    let judged = is_in(JUDGEMENTS, head) || is_in(FEELINGS, head);
    let intensified = (stronger && judged) || much_more;
    // "the customer was more calm": people's feelings compared with nothing said
    let compared = matches!(before, "more" | "less") && is_in(FEELINGS, head);
    let softened = i >= 2 && (is_in(SOFTENERS, before) || compared) && !toks[i - 2].clause_end;
    let copula = if softened { i - 2 } else { i - 1 };
    let of_the_thing =
        is_in(COPULAS, word(copula)) && (is_in(PRAISE_ON_ITS_OWN, head) || is_in(FEELINGS, head));
    let start = if much_more {
        i - 2
    } else if intensified {
        i - 1
    } else {
        copula
    };
    if !(intensified || of_the_thing) || toks[start..i].iter().any(|t| t.clause_end) {
        return None;
    }
    if start > 0 && is_in(DETERMINERS, word(start - 1)) {
        return None;
    }
    // "really easy to use" claims ease; "really keen to help" says what one wanted, and
    // "way better than the old one" compares with what it names
    let next = word(i + 1);
    let said_of_it =
        toks[i].clause_end || is_in(AFTER_CLAIM, next) || (next == "to" && word(i + 2) == "use");
    if !said_of_it {
        return None;
    }
    let clause = clause_of(toks, start).0;
    let said = |words: &str| toks[clause..start].iter().any(|t| is_in(words, &t.norm));
    let own_feeling = is_in(FEELINGS, head) && said(SPEAKERS);
    (!own_feeling && !said(CONDITIONS)).then_some((start, i + 1 - start))
}

/// Nouns of a rise: what a plan promises or the work brought.
const RISES: &str = "uptick upticks bump boost lift uplift jump increase improvement gain     gains rise spike surge";

/// A rise judged and not counted, whatever verb it follows: "I'd want a meaningful
/// uptick", "it gives a big boost to retention" (worth word at `i`); not in a
/// condition ("if there's a big spike").
fn rise(toks: &[Token], i: usize) -> Option<(usize, usize)> {
    let word = |k: usize| norm_at(toks, k);
    if !is_in(WORTH, word(i)) || !is_in(RISES, word(i + 1)) || toks[i].clause_end {
        return None;
    }
    let start = if is_in(INTENSIFIERS, word(i - 1)) || word(i - 1) == "pretty" { i - 1 } else { i };
    let clause = clause_of(toks, start).0;
    let condition = toks[clause..start].iter().any(|t| is_in(CONDITIONS, &t.norm));
    (!condition).then_some((start, i + 2 - start))
}

/// What the work brought, judged and not counted: "saw a decent bump" (verb at `i`).
fn gain(toks: &[Token], i: usize) -> Option<(usize, usize)> {
    let word = |k: usize| norm_at(toks, k);
    if !is_in(GAINED, word(i)) || toks[i].clause_end {
        return None;
    }
    let mut k = i + 1;
    if matches!(word(k), "a" | "an" | "some") {
        k += 1;
    }
    if is_in(INTENSIFIERS, word(k)) || word(k) == "pretty" {
        k += 1;
    }
    let noun = k + 1;
    let judged = is_in(WORTH, word(k)) && !toks[k].clause_end && noun < toks.len();
    (judged && !is_in(NOT_OUTCOMES, word(noun))).then_some((i, noun + 1 - i))
}
