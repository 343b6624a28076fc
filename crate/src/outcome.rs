//! What a collection keeps of each scored assessment: the unit, whether it
//! is complete, and its exact points or scores, in rubric order. Summaries
//! and comparisons read only this; the whole result (labels, criteria,
//! inputs as understood) is scored again from the request when it is shown
//! or written out. A national roll-up holds 10,000 of these, not 10,000 full
//! results.

use crate::exact::Exact;
use crate::request::Unit;
use crate::request::ROUND_MISSING;
use crate::result::{ScoreResult, Scores};

#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub framework: String,
    pub unit: Unit,
    /// Every indicator or item scored, with no errors.
    pub complete: bool,
    /// The edition has rounds and the assessment names none (Decision I).
    pub round_missing: bool,
    pub has_errors: bool,
    pub measures: Measures,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Measures {
    Banded(Tally),
    Weighted(WeightedTally),
}

/// A banded assessment's points.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tally {
    /// Per indicator, in rubric order; none where unanswered or unreadable.
    pub points: Vec<Option<u32>>,
    /// Per category, in rubric order: the points earned so far.
    pub categories: Vec<u32>,
    /// Only when every indicator is scored (Decision D).
    pub total: Option<u32>,
    pub level: Option<u32>,
}

/// A weighted assessment's scores.
#[derive(Clone, Debug, PartialEq)]
pub struct WeightedTally {
    /// Per item, in rubric order (parents before their children).
    pub scores: Vec<Option<Exact>>,
    /// Only when complete.
    pub weighted_score: Option<Exact>,
}

impl Outcome {
    /// The outcome of a whole result: what `score::outcome` gives directly.
    pub fn of(result: &ScoreResult) -> Outcome {
        let measures = match &result.scores {
            Scores::Banded(s) => Measures::Banded(Tally {
                points: s.indicators.iter().map(|i| i.points).collect(),
                categories: s.categories.iter().map(|c| c.points).collect(),
                total: s.total,
                level: s.level.as_ref().map(|l| l.level),
            }),
            Scores::Weighted(s) => Measures::Weighted(WeightedTally {
                scores: s
                    .items
                    .iter()
                    .map(|i| i.score.as_ref().map(|s| s.exact().clone()))
                    .collect(),
                weighted_score: s.weighted_score.as_ref().map(|s| s.exact().clone()),
            }),
        };
        Outcome {
            framework: result.framework.id.clone(),
            unit: result.unit.clone(),
            complete: result.complete,
            round_missing: result.missing.iter().any(|m| m.as_str() == ROUND_MISSING),
            has_errors: !result.errors.is_empty(),
            measures,
        }
    }
}
