//! Weighted rubrics scored the OPDC way: each scored item converts its result
//! to 1–5 against five thresholds (or a named level, or a level typed in);
//! parents weigh their children; the whole sums to a declared weight.

use serde::Serialize;

use crate::exact::Exact;
use crate::raw::Raw;
use crate::text::Text;

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct WeightedRubric {
    /// 100 for a whole agreement; a single KPI of an agreement carries its own weight (5).
    pub total_weight: Exact,
    pub below_level_one: BelowLevelOne,
    pub items: Vec<Item>,
}

/// SPEC Decision F: what a result below the level-1 threshold scores.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum BelowLevelOne {
    Zero,
    One,
}

impl BelowLevelOne {
    pub fn score(self) -> Exact {
        match self {
            BelowLevelOne::Zero => Exact::zero(),
            BelowLevelOne::One => Exact::one(),
        }
    }
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    pub name: Text,
    pub weight: Exact,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Item>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scoring: Option<Scoring>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cases: Vec<ScoreCase>,
}

/// An example answer and the score (4 decimals) it must give.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct ScoreCase {
    #[serde(rename = "in")]
    pub input: Raw,
    pub score: String,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Scoring {
    /// A result converted linearly between five thresholds (ascending, or
    /// descending where lower is better).
    Thresholds {
        input: ThresholdInput,
        thresholds: Vec<Exact>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        level_texts: Vec<Text>,
        /// The result may instead be computed from an evaluation matrix.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        matrix: Option<Matrix>,
        /// The result may instead be computed from per-unit reports.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reports: Option<Reports>,
    },
    /// One of five named levels, scoring 1 to 5 in order.
    NamedLevels { levels: Vec<NamedLevel> },
    /// A level from 1 to 5 assessed against criteria kept elsewhere.
    Level {
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        level_texts: Vec<Text>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ThresholdInput {
    /// 0–100, typed or from a numerator and a denominator.
    Percent,
    /// Any non-negative number.
    Number,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct NamedLevel {
    pub id: String,
    pub label: Text,
}

/// An evaluation matrix: the item's result is the share of its indicators
/// whose value meets the target.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Matrix {
    pub indicators: Vec<MatrixIndicator>,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct MatrixIndicator {
    pub id: String,
    pub group: Text,
    pub name: Text,
    pub value: MatrixValue,
    pub target: MatrixTarget,
    /// The unit of the value and target ("%", "ตำบล", "กองทุน").
    pub unit: Text,
    /// What X of an "X + points" target is, as the source document says it
    /// (which follow-up, of which years).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<Text>,
    /// A note shown beside the indicator: a baseline, how a figure is counted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum MatrixValue {
    /// part × 100 / whole, the part no larger than the whole.
    Share { numerator: Text, denominator: Text },
    /// numerator × scale / denominator, any size.
    Ratio {
        numerator: Text,
        denominator: Text,
        scale: Exact,
    },
    /// A whole number counted.
    Count,
    /// mean score × 100 / the full score.
    MeanScore { out_of: Exact },
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum MatrixTarget {
    Fixed {
        value: Exact,
    },
    /// "X + points": X is the previous follow-up result (SPEC Decision E).
    PreviousPlus {
        points: Exact,
    },
    /// Previous result plus the average growth of the last three years.
    PreviousPlusGrowth,
}

/// A report form each unit fills in, and the criteria a unit must all meet.
/// The item's result is units meeting every criterion × 100 / units assessed.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Reports {
    pub default_denominator: Exact,
    /// The form's own header (type of unit, report number and date): kept
    /// and printed, never scored.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<ReportDetail>,
    pub items: Vec<ReportItem>,
    pub criteria: Vec<ReportCriterion>,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct ReportItem {
    pub id: String,
    pub label: Text,
    pub kind: ReportItemKind,
    /// For counts: the item whose count this one is a percentage of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percent_of: Option<String>,
    /// What the form asks beside the answer ("to be completed by", the
    /// villages remaining): kept and printed, never scored.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<ReportDetail>,
}

/// One blank of a report form that is not scored.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct ReportDetail {
    pub id: String,
    pub label: Text,
    pub kind: DetailKind,
    /// For a choice: the options, by id and label.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<DetailOption>,
    /// Asked only with this answer to the item (the seed's "if not yet,
    /// by when"); kept in the result only then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Answer>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum DetailKind {
    /// A Buddhist-era date, read as officers type it.
    Date,
    /// A whole number.
    Count,
    /// Free text.
    Text,
    /// One of `options`.
    Choice,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct DetailOption {
    pub id: String,
    pub label: Text,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(rename = "YesOrNo"))]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    Yes,
    No,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ReportItemKind {
    /// A number only.
    Count,
    /// A yes or no.
    YesNo,
    /// A yes or no, and when yes, a number.
    YesCount,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct ReportCriterion {
    pub id: String,
    pub label: Text,
    pub all: Vec<Condition>,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Condition {
    /// The item was answered yes.
    Yes(String),
    /// The item was answered yes and its count is at least `percent` % of the count it is a percentage of.
    PercentAtLeast { item: String, percent: Exact },
}

impl Item {
    /// This item and all below it, depth first, with their depth.
    pub fn walk<'a>(&'a self, depth: usize, out: &mut Vec<(&'a Item, usize, Option<&'a str>)>) {
        for child in &self.children {
            out.push((child, depth + 1, Some(&self.id)));
            child.walk(depth + 1, out);
        }
    }
}

impl WeightedRubric {
    /// Every item, parents before their children, with depth and parent id.
    pub fn all_items(&self) -> Vec<(&Item, usize, Option<&str>)> {
        let mut out = Vec::new();
        for item in &self.items {
            out.push((item, 0, None));
            item.walk(0, &mut out);
        }
        out
    }

    /// The items scored from per-unit report forms (KPI 3.2's), with their forms.
    pub fn report_items(&self) -> Vec<(&Item, &Reports)> {
        self.all_items()
            .into_iter()
            .filter_map(|(item, ..)| match &item.scoring {
                Some(Scoring::Thresholds {
                    reports: Some(reports),
                    ..
                }) => Some((item, reports)),
                _ => None,
            })
            .collect()
    }
}
