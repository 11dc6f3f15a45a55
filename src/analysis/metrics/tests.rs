//! Tests of metric detection.

use super::*;
use crate::analysis::tokens::tokenize;
use crate::transcript::Transcript;

fn found(text: &str) -> Vec<(String, String)> {
    detect(&tokenize(&Transcript::from_text(text))).into_iter().map(|m| (m.text, m.kind)).collect()
}

fn texts(text: &str) -> Vec<String> {
    found(text).into_iter().map(|(t, _)| t).collect()
}

#[test]
fn the_guide_answer() {
    let got = found(
        "When engineering delayed the deadline by 3 weeks, I re-scoped MVP, ran 3 A/B tests, and \
         shipped—resulting in 18% faster checkout and $2.3M annual revenue uplift.",
    );
    let want =
        [("3 weeks", "duration"), ("3 A/B tests", "count"), ("18%", "percent"), ("$2.3M", "money")];
    assert_eq!(got, want.map(|(a, b)| (a.to_string(), b.to_string())));
}

#[test]
fn spoken_and_changes() {
    assert_eq!(texts("it went up twenty five percent"), ["twenty five percent"]);
    assert_eq!(texts("ratings went from 4.1 to 4.6 stars."), ["from 4.1 to 4.6 stars"]);
    assert_eq!(texts("retention went from 22%, to 25%."), ["from 22% to 25%"]);
    assert_eq!(texts("I'd cut those by, say, a fifth."), ["a fifth"]);
    assert_eq!(texts("We went from 40 users, to keep it simple."), ["40 users"]);
    assert_eq!(texts("we cut the wait time in half"), ["cut the wait time in half"]);
    assert_eq!(
        texts("Refunds went from twelve days to the same day."),
        ["from twelve days to the same day"]
    );
    assert_eq!(
        texts("Tickets went from ninety-two in the quarter before to four."),
        ["from ninety-two in the quarter before to four"]
    );
    assert_eq!(texts("complaint emails fell by about half."), ["fell by about half"]);
    assert_eq!(
        texts("the map went from about 45 minutes behind reality to under 2 minutes."),
        ["from about 45 minutes behind reality to under 2 minutes"]
    );
    assert_eq!(
        texts("the flag rate fell from 12% to 4% and appeals dropped by half"),
        ["from 12% to 4%", "dropped by half"]
    );
    assert_eq!(
        texts("I cut the temp request from sixty to twenty-five"),
        ["from sixty to twenty-five"]
    );
    assert_eq!(
        texts("waits went from an average of about 2 hours to 55 minutes"),
        ["from an average of about 2 hours to 55 minutes"]
    );
    // what it counts, named a few words before: one change
    assert_eq!(
        texts("Swipes from search to purchase, from about forty down to under ten."),
        ["from about forty down to under ten"]
    );
    // the whole of a count, said as its start
    assert_eq!(
        texts("Excel use dropped, from all fourteen leads to two."),
        ["from all fourteen leads to two"]
    );
    // a start said before, pointed back to
    assert_eq!(
        texts("The refill rate, from that seventy-one percent to eighty-five percent."),
        ["from that seventy-one percent to eighty-five percent"]
    );
    assert_eq!(texts("I'd target seventy-five."), Vec::<String>::new());
    assert_eq!(
        texts("if the rate is sixty percent, I'd target seventy-five."),
        ["sixty percent", "seventy-five"]
    );
    assert_eq!(texts("the 12% held for review, we got that down to ten, mostly"), ["12%", "ten"]);
    assert_eq!(
        texts("calls, which were about 1,100 a month, are now around 300."),
        ["1,100 a month", "300"]
    );
    assert_eq!(texts("we got the team down to three."), Vec::<String>::new());
    // a break between the level word and the number: no level said, and no panic
    assert_eq!(texts("the 12% held. We are now just. 300 more."), ["12%"]);
    assert_eq!(texts("three times faster"), ["three times"]);
    assert_eq!(texts("It paid for itself three times over."), ["three times"]);
    assert_eq!(texts("fill rate can't drop by more than half a point."), ["half a point"]);
    assert_eq!(texts("NPS +12 and CSAT of 92"), ["NPS +12", "CSAT of 92"]);
    assert_eq!(texts("the score went up to 4.3 in May"), ["score went up to 4.3"]);
    assert_eq!(texts("our rating climbed to 4.6 stars"), ["rating climbed to 4.6 stars"]);
    assert_eq!(texts("the score went up. 4 people left"), ["4 people"], "not across a sentence");
    assert_eq!(texts("conversion rose from 2.1% to 2.6%"), ["from 2.1% to 2.6%"]);
    assert_eq!(
        texts("errors went from 12 percent down to 0.5 percent"),
        ["from 12 percent down to 0.5 percent"]
    );
    assert_eq!(
        texts("handle 30K location updates per second"),
        ["30K location updates per second"]
    );
    assert_eq!(texts("two point three million dollars"), ["two point three million dollars"]);
    assert_eq!(
        texts("acceptance went from one in five to one in three"),
        ["from one in five to one in three"]
    );
    assert_eq!(
        texts("rollbacks went from 1 in 4 releases to 1 in 20"),
        ["from 1 in 4 releases to 1 in 20"]
    );
    assert_eq!(texts("refunds went from 9% of orders to 3%"), ["from 9% of orders to 3%"]);
    assert_eq!(texts("we got it from 190 words to 46 words"), ["from 190 words to 46 words"]);
    assert_eq!(texts("complaints came down by roughly two-thirds"), ["two-thirds"]);
    assert_eq!(
        texts("complaints went from about 60 a week to just over 400 a week"),
        ["from about 60 a week to just over 400 a week"]
    );
    assert_eq!(
        texts("failed scans dropped from 3.1% of all scans to 0.2%"),
        ["from 3.1% of all scans to 0.2%"]
    );
    assert!(texts("in other words, two words").is_empty());
    assert_eq!(texts("failed merges went to basically zero"), ["basically zero"]);
    assert_eq!(texts("the error rate ended the quarter at zero"), ["zero"]);
    assert!(texts("zero of them replied").is_empty());
    assert_eq!(
        texts("churn went from eight percent to five and a half percent"),
        ["from eight percent to five and a half percent"]
    );
    assert_eq!(texts("I'd target a five-point lift"), ["five-point"]);
    assert_eq!(texts("scans failed at three-point one percent."), ["three-point one percent"]);
    assert_eq!(texts("disputes fell by about a third"), ["a third"]);
    assert_eq!(texts("patients filled about half of the slots"), ["half"]);
    assert_eq!(texts("two thirds of users stayed"), ["two thirds"]);
    assert_eq!(texts("Results: returns down a third, refunds up a fifth."), ["a third", "a fifth"]);
    // a rating joined to its number names a kind of review or hotel
    assert!(texts("one-star reviews and the one-stars, at a 5-star hotel").is_empty());
    assert!(texts("At one point we were doing stand-ups twice a day")
        .iter()
        .all(|t| t != "one point"));
    assert_eq!(texts("NPS went up one point"), ["NPS went up one point"]);
    assert_eq!(texts("about a quarter fewer missed pickups"), ["a quarter"]);
    assert_eq!(texts("a two-star jump, a 1-star drop"), ["two-star", "1-star"]);
    let not_shares = found("a third option, within a quarter, the second half of the year");
    assert!(not_shares.iter().all(|(_, kind)| kind != "percent"), "{not_shares:?}");
    assert_eq!(
        texts("payouts went from about a day to under an hour"),
        ["from about a day to under an hour"]
    );
    assert_eq!(
        texts("set-up went from about two days to a few hours"),
        ["from about two days to a few hours"]
    );
    assert!(texts("it took a couple of weeks").is_empty(), "no figure on its own");
    assert_eq!(texts("the rating stayed at 4.6"), ["rating stayed at 4.6"]);
    assert_eq!(
        texts("it went from around forty minutes to about twelve"),
        ["from around forty minutes to about twelve"]
    );
    assert_eq!(texts("the only one in 3 years"), ["3 years"], "a time frame, not a share");
    assert_eq!(
        texts("sign-ups stalled at 5000 a month and went up to 8000 per week"),
        ["5000 a month", "8000 per week"],
        "bare digits measured per unit of time"
    );
}

#[test]
fn numbers_that_are_not_metrics() {
    for s in [
        "In 2019 I joined.",
        "On March 3rd we met at 9 am.",
        "My first week, the second sprint.",
        "We upgraded to version 2.3.1 and iOS 17 users were fine.",
        "Two years ago, at my last job.",
        "One day my manager called; the two teams met three times.",
        "I met with the revenue team three times over a couple of weeks.",
        "1) clarify 2) measure",
        "I have 8 years of experience.",
        "This was about a year ago.",
        "The wrapping one needs the warehouses to support it.",
    ] {
        assert_eq!(texts(s), Vec::<String>::new(), "{s}");
    }
}

#[test]
fn shares_out_of_a_whole_and_changes_after_an_aside() {
    assert_eq!(
        found("medicines confirmed on at least five days out of seven"),
        [("five days out of seven".to_string(), "percent".to_string())]
    );
    assert_eq!(texts("three out of ten users come back"), ["three out of ten"]);
    assert_eq!(
        texts("a target of moving from, say, two hours to three hours"),
        ["from say two hours to three hours"]
    );
    assert_eq!(
        texts("one lakh eighteen thousand farmers claimed seed"),
        ["one lakh eighteen thousand farmers"]
    );
    // a whole smaller than the part is no share
    assert_eq!(texts("ten out of 5 stars"), ["5 stars"]);
    assert_eq!(
        texts("renewals went from six of ten to nine of ten"),
        ["from six of ten to nine of ten"]
    );
    assert!(texts("we met on March 12 of 2023").iter().all(|t| !t.contains("of")));
}

#[test]
fn school_calendars_are_durations() {
    assert_eq!(
        found("I'd target ninety percent within two semesters"),
        [
            ("ninety percent".to_string(), "percent".to_string()),
            ("two semesters".to_string(), "duration".to_string())
        ]
    );
}
