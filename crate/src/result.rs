//! What scoring returns. Scores, percentages and weights are kept exact
//! (`Score`, `Percent`, `Number`), so summaries and comparisons compute on
//! the values themselves; each is written out as decimal text at its own
//! precision, so nothing passes through a float.

use std::fmt;
use std::sync::Arc;

use serde::{Serialize, Serializer};

use crate::error::{FieldPath, InputError};
use crate::exact::Exact;
use crate::framework::BelowLevelOne;
use crate::raw::Raw;
use crate::request::Unit;
use crate::text::Text;

/// An exact value written with `places` decimals (`FIXED`) or at most that many.
macro_rules! shown_as {
    ($(#[$doc:meta])* $name:ident, $show:expr) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
        pub struct $name(pub Exact);

        impl $name {
            pub fn exact(&self) -> &Exact {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let show: fn(&Exact) -> String = $show;
                f.write_str(&show(&self.0))
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }
    };
}

shown_as!(
    /// A 1–5 score, or a weight times a score: shown to 4 decimals, half up.
    Score,
    |x| x.to_fixed(4)
);
shown_as!(
    /// A percentage or a result: shown to at most 2 decimals, half up.
    Percent,
    |x| x.to_short(2)
);
shown_as!(
    /// A weight, count or denominator: shown exactly (to 10 decimals at most).
    Number,
    Exact::to_plain
);

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ScoreResult {
    pub framework: FrameworkRef,
    pub core_version: String,
    /// The request exactly as received: loading it again reproduces this result.
    #[cfg_attr(feature = "typescript", ts(type = "ScoreRequest"))]
    pub request: Raw,
    pub unit: Unit,
    /// Every indicator or item scored, with no errors.
    pub complete: bool,
    /// Ids of indicators or items with no usable answer.
    pub missing: Vec<FieldPath>,
    pub errors: Vec<FieldError>,
    /// Decisions that applied to the assessment as a whole (D, F).
    pub notes: Vec<Note>,
    pub scores: Scores,
    /// The assessor's remark on the whole assessment (evidence, comment).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub remark: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct FrameworkRef {
    pub id: String,
    pub edition: String,
    pub name: Text,
    pub source: Text,
    /// A user's own rubric, not a built-in: its exports carry the rubric.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub own: bool,
}

/// A problem with one field, to show beside it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct FieldError {
    pub path: FieldPath,
    pub label: Text,
    pub message: Text,
}

impl From<InputError> for FieldError {
    fn from(err: InputError) -> FieldError {
        FieldError {
            message: err.message(),
            path: err.field.path.clone(),
            label: err.field.label.clone(),
        }
    }
}

/// A decision that applied, or a warning, with its text in both languages.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Note {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision: Option<String>,
    pub text: Text,
}

impl Note {
    pub fn warning(text: Text) -> Note {
        Note {
            decision: None,
            text,
        }
    }
}

/// The input as the scorer understood it, kept exact: written as text only
/// when the result is written out.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Understood {
    /// The percentage, count, level or result used for scoring.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub numerator: Option<Number>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub denominator: Option<Number>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub choice: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
}

impl Understood {
    /// A number as typed.
    pub fn typed(value: Exact) -> Understood {
        Understood {
            value: Some(Value::Typed(Number(value))),
            ..Understood::default()
        }
    }

    /// A percentage computed from a numerator and a denominator.
    pub fn computed(value: Exact, numerator: Exact, denominator: Exact) -> Understood {
        Understood {
            value: Some(Value::Computed(Percent(value))),
            numerator: Some(Number(numerator)),
            denominator: Some(Number(denominator)),
            ..Understood::default()
        }
    }
}

/// A value used for scoring: a number as typed, written exactly, or a
/// percentage computed from counts, cut to 3 decimals (see `Exact::to_cut`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Typed(Number),
    Computed(Percent),
}

/// Computed percentages are cut to this many decimals, never rounded up.
const CUT_PLACES: u32 = 3;

impl Value {
    pub fn exact(&self) -> &Exact {
        match self {
            Value::Typed(n) => n.exact(),
            Value::Computed(p) => p.exact(),
        }
    }

    /// The value as a bare number, for a spreadsheet cell: as displayed,
    /// without the "…" a cut percentage carries.
    pub fn number_text(&self) -> String {
        match self {
            Value::Typed(n) => n.to_string(),
            Value::Computed(p) => p.exact().cut(CUT_PLACES).0,
        }
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Typed(n) => n.fmt(f),
            // Cut, never rounded up, to 3 decimals: beside the points it
            // earned, it must not read as a band it did not reach.
            Value::Computed(p) => f.write_str(&p.exact().to_cut(CUT_PLACES)),
        }
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Scores {
    Banded(BandedScores),
    Weighted(WeightedScores),
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct BandedScores {
    pub indicators: Vec<IndicatorScore>,
    pub categories: Vec<CategoryScore>,
    /// Sum of the points earned so far.
    pub partial_total: u32,
    /// The total, only when every indicator is scored (Decision D).
    pub total: Option<u32>,
    pub min_total: u32,
    pub max_total: u32,
    pub level: Option<LevelOut>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct IndicatorScore {
    pub id: Arc<str>,
    pub category: Arc<str>,
    pub name: Text,
    pub input: Option<Understood>,
    pub points: Option<u32>,
    pub max_points: u32,
    pub criterion: Option<Text>,
    pub decisions: Vec<Note>,
    /// The assessor's remark on this indicator.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub remark: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct CategoryScore {
    pub id: Arc<str>,
    pub name: Text,
    pub points: u32,
    pub max_points: u32,
    pub scored: u32,
    pub indicators: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct LevelOut {
    pub level: u32,
    pub name: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct WeightedScores {
    pub items: Vec<ItemScore>,
    pub total_weight: Number,
    pub below_level_one: BelowLevelOne,
    /// Σ weight × score / Σ weight, only when complete.
    pub weighted_score: Option<Score>,
    /// Σ weight × score / 100: the share of a 100-weight agreement, only when complete.
    pub contribution: Option<Score>,
    /// Σ weight × score / 100 over the items scored so far.
    pub partial_contribution: Score,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ItemScore {
    pub id: String,
    pub parent: Option<String>,
    pub depth: usize,
    pub name: Text,
    pub weight: Number,
    pub input: Option<Understood>,
    /// The result converted, for threshold items.
    pub result: Option<Percent>,
    /// 1–5 (0 below level 1 unless the framework floors it at 1).
    pub score: Option<Score>,
    /// weight × score.
    pub weighted: Option<Score>,
    /// weight × score / 100.
    pub contribution: Option<Score>,
    /// The whole level reached and its criterion, when the rubric words one.
    pub level: Option<u32>,
    pub criterion: Option<Text>,
    pub matrix: Option<MatrixScore>,
    pub reports: Option<ReportsScore>,
    pub decisions: Vec<Note>,
    pub warnings: Vec<Note>,
    /// The assessor's remark on this item.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub remark: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct MatrixScore {
    pub indicators: Vec<MatrixIndicatorScore>,
    pub met: u32,
    pub assessed: u32,
    /// met × 100 / assessed; only when every indicator has its inputs.
    pub percent: Option<Percent>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct MatrixIndicatorScore {
    pub id: String,
    pub group: Text,
    pub name: Text,
    pub input: Option<Understood>,
    pub value: Option<Percent>,
    pub target: Option<Percent>,
    pub met: Option<bool>,
    pub decisions: Vec<Note>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ReportsScore {
    pub units: Vec<UnitReportScore>,
    pub meeting_all: u32,
    pub reported: u32,
    /// Units assessed; none when the denominator given could not be read.
    #[serde(serialize_with = "number_or_blank")]
    pub denominator: Option<Number>,
    pub percent: Option<Percent>,
}

/// A denominator that could not be read is written as "", as it always was.
fn number_or_blank<S: Serializer>(
    value: &Option<Number>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(number) => number.serialize(serializer),
        None => serializer.serialize_str(""),
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct UnitReportScore {
    pub name: String,
    /// The form's header as understood (type of unit, report number and date).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<DetailValue>,
    pub items: Vec<ReportItemScore>,
    pub criteria: Vec<CriterionScore>,
    /// Whether the unit meets every criterion; none while an answer is missing.
    pub meets_all: Option<bool>,
    pub warnings: Vec<Note>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ReportItemScore {
    pub id: String,
    pub answer: Option<bool>,
    pub count: Option<Number>,
    /// count × 100 / the count it is a percentage of.
    pub percent: Option<Percent>,
    pub reported_percent: Option<Number>,
    /// What the form asks beside the answer, as understood.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<DetailValue>,
}

/// A report form's blank as understood: a date as `YYYY-MM-DD`, a choice as
/// its option's id, a count or text as written.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct DetailValue {
    pub id: String,
    pub value: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct CriterionScore {
    pub id: String,
    pub label: Text,
    pub met: Option<bool>,
}
