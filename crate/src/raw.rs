//! What the user sent, before it is understood.
//!
//! Requests are read into this loose tree first so that a wrong type is
//! reported against the indicator it belongs to, in Thai and English, instead
//! of failing the whole request with a generic decoding message. It keeps
//! strings exactly as typed and numbers as given (NaN and Infinity included,
//! which JavaScript can send), so a request can be written back unchanged.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq)]
pub enum Raw {
    Null,
    Bool(bool),
    Int(i64),
    UInt(u64),
    Float(f64),
    Text(String),
    List(Vec<Raw>),
    Map(BTreeMap<String, Raw>),
}

impl Raw {
    pub fn as_map(&self) -> Option<&BTreeMap<String, Raw>> {
        match self {
            Raw::Map(map) => Some(map),
            _ => None,
        }
    }

    pub fn get(&self, key: &str) -> Option<&Raw> {
        self.as_map().and_then(|map| map.get(key))
    }

    /// A field that is absent, null or an empty string counts as not filled in.
    pub fn is_blank(&self) -> bool {
        match self {
            Raw::Null => true,
            Raw::Text(text) => text.trim().is_empty(),
            _ => false,
        }
    }

    /// The kind of value, for "expected X, got Y" messages.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Raw::Null => "null",
            Raw::Bool(_) => "boolean",
            Raw::Int(_) | Raw::UInt(_) | Raw::Float(_) => "number",
            Raw::Text(_) => "text",
            Raw::List(_) => "list",
            Raw::Map(_) => "object",
        }
    }

    /// An object of these fields, built by inserting them one by one (the
    /// last of a name counts): collecting would sort them first, and each
    /// place that collects a map makes the compiler write a sort of its own
    /// (~5 KB of WebAssembly each).
    pub fn map_of(fields: impl IntoIterator<Item = (String, Raw)>) -> Raw {
        let mut map = BTreeMap::new();
        for (name, value) in fields {
            map.insert(name, value);
        }
        Raw::Map(map)
    }

    pub fn text(value: impl Into<String>) -> Raw {
        Raw::Text(value.into())
    }

    /// The one spelling a value has once written to JSON and read back, and
    /// that JavaScript can hold: whole floats become integers; NaN, Infinity
    /// and integers beyond 2^53 become text. Scoring reads this form, so a
    /// request and its exported copy always score alike, and the request
    /// echoed in a result always crosses into JavaScript.
    pub fn canonical(&self) -> Raw {
        match self {
            Raw::Float(f) if !f.is_finite() => Raw::Text(js_name(*f)),
            Raw::Float(f) if whole(*f).is_some() => Raw::Int(*f as i64),
            Raw::Int(i) if i.unsigned_abs() > JS_SAFE => Raw::Text(i.to_string()),
            Raw::UInt(u) if *u > JS_SAFE => Raw::Text(u.to_string()),
            Raw::UInt(u) => Raw::Int(*u as i64),
            Raw::List(items) => Raw::List(items.iter().map(Raw::canonical).collect()),
            Raw::Map(map) => Raw::map_of(map.iter().map(|(k, v)| (k.clone(), v.canonical()))),
            other => other.clone(),
        }
    }
}

impl Raw {
    /// Whether the value is in its canonical spelling already (most requests
    /// are: the form and the sheet send text), so scoring need not copy it.
    pub fn is_canonical(&self) -> bool {
        match self {
            Raw::Float(f) => f.is_finite() && whole(*f).is_none(),
            Raw::Int(i) => i.unsigned_abs() <= JS_SAFE,
            Raw::UInt(_) => false,
            Raw::List(items) => items.iter().all(Raw::is_canonical),
            Raw::Map(map) => map.values().all(Raw::is_canonical),
            Raw::Null | Raw::Bool(_) | Raw::Text(_) => true,
        }
    }
}

impl Serialize for Raw {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Raw::Null => serializer.serialize_unit(),
            Raw::Bool(b) => serializer.serialize_bool(*b),
            Raw::Int(i) => serializer.serialize_i64(*i),
            Raw::UInt(u) => serializer.serialize_u64(*u),
            // JSON has no NaN or Infinity: write them as the text JavaScript
            // shows, which reads back as the same "not a finite number" error.
            Raw::Float(f) if !f.is_finite() => serializer.serialize_str(&js_name(*f)),
            // Whole floats read back as integers; write them so, for one spelling.
            Raw::Float(f) if whole(*f).is_some() => serializer.serialize_i64(*f as i64),
            Raw::Float(f) => serializer.serialize_f64(*f),
            Raw::Text(t) => serializer.serialize_str(t),
            Raw::List(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Raw::Map(map) => {
                let mut out = serializer.serialize_map(Some(map.len()))?;
                for (key, value) in map {
                    out.serialize_entry(key, value)?;
                }
                out.end()
            }
        }
    }
}

/// Integers JavaScript holds exactly: up to 2^53 − 1 either way.
const JS_SAFE: u64 = (1 << 53) - 1;

/// A float that is a whole number JavaScript holds exactly, as that integer.
pub fn whole(f: f64) -> Option<i64> {
    (f.fract() == 0.0 && f.abs() <= JS_SAFE as f64).then_some(f as i64)
}

fn js_name(f: f64) -> String {
    if f.is_nan() {
        "NaN".into()
    } else if f > 0.0 {
        "Infinity".into()
    } else {
        "-Infinity".into()
    }
}

/// How deep a request may nest. The deepest real one (a KPI report's item
/// count) is 8 levels; reading stops at this depth instead of recursing
/// until the stack runs out, which in WebAssembly corrupts the module for
/// every later call.
pub const MAX_DEPTH: usize = 32;

/// The text of the error a too-deep value gives while it is read; the
/// boundary turns it into `Error::TooDeep`.
pub const TOO_DEEP: &str = "nested more than 32 levels deep";

impl Raw {
    /// What scoring asks of a request before reading it, in one walk:
    /// `None` when the tree nests deeper than `MAX_DEPTH` (the walk stops at
    /// that depth, so it never recurses further), else whether it is in its
    /// canonical spelling.
    pub fn depth_and_spelling(&self) -> Option<bool> {
        self.walk(1)
    }

    fn walk(&self, depth: usize) -> Option<bool> {
        match self {
            Raw::List(items) => Raw::walk_all(items.iter(), depth),
            Raw::Map(map) => Raw::walk_all(map.values(), depth),
            leaf => (depth <= MAX_DEPTH).then(|| leaf.is_canonical()),
        }
    }

    fn walk_all<'a>(mut values: impl Iterator<Item = &'a Raw>, depth: usize) -> Option<bool> {
        // As when reading: a list or object may not stand at the last level.
        if depth >= MAX_DEPTH {
            return None;
        }
        // Every value is walked: a deep one after a non-canonical one is
        // still refused.
        values.try_fold(true, |canonical, v| Some(v.walk(depth + 1)? && canonical))
    }
}

/// serde's reading of the tree: the core reads JSON with its own reader
/// (`json_read`); this one stays for programs that hold the core's types in
/// serde, and as the reference the tests hold that reader to.
impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Raw, D::Error> {
        RawVisitor { depth: 1 }.deserialize(deserializer)
    }
}

/// Reads one value at a known depth, refusing to go deeper than `MAX_DEPTH`.
#[derive(Clone, Copy)]
struct RawVisitor {
    depth: usize,
}

impl RawVisitor {
    fn inner<E: de::Error>(self) -> Result<RawVisitor, E> {
        if self.depth >= MAX_DEPTH {
            return Err(E::custom(TOO_DEEP));
        }
        Ok(RawVisitor {
            depth: self.depth + 1,
        })
    }
}

impl<'de> DeserializeSeed<'de> for RawVisitor {
    type Value = Raw;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Raw, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for RawVisitor {
    type Value = Raw;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_unit<E>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }
    fn visit_none<E>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Raw, D::Error> {
        self.deserialize(d)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Raw, E> {
        Ok(Raw::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Raw, E> {
        Ok(Raw::Int(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Raw, E> {
        // One spelling per value, so a request read twice compares equal.
        Ok(i64::try_from(v).map_or(Raw::UInt(v), Raw::Int))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Raw, E> {
        // JavaScript numbers arrive as f64 even when whole; keep whole ones as integers.
        Ok(whole(v).map_or(Raw::Float(v), Raw::Int))
    }
    fn visit_str<E>(self, v: &str) -> Result<Raw, E> {
        Ok(Raw::Text(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Raw, E> {
        Ok(Raw::Text(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Raw, A::Error> {
        let inner = self.inner()?;
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(inner)? {
            items.push(item);
        }
        Ok(Raw::List(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Raw, A::Error> {
        let inner = self.inner()?;
        let mut map = BTreeMap::new();
        while let Some(key) = access.next_key::<String>()? {
            let value = access.next_value_seed(inner)?;
            map.insert(key, value);
        }
        Ok(Raw::Map(map))
    }
    fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<Raw, E> {
        Err(E::custom("bytes are not accepted"))
    }
}
