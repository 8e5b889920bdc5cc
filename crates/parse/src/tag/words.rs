//! The word table of the pre-scan: one hash lookup classifies a word as
//! a temporal word on its own (`STRONG`), a function word that may start
//! an expression (`WEAK`: "the", "last", "two") or a head word that ends
//! or anchors one (`HEAD`: "year", "ago"). The table is built at compile
//! time (open addressing over a word's case-folded bytes, packed into
//! one integer), so the scan neither allocates nor compares strings.

use super::lex::is_word_byte;

/// Temporal on its own: month and weekday names, "today", "now"...
pub(crate) const STRONG: u8 = 1;
/// May start an expression when a head word follows within a few words.
pub(crate) const WEAK: u8 = 2;
/// Ends or anchors an expression: units, "ago", "past", "morning"...
pub(crate) const HEAD: u8 = 4;
/// A calendar name (month, weekday, season): temporal on its own only
/// when capitalised ("May", not "may"; "Fall" or "last fall").
pub(crate) const CAL: u8 = 8;
/// A month name or abbreviation.
pub(crate) const MONTH: u8 = 16;
/// A weekday name or abbreviation.
pub(crate) const WEEKDAY: u8 = 32;
/// Glue inside an expression ("of", "than", "the end of", "a.m."): keeps
/// a run of temporal words going without starting or ending one.
pub(crate) const GLUE: u8 = 64;

const WORDS: &[(&str, u8, u32)] = &[
    ("a", WEAK, G_AMOUNT),
    ("about", WEAK, G_MOD),
    ("additional", GLUE, 0),
    ("adha", GLUE, 0),
    ("afternoon", HEAD, 0),
    ("ago", HEAD, G_PAST_CUE),
    ("ahead", HEAD, 0),
    ("al", GLUE, 0),
    ("almost", WEAK, G_MOD),
    ("am", 0, G_PRESENT_CUE),
    ("an", WEAK, G_AMOUNT),
    ("and", GLUE, 0),
    ("annually", STRONG, G_SET),
    ("approximately", WEAK, G_MOD),
    ("apr", STRONG | CAL | MONTH, 0),
    ("april", STRONG | CAL | MONTH, 0),
    ("are", 0, G_PRESENT_CUE),
    ("armistice", WEAK, G_HOLIDAY),
    ("arose", 0, G_PAST_CUE),
    ("around", WEAK, G_MOD),
    ("ash", WEAK, G_HOLIDAY),
    ("at", WEAK, G_REF | G_MOD),
    ("ate", 0, G_PAST_CUE),
    ("aug", STRONG | CAL | MONTH, 0),
    ("august", STRONG | CAL | MONTH, 0),
    ("autumn", STRONG | CAL, G_SEASON),
    ("awoke", 0, G_PAST_CUE),
    ("bastille", WEAK, G_HOLIDAY),
    ("became", 0, G_PAST_CUE),
    ("began", 0, G_PAST_CUE),
    ("beginning", GLUE, 0),
    ("bent", 0, G_PAST_CUE),
    ("biweekly", STRONG, G_SET),
    ("black", WEAK, G_HOLIDAY),
    ("bled", 0, G_PAST_CUE),
    ("blew", 0, G_PAST_CUE),
    ("bore", 0, G_PAST_CUE),
    ("bought", 0, G_PAST_CUE),
    ("boxing", WEAK, G_HOLIDAY),
    ("bred", 0, G_PAST_CUE),
    ("broke", 0, G_PAST_CUE),
    ("brought", 0, G_PAST_CUE),
    ("bst", GLUE, 0),
    ("built", 0, G_PAST_CUE),
    ("burnt", 0, G_PAST_CUE),
    ("business", GLUE, 0),
    ("came", 0, G_PAST_CUE),
    ("caught", 0, G_PAST_CUE),
    ("cdt", GLUE, 0),
    ("centuries", STRONG | HEAD, G_PLURAL),
    ("century", HEAD, 0),
    ("cet", GLUE, 0),
    ("chanukah", STRONG, G_HOLIDAY),
    ("chinese", WEAK, G_HOLIDAY),
    ("chose", 0, G_PAST_CUE),
    ("christmas", STRONG, G_HOLIDAY),
    ("close", GLUE, 0),
    ("clung", 0, G_PAST_CUE),
    ("columbus", WEAK, G_HOLIDAY),
    ("coming", WEAK, G_REL | G_REF),
    ("comparable", GLUE, 0),
    ("consecutive", GLUE, 0),
    ("corresponding", GLUE, 0),
    ("couple", GLUE, 0),
    ("crept", 0, G_PAST_CUE),
    ("cst", GLUE, 0),
    ("current", STRONG, G_REF),
    ("currently", STRONG, G_REF),
    ("cyber", WEAK, G_HOLIDAY),
    ("daily", STRONG, G_SET),
    ("date", HEAD, 0),
    ("day", HEAD, 0),
    ("days", STRONG | HEAD, G_PLURAL),
    ("dealt", 0, G_PAST_CUE),
    ("dec", STRONG | CAL | MONTH, 0),
    ("decade", HEAD, 0),
    ("decades", STRONG | HEAD, G_PLURAL),
    ("december", STRONG | CAL | MONTH, 0),
    ("deepavali", STRONG, G_HOLIDAY),
    ("did", 0, G_PAST_CUE),
    ("diwali", STRONG, G_HOLIDAY),
    ("dozen", WEAK, G_AMOUNT),
    ("dozens", WEAK, G_AMOUNT),
    ("drank", 0, G_PAST_CUE),
    ("drew", 0, G_PAST_CUE),
    ("drove", 0, G_PAST_CUE),
    ("due", 0, G_FUTURE_CUE),
    ("dug", 0, G_PAST_CUE),
    ("dwelt", 0, G_PAST_CUE),
    ("each", WEAK, G_SET),
    ("earlier", WEAK | HEAD, G_REL | G_PAST_CUE),
    ("early", WEAK, G_MOD),
    ("earth", WEAK, G_HOLIDAY),
    ("easter", STRONG, G_HOLIDAY),
    ("edt", GLUE, 0),
    ("eid", STRONG, G_HOLIDAY),
    ("eight", WEAK, G_AMOUNT),
    ("eighteen", STRONG | HEAD, G_AMOUNT | G_YEARWORD),
    ("eighth", WEAK, G_ORD),
    ("eighties", HEAD, 0),
    ("eighty", WEAK, G_AMOUNT),
    ("el", GLUE, 0),
    ("election", WEAK, G_HOLIDAY),
    ("eleven", WEAK, G_AMOUNT),
    ("eleventh", WEAK, G_ORD),
    ("end", GLUE, 0),
    ("ensuing", WEAK, G_REF),
    ("entire", GLUE, 0),
    ("est", GLUE, 0),
    ("et", GLUE, 0),
    ("eve", HEAD, 0),
    ("evening", HEAD, 0),
    ("every", WEAK, G_SET),
    ("expected", 0, G_FUTURE_CUE),
    ("expects", 0, G_FUTURE_CUE),
    ("fall", STRONG | CAL, G_SEASON),
    ("father", WEAK, G_HOLIDAY),
    ("feb", STRONG | CAL | MONTH, 0),
    ("february", STRONG | CAL | MONTH, 0),
    ("fed", 0, G_PAST_CUE),
    ("fell", 0, G_PAST_CUE),
    ("felt", 0, G_PAST_CUE),
    ("few", WEAK, G_AMOUNT),
    ("fewer", WEAK, G_MOD),
    ("fifteen", WEAK, G_AMOUNT),
    ("fifth", WEAK, G_ORD),
    ("fifties", HEAD, 0),
    ("fifty", WEAK, G_AMOUNT),
    ("final", GLUE, G_ORD),
    ("first", WEAK, G_ORD),
    ("fiscal", STRONG, G_FISCAL),
    ("fitr", GLUE, 0),
    ("five", WEAK, G_AMOUNT),
    ("fled", 0, G_PAST_CUE),
    ("flew", 0, G_PAST_CUE),
    ("flung", 0, G_PAST_CUE),
    ("following", GLUE, 0),
    ("forbade", 0, G_PAST_CUE),
    ("foreseeable", GLUE, 0),
    ("forgave", 0, G_PAST_CUE),
    ("forgot", 0, G_PAST_CUE),
    ("formerly", WEAK, 0),
    ("forsook", 0, G_PAST_CUE),
    ("forties", HEAD, 0),
    ("fortnight", HEAD, 0),
    ("fortnights", STRONG | HEAD, G_PLURAL),
    ("forty", WEAK, G_AMOUNT),
    ("fought", 0, G_PAST_CUE),
    ("found", 0, G_PAST_CUE),
    ("four", WEAK, G_AMOUNT),
    ("fourteen", WEAK, G_AMOUNT),
    ("fourth", WEAK, G_ORD),
    ("fri", STRONG | CAL | WEEKDAY, 0),
    ("friday", STRONG | CAL | WEEKDAY, 0),
    ("froze", 0, G_PAST_CUE),
    ("full", GLUE, 0),
    ("future", STRONG | HEAD, G_REF),
    ("fy", STRONG, G_FISCAL),
    ("gave", 0, G_PAST_CUE),
    ("gmt", GLUE, 0),
    ("going", 0, G_FUTURE_CUE),
    ("good", WEAK, G_HOLIDAY),
    ("got", 0, G_PAST_CUE),
    ("grew", 0, G_PAST_CUE),
    ("ground", 0, G_PAST_CUE),
    ("groundhog", WEAK, G_HOLIDAY),
    ("h1", STRONG, G_FISCAL),
    ("h2", STRONG, G_FISCAL),
    ("had", 0, G_PAST_CUE),
    ("half", HEAD, 0),
    ("halloween", STRONG, G_HOLIDAY),
    ("hanukah", STRONG, G_HOLIDAY),
    ("hanukkah", STRONG, G_HOLIDAY),
    ("hashana", HEAD, 0),
    ("hashanah", HEAD, 0),
    ("heard", 0, G_PAST_CUE),
    ("held", 0, G_PAST_CUE),
    ("hid", 0, G_PAST_CUE),
    ("hour", HEAD, 0),
    ("hourly", STRONG, G_SET),
    ("hours", STRONG | HEAD, G_PLURAL),
    ("hundred", WEAK, G_AMOUNT),
    ("hundreds", WEAK, G_AMOUNT),
    ("hung", 0, G_PAST_CUE),
    ("inauguration", WEAK, G_HOLIDAY),
    ("independence", WEAK, G_HOLIDAY),
    ("initial", GLUE, G_ORD),
    ("intends", 0, G_FUTURE_CUE),
    ("is", 0, G_PRESENT_CUE),
    ("jan", STRONG | CAL | MONTH, 0),
    ("january", STRONG | CAL | MONTH, 0),
    ("jr", GLUE, 0),
    ("jul", STRONG | CAL | MONTH, 0),
    ("july", STRONG | CAL | MONTH, 0),
    ("jun", STRONG | CAL | MONTH, 0),
    ("june", STRONG | CAL | MONTH, 0),
    ("juneteenth", STRONG, G_HOLIDAY),
    ("kept", 0, G_PAST_CUE),
    ("king", GLUE, 0),
    ("kippur", HEAD, 0),
    ("knelt", 0, G_PAST_CUE),
    ("knew", 0, G_PAST_CUE),
    ("labor", WEAK, G_HOLIDAY),
    ("laid", 0, G_PAST_CUE),
    ("last", WEAK, G_REL | G_PAST_CUE),
    ("late", WEAK, G_MOD),
    ("lately", STRONG, G_REF),
    ("later", WEAK | HEAD, G_REL),
    ("latest", GLUE, 0),
    ("leapt", 0, G_PAST_CUE),
    ("least", GLUE, 0),
    ("led", 0, G_PAST_CUE),
    ("left", 0, G_PAST_CUE),
    ("lent", 0, G_PAST_CUE),
    ("less", WEAK, G_MOD),
    ("long", GLUE, 0),
    ("longer", WEAK | GLUE, G_MOD),
    ("lost", 0, G_PAST_CUE),
    ("lunar", WEAK, G_HOLIDAY),
    ("luther", GLUE, 0),
    ("m", GLUE, 0),
    ("made", 0, G_PAST_CUE),
    ("many", WEAK, G_AMOUNT),
    ("mar", STRONG | CAL | MONTH, 0),
    ("march", STRONG | CAL | MONTH, 0),
    ("martin", WEAK, G_HOLIDAY),
    ("may", STRONG | CAL | MONTH, 0),
    ("mdt", GLUE, 0),
    ("meant", 0, G_PAST_CUE),
    ("memorial", WEAK, G_HOLIDAY),
    ("met", 0, G_PAST_CUE),
    ("mid", STRONG, G_MOD),
    ("midday", STRONG, G_CLOCK),
    ("middle", GLUE, 0),
    ("midnight", STRONG, G_CLOCK),
    ("mins", HEAD, 0),
    ("minute", HEAD, 0),
    ("minutes", STRONG | HEAD, G_PLURAL),
    ("mon", STRONG | CAL | WEEKDAY, 0),
    ("monday", STRONG | CAL | WEEKDAY, 0),
    ("month", HEAD, 0),
    ("monthly", STRONG, G_SET),
    ("months", STRONG | HEAD, G_PLURAL),
    ("more", WEAK, G_MOD),
    ("morning", HEAD, 0),
    ("most", GLUE, 0),
    ("mother", WEAK, G_HOLIDAY),
    ("mst", GLUE, 0),
    ("near", GLUE, 0),
    ("nearly", WEAK, G_MOD),
    ("new", WEAK, G_HOLIDAY),
    ("next", WEAK, G_REL | G_FUTURE_CUE),
    ("night", HEAD, 0),
    ("nightly", STRONG, G_SET),
    ("nine", WEAK, G_AMOUNT),
    ("nineteen", STRONG | HEAD, G_AMOUNT | G_YEARWORD),
    ("nineties", HEAD, 0),
    ("ninety", WEAK, G_AMOUNT),
    ("ninth", WEAK, G_ORD),
    ("no", WEAK, G_MOD),
    ("noon", STRONG, G_CLOCK),
    ("nov", STRONG | CAL | MONTH, 0),
    ("november", STRONG | CAL | MONTH, 0),
    ("now", STRONG, G_REF),
    ("nowadays", STRONG, G_REF),
    ("oct", STRONG | CAL | MONTH, 0),
    ("october", STRONG | CAL | MONTH, 0),
    ("of", GLUE, 0),
    ("one", WEAK, G_AMOUNT),
    ("or", GLUE, 0),
    ("over", WEAK, G_MOD),
    ("overcame", 0, G_PAST_CUE),
    ("overnight", HEAD, 0),
    ("oversaw", 0, G_PAST_CUE),
    ("overthrew", 0, G_PAST_CUE),
    ("overtook", 0, G_PAST_CUE),
    ("p", GLUE, 0),
    ("paid", 0, G_PAST_CUE),
    ("palm", WEAK, G_HOLIDAY),
    ("passover", STRONG, G_HOLIDAY),
    ("past", WEAK | HEAD, G_REL),
    ("patrick", GLUE, 0),
    ("pdt", GLUE, 0),
    ("pentecost", STRONG, G_HOLIDAY),
    ("per", WEAK, G_SET),
    ("period", HEAD, 0),
    ("pesach", STRONG, G_HOLIDAY),
    ("plan", 0, G_FUTURE_CUE),
    ("planned", 0, G_FUTURE_CUE),
    ("planning", 0, G_FUTURE_CUE),
    ("plans", 0, G_FUTURE_CUE),
    ("pled", 0, G_PAST_CUE),
    ("preceding", GLUE, 0),
    ("present", HEAD, 0),
    ("presidents", WEAK, G_HOLIDAY),
    ("previous", GLUE, 0),
    ("previously", WEAK, 0),
    ("prior", GLUE, 0),
    ("pst", GLUE, 0),
    ("pt", GLUE, 0),
    ("q1", STRONG, G_FISCAL),
    ("q2", STRONG, G_FISCAL),
    ("q3", STRONG, G_FISCAL),
    ("q4", STRONG, G_FISCAL),
    ("quarter", HEAD, 0),
    ("quarterly", WEAK, 0),
    ("quarters", HEAD, 0),
    ("ramadan", STRONG, G_HOLIDAY),
    ("ran", 0, G_PAST_CUE),
    ("rang", 0, G_PAST_CUE),
    ("recent", STRONG, G_REF),
    ("recently", STRONG, G_REF),
    ("remaining", GLUE, G_ORD),
    ("remembrance", WEAK, G_HOLIDAY),
    ("right", WEAK, G_REF),
    ("rode", 0, G_PAST_CUE),
    ("rose", 0, G_PAST_CUE),
    ("rosh", WEAK, G_HOLIDAY),
    ("roughly", WEAK, G_MOD),
    ("s", GLUE, 0),
    ("said", 0, G_PAST_CUE),
    ("saint", WEAK, G_HOLIDAY),
    ("same", GLUE, 0),
    ("sang", 0, G_PAST_CUE),
    ("sank", 0, G_PAST_CUE),
    ("sat", STRONG | CAL | WEEKDAY, 0),
    ("saturday", STRONG | CAL | WEEKDAY, 0),
    ("saw", 0, G_PAST_CUE),
    ("say", 0, G_PRESENT_CUE),
    ("says", 0, G_PRESENT_CUE),
    ("scheduled", 0, G_FUTURE_CUE),
    ("second", WEAK | HEAD, G_ORD),
    ("seconds", HEAD, 0),
    ("sent", 0, G_PAST_CUE),
    ("sep", STRONG | CAL | MONTH, 0),
    ("sept", STRONG | CAL | MONTH, 0),
    ("september", STRONG | CAL | MONTH, 0),
    ("seven", WEAK, G_AMOUNT),
    ("seventeen", WEAK, G_AMOUNT),
    ("seventh", WEAK, G_ORD),
    ("seventies", HEAD, 0),
    ("seventy", WEAK, G_AMOUNT),
    ("several", WEAK, G_AMOUNT),
    ("shall", 0, G_FUTURE_CUE),
    ("shone", 0, G_PAST_CUE),
    ("shook", 0, G_PAST_CUE),
    ("short", GLUE, 0),
    ("shot", 0, G_PAST_CUE),
    ("should", 0, G_FUTURE_CUE),
    ("shrank", 0, G_PAST_CUE),
    ("six", WEAK, G_AMOUNT),
    ("sixteen", WEAK, G_AMOUNT),
    ("sixth", WEAK, G_ORD),
    ("sixties", HEAD, 0),
    ("sixty", WEAK, G_AMOUNT),
    ("slept", 0, G_PAST_CUE),
    ("slid", 0, G_PAST_CUE),
    ("sold", 0, G_PAST_CUE),
    ("some", WEAK, G_MOD),
    ("soon", WEAK, 0),
    ("sought", 0, G_PAST_CUE),
    ("spat", 0, G_PAST_CUE),
    ("spent", 0, G_PAST_CUE),
    ("spoke", 0, G_PAST_CUE),
    ("sprang", 0, G_PAST_CUE),
    ("spring", STRONG | CAL, G_SEASON),
    ("spun", 0, G_PAST_CUE),
    ("st", WEAK, G_HOLIDAY),
    ("start", GLUE, 0),
    ("stole", 0, G_PAST_CUE),
    ("stood", 0, G_PAST_CUE),
    ("straight", GLUE, 0),
    ("strode", 0, G_PAST_CUE),
    ("strove", 0, G_PAST_CUE),
    ("struck", 0, G_PAST_CUE),
    ("stuck", 0, G_PAST_CUE),
    ("stung", 0, G_PAST_CUE),
    ("summer", STRONG | CAL, G_SEASON),
    ("sun", STRONG | CAL | WEEKDAY, 0),
    ("sunday", STRONG | CAL | WEEKDAY, 0),
    ("swam", 0, G_PAST_CUE),
    ("swept", 0, G_PAST_CUE),
    ("swore", 0, G_PAST_CUE),
    ("swung", 0, G_PAST_CUE),
    ("taught", 0, G_PAST_CUE),
    ("ten", WEAK, G_AMOUNT),
    ("tenth", WEAK, G_ORD),
    ("term", HEAD | GLUE, 0),
    ("than", GLUE, 0),
    ("thanksgiving", STRONG, G_HOLIDAY),
    ("that", WEAK, G_THAT),
    ("the", WEAK, G_THE | G_MOD),
    ("these", WEAK, G_REF),
    ("third", WEAK, G_ORD),
    ("thirteen", WEAK, G_AMOUNT),
    ("thirties", HEAD, 0),
    ("thirty", WEAK, G_AMOUNT),
    ("this", WEAK, G_REL),
    ("thought", 0, G_PAST_CUE),
    ("thousand", HEAD, 0),
    ("thousands", WEAK, G_AMOUNT),
    ("three", WEAK, G_AMOUNT),
    ("threw", 0, G_PAST_CUE),
    ("thu", STRONG | CAL | WEEKDAY, 0),
    ("thur", STRONG | CAL | WEEKDAY, 0),
    ("thurs", STRONG | CAL | WEEKDAY, 0),
    ("thursday", STRONG | CAL | WEEKDAY, 0),
    ("time", GLUE, 0),
    ("to", GLUE, 0),
    ("today", STRONG, G_DAYW),
    ("told", 0, G_PAST_CUE),
    ("tomorrow", STRONG, G_DAYW | G_FUTURE_CUE),
    ("tonight", STRONG, G_DAYW),
    ("took", 0, G_PAST_CUE),
    ("tore", 0, G_PAST_CUE),
    ("trading", GLUE, 0),
    ("trod", 0, G_PAST_CUE),
    ("tue", STRONG | CAL | WEEKDAY, 0),
    ("tues", STRONG | CAL | WEEKDAY, 0),
    ("tuesday", STRONG | CAL | WEEKDAY, 0),
    ("turn", GLUE, 0),
    ("twelfth", WEAK, G_ORD),
    ("twelve", WEAK, G_AMOUNT),
    ("twenties", HEAD, 0),
    ("twenty", WEAK, G_AMOUNT),
    ("two", WEAK, G_AMOUNT | G_YEARWORD),
    ("ul", GLUE, 0),
    ("under", WEAK, G_MOD),
    ("understood", 0, G_PAST_CUE),
    ("undertook", 0, G_PAST_CUE),
    ("underwent", 0, G_PAST_CUE),
    ("up", WEAK, G_MOD),
    ("upcoming", 0, G_FUTURE_CUE),
    ("upheld", 0, G_PAST_CUE),
    ("utc", GLUE, 0),
    ("valentine", WEAK, G_HOLIDAY),
    ("veterans", WEAK, G_HOLIDAY),
    ("was", 0, G_PAST_CUE),
    ("wed", STRONG | CAL | WEEKDAY, 0),
    ("wednesday", STRONG | CAL | WEEKDAY, 0),
    ("week", HEAD, 0),
    ("weekend", HEAD, 0),
    ("weekends", HEAD, 0),
    ("weekly", STRONG, G_SET),
    ("weeks", STRONG | HEAD, G_PLURAL),
    ("went", 0, G_PAST_CUE),
    ("wept", 0, G_PAST_CUE),
    ("were", 0, G_PAST_CUE),
    ("whole", GLUE, 0),
    ("will", 0, G_FUTURE_CUE),
    ("winter", STRONG | CAL, G_SEASON),
    ("withdrew", 0, G_PAST_CUE),
    ("withheld", 0, G_PAST_CUE),
    ("woke", 0, G_PAST_CUE),
    ("won", 0, G_PAST_CUE),
    ("wore", 0, G_PAST_CUE),
    ("working", GLUE, 0),
    ("would", 0, G_FUTURE_CUE),
    ("wove", 0, G_PAST_CUE),
    ("wrote", 0, G_PAST_CUE),
    ("year", STRONG | HEAD, G_YEAR),
    ("yearly", STRONG, G_SET),
    ("years", STRONG | HEAD, G_PLURAL),
    ("yesterday", STRONG, G_DAYW | G_PAST_CUE),
    ("yom", WEAK, G_HOLIDAY),
    ("yrs", HEAD, 0),
];

/// First-word group `REL` (see `rules::core`).
pub(crate) const G_REL: u32 = 1 << 0;
/// First-word group `AMOUNT` (see `rules::core`).
pub(crate) const G_AMOUNT: u32 = 1 << 1;
/// First-word group `ORD` (see `rules::core`).
pub(crate) const G_ORD: u32 = 1 << 2;
/// First-word group `REF` (see `rules::core`).
pub(crate) const G_REF: u32 = 1 << 3;
/// First-word group `SET` (see `rules::core`).
pub(crate) const G_SET: u32 = 1 << 4;
/// First-word group `DAYW` (see `rules::core`).
pub(crate) const G_DAYW: u32 = 1 << 5;
/// First-word group `SEASON` (see `rules::core`).
pub(crate) const G_SEASON: u32 = 1 << 6;
/// First-word group `HOLIDAY` (see `rules::core`).
pub(crate) const G_HOLIDAY: u32 = 1 << 7;
/// First-word group `YEAR` (see `rules::core`).
pub(crate) const G_YEAR: u32 = 1 << 8;
/// First-word group `FISCAL` (see `rules::core`).
pub(crate) const G_FISCAL: u32 = 1 << 9;
/// First-word group `CLOCK` (see `rules::core`).
pub(crate) const G_CLOCK: u32 = 1 << 10;
/// First-word group `PLURAL` (see `rules::core`).
pub(crate) const G_PLURAL: u32 = 1 << 11;
/// First-word group `YEARWORD` (see `rules::core`).
pub(crate) const G_YEARWORD: u32 = 1 << 12;
/// First-word group `THAT` (see `rules::core`).
pub(crate) const G_THAT: u32 = 1 << 13;
/// First-word group `THE` (see `rules::core`).
pub(crate) const G_THE: u32 = 1 << 14;
/// First-word group `MONTH_G` (see `rules::core`).
pub(crate) const G_MONTH_G: u32 = 1 << 15;
/// First-word group `WEEKDAY_G` (see `rules::core`).
pub(crate) const G_WEEKDAY_G: u32 = 1 << 16;
/// First-word group `DIGIT` (see `rules::core`).
pub(crate) const G_DIGIT: u32 = 1 << 17;
/// A future-tense cue ("will", "plans", "expected").
pub(crate) const G_FUTURE_CUE: u32 = 1 << 18;
/// A past-tense cue ("was", "said", "ago").
pub(crate) const G_PAST_CUE: u32 = 1 << 19;
/// A present-tense cue ("is", "says").
pub(crate) const G_PRESENT_CUE: u32 = 1 << 20;
/// May begin a modifier ("early", "about", "more than", "the end of").
pub(crate) const G_MOD: u32 = 1 << 21;

const SLOTS: usize = 2048;
const BITS: u32 = SLOTS.trailing_zeros();
const MAX: usize = 13;

/// A word of 1 to `MAX` bytes, folded to lower case, packed little-endian
/// into a `u128` and zero-padded. Word bytes are never zero, so equal keys
/// mean equal (case-folded) words of equal length.
pub(crate) type Key = u128;

/// `| 0x20` folds ASCII letters to lower case and leaves digits alone.
/// It maps no other byte onto a lower-case letter, so a key built from
/// any bytes equals a table word's key only for that word in some case.
const FOLD: Key = Key::from_le_bytes([0x20; 16]);

/// The key of `w` (any bytes), `None` when it is empty or longer than `MAX`.
#[inline]
pub(crate) const fn key(w: &[u8]) -> Option<Key> {
    if w.is_empty() || w.len() > MAX {
        return None;
    }
    let mut buf = [0u8; 16];
    let mut k = 0;
    while k < w.len() {
        buf[k] = w[k];
        k += 1;
    }
    Some(fold(Key::from_le_bytes(buf), w.len()))
}

/// The end and the key of the word that starts at `bytes[i]` (a word
/// byte: an ASCII letter or digit or a non-ASCII byte other than 0xE2, as
/// `lex::is_word_byte`). The key is `None` for words longer than `MAX`.
///
/// Where the text has 16 bytes from `i`, one load finds both: a mask of
/// the non-word bytes among them gives the length without a branch per
/// byte, and the same bytes make the key.
#[inline]
pub(crate) fn word_at(bytes: &[u8], i: usize) -> (usize, Option<Key>) {
    if let Some(chunk) = bytes.get(i..).and_then(<[u8]>::first_chunk::<16>) {
        let raw = Key::from_le_bytes(*chunk);
        let n = (non_word_bytes(raw).trailing_zeros() / 8) as usize;
        if n < 16 {
            return (i + n, (n <= MAX).then(|| fold(raw, n)));
        }
    }
    let mut end = i + 1;
    while end < bytes.len() && is_word_byte(bytes[end]) {
        end += 1;
    }
    (end, key(&bytes[i..end]))
}

/// The high bit of each byte of `x` that is not a word byte.
#[inline(always)]
fn non_word_bytes(x: Key) -> Key {
    const fn each(b: u8) -> Key {
        Key::from_le_bytes([b; 16])
    }
    // Compare the low seven bits of each byte with a range: in each byte
    // `a + (0x80 - lo)` has its high bit set when `a >= lo`, and
    // `a + (0x7f - hi)` when `a > hi`; no byte carries into the next.
    let a = x & each(0x7f);
    let in_range = |a: Key, lo: u8, hi: u8| (a + each(0x80 - lo)) & !(a + each(0x7f - hi));
    let letter = in_range(a | FOLD, b'a', b'z');
    let digit = in_range(a, b'0', b'9');
    // Non-ASCII bytes (high bit set in `x`) are word bytes, but for 0xE2,
    // which leads the general punctuation (’ — “ ”). A zero byte of
    // `x ^ 0xE2..` marks it; the borrow can only mark bytes above the
    // first true one, and the caller reads the lowest.
    let e = x ^ each(0xE2);
    let punct = e.wrapping_sub(each(0x01)) & !e & each(0x80);
    (!(letter | digit | x) & each(0x80)) | punct
}

/// Keeps the first `n` (1..=15) bytes of `raw`, folded.
#[inline(always)]
const fn fold(raw: Key, n: usize) -> Key {
    let mask = (1 << (8 * n)) - 1;
    (raw | FOLD) & mask
}

/// The home slot of a key (multiplicative hashing of both halves).
#[inline(always)]
const fn home(k: Key) -> usize {
    let x = (k as u64) ^ ((k >> 64) as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (x.wrapping_mul(0xff51_afd7_ed55_8ccd) >> (64 - BITS)) as usize
}

/// The table: open addressing over the keys' low halves (which is all
/// a lookup of a word outside the table reads, in a 16 KiB array), with
/// the index into `ENTRIES` beside them. 0 marks an empty slot.
struct Table {
    lo: [u64; SLOTS],
    entry: [u16; SLOTS],
}

/// A word's high key half, groups and class.
#[derive(Clone, Copy)]
struct Entry {
    hi: u64,
    groups: u32,
    class: u8,
}

const ENTRIES: [Entry; WORDS.len()] = {
    let mut out = [Entry {
        hi: 0,
        groups: 0,
        class: 0,
    }; WORDS.len()];
    let mut n = 0;
    while n < WORDS.len() {
        let w = WORDS[n].0.as_bytes();
        // Keys are exact only for lower-case ASCII letters and digits (see
        // `FOLD`; no word byte folds onto a digit).
        let mut k = 0;
        while k < w.len() {
            assert!(
                w[k].is_ascii_lowercase() || w[k].is_ascii_digit(),
                "table words are lower case"
            );
            k += 1;
        }
        let Some(key) = key(w) else {
            panic!("table words have 1 to MAX bytes");
        };
        out[n] = Entry {
            hi: (key >> 64) as u64,
            groups: WORDS[n].2,
            class: WORDS[n].1,
        };
        n += 1;
    }
    out
};

const fn build() -> Table {
    let mut table = Table {
        lo: [0; SLOTS],
        entry: [0; SLOTS],
    };
    let mut n = 0;
    while n < WORDS.len() {
        let Some(key) = key(WORDS[n].0.as_bytes()) else {
            panic!("table words have 1 to MAX bytes");
        };
        let mut i = home(key);
        while table.lo[i] != 0 {
            let e = ENTRIES[table.entry[i] as usize];
            assert!(
                table.lo[i] != key as u64 || e.hi != (key >> 64) as u64,
                "table words are unique"
            );
            i = (i + 1) % SLOTS;
        }
        table.lo[i] = key as u64;
        table.entry[i] = n as u16;
        n += 1;
    }
    table
}

static TABLE: Table = build();
static ENTRY: [Entry; WORDS.len()] = ENTRIES;

/// The position of a word (any case) in a short list of lower-case words,
/// found with one hash probe instead of a comparison per list entry. `S`
/// (a power of two, at least twice the list's length) is the slot count.
#[derive(Debug)]
pub(crate) struct WordIndex<const S: usize> {
    keys: [Key; S],
    pos: [u8; S],
}

impl<const S: usize> WordIndex<S> {
    /// Indexes `words`; a word listed twice keeps its first position, as
    /// a search from the front would find.
    pub(crate) const fn new(words: &[&str]) -> Self {
        assert!(S.is_power_of_two() && words.len() * 2 <= S && words.len() < 256);
        let mut index = WordIndex {
            keys: [0; S],
            pos: [0; S],
        };
        let mut n = 0;
        while n < words.len() {
            let w = words[n].as_bytes();
            let mut k = 0;
            while k < w.len() {
                assert!(w[k].is_ascii_lowercase(), "listed words are lower case");
                k += 1;
            }
            let Some(key) = key(w) else {
                panic!("listed words have 1 to MAX bytes");
            };
            let mut i = Self::home(key);
            while index.keys[i] != 0 && index.keys[i] != key {
                i = (i + 1) % S;
            }
            if index.keys[i] == 0 {
                index.keys[i] = key;
                index.pos[i] = n as u8;
            }
            n += 1;
        }
        index
    }

    /// The position of `w` in the list, if it is there.
    #[inline]
    pub(crate) fn get(&self, w: &[u8]) -> Option<usize> {
        let k = key(w)?;
        let mut i = Self::home(k);
        loop {
            let slot = self.keys[i];
            if slot == k {
                return Some(usize::from(self.pos[i]));
            }
            if slot == 0 {
                return None;
            }
            i = (i + 1) % S;
        }
    }

    #[inline(always)]
    const fn home(k: Key) -> usize {
        home(k) % S
    }
}

/// The class bits of a word (any case), 0 for words not in the table.
pub(crate) fn class(w: &[u8]) -> u8 {
    lookup(w).0
}

/// The first-word groups of a word (any case), 0 for words not in the table.
pub(crate) fn groups(w: &[u8]) -> u32 {
    lookup(w).1
}

/// The class bits and first-word groups of a word (any case).
#[inline]
pub(crate) fn lookup(w: &[u8]) -> (u8, u32) {
    match key(w) {
        Some(k) => lookup_key(k),
        None => (0, 0),
    }
}

/// `lookup` for a word whose key the caller made (`key`, `key_at`).
#[inline]
pub(crate) fn lookup_key(k: Key) -> (u8, u32) {
    let (lo, hi) = (k as u64, (k >> 64) as u64);
    let mut i = home(k);
    loop {
        let l = TABLE.lo[i];
        if l == lo {
            let e = &ENTRY[usize::from(TABLE.entry[i])];
            if e.hi == hi {
                return (e.class, e.groups);
            }
        } else if l == 0 {
            return (0, 0);
        }
        i = (i + 1) % SLOTS;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_table() {
        let table: [(&[u8], u8); 9] = [
            (b"December", STRONG | CAL | MONTH),
            (b"THE", WEAK),
            (b"year", STRONG | HEAD),
            (b"ago", HEAD),
            (b"Putin", 0),
            (b"", 0),
            (b"extraordinarily", 0),
            (b"past", WEAK | HEAD),
            (b"of", GLUE),
        ];
        for (w, want) in table {
            assert_eq!(class(w), want, "{}", String::from_utf8_lossy(w));
        }
        assert!(
            WORDS
                .iter()
                .all(|(w, c, g)| lookup(w.as_bytes()) == (*c, *g))
        );
    }

    /// Words the rules read only after an expression's head word, where
    /// the grammar already runs: the pre-scan never has to keep a run of
    /// temporal words going through them.
    const AFTER_HEAD: [&str; 25] = [
        // `phrase_ends`: function words that may follow "the 25th".
        "after",
        "as",
        "before",
        "but",
        "for",
        "in",
        "until",
        "when",
        "with",
        // "the year ended June 30", "two years from now", "3 am", "or so".
        "ended",
        "ending",
        "through",
        "from",
        "hence",
        "so",
        "am",
        "pm",
        // `defined_by_a_happening`: "the day of his death".
        "his",
        "her",
        "its",
        "their",
        "our",
        "my",
        "your",
        "whereupon",
    ];

    /// The keywords of the grammar: every literal given to `kw` or
    /// `kw_any` in rules.rs, split at hyphens and periods into the words
    /// the scan sees ("year-ago" is "year" and "ago").
    fn rule_keywords() -> Vec<String> {
        let src = include_str!("rules.rs");
        let mut out = Vec::new();
        for (call, close) in [("kw(\"", ")"), ("kw_any(&[", "])")] {
            for (at, _) in src.match_indices(call) {
                let args = &src[at + call.len() - usize::from(call.ends_with('"'))..];
                let args = &args[..args.find(close).unwrap_or(args.len())];
                for literal in args.split('"').skip(1).step_by(2) {
                    out.extend(
                        literal
                            .split(['-', '.', ' '])
                            .filter(|w| !w.is_empty())
                            .map(str::to_ascii_lowercase),
                    );
                }
            }
        }
        out
    }

    #[test]
    fn every_rule_keyword_is_in_the_table() {
        // A keyword missing from the table ends the run of temporal words
        // before the head word arrives: "the remaining two years" would
        // be tagged "two years".
        let keywords = rule_keywords();
        assert!(keywords.len() > 150, "found {} keywords", keywords.len());
        let missing: Vec<&String> = keywords
            .iter()
            .filter(|w| class(w.as_bytes()) == 0 && !AFTER_HEAD.contains(&w.as_str()))
            .collect();
        assert!(
            missing.is_empty(),
            "rule keywords missing from WORDS: {missing:?}"
        );
        // The exceptions stay exceptions: each is still a rule keyword.
        for w in AFTER_HEAD {
            assert!(
                keywords.iter().any(|k| k == w),
                "{w} is no longer a rule keyword"
            );
        }
    }

    #[test]
    fn word_index_finds_the_first_position_in_any_case() {
        const LIST: [&str; 5] = ["day", "days", "week", "day", "approximately"];
        static INDEX: WordIndex<16> = WordIndex::new(&LIST);
        let table: [(&[u8], Option<usize>); 9] = [
            (b"day", Some(0)),
            (b"DAY", Some(0)),
            (b"Days", Some(1)),
            (b"week", Some(2)),
            (b"approximately", Some(4)),
            (b"weeks", None),
            (b"da", None),
            (b"", None),
            (b"approximatelyy", None),
        ];
        for (w, want) in table {
            assert_eq!(INDEX.get(w), want, "{}", String::from_utf8_lossy(w));
        }
    }

    #[test]
    fn word_ends_agree_with_is_word_byte() {
        // Every byte value at every position of the 16-byte load, after a
        // word byte and with word bytes around it.
        for b in 0..=255u8 {
            for pos in 1..16 {
                let mut text = [b'x'; 24];
                text[pos] = b;
                let want = if is_word_byte(b) { 24 } else { pos };
                assert_eq!(word_at(&text, 0).0, want, "byte {b:#x} at {pos}");
            }
        }
        // Words that run into the end of the text.
        assert_eq!(word_at(b"x 1998", 2), (6, key(b"1998")));
        assert_eq!(word_at("caf\u{e9}".as_bytes(), 0).0, 5);
    }

    #[test]
    fn keys_fold_case_and_stop_at_the_word_end() {
        // (text, word start, word end, the word in lower case); the last
        // rows end too near the text's end for a 16-byte load.
        let table: [(&[u8], usize, usize, &[u8]); 6] = [
            (b"Last DECEMBER, the company said", 5, 13, b"december"),
            (b"Last DECEMBER, the company said", 0, 4, b"last"),
            (b"in approximately two years", 3, 16, b"approximately"),
            (b"Sept. 25", 0, 4, b"sept"),
            (b"was", 0, 3, b"was"),
            (b"x TUESDAY", 2, 9, b"tuesday"),
        ];
        for (text, i, end, want) in table {
            let (e, k) = word_at(text, i);
            assert_eq!(e, end, "{}", String::from_utf8_lossy(want));
            assert_eq!(k, key(want), "{}", String::from_utf8_lossy(want));
            assert_eq!(k.map(lookup_key), Some(lookup(want)));
        }
        assert_eq!(key(b""), None);
        assert_eq!(key(b"extraordinarily"), None);
        assert_eq!(word_at(b"extraordinarily so", 0), (15, None));
        assert_eq!(word_at(b"a extraordinarily", 2), (17, None));
        assert_eq!(word_at(b"incomprehensibilities, they", 0), (21, None));
        // `| 0x20` maps no byte but a letter onto a letter: "@" becomes "`".
        assert_eq!(lookup(b"@go"), (0, 0));
        assert_eq!(lookup(b"AGO"), lookup(b"ago"));
    }
}
