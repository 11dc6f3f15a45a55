//! Tests of metric roles in product, analytical and system-design answers.

use super::{role_of, roles};
use crate::round::Kind;

#[test]
fn bounds_and_changes_to_reach_are_results_in_case_rounds() {
    let p = Kind::Product;
    let text = "Gift orders should go up, maybe by ten percent. Order value shouldn't drop \
                by more than two percent, and I'd cap the load time increase at fifty \
                milliseconds. A win is a rise of at least zero point three points.";
    for m in ["ten percent", "two percent", "fifty milliseconds", "zero point three points"] {
        assert_eq!(role_of(p, text, m), "result", "{m}");
    }
    let text = "The drop is a fifteen percent fall in daily orders. I'd run the test for \
                at least two weeks.";
    assert_eq!(role_of(Kind::Analytical, text, "fifteen percent"), "baseline");
    assert_eq!(role_of(Kind::Analytical, text, "two weeks"), "time");
    let text = "Fifteen percent have one, which is just under twenty million doorbells.";
    assert_ne!(role_of(Kind::Analytical, text, "twenty million"), "result");
    let text =
        "Births are around one percent of people. Actually no, it's a bit under one percent.";
    assert_ne!(role_of(Kind::Analytical, text, "one percent"), "result");
    let text = "Metrics. Time to suppression: under 1 hour for 95% of recalls. Freshness, 99% \
                of rides updated within the last two minutes.";
    for m in ["95%", "99%"] {
        assert_eq!(role_of(Kind::SystemDesign, text, m), "result", "{m}");
    }
    let text = "If a third of a big site's 3,000 associates check within ten minutes, that's \
                1,000 requests.";
    assert_ne!(role_of(Kind::SystemDesign, text, "a third"), "result");
    let text = "If the old one isn't back within thirty days, we charge the card.";
    assert_eq!(role_of(Kind::SystemDesign, text, "thirty days"), "time");
    let text = "Secondary, adoption of the refund rules by maybe 30% of eligible sellers. \
                I'd want conversion back within 1 point of the prior level. To monitor \
                it: zero lost scans.";
    for m in ["30%", "1 point", "zero lost scans"] {
        assert_eq!(role_of(p, text, m), "result", "{m}");
    }
    let text = "I'm thinking of sellers doing, let's say, under a million dollars a year. \
                If penetration were 40%, the answer goes up by a third.";
    for m in ["a million dollars a year", "a third"] {
        assert_ne!(role_of(p, text, m), "result", "{m}");
    }
}

#[test]
fn kpi_targets_are_results_in_case_rounds() {
    let text =
        "The main KPI is repeat purchases, with a target of a 10% lift. We have two engineers.";
    assert_eq!(role_of(Kind::Product, text, "10%"), "result");
    assert_eq!(role_of(Kind::Product, text, "two engineers"), "scope");
}

#[test]
fn a_change_said_whole_and_a_floor_are_results_in_case_rounds() {
    let a = Kind::Analytical;
    let text = "In the test, day-7 retention went from 22% to 25%. I'd want at least 70% of \
                alerts marked useful, and I'd run it for at least two weeks.";
    assert_eq!(role_of(a, text, "from 22%"), "result");
    assert_eq!(role_of(a, text, "70%"), "result");
    assert_eq!(role_of(a, text, "two weeks"), "time");
}

#[test]
fn case_round_bounds_said_after_and_descriptions_that_are_not_targets() {
    let p = Kind::Product;
    let text = "Metrics: I'd target a 20% lift within two quarters of launch, recall at 99% \
                or above, and spend per account targeting plus 8%. Clubs are small, under 20 \
                members each, at companies with under 50 staff, and the store sells everything \
                under twenty dollars; the designer end is $60 or more.";
    for m in ["20%", "99%", "8%"] {
        assert_eq!(role_of(p, text, m), "result", "{m}");
    }
    assert_eq!(role_of(p, text, "two quarters"), "time");
    for m in ["20 members", "50 staff", "twenty dollars", "$60"] {
        assert_ne!(role_of(p, text, m), "result", "{m}");
    }
    let sum = "The two groups add up to 21.5 million paddles. The baby can sit up. 40% of \
               600,000 is about 240,000 buggies.";
    for m in ["21.5 million", "40%"] {
        assert_ne!(role_of(Kind::Analytical, sum, m), "result", "{m}");
    }
}

#[test]
fn case_round_levels_wanted_and_bare_targets_after_a_share() {
    let p = Kind::Product;
    let wanted = "If it's around sixty percent today, I'd want it at eighty percent in a year.";
    assert_eq!(role_of(p, wanted, "eighty percent"), "result");
    let bare =
        "Acceptance rate: if the baseline is, let's say, sixty percent, I'd target seventy-five.";
    assert_eq!(role_of(p, bare, "seventy-five"), "result");
    assert_eq!(role_of(p, bare, "sixty percent"), "baseline");
    let lift =
        "If they order about 2.5 times a month today, I'd target 3, so a lift of 20 percent.";
    assert_eq!(role_of(p, lift, "20 percent"), "result");
    let cut = "The KPI is time to a decision, and I'd want to cut that from eleven days to five.";
    assert_eq!(role_of(p, cut, "from eleven days to five"), "result");
    let guard = "As a guardrail, I'd accept no more than a 3% dip in solo viewing.";
    assert_eq!(role_of(p, guard, "3%"), "result");
    let what_if = "If penetration were 40%, the answer goes up by a third.";
    assert_ne!(role_of(Kind::Analytical, what_if, "a third"), "result");
}

#[test]
fn a_guardrail_ceiling_is_a_target_and_an_estimate_moving_is_not() {
    let p = Kind::Product;
    let guard = "Guardrail: return rate on the camera no higher than eight percent.";
    assert_eq!(role_of(p, guard, "eight percent"), "result");
    let a = Kind::Analytical;
    let moves = "At seventy percent instead of eighty, the answer drops by about 1.1 million.";
    assert_ne!(role_of(a, moves, "1.1 million"), "result");
    let colon = "The lifespan is the most sensitive assumption: if bottles last three years \
                 instead of two, the number drops by a third.";
    assert_ne!(role_of(a, colon, "a third"), "result");
}

#[test]
fn a_length_named_as_the_target_is_a_result() {
    let p = Kind::Product;
    let text = "Average call length, target 15 minutes. Repeat orders, a target of 15% within \
                six months.";
    assert_eq!(role_of(p, text, "15 minutes"), "result");
    assert_eq!(role_of(p, text, "six months"), "time");
}

#[test]
fn a_change_already_seen_in_a_case_round_is_the_problem() {
    let a = Kind::Analytical;
    let seen = "Okay, so, the on-time rate dropped sharply last week, from ninety-four percent to \
                eighty-one percent, in one city. Let me start by clarifying the window.";
    assert_eq!(role_of(a, seen, "ninety-four"), "baseline");
    let planned =
        "I'd expect the fix to lift on-time from eighty-one percent to ninety-two percent.";
    assert_eq!(role_of(a, planned, "eighty-one"), "result");
    let sd = Kind::SystemDesign;
    let down_to = "Today the wait is fifty-two minutes. I'd want to get average arrival down to \
                   thirty-five minutes.";
    assert_eq!(role_of(sd, down_to, "thirty-five minutes"), "result");
    assert_eq!(
        role_of(sd, "I'd target delivery in minutes and 99.9% availability.", "99.9%"),
        "result"
    );
    assert_eq!(
        role_of(sd, "Reliability: sensor uptime of 99.5 percent.", "99.5 percent"),
        "result"
    );
    let ours = "Errors dropped sharply, from 3% of calls to 0.4%, after we moved to token buckets.";
    assert_eq!(role_of(Kind::SystemDesign, ours, "from 3%"), "result");
    let target = "Last quarter repeat orders rose from 10% to 12%, and I'd target 15%.";
    assert_eq!(role_of(a, target, "15%"), "result");
}

#[test]
fn a_change_said_with_its_sign_is_a_result_and_a_sum_is_not() {
    let a = Kind::Analytical;
    let plan = "For example, plus six percent orders and minus three percent basket value nets \
                about plus two point eight percent revenue.";
    for m in ["six percent", "three percent", "two point eight percent"] {
        assert_eq!(role_of(a, plan, m), "result", "{m}");
    }
    let sum = "Thirteen and a half plus fifty-five is sixty-eight and a half, plus ten percent.";
    assert_ne!(role_of(a, sum, "ten percent"), "result");
    let cold = "Frozen stays at or below minus 18 Celsius.";
    assert!(roles(Kind::SystemDesign, cold).iter().all(|(_, r)| r != "result"));
}

#[test]
fn levels_listed_under_a_heading_of_targets_are_targets() {
    let p = Kind::Product;
    let listed = "Metrics. For users, the share of trips that find a machine free. For owners, \
                  utilisation. And 30% of regular users on the app after three months.";
    assert_eq!(role_of(p, listed, "30%"), "result");
    let after_colon = "Targets for the first six months: 25% of target users switch it on.";
    assert_eq!(role_of(p, after_colon, "25%"), "result");
    assert_eq!(role_of(p, after_colon, "six months"), "time");
    // today's level, how things usually are, and a level under another heading are not
    let today = "Metrics. Precision moves from 15% with keyword rules today to at least 40%.";
    assert_ne!(role_of(Kind::SystemDesign, today, "15%"), "result");
    let assumed = "Metrics. The north star is install success. Today I'm assuming around 80%.";
    assert_eq!(role_of(p, assumed, "80%"), "baseline");
    let usual = "Metrics. Industry recall completion is often below 30%.";
    assert_ne!(role_of(Kind::SystemDesign, usual, "30%"), "result");
    let risks = "Metrics. Adoption. Risks: 40% of sellers ignore alerts.";
    assert_ne!(role_of(p, risks, "40%"), "result");
    let now = "Metrics: buyers per lot from 3 today to 8 in the first year.";
    assert_eq!(role_of(Kind::SystemDesign, now, "from 3 today to 8"), "result");
}

#[test]
fn a_move_the_round_starts_from_is_the_problem_unless_a_test_read_it() {
    let a = Kind::Analytical;
    let drop = "Assume it's real: starts are flat and completion went from 82% to 64%.";
    assert_eq!(role_of(a, drop, "from 82% to 64%"), "baseline");
    let read = "The test ran for seven days. And day-7 retention went from 22% to 25%.";
    assert_eq!(role_of(a, read, "from 22% to 25%"), "result");
}

#[test]
fn a_most_said_with_up_to_is_a_size_not_a_rise() {
    let s = Kind::SystemDesign;
    let text = "Say we serve eighty markets, each running one sale a week, up to six hundred lots \
                a sale.";
    assert_eq!(role_of(s, text, "six hundred lots"), "scope");
    let rise = "I'd want to get conversion up to 40%.";
    assert_eq!(role_of(Kind::Product, rise, "40%"), "result");
}

#[test]
fn a_finding_imagined_with_suppose_is_no_target() {
    let a = Kind::Analytical;
    let text = "Suppose the drop is 7%, with searches flat but conversion down from 31% to 24%.";
    assert_ne!(role_of(a, text, "from 31% to 24%"), "result");
    let target = "Suppose we launch in May; I'd target a lift of 5%.";
    assert_eq!(role_of(Kind::Product, target, "5%"), "result");
}

#[test]
fn a_count_worked_on_in_spoken_arithmetic_is_no_target() {
    let p = Kind::Product;
    let text = "Target for year one: 3,000 subscribers, four boxes each, which is 3,000 times 4 \
                times 6, so 72,000 bottles.";
    let roles = roles(p, text);
    assert_eq!(roles[0], ("3,000 subscribers".to_string(), "result".to_string()));
    assert!(roles.iter().any(|(t, r)| t == "3,000" && r == "scope"), "{roles:?}");
}
