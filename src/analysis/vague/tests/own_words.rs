//! Tests of vague claims said in the candidate's own words: found by their shape, or
//! as idioms.

use super::{texts, texts_in};
use crate::round::Kind;

#[test]
fn praise_in_the_candidates_own_words_is_found_by_its_shape() {
    // made stronger, said of the thing
    assert_eq!(texts("The rollout went incredibly well."), ["incredibly well"]);
    assert_eq!(texts("The pilot landed remarkably well with the stores."), ["remarkably well"]);
    assert_eq!(texts("The store managers were super receptive."), ["super receptive"]);
    assert_eq!(texts("The new intake form is really easy to use."), ["really easy"]);
    // strong enough on its own after a copula
    assert_eq!(texts("Honestly, the response was phenomenal."), ["was phenomenal"]);
    assert_eq!(texts("The regional leads were ecstatic."), ["were ecstatic"]);
    assert_eq!(texts("Honestly, the audience is just enormous."), ["is just enormous"]);
    assert_eq!(texts("For the UX, super clean."), ["super clean"]);
    // feelings of others, made stronger or compared with nothing said
    assert_eq!(texts("Customers seemed fairly understanding overall."), ["fairly understanding"]);
    assert_eq!(texts("After that the customer was more calm."), ["was more calm"]);
    assert_eq!(texts("I was more relaxed after that."), Vec::<String>::new());
    // a difference said to be large, whatever it is of
    assert_eq!(texts("Customers started coming back way more often."), ["way more often"]);
    // what the work brought, judged and not counted
    assert_eq!(texts("After the change we saw a decent bump in renewals."), ["saw a decent bump"]);
    assert_eq!(
        texts("The pilot delivered substantial efficiencies."),
        ["delivered substantial efficiencies"]
    );
}

#[test]
fn a_judgement_that_describes_is_conditional_or_is_measured_is_not_praise() {
    // a noun after it: the judgement describes, it does not claim
    assert!(texts("We had a really strong data team. She is very good at SQL.").is_empty());
    // the speaker's own feeling tells the story
    assert!(texts("I was really excited about the project.").is_empty());
    assert!(texts("I was really keen to help.").is_empty());
    // a condition claims nothing yet
    assert!(texts("Revenue will catch up once people are hooked.").is_empty());
    // the trouble the story starts from
    assert!(texts("In March we got a big complaint from the largest client.").is_empty());
    // what one knows
    assert!(texts("From the claims data we got a pretty good idea of the mix.").is_empty());
    // compared with what it names
    assert!(texts("We needed way more people than we had.").is_empty());
    // measured
    assert!(texts("It landed really well: repeat orders rose from 18% to 24%.").is_empty());
    assert!(texts("We saw a decent bump in renewals, from 61% to 66%.").is_empty());
}

#[test]
fn a_change_with_a_degree_and_no_figure_is_found_by_its_shape() {
    assert_eq!(texts("After the redesign, ratings climbed noticeably."), ["climbed noticeably"]);
    assert_eq!(texts("Refund requests steadily dropped."), ["steadily dropped"]);
    assert_eq!(texts("Walk-in sales dipped a bit that winter."), ["dipped a bit"]);
    // two words alone at the end of the clause claim it too
    assert_eq!(texts("After the launch, referrals picked up."), ["picked up"]);
    // any adverb of degree makes a judgement stronger
    assert_eq!(texts("The new checkout was absurdly fast."), ["absurdly fast"]);
}

#[test]
fn a_change_that_is_measured_explained_or_timed_is_not_vague() {
    assert!(texts("Ratings climbed noticeably, from 3.9 to 4.4 stars.").is_empty());
    assert!(texts("The average falls if viewers went up.").is_empty());
    assert!(texts("The queue dropped immediately after the fix.").is_empty());
    assert!(texts("Three promised tools had slipped, and the people grew.").is_empty());
    // "you know" said on the way does not hide the "not"
    assert!(texts("It wasn't, you know, statistically perfect.").is_empty());
}

#[test]
fn general_extenders_close_a_list_and_near_universals_are_vague() {
    assert_eq!(texts("We sold frames, lenses, and what have you."), ["and what have you"]);
    assert_eq!(texts("Cables, adapters, you name it."), ["you name it"]);
    assert_eq!(texts("They're pretty much everywhere now."), ["pretty much everywhere"]);
    // the rest of a group just counted
    assert!(texts("85% had no record, and so did pretty much everybody else.").is_empty());
}

#[test]
fn a_surge_carries_its_own_degree() {
    assert_eq!(
        texts("I fixed the booking page. Bookings just exploded that weekend."),
        ["exploded"]
    );
    assert_eq!(texts("Knitting has really taken off on TikTok."), ["taken off"]);
    // the setting, a condition, one's own doing, a figure, or nothing changed
    assert!(texts("Every November the support queue exploded.").is_empty());
    assert!(texts("If it takes off we would add a second warehouse.").is_empty());
    assert!(texts("Sign-ups exploded, from 200 a week to 700.").is_empty());
    assert!(texts("It never took off.").is_empty());
    // the degree said inside a phrasal verb
    assert_eq!(texts("I built the map. Storm calls came way down."), ["came way down"]);
    // growth with only one way to go, or going on with its degree
    assert_eq!(texts("Helmets are a category that is only going up."), ["only going up"]);
    assert_eq!(texts("The hobby is growing enormously."), ["growing enormously"]);
    assert_eq!(texts("Audiences went up a good bit after the change."), ["went up a good bit"]);
    assert!(texts("Kayaks are the only growing segment, at 12% a year.").is_empty());
    // a focus adverb is not a degree
    assert!(texts("Demand is growing especially in the north.").is_empty());
}

#[test]
fn delight_in_an_idiom_and_a_system_beyond_failure_are_vague() {
    assert_eq!(texts("Contractors would go nuts for it."), ["go nuts for"]);
    assert_eq!(texts("The growers were singing our praises."), ["singing our praises"]);
    let found = |said: &str| texts_in(Kind::SystemDesign, said);
    assert_eq!(
        found("It never goes down and it scales infinitely."),
        ["never goes down", "scales infinitely"]
    );
    // a requirement with its figure is a design, not a boast
    let target = found("Reads are effectively instant, under five milliseconds per operation.");
    assert!(target.is_empty(), "{target:?}");
}

#[test]
fn a_system_said_beyond_limits_in_own_words_is_vague() {
    let found = |said: &str| texts_in(Kind::SystemDesign, said);
    assert_eq!(
        found("The queue will absorb pretty much any burst."),
        ["absorb pretty much any burst"]
    );
    assert_eq!(
        found("The cluster copes with whatever comes at it."),
        ["copes with whatever comes"]
    );
    assert_eq!(found("Payments are never dropped, thanks to the queue."), ["never dropped"]);
    assert_eq!(found("No booking will ever be lost."), ["No booking will ever be lost"]);
    assert_eq!(found("With the queue we'll never drop an order."), ["never drop"]);
    assert_eq!(found("Search results stay instant."), ["stay instant"]);
    assert_eq!(found("The map updates with zero delay."), ["zero delay"]);
    // a requirement, a mechanism with its figure, a story's past: not claims
    assert!(found("A payment must never be lost, even in a zone outage.").is_empty());
    assert!(found("It can handle any spike up to 40,000 requests a second.").is_empty());
    assert!(found("We never lost an order during the migration.").is_empty());
    assert!(found("We handle any errors with a retry queue.").is_empty());
    assert!(found("Every read is instant, under 4 ms at p99.").is_empty());
}

#[test]
fn changes_promised_or_going_on_and_rises_judged_are_vague() {
    assert_eq!(texts("Repeat orders are trending nicely."), ["trending nicely"]);
    assert_eq!(texts("The hit rate keeps climbing by itself."), ["keeps climbing"]);
    assert_eq!(texts("Usage would grow dramatically after launch."), ["grow dramatically"]);
    assert_eq!(texts("Chargebacks would drop off noticeably."), ["drop off noticeably"]);
    assert_eq!(texts("I'd hope for a healthy uptick in reorders."), ["healthy uptick"]);
    assert_eq!(texts("We'd monitor the usual suspects."), ["the usual suspects"]);
    // with an object, in a condition, or with a figure: not a claim
    assert!(texts("We kept growing the waitlist.").is_empty());
    assert!(texts("If there's a big spike, we add workers.").is_empty());
    assert!(texts("Usage would grow dramatically, from 2% to 9% of orders.").is_empty());
}

#[test]
fn amounts_said_as_heaps_and_trends_said_of_everyone_are_vague() {
    assert_eq!(texts("We sold a big heap of them."), ["a big heap of"]);
    assert_eq!(texts("A whole flood of new sellers joined."), ["A whole flood of"]);
    assert_eq!(
        texts("Everybody's baking bread since the lockdown."),
        ["Everybody's baking bread since the lockdown"]
    );
    assert_eq!(texts("Honestly, everyone I know uses one."), ["everyone I know"]);
    // few said as few, a scenario, a group drawn, a fact with no trend: not claims
    assert!(texts("They manage a small number of their own accounts.").is_empty());
    assert!(texts("If a promotion brought in a wave of new users, activation drops.").is_empty());
    assert!(texts("Everyone who tried got a refund.").is_empty());
    assert!(texts("Not everyone has a garden.").is_empty());
}

#[test]
fn changes_said_as_states_and_concerns_waved_away_are_vague() {
    assert_eq!(texts("Bookings were down versus last summer."), ["were down"]);
    assert_eq!(texts("The response was frankly enormous."), ["was frankly enormous"]);
    assert_eq!(texts("Scaling is a non-issue with this setup."), ["a non-issue"]);
    assert_eq!(texts("We'd see a hefty uplift in reorders."), ["hefty uplift"]);
    assert_eq!(
        texts("The difference was night and day, and everyone wins."),
        ["night and day", "everyone wins"]
    );
    // an outage, the speaker, a figure: not claims
    assert!(texts("The checkout was down for two hours.").is_empty());
    assert!(texts("We were up early.").is_empty());
    assert!(texts("Scaling isn't a problem: 2,000 writes a second fit one shard.").is_empty());
}

#[test]
fn parts_thanks_sprinkles_and_times_with_no_amount_are_vague() {
    assert_eq!(texts("I was kind of in the mix on pricing."), ["in the mix on"]);
    assert_eq!(texts("I pitched in with the testing."), ["pitched in"]);
    assert_eq!(
        texts("The director sent a really nice email to say thanks."),
        ["a really nice email to say thanks"]
    );
    assert_eq!(
        texts_in(Kind::SystemDesign, "Then maybe some machine learning on top."),
        ["maybe some machine learning"]
    );
    assert_eq!(
        texts_in(Kind::SystemDesign, "The cache refreshes every so often."),
        ["every so often"]
    );
    assert_eq!(texts("Honestly, the product basically sold itself."), ["basically sold itself"]);
    // said with a figure, or of something else: not claims
    assert!(texts("The COO sent a lovely note: returns fell 12%.").is_empty());
    assert!(texts_in(Kind::Product, "Is this for items Amazon sells itself?").is_empty());
    assert!(texts("I sat in on 14 support calls.").is_empty());
}

#[test]
fn claims_declined_and_makeshifts_are_not_vague() {
    assert!(texts("I'm also not assuming the March promotion went well.").is_empty());
    assert!(texts_in(Kind::Product, "I won't pretend every grandparent would love it.").is_empty());
    assert!(texts("I watched them: many were using a son's phone.").is_empty());
    assert_eq!(texts("By June many were using it."), ["many were using"]);
    // a negative elsewhere in the sentence declines nothing
    assert_eq!(texts("It wasn't cheap, but it went well."), ["went well"]);
}

#[test]
fn falls_off_a_cliff_and_quietening_down_are_changes() {
    assert_eq!(texts("Freeze requests dropped off a cliff."), ["dropped off a cliff"]);
    assert_eq!(
        texts("The box office phones quietened down noticeably."),
        ["quietened down noticeably"]
    );
    assert!(texts("Tickets dropped off a cliff, from 400 a week to 30.").is_empty());
}

#[test]
fn delight_promised_in_other_words_is_vague() {
    assert_eq!(
        texts_in(Kind::Product, "Owners will adore this, and they'd feel very cared for."),
        ["will adore", "they'd feel very cared for"]
    );
    assert!(texts_in(Kind::Product, "I would love to ask who the users are.").is_empty());
}

#[test]
fn a_sudden_change_is_not_a_degree() {
    assert!(texts_in(Kind::Analytical, "Payments dropped suddenly from Tuesday.").is_empty());
    assert_eq!(texts("Payments dropped sharply after that."), ["dropped sharply"]);
}

#[test]
fn a_reception_said_as_going_down_well_is_one_claim() {
    assert_eq!(texts("And it went down really well."), ["went down really well"]);
}

#[test]
fn a_state_said_to_beat_the_past_with_no_figure_is_vague() {
    assert_eq!(
        texts("The community would be way more engaged than before."),
        ["way more engaged than before"]
    );
    assert_eq!(
        texts("It was miles better than the old system."),
        ["miles better than the old system"]
    );
    // measured in the same sentence, or a condition
    assert!(
        texts("Complaints came down to about 50 a week, so a bit lower than before.").is_empty()
    );
    assert!(texts("If it's faster than before, we keep it.").is_empty());
}

#[test]
fn effort_thanks_promises_and_sprinkles_in_other_words() {
    assert_eq!(texts("Honestly it was all hands on deck."), ["all hands on deck"]);
    assert_eq!(texts("We worked through it as a group."), ["worked through it as a group"]);
    assert_eq!(
        texts("He sent a note, which meant a lot to everybody."),
        ["meant a lot to everybody"]
    );
    assert_eq!(texts("I'm confident we'd turn it around."), ["we'd turn it around"]);
    let push = "Probably some marketing push, better promos.";
    assert_eq!(texts_in(Kind::Analytical, push), ["some marketing push"]);
    let nosql = "I'd go NoSQL, since it scales better than SQL.";
    assert_eq!(texts_in(Kind::SystemDesign, nosql), ["scales better"]);
    // turned around with a figure is measured
    assert!(texts("We turned it around in three weeks: churn fell from 9% to 4%.").is_empty());
}

#[test]
fn hand_waves_of_a_weak_design_or_plan() {
    let s = Kind::SystemDesign;
    assert_eq!(texts_in(s, "The cloud gives you infinite capacity."), ["infinite capacity"]);
    assert_eq!(texts_in(s, "Caching would make it blazing fast."), ["blazing fast"]);
    assert_eq!(texts_in(s, "The database would take care of that."), ["would take care of that"]);
    let a = Kind::Analytical;
    assert_eq!(texts_in(a, "It's probably a mix of things, right."), ["a mix of things"]);
    assert_eq!(texts_in(a, "Usually there's some low-hanging fruit there."), ["low-hanging fruit"]);
    assert_eq!(texts_in(a, "A tracking link would go a long way."), ["would go a long way"]);
    let p = Kind::Product;
    assert_eq!(
        texts_in(p, "Trade customers are massively underserved."),
        ["massively underserved"]
    );
    assert_eq!(texts("In the end everyone got on board."), ["everyone got on board"]);
}

#[test]
fn a_change_asked_about_is_no_claim() {
    let a = Kind::Analytical;
    assert!(texts_in(a, "Price: did fuel surcharges go up? I'd check.").is_empty());
    assert_eq!(texts_in(a, "Fuel surcharges went up."), ["went up"]);
}
