//! Article URLs and the article names of `annals.yaml`, checked against
//! what was actually read.
//!
//! - A URL without a scheme (`www.example.com/story`, `//example.com/x`)
//!   is read as https; `http` and `https` are kept; any other scheme
//!   (`ftp:`, `javascript:`, `file:`) or a relative path is dropped.
//! - A name under `articles:` that matches no article read is an error
//!   with a did-you-mean: otherwise the article silently loses its
//!   metadata.

use crate::Diagnostic;
use crate::config::Config;

/// What to do with a URL given for an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Url {
    /// Usable as it is.
    Kept(String),
    /// Usable once `https://` is put in front.
    Schemeless(String),
    /// Not a web address: the reason.
    Dropped(String),
}

impl Url {
    /// The usable URL, if any.
    pub fn usable(self) -> Option<String> {
        match self {
            Url::Kept(u) | Url::Schemeless(u) => Some(u),
            Url::Dropped(_) => None,
        }
    }
}

/// Classifies a URL: see the module docs.
pub fn check_url(raw: &str) -> Url {
    let url = raw.trim();
    let lower = url.to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        return Url::Kept(url.to_owned());
    }
    if let Some(rest) = url.strip_prefix("//") {
        return Url::Schemeless(format!("https://{rest}"));
    }
    let scheme = url.split_once(':').map(|(s, _)| s).filter(|s| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    });
    if let Some(scheme) = scheme.filter(|s| !s.contains('.')) {
        return Url::Dropped(format!("`{scheme}:` is not a web address"));
    }
    let host = url.split(['/', '?', '#']).next().unwrap_or_default();
    let host_like = host.contains('.')
        && !host.starts_with('.')
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || "-.:".contains(c));
    if host_like {
        Url::Schemeless(format!("https://{url}"))
    } else {
        Url::Dropped("it is not a full web address".to_owned())
    }
}

/// Warnings for the `url:` values of `annals.yaml` that annals reads
/// differently from how they are written, pointing at each value.
pub fn config_url_warnings(config: &Config) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (name, meta) in &config.articles {
        let Some(raw) = meta.url.as_deref() else {
            continue;
        };
        let (message, help) = match check_url(raw) {
            Url::Kept(_) => continue,
            Url::Schemeless(fixed) => (
                format!("`{raw}` has no scheme; read as {fixed}"),
                format!("write the full address: url: {fixed}"),
            ),
            Url::Dropped(reason) => (
                format!("`{raw}` is dropped: {reason}"),
                "give the article's web address, starting with https:// or http://".to_owned(),
            ),
        };
        let from = config.article_span(name).map_or(0, |s| s.end);
        let d = match config.text()[from..].find(raw) {
            Some(p) => Diagnostic::at(
                config.file(),
                config.text(),
                from + p..from + p + raw.len(),
                message,
            ),
            None => config.article_diagnostic(name, message),
        };
        out.push(d.with_help(help));
    }
    out
}

/// Errors for names under `articles:` that match none of `read` (the ids
/// of the articles and the names of the files read), with the closest
/// name as a suggestion.
pub fn unknown_article_names<'a>(
    config: &Config,
    read: impl IntoIterator<Item = &'a str> + Clone,
) -> Vec<Diagnostic> {
    let known: std::collections::HashSet<&str> = read.clone().into_iter().collect();
    let mut out = Vec::new();
    for name in config.articles.keys() {
        if known.contains(name.as_str()) {
            continue;
        }
        let help = match crate::config::closest(name, read.clone()) {
            Some(near) => format!("did you mean `{near}`? names under `articles:` are file names of the articles read"),
            None => "names under `articles:` are file names of the articles read; remove the entry or fix the name".to_owned(),
        };
        out.push(
            config
                .article_diagnostic(name, format!("`{name}` names no article that was read"))
                .with_help(help),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_table() {
        let s = |u: &str| Url::Schemeless(u.to_owned());
        let k = |u: &str| Url::Kept(u.to_owned());
        for (input, want) in [
            ("https://news.example/a", k("https://news.example/a")),
            ("HTTP://news.example", k("HTTP://news.example")),
            (
                "www.news.example/a?b=1",
                s("https://www.news.example/a?b=1"),
            ),
            ("news.example:8080/a", s("https://news.example:8080/a")),
            ("//cdn.example/x", s("https://cdn.example/x")),
        ] {
            assert_eq!(check_url(input), want, "{input}");
        }
        for input in [
            "ftp://files.example/a",
            "javascript:void(0)",
            "/relative/path",
            "mailto:a@b.example",
            "story",
        ] {
            assert!(matches!(check_url(input), Url::Dropped(_)), "{input}");
        }
    }

    #[test]
    fn config_problems_point_at_the_value() {
        let yaml = "articles:\n  a.txt:\n    url: www.news.example/a\n  b.txt:\n    url: ftp://files.example/b\n  cc.txt:\n    published: 2019-01-02\n";
        let config = Config::parse("annals.yaml", yaml).unwrap();
        let mut shown: Vec<String> = config_url_warnings(&config)
            .iter()
            .map(|d| d.warning().to_string())
            .collect();
        let unknown = unknown_article_names(&config, ["a.txt", "b.txt", "cc.text"]);
        shown.extend(unknown.iter().map(ToString::to_string));
        insta::assert_snapshot!(shown.join("\n"), @r"
        warning: `www.news.example/a` has no scheme; read as https://www.news.example/a
         --> annals.yaml:3:10
          |
        3 |     url: www.news.example/a
          |          ^^^^^^^^^^^^^^^^^^
          = help: write the full address: url: https://www.news.example/a

        warning: `ftp://files.example/b` is dropped: `ftp:` is not a web address
         --> annals.yaml:5:10
          |
        5 |     url: ftp://files.example/b
          |          ^^^^^^^^^^^^^^^^^^^^^
          = help: give the article's web address, starting with https:// or http://

        error: `cc.txt` names no article that was read
         --> annals.yaml:6:3
          |
        6 |   cc.txt:
          |   ^^^^^^
          = help: did you mean `cc.text`? names under `articles:` are file names of the articles read
        ");
    }
}
