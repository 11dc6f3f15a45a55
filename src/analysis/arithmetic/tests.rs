use super::*;
use crate::analysis::tokens::tokenize;
use crate::transcript::Transcript;

fn slips(text: &str) -> Vec<(String, bool)> {
    steps(&tokenize(&Transcript::from_text(text)))
        .into_iter()
        .map(|s| (s.text.clone(), s.is_slip()))
        .collect()
}

/// Whether each step of `text` is a slip, in order.
fn slipped(text: &str) -> Vec<bool> {
    slips(text).into_iter().map(|s| s.1).collect()
}

#[test]
fn the_guide_estimate_is_right() {
    assert_eq!(
        slips("With 2.5 people per household, 332M / 2.5 = 133M households."),
        [("332M / 2.5 = 133M".to_string(), false)]
    );
}

#[test]
fn a_slip_is_found_and_named() {
    let got =
        slips("332 million / 2.5 = 160 million households. 160 million times 0.4 = 64 million.");
    assert_eq!(
        got,
        [
            ("332 million / 2.5 = 160 million".to_string(), true),
            ("160 million times 0.4 = 64 million".to_string(), false)
        ]
    );
    assert!(slips("120 times 15 = $2,400 a day")[0].1);
}

#[test]
fn spoken_chains_are_checked() {
    assert_eq!(
        slips("that is seven hundred thousand times zero point five times two, which is seven hundred thousand cups a day"),
        [("seven hundred thousand times zero point five times two which is seven hundred thousand".to_string(), false)]
    );
    assert_eq!(
        slips("86 million times 0.4 is about 34 million"),
        [("86 million times 0.4 is about 34 million".to_string(), false)]
    );
}

#[test]
fn an_operand_with_its_unit_is_checked() {
    assert_eq!(
        slips("so 200,000 rides a week, and divided by 7 that's 50,000 rides a day"),
        [("200,000 rides a week and divided by 7 that's 50,000".to_string(), true)]
    );
    assert!(!slips("900,000 sessions a week, divided by 7, is about 130,000 a day")[0].1);
    assert!(slips("We have 40 engineers and 3 teams, so 2 times a week is fine.").is_empty());
    assert!(
        slips("Fifty-two million households times one point five dogs each is about ninety million dogs.")[0].1
    );
    assert!(slips("So eight million doorbells times fifteen clips each is, um, one point two billion clips a day.")[0].1);
}

#[test]
fn a_unit_said_on_one_side_only_and_a_trailing_pause() {
    assert!(!slips("Top-down, 99 plus 4 is 103 million pairs.")[0].1);
    assert!(!slips("1.5 million a week, times 52, is about 78.")[0].1);
    assert!(slips("So 2 times 3 is 9 million.")[0].1);
    assert!(slips("67 million times 0.8... that's 63.6 million users.")[0].1);
}

#[test]
fn a_share_of_a_number_is_checked() {
    assert!(slips("that's 2% of 54 million, uh, 1.8 million new owners")[0].1);
    assert!(!slips("ten percent of 8 million is about 800,000 homes")[0].1);
    assert!(!slips("Nine hundred million times four percent is thirty-six million.")[0].1);
    assert!(slips("900 million times 4% is 3.6 billion.")[0].1);
    assert!(slips("Forty-eight million times a half is, um, twenty-eight million.")[0].1);
    assert!(!slips("48 million times two thirds is 32 million.")[0].1);
    assert!(
        slips("a hundred and ten million divided by four is about, um, fifty-five million")[0].1
    );
    assert!(slips("30% of 2 million users, 20% of them daily.").is_empty());
}

#[test]
fn asides_and_shares_of_the_figure_before_are_checked() {
    let got = slips("Active: six point six million times six is, let me see, thirty-six point six million sets.");
    assert!(got[0].1, "{got:?}");
    let guitar = "US population, about three hundred and thirty million. I'd guess around eight \
                  percent play guitar at least a little, so that's, um, twenty-six point four \
                  million people.";
    assert_eq!(slipped(guitar), [false]);
    let bikes = "There's about three hundred and thirty million people in the US. I'd say \
                 roughly thirty percent of them ride a bike at least sometimes, so that's, uh, \
                 about a hundred and thirty million riders.";
    assert_eq!(slipped(bikes), [true]);
    // a share whose result is of another figure is left alone
    assert!(slips("We have 5 million members. 40% renew, that's most of them.").is_empty());
    let capacity = "Roughly 17,600 slots are occupied. I'd plan for at most 80% occupied, which \
                    gives 22,000 slots.";
    assert_eq!(slipped(capacity), [false]);
    assert!(
        slips("The market is 2 billion dollars. We'd take 5%, so that's 300 stores.").is_empty()
    );
    // "them" may be any figure just said: a slip only when none gives the result
    let sellers = "Handmade has 50,000 weekly active sellers, so 9% is 4,500 sellers. Say 60% \
                   of them are on Android, that's 30,000 sellers.";
    assert_eq!(slipped(sellers), [false]);
    assert_eq!(slipped(&sellers.replace("30,000", "40,000")), [true]);
    // hundreds said short
    let late = "It handles three thousand orders a day, then nine sixty divided by three \
                thousand is thirty-two percent late at that one station.";
    assert_eq!(slipped(late), [false]);
    assert_eq!(slipped(&late.replace("thirty-two", "forty-two")), [true]);
    // a size said in the next unit up
    let sized = "Each route is about 240 KB, so 3,000 times 240 KB, that's 720 megabytes.";
    assert_eq!(slipped(sized), [false]);
    assert_eq!(slipped(&sized.replace("720", "900")), [true]);
    assert_eq!(slipped(&sized.replace("720 megabytes", "720 KB")), [true]);
}

#[test]
fn a_result_worked_on_and_a_figure_for_each_are_checked() {
    let chain = "Twelve thousand times eighteen percent is two thousand one hundred and \
                 sixty fewer a week, and times four weeks, that's about eleven thousand.";
    assert_eq!(slipped(chain), [false, true]);
    // the next product added, not the result worked on
    let blended = "0.25 times 24 is 6, plus 0.75 times 4 is 3, so 9 orders a year.";
    assert_eq!(slipped(blended), [false, false]);
    let each = "About thirteen million households keep chickens, and if each one spends \
                about three hundred dollars a year, that's about thirty-nine million dollars.";
    assert_eq!(slipped(each), [true]);
    let right = "There are 20 million members. If each orders 3 boxes a month, that's 60 \
                 million boxes.";
    assert_eq!(slipped(right), [false]);
    // the calculation said out loud after "that is" is checked as itself
    let said = "Seattle has 700,000 people. If each drinks two cups a day, that is 700,000 \
                times 0.5 times 2, which is 700,000 cups.";
    assert_eq!(slipped(said), [false]);
}

#[test]
fn a_figure_shared_out_and_a_share_said_as_this_are_checked() {
    let split = "So 18,000 grocery checkouts a day. Split in two arms, that's 12,000 per arm.";
    assert_eq!(slipped(split), [true]);
    let even = "So 18,000 checkouts a day. Split in two arms, that's 9,000 per arm.";
    assert_eq!(slipped(even), [false]);
    let bees = "Poland has around 38 million people, and maybe 1 percent keep bees, so this \
                is 3.8 million beekeepers.";
    assert_eq!(slipped(bees), [true]);
}

#[test]
fn a_ratio_said_in_percent_is_checked() {
    let share = "Say we place three hundred thousand hives a season; divided by two point \
                 six million, that's about eleven and a half percent.";
    assert_eq!(slipped(share), [false]);
    let slip = "We place 300,000 hives; divided by 2.6 million, that's about 20 percent.";
    assert_eq!(slipped(slip), [true]);
}

#[test]
fn a_hedged_result_said_to_three_figures_claims_the_sum() {
    let worked = "Fourteen million times one point two is about eighteen point four million.";
    assert_eq!(slipped(worked), [true]);
    let rounded = "Fourteen million times one point two is about eighteen million.";
    assert_eq!(slipped(rounded), [false]);
}

#[test]
fn numbers_without_a_calculation_are_left_alone() {
    assert!(slips("We met three times. It is 40% of 300 users.").is_empty());
}
