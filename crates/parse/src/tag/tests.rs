//! Table tests of the whole tagger: input, anchor, expected span text,
//! type, value and modifier.

use chrono::NaiveDate;

use crate::{Anchor, Mod, TimexType, tag};

type Row = (
    &'static str,
    &'static str,
    &'static [(&'static str, TimexType, &'static str, Option<Mod>)],
);

fn check(table: &[Row]) {
    for (text, anchor, want) in table {
        let a = Anchor::new(NaiveDate::parse_from_str(anchor, "%Y-%m-%d").unwrap());
        let got: Vec<_> = tag(text, &a)
            .into_iter()
            .map(|t| {
                (
                    text[t.span].to_owned(),
                    t.kind,
                    t.value.to_string(),
                    t.modifier,
                )
            })
            .collect();
        let want: Vec<_> = want
            .iter()
            .map(|(s, k, v, m)| ((*s).to_owned(), *k, (*v).to_owned(), *m))
            .collect();
        assert_eq!(got, want, "{text:?} at {anchor}");
    }
}

use TimexType::{Date, Duration, Set, Time};

const A: &str = "2019-09-25"; // a Wednesday

#[test]
fn seed_expressions() {
    check(&[
        (
            "Maduro visited Russia in December 2018.",
            A,
            &[("December 2018", Date, "2018-12", None)],
        ),
        (
            "He was there last December.",
            A,
            &[("last December", Date, "2018-12", None)],
        ),
        (
            "Bombers landed in December.",
            A,
            &[("December", Date, "2018-12", None)],
        ),
        (
            "Since last January he has ruled.",
            A,
            &[("last January", Date, "2019-01", None)],
        ),
        (
            "Talks began in April.",
            A,
            &[("April", Date, "2019-04", None)],
        ),
        (
            "In June, the talks collapsed.",
            A,
            &[("June", Date, "2019-06", None)],
        ),
        (
            "Putin met Maduro Wednesday.",
            A,
            &[("Wednesday", Date, "2019-09-25", None)],
        ),
        (
            "The plane landed on Monday.",
            A,
            &[("Monday", Date, "2019-09-23", None)],
        ),
        (
            "He will fly home on Friday.",
            A,
            &[("Friday", Date, "2019-09-27", None)],
        ),
        (
            "Putin said today that it is over.",
            A,
            &[("today", Date, "2019-09-25", None)],
        ),
        (
            "He arrived yesterday.",
            A,
            &[("yesterday", Date, "2019-09-24", None)],
        ),
        (
            "Trade rose this year.",
            A,
            &[("this year", Date, "2019", None)],
        ),
        (
            "It shipped grain this past year.",
            A,
            &[("this past year", Date, "2018", None)],
        ),
        (
            "It will ship more next year.",
            A,
            &[("next year", Date, "2020", None)],
        ),
        (
            "Elections are due in early October.",
            A,
            &[("early October", Date, "2019-10", Some(Mod::Start))],
        ),
        (
            "Talks broke down last week.",
            A,
            &[("last week", Date, "2019-W38", None)],
        ),
        (
            "He left a month ago.",
            A,
            &[("a month ago", Date, "2019-08", None)],
        ),
        (
            "It ended less than a year ago.",
            A,
            &[("less than a year ago", Date, "2018", Some(Mod::After))],
        ),
        (
            "In 2016, the economy shrank.",
            A,
            &[("2016", Date, "2016", None)],
        ),
        (
            "By 2015 it had collapsed.",
            A,
            &[("2015", Date, "2015", None)],
        ),
        (
            "It signed contracts from 2005 to 2013.",
            A,
            &[("2005", Date, "2005", None), ("2013", Date, "2013", None)],
        ),
        (
            "Prices rose since 2016.",
            A,
            &[("2016", Date, "2016", None)],
        ),
        (
            "It lent billions in recent years.",
            A,
            &[("recent years", Date, "PAST_REF", None)],
        ),
        (
            "It took two weeks.",
            A,
            &[("two weeks", Duration, "P2W", None)],
        ),
        (
            "less than two weeks after the collapse",
            A,
            &[("less than two weeks", Duration, "P2W", Some(Mod::LessThan))],
        ),
    ]);
}

#[test]
fn issue_expressions() {
    check(&[
        (
            "They met Wednesday morning.",
            A,
            &[("Wednesday morning", Time, "2019-09-25TMO", None)],
        ),
        (
            "the third quarter",
            "1989-11-02",
            &[("the third quarter", Date, "1989-Q3", None)],
        ),
        (
            "third-quarter profit fell",
            "1989-11-02",
            &[("third-quarter", Date, "1989-Q3", None)],
        ),
        ("in the 1990s", A, &[("the 1990s", Date, "199", None)]),
        (
            "for twenty-one years",
            A,
            &[("twenty-one years", Duration, "P21Y", None)],
        ),
        (
            "a dozen years",
            A,
            &[("a dozen years", Duration, "P12Y", None)],
        ),
        (
            "two and a half months",
            A,
            &[("two and a half months", Duration, "P2.5M", None)],
        ),
        (
            "for several years",
            A,
            &[("several years", Duration, "PXY", None)],
        ),
        ("It is over now.", A, &[("now", Date, "PRESENT_REF", None)]),
        (
            "in the future",
            A,
            &[("the future", Date, "FUTURE_REF", None)],
        ),
        ("mid-2019", A, &[("mid-2019", Date, "2019", Some(Mod::Mid))]),
        (
            "about three years",
            A,
            &[("about three years", Duration, "P3Y", Some(Mod::Approx))],
        ),
        (
            "more than two weeks",
            A,
            &[("more than two weeks", Duration, "P2W", Some(Mod::MoreThan))],
        ),
        (
            "at least a month",
            A,
            &[("at least a month", Duration, "P1M", Some(Mod::EqualOrMore))],
        ),
        (
            "between May and July",
            A,
            &[
                ("May", Date, "2019-05", None),
                ("July", Date, "2019-07", None),
            ],
        ),
        (
            "He arrived on Sept. 25. The next day he left.",
            A,
            &[
                ("Sept. 25", Date, "2019-09-25", None),
                ("The next day", Date, "2019-09-26", None),
            ],
        ),
        (
            "It opened in March 2017. Sales fell that month.",
            A,
            &[
                ("March 2017", Date, "2017-03", None),
                ("that month", Date, "2017-03", None),
            ],
        ),
        (
            "It began in 2010. The following year it grew.",
            A,
            &[
                ("2010", Date, "2010", None),
                ("The following year", Date, "2011", None),
            ],
        ),
        (
            "Profit was $5 a share. A year earlier it was $4.",
            "1989-11-02",
            &[("A year earlier", Date, "1988", None)],
        ),
        (
            "They meet every Tuesday.",
            A,
            &[("every Tuesday", Set, "XXXX-WXX-2", None)],
        ),
        ("It is paid annually.", A, &[("annually", Set, "P1Y", None)]),
        (
            "It is held each year.",
            A,
            &[("each year", Set, "P1Y", None)],
        ),
        (
            "on 25 September 2019",
            A,
            &[("25 September 2019", Date, "2019-09-25", None)],
        ),
        (
            "on the 25th of September",
            A,
            &[("the 25th of September", Date, "2019-09-25", None)],
        ),
        (
            "at 10:35 a.m. EDT",
            A,
            &[("10:35 a.m. EDT", Time, "2019-09-25T10:35", None)],
        ),
        (
            "on 9/25/2019",
            A,
            &[("9/25/2019", Date, "2019-09-25", None)],
        ),
        ("last summer", A, &[("last summer", Date, "2019-SU", None)]),
        (
            "He visited on Christmas Day.",
            A,
            &[("Christmas Day", Date, "2018-12-25", None)],
        ),
        (
            "the first half of 2019",
            A,
            &[("the first half of 2019", Date, "2019-H1", None)],
        ),
        ("fiscal 1989", A, &[("fiscal 1989", Date, "1989", None)]),
        (
            "the 20th century",
            A,
            &[("the 20th century", Date, "19", None)],
        ),
        (
            "this weekend",
            A,
            &[("this weekend", Date, "2019-W39-WE", None)],
        ),
        (
            "two days later",
            A,
            &[("two days later", Date, "2019-09-27", None)],
        ),
    ]);
}

#[test]
fn leaves_non_temporal_words_alone() {
    check(&[
        ("You may go.", A, &[]),
        ("Prices fall in value.", A, &[]),
        ("a 55-year-old man", A, &[]),
        ("It cost $2000.", A, &[]),
        ("the current account", A, &[]),
    ]);
}

#[test]
fn irregular_past_verbs_set_the_tense() {
    check(&[
        (
            "In December, Russia sent two bombers.",
            A,
            &[("December", Date, "2018-12", None)],
        ),
        (
            "Russia sent two bombers in December.",
            A,
            &[("December", Date, "2018-12", None)],
        ),
        (
            "They met on Monday.",
            A,
            &[("Monday", Date, "2019-09-23", None)],
        ),
        (
            "The army rose up in April.",
            A,
            &[("April", Date, "2019-04", None)],
        ),
        (
            "Russia will send bombers in December.",
            A,
            &[("December", Date, "2019-12", None)],
        ),
        (
            "He said he would travel on Thursday.",
            A,
            &[("Thursday", Date, "2019-09-26", None)],
        ),
    ]);
}

#[test]
fn values_outside_timeml_years_are_dropped() {
    // Found by proptest: "1998 decades ago" from 1900 is year -18080.
    check(&[("1998 decade ago", "1900-01-01", &[])]);
}

#[test]
fn the_same_period_in_another_year() {
    check(&[
        (
            "Net rose in the third quarter, up from the corresponding period last year.",
            "1989-11-01",
            &[
                ("the third quarter", Date, "1989-Q3", None),
                ("the corresponding period last year", Date, "1988-Q3", None),
            ],
        ),
        (
            "Sales for the quarter ended Sept. 30 beat the year-ago period.",
            "1989-11-01",
            &[
                ("the quarter", Date, "1989-Q3", None),
                ("Sept. 30", Date, "1989-09-30", None),
                ("the year-ago period", Date, "1988-Q3", None),
            ],
        ),
        (
            "Prices rose in January, against a fall in the same month a year ago.",
            "2009-02-10",
            &[
                ("January", Date, "2009-01", None),
                ("the same month a year ago", Date, "2008-01", None),
            ],
        ),
        (
            "Kirschner earned $376,000 in the 1988 quarter.",
            "1989-10-30",
            &[("the 1988 quarter", Date, "1988-Q3", None)],
        ),
        (
            "Exports grew 5% on the same period last year.",
            A,
            &[("the same period last year", Date, "2018", None)],
        ),
        // Without a year the same day is an anaphor, not a comparison.
        (
            "He left on Friday and she came back the same day.",
            A,
            &[
                ("Friday", Date, "2019-09-20", None),
                ("the same day", Date, "2019-09-20", None),
            ],
        ),
    ]);
}

#[test]
fn auxiliaries_decide_the_tense_of_participles() {
    check(&[
        // "will be named": ahead, though "named" looks past.
        (
            "Collins will be named commander for a mission in December.",
            "1998-03-04",
            &[("December", Date, "1998-12", None)],
        ),
        // "have gathered": done.
        (
            "They have gathered evidence in the October slaying.",
            "1999-04-19",
            &[("October", Date, "1998-10", None)],
        ),
        // "could be located" is not a future.
        (
            "He could not be located Wednesday.",
            "2000-01-06",
            &[("Wednesday", Date, "2000-01-05", None)],
        ),
        // "through" runs ahead unless the sentence is past.
        (
            "The bank is extending the loans through January.",
            "1989-10-30",
            &[("January", Date, "1990-01", None)],
        ),
        (
            "Sales followed little change through August.",
            "1989-10-27",
            &[("August", Date, "1989-08", None)],
        ),
    ]);
}

#[test]
fn everyday_news_forms() {
    check(&[
        (
            "Troops arrived on Monday. That night the shelling began, and the next morning it stopped.",
            A,
            &[
                ("Monday", Date, "2019-09-23", None),
                ("That night", Time, "2019-09-23TNI", None),
                ("the next morning", Time, "2019-09-24TMO", None),
            ],
        ),
        (
            "The vote closed at 1430 GMT after 5 1/2 hours.",
            A,
            &[
                ("1430 GMT", Time, "2019-09-25T14:30Z", None),
                ("5 1/2 hours", Duration, "PT5H30M", None),
            ],
        ),
        // Four digits without a zone stay an amount or a year.
        ("He paid 1430 dollars.", A, &[]),
        (
            "Sales fell in the first half of the year and will recover by the end of the month.",
            A,
            &[
                ("the first half of the year", Date, "2019-H1", None),
                ("the end of the month", Date, "2019-09", Some(Mod::End)),
            ],
        ),
        (
            "It rained for the month of May.",
            A,
            &[("May", Date, "2019-05", None)],
        ),
        (
            "Planting starts in spring.",
            A,
            &[("spring", Date, "2019-SP", None)],
        ),
        // Verbs and nouns, not seasons; ages, not durations.
        ("Prices fall as hot spring water flows.", A, &[]),
        ("The man, 42 years old, was released.", A, &[]),
    ]);
}

#[test]
fn weeks_of_a_month() {
    check(&[
        (
            "Output slowed in the last week of March 2009 and the week of April 6.",
            A,
            &[
                ("the last week of March 2009", Date, "2009-W13", None),
                ("the week of April 6", Date, "2019-W14", None),
            ],
        ),
        (
            "Talks resume in the second week of October.",
            A,
            &[("the second week of October", Date, "2019-W41", None)],
        ),
    ]);
}

#[test]
fn year_ends_decade_names_and_vague_futures() {
    check(&[
        (
            "Hate groups fell through the nineties; the plan runs well into the summer.",
            "1998-03-03",
            &[
                ("the nineties", Date, "199", None),
                ("the summer", Date, "1998-SU", None),
            ],
        ),
        (
            "Debt is due by year-end, and a vote will come at a later date.",
            A,
            &[
                ("year-end", Date, "2019", Some(Mod::End)),
                ("a later date", Date, "FUTURE_REF", None),
            ],
        ),
        (
            "In the weeks ahead, and over the next couple of years, rates will rise.",
            A,
            &[
                ("the weeks ahead", Duration, "PXW", None),
                ("the next couple of years", Duration, "P2Y", None),
            ],
        ),
        (
            "By mid-afternoon the market had turned; it fell at mid-morning yesterday.",
            A,
            &[
                ("mid-afternoon", Time, "2019-09-25TAF", None),
                ("mid-morning yesterday", Time, "2019-09-24TMO", None),
            ],
        ),
    ]);
}

#[test]
fn plans_point_ahead_and_commas_end_clauses() {
    check(&[
        (
            "Officials expect to lower rates by a quarter point in September, according to minutes released on Friday.",
            "2024-06-13",
            &[
                ("September", Date, "2024-09", None),
                ("Friday", Date, "2024-06-07", None),
            ],
        ),
        (
            "The 90-day truce expires on Aug. 12.",
            "2024-06-13",
            &[
                ("90-day", Duration, "P90D", None),
                ("Aug. 12", Date, "2024-08-12", None),
            ],
        ),
    ]);
}

#[test]
fn thousands_and_yearly_sets() {
    check(&[
        (
            "The country has endured nearly 1,000 days of war.",
            A,
            &[("nearly 1,000 days", Duration, "P1000D", Some(Mod::Approx))],
        ),
        (
            "The festival, held every summer, opens each July.",
            A,
            &[
                ("every summer", Set, "XXXX-SU", None),
                ("each July", Set, "XXXX-07", None),
            ],
        ),
    ]);
}

#[test]
fn tense_reads_past_initials_stems_and_prepositions() {
    check(&[
        // "P." is an initial, not a sentence end; "succeed" is no past.
        (
            "Mr. Schwarz will succeed Daniel P. Davison Feb. 1.",
            "1989-10-26",
            &[("Feb. 1", Date, "1990-02-01", None)],
        ),
        // "next to" is a place, not the future.
        (
            "A bomb ripped through a building next to the U.S. embassy in Nairobi Friday morning.",
            "1998-08-08",
            &[("Friday morning", Time, "1998-08-07TMO", None)],
        ),
        (
            "He was shot to death last Oct. 23 at his home.",
            "1999-04-19",
            &[("last Oct. 23", Date, "1998-10-23", None)],
        ),
        // A month and day far from the anchor is past unless a verb says
        // otherwise; a bare month without tense is the nearest.
        (
            "Police have been searching for him since the Oct. 23 slaying.",
            "1999-05-06",
            &[("Oct. 23", Date, "1998-10-23", None)],
        ),
        (
            "Her flats, worth $130 million in October, are worth half that.",
            "1998-01-08",
            &[("October", Date, "1997-10", None)],
        ),
    ]);
}

#[test]
fn holidays_near_the_anchor_are_the_nearest() {
    check(&[(
        "Protesters prayed as Easter week began.",
        "2000-04-17",
        &[("Easter", Date, "2000-04-23", None)],
    )]);
}

#[test]
fn typographic_punctuation_ends_words() {
    check(&[
        (
            "Friday’s vote followed last year’s — and “Tomorrow,” he said.",
            A,
            &[
                ("Friday", Date, "2019-09-20", None),
                ("last year", Date, "2018", None),
                ("Tomorrow", Date, "2019-09-26", None),
            ],
        ),
        (
            "On Monday—the day after the vote—he left, as in ’82.",
            A,
            &[
                ("Monday", Date, "2019-09-23", None),
                ("the day", Date, "2019-09-23", None),
                ("’82", Date, "1982", None),
            ],
        ),
        // A quoted title, not a year.
        ("He spoke to '60 Minutes' on air.", A, &[]),
    ]);
}

#[test]
fn day_first_numbers_and_days_of_the_month() {
    check(&[
        (
            "The report, published 25/09/2019 and revised 03.10.2019, was long.",
            "2019-09-23",
            &[
                ("25/09/2019", Date, "2019-09-25", None),
                ("03.10.2019", Date, "2019-10-03", None),
            ],
        ),
        (
            "Talks resume on the 3rd.",
            "2019-09-23",
            &[("the 3rd", Date, "2019-10-03", None)],
        ),
        (
            "It happened on the 25th.",
            "2019-09-23",
            &[("the 25th", Date, "2019-08-25", None)],
        ),
        // A version number, an anniversary, a US date kept month first.
        (
            "Version 1.2.2019 marks the 25th anniversary; see 09/10/2019.",
            "2019-09-23",
            &[("09/10/2019", Date, "2019-09-10", None)],
        ),
    ]);
}

#[test]
fn the_past_year_is_a_calendar_year() {
    // TimeBank and MEANTIME mark "the past year" as the previous year
    // (DATE) every time; plural and counted forms stay durations.
    check(&[(
        "Over the past year and the last two years, hate groups grew; the coming year looks worse.",
        A,
        &[
            ("the past year", Date, "2018", None),
            ("the last two years", Duration, "P2Y", None),
            ("the coming year", Date, "2020", None),
        ],
    )]);
}

#[test]
fn rates_and_since() {
    check(&[
        (
            "The plant runs 24 hours a day and earns $33 million a year, twice a month.",
            A,
            &[
                ("24 hours", Duration, "PT24H", None),
                ("a day", Set, "P1D", None),
                ("a year", Set, "P1Y", None),
                ("a month", Set, "P1M", None),
            ],
        ),
        // A plain "a year" stays a duration.
        (
            "He was jailed for a year.",
            A,
            &[("a year", Duration, "P1Y", None)],
        ),
        (
            "Prices are up since year-end and since March; the vote is since Friday.",
            A,
            &[
                ("year-end", Date, "2018", Some(Mod::End)),
                ("March", Date, "2019-03", None),
                ("Friday", Date, "2019-09-20", None),
            ],
        ),
    ]);
}

#[test]
fn two_days_off() {
    check(&[(
        "He arrived the day before yesterday and leaves the day after tomorrow.",
        A,
        &[
            ("the day before yesterday", Date, "2019-09-23", None),
            ("the day after tomorrow", Date, "2019-09-27", None),
        ],
    )]);
}

#[test]
fn financial_shorthand() {
    check(&[
        (
            "Growth slowed in Q3 2019 and H1 2020 after a strong Q4'18.",
            A,
            &[
                ("Q3 2019", Date, "2019-Q3", None),
                ("H1 2020", Date, "2020-H1", None),
                ("Q4'18", Date, "2018-Q4", None),
            ],
        ),
        ("Sales rose in Q2.", A, &[("Q2", Date, "2019-Q2", None)]),
        // "H1" without a year, and virus names, are left alone.
        ("H1 results and the H1N1 virus.", A, &[]),
    ]);
}

#[test]
fn fortnights() {
    check(&[(
        "He left a fortnight ago; results come in a fortnight, then every fortnight.",
        A,
        &[
            ("a fortnight ago", Date, "2019-W37", None),
            ("a fortnight", Duration, "P2W", None),
            ("every fortnight", Set, "P2W", None),
        ],
    )]);
}

#[test]
fn fiscal_years_in_one_word() {
    check(&[
        (
            "Profit rose in FY2019 and FY 2020 but fell in FY19.",
            A,
            &[
                ("FY2019", Date, "2019", None),
                ("FY 2020", Date, "2020", None),
                ("FY19", Date, "2019", None),
            ],
        ),
        ("See the FYI note.", A, &[]),
    ]);
}

#[test]
fn year_ago_quarters() {
    check(&[
        (
            "Net fell in the third quarter from last year's quarter and the comparable year-ago quarter.",
            "1989-11-01",
            &[
                ("the third quarter", Date, "1989-Q3", None),
                ("last year's quarter", Date, "1988-Q3", None),
                ("the comparable year-ago quarter", Date, "1988-Q3", None),
            ],
        ),
        (
            "Sales beat the year-earlier second quarter.",
            "1989-11-01",
            &[("the year-earlier second quarter", Date, "1988-Q2", None)],
        ),
    ]);
}

#[test]
fn hundreds_thousands_and_or_so() {
    check(&[
        (
            "The faith has lasted more than two thousand years; five hundred years ago it split.",
            A,
            &[
                (
                    "more than two thousand years",
                    Duration,
                    "P2000Y",
                    Some(Mod::MoreThan),
                ),
                ("five hundred years ago", Date, "1519", None),
            ],
        ),
        (
            "He arrived a week or so ago.",
            A,
            &[("a week or so ago", Date, "2019-W38", None)],
        ),
        // "two thousand" alone is still the year 2000.
        (
            "In the year two thousand, it changed.",
            A,
            &[("the year two thousand", Date, "2000", None)],
        ),
    ]);
}

#[test]
fn a_month_of_next_year() {
    check(&[(
        "Franchises end after October of next year, as in July last year.",
        "2009-05-15",
        &[
            ("October", Date, "2010-10", None),
            ("next year", Date, "2010", None),
            ("July last year", Date, "2008-07", None),
        ],
    )]);
}

#[test]
fn until_points_ahead_unless_past() {
    check(&[
        (
            "Markets are closed until Monday.",
            A,
            &[("Monday", Date, "2019-09-30", None)],
        ),
        (
            "Markets stayed closed until Monday.",
            A,
            &[("Monday", Date, "2019-09-23", None)],
        ),
    ]);
}

#[test]
fn more_holidays() {
    check(&[
        (
            "Stores opened on Black Friday and Cyber Monday; parades came on St. Patrick's Day.",
            "2019-12-10",
            &[
                ("Black Friday", Date, "2019-11-29", None),
                ("Cyber Monday", Date, "2019-12-02", None),
                ("St. Patrick's Day", Date, "2019-03-17", None),
            ],
        ),
        (
            "Offices closed on Martin Luther King Jr. Day, Mother's Day and Juneteenth.",
            "2020-07-01",
            &[
                ("Martin Luther King Jr. Day", Date, "2020-01-20", None),
                ("Mother's Day", Date, "2020-05-10", None),
                ("Juneteenth", Date, "2020-06-19", None),
            ],
        ),
        ("The black car left the earth.", A, &[]),
    ]);
}

#[test]
fn review_findings_stay_fixed() {
    check(&[
        // has/have + participle is a present perfect, not a past
        (
            "The bank has extended the loans through January.",
            "1989-10-30",
            &[("January", Date, "1990-01", None)],
        ),
        // a far month-day with a present verb is the nearest one
        (
            "The deadline is June 30.",
            "2019-03-04",
            &[("June 30", Date, "2019-06-30", None)],
        ),
        // numbers after "last March" are not days before a noun
        (
            "Sales rose last March 12 percent.",
            A,
            &[("last March", Date, "2019-03", None)],
        ),
        // holiday names are capitalised
        ("My mother's day job and the earth day length.", A, &[]),
        // seasons as nouns and decade names as temperatures
        (
            "A decline in spring wheat output; highs in the twenties tomorrow.",
            A,
            &[("tomorrow", Date, "2019-09-26", None)],
        ),
        // quoted numbers before a noun are no years
        ("The '20 percent rule' and the '88 Club.", A, &[]),
        // "the 25th" belongs to the month under discussion
        (
            "He left on March 3. He returned on the 25th.",
            A,
            &[
                ("March 3", Date, "2019-03-03", None),
                ("the 25th", Date, "2019-03-25", None),
            ],
        ),
        // a year, not a count, before "a year of"
        (
            "In 2018 a year of turmoil ended.",
            A,
            &[
                ("2018", Date, "2018", None),
                ("a year", Duration, "P1Y", None),
            ],
        ),
        // "until March" reads the verb; "stay closed" is no past
        (
            "He served until March; the stores will stay closed until March.",
            A,
            &[
                ("March", Date, "2019-03", None),
                ("March", Date, "2020-03", None),
            ],
        ),
        // "will not be named" is ahead
        (
            "Collins will not be named commander in December.",
            "1998-03-04",
            &[("December", Date, "1998-12", None)],
        ),
    ]);
}

#[test]
fn decade_names_after_multibyte_text_do_not_panic() {
    // The weather look-back once sliced 40 bytes back inside an "é".
    for pad in 0..4 {
        let text = format!(
            "{}{} through the nineties, ok.",
            "a".repeat(pad),
            "é".repeat(30)
        );
        let a = Anchor::new(NaiveDate::from_ymd_opt(2019, 9, 25).unwrap());
        let found: Vec<_> = tag(&text, &a)
            .into_iter()
            .map(|t| (text[t.span].to_owned(), t.value.to_string()))
            .collect();
        assert_eq!(found, [("the nineties".to_owned(), "199".to_owned())]);
    }
}

#[test]
fn every_lead_word_of_a_counted_duration_keeps_it_whole() {
    // Each word the duration rule accepts before its amount is in the
    // pre-scan's table, so the run of temporal words reaches the unit.
    check(&[
        (
            "He will serve the remaining two years of the term.",
            A,
            &[("the remaining two years", Duration, "P2Y", None)],
        ),
        (
            "The initial three months were hard.",
            A,
            &[("The initial three months", Duration, "P3M", None)],
        ),
        (
            "He served the final two years of the term.",
            A,
            &[("the final two years", Duration, "P2Y", None)],
        ),
    ]);
}

#[test]
fn prices_index_names_and_hyphenated_adjectives_are_no_timexes() {
    check(&[
        (
            "The index fell to 1299.59 on the day.",
            A,
            &[("the day", Date, "2019-09-25", None)],
        ),
        ("The Russell 2000 index of smaller companies fell.", A, &[]),
        ("The now-defunct plant closed.", A, &[]),
        ("Prices rose in 1999.", A, &[("1999", Date, "1999", None)]),
    ]);
}

#[test]
fn this_time_last_year_and_the_turn_of_the_century() {
    check(&[
        (
            "Prices are higher than this time last year.",
            A,
            &[("this time last year", Date, "2018", None)],
        ),
        (
            "We will know more this time next month.",
            A,
            &[("this time next month", Date, "2019-10", None)],
        ),
        (
            "The city has grown since the turn of the century.",
            A,
            &[("the turn of the century", Date, "2000", Some(Mod::Approx))],
        ),
        (
            "By the turn of the century, output will double.",
            "1996-05-01",
            &[("the turn of the century", Date, "2000", Some(Mod::Approx))],
        ),
        // "this time" alone is no date.
        ("This time he won.", A, &[]),
    ]);
}

#[test]
fn holidays_of_lunar_and_lunisolar_calendars() {
    check(&[
        (
            "Shops close during Ramadan, and again for Eid al-Fitr.",
            "2019-04-20",
            &[
                ("Ramadan", Date, "2019-05-06", None),
                ("Eid al-Fitr", Date, "2019-06-05", None),
            ],
        ),
        (
            "Families met at Passover and will meet again on Rosh Hashanah and Yom Kippur.",
            "2019-04-25",
            &[
                ("Passover", Date, "2019-04-20", None),
                ("Rosh Hashanah", Date, "2019-09-30", None),
                ("Yom Kippur", Date, "2019-10-09", None),
            ],
        ),
        (
            "Sales peak before Diwali and Hanukkah.",
            A,
            &[
                ("Diwali", Date, "2019-10-27", None),
                ("Hanukkah", Date, "2019-12-23", None),
            ],
        ),
        (
            "Travel will peak before Chinese New Year.",
            "2020-01-10",
            &[("Chinese New Year", Date, "2020-01-25", None)],
        ),
        // Names, not holidays.
        ("The lunar new year festival.", A, &[]),
    ]);
}

#[test]
fn a_story_told_forward_moves_the_reference_time() {
    check(&[
        (
            "He founded the band in 1980. Three years later he left. The following year it split.",
            A,
            &[
                ("1980", Date, "1980", None),
                ("Three years later", Date, "1983", None),
                ("The following year", Date, "1984", None),
            ],
        ),
        // A comparison looks back without moving it.
        (
            "Sales rose in 2005 from a year earlier. The following year they fell.",
            A,
            &[
                ("2005", Date, "2005", None),
                ("a year earlier", Date, "2004", None),
                ("The following year", Date, "2006", None),
            ],
        ),
    ]);
}

#[test]
fn times_told_by_a_happening_and_ages_are_no_dates() {
    check(&[
        ("On the day of his death, fans gathered.", A, &[]),
        ("The year when the war ended was hard.", A, &[]),
        ("Most victims were in their 50s.", A, &[]),
        ("She is in her mid-30s.", A, &[]),
        (
            "Their 1990s hits sold on the day.",
            A,
            &[
                ("1990s", Date, "199", None),
                ("the day", Date, "2019-09-25", None),
            ],
        ),
    ]);
}
