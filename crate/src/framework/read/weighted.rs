//! A weighted (OPDC) rubric's parts, read from the loose tree.

use crate::framework::{
    Answer, BelowLevelOne, Condition, DetailKind, DetailOption, Item, Matrix, MatrixIndicator,
    MatrixTarget, MatrixValue, NamedLevel, ReportCriterion, ReportDetail, ReportItem,
    ReportItemKind, Reports, ScoreCase, Scoring, ThresholdInput, WeightedRubric,
};
use crate::json_read::Json;

use super::{named, no_data, tagged, At, Fields, FromJson, Read};

impl FromJson for WeightedRubric {
    fn read(json: Json, at: At) -> Read<Self> {
        object!(json, at => WeightedRubric { total_weight: req, below_level_one: req, items: req })
    }
}

impl FromJson for BelowLevelOne {
    fn read(json: Json, at: At) -> Read<Self> {
        use BelowLevelOne::*;
        named(json, at, &[("zero", Zero), ("one", One)])
    }
}

impl FromJson for Item {
    fn read(json: Json, at: At) -> Read<Self> {
        object!(json, at => Item {
            id: req, name: req, weight: req, children: list, scoring: opt, cases: list
        })
    }
}

impl FromJson for ScoreCase {
    fn read(json: Json, at: At) -> Read<Self> {
        object!(json, at => ScoreCase { input = "in": req, score: req })
    }
}

impl FromJson for Scoring {
    fn read(json: Json, at: At) -> Read<Self> {
        const KINDS: &[&str] = &["thresholds", "named_levels", "level"];
        let (kind, offset, data) = tagged(json, at, KINDS, &[])?;
        let at = At::Field(&at, KINDS[kind], offset);
        Ok(match kind {
            0 => object!(data, at => Scoring::Thresholds {
                input: req, thresholds: req, level_texts: list, matrix: opt, reports: opt
            })?,
            1 => object!(data, at => Scoring::NamedLevels { levels: req })?,
            _ => object!(data, at => Scoring::Level { level_texts: list })?,
        })
    }
}

impl FromJson for ThresholdInput {
    fn read(json: Json, at: At) -> Read<Self> {
        use ThresholdInput::*;
        named(json, at, &[("percent", Percent), ("number", Number)])
    }
}

impl FromJson for NamedLevel {
    fn read(json: Json, at: At) -> Read<Self> {
        object!(json, at => NamedLevel { id: req, label: req })
    }
}

impl FromJson for Matrix {
    fn read(json: Json, at: At) -> Read<Self> {
        object!(json, at => Matrix { indicators: req })
    }
}

impl FromJson for MatrixIndicator {
    fn read(json: Json, at: At) -> Read<Self> {
        object!(json, at => MatrixIndicator {
            id: req, group: req, name: req, value: req, target: req, unit: req, previous: opt, note:
            opt
        })
    }
}

impl FromJson for MatrixValue {
    fn read(json: Json, at: At) -> Read<Self> {
        const KINDS: &[&str] = &["share", "ratio", "count", "mean_score"];
        let (kind, offset, data) = tagged(json, at, KINDS, &["count"])?;
        let at = At::Field(&at, KINDS[kind], offset);
        Ok(match kind {
            0 => object!(data, at => MatrixValue::Share { numerator: req, denominator: req })?,
            1 => object!(data, at => MatrixValue::Ratio {
                numerator: req, denominator: req, scale: req
            })?,
            2 => no_data(data, at).map(|()| MatrixValue::Count)?,
            _ => object!(data, at => MatrixValue::MeanScore { out_of: req })?,
        })
    }
}

impl FromJson for MatrixTarget {
    fn read(json: Json, at: At) -> Read<Self> {
        const KINDS: &[&str] = &["fixed", "previous_plus", "previous_plus_growth"];
        let (kind, offset, data) = tagged(json, at, KINDS, &["previous_plus_growth"])?;
        let at = At::Field(&at, KINDS[kind], offset);
        Ok(match kind {
            0 => object!(data, at => MatrixTarget::Fixed { value: req })?,
            1 => object!(data, at => MatrixTarget::PreviousPlus { points: req })?,
            _ => no_data(data, at).map(|()| MatrixTarget::PreviousPlusGrowth)?,
        })
    }
}

impl FromJson for Reports {
    fn read(json: Json, at: At) -> Read<Self> {
        object!(json, at => Reports {
            default_denominator: req, details: list, items: req, criteria: req
        })
    }
}

impl FromJson for ReportItem {
    fn read(json: Json, at: At) -> Read<Self> {
        object!(json, at => ReportItem {
            id: req, label: req, kind: req, percent_of: opt, details: list
        })
    }
}

impl FromJson for ReportDetail {
    fn read(json: Json, at: At) -> Read<Self> {
        object!(json, at => ReportDetail {
            id: req, label: req, kind: req, options: list, when: opt
        })
    }
}

impl FromJson for DetailKind {
    fn read(json: Json, at: At) -> Read<Self> {
        use DetailKind::*;
        named(
            json,
            at,
            &[
                ("date", Date),
                ("count", Count),
                ("text", Text),
                ("choice", Choice),
            ],
        )
    }
}

impl FromJson for DetailOption {
    fn read(json: Json, at: At) -> Read<Self> {
        object!(json, at => DetailOption { id: req, label: req })
    }
}

impl FromJson for Answer {
    fn read(json: Json, at: At) -> Read<Self> {
        named(json, at, &[("yes", Answer::Yes), ("no", Answer::No)])
    }
}

impl FromJson for ReportItemKind {
    fn read(json: Json, at: At) -> Read<Self> {
        use ReportItemKind::*;
        named(
            json,
            at,
            &[("count", Count), ("yes_no", YesNo), ("yes_count", YesCount)],
        )
    }
}

impl FromJson for ReportCriterion {
    fn read(json: Json, at: At) -> Read<Self> {
        object!(json, at => ReportCriterion { id: req, label: req, all: req })
    }
}

impl FromJson for Condition {
    fn read(json: Json, at: At) -> Read<Self> {
        const KINDS: &[&str] = &["yes", "percent_at_least"];
        let (kind, offset, data) = tagged(json, at, KINDS, &[])?;
        let at = At::Field(&at, KINDS[kind], offset);
        Ok(match kind {
            0 => Condition::Yes(FromJson::read(data, at)?),
            _ => object!(data, at => Condition::PercentAtLeast { item: req, percent: req })?,
        })
    }
}
