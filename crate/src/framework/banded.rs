//! Banded rubrics: each indicator earns the points of the band its raw value
//! reaches; the total decides the level (ศอช.ต. 23 indicators).

use std::sync::{Arc, OnceLock};

use serde::Serialize;

use crate::error::{Field, FieldPath};
use crate::exact::Exact;
use crate::raw::Raw;
use crate::text::Text;

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct BandedRubric {
    pub categories: Vec<Category>,
    pub levels: Vec<Level>,
    /// Counts several percentage indicators divide by (the committee's
    /// size for ศอช.ต. indicators 1 and 20–23): typed once in the form and
    /// reused as those indicators' denominators when the user wants.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shared_denominators: Vec<SharedDenominator>,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct SharedDenominator {
    pub id: String,
    pub label: Text,
    /// Percentage indicators whose denominator it is.
    pub indicators: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub id: Arc<str>,
    pub name: Text,
    pub indicators: Vec<Indicator>,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Shared with every result scored: an id is counted, not copied.
    pub id: Arc<str>,
    pub name: Text,
    pub input: IndicatorInput,
    /// What is counted, for count inputs ("ครั้ง / ปี", "times a year").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Text>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<Choice>,
    pub bands: Vec<Band>,
    /// The pass/fail table: inputs and the points they must earn.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cases: Vec<Case>,
    /// Where its answer sits in a request, made once: scoring thousands of
    /// rows names the field of every answer, and reads the name only on error.
    #[serde(skip)]
    pub(crate) field: OnceLock<Field>,
}

impl Indicator {
    /// `answers.<id>`, "ตัวชี้วัดที่ <id>".
    pub fn field(&self) -> &Field {
        self.field.get_or_init(|| {
            Field::new(
                FieldPath::of(["answers", &self.id]),
                Text::new(
                    format!("ตัวชี้วัดที่ {}", self.id),
                    format!("indicator {}", self.id),
                ),
            )
        })
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum IndicatorInput {
    /// A percentage, typed or computed from a numerator and a denominator.
    Percent,
    /// A whole number of times, groups or projects in the year.
    Count,
    /// One of the indicator's named choices.
    Choice,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub id: String,
    pub label: Text,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub points: u32,
    /// The criterion as the document words it.
    pub criterion: Text,
    /// The range the document writes, used to tell when a decision applied.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub written: Option<Written>,
    /// Where the band starts when that differs from what is written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reached_at: Option<Reach>,
    /// The decision that sets `reached_at`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<String>,
    /// For choice indicators: the choices that earn this band.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<String>,
}

/// A written range: `min`..`max`, each end inclusive unless marked exclusive;
/// a missing `min` is 0 and a missing `max` is unbounded.
#[derive(Clone, Debug, Default, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Written {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<Exact>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<Exact>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub min_exclusive: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub max_exclusive: bool,
}

fn is_false(b: &bool) -> bool {
    !b
}

impl Written {
    pub fn contains(&self, value: &Exact) -> bool {
        let min = self.min.clone().unwrap_or_else(Exact::zero);
        let above_min = if self.min_exclusive {
            *value > min
        } else {
            *value >= min
        };
        let below_max = match &self.max {
            None => true,
            Some(max) if self.max_exclusive => value < max,
            Some(max) => value <= max,
        };
        above_min && below_max
    }

    /// Where this range starts, as a band threshold.
    pub fn start(&self) -> Reach {
        let min = self.min.clone().unwrap_or_else(Exact::zero);
        if self.min_exclusive {
            Reach::Above(min)
        } else {
            Reach::AtLeast(min)
        }
    }
}

/// The lowest value that earns a band.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Reach {
    AtLeast(Exact),
    Above(Exact),
}

impl Reach {
    pub fn reached_by(&self, value: &Exact) -> bool {
        match self {
            Reach::AtLeast(min) => value >= min,
            Reach::Above(min) => value > min,
        }
    }

    /// Orders thresholds: at-least-40 comes before above-40, which comes before at-least-40.01.
    pub fn key(self) -> (Exact, bool) {
        match self {
            Reach::AtLeast(v) => (v, false),
            Reach::Above(v) => (v, true),
        }
    }
}

impl Band {
    /// The threshold that earns this band: an explicit one, else where the written range starts.
    pub fn reach(&self) -> Reach {
        self.reached_at.clone().unwrap_or_else(|| {
            self.written
                .as_ref()
                .map_or(Reach::AtLeast(Exact::zero()), Written::start)
        })
    }
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Case {
    #[serde(rename = "in")]
    pub input: Raw,
    pub points: u32,
    /// The decisions the scorer must report for this input.
    #[serde(default)]
    pub decisions: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Level {
    pub level: u32,
    pub name: Text,
    /// The total range the document gives, inclusive.
    pub min: u32,
    pub max: u32,
}

impl BandedRubric {
    pub fn indicators(&self) -> impl Iterator<Item = (&Category, &Indicator)> {
        self.categories
            .iter()
            .flat_map(|c| c.indicators.iter().map(move |i| (c, i)))
    }

    /// The lowest and highest totals the rubric allows.
    pub fn total_range(&self) -> (u32, u32) {
        self.indicators().fold((0, 0), |(lo, hi), (_, ind)| {
            let first = ind.bands.first().map_or(0, |b| b.points);
            let last = ind.bands.last().map_or(0, |b| b.points);
            (lo + first, hi + last)
        })
    }

    pub fn level_for(&self, total: u32) -> Option<&Level> {
        self.levels
            .iter()
            .find(|l| l.min <= total && total <= l.max)
    }
}
