//! Character encodings of articles as people have them.
//!
//! UTF-8 first (with or without BOM); a UTF-16 BOM is honoured; a web page
//! or feed that declares its charset (`<meta charset>`, `http-equiv`,
//! `<?xml encoding?>`) and is not valid UTF-8 is read in the declared
//! encoding; any other non-UTF-8 file is decoded by detection (`chardetng`)
//! and reported with the encoding it was read as. Files with NUL bytes are
//! binary, not articles.

use encoding_rs::{Encoding, UTF_8};

use crate::Diagnostic;

/// An article's text and, when it was not UTF-8 and nothing declared its
/// encoding, a warning naming the encoding it was read as.
#[derive(Debug)]
pub struct Decoded {
    /// The text, line ends not yet normalised.
    pub text: String,
    /// Set when the encoding was guessed.
    pub warning: Option<Diagnostic>,
}

/// Decodes an article file's bytes. `markup` says whether to look for a
/// declared charset (web pages and feeds).
pub fn decode_article(file: &str, bytes: &[u8], markup: bool) -> Result<Decoded, Diagnostic> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return Ok(Decoded {
            text: text.into_owned(),
            warning: None,
        });
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Diagnostic::file(file, "the file is empty")
            .with_help("add the article's text, or remove the file"));
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(Diagnostic::file(
            file,
            format!("the file looks binary (a NUL byte at offset {at}), not an article"),
        )
        .with_help("give annals articles (.txt, .md, .html, .jsonl, or .xml, .rss, .atom feeds), or move this file out of the folder"));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: text.to_owned(),
            warning: None,
        });
    }
    if markup && let Some(declared) = declared_charset(bytes).filter(|e| *e != UTF_8) {
        let (text, _, _) = declared.decode(bytes);
        return Ok(Decoded {
            text: text.into_owned(),
            warning: None,
        });
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guessed = detector.guess(None, chardetng::Utf8Detection::Deny);
    let (text, _, _) = guessed.decode(bytes);
    let name = guessed.name();
    let warning = Diagnostic::file(file, format!("the file is not UTF-8; read it as {name}"))
        .with_help(format!(
            "if the text looks wrong, save the file as UTF-8 (e.g. `iconv -f {name} -t UTF-8`)"
        ));
    Ok(Decoded {
        text: text.into_owned(),
        warning: Some(warning),
    })
}

/// The charset a page or feed declares in its first 2 KiB: `<meta
/// charset="…">`, `<meta http-equiv="Content-Type" content="…;
/// charset=…">` or `<?xml … encoding="…"?>`.
pub fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(2048)];
    let lower: Vec<u8> = head.to_ascii_lowercase();
    for key in [&b"charset="[..], &b"encoding="[..]] {
        let mut from = 0;
        while let Some(p) = find(&lower[from..], key) {
            let at = from + p + key.len();
            from = at;
            let value: Vec<u8> = lower[at..]
                .iter()
                .copied()
                .skip_while(|b| *b == b'"' || *b == b'\'')
                .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':'))
                .collect();
            if let Some(e) = Encoding::for_label(&value) {
                return Some(e);
            }
        }
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_and_boms() {
        let d = decode_article("a.txt", "café".as_bytes(), false).unwrap();
        assert_eq!((d.text.as_str(), d.warning.is_none()), ("café", true));
        let d = decode_article("a.txt", b"\xef\xbb\xbfcaf\xc3\xa9", false).unwrap();
        assert_eq!(d.text, "café");
        let d = decode_article("a.txt", b"\xff\xfec\x00a\x00", false).unwrap();
        assert_eq!(d.text, "ca");
    }

    #[test]
    fn a_declared_charset_is_honoured() {
        let page =
            b"<html><head><meta charset=\"windows-1252\"></head><p>caf\xe9 \x93quoted\x94</p>";
        let d = decode_article("p.html", page, true).unwrap();
        assert!(d.text.contains("café “quoted”"), "{}", d.text);
        assert!(d.warning.is_none());
        let page = b"<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-1'>\xe9";
        assert_eq!(declared_charset(page), Encoding::for_label(b"iso-8859-1"));
        let feed = b"<?xml version=\"1.0\" encoding=\"windows-1252\"?><rss/>";
        assert_eq!(declared_charset(feed), Encoding::for_label(b"windows-1252"));
    }

    #[test]
    fn undeclared_legacy_text_is_detected_with_a_warning() {
        let text = b"Le pr\xe9sident a visit\xe9 la r\xe9gion \xe0 l'\xe9t\xe9, \x93d\xe9j\xe0\x94 connue.";
        let d = decode_article("old.txt", text, false).unwrap();
        assert!(d.text.contains("président a visité"), "{}", d.text);
        insta::assert_snapshot!(d.warning.unwrap().warning().to_string(), @r"
        warning: the file is not UTF-8; read it as windows-1252
          --> old.txt
          = help: if the text looks wrong, save the file as UTF-8 (e.g. `iconv -f windows-1252 -t UTF-8`)
        ");
    }

    #[test]
    fn empty_and_binary_files_are_refused() {
        let e = decode_article("e.txt", b" \n\n", false).unwrap_err();
        assert_eq!(e.message, "the file is empty");
        let e = decode_article("p.txt", b"\x89PNG\r\n\x1a\n\x00\x00", false).unwrap_err();
        assert!(e.message.contains("binary"), "{}", e.message);
    }
}
