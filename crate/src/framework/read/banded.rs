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
        let mut f = Fields::of(json, at, &["categories", "levels", "shared_denominators"])?;
        Ok(BandedRubric {
            categories: f.req("categories")?,
            levels: f.req("levels")?,
            shared_denominators: f.list("shared_denominators")?,
        })
    }
}

impl FromJson for SharedDenominator {
    fn read(json: Json, at: At) -> Read<Self> {
        let mut f = Fields::of(json, at, &["id", "label", "indicators"])?;
        Ok(SharedDenominator {
            id: f.req("id")?,
            label: f.req("label")?,
            indicators: f.req("indicators")?,
        })
    }
}

impl FromJson for Category {
    fn read(json: Json, at: At) -> Read<Self> {
        let mut f = Fields::of(json, at, &["id", "name", "indicators"])?;
        Ok(Category {
            id: f.req("id")?,
            name: f.req("name")?,
            indicators: f.req("indicators")?,
        })
    }
}

impl FromJson for Indicator {
    fn read(json: Json, at: At) -> Read<Self> {
        const KNOWN: &[&str] = &["id", "name", "input", "unit", "choices", "bands", "cases"];
        let mut f = Fields::of(json, at, KNOWN)?;
        Ok(Indicator {
            id: f.req("id")?,
            name: f.req("name")?,
            input: f.req("input")?,
            unit: f.opt("unit")?,
            choices: f.list("choices")?,
            bands: f.req("bands")?,
            cases: f.list("cases")?,
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
        let mut f = Fields::of(json, at, &["id", "label"])?;
        Ok(Choice {
            id: f.req("id")?,
            label: f.req("label")?,
        })
    }
}

impl FromJson for Band {
    fn read(json: Json, at: At) -> Read<Self> {
        const KNOWN: &[&str] = &[
            "points",
            "criterion",
            "written",
            "reached_at",
            "decision",
            "choices",
        ];
        let mut f = Fields::of(json, at, KNOWN)?;
        Ok(Band {
            points: f.req("points")?,
            criterion: f.req("criterion")?,
            written: f.opt("written")?,
            reached_at: f.opt("reached_at")?,
            decision: f.opt("decision")?,
            choices: f.list("choices")?,
        })
    }
}

impl FromJson for Written {
    fn read(json: Json, at: At) -> Read<Self> {
        const KNOWN: &[&str] = &["min", "max", "min_exclusive", "max_exclusive"];
        let mut f = Fields::of(json, at, KNOWN)?;
        Ok(Written {
            min: f.opt("min")?,
            max: f.opt("max")?,
            min_exclusive: f.opt("min_exclusive")?.unwrap_or(false),
            max_exclusive: f.opt("max_exclusive")?.unwrap_or(false),
        })
    }
}

impl FromJson for Reach {
    fn read(json: Json, at: At) -> Read<Self> {
        let (kind, data) = tagged(json, at, &["at_least", "above"], &[])?;
        let at = At::Field(&at, if kind == 0 { "at_least" } else { "above" });
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
        let mut f = Fields::of(json, at, &["in", "points", "decisions"])?;
        Ok(Case {
            input: f.req("in")?,
            points: f.req("points")?,
            decisions: f.list("decisions")?,
        })
    }
}

impl FromJson for Level {
    fn read(json: Json, at: At) -> Read<Self> {
        let mut f = Fields::of(json, at, &["level", "name", "min", "max"])?;
        Ok(Level {
            level: f.req("level")?,
            name: f.req("name")?,
            min: f.req("min")?,
            max: f.req("max")?,
        })
    }
}
