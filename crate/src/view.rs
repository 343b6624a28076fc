//! A framework as a form renders it. The rubric file names each choice
//! between kinds by a key (`{"banded": …}`, `{"thresholds": …}`,
//! `{"share": …}`), which suits a file; a form wants the kind as a field it
//! can switch on. This view borrows the framework and says every kind as
//! `kind`: the rubric's, each item's scoring, each matrix indicator's value
//! and target.

use serde::Serialize;

use crate::exact::Exact;
use crate::framework::{
    BandedRubric, BelowLevelOne, Decision, Edition, Framework, Item, Matrix, MatrixIndicator,
    MatrixTarget, MatrixValue, NamedLevel, Reports, Rubric, Scoring, ThresholdInput,
};
use crate::text::Text;

#[derive(Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct FrameworkView<'a> {
    pub id: &'a str,
    pub name: &'a Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub description: Option<&'a Text>,
    pub unit: &'a str,
    pub editions: &'a Vec<Edition>,
    pub decisions: &'a Vec<Decision>,
    pub rubric: RubricView<'a>,
}

#[derive(Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RubricView<'a> {
    Banded(&'a BandedRubric),
    Weighted(WeightedView<'a>),
}

#[derive(Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct WeightedView<'a> {
    pub total_weight: &'a Exact,
    pub below_level_one: BelowLevelOne,
    pub items: Vec<ItemView<'a>>,
}

#[derive(Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ItemView<'a> {
    pub id: &'a str,
    pub name: &'a Text,
    pub weight: &'a Exact,
    pub children: Vec<ItemView<'a>>,
    /// Absent on a parent, which weighs its children.
    pub scoring: Option<ScoringView<'a>>,
}

#[derive(Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ScoringView<'a> {
    Thresholds {
        input: ThresholdInput,
        thresholds: &'a Vec<Exact>,
        level_texts: &'a Vec<Text>,
        matrix: Option<MatrixView<'a>>,
        reports: Option<&'a Reports>,
    },
    NamedLevels {
        levels: &'a Vec<NamedLevel>,
    },
    Level {
        level_texts: &'a Vec<Text>,
    },
}

#[derive(Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct MatrixView<'a> {
    pub indicators: Vec<MatrixIndicatorView<'a>>,
}

#[derive(Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct MatrixIndicatorView<'a> {
    pub id: &'a str,
    pub group: &'a Text,
    pub name: &'a Text,
    pub unit: &'a Text,
    pub value: ValueView<'a>,
    pub target: TargetView<'a>,
    pub previous: Option<&'a Text>,
    pub note: Option<&'a Text>,
}

#[derive(Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ValueView<'a> {
    Share {
        numerator: &'a Text,
        denominator: &'a Text,
    },
    Ratio {
        numerator: &'a Text,
        denominator: &'a Text,
        scale: &'a Exact,
    },
    Count,
    MeanScore {
        out_of: &'a Exact,
    },
}

#[derive(Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TargetView<'a> {
    Fixed { value: &'a Exact },
    PreviousPlus { points: &'a Exact },
    PreviousPlusGrowth,
}

impl<'a> FrameworkView<'a> {
    pub fn of(framework: &'a Framework) -> FrameworkView<'a> {
        FrameworkView {
            id: &framework.id,
            name: &framework.name,
            description: framework.description.as_ref(),
            unit: &framework.unit,
            editions: &framework.editions,
            decisions: &framework.decisions,
            rubric: match &framework.rubric {
                Rubric::Banded(rubric) => RubricView::Banded(rubric),
                Rubric::Weighted(rubric) => RubricView::Weighted(WeightedView {
                    total_weight: &rubric.total_weight,
                    below_level_one: rubric.below_level_one,
                    items: rubric.items.iter().map(ItemView::of).collect(),
                }),
            },
        }
    }
}

impl<'a> ItemView<'a> {
    fn of(item: &'a Item) -> ItemView<'a> {
        ItemView {
            id: &item.id,
            name: &item.name,
            weight: &item.weight,
            children: item.children.iter().map(ItemView::of).collect(),
            scoring: item.scoring.as_ref().map(ScoringView::of),
        }
    }
}

impl<'a> ScoringView<'a> {
    fn of(scoring: &'a Scoring) -> ScoringView<'a> {
        match scoring {
            Scoring::Thresholds {
                input,
                thresholds,
                level_texts,
                matrix,
                reports,
            } => ScoringView::Thresholds {
                input: *input,
                thresholds,
                level_texts,
                matrix: matrix.as_ref().map(MatrixView::of),
                reports: reports.as_ref(),
            },
            Scoring::NamedLevels { levels } => ScoringView::NamedLevels { levels },
            Scoring::Level { level_texts } => ScoringView::Level { level_texts },
        }
    }
}

impl<'a> MatrixView<'a> {
    fn of(matrix: &'a Matrix) -> MatrixView<'a> {
        MatrixView {
            indicators: matrix
                .indicators
                .iter()
                .map(MatrixIndicatorView::of)
                .collect(),
        }
    }
}

impl<'a> MatrixIndicatorView<'a> {
    fn of(ind: &'a MatrixIndicator) -> MatrixIndicatorView<'a> {
        MatrixIndicatorView {
            id: &ind.id,
            group: &ind.group,
            name: &ind.name,
            unit: &ind.unit,
            value: match &ind.value {
                MatrixValue::Share {
                    numerator,
                    denominator,
                } => ValueView::Share {
                    numerator,
                    denominator,
                },
                MatrixValue::Ratio {
                    numerator,
                    denominator,
                    scale,
                } => ValueView::Ratio {
                    numerator,
                    denominator,
                    scale,
                },
                MatrixValue::Count => ValueView::Count,
                MatrixValue::MeanScore { out_of } => ValueView::MeanScore { out_of },
            },
            target: match &ind.target {
                MatrixTarget::Fixed { value } => TargetView::Fixed { value },
                MatrixTarget::PreviousPlus { points } => TargetView::PreviousPlus { points },
                MatrixTarget::PreviousPlusGrowth => TargetView::PreviousPlusGrowth,
            },
            previous: ind.previous.as_ref(),
            note: ind.note.as_ref(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_is_a_field() {
        let vfm = crate::framework::find("codi-value-for-money").unwrap();
        let view = serde_json::to_value(FrameworkView::of(vfm)).unwrap();
        assert_eq!(view["rubric"]["kind"], "weighted");
        let leaf = &view["rubric"]["items"][1]["children"][0]["children"][0];
        assert_eq!(leaf["scoring"]["kind"], "thresholds");
        let matrix = &leaf["scoring"]["matrix"]["indicators"];
        assert_eq!(matrix[0]["value"]["kind"], "share");
        assert_eq!(matrix[0]["target"]["kind"], "previous_plus");
        assert_eq!(matrix[1]["value"]["kind"], "count");
        let banded = crate::framework::find("sorsochot-23").unwrap();
        let view = serde_json::to_value(FrameworkView::of(banded)).unwrap();
        assert_eq!(view["rubric"]["kind"], "banded");
        assert_eq!(
            view["rubric"]["categories"][0]["indicators"][0]["input"],
            "percent"
        );
    }
}
