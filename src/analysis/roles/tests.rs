//! Tests of metric roles.

use crate::analysis::{analyze, Context, Lexicon};
use crate::round::Kind;
use crate::transcript::Transcript;

fn roles(kind: Kind, text: &str) -> Vec<(String, String)> {
    let lex = Lexicon::builtin();
    let r = analyze(&Transcript::from_text(text), &Context::for_kind(kind), &lex);
    r.metrics.into_iter().map(|m| (m.text, m.role)).collect()
}

fn role_of(kind: Kind, text: &str, metric: &str) -> String {
    roles(kind, text)
        .into_iter()
        .find(|(t, _)| t.contains(metric))
        .unwrap_or_else(|| panic!("{metric} not found in {text}"))
        .1
}

/// Roles in case rounds.
mod case;

#[test]
fn setup_counts_are_not_results() {
    let text = "I was leading two engineers and a designer across three markets for six weeks. \
                We ran two A/B tests and offered three reward levels.";
    for (m, role) in roles(Kind::Behavioral, text) {
        assert_ne!(role, "result", "{m}");
    }
    assert_eq!(role_of(Kind::Behavioral, text, "two engineers"), "scope");
    assert_eq!(role_of(Kind::Behavioral, text, "six weeks"), "time");
}

#[test]
fn changes_and_outcomes_are_results() {
    let b = Kind::Behavioral;
    assert_eq!(role_of(b, "I shipped it. Conversion rose 12%.", "12%"), "result");
    assert_eq!(role_of(b, "I rewrote it. Errors went from 40% to zero.", "40%"), "result");
    let after = "I added a circuit breaker. In the next two quarters we had zero checkout outages.";
    assert_eq!(role_of(b, after, "zero checkout outages"), "result");
    let before = "Our team had zero automated tests, so I wrote the first suite.";
    assert_eq!(role_of(b, before, "zero automated tests"), "baseline");
    assert_eq!(role_of(b, "I automated it and saved $3.2M a year.", "$3.2M"), "result");
    let faster = "I proposed a self-serve flow. The pilot approved loans in ten minutes \
                  instead of two weeks, and the program now serves 30,000 businesses a year.";
    assert_eq!(role_of(b, faster, "ten minutes"), "result");
    assert_eq!(role_of(b, faster, "two weeks"), "baseline");
    let rate =
        "Sign-ups had stalled at 5000 a month. I added a reward. They went up to 8000 a month.";
    assert_eq!(role_of(b, rate, "5000 a month"), "baseline");
    assert_eq!(role_of(b, rate, "8000 a month"), "result");
    assert_eq!(
        role_of(b, "I ran the launch. We signed up 310,000 members, 25% above target.", "310,000"),
        "result"
    );
    assert_eq!(
        role_of(b, "I ran the launch. We signed up 310,000 members, 25% above target.", "25%"),
        "result"
    );
    assert_eq!(role_of(b, "I cut the scope and shipped in three weeks.", "three weeks"), "result");
    // "did it": the outcome just said, done in that time; not work done over a time
    let did = "I rebuilt the queue. The wait fell to eleven days, and we did it in one sprint.";
    assert_eq!(role_of(b, did, "one sprint"), "result");
    assert_eq!(
        role_of(b, "I rebuilt the queue. We did the interviews in two weeks.", "two weeks"),
        "time"
    );
    // the new figure against an old one said bare; the money the outcome cost
    let paid = "I built the batch payments. Farmers got paid in two days instead of eleven.";
    assert_eq!(role_of(b, paid, "two days"), "result");
    let fees = "I changed the fee rules. We lost around 40,000 euros in change fees, but the \
                extra cars brought 210,000 euros.";
    assert_eq!(role_of(b, fees, "40,000 euros"), "result");
    let failed = "I launched price matching. Within two weeks we had lost $90,000.";
    assert_eq!(role_of(b, failed, "$90,000"), "baseline");
}

#[test]
fn the_problem_before_the_action_is_a_baseline() {
    let text = "Our weekly users fell twelve percent in a month. I split the drop by platform.";
    assert_eq!(role_of(Kind::Behavioral, text, "twelve percent"), "baseline");
    let text = "I read 200 tickets and found that 70% of refunds were under $25.";
    assert_eq!(role_of(Kind::Behavioral, text, "70%"), "baseline");
    assert_eq!(role_of(Kind::Behavioral, text, "200 tickets"), "scope");
}

#[test]
fn what_a_change_is_measured_on_is_not_a_result() {
    let b = Kind::Behavioral;
    for text in [
        "I wrote a synonym backfill. Zero result searches fell from 18% to 4%.",
        "I added retries. Two payment errors a day dropped to one a week.",
    ] {
        let roles = roles(b, text);
        let results: Vec<&str> =
            roles.iter().filter(|(_, r)| r == "result").map(|(m, _)| m.as_str()).collect();
        assert_eq!(results.len(), 1, "{text}: {roles:?}");
        assert!(results[0].contains('%') || results[0].contains("one a week"), "{roles:?}");
    }
    let text = "I rewrote the ranking. 40 queries improved.";
    assert_eq!(role_of(b, text, "40 queries"), "result");
    let cause = "When I joined, the managers had stopped reading our roadmap because \
                 three promised tools had slipped.";
    assert_ne!(role_of(b, cause, "three promised tools"), "result");
}

#[test]
fn levels_kept_or_restored_are_results_and_comparisons_are_not() {
    let b = Kind::Behavioral;
    let text = "I relaunched it with a holdout. The abuse rate held at 0.4%, opt-outs \
                were back at 2%, and it shaved forty minutes off each morning, which was \
                worth $1M a year.";
    for m in ["0.4%", "2%", "forty minutes", "$1M"] {
        assert_eq!(role_of(b, text, m), "result", "{m}");
    }
    let text = "I read the cancellation reasons. Customers who got the same meal were \
                twice as likely to cancel.";
    assert_ne!(role_of(b, text, "twice"), "result");
    let text = "I held weekly calls with nine regional directors.";
    assert_eq!(role_of(b, text, "nine regional directors"), "scope");
}

#[test]
fn outcomes_said_without_a_change_word_are_results() {
    let b = Kind::Behavioral;
    let text = "I rolled back the firmware in two zones, and after we rolled back the rest \
                it was at 0.35% going into peak. The event made $540,000, so about 10% \
                under the original forecast, but refunds were a third of the prior year's \
                and the rating stayed at 4.6.";
    for m in ["0.35%", "$540,000", "10%", "a third", "rating stayed at 4.6"] {
        assert_eq!(role_of(b, text, m), "result", "{m}");
    }
    let text = "I skipped a margin check, and we matched prices on 1,200 items below cost.";
    assert_ne!(role_of(b, text, "1,200 items"), "result");
}

#[test]
fn time_won_back_is_a_result() {
    let b = Kind::Behavioral;
    let text = "So the headline is, um, payouts went from about a day to under an hour. I \
                rebuilt the flow, and it saved the team about two hundred hours a quarter.";
    assert_eq!(role_of(b, text, "from about a day"), "result");
    assert_eq!(role_of(b, text, "two hundred hours"), "result");
}

#[test]
fn a_result_said_first_is_a_result() {
    let text = "I recovered nine percent of lost search conversion in six weeks. As the search \
                product manager, I saw conversion drop.";
    assert_eq!(role_of(Kind::Behavioral, text, "nine percent"), "result");
    assert_eq!(role_of(Kind::Behavioral, text, "six weeks"), "time");
}

#[test]
fn where_a_measure_ended_uptake_and_time_given_back_are_results() {
    let b = Kind::Behavioral;
    let first = "Flaky test failures ended the quarter at 2%. I was the tools PM.";
    assert_eq!(role_of(b, first, "2%"), "result");
    let text = "I rebuilt the triage. Settlement time came in at 3.8 days, about 30% of \
                travelers used the feature, and the adjusters got back roughly 1,100 hours a month.";
    for m in ["3.8 days", "30%", "1,100 hours"] {
        assert_eq!(role_of(b, text, m), "result", "{m}");
    }
    let state = "Churn was running at eight percent a month, and my job was to bring it down.";
    assert_eq!(role_of(b, state, "eight percent"), "baseline");
    let flagged =
        "Finance flagged that goodwill refunds had doubled in six months. I read the tickets.";
    assert_eq!(role_of(b, flagged, "doubled"), "baseline");
}

#[test]
fn levels_after_the_work_and_whom_it_served() {
    let b = Kind::Behavioral;
    let text = "We sold tickets for about 900 venues. I rebuilt approvals. Median approval time \
                dropped to about four hours, and the test tier renewed at 71% against 52%.";
    assert_eq!(role_of(b, text, "900 venues"), "scope");
    assert_eq!(role_of(b, text, "four hours"), "result");
    assert_eq!(role_of(b, text, "71%"), "result");
    let headline = "So, the short version: on storm days calls fell by about a third. Let me back \
                    up. I was the PM for the outage map.";
    assert_eq!(role_of(b, headline, "a third"), "result");
}

#[test]
fn levels_to_hold_hedged_caps_and_targets_after_a_what_if_are_results() {
    let p = Kind::Product;
    let text = "On-time delivery, hold it at 95% or better. Cost per delivery can't rise by more \
                than, say, 3%. If today that's, let's say, 40%, I'd target 55% within a year.";
    let sys = "The wait should be accurate to within five minutes, updated at least every 60 \
               seconds. Drivers send a location every 10 seconds.";
    assert_eq!(role_of(Kind::SystemDesign, sys, "five minutes"), "result");
    assert_eq!(role_of(Kind::SystemDesign, sys, "60 seconds"), "result");
    assert_ne!(role_of(Kind::SystemDesign, sys, "10 seconds"), "result");
    for m in ["95%", "3%", "55%"] {
        assert_eq!(role_of(p, text, m), "result", "{m}");
    }
    assert_ne!(role_of(p, text, "40%"), "result");
}

#[test]
fn phrasal_verbs_levels_standing_still_and_comparisons_are_not_changes() {
    let b = Kind::Behavioral;
    let text = "I was the PM for the mobile store. Two months after launch, repeat orders were \
                stuck at 9%. I set up a panel of 40 shoppers, and 70% came down to the same \
                complaint. I rebuilt the basket, and the share of carts dropped before payment \
                fell to 18%.";
    assert_eq!(role_of(b, text, "9%"), "baseline");
    assert_ne!(role_of(b, text, "40 shoppers"), "result");
    assert_ne!(role_of(b, text, "70%"), "result");
    assert_eq!(role_of(b, text, "18%"), "result");
    let up = "I rewrote the emails, and renewals were up 6% by spring.";
    assert_eq!(role_of(b, up, "6%"), "result");
}

#[test]
fn worth_more_served_and_the_state_left_now() {
    let b = Kind::Behavioral;
    let text = "I fixed the invoices myself and called a reseller worth $900,000 a year to us. \
                They signed a renewal, worth $1.1M a year. We now ship to four countries, and \
                the warehouse handles 200 more orders a day.";
    assert_eq!(role_of(b, text, "$900,000"), "baseline");
    for m in ["$1.1M", "four countries", "200 more orders"] {
        assert_eq!(role_of(b, text, m), "result", "{m}");
    }
    let what_if = "I held the launch. Going early would have sent, we guessed, 5,000 extra \
                   orders to the wrong depot.";
    assert_ne!(role_of(b, what_if, "5,000 extra orders"), "result");
    let estimate = "Maybe 4% of them order in a week, so under 30,000 buyers a week.";
    assert_ne!(role_of(Kind::Analytical, estimate, "30,000 buyers"), "result");
}

#[test]
fn a_count_after_in_frames_time_only_when_it_counts_rounds_of_work() {
    let b = Kind::Behavioral;
    let text = "We were launching in two new markets. I rebuilt the flow over three releases.";
    assert_eq!(role_of(b, text, "two new markets"), "scope");
    assert_eq!(role_of(b, text, "three releases"), "time");
}

#[test]
fn a_measure_brought_to_zero_after_the_work_is_a_result() {
    let text = "I added a required check. Failed deploys went to basically zero.";
    assert_eq!(role_of(Kind::Behavioral, text, "zero"), "result");
}

#[test]
fn outcomes_said_as_worth_bounds_subjects_margins_and_comparisons_after() {
    let b = Kind::Behavioral;
    let text = "I rebuilt the kit lookup. Time to a fix went down to under two days, which \
                finance valued at around $400,000 a year. Three clinics that had asked for it \
                renewed. We launched with four days to spare. In the survey, 64% of drivers \
                said they used it, up from 41% the year before.";
    for m in ["two days", "$400,000", "Three clinics", "four days", "64%"] {
        assert_eq!(role_of(b, text, m), "result", "{m}");
    }
    let first = "Reprints cut in half, approval in under a day. Let me tell you how we got \
                 there. I was the PM for proofs at a print shop. I built a preview.";
    assert_eq!(role_of(b, first, "cut in half"), "result");
}

#[test]
fn a_change_whose_verb_was_misheard_and_a_level_said_before_its_old_one() {
    let b = Kind::Behavioral;
    let heard = "I rebuilt the approval flow. Refund time dropped to three days and call them \
                 out reference, L by 70%.";
    assert_eq!(role_of(b, heard, "70%"), "result");
    let whose = "I rewrote the pricing page, which is used by 40% of our sellers.";
    assert_eq!(role_of(b, whose, "40%"), "baseline");
    let reversed = "I rewrote the test runner. Flaky failures were at 2% from, uh, somewhere \
                    around 15%. That's the short version.";
    assert_eq!(role_of(b, reversed, "2%"), "result");
    assert_eq!(role_of(b, reversed, "15%"), "baseline");
    let p = Kind::Product;
    let goal = "The north star is books finished. Let's say it's 45%, and I'm going to get it \
                to 55%.";
    assert_eq!(role_of(p, goal, "55%"), "result");
    assert_eq!(role_of(p, goal, "45%"), "baseline");
    let headline = "So, the short version: we had zero compliance fines that year. Context. \
                    I was the product lead for delivery.";
    assert_eq!(role_of(b, headline, "zero compliance fines"), "result");
    let fewer = "I turned the flash off. We sent about 40,000 fewer estimated bills a month.";
    assert_eq!(role_of(b, fewer, "40,000 fewer estimated bills a month"), "result");
    let handed = "I fixed the labels myself, which handed that team back two months of work.";
    assert_eq!(role_of(b, handed, "two months"), "result");
    let risk = "I said no. A single violation could mean a fine of up to $10,000.";
    assert_eq!(role_of(b, risk, "$10,000"), "baseline");
    let said_alone = "$410,000 a year. That's what we saved on tires. Context: 1,200 vans.";
    assert_eq!(role_of(b, said_alone, "$410,000 a year"), "result");
    let ask = "The ask from the CFO: cut maintenance spend 10% with no new headcount.";
    assert_eq!(role_of(b, ask, "10%"), "scope");
    let kept = "I rolled it out. Touch wood, we've kept it under 3% for two quarters.";
    assert_eq!(role_of(b, kept, "3%"), "result");
    let took = "I shipped the badge, and 41% of active users took the optional badge.";
    assert_eq!(role_of(b, took, "41%"), "result");
    let when = "I pulled the scans. Most failures were on tickets bought more than 48 hours ahead.";
    assert_eq!(role_of(b, when, "48 hours"), "time");
    let sized = "Sample size: at 95% confidence and 80% power, roughly 70,000 sessions per arm.";
    assert_eq!(role_of(p, sized, "95%"), "scope");
    let target = "Metrics. Repeat purchases, target, let's say, 25% of accounts buying again.";
    assert_eq!(role_of(p, target, "25%"), "result");
    let corrected =
        "I fixed the scanners. Boarding time dropped by 9 minutes, and at Port Hadley, \
                     sorry, it was more like 11 minutes.";
    assert_eq!(role_of(b, corrected, "11 minutes"), "result");
    let gapped = "We tested both for six weeks. The video check got refits down to 3.8%, \
                  the second kit to 6%, and the kit cost $25 a patient.";
    assert_eq!(role_of(b, gapped, "6%"), "result");
    assert_ne!(role_of(b, gapped, "$25"), "result");
    let not_corrected =
        "I rewrote the flow. We started at 3%, and conversion actually rose to 12%.";
    assert_eq!(role_of(b, not_corrected, "12%"), "result");
    let gates = "We moved the antennas. Average gate wait was under 40 seconds, against roughly \
                 three minutes with the old paper passes.";
    assert_eq!(role_of(b, gates, "40 seconds"), "result");
    let groups = "I pulled the data. Their time to first call was 19 hours, against 4 hours for \
                  everyone else.";
    assert_ne!(role_of(b, groups, "19 hours"), "result");
    let renewed = "I ran the dry run. Later the client renewed for three more years.";
    assert_eq!(role_of(b, renewed, "three more years"), "result");
    let usual = "Remedy rate: industry recall completion is often below 30%; I'd target 60%.";
    assert_eq!(role_of(p, usual, "30%"), "baseline");
    assert_eq!(role_of(p, usual, "60%"), "result");
    let undone = "I pushed the reminders to every user. I rolled it back within a day.";
    assert_eq!(role_of(b, undone, "a day"), "time");
}

#[test]
fn words_whisper_bends_around_a_figure() {
    let (b, p) = (Kind::Behavioral, Kind::Product);
    let felt = "I fixed the photos. The calls about estimated bills felt 22% and we stopped.";
    assert_eq!(role_of(b, felt, "22%"), "result");
    let split = "Metrics, repeat purchase rate, target, let's say. 25% of accounts buying again.";
    assert_eq!(role_of(p, split, "25%"), "result");
    let may_be = "Metrics: cost per unit down 20%, and adoption by may be 30% of eligible sellers.";
    assert_eq!(role_of(p, may_be, "30%"), "result");
}

#[test]
fn what_an_outcome_was_worth_and_the_figure_it_replaced() {
    let b = Kind::Behavioral;
    let renewed = "I fixed the matching. The customer renewed, which was about $420,000 a year \
                   in recurring revenue.";
    assert_eq!(role_of(b, renewed, "$420,000 a year"), "result");
    let spent = "I cut the request. We spent about $450,000 on temps instead of 1.1 million.";
    assert_eq!(role_of(b, spent, "$450,000"), "result");
    assert_eq!(role_of(b, spent, "1.1 million"), "baseline");
    let cut = "I rewrote the help articles, and I cut the temp request from sixty to twenty-five.";
    assert_eq!(role_of(b, cut, "from sixty to twenty-five"), "result");
    let within =
        "I added a buffer after every slot. By week three the pilot sites were under an hour.";
    assert_eq!(role_of(b, within, "an hour"), "result");
    let before = "Waits were under an hour at first. I added a buffer after every slot.";
    assert_ne!(role_of(b, before, "an hour"), "result");
}

#[test]
fn setup_after_a_result_said_first_stays_setup() {
    let b = Kind::Behavioral;
    let lab = "I got turnaround down from 31 hours to 18. I was the PM for the portal. We served \
               about 240 clinics. There was a proposal to buy two more analyzers. So I proposed \
               two changes instead of new machines.";
    for m in ["240 clinics", "two more analyzers", "two changes"] {
        assert_ne!(role_of(b, lab, m), "result", "{m}");
    }
    let now = "I rebuilt the intake. The program now serves 30,000 businesses a year.";
    assert_eq!(role_of(b, now, "30,000 businesses"), "result");
    let kpi = "Metrics. Supplier query cost per active watch down by half versus refreshing each.";
    assert_eq!(role_of(Kind::SystemDesign, kpi, "down by half"), "result");
}

#[test]
fn results_said_past_asides_and_said_again_are_results() {
    let b = Kind::Behavioral;
    let refund = "I rebuilt the status page. Calls went down by, uh, roughly a third, thirty-four \
                  percent I think. Page visits went up, actually, to about four million.";
    assert_eq!(role_of(b, refund, "a third"), "result");
    assert_eq!(role_of(b, refund, "thirty-four percent"), "result");
    assert_eq!(role_of(b, refund, "four million"), "result");
    let pallets = "I added scanning at the depots. Losses went to about four percent, and we kept \
                   an extra, um, four thousand customers.";
    assert_eq!(role_of(b, pallets, "four percent"), "result");
    assert_eq!(role_of(b, pallets, "four thousand customers"), "result");
}

#[test]
fn the_upshot_said_first_and_the_state_at_the_end_are_results() {
    let b = Kind::Behavioral;
    let first = "So, the upshot first: during harvest, truck waits dropped massively, from about \
                 three hours to fifty minutes. I was the product manager for 26 elevators. I \
                 proposed booked slots.";
    assert_eq!(role_of(b, first, "three hours"), "result");
    let end = "I proposed booked slots and ran a pilot at three sites. By the end of harvest, \
               sixty-one percent of loads came in on a slot.";
    assert_eq!(role_of(b, end, "sixty-one percent"), "result");
}

#[test]
fn money_the_work_spared_said_before_its_verb_is_a_result() {
    let b = Kind::Behavioral;
    let text = "I trained all eleven inspectors. Turned-away lifts went to zero, so that's about \
                sixteen thousand pounds of wasted trips we stopped paying for.";
    assert_eq!(role_of(b, text, "sixteen thousand pounds"), "result");
    let before = "Each turned-away lift cost about four hundred pounds. I trained the inspectors.";
    assert_eq!(role_of(b, before, "four hundred pounds"), "baseline");
}

#[test]
fn what_a_check_on_the_work_found_is_its_outcome() {
    let b = Kind::Behavioral;
    let audit = "I auto-approved small claims in a pilot. The audit found fraud at 0.3 percent.";
    assert_eq!(role_of(b, audit, "0.3 percent"), "result");
    let evidence = "I disagreed, because our pilot data showed a twenty percent failure rate.";
    assert_eq!(role_of(b, evidence, "twenty percent"), "baseline");
    let problem = "I pulled the logs and found that 85% of claims were approved unchanged.";
    assert_eq!(role_of(b, problem, "85%"), "baseline");
}

#[test]
fn a_bare_new_level_after_the_work_is_a_result() {
    let b = Kind::Behavioral;
    let down = "I added a status page. Oh, and the 12% held for review, we got that down to ten.";
    assert_eq!(role_of(b, down, "ten"), "result");
    let now = "I added a status page. Calls, which were about 1,100 a month, are now around 300.";
    assert_eq!(role_of(b, now, "300"), "result");
}

#[test]
fn a_figure_the_next_sentence_calls_the_end_state_is_a_result() {
    let text = "Reprints cut in half, approval in under a day. That's where it ended up. \
                Let me tell you how we got there. I joined a print shop.";
    assert_eq!(role_of(Kind::Behavioral, text, "a day"), "result");
    let heard = "Reprints cut in half, approval in under a day, that's where it ended up. \
                 Let me tell you how we got there. I joined a print shop.";
    assert_eq!(role_of(Kind::Behavioral, heard, "a day"), "result");
}

#[test]
fn a_change_in_the_setting_before_the_task_is_the_problem() {
    let b = Kind::Behavioral;
    let setting =
        "Okay. So I was the PM for pharmacy delivery. In March our return rate on insulin \
                   orders jumped to eleven percent. My task was to find out why. So I pulled every \
                   insulin order and added ice packs. Returns went from eleven percent to 1.4%.";
    assert_eq!(role_of(b, setting, "eleven percent"), "baseline");
    assert_eq!(role_of(b, setting, "to 1.4%"), "result");
    // an outcome the candidate made, said before the task, is still the outcome
    let own = "I shipped refill reminders, and it went badly: the opt-out rate jumped from two \
               percent to eleven percent. My task was to raise on-time refills.";
    assert_eq!(role_of(b, own, "from two percent"), "result");
    let headline =
        "Our monthly churn went from eight percent to five percent. I was the retention \
                    PM, and my job was to bring churn down.";
    assert_eq!(role_of(b, headline, "from eight percent"), "result");
}

#[test]
fn the_level_after_the_rollout_and_extra_revenue_are_results() {
    let b = Kind::Behavioral;
    let text = "I piloted it in 6 saunas. After the full rollout it was 7.1% across all saunas. \
                Resold slots gave the owners 140,000 euros of extra revenue.";
    assert_eq!(role_of(b, text, "7.1%"), "result");
    assert_eq!(role_of(b, text, "140,000 euros"), "result");
    // before the work, extra revenue is what was at stake
    let stake = "The owners lost 140,000 euros of extra revenue a year to no-shows, so I built it.";
    assert_ne!(role_of(b, stake, "140,000 euros"), "result");
}

#[test]
fn contracts_renewed_and_money_kept_after_the_work_are_results() {
    let b = Kind::Behavioral;
    let text = "We served 140 dental clinics. I rolled back the furnace profile. Remakes fell \
                to 2.6%, and we renewed all 140 contracts.";
    assert_eq!(role_of(b, text, "140 contracts"), "result");
    assert_eq!(role_of(b, text, "140 dental clinics"), "scope");
    let kept = "I switched the payments to the backup acquirer. Over the weekend we kept \
                roughly €210,000 of bookings that would have bounced.";
    assert_eq!(role_of(b, kept, "€210,000"), "result");
}

#[test]
fn a_count_under_the_result_heading_is_a_result() {
    let b = Kind::Behavioral;
    let text = "We keep around 14,000 accessions. I rechecked every germination test. Result: 61 \
                accessions were really under the limit, and we sent them to regeneration.";
    assert_eq!(role_of(b, text, "61 accessions"), "result");
    assert_ne!(role_of(b, text, "14,000 accessions"), "result");
}

#[test]
fn money_the_work_left_unpaid_is_a_result() {
    let b = Kind::Behavioral;
    let text = "I pulled the 14 trams. The supplier replaced the pads at their cost, about \
                €41,000 we didn't pay.";
    assert_eq!(role_of(b, text, "€41,000"), "result");
}
