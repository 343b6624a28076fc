//! A banded rubric's parts, read from the loose tree.

use std::sync::OnceLock;

use crate::framework::{
    Band, BandedRubric, Case, Category, Choice, Indicator, IndicatorInput, Level, Reach,
    SharedDenominator, Written,
};
use crate::raw::Raw;

use super::{named, tagged, At, Fields, FromRaw, Read};

impl FromRaw for BandedRubric {
    fn read(raw: Raw, at: At) -> Read<Self> {
        let mut f = Fields::of(raw, at, &["categories", "levels", "shared_denominators"])?;
        Ok(BandedRubric {
            categories: f.req("categories")?,
            levels: f.req("levels")?,
            shared_denominators: f.list("shared_denominators")?,
        })
    }
}

impl FromRaw for SharedDenominator {
    fn read(raw: Raw, at: At) -> Read<Self> {
        let mut f = Fields::of(raw, at, &["id", "label", "indicators"])?;
        Ok(SharedDenominator {
            id: f.req("id")?,
            label: f.req("label")?,
            indicators: f.req("indicators")?,
        })
    }
}

impl FromRaw for Category {
    fn read(raw: Raw, at: At) -> Read<Self> {
        let mut f = Fields::of(raw, at, &["id", "name", "indicators"])?;
        Ok(Category {
            id: f.req("id")?,
            name: f.req("name")?,
            indicators: f.req("indicators")?,
        })
    }
}

impl FromRaw for Indicator {
    fn read(raw: Raw, at: At) -> Read<Self> {
        const KNOWN: &[&str] = &["id", "name", "input", "unit", "choices", "bands", "cases"];
        let mut f = Fields::of(raw, at, KNOWN)?;
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

impl FromRaw for IndicatorInput {
    fn read(raw: Raw, at: At) -> Read<Self> {
        use IndicatorInput::*;
        named(
            raw,
            at,
            &[("percent", Percent), ("count", Count), ("choice", Choice)],
        )
    }
}

impl FromRaw for Choice {
    fn read(raw: Raw, at: At) -> Read<Self> {
        let mut f = Fields::of(raw, at, &["id", "label"])?;
        Ok(Choice {
            id: f.req("id")?,
            label: f.req("label")?,
        })
    }
}

impl FromRaw for Band {
    fn read(raw: Raw, at: At) -> Read<Self> {
        const KNOWN: &[&str] = &[
            "points",
            "criterion",
            "written",
            "reached_at",
            "decision",
            "choices",
        ];
        let mut f = Fields::of(raw, at, KNOWN)?;
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

impl FromRaw for Written {
    fn read(raw: Raw, at: At) -> Read<Self> {
        const KNOWN: &[&str] = &["min", "max", "min_exclusive", "max_exclusive"];
        let mut f = Fields::of(raw, at, KNOWN)?;
        Ok(Written {
            min: f.opt("min")?,
            max: f.opt("max")?,
            min_exclusive: f.opt("min_exclusive")?.unwrap_or(false),
            max_exclusive: f.opt("max_exclusive")?.unwrap_or(false),
        })
    }
}

impl FromRaw for Reach {
    fn read(raw: Raw, at: At) -> Read<Self> {
        let (kind, data) = tagged(raw, at, &["at_least", "above"])?;
        let at = At::Field(&at, if kind == 0 { "at_least" } else { "above" });
        let value = FromRaw::read(data, at)?;
        Ok(if kind == 0 {
            Reach::AtLeast(value)
        } else {
            Reach::Above(value)
        })
    }
}

impl FromRaw for Case {
    fn read(raw: Raw, at: At) -> Read<Self> {
        let mut f = Fields::of(raw, at, &["in", "points", "decisions"])?;
        Ok(Case {
            input: f.req("in")?,
            points: f.req("points")?,
            decisions: f.list("decisions")?,
        })
    }
}

impl FromRaw for Level {
    fn read(raw: Raw, at: At) -> Read<Self> {
        let mut f = Fields::of(raw, at, &["level", "name", "min", "max"])?;
        Ok(Level {
            level: f.req("level")?,
            name: f.req("name")?,
            min: f.req("min")?,
            max: f.req("max")?,
        })
    }
}
