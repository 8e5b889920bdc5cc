use super::*;

fn timex(text: &str, phrase: &str, value: &str) -> Timex {
    let start = text.find(phrase).expect("phrase in text");
    Timex {
        span: start..start + phrase.len(),
        kind: TimexType::Date,
        value: value.parse().expect("valid value"),
        modifier: None,
    }
}

fn one(text: &str, phrase: &str, value: &str) -> Option<(String, String)> {
    let t = timex(text, phrase, value);
    let ms = mentions(text, &[t]);
    assert!(ms.len() <= 1);
    ms.into_iter().next().map(|m| (m.lemma, m.title))
}

#[test]
fn titles_and_triggers_table() {
    type Row<'a> = (&'a str, &'a str, Option<(&'a str, &'a str)>);
    let table: &[Row<'_>] = &[
        (
            "Maduro last visited Russia in December 2018, just days before two Russian strategic bombers made a trip to Venezuela.",
            "December 2018",
            Some(("visit", "Maduro visits Russia")),
        ),
        (
            "The Venezuelan leader visited Moscow for discussions with Putin in December.",
            "December",
            Some((
                "visit",
                "The Venezuelan leader visits Moscow for discussions with Putin",
            )),
        ),
        (
            "Shortly after Maduro's last visit to Moscow, last December, Russia sent two strategic bombers.",
            "last December",
            Some(("visit", "Maduro's visit to Moscow")),
        ),
        (
            "The opposition's efforts to take over the palace have stalled after a botched uprising in April.",
            "April",
            Some(("uprising", "Botched uprising")),
        ),
        (
            "The Chavista leader met on Wednesday in Moscow with Russian President Vladimir Putin.",
            "Wednesday",
            Some((
                "meet",
                "The Chavista leader meets in Moscow with Russian President Vladimir Putin",
            )),
        ),
        (
            "Venezuela lives in deep crisis after the opponent Juan Guaidó proclaimed himself president of the country last January and was recognized by 50 countries.",
            "last January",
            Some((
                "proclaim",
                "Juan Guaidó proclaims himself president of the country",
            )),
        ),
        (
            "This is the first trip abroad of the Venezuelan since last January the president of the Assembly, Juan Guaidó, proclaimed himself interim president.",
            "last January",
            Some((
                "proclaim",
                "Juan Guaidó proclaims himself interim president",
            )),
        ),
        ("Moscow has been a backer since 2016.", "2016", None),
        (
            "He said the US plans to interfere in the Venezuelan elections of 2020.",
            "2020",
            // The noun's own base form: the trigger model maps no noun to
            // a verb ("election", not "elect").
            Some(("election", "Venezuelan elections")),
        ),
        ("A ministry researcher said that year.", "that year", None),
        (
            "Putin received his counterpart, Nicolás Maduro, in Moscow, who arrived yesterday in the Russian capital.",
            "yesterday",
            Some(("arrive", "Nicolás Maduro arrives in the Russian capital")),
        ),
        (
            "Maduro accused the US of planning to interfere in legislative elections, scheduled for next year.",
            "next year",
            Some(("election", "Legislative elections scheduled")),
        ),
        (
            "Maduro was in Moscow less than a year ago and met officials.",
            "less than a year ago",
            Some(("visit", "Maduro was in Moscow")),
        ),
        (
            "Of the 254,000 tons of grain supplied last year it will go to 600,000.",
            "last year",
            // A prepositional phrase is no subject: no headline, but the
            // article still cites the year (a mention without a title).
            Some(("supply", "")),
        ),
        (
            "Bush promises Italian leader a full investigation Sunday 6 March 2005 01.36 GMT The Italian journalist arrived in Rome.",
            "Sunday 6 March 2005",
            // A headline, its time stamp and the text run on: the headline.
            Some((
                "promise",
                "Bush promises Italian leader a full investigation",
            )),
        ),
        (
            "President Barack Obama pledged on Thursday to \"use every single available resource\" to help.",
            "Thursday",
            // An opening quote inside the clause does not end it.
            Some((
                "pledge",
                "Barack Obama pledges to use every single available resource",
            )),
        ),
        (
            "Putin, one of Maduro's few allies, didn't offer new support at their meeting in the Kremlin Wednesday.",
            "Wednesday",
            Some(("meeting", "Meeting in the Kremlin")),
        ),
    ];
    for (text, phrase, want) in table {
        let got = one(text, phrase, "2019-01");
        let want = want.map(|(l, t)| (l.to_owned(), t.to_owned()));
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn anchors_table() {
    // (text, timex phrases with values, event word, expected timex phrase)
    type Row<'a> = (&'a str, &'a [(&'a str, &'a str)], &'a str, Option<&'a str>);
    let table: &[Row<'_>] = &[
        (
            "In April, the army rebelled and the president fled.",
            &[("April", "2019-04")],
            "fled",
            Some("April"),
        ),
        (
            "In April, the army rebelled after talks failed.",
            &[("April", "2019-04")],
            "failed",
            None,
        ),
        (
            "Maduro's visit to Moscow, last December, alarmed Washington.",
            &[("last December", "2018-12")],
            "visit",
            Some("last December"),
        ),
        (
            "Officials said the plant closed in 2016.",
            &[("2016", "2016")],
            "closed",
            Some("2016"),
        ),
        (
            "Officials said Monday that the plant had closed.",
            &[("Monday", "2019-09-23")],
            "closed",
            None,
        ),
        (
            "Officials said Monday that the plant had closed.",
            &[("Monday", "2019-09-23")],
            "said",
            Some("Monday"),
        ),
        (
            "The firm, which was founded in 1990, said it would sell.",
            &[("1990", "1990")],
            "said",
            None,
        ),
    ];
    for (text, phrases, event, want) in table {
        let timexes: Vec<Timex> = phrases.iter().map(|(p, v)| timex(text, p, v)).collect();
        let at = text.find(event).unwrap();
        let span = std::iter::once(at..at + event.len()).collect::<Vec<_>>();
        let got = anchors(text, &timexes, &span)[0].map(|i| &text[timexes[i].span.clone()]);
        assert_eq!(got, *want, "{text} / {event}");
    }
}

#[test]
fn a_range_is_one_mention_dated_by_its_start() {
    let text = "Russia signed 30 contracts worth $11 billion from 2005 to 2013, according to Tass.";
    let ms = mentions(
        text,
        &[timex(text, "2005", "2005"), timex(text, "2013", "2013")],
    );
    assert_eq!(ms.len(), 1);
    assert_eq!(ms[0].value.as_str(), "2005");
    assert_eq!(ms[0].title, "Russia signs 30 contracts worth $11 billion");
}

#[test]
fn clauses_told_by_a_pronoun_make_no_mention() {
    for text in [
        "It signed 30 contracts in 2005.",
        "He resigned in 2005.",
        "We moved here in 2005.",
        "Their offices closed in 2005.",
    ] {
        let ms = mentions(text, &[timex(text, "2005", "2005")]);
        assert!(ms.is_empty(), "{text}: {ms:?}");
    }
    let text = "The minister resigned in 2005.";
    assert_eq!(mentions(text, &[timex(text, "2005", "2005")]).len(), 1);
}

#[test]
fn durations_and_references_date_nothing() {
    let text = "He waited two weeks in recent years.";
    let mut t = timex(text, "two weeks", "P2W");
    t.kind = TimexType::Duration;
    let r = timex(text, "recent years", "PAST_REF");
    assert!(mentions(text, &[t, r]).is_empty());
}

#[test]
fn negation_and_participants() {
    let text = "Putin didn't offer Guaidó's allies aid in Moscow on Wednesday.";
    let m = &mentions(text, &[timex(text, "Wednesday", "2019-09-25")])[0];
    assert!(m.negated);
    assert_eq!(m.participants, ["guaido", "moscow", "putin"]);
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Arbitrary text with timexes on arbitrary char-boundary spans.
    fn text_and_timexes() -> impl Strategy<Value = (String, Vec<Timex>)> {
        let text = prop_oneof![
            "\\PC{0,200}",
            Just("Maduro last visited Russia in December 2018, just days before bombers flew.".to_owned()),
            Just("Since last January, the president of the Assembly, Juan Guaidó, said that it ended.".to_owned()),
        ];
        (
            text,
            prop::collection::vec((any::<u16>(), any::<u16>(), 0..4u8), 0..6),
        )
            .prop_map(|(text, raw)| {
                let bounds: Vec<usize> = (0..=text.len())
                    .filter(|&i| text.is_char_boundary(i))
                    .collect();
                let mut timexes: Vec<Timex> = raw
                    .into_iter()
                    .filter_map(|(a, b, k)| {
                        let a = bounds[a as usize % bounds.len()];
                        let b = bounds[b as usize % bounds.len()];
                        let (start, end) = (a.min(b), a.max(b));
                        (start < end).then(|| Timex {
                            span: start..end,
                            kind: [
                                TimexType::Date,
                                TimexType::Time,
                                TimexType::Duration,
                                TimexType::Set,
                            ][k as usize],
                            value: ["2019-09-25", "2018-12", "P2W", "XXXX-WXX-1"][k as usize]
                                .parse()
                                .expect("valid"),
                            modifier: None,
                        })
                    })
                    .collect();
                timexes.sort_by_key(|t| t.span.start);
                (text, timexes)
            })
    }

    proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { rng_seed: proptest::test_runner::RngSeed::Fixed(0x5eed_a11a), ..proptest::prelude::ProptestConfig::default() })]

        #[test]
        fn mentions_and_anchors_stay_in_bounds((text, timexes) in text_and_timexes()) {
            for m in mentions(&text, &timexes) {
                for r in [&m.sentence, &m.trigger, &m.timex] {
                    prop_assert!(r.start <= r.end && r.end <= text.len());
                    prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
                }
                prop_assert!(m.title.split_whitespace().count() <= MAX_TITLE_WORDS);
            }
            let spans: Vec<Range<usize>> = timexes.iter().map(|t| t.span.clone()).collect();
            let anchored = anchors(&text, &timexes, &spans);
            prop_assert_eq!(anchored.len(), spans.len());
            prop_assert!(anchored.iter().flatten().all(|&i| i < timexes.len()));
        }
    }
}

fn lead_titles(text: &str, timexes: &[Timex]) -> Vec<(String, String)> {
    let published = chrono::NaiveDate::from_ymd_opt(2011, 11, 7).expect("a real day");
    lead(text, timexes, published)
        .into_iter()
        .map(|m| (m.value.to_string(), m.title))
        .collect()
}

#[test]
fn a_lead_in_the_present_perfect_reports_the_publication_day() {
    let text = "Dr Conrad Murray has been found guilty of involuntary manslaughter. \
                The jury deliberated for two days. The verdict was read out in court.";
    assert_eq!(
        lead_titles(text, &[]),
        vec![(
            "2011-11-07".to_owned(),
            "Dr Conrad Murray has been found guilty of involuntary manslaughter".to_owned()
        )]
    );
}

#[test]
fn background_questions_and_later_sentences_are_no_lead() {
    // A date phrase leaves the sentence to `mentions`.
    let dated = "The clinic has opened a branch in 2000.";
    assert!(lead_titles(dated, &[timex(dated, "2000", "2000")]).is_empty());
    // Questions, subordinate clauses, quotes, negations.
    for text in [
        "Has the vote been held?",
        "What we have seen is a crowd.",
        "\"The army has left,\" a witness said.",
        "The army has not left the city.",
    ] {
        assert!(lead_titles(text, &[]).is_empty(), "{text}");
    }
    // Past the opening sentences the present perfect is no news of the day.
    let late = "Crowds gathered. Shops closed. Rain fell. The army has left the city.";
    assert!(lead_titles(late, &[]).is_empty());
    let early = "Crowds gathered. The army has left the city.";
    assert_eq!(lead_titles(early, &[]).len(), 1);
}

/// Each row's text, with its phrase dated, makes one mention with the
/// title given.
fn assert_titles(table: &[(&str, &str, &str)]) {
    for (text, phrase, want) in table {
        let got = one(text, phrase, "2011-02").map(|(_, t)| t);
        assert_eq!(got.as_deref(), Some(*want), "{text}");
    }
}

#[test]
fn headline_verbs_agree_and_keep_their_auxiliaries() {
    let table: &[(&str, &str, &str)] = &[
        // The subject's head noun is "Protests", not the name in its phrase.
        (
            "Protests against the 68-year-old leader began on Tuesday in the eastern city.",
            "Tuesday",
            "Protests against the 68-year-old leader begin in the eastern city",
        ),
        (
            "The number of protesters grew on Tuesday in the eastern city.",
            "Tuesday",
            "The number of protesters grows in the eastern city",
        ),
        // An adverb between the auxiliary and the participle keeps it a
        // participle: no "was more restrains", "was also arrests".
        (
            "The European Union was more restrained on Friday.",
            "Friday",
            "The European Union was more restrained",
        ),
        (
            "The minister was also arrested on Friday in the capital.",
            "Friday",
            "The minister was arrested in the capital",
        ),
        (
            "Stocks were 104 percent above average as we headed on Monday into winter.",
            "Monday",
            "Stocks were 104 percent above average as we head into winter",
        ),
        // A participle before its agent is no finite verb.
        (
            "The estimates cited on Monday by the minister were too low.",
            "Monday",
            "The estimates cited by the minister were too low",
        ),
        (
            "The group's eastward flight began on Monday at dawn.",
            "Monday",
            "The group's eastward flight begins at dawn",
        ),
        (
            "Some of the fighters returned on Monday to the front.",
            "Monday",
            "Some of the fighters return to the front",
        ),
        (
            "Six of the activists appeared on Monday in court.",
            "Monday",
            "Six of the activists appear in court",
        ),
        // A coordinated verb shares the subject before it.
        (
            "The rescue team landed in the capital and pulled a boy alive from the rubble on Friday.",
            "Friday",
            "The rescue team pulls a boy alive from the rubble",
        ),
        (
            "The union's protest scheduled for Thursday in the capital was called off.",
            "Thursday",
            "The union's protest scheduled in the capital was called off",
        ),
        (
            "Protesters who gathered on Monday in the main square said they would stay.",
            "Monday",
            "Protesters gather in the main square",
        ),
        (
            "Volunteers marked 2010 s celebration of Earth Day with a march.",
            "2010",
            "Celebration of Earth Day with a march",
        ),
        // A name inside a prepositional phrase is not the subject.
        (
            "The ambassador to the United States resigned on Monday in protest.",
            "Monday",
            "The ambassador to the United States resigns in protest",
        ),
    ];
    assert_titles(table);
}

#[test]
fn titles_keep_their_subjects_and_modifiers() {
    let table: &[(&str, &str, &str)] = &[
        (
            "Supporters of Egypt's President Hosni Mubarak flooded into Cairo's Tahrir Square Wednesday.",
            "Wednesday",
            "Supporters of Egypt's President Hosni Mubarak flood into Cairo's Tahrir Square",
        ),
        (
            "Volunteers on Saturday removed burned cars from the square.",
            "Saturday",
            "Volunteers remove burned cars from the square",
        ),
        (
            "As many as 200,000 people died in the 12 January earthquake.",
            "12 January",
            "As many as 200,000 people died in the earthquake",
        ),
        (
            "Aid is arriving, though UN Secretary General Ban Ki-moon, who is due to visit Haiti on Sunday, said more was needed.",
            "Sunday",
            "UN Secretary General Ban Ki-moon is due to visit Haiti",
        ),
    ];
    assert_titles(table);
}

#[test]
fn no_headline_opens_with_a_verb_that_lacks_its_subject() {
    for (text, phrase) in [
        (
            "Some pro-Mubarak crowds, who on Wednesday engaged in bloody clashes with the protesters.",
            "Wednesday",
        ),
        ("It was found on Tuesday in the rubble.", "Tuesday"),
        (
            "Do you remember what you were doing on Tuesday night?",
            "Tuesday night",
        ),
        (
            "Her son said he had heard her cries on Thursday morning.",
            "Thursday morning",
        ),
        (
            "He scooped a prize, predicting in his blog on Tuesday that talks would fail.",
            "Tuesday",
        ),
        (
            "Ten were rescued, including a girl removed from the rubble on Friday.",
            "Friday",
        ),
        (
            "Egypt sent troops to the coalition that drove Iraq out of Kuwait in 1991.",
            "1991",
        ),
        (
            "Presenting a plan to boost the sector yesterday, the minister said more would come.",
            "yesterday",
        ),
        (
            "After presenting a plan to boost the sector yesterday, the minister said more would come.",
            "yesterday",
        ),
        (
            "He said they would personally fight on Monday to resist foreign forces.",
            "Monday",
        ),
    ] {
        let t = timex(text, phrase, "2010-01-12");
        for m in mentions(text, &[t]) {
            let first = m.title.split_whitespace().next().unwrap_or_default();
            assert!(
                ![
                    "Engaged",
                    "Was",
                    "Do",
                    "Found",
                    "Heard",
                    "Predicting",
                    "Including",
                    "Drove",
                    "Presenting",
                    "Personally"
                ]
                .contains(&first),
                "{text}: {}",
                m.title
            );
        }
    }
}

#[test]
fn a_caption_run_on_into_the_text_is_cut_from_titles() {
    let text = "Population of 10 million people Most villagers fled their homes in 2006.";
    let t = timex(text, "2006", "2010-01-12");
    let titles: Vec<String> = mentions(text, &[t]).into_iter().map(|m| m.title).collect();
    assert_eq!(titles, ["Most villagers flee their homes"]);
    // The caption's verb is not dated by the text's date.
    let text =
        "Survivors dig, looking for food and water Up to 10,000 troops will be there by Monday.";
    let t = timex(text, "Monday", "2010-01-12");
    let found = mentions(text, &[t]);
    assert!(!found.is_empty(), "{text}");
    for m in found {
        assert!(!m.title.to_lowercase().contains("food"), "{}", m.title);
    }
    // "The Hague" is a name, not a sentence run on.
    let text = "The envoy flew to The Hague on Monday.";
    let t = timex(text, "Monday", "2010-01-12");
    let titles: Vec<String> = mentions(text, &[t]).into_iter().map(|m| m.title).collect();
    assert_eq!(titles, ["The envoy flies to The Hague"]);
}

#[test]
fn a_clause_without_a_headline_still_cites_its_date() {
    let text =
        "Some pro-Mubarak crowds, who on Wednesday engaged in bloody clashes with the protesters.";
    let t = timex(text, "Wednesday", "2010-01-12");
    let found = mentions(text, &[t]);
    assert!(!found.is_empty(), "{text}");
    assert!(found.iter().all(|m| m.title.is_empty()), "{found:?}");
}

#[test]
fn a_participle_before_its_noun_keeps_the_noun_phrase() {
    for (text, phrase, want) in [
        (
            "Wounded soldiers were flown to Germany on Friday.",
            "Friday",
            "Wounded soldiers",
        ),
        (
            "The bombing in Baghdad on Sunday killed 20 people.",
            "Sunday",
            "The bombing in Baghdad",
        ),
        (
            "Early elections were held on Sunday.",
            "Sunday",
            "Early elections",
        ),
    ] {
        let t = timex(text, phrase, "2010-01-12");
        let titles: Vec<String> = mentions(text, &[t]).into_iter().map(|m| m.title).collect();
        assert!(
            titles.iter().any(|t| t.starts_with(want)),
            "{text}: {titles:?}"
        );
    }
}
