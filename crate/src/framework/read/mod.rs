//! Rubric files read from the loose tree, by hand: each type says which
//! fields it has, which may be left out, and what each holds. A field the
//! format does not have, a missing one or a value of the wrong kind is
//! refused with the path to it (`rubric.banded.categories.0.indicators.2`),
//! in Thai and English. serde's derived readers did this before, at a fifth
//! of the WebAssembly (issue 9).

/// Reads an object of exactly the fields listed, each as it may be given
/// (`req`, `opt`, `list` or `flag`; `= "in"` where the file's name differs
/// from the field's), then sets the fields after `;`. The fields the format
/// knows and the fields read are one list: they cannot drift apart.
macro_rules! object {
    (@name $field:ident) => {
        stringify!($field)
    };
    (@name $field:ident $name:literal) => {
        $name
    };
    ($json:expr, $at:expr => $($ty:ident)::+ {
        $($field:ident $(= $name:literal)?: $how:ident),* $(,)?
        $(; $($set:ident: $value:expr),* $(,)?)?
    }) => {{
        let known = &[$(object!(@name $field $($name)?)),*];
        let mut fields = Fields::of($json, $at, known)?;
        Read::Ok($($ty)::+ {
            $($field: fields.$how(object!(@name $field $($name)?))?,)*
            $($($set: $value,)*)?
        })
    }};
}

mod banded;
mod weighted;

use std::borrow::Cow;
use std::sync::{Arc, OnceLock};

use crate::error::{Expected, FrameworkProblem};
use crate::exact::Exact;
use crate::json_read::{Field, Json};
use crate::raw::Raw;
use crate::text::Text;

use super::{Decision, DecisionRule, Edition, Framework, Rubric};

/// What went wrong, and where: the path to it (empty for the file itself),
/// and where it starts in the text (a byte offset); the framework's id is
/// added by the caller.
#[derive(Debug)]
pub(super) struct Misread {
    pub at: String,
    pub offset: usize,
    pub problem: FrameworkProblem,
}

/// Boxed: every reader passes a failure up unread, and a pointer is
/// cheaper to pass (and to write code for) than the failure itself.
pub(super) type Read<T> = Result<T, Box<Misread>>;

/// Where reading is, kept on the stack as it descends and written out only
/// for an error: a rubric of 100,000 indicators builds no paths. Each step
/// holds where its field or item starts in the text.
#[derive(Clone, Copy)]
pub(super) enum At<'a> {
    Top,
    Field(&'a At<'a>, &'static str, usize),
    Item(&'a At<'a>, usize, usize),
}

impl At<'_> {
    fn path(&self) -> String {
        match self {
            At::Top => String::new(),
            At::Field(At::Top, name, _) => (*name).to_owned(),
            At::Field(parent, name, _) => format!("{}.{name}", parent.path()),
            At::Item(parent, index, _) => format!("{}.{index}", parent.path()),
        }
    }

    /// Where this place starts in the text; the file itself at its start.
    fn offset(&self) -> usize {
        match self {
            At::Top => 0,
            At::Field(.., offset) | At::Item(.., offset) => *offset,
        }
    }

    fn fail<T>(&self, problem: FrameworkProblem) -> Read<T> {
        self.fail_near(self.offset(), problem)
    }

    /// A failure of this place, shown where the text says it: a field's
    /// name, say, for one the format does not have.
    fn fail_near<T>(&self, offset: usize, problem: FrameworkProblem) -> Read<T> {
        Err(Box::new(Misread {
            at: self.path(),
            offset,
            problem,
        }))
    }

    fn wrong<T>(&self, expected: Expected, got: &Json) -> Read<T> {
        self.fail(FrameworkProblem::WrongKind {
            expected,
            got: got.kind_name(),
        })
    }
}

/// A value of a rubric file, read from its place in the file.
pub(super) trait FromJson: Sized {
    fn read(json: Json, at: At) -> Read<Self>;
}

/// An object's fields, taken one by one; whatever is left unread when the
/// object is built would be a field the format does not have, so those are
/// refused before any is read.
pub(super) struct Fields<'j, 'a> {
    fields: Vec<Field<'j>>,
    at: At<'a>,
}

impl<'j, 'a> Fields<'j, 'a> {
    /// An object with only the fields `known`.
    pub fn of(json: Json<'j>, at: At<'a>, known: &'static [&'static str]) -> Read<Self> {
        let fields = Fields::loose(json, at)?;
        if let Some((field, offset, _)) = fields
            .fields
            .iter()
            .find(|(name, ..)| !known.contains(&&**name))
        {
            return at.fail_near(
                *offset,
                FrameworkProblem::UnknownField {
                    field: field.to_string(),
                    known: known.to_vec(),
                },
            );
        }
        Ok(fields)
    }

    /// An object whose other fields are let be.
    pub fn loose(json: Json<'j>, at: At<'a>) -> Read<Self> {
        match json {
            Json::Object(fields) => Ok(Fields { fields, at }),
            other => at.wrong(Expected::Object, &other),
        }
    }

    /// A field's value and where it starts; a field given twice is refused
    /// (serde refused it too), as which one was meant cannot be told.
    fn take(&mut self, name: &str) -> Read<Option<(usize, Json<'j>)>> {
        let mut places = self
            .fields
            .iter()
            .enumerate()
            .filter(|(_, (n, ..))| n == name);
        let Some((place, _)) = places.next() else {
            return Ok(None);
        };
        if let Some((_, (_, again, _))) = places.next() {
            return self.at.fail_near(
                *again,
                FrameworkProblem::DuplicateField {
                    field: name.to_owned(),
                },
            );
        }
        // In order: a later name given twice is then found second where it
        // stands second (objects have a handful of fields).
        let (_, offset, json) = self.fields.remove(place);
        Ok(Some((offset, json)))
    }

    /// A field that must be there.
    pub fn req<T: FromJson>(&mut self, name: &'static str) -> Read<T> {
        match self.take(name)? {
            Some((offset, json)) => T::read(json, At::Field(&self.at, name, offset)),
            None => self.at.fail(FrameworkProblem::MissingField { field: name }),
        }
    }

    /// A field that may be left out, or null.
    pub fn opt<T: FromJson>(&mut self, name: &'static str) -> Read<Option<T>> {
        match self.take(name)? {
            None | Some((_, Json::Null)) => Ok(None),
            Some((offset, json)) => T::read(json, At::Field(&self.at, name, offset)).map(Some),
        }
    }

    /// A flag that may be left out, or null, as false.
    pub fn flag(&mut self, name: &'static str) -> Read<bool> {
        self.opt(name).map(Option::unwrap_or_default)
    }

    /// A list that may be left out, as empty.
    pub fn list<T: FromJson>(&mut self, name: &'static str) -> Read<Vec<T>> {
        match self.take(name)? {
            None => Ok(Vec::new()),
            Some((offset, json)) => Vec::read(json, At::Field(&self.at, name, offset)),
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn read(json: Json, at: At) -> Read<Self> {
        match json {
            Json::List(items) => items
                .into_iter()
                .enumerate()
                .map(|(index, (offset, item))| T::read(item, At::Item(&at, index, offset)))
                .collect(),
            other => at.wrong(Expected::List, &other),
        }
    }
}

impl FromJson for String {
    fn read(json: Json, at: At) -> Read<Self> {
        match json {
            Json::Text(text) => Ok(text.into_owned()),
            other => at.wrong(Expected::Text, &other),
        }
    }
}

impl FromJson for Arc<str> {
    fn read(json: Json, at: At) -> Read<Self> {
        match json {
            Json::Text(text) => Ok(Arc::from(&*text)),
            other => at.wrong(Expected::Text, &other),
        }
    }
}

impl FromJson for bool {
    fn read(json: Json, at: At) -> Read<Self> {
        match json {
            Json::Bool(b) => Ok(b),
            other => at.wrong(Expected::Boolean, &other),
        }
    }
}

/// Any value: an example's input, scored as a request's answer is.
impl FromJson for Raw {
    fn read(json: Json, _: At) -> Read<Self> {
        Ok(json.into_raw())
    }
}

/// A whole number that fits `T` (u8 for rounds, u32 for points and levels).
fn fitting<T: TryFrom<i64> + Into<u64>>(json: Json, at: At, max: T) -> Read<T> {
    let out_of_range = |text: String| {
        at.fail(FrameworkProblem::NumberOutOfRange {
            text,
            max: max.into(),
        })
    };
    match json {
        Json::Number(Raw::Int(i)) => T::try_from(i).or_else(|_| out_of_range(i.to_string())),
        Json::Number(Raw::UInt(u)) => out_of_range(u.to_string()),
        other => at.wrong(Expected::WholeNumber, &other),
    }
}

impl FromJson for u32 {
    fn read(json: Json, at: At) -> Read<Self> {
        fitting(json, at, u32::MAX)
    }
}

impl FromJson for u8 {
    fn read(json: Json, at: At) -> Read<Self> {
        fitting(json, at, u8::MAX)
    }
}

/// Decimal text ("72.5"), or a JSON integer.
impl FromJson for Exact {
    fn read(json: Json, at: At) -> Read<Self> {
        match json {
            Json::Text(text) => Exact::parse_decimal(text.trim()).map_or_else(
                || {
                    at.fail(FrameworkProblem::BadNumber {
                        text: text.into_owned(),
                    })
                },
                Ok,
            ),
            Json::Number(Raw::Int(i)) => Ok(Exact::int(i)),
            Json::Number(Raw::UInt(u)) => at.fail(FrameworkProblem::BadNumber {
                text: u.to_string(),
            }),
            other => at.wrong(Expected::Decimal, &other),
        }
    }
}

/// Thai and English; other languages a file may carry are let be.
impl FromJson for Text {
    fn read(json: Json, at: At) -> Read<Self> {
        let mut fields = Fields::loose(json, at)?;
        Ok(Text {
            th: fields.req("th")?,
            en: fields.req("en")?,
        })
    }
}

/// One of a few names, as a field that names a kind: `"percent"`.
pub(super) fn named<T: Copy>(json: Json, at: At, names: &[(&'static str, T)]) -> Read<T> {
    let name = name_of(json, at)?;
    match names.iter().find(|(known, _)| *known == name) {
        Some((_, value)) => Ok(*value),
        None => at.fail(FrameworkProblem::UnknownKind {
            got: name.into_owned(),
            known: names.iter().map(|(known, _)| *known).collect(),
        }),
    }
}

/// The name a kind is given by: text, or `{"percent": null}` as serde read it too.
fn name_of<'j>(json: Json<'j>, at: At) -> Read<Cow<'j, str>> {
    match json {
        Json::Text(name) => Ok(name),
        Json::Object(mut fields) if matches!(&fields[..], [(_, _, Json::Null)]) => {
            Ok(fields.pop().map(|(name, ..)| name).unwrap_or_default())
        }
        other => at.wrong(Expected::Text, &other),
    }
}

/// A kind that carries data, written as an object of one field named for
/// it (`{"banded": {...}}`); a kind without data (one of `bare`) may be
/// written as its name alone. Gives the kind and its data (null for a name
/// alone), with where the data starts.
pub(super) fn tagged<'j>(
    json: Json<'j>,
    at: At,
    kinds: &'static [&'static str],
    bare: &[&str],
) -> Read<(usize, usize, Json<'j>)> {
    let here = at.offset();
    let (kind, offset, data) = match json {
        Json::Text(name) if bare.contains(&&*name) => (name, here, Json::Null),
        Json::Text(name) if kinds.contains(&&*name) => {
            return at.fail(FrameworkProblem::KindWithoutData {
                kind: name.into_owned(),
            })
        }
        Json::Text(name) => (name, here, Json::Null),
        Json::Object(mut fields) if fields.len() == 1 => {
            fields
                .pop()
                .unwrap_or((Cow::Borrowed(""), here, Json::Null))
        }
        other => return at.wrong(Expected::OneKind, &other),
    };
    match kinds.iter().position(|k| *k == kind) {
        Some(index) => Ok((index, offset, data)),
        None => at.fail_near(
            offset,
            FrameworkProblem::UnknownKind {
                got: kind.into_owned(),
                known: kinds.to_vec(),
            },
        ),
    }
}

/// The data of a kind that has none: absent (the name alone) or null.
pub(super) fn no_data(data: Json, at: At) -> Read<()> {
    match data {
        Json::Null => Ok(()),
        other => at.wrong(Expected::Nothing, &other),
    }
}

impl FromJson for Framework {
    fn read(json: Json, at: At) -> Read<Self> {
        object!(json, at => Framework {
            format: req, id: req, name: req, description: opt, unit: req, editions: req, decisions:
            list, rubric: req;
            answerable: OnceLock::new(),
            indicators_by_id: OnceLock::new(),
        })
    }
}

impl FromJson for Edition {
    fn read(json: Json, at: At) -> Read<Self> {
        object!(json, at => Edition { edition: req, source: req, document: opt, rounds: list })
    }
}

impl FromJson for Decision {
    fn read(json: Json, at: At) -> Read<Self> {
        object!(json, at => Decision { id: req, rule: req, text: req })
    }
}

impl FromJson for DecisionRule {
    fn read(json: Json, at: At) -> Read<Self> {
        use DecisionRule::*;
        named(
            json,
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

impl FromJson for Rubric {
    fn read(json: Json, at: At) -> Read<Self> {
        let (kind, offset, data) = tagged(json, at, &["banded", "weighted"], &[])?;
        let at = At::Field(&at, if kind == 0 { "banded" } else { "weighted" }, offset);
        Ok(match kind {
            0 => Rubric::Banded(FromJson::read(data, at)?),
            _ => Rubric::Weighted(FromJson::read(data, at)?),
        })
    }
}
