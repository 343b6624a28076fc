//! A banded rubric's parts, read from the loose tree.

use std::sync::OnceLock;

use crate::framework::{
    Band, BandedRubric, Case, Category, Choice, Indicator, IndicatorInput, Level, Reach,
    SharedDenominator, Written,
};
use crate::json_read::Json;

use super::{named, tagged, At, Fields, FromJson, Read};

impl FromJson for BandedRubric {
    fn read(json: Json, at: At) -> Read<Self> {
        object!(json, at => BandedRubric {
            categories: req, levels: req, shared_denominators: list
        })
    }
}

impl FromJson for SharedDenominator {
    fn read(json: Json, at: At) -> Read<Self> {
        object!(json, at => SharedDenominator { id: req, label: req, indicators: req })
    }
}

impl FromJson for Category {
    fn read(json: Json, at: At) -> Read<Self> {
        object!(json, at => Category { id: req, name: req, indicators: req })
    }
}

impl FromJson for Indicator {
    fn read(json: Json, at: At) -> Read<Self> {
        object!(json, at => Indicator {
            id: req, name: req, input: req, unit: opt, choices: list, bands: req, cases: list;
            field: OnceLock::new(),
        })
    }
}

impl FromJson for IndicatorInput {
    fn read(json: Json, at: At) -> Read<Self> {
        use IndicatorInput::*;
        named(
            json,
            at,
            &[("percent", Percent), ("count", Count), ("choice", Choice)],
        )
    }
}

impl FromJson for Choice {
    fn read(json: Json, at: At) -> Read<Self> {
        object!(json, at => Choice { id: req, label: req })
    }
}

impl FromJson for Band {
    fn read(json: Json, at: At) -> Read<Self> {
        object!(json, at => Band {
            points: req, criterion: req, written: opt, reached_at: opt, decision: opt, choices: list
        })
    }
}

impl FromJson for Written {
    fn read(json: Json, at: At) -> Read<Self> {
        object!(json, at => Written {
            min: opt, max: opt, min_exclusive: flag, max_exclusive: flag
        })
    }
}

impl FromJson for Reach {
    fn read(json: Json, at: At) -> Read<Self> {
        let (kind, offset, data) = tagged(json, at, &["at_least", "above"], &[])?;
        let at = At::Field(&at, if kind == 0 { "at_least" } else { "above" }, offset);
        let value = FromJson::read(data, at)?;
        Ok(if kind == 0 {
            Reach::AtLeast(value)
        } else {
            Reach::Above(value)
        })
    }
}

impl FromJson for Case {
    fn read(json: Json, at: At) -> Read<Self> {
        object!(json, at => Case { input = "in": req, points: req, decisions: list })
    }
}

impl FromJson for Level {
    fn read(json: Json, at: At) -> Read<Self> {
        object!(json, at => Level { level: req, name: req, min: req, max: req })
    }
}
