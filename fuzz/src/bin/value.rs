//! Fuzz target: `Value::from_str` on any string. It must not panic; a
//! value it accepts prints back to the same string, and its typed parts,
//! precision and bounds can be read without panicking; an error points
//! inside the input and prints.

use annals_parse::Value;

fn main() {
    afl::fuzz!(|data: &[u8]| {
        let Ok(s) = std::str::from_utf8(data) else {
            return;
        };
        match s.parse::<Value>() {
            Ok(v) => {
                assert_eq!(v.to_string(), s);
                let parts = v.parts().expect("a value that parsed has parts");
                let _ = (
                    parts,
                    v.precision(),
                    v.bounds(),
                    v.is_duration(),
                    v.is_reference(),
                );
            }
            Err(e) => {
                assert!(e.offset() <= s.len());
                let _ = e.to_string();
            }
        }
    });
}
