//! Fuzz target: the sentence splitter on any UTF-8 text. It must not
//! panic; sentences are non-empty, in order, without overlap, inside the
//! text and on char boundaries.

use annals_parse::sentences;

fn main() {
    afl::fuzz!(|data: &[u8]| {
        let Ok(text) = std::str::from_utf8(data) else {
            return;
        };
        let mut last_end = 0;
        for s in sentences(text) {
            assert!(s.start < s.end, "empty sentence {s:?}");
            assert!(s.start >= last_end, "overlap at {s:?}");
            assert!(s.end <= text.len());
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            last_end = s.end;
        }
    });
}
