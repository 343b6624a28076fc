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
    // Serializing plain data into a String cannot fail: no maps with
    // non-string keys, no I/O.
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

/// A value as JSON text on one line, for keeping rather than reading.
pub fn write_compact(value: &impl Serialize) -> String {
    // As `write`: plain data into a String cannot fail.
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
    json_read::parse(text, MAX_DEPTH, TOO_DEEP).map_err(|err| Error::unreadable(err.to_string()))
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
