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
        let mut f = Fields::of(json, at, &["total_weight", "below_level_one", "items"])?;
        Ok(WeightedRubric {
            total_weight: f.req("total_weight")?,
            below_level_one: f.req("below_level_one")?,
            items: f.req("items")?,
        })
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
        const KNOWN: &[&str] = &["id", "name", "weight", "children", "scoring", "cases"];
        let mut f = Fields::of(json, at, KNOWN)?;
        Ok(Item {
            id: f.req("id")?,
            name: f.req("name")?,
            weight: f.req("weight")?,
            children: f.list("children")?,
            scoring: f.opt("scoring")?,
            cases: f.list("cases")?,
        })
    }
}

impl FromJson for ScoreCase {
    fn read(json: Json, at: At) -> Read<Self> {
        let mut f = Fields::of(json, at, &["in", "score"])?;
        Ok(ScoreCase {
            input: f.req("in")?,
            score: f.req("score")?,
        })
    }
}

impl FromJson for Scoring {
    fn read(json: Json, at: At) -> Read<Self> {
        const KINDS: &[&str] = &["thresholds", "named_levels", "level"];
        let (kind, data) = tagged(json, at, KINDS, &[])?;
        let at = At::Field(&at, KINDS[kind]);
        Ok(match kind {
            0 => {
                const KNOWN: &[&str] = &["input", "thresholds", "level_texts", "matrix", "reports"];
                let mut f = Fields::of(data, at, KNOWN)?;
                Scoring::Thresholds {
                    input: f.req("input")?,
                    thresholds: f.req("thresholds")?,
                    level_texts: f.list("level_texts")?,
                    matrix: f.opt("matrix")?,
                    reports: f.opt("reports")?,
                }
            }
            1 => Scoring::NamedLevels {
                levels: Fields::of(data, at, &["levels"])?.req("levels")?,
            },
            _ => Scoring::Level {
                level_texts: Fields::of(data, at, &["level_texts"])?.list("level_texts")?,
            },
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
        let mut f = Fields::of(json, at, &["id", "label"])?;
        Ok(NamedLevel {
            id: f.req("id")?,
            label: f.req("label")?,
        })
    }
}

impl FromJson for Matrix {
    fn read(json: Json, at: At) -> Read<Self> {
        Ok(Matrix {
            indicators: Fields::of(json, at, &["indicators"])?.req("indicators")?,
        })
    }
}

impl FromJson for MatrixIndicator {
    fn read(json: Json, at: At) -> Read<Self> {
        const KNOWN: &[&str] = &[
            "id", "group", "name", "value", "target", "unit", "previous", "note",
        ];
        let mut f = Fields::of(json, at, KNOWN)?;
        Ok(MatrixIndicator {
            id: f.req("id")?,
            group: f.req("group")?,
            name: f.req("name")?,
            value: f.req("value")?,
            target: f.req("target")?,
            unit: f.req("unit")?,
            previous: f.opt("previous")?,
            note: f.opt("note")?,
        })
    }
}

impl FromJson for MatrixValue {
    fn read(json: Json, at: At) -> Read<Self> {
        const KINDS: &[&str] = &["share", "ratio", "count", "mean_score"];
        let (kind, data) = tagged(json, at, KINDS, &["count"])?;
        let at = At::Field(&at, KINDS[kind]);
        Ok(match kind {
            0 => {
                let mut f = Fields::of(data, at, &["numerator", "denominator"])?;
                MatrixValue::Share {
                    numerator: f.req("numerator")?,
                    denominator: f.req("denominator")?,
                }
            }
            1 => {
                let mut f = Fields::of(data, at, &["numerator", "denominator", "scale"])?;
                MatrixValue::Ratio {
                    numerator: f.req("numerator")?,
                    denominator: f.req("denominator")?,
                    scale: f.req("scale")?,
                }
            }
            2 => no_data(data, at).map(|()| MatrixValue::Count)?,
            _ => MatrixValue::MeanScore {
                out_of: Fields::of(data, at, &["out_of"])?.req("out_of")?,
            },
        })
    }
}

impl FromJson for MatrixTarget {
    fn read(json: Json, at: At) -> Read<Self> {
        const KINDS: &[&str] = &["fixed", "previous_plus", "previous_plus_growth"];
        let (kind, data) = tagged(json, at, KINDS, &["previous_plus_growth"])?;
        let at = At::Field(&at, KINDS[kind]);
        Ok(match kind {
            0 => MatrixTarget::Fixed {
                value: Fields::of(data, at, &["value"])?.req("value")?,
            },
            1 => MatrixTarget::PreviousPlus {
                points: Fields::of(data, at, &["points"])?.req("points")?,
            },
            _ => no_data(data, at).map(|()| MatrixTarget::PreviousPlusGrowth)?,
        })
    }
}

impl FromJson for Reports {
    fn read(json: Json, at: At) -> Read<Self> {
        const KNOWN: &[&str] = &["default_denominator", "details", "items", "criteria"];
        let mut f = Fields::of(json, at, KNOWN)?;
        Ok(Reports {
            default_denominator: f.req("default_denominator")?,
            details: f.list("details")?,
            items: f.req("items")?,
            criteria: f.req("criteria")?,
        })
    }
}

impl FromJson for ReportItem {
    fn read(json: Json, at: At) -> Read<Self> {
        let mut f = Fields::of(json, at, &["id", "label", "kind", "percent_of", "details"])?;
        Ok(ReportItem {
            id: f.req("id")?,
            label: f.req("label")?,
            kind: f.req("kind")?,
            percent_of: f.opt("percent_of")?,
            details: f.list("details")?,
        })
    }
}

impl FromJson for ReportDetail {
    fn read(json: Json, at: At) -> Read<Self> {
        let mut f = Fields::of(json, at, &["id", "label", "kind", "options", "when"])?;
        Ok(ReportDetail {
            id: f.req("id")?,
            label: f.req("label")?,
            kind: f.req("kind")?,
            options: f.list("options")?,
            when: f.opt("when")?,
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
        let mut f = Fields::of(json, at, &["id", "label"])?;
        Ok(DetailOption {
            id: f.req("id")?,
            label: f.req("label")?,
        })
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
        let mut f = Fields::of(json, at, &["id", "label", "all"])?;
        Ok(ReportCriterion {
            id: f.req("id")?,
            label: f.req("label")?,
            all: f.req("all")?,
        })
    }
}

impl FromJson for Condition {
    fn read(json: Json, at: At) -> Read<Self> {
        const KINDS: &[&str] = &["yes", "percent_at_least"];
        let (kind, data) = tagged(json, at, KINDS, &[])?;
        let at = At::Field(&at, KINDS[kind]);
        Ok(match kind {
            0 => Condition::Yes(FromJson::read(data, at)?),
            _ => {
                let mut f = Fields::of(data, at, &["item", "percent"])?;
                Condition::PercentAtLeast {
                    item: f.req("item")?,
                    percent: f.req("percent")?,
                }
            }
        })
    }
}
