//! Rubric files read from the loose tree, by hand: each type says which
//! fields it has, which may be left out, and what each holds. A field the
//! format does not have, a missing one or a value of the wrong kind is
//! refused with the path to it (`rubric.banded.categories.0.indicators.2`),
//! in Thai and English. serde's derived readers did this before, at a fifth
//! of the WebAssembly (issue 9).

mod banded;
mod weighted;

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use crate::error::{Expected, FrameworkProblem};
use crate::exact::Exact;
use crate::raw::Raw;
use crate::text::Text;

use super::{Decision, DecisionRule, Edition, Framework, Rubric};

/// What went wrong, and where; the framework's id is added by the caller.
#[derive(Debug)]
pub(super) struct Misread {
    pub at: String,
    pub problem: FrameworkProblem,
}

pub(super) type Read<T> = Result<T, Misread>;

/// Where reading is, kept on the stack as it descends and written out only
/// for an error: a rubric of 100,000 indicators builds no paths.
#[derive(Clone, Copy)]
pub(super) enum At<'a> {
    Top,
    Field(&'a At<'a>, &'static str),
    Item(&'a At<'a>, usize),
}

impl At<'_> {
    fn path(&self) -> String {
        match self {
            At::Top => String::new(),
            At::Field(At::Top, name) => (*name).to_owned(),
            At::Field(parent, name) => format!("{}.{name}", parent.path()),
            At::Item(parent, index) => format!("{}.{index}", parent.path()),
        }
    }

    fn fail<T>(&self, problem: FrameworkProblem) -> Read<T> {
        let at = self.path();
        Err(Misread {
            at: if at.is_empty() { "file".into() } else { at },
            problem,
        })
    }

    fn wrong<T>(&self, expected: Expected, got: &Raw) -> Read<T> {
        self.fail(FrameworkProblem::WrongKind {
            expected,
            got: got.kind_name(),
        })
    }
}

/// A value of a rubric file, read from its place in the tree.
pub(super) trait FromRaw: Sized {
    fn read(raw: Raw, at: At) -> Read<Self>;
}

/// An object's fields, taken one by one; whatever is left unread when the
/// object is built would be a field the format does not have, so those are
/// refused before any is read.
pub(super) struct Fields<'a> {
    map: BTreeMap<String, Raw>,
    at: At<'a>,
}

impl<'a> Fields<'a> {
    /// An object with only the fields `known`.
    pub fn of(raw: Raw, at: At<'a>, known: &'static [&'static str]) -> Read<Fields<'a>> {
        let fields = Fields::loose(raw, at)?;
        if let Some(field) = fields.map.keys().find(|key| !known.contains(&key.as_str())) {
            return at.fail(FrameworkProblem::UnknownField {
                field: field.clone(),
                known: known.to_vec(),
            });
        }
        Ok(fields)
    }

    /// An object whose other fields are let be.
    pub fn loose(raw: Raw, at: At<'a>) -> Read<Fields<'a>> {
        match raw {
            Raw::Map(map) => Ok(Fields { map, at }),
            other => at.wrong(Expected::Object, &other),
        }
    }

    /// A field that must be there.
    pub fn req<T: FromRaw>(&mut self, name: &'static str) -> Read<T> {
        match self.map.remove(name) {
            Some(raw) => T::read(raw, At::Field(&self.at, name)),
            None => self.at.fail(FrameworkProblem::MissingField { field: name }),
        }
    }

    /// A field that may be left out, or null.
    pub fn opt<T: FromRaw>(&mut self, name: &'static str) -> Read<Option<T>> {
        match self.map.remove(name) {
            None | Some(Raw::Null) => Ok(None),
            Some(raw) => T::read(raw, At::Field(&self.at, name)).map(Some),
        }
    }

    /// A list that may be left out, as empty.
    pub fn list<T: FromRaw>(&mut self, name: &'static str) -> Read<Vec<T>> {
        match self.map.remove(name) {
            None => Ok(Vec::new()),
            Some(raw) => Vec::read(raw, At::Field(&self.at, name)),
        }
    }
}

impl<T: FromRaw> FromRaw for Vec<T> {
    fn read(raw: Raw, at: At) -> Read<Self> {
        match raw {
            Raw::List(items) => items
                .into_iter()
                .enumerate()
                .map(|(index, item)| T::read(item, At::Item(&at, index)))
                .collect(),
            other => at.wrong(Expected::List, &other),
        }
    }
}

impl FromRaw for String {
    fn read(raw: Raw, at: At) -> Read<Self> {
        match raw {
            Raw::Text(text) => Ok(text),
            other => at.wrong(Expected::Text, &other),
        }
    }
}

impl FromRaw for Arc<str> {
    fn read(raw: Raw, at: At) -> Read<Self> {
        String::read(raw, at).map(Arc::from)
    }
}

impl FromRaw for bool {
    fn read(raw: Raw, at: At) -> Read<Self> {
        match raw {
            Raw::Bool(b) => Ok(b),
            other => at.wrong(Expected::Boolean, &other),
        }
    }
}

/// Any value: an example's input, scored as a request's answer is.
impl FromRaw for Raw {
    fn read(raw: Raw, _: At) -> Read<Self> {
        Ok(raw)
    }
}

/// A whole number that fits `T` (u8 for rounds, u32 for points and levels).
fn whole<T: TryFrom<i64>>(raw: Raw, at: At) -> Read<T> {
    match raw {
        Raw::Int(i) => T::try_from(i).or_else(|_| {
            at.fail(FrameworkProblem::BadNumber {
                text: i.to_string(),
            })
        }),
        Raw::UInt(u) => at.fail(FrameworkProblem::BadNumber {
            text: u.to_string(),
        }),
        other => at.wrong(Expected::WholeNumber, &other),
    }
}

impl FromRaw for u32 {
    fn read(raw: Raw, at: At) -> Read<Self> {
        whole(raw, at)
    }
}

impl FromRaw for u8 {
    fn read(raw: Raw, at: At) -> Read<Self> {
        whole(raw, at)
    }
}

/// Decimal text ("72.5"), or a JSON integer.
impl FromRaw for Exact {
    fn read(raw: Raw, at: At) -> Read<Self> {
        match raw {
            Raw::Text(text) => Exact::parse_decimal(text.trim())
                .map_or_else(|| at.fail(FrameworkProblem::BadNumber { text }), Ok),
            Raw::Int(i) => Ok(Exact::int(i)),
            Raw::UInt(u) => at.fail(FrameworkProblem::BadNumber {
                text: u.to_string(),
            }),
            other => at.wrong(Expected::Decimal, &other),
        }
    }
}

/// Thai and English; other languages a file may carry are let be.
impl FromRaw for Text {
    fn read(raw: Raw, at: At) -> Read<Self> {
        let mut fields = Fields::loose(raw, at)?;
        Ok(Text {
            th: fields.req("th")?,
            en: fields.req("en")?,
        })
    }
}

/// One of a few names, as a field that names a kind: `"percent"`.
pub(super) fn named<T: Copy>(raw: Raw, at: At, names: &[(&'static str, T)]) -> Read<T> {
    let Raw::Text(text) = raw else {
        return at.wrong(Expected::Text, &raw);
    };
    match names.iter().find(|(name, _)| *name == text) {
        Some((_, value)) => Ok(*value),
        None => at.fail(FrameworkProblem::UnknownKind {
            got: text,
            known: names.iter().map(|(name, _)| *name).collect(),
        }),
    }
}

/// A kind that carries data, written as an object of one field named for
/// it (`{"banded": {...}}`); a kind without data may be written as its
/// name alone. Gives the kind and its data (`Raw::Null` for a name alone).
pub(super) fn tagged(raw: Raw, at: At, kinds: &'static [&'static str]) -> Read<(usize, Raw)> {
    let (kind, data) = match raw {
        Raw::Text(name) => (name, Raw::Null),
        Raw::Map(mut map) if map.len() == 1 => {
            map.pop_first().unwrap_or((String::new(), Raw::Null))
        }
        other => return at.wrong(Expected::OneKind, &other),
    };
    match kinds.iter().position(|k| *k == kind) {
        Some(index) => Ok((index, data)),
        None => at.fail(FrameworkProblem::UnknownKind {
            got: kind,
            known: kinds.to_vec(),
        }),
    }
}

/// The data of a kind that has none: absent (the name alone) or null.
pub(super) fn no_data(data: Raw, at: At) -> Read<()> {
    match data {
        Raw::Null => Ok(()),
        other => at.wrong(Expected::Nothing, &other),
    }
}

impl FromRaw for Framework {
    fn read(raw: Raw, at: At) -> Read<Self> {
        const KNOWN: &[&str] = &[
            "format",
            "id",
            "name",
            "description",
            "unit",
            "editions",
            "decisions",
            "rubric",
        ];
        let mut f = Fields::of(raw, at, KNOWN)?;
        Ok(Framework {
            format: f.req("format")?,
            id: f.req("id")?,
            name: f.req("name")?,
            description: f.opt("description")?,
            unit: f.req("unit")?,
            editions: f.req("editions")?,
            decisions: f.list("decisions")?,
            rubric: f.req("rubric")?,
            answerable: OnceLock::new(),
            indicators_by_id: OnceLock::new(),
        })
    }
}

impl FromRaw for Edition {
    fn read(raw: Raw, at: At) -> Read<Self> {
        let mut f = Fields::of(raw, at, &["edition", "source", "document", "rounds"])?;
        Ok(Edition {
            edition: f.req("edition")?,
            source: f.req("source")?,
            document: f.opt("document")?,
            rounds: f.list("rounds")?,
        })
    }
}

impl FromRaw for Decision {
    fn read(raw: Raw, at: At) -> Read<Self> {
        let mut f = Fields::of(raw, at, &["id", "rule", "text"])?;
        Ok(Decision {
            id: f.req("id")?,
            rule: f.req("rule")?,
            text: f.req("text")?,
        })
    }
}

impl FromRaw for DecisionRule {
    fn read(raw: Raw, at: At) -> Read<Self> {
        use DecisionRule::*;
        named(
            raw,
            at,
            &[
                ("overlapping_bands", OverlappingBands),
                ("between_bands", BetweenBands),
                ("none_means_zero", NoneMeansZero),
                ("incomplete", Incomplete),
                ("previous_plus_points", PreviousPlusPoints),
                ("below_level_one", BelowLevelOne),
                ("round_required", RoundRequired),
            ],
        )
    }
}

impl FromRaw for Rubric {
    fn read(raw: Raw, at: At) -> Read<Self> {
        let (kind, data) = tagged(raw, at, &["banded", "weighted"])?;
        let at = At::Field(&at, if kind == 0 { "banded" } else { "weighted" });
        Ok(match kind {
            0 => Rubric::Banded(FromRaw::read(data, at)?),
            _ => Rubric::Weighted(FromRaw::read(data, at)?),
        })
    }
}
