//! The page: askama templates compiled from the workspace's `templates/`,
//! or the same templates (or a user's copy) rendered at run time by
//! minijinja from the same serialized view-model.
//!
//! The stylesheet and the script are template files too (`style.css`,
//! `script.js`), inlined by the base layout. Their SHA-256 hashes go into the
//! Content-Security-Policy, so that the page runs its own inline style and
//! script and nothing else: no other script, no network request.

use std::collections::BTreeMap;

use askama::Template;
use sha2::{Digest, Sha256};

use crate::view::PageView;
use crate::{RenderError, Templates};

/// The built-in templates, by name, as shipped in `templates/`. The same
/// sources askama compiles; kept as text for the run-time path, so that a
/// user's folder may override some files and inherit the rest.
pub(crate) const BUILTIN: &[(&str, &str)] = &[
    ("base.html", include_str!("../../../templates/base.html")),
    ("index.html", include_str!("../../../templates/index.html")),
    (
        "overview.html",
        include_str!("../../../templates/overview.html"),
    ),
    (
        "filters.html",
        include_str!("../../../templates/filters.html"),
    ),
    ("key.html", include_str!("../../../templates/key.html")),
    ("card.html", include_str!("../../../templates/card.html")),
    (
        "articles.html",
        include_str!("../../../templates/articles.html"),
    ),
    ("style.css", include_str!("../../../templates/style.css")),
    ("script.js", include_str!("../../../templates/script.js")),
];

/// `index.html`, compiled.
#[derive(Template)]
#[template(path = "index.html")]
struct IndexTemplate<'a> {
    page: &'a PageView,
}

/// The text of a template: the user's copy when given, else the built-in.
fn source(name: &str, user: Option<&Templates>) -> String {
    match user.and_then(|t| t.get(name)) {
        Some(text) => text.to_owned(),
        None => BUILTIN
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, text)| (*text).to_owned())
            .unwrap_or_default(),
    }
}

/// Renders `index.html`.
pub(crate) fn index(mut page: PageView, user: Option<&Templates>) -> Result<String, RenderError> {
    page.style = source("style.css", user);
    page.script = source("script.js", user);
    page.csp = csp(&page.style, &page.script);
    match user {
        None => IndexTemplate { page: &page }
            .render()
            .map_err(|e| RenderError::Template(e.to_string())),
        Some(user) => render_runtime(&page, user),
    }
}

/// The Content-Security-Policy: nothing is allowed but the page's own
/// inline stylesheet and script, identified by their hashes.
pub(crate) fn csp(style: &str, script: &str) -> String {
    format!(
        "default-src 'none'; style-src '{}'; script-src '{}'; img-src data:; \
         base-uri 'none'; form-action 'none'; require-trusted-types-for 'script'",
        sha256_source(style),
        sha256_source(script)
    )
}

/// A CSP hash source: `sha256-` and the base64 of the digest.
fn sha256_source(text: &str) -> String {
    format!("sha256-{}", base64(&Sha256::digest(text.as_bytes())))
}

/// Standard base64 with padding (RFC 4648 §4). Twenty lines rather than a
/// dependency: the only use is 32-byte digests.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Escapes text for HTML exactly as askama does, so that both paths give
/// byte-identical pages from the same templates.
pub(crate) fn escape_html(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '"' => out.push_str("&#34;"),
            '&' => out.push_str("&#38;"),
            '\'' => out.push_str("&#39;"),
            '<' => out.push_str("&#60;"),
            '>' => out.push_str("&#62;"),
            c => out.push(c),
        }
    }
}

/// Renders with minijinja: the user's templates over the built-in ones.
fn render_runtime(page: &PageView, user: &Templates) -> Result<String, RenderError> {
    let mut names: BTreeMap<String, String> = BUILTIN
        .iter()
        .map(|(n, s)| ((*n).to_owned(), (*s).to_owned()))
        .collect();
    for (name, text) in user.iter() {
        names.insert(name.to_owned(), text.to_owned());
    }
    let mut env = minijinja::Environment::new();
    env.set_keep_trailing_newline(false);
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    env.set_formatter(|out, state, value| {
        if value.is_safe() || matches!(state.auto_escape(), minijinja::AutoEscape::None) {
            return minijinja::escape_formatter(out, state, value);
        }
        let mut escaped = String::new();
        escape_html(&value.to_string(), &mut escaped);
        out.write_str(&escaped)
            .map_err(|e| minijinja::Error::new(minijinja::ErrorKind::WriteFailure, e.to_string()))
    });
    env.set_loader(move |name| Ok(names.get(name).cloned()));
    let template = env
        .get_template("index.html")
        .map_err(|e| RenderError::Template(describe(&e)))?;
    template
        .render(minijinja::context! { page => page })
        .map_err(|e| RenderError::Template(describe(&e)))
}

/// A minijinja error with the template name and line where it started:
/// an error inside an included template is wrapped by the including one,
/// so the innermost error of the chain names the culprit.
fn describe(e: &minijinja::Error) -> String {
    let mut inner = e;
    while let Some(next) =
        std::error::Error::source(inner).and_then(|s| s.downcast_ref::<minijinja::Error>())
    {
        inner = next;
    }
    let detail = inner.detail().map(|d| format!(": {d}")).unwrap_or_default();
    match (inner.name(), inner.line()) {
        (Some(name), Some(line)) => format!("{name}:{line}: {}{detail}", inner.kind()),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_rfc4648_vectors() {
        let table = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (input, want) in table {
            assert_eq!(base64(input.as_bytes()), want, "{input}");
        }
    }

    #[test]
    fn csp_hash_matches_a_known_digest() {
        // printf '' | openssl dgst -sha256 -binary | base64
        assert_eq!(
            sha256_source(""),
            "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="
        );
    }

    #[test]
    fn escape_html_matches_askama() {
        let mut out = String::new();
        escape_html("<a href=\"x\">'&'</a>", &mut out);
        assert_eq!(
            out,
            "&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;"
        );
    }
}
