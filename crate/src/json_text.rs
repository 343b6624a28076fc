//! JSON text in and out, below everything that reads or writes files: a
//! value written indented (files people keep) or on one line (kept in
//! memory), and text read back as a loose tree, with the request found
//! inside an exported result.

use crate::error::Error;
use crate::json_read;
use crate::raw::{Raw, MAX_DEPTH, TOO_DEEP};
use serde::Serialize;

/// A result (or a summary, a comparison) as indented JSON text (UTF-8, LF,
/// trailing newline).
pub fn write(value: &impl Serialize) -> String {
    let mut text = indent(&write_compact(value));
    text.push('\n');
    text
}

/// Compact JSON text laid out as serde_json's pretty printer lays it out
/// (two spaces, `"key": value`, `[]` and `{}` when empty). Indenting the one
/// line, rather than serializing twice, keeps one instance of every value's
/// serializer in the WebAssembly, not two (issue 9).
fn indent(compact: &str) -> String {
    let bytes = compact.as_bytes();
    // Lines and indentation add about half again (a rubric of 100,000
    // indicators: 124 MB from 83).
    let mut out = String::with_capacity(compact.len() + compact.len() / 2);
    let mut depth = 0usize;
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    // Text is copied in runs between the marks that break or space it; every
    // cut falls beside an ASCII mark, so on a character's boundary.
    let (mut run, mut at) = (0, 0);
    while at < bytes.len() {
        match bytes[at] {
            b'"' => {
                // To the closing quote, past escaped ones.
                at += 1;
                while let Some(rest) = bytes.get(at..) {
                    match rest.iter().position(|&b| b == b'"' || b == b'\\') {
                        Some(found) if rest[found] == b'\\' => at += found + 2,
                        Some(found) => {
                            at += found + 1;
                            break;
                        }
                        None => {
                            at = bytes.len();
                            break;
                        }
                    }
                }
            }
            b'[' | b'{' if matches!(bytes.get(at + 1), Some(b']' | b'}')) => at += 2,
            b'[' | b'{' => {
                at += 1;
                out.push_str(&compact[run..at]);
                depth += 1;
                newline(&mut out, depth);
                run = at;
            }
            b']' | b'}' => {
                out.push_str(&compact[run..at]);
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                run = at;
                at += 1;
            }
            b',' => {
                at += 1;
                out.push_str(&compact[run..at]);
                newline(&mut out, depth);
                run = at;
            }
            b':' => {
                at += 1;
                out.push_str(&compact[run..at]);
                out.push(' ');
                run = at;
            }
            _ => at += 1,
        }
    }
    out.push_str(&compact[run.min(compact.len())..]);
    out
}

/// A value as JSON text on one line, for keeping rather than reading.
pub fn write_compact(value: &impl Serialize) -> String {
    // Serializing plain data into a String cannot fail: no maps with
    // non-string keys, no I/O.
    serde_json::to_string(value).unwrap_or_default()
}

/// Reads JSON text that holds a request or an exported result, and returns
/// the request in it. A byte-order mark is ignored.
pub fn read(text: &str) -> Result<Raw, Error> {
    parse(text).map(request_of)
}

/// JSON text as a loose tree; a byte-order mark is ignored.
pub fn parse(text: &str) -> Result<Raw, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    json_read::parse(text, MAX_DEPTH, TOO_DEEP)
        .map(json_read::Json::into_raw)
        .map_err(|err| Error::unreadable(err.to_string()))
}

/// The request inside an exported result, or the value itself when it is a request.
pub fn request_of(raw: Raw) -> Raw {
    match raw {
        Raw::Map(mut map) if map.contains_key("core_version") && map.contains_key("request") => {
            map.remove("request").unwrap_or(Raw::Null)
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indents_as_serde_json_does() {
        let value = serde_json::json!({
            "a": [1, [], {}, {"b": "x, [y]: {\\\"z\\\"}"}],
            "ก": {"c": null, "d": [true, false]},
            "e": "",
        });
        assert_eq!(
            write(&value),
            serde_json::to_string_pretty(&value).unwrap() + "\n"
        );
        assert_eq!(write(&serde_json::json!([])), "[]\n");
    }
}
