//! What scoring returns. Numbers that are scores or percentages are decimal
//! text, exact or rounded as documented, so nothing passes through a float.

use serde::Serialize;

use crate::error::InputError;
use crate::framework::BelowLevelOne;
use crate::raw::Raw;
use crate::request::Unit;
use crate::text::Text;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScoreResult {
    pub framework: FrameworkRef,
    pub core_version: String,
    /// The request exactly as received: loading it again reproduces this result.
    pub request: Raw,
    pub unit: Unit,
    /// Every indicator or item scored, with no errors.
    pub complete: bool,
    /// Ids of indicators or items with no usable answer.
    pub missing: Vec<String>,
    pub errors: Vec<FieldError>,
    /// Decisions that applied to the assessment as a whole (D, F).
    pub notes: Vec<Note>,
    pub scores: Scores,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FrameworkRef {
    pub id: String,
    pub edition: String,
    pub name: Text,
    pub source: Text,
}

/// A problem with one field, to show beside it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FieldError {
    pub path: String,
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

/// The input as the scorer understood it.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Understood {
    /// The percentage, count, level or result used for scoring.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub numerator: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub denominator: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub choice: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Scores {
    Banded(BandedScores),
    Weighted(WeightedScores),
}

#[derive(Clone, Debug, PartialEq, Serialize)]
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
pub struct IndicatorScore {
    pub id: String,
    pub category: String,
    pub name: Text,
    pub input: Option<Understood>,
    pub points: Option<u32>,
    pub max_points: u32,
    pub criterion: Option<Text>,
    pub decisions: Vec<Note>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CategoryScore {
    pub id: String,
    pub name: Text,
    pub points: u32,
    pub max_points: u32,
    pub scored: u32,
    pub indicators: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LevelOut {
    pub level: u32,
    pub name: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WeightedScores {
    pub items: Vec<ItemScore>,
    pub total_weight: String,
    pub below_level_one: BelowLevelOne,
    /// Σ weight × score / Σ weight, 4 decimals, only when complete.
    pub weighted_score: Option<String>,
    /// Σ weight × score / 100: the share of a 100-weight agreement, only when complete.
    pub contribution: Option<String>,
    /// Σ weight × score / 100 over the items scored so far.
    pub partial_contribution: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ItemScore {
    pub id: String,
    pub parent: Option<String>,
    pub depth: usize,
    pub name: Text,
    pub weight: String,
    pub input: Option<Understood>,
    /// The result converted, for threshold items (percentages to 2 decimals).
    pub result: Option<String>,
    /// 1–5 (0 below level 1 unless the framework floors it at 1), 4 decimals.
    pub score: Option<String>,
    /// weight × score, 4 decimals.
    pub weighted: Option<String>,
    /// weight × score / 100, 4 decimals.
    pub contribution: Option<String>,
    /// The whole level reached and its criterion, when the rubric words one.
    pub level: Option<u32>,
    pub criterion: Option<Text>,
    pub matrix: Option<MatrixScore>,
    pub reports: Option<ReportsScore>,
    pub decisions: Vec<Note>,
    pub warnings: Vec<Note>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MatrixScore {
    pub indicators: Vec<MatrixIndicatorScore>,
    pub met: u32,
    pub assessed: u32,
    /// met × 100 / assessed, 2 decimals; only when every indicator has its inputs.
    pub percent: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MatrixIndicatorScore {
    pub id: String,
    pub group: Text,
    pub name: Text,
    pub input: Option<Understood>,
    pub value: Option<String>,
    pub target: Option<String>,
    pub met: Option<bool>,
    pub decisions: Vec<Note>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReportsScore {
    pub units: Vec<UnitReportScore>,
    pub meeting_all: u32,
    pub reported: u32,
    pub denominator: String,
    pub percent: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UnitReportScore {
    pub name: String,
    pub items: Vec<ReportItemScore>,
    pub criteria: Vec<CriterionScore>,
    /// Whether the unit meets every criterion; none while an answer is missing.
    pub meets_all: Option<bool>,
    pub warnings: Vec<Note>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReportItemScore {
    pub id: String,
    pub answer: Option<bool>,
    pub count: Option<String>,
    /// count × 100 / the count it is a percentage of, 2 decimals.
    pub percent: Option<String>,
    pub reported_percent: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CriterionScore {
    pub id: String,
    pub label: Text,
    pub met: Option<bool>,
}
