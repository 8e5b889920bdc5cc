//! The page's promises: escaped text, safe links, a CSP that allows only
//! the page's own style and script, and user templates at run time.

mod fixture;

use annals_render::{SiteOptions, Templates, builtin_templates, site};
use sha2::{Digest, Sha256};

fn page(timeline: &annals_model::Timeline, options: &SiteOptions) -> String {
    let files = site(timeline, options).expect("renders");
    String::from_utf8(files[0].contents.clone()).expect("utf-8")
}

fn file(timeline: &annals_model::Timeline, name: &str) -> String {
    let files = site(timeline, &SiteOptions::default()).expect("renders");
    let f = files.iter().find(|f| f.name == name).expect("file exists");
    String::from_utf8(f.contents.clone()).expect("utf-8")
}

/// The text between `open` and the next `close`.
fn between<'a>(s: &'a str, open: &str, close: &str) -> &'a str {
    let start = s.find(open).expect("open tag") + open.len();
    let end = s[start..].find(close).expect("close tag") + start;
    &s[start..end]
}

fn sha256_b64(text: &str) -> String {
    // A second, independent base64 (the crate has its own).
    let digest = Sha256::digest(text.as_bytes());
    let table = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let bits: String = digest.iter().map(|b| format!("{b:08b}")).collect();
    let mut out: String = bits
        .as_bytes()
        .chunks(6)
        .map(|c| {
            let s = std::str::from_utf8(c).expect("ASCII bits");
            let v = u8::from_str_radix(&format!("{s:0<6}"), 2).expect("six bits");
            table[v as usize] as char
        })
        .collect();
    while !out.len().is_multiple_of(4) {
        out.push('=');
    }
    out
}

const ELEMENTS: &[&str] = &[
    "!DOCTYPE",
    "html",
    "kbd",
    "head",
    "meta",
    "title",
    "link",
    "style",
    "body",
    "a",
    "header",
    "h1",
    "h2",
    "h3",
    "h4",
    "p",
    "nav",
    "ol",
    "ul",
    "li",
    "span",
    "form",
    "label",
    "input",
    "fieldset",
    "legend",
    "main",
    "div",
    "section",
    "details",
    "summary",
    "output",
    "button",
    "svg",
    "rect",
    "time",
    "blockquote",
    "strong",
    "cite",
    "code",
    "footer",
    "script",
];

const ATTRIBUTES: &[&str] = &[
    "lang",
    "charset",
    "name",
    "content",
    "http-equiv",
    "rel",
    "href",
    "class",
    "id",
    "title",
    "aria-label",
    "aria-hidden",
    "aria-labelledby",
    "aria-live",
    "role",
    "hidden",
    "tabindex",
    "for",
    "type",
    "autocomplete",
    "spellcheck",
    "value",
    "checked",
    "datetime",
    "data-s",
    "data-in",
    "open",
    "aria-describedby",
    "viewBox",
    "preserveAspectRatio",
    "x",
    "y",
    "width",
    "height",
    "rx",
    "cite",
    "html",
];

/// The elements of a page and their attribute names, skipping the text of
/// `<style>` and `<script>`. Attribute values hold no raw `<`, `>` or `"`
/// (they are escaped), so splitting on them is exact here.
fn tags(html: &str) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        rest = &rest[open + 1..];
        let close = rest.find('>').expect("every tag closes");
        let tag = &rest[..close];
        rest = &rest[close + 1..];
        if tag.starts_with('/') {
            continue;
        }
        let name = tag.split_whitespace().next().unwrap_or("").to_owned();
        // Attribute names: words before `=` or standing alone, outside quotes.
        let mut attributes = Vec::new();
        for (i, part) in tag.split('"').enumerate() {
            if i % 2 == 1 {
                continue; // a quoted value
            }
            for word in part.split_whitespace().skip(usize::from(i == 0)) {
                let attr = word.trim_end_matches('=');
                if !attr.is_empty() {
                    attributes.push(attr.to_ascii_lowercase());
                }
            }
        }
        if name == "style" || name == "script" {
            let end = rest
                .find(&format!("</{name}>"))
                .expect("raw text element closes");
            rest = &rest[end..];
        }
        out.push((name, attributes));
    }
    out
}

#[test]
fn hostile_text_is_escaped_everywhere_in_the_page() {
    let html = page(&fixture::hostile(), &SiteOptions::default());
    for attack in fixture::ATTACKS
        .iter()
        .filter(|a| **a != fixture::TEMPLATE_SYNTAX)
    {
        assert!(!html.contains(attack), "raw {attack:?} in the page");
    }
    assert!(
        html.contains(fixture::TEMPLATE_SYNTAX),
        "template syntax is text"
    );
    assert_eq!(
        html.matches("<script").count(),
        1,
        "only the page's own script"
    );
    assert_eq!(html.matches("</script").count(), 1);
    assert_eq!(html.matches("<style").count(), 1);
    assert_eq!(html.matches("</style").count(), 1);
    // Every element and attribute in the page is one the templates write.
    for (tag, attributes) in tags(&html) {
        assert!(
            ELEMENTS.contains(&tag.as_str()),
            "unexpected element <{tag}>"
        );
        for a in attributes {
            assert!(
                ATTRIBUTES.contains(&a.as_str()),
                "unexpected attribute {a} on <{tag}>"
            );
        }
    }
    assert!(!html.to_ascii_lowercase().contains("javascript:"));
    assert!(!html.contains("data:text"));
    // Every link is local or http(s).
    for part in html.split(" href=\"").skip(1) {
        let url = &part[..part.find('"').unwrap()];
        assert!(
            url.starts_with('#') || url.starts_with("https://") || url == "data:,",
            "unexpected href {url:?}"
        );
    }
    // Attribute values never contain a raw quote from input: every `"`
    // inside the escaped https URL became &#34;.
    assert!(html.contains("https://ok.example/?q=&#60;script&#62;&#38;x=&#34;y&#34;"));
}

#[test]
fn hostile_text_is_escaped_in_timelinejs_html() {
    let tjs = file(&fixture::hostile(), "timelinejs.json");
    let value: serde_json::Value = serde_json::from_str(&tjs).expect("valid JSON");
    let texts: Vec<String> = value["events"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|e| {
            [
                e["text"]["headline"].as_str().unwrap().to_owned(),
                e["text"]["text"].as_str().unwrap().to_owned(),
            ]
        })
        .collect();
    for text in texts {
        assert!(!text.contains("<script"), "{text}");
        assert!(!text.contains("<img"), "{text}");
        assert!(!text.to_ascii_lowercase().contains("javascript:"), "{text}");
    }
}

#[test]
fn unsafe_urls_are_dropped_from_every_export() {
    let timeline = fixture::hostile();
    for name in ["timeline.json", "timelinejs.json", "timeline.ics"] {
        let text = file(&timeline, name).to_ascii_lowercase();
        assert!(!text.contains("javascript:"), "{name}");
        assert!(!text.contains("data:text"), "{name}");
    }
}

#[test]
fn csp_allows_exactly_the_inline_style_and_script() {
    let html = page(&fixture::seeds(), &SiteOptions::default());
    let csp = between(
        &html,
        "http-equiv=\"Content-Security-Policy\" content=\"",
        "\"",
    )
    .replace("&#39;", "'");
    let style = between(&html, "<style>", "</style>");
    let script = between(&html, "<script>", "</script>");
    assert!(csp.starts_with("default-src 'none';"), "{csp}");
    assert!(
        csp.contains(&format!("style-src 'sha256-{}'", sha256_b64(style))),
        "{csp}"
    );
    assert!(
        csp.contains(&format!("script-src 'sha256-{}'", sha256_b64(script))),
        "{csp}"
    );
    assert!(!csp.contains("unsafe"), "{csp}");
    assert!(
        !html.contains(" style=\""),
        "inline style attributes would be blocked"
    );
    assert!(!html.contains("url("), "no external resources");
    assert!(!html.contains("@import"), "no external resources");
}

#[test]
fn the_page_has_the_structure_people_and_screen_readers_need() {
    let options = SiteOptions::default();
    let html = page(&fixture::seeds(), &options);
    for needle in [
        "<html lang=\"en\">",
        "<meta name=\"viewport\"",
        "<main id=\"timeline\"",
        "<summary><h2>2018</h2> <span class=\"n\">",
        "<time datetime=\"2018-12\">December 2018</time>",
        "<time datetime=\"2019-09-25\" title=\"Wednesday 25 September 2019\">Wed 25</time>",
        "<h2 id=\"key-h\">Key events</h2>",
        "early October",
        "about Sun 25",
        "sources disagree",
        "added by hand",
        "per The New York Times",
        "<cite><a href=\"https://",
        "<nav class=\"overview\"",
        "<form class=\"filters\" id=\"filters\" role=\"search\" aria-label=\"Filter events\" hidden>",
        "@media print",
        "prefers-color-scheme: dark",
        "break-inside: avoid",
    ] {
        assert!(html.contains(needle), "missing {needle:?}");
    }
}

#[test]
fn builtin_templates_render_the_same_at_run_time() {
    // The run-time path (minijinja) with a copy of every built-in template
    // gives the same bytes as the compiled one: same context, same syntax.
    let mut copy = Templates::new();
    for (name, text) in builtin_templates() {
        copy.insert(*name, *text);
    }
    for timeline in [fixture::seeds(), fixture::hostile()] {
        let compiled = SiteOptions::default();
        let mut runtime = compiled.clone();
        runtime.templates = Some(copy.clone());
        assert_eq!(page(&timeline, &runtime), page(&timeline, &compiled));
    }
}

#[test]
fn user_templates_override_some_files_and_inherit_the_rest() {
    let mut user = Templates::new();
    user.insert(
        "card.html",
        "<li class=\"mine\">{{ event.date.label }}: {{ event.title }}</li>\n",
    );
    user.insert("style.css", "body { color: rebeccapurple; }");
    let mut options = SiteOptions::default();
    options.templates = Some(user);
    let html = page(&fixture::hostile(), &options);
    assert!(html.contains("<li class=\"mine\">Wed 25: &#60;script&#62;"));
    assert!(html.contains("<style>body { color: rebeccapurple; }</style>"));
    assert!(
        html.contains("<h2>2019</h2>"),
        "index.html is still the built-in"
    );
    let csp = between(&html, "content=\"default-src", "\"");
    assert!(csp.contains(&sha256_b64("body { color: rebeccapurple; }")));
    for attack in fixture::ATTACKS
        .iter()
        .filter(|a| **a != fixture::TEMPLATE_SYNTAX)
    {
        assert!(
            !html.contains(attack),
            "user templates autoescape too: {attack:?}"
        );
    }
}

#[test]
fn a_broken_user_template_is_reported_with_its_name_and_line() {
    let mut user = Templates::new();
    user.insert("card.html", "<li>\n{{ event.no_such_field }}</li>");
    let mut options = SiteOptions::default();
    options.templates = Some(user);
    let err = site(&fixture::seeds(), &options).unwrap_err().to_string();
    assert!(err.contains("card.html:2"), "{err}");
}

mod properties {
    use super::*;
    use annals_model::{Citation, Event, SourceInfo, Timeline, When};
    use proptest::prelude::*;

    /// Text made of the characters that matter to HTML, templates and URLs.
    fn nasty() -> impl Strategy<Value = String> {
        proptest::string::string_regex(
            r#"([<>&"'/=`{}%#: \n\t]|script|style|javascript|on[a-z]+|[a-zé ]){0,24}"#,
        )
        .expect("valid regex")
    }

    fn timeline(texts: Vec<String>, url: String) -> Timeline {
        let t = |i: usize| texts[i % texts.len()].clone();
        let published = chrono::NaiveDate::from_ymd_opt(2019, 9, 25).expect("a date");
        Timeline {
            title: t(0),
            events: vec![Event {
                id: t(1),
                when: When::new("2019-09-25".parse().expect("a value"), None),
                title: t(2),
                summary: Some(t(3)),
                citations: vec![Citation {
                    doc: t(4),
                    source: Some(t(5)),
                    url: Some(url.clone()),
                    quote: t(6),
                    span: 0..1,
                }],
                note: Some(t(7)),
                alternatives: Vec::new(),
                added: false,
                salience: 1,
            }],
            sources: vec![SourceInfo {
                doc: t(4),
                title: Some(t(8)),
                source: Some(t(5)),
                url: Some(url),
                published,
            }],
            also_cited: Vec::new(),
        }
    }

    proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 64, rng_seed: proptest::test_runner::RngSeed::Fixed(0x5eed_a11a), ..proptest::prelude::ProptestConfig::default() })]

        /// Whatever the text, the page holds only the templates' elements
        /// and attributes, and both template paths agree byte for byte.
        #[test]
        fn any_text_stays_text(texts in proptest::collection::vec(nasty(), 9), url in nasty()) {
            let timeline = timeline(texts, url);
            let compiled = page(&timeline, &SiteOptions::default());
            for (tag, attributes) in tags(&compiled) {
                prop_assert!(ELEMENTS.contains(&tag.as_str()), "element <{}>", tag);
                for a in attributes {
                    prop_assert!(ATTRIBUTES.contains(&a.as_str()), "attribute {} on <{}>", a, tag);
                }
            }
            prop_assert_eq!(compiled.matches("<script").count(), 1);
            let mut copy = Templates::new();
            for (name, text) in builtin_templates() {
                copy.insert(*name, *text);
            }
            let mut options = SiteOptions::default();
            options.templates = Some(copy);
            prop_assert_eq!(page(&timeline, &options), compiled);
        }
    }
}
