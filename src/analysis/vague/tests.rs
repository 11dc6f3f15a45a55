//! Tests of vague-claim detection.

use super::*;
use crate::analysis::{analyze, Context};
use crate::round::Kind;
use crate::transcript::Transcript;

fn texts(text: &str) -> Vec<String> {
    texts_in(Kind::Behavioral, text)
}

fn texts_in(kind: Kind, text: &str) -> Vec<String> {
    let ctx = Context::for_kind(kind);
    let report = analyze(&Transcript::from_text(text), &ctx, &Lexicon::builtin());
    report.vague.into_iter().map(|v| v.text).collect()
}

/// Claims found by their shape or said as idioms.
mod own_words;

#[test]
fn guide_examples_are_flagged() {
    assert_eq!(
        texts("I improved team morale and helped launch a product."),
        ["improved team morale", "helped launch"]
    );
    assert_eq!(texts("We did a project. I worked hard."), ["We did a project", "I worked hard"]);
}

#[test]
fn a_number_nearby_makes_it_specific() {
    assert!(texts("It significantly improved conversion, by 12%.").is_empty());
    assert_eq!(
        texts("It significantly improved conversion. We were at 12% before."),
        ["significantly improved"]
    );
    assert_eq!(texts("a lot of tickets"), ["a lot of"]);
    assert_eq!(
        texts("The program has 2.4 million members, so that was a lot of work."),
        ["a lot of"]
    );
    assert!(texts("It removed a lot of calls, about 30% of them.").is_empty());
    assert_eq!(
        texts("I mentored two junior product managers and helped them grow."),
        ["helped them grow"]
    );
}

#[test]
fn claims_without_evidence_are_vague_unless_negated() {
    assert_eq!(texts("In the end the launch went well."), ["went well"]);
    assert!(texts("Not everything went well.").is_empty());
    assert!(texts("The launch went well: sign-ups rose 12%.").is_empty());
    assert_eq!(
        texts("It really moved the needle and listening time would go up a lot."),
        ["moved the needle", "go up a lot"]
    );
}

#[test]
fn hedged_praise_promised_gains_and_unsized_markets_are_vague() {
    assert_eq!(
        texts("I think it probably helped? The feedback from sales was generally pretty positive."),
        ["it probably helped", "was generally pretty positive"]
    );
    assert_eq!(
        texts("It's a huge market. This would really help reduce damaged deliveries."),
        ["a huge market", "would really help reduce"]
    );
    assert_eq!(
        texts("We'd use DynamoDB because it scales really well. It would get better over time."),
        ["scales really well", "would get better over time"]
    );
    assert!(texts("It's a huge market: about 40 million campers a year.").is_empty());
    assert!(texts("On the opening night of a very big superhero film, bookings broke.").is_empty());
    assert_eq!(texts("The UK fitness industry is pretty big."), ["pretty big"]);
    assert_eq!(
        texts("We had heaps of stock, the brewer was stoked, and it made a massive difference."),
        ["heaps of", "was stoked", "made a massive difference"]
    );
    assert_eq!(texts("DynamoDB, because it's highly available."), ["highly available"]);
    assert!(texts("The write path has to be highly available.").is_empty());
    assert_eq!(
        texts("The feedback from riders was quite good. I think the staff were generally pretty relieved."),
        ["was quite good", "were generally pretty relieved"]
    );
    assert_eq!(
        texts("I'd expect these numbers to be pretty good. It'd be really popular."),
        ["to be pretty good", "be really popular"]
    );
}

#[test]
fn claims_in_other_words_are_vague() {
    let text = "I played a key role in the redesign and put in long hours. Engagement went \
                up, the feedback was really positive and the sales team was really pleased. \
                It is much easier to use, and customers would love it.";
    assert_eq!(
        texts(text),
        [
            "played a key role in",
            "put in long hours",
            "Engagement went up",
            "the feedback was really positive",
            "the sales team was really pleased",
            "much easier",
            "customers would love it"
        ]
    );
    assert!(texts("Engagement went up 14% and the team was happy with a 4.6 rating.").is_empty());
}

#[test]
fn more_with_no_measure_is_vague() {
    assert_eq!(
        texts("I pushed for better definitions and people trusted the numbers more afterwards."),
        ["trusted the numbers more"]
    );
    assert_eq!(texts("After the redesign, customers used it more."), ["used it more"]);
    for fine in [
        "I think people would use it more.",
        "All of these would help people watch more.",
        "We served ten times more.",
        "Weekly users grew 40% more.",
        "I tried once more.",
        "I wanted to learn more.",
        "We need more.",
    ] {
        assert!(texts(fine).is_empty(), "{fine}");
    }
}

#[test]
fn uptake_said_with_a_quantity_word_is_vague() {
    assert_eq!(
        texts("After that, most of the inspectors were using it."),
        ["most of the inspectors were using"]
    );
    assert_eq!(
        texts("The majority of stores adopted the new flow."),
        ["The majority of stores adopted"]
    );
    assert!(texts("Most of the 40 inspectors were using it by week six.").is_empty());
    assert!(texts("Most of the errors came from two zones.").is_empty());
}

#[test]
fn praise_and_liking_from_others_are_vague_and_the_speakers_own_are_not() {
    assert_eq!(
        texts("The director was happy. Leadership really liked it, and kids would love it."),
        ["was happy", "really liked it", "kids would love it"]
    );
    assert_eq!(texts("Customers love it."), ["love it"]);
    for fine in [
        "I was happy to help.",
        "We were thrilled to get the budget.",
        "I really liked it.",
        "I would love to lead it.",
        "I love it when a plan comes together.",
        "I'd love it if we tried.",
    ] {
        assert!(texts(fine).is_empty(), "{fine}");
    }
}

#[test]
fn degrees_superlatives_and_hedged_liking_with_no_figure_are_vague() {
    assert_eq!(
        texts("We simplified it a lot, and it probably helped a bit with retention."),
        ["simplified it a lot", "it probably helped a bit"]
    );
    assert_eq!(
        texts("It was one of the smoothest launches she'd seen. Parents seemed happier."),
        ["one of the smoothest", "seemed happier"]
    );
    assert_eq!(
        texts("The new hires seemed to like it, and the crash rate went way down."),
        ["seemed to like it", "went way down"]
    );
    assert_eq!(texts("Revenue would go up significantly."), ["go up significantly"]);
    assert_eq!(texts("This would scale really well."), ["would scale really well"]);
    for fine in [
        "Fake reviews are a really big problem.",
        "If a bunch of accounts review the same products, that's suspicious.",
    ] {
        assert!(texts(fine).is_empty(), "{fine}");
    }
}

#[test]
fn buzzwords_worth_and_promised_praise_are_vague() {
    assert_eq!(
        texts("It would really drive engagement, and it's a big differentiator."),
        ["really drive engagement", "a big differentiator"]
    );
    assert_eq!(
        texts("We were customer-centric, churn came down meaningfully and it went viral."),
        ["customer-centric", "churn came down meaningfully", "went viral"]
    );
    assert_eq!(texts("Drivers would be really happy."), ["would be really happy"]);
    assert_eq!(
        texts("We ran some experiments, and the email had a line which members loved."),
        ["some experiments", "which members loved"]
    );
    assert_eq!(
        texts("The feedback from HR leadership was really positive. Buyers would really like it."),
        ["was really positive", "would really like"]
    );
    assert_eq!(texts("It was a learning experience."), ["a learning experience"]);
    for fine in [
        "We know how many people joined the line.",
        "I think the big opportunity here is an AI gift finder.",
        "I would be happy to walk through it.",
        "We ran some experiments: 3 of them, over six weeks.",
        "I would really like to see the data.",
    ] {
        assert!(texts(fine).is_empty(), "{fine}");
    }
}

#[test]
fn overlapping_phrases_are_one_claim() {
    assert_eq!(
        texts("The numbers improved significantly and leadership was impressed."),
        ["The numbers improved significantly", "leadership was impressed"]
    );
}

#[test]
fn improvements_without_a_figure_are_vague() {
    assert_eq!(
        texts("We substantially reduced churn, and it improved collaboration."),
        ["substantially reduced", "improved collaboration"]
    );
    assert_eq!(texts("Tickets fell sharply after the launch."), ["Tickets fell sharply"]);
    assert!(texts("Churn fell sharply, from 6% to 4%.").is_empty());
}

#[test]
fn qualities_without_a_figure_are_vague() {
    assert_eq!(
        texts("It would be really fast and super reliable."),
        ["really fast", "super reliable"]
    );
    assert!(texts("It is really fast: p99 under 200 ms.").is_empty());
}

#[test]
fn figures_in_words_and_counts_after_the_phrase_make_it_specific() {
    assert!(texts("I rewrote the page, and sign-ups went up by about a third.").is_empty());
    assert!(texts("I interviewed a lot of them, 23 drivers in two depots.").is_empty());
    assert_eq!(texts("I mentored two analysts and helped them grow."), ["helped them grow"]);
}

#[test]
fn betterment_quoted_praise_and_named_technology_are_vague() {
    assert_eq!(texts("Honestly, the new portal made things better."), ["made things better"]);
    assert_eq!(texts("Our CFO called it the best rollout of the year."), ["called it the best"]);
    assert_eq!(texts("If the numbers look fine, it's a success."), ["it's a success"]);
    assert_eq!(texts("We'd leverage AI to match the requests."), ["leverage AI"]);
    assert!(texts("It made checkout faster: from 9 taps to 4.").is_empty());
}

#[test]
fn kpis_kept_without_targets_time_saved_and_paired_qualities_are_vague() {
    assert_eq!(texts("Users seemed to like it a lot better."), ["seemed to like it a lot better"]);
    assert_eq!(
        texts("The dean told me it was the smoothest term she'd seen."),
        ["told me it was the smoothest"]
    );
    assert_eq!(texts("It probably saved people some time."), ["saved people some time"]);
    assert_eq!(
        texts("I'd watch retention and make sure customers are happy."),
        ["make sure customers are happy"]
    );
    assert_eq!(texts("As long as the numbers are going up."), ["the numbers are going up"]);
    assert_eq!(texts("It has to be scalable and robust."), ["scalable and robust"]);
    assert!(texts("It saves them 20 minutes a week, so it saves time.").is_empty());
}

#[test]
fn a_quantity_sized_in_the_next_sentence_is_specific() {
    assert!(texts("Lots of people open it at once. About a third of 3,000 staff.").is_empty());
    assert_eq!(texts("The board was thrilled. Two things I learned."), ["was thrilled"]);
    assert_eq!(texts("We had a lot of bugs. Then I left."), ["a lot of"]);
}

#[test]
fn unsized_reach_popularity_and_hand_waved_checks_are_vague() {
    // "simplified a lot" is ruled out before "of"; the "a lot of" it overlaps is not
    assert_eq!(texts("It simplified a lot of the checks."), ["a lot of"]);
    assert_eq!(texts("Players were complaining a lot about it."), ["complaining a lot"]);
    assert_eq!(texts("The community was a lot more positive."), ["was a lot more positive"]);
    assert_eq!(texts("So it's quite popular there."), ["quite popular"]);
    assert_eq!(texts("Chat has to work for huge audiences."), ["huge audiences"]);
    assert_eq!(texts("With a good model that should be fine."), ["should be fine"]);
    assert_eq!(texts("We had some discussions with her team."), ["some discussions"]);
    assert_eq!(texts("Overall it went down slightly."), ["went down slightly"]);
    assert!(texts("Returns went down slightly, from 4.1% to 3.9%.").is_empty());
    // a change going on, alone, and one that goes on with a change already measured
    assert_eq!(texts("After the update, bookings were increasing."), ["were increasing"]);
    assert!(texts("Refunds fell by about a third, and kept falling.").is_empty());
}

#[test]
fn unsized_differences_frequencies_simplicity_and_mentions_are_vague() {
    assert_eq!(texts("The lines at the terminal were a lot shorter."), ["a lot shorter"]);
    assert_eq!(texts("A cache in front makes it even faster."), ["even faster"]);
    assert_eq!(texts("I think printer tickets went down."), ["tickets went down"]);
    assert_eq!(texts("The CEO mentioned it in the annual report."), ["mentioned it in the"]);
    assert_eq!(texts("It's for basically anyone who commutes."), ["basically anyone"]);
    assert_eq!(texts("Competitors do that. That happens a lot."), ["happens a lot"]);
    assert_eq!(
        texts("So it's a pretty straightforward system."),
        ["pretty straightforward system"]
    );
    assert_eq!(texts("If it's a bug it should be an easy fix."), ["should be an easy fix"]);
    assert_eq!(texts("We'd make sure it's secure."), ["make sure it's secure"]);
    assert_eq!(texts("And make sure performance is solid."), ["make sure performance is solid"]);
    assert_eq!(texts("It could be a big revenue driver."), ["a big revenue driver"]);
    assert_eq!(texts("We did some user research first."), ["some user research"]);
    assert_eq!(texts("The app got great reviews."), ["got great reviews"]);
    assert_eq!(texts("There are millions of Kindle users."), ["millions of"]);
    assert!(texts("There are tens of millions of readers.").is_empty());
    assert_eq!(texts("Customers really like the convenience."), ["Customers really like"]);
    assert_eq!(texts("I helped coordinate the installers."), ["helped coordinate"]);
    assert_eq!(texts("We got fewer complaints at the desk."), ["fewer complaints"]);
    assert_eq!(texts("Classes were fuller after that."), ["were fuller"]);
    assert_eq!(texts("It was quite a big effort."), ["quite a big effort"]);
    assert_eq!(
        texts("The customers definitely noticed the difference."),
        ["noticed the difference"]
    );
    assert_eq!(texts("Phone orders went down."), ["Phone orders went down"]);
    assert_eq!(texts("It would be way more convenient."), ["way more convenient"]);
    assert_eq!(texts("Call the depot, or whoever."), ["or whoever"]);
    assert!(texts("Deliveries were faster than the old route by two days.").is_empty());
    for fine in [
        "I mentioned it in the standup.",
        "Why revenue dropped is the question.",
        "I argued for something much smaller: a cost estimator.",
        "So the idea was pretty simple. We cut the approval chain.",
        "The lines went from 40 minutes to a lot shorter, about 12.",
    ] {
        assert!(texts(fine).is_empty(), "{fine}");
    }
}

#[test]
fn idioms_amounts_and_sizes_said_instead_of_figures() {
    assert_eq!(texts("Engagement would be through the roof."), ["through the roof"]);
    assert_eq!(texts("Honestly, it's a no-brainer."), ["no-brainer"]);
    assert_eq!(texts("So it's a win-win for both sides."), ["win-win"]);
    assert_eq!(texts("Gardeners would be all over that."), ["be all over that"]);
    assert_eq!(texts("It's a big time saver for HR."), ["time saver"]);
    assert_eq!(texts("It could make Amazon the go to place for it."), ["the go to place"]);
    assert_eq!(texts("We saved a significant amount of money."), ["a significant amount of"]);
    assert_eq!(texts("I don't remember it, but it was a big number."), ["a big number"]);
    assert_eq!(texts("I think it's a pretty big industry."), ["a pretty big industry"]);
    assert_eq!(texts("The scale was considerable."), ["The scale was considerable"]);
    assert_eq!(texts("They considered it a major success."), ["major success"]);
    assert_eq!(texts("Bookings were way up that season."), ["were way up"]);
    assert_eq!(texts("Sailors loved being able to plan ahead."), ["loved being able to"]);
    assert_eq!(texts("There was some pushback from the brand team."), ["some pushback"]);
    assert_eq!(texts("It came up constantly in the feedback."), ["came up constantly"]);
    assert_eq!(texts("I worked closely with the agencies."), ["worked closely with"]);
    for fine in [
        "We saved a significant amount of money: $240,000 a year.",
        "The scale was considerable: 420 schools and 11,000 products.",
    ] {
        assert!(texts(fine).is_empty(), "{fine}");
    }
}

#[test]
fn lists_left_open_and_reasons_with_no_measure() {
    assert_eq!(
        texts("Matches not starting, prizes not showing up, that kind of thing."),
        ["that kind of thing"]
    );
    assert_eq!(texts("Merchandise too, jerseys and things."), ["and things"]);
    assert_eq!(
        texts("It picks the hazard, dog, ice, broken steps, whatever, and adds a photo."),
        ["whatever"]
    );
    assert_eq!(texts("I'd build it first because it's the coolest."), ["because it's the coolest"]);
    assert_eq!(texts("Sorting out the pricing took a while."), ["took a while"]);
    assert_eq!(texts("I also supported the testing phase."), ["I also supported"]);
    for fine in [
        "I joined a print shop, business cards, banners, that sort of thing, as the second PM.",
        "Whatever the reviewer decides is fed back to the model.",
        "Drivers take whatever is on the stack.",
    ] {
        assert!(texts(fine).is_empty(), "{fine}");
    }
}
