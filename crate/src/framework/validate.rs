//! Checks a rubric's structure when it is loaded: unique ids, thresholds in
//! order, every band reachable, weights that add up, levels that cover every
//! total. The examples each indicator carries are run by the scorer
//! (`score::cases`), which this module does not know.

use std::collections::HashSet;

use crate::error::{FrameworkError, FrameworkProblem};
use crate::exact::Exact;
use crate::framework::{
    BandedRubric, Condition, DetailKind, Framework, Indicator, IndicatorInput, Item, Matrix,
    MatrixTarget, MatrixValue, ReportDetail, ReportItemKind, Reports, Rubric, Scoring,
    ThresholdInput, WeightedRubric, Written, FORMAT_VERSION,
};

/// Boxed, as `Error` holds it: a rubric's error is large, a pass is not.
type Check = Result<(), Box<FrameworkError>>;

struct Ctx<'a> {
    framework: &'a str,
}

impl Ctx<'_> {
    fn fail(&self, at: impl Into<String>, problem: FrameworkProblem) -> Box<FrameworkError> {
        Box::new(FrameworkError {
            framework: self.framework.to_owned(),
            at: at.into(),
            place: None,
            problem,
        })
    }

    /// Ids of one list: each one a form can key an object by, none twice.
    fn unique<'i>(&self, at: &str, ids: impl Iterator<Item = &'i str>) -> Check {
        let mut seen = HashSet::new();
        for id in ids {
            if !keyable(id) {
                return Err(self.fail(at, FrameworkProblem::BadId { id: id.to_owned() }));
            }
            if !seen.insert(id) {
                return Err(self.fail(at, FrameworkProblem::DuplicateId { id: id.to_owned() }));
            }
        }
        Ok(())
    }
}

pub fn framework(f: &Framework) -> Check {
    let ctx = Ctx { framework: &f.id };
    if !keyable(&f.id) {
        let id = f.id.clone();
        return Err(ctx.fail("id", FrameworkProblem::BadId { id }));
    }
    if f.format != FORMAT_VERSION {
        return Err(ctx.fail(
            "format",
            FrameworkProblem::UnsupportedFormat { format: f.format },
        ));
    }
    if f.editions.is_empty() {
        return Err(ctx.fail("editions", FrameworkProblem::NoEditions));
    }
    ctx.unique("editions", f.editions.iter().map(|e| e.edition.as_str()))?;
    for edition in &f.editions {
        let at = format!("editions.{}.rounds", edition.edition);
        let rounds = edition.rounds.iter().map(u8::to_string).collect::<Vec<_>>();
        ctx.unique(&at, rounds.iter().map(String::as_str))?;
        if edition.rounds.contains(&0) {
            return Err(ctx.fail(at, FrameworkProblem::BadNumber { text: "0".into() }));
        }
    }
    ctx.unique("decisions", f.decisions.iter().map(|d| d.id.as_str()))?;
    match &f.rubric {
        Rubric::Banded(rubric) => banded_rubric(&ctx, f, rubric),
        Rubric::Weighted(rubric) => weighted_rubric(&ctx, rubric),
    }
}

fn banded_rubric(ctx: &Ctx, f: &Framework, rubric: &BandedRubric) -> Check {
    if rubric.categories.is_empty() {
        return Err(ctx.fail("categories", FrameworkProblem::NoIndicators));
    }
    if let Some(empty) = rubric.categories.iter().find(|c| c.indicators.is_empty()) {
        let at = format!("category {}", empty.id);
        return Err(ctx.fail(at, FrameworkProblem::NoIndicators));
    }
    ctx.unique("categories", rubric.categories.iter().map(|c| &*c.id))?;
    ctx.unique("indicators", rubric.indicators().map(|(_, i)| &*i.id))?;
    for (_, indicator) in rubric.indicators() {
        banded_indicator(ctx, f, indicator)?;
    }
    // Every total and subtotal the scorer adds must fit its points: the
    // highest total bounds them all, as points are never negative.
    let highest = rubric.indicators().try_fold(0u32, |sum, (_, ind)| {
        sum.checked_add(ind.bands.last().map_or(0, |b| b.points))
    });
    if highest.is_none() {
        return Err(ctx.fail("indicators", FrameworkProblem::TotalTooLarge));
    }
    // A shared denominator divides percentages given as counts.
    ctx.unique(
        "shared_denominators",
        rubric.shared_denominators.iter().map(|d| d.id.as_str()),
    )?;
    // An indicator has one denominator: it is shared once, if at all.
    ctx.unique(
        "shared_denominators",
        rubric
            .shared_denominators
            .iter()
            .flat_map(|d| d.indicators.iter().map(String::as_str)),
    )?;
    for shared in &rubric.shared_denominators {
        for id in &shared.indicators {
            let percent = rubric
                .indicators()
                .any(|(_, i)| &*i.id == id && i.input == IndicatorInput::Percent);
            if !percent {
                let at = format!("shared_denominators.{}", shared.id);
                return Err(ctx.fail(&at, FrameworkProblem::UnknownReference { id: id.clone() }));
            }
        }
    }
    // Levels in order, touching end to end, covering every possible total.
    let numbers: Vec<String> = rubric.levels.iter().map(|l| l.level.to_string()).collect();
    ctx.unique("levels", numbers.iter().map(String::as_str))?;
    let (lowest, highest) = rubric.total_range();
    let mut levels: Vec<_> = rubric.levels.iter().collect();
    levels.sort_by_key(|l| l.min);
    let covers = levels.first().is_some_and(|l| l.min <= lowest)
        && levels.last().is_some_and(|l| l.max >= highest)
        && levels.iter().all(|l| l.min <= l.max)
        && levels
            .windows(2)
            .all(|w| w[0].max.checked_add(1) == Some(w[1].min));
    if !covers {
        return Err(ctx.fail(
            "levels",
            FrameworkProblem::LevelsDoNotCover {
                from: lowest,
                to: highest,
            },
        ));
    }
    Ok(())
}

fn banded_indicator(ctx: &Ctx, f: &Framework, ind: &Indicator) -> Check {
    let at = format!("indicator {}", ind.id);
    if ind.bands.len() < 2 {
        return Err(ctx.fail(&at, FrameworkProblem::NoBands));
    }
    if ind.bands.windows(2).any(|w| w[0].points >= w[1].points) {
        return Err(ctx.fail(&at, FrameworkProblem::BandPointsOutOfOrder));
    }
    for band in &ind.bands {
        if let Some(id) = &band.decision {
            if !f.decisions.iter().any(|d| &d.id == id) {
                return Err(ctx.fail(&at, FrameworkProblem::UnknownReference { id: id.clone() }));
            }
        }
    }
    for band in &ind.bands {
        if let Some(written) = &band.written {
            written_range(ctx, &at, ind.input, written)?;
        }
    }
    match ind.input {
        IndicatorInput::Choice => {
            ctx.unique(&at, ind.choices.iter().map(|c| c.id.as_str()))?;
            for band in &ind.bands {
                if band.choices.is_empty() {
                    return Err(ctx.fail(
                        &at,
                        FrameworkProblem::BandWithoutChoice {
                            points: band.points,
                        },
                    ));
                }
                for choice in &band.choices {
                    if !ind.choices.iter().any(|c| &c.id == choice) {
                        return Err(ctx.fail(
                            &at,
                            FrameworkProblem::UnknownReference { id: choice.clone() },
                        ));
                    }
                }
            }
            for choice in &ind.choices {
                match ind
                    .bands
                    .iter()
                    .filter(|b| b.choices.contains(&choice.id))
                    .count()
                {
                    0 => {
                        return Err(ctx.fail(
                            &at,
                            FrameworkProblem::ChoiceWithoutBand {
                                choice: choice.id.clone(),
                            },
                        ))
                    }
                    1 => {}
                    _ => {
                        return Err(ctx.fail(
                            &at,
                            FrameworkProblem::ChoiceInTwoBands {
                                choice: choice.id.clone(),
                            },
                        ))
                    }
                }
            }
        }
        IndicatorInput::Percent | IndicatorInput::Count => {
            // The lowest band takes everything from zero; each band after it
            // must start strictly later, or it could never be earned.
            let mut previous = (Exact::zero(), false);
            for (index, band) in ind.bands.iter().enumerate() {
                let start = band.reach().key();
                let reachable = if index == 0 {
                    start == (Exact::zero(), false)
                } else {
                    start > previous
                };
                if !reachable {
                    return Err(ctx.fail(
                        &at,
                        FrameworkProblem::BandUnreachable {
                            points: band.points,
                        },
                    ));
                }
                if ind.input == IndicatorInput::Percent {
                    percent(ctx, &at, &start.0)?;
                    // "Above 100" is reached by no percentage.
                    if start == (Exact::int(100), true) {
                        let points = band.points;
                        return Err(ctx.fail(&at, FrameworkProblem::BandUnreachable { points }));
                    }
                }
                previous = start;
            }
        }
    }
    Ok(())
}

/// A percentage a rubric writes: one a value of 0–100 can meet.
fn percent(ctx: &Ctx, at: &str, value: &Exact) -> Check {
    if *value < 0 || *value > 100 {
        let value = value.to_plain();
        return Err(ctx.fail(at, FrameworkProblem::PercentOutOfRange { value }));
    }
    Ok(())
}

/// A written range holds some value, and for a percentage lies within 0–100.
fn written_range(ctx: &Ctx, at: &str, input: IndicatorInput, written: &Written) -> Check {
    let min = written.min.clone().unwrap_or_else(Exact::zero);
    if let Some(max) = &written.max {
        let open = written.min_exclusive || written.max_exclusive;
        if *max < min || (*max == min && open) {
            return Err(ctx.fail(at, FrameworkProblem::WrittenRangeReversed));
        }
    }
    if input == IndicatorInput::Percent {
        for end in [Some(&min), written.max.as_ref()].into_iter().flatten() {
            percent(ctx, at, end)?;
        }
    }
    Ok(())
}

fn weighted_rubric(ctx: &Ctx, rubric: &WeightedRubric) -> Check {
    if rubric.items.is_empty() {
        return Err(ctx.fail("items", FrameworkProblem::NoIndicators));
    }
    let all = rubric.all_items();
    ctx.unique("items", all.iter().map(|(item, _, _)| item.id.as_str()))?;
    let top: Vec<&Item> = rubric.items.iter().collect();
    weights_sum(ctx, "items", &top, &rubric.total_weight)?;
    for (item, _, _) in &all {
        let at = format!("item {}", item.id);
        if item.weight <= 0 {
            return Err(ctx.fail(&at, FrameworkProblem::NonPositiveWeight));
        }
        match (&item.scoring, item.children.is_empty()) {
            (Some(scoring), true) => scoring_rule(ctx, &at, scoring)?,
            (None, false) => {
                let children: Vec<&Item> = item.children.iter().collect();
                weights_sum(ctx, &at, &children, &item.weight)?;
            }
            _ => return Err(ctx.fail(&at, FrameworkProblem::NoChildrenNorScoring)),
        }
    }
    Ok(())
}

fn weights_sum(ctx: &Ctx, at: &str, items: &[&Item], expected: &Exact) -> Check {
    let sum = items
        .iter()
        .fold(Exact::zero(), |sum, item| sum.plus(&item.weight));
    if sum != *expected {
        return Err(ctx.fail(
            at,
            FrameworkProblem::WeightsDoNotSum {
                expected: expected.to_plain(),
                got: sum.to_plain(),
            },
        ));
    }
    Ok(())
}

fn scoring_rule(ctx: &Ctx, at: &str, scoring: &Scoring) -> Check {
    match scoring {
        Scoring::Thresholds {
            input,
            thresholds,
            level_texts,
            matrix,
            reports,
        } => {
            if thresholds.len() != 5 {
                return Err(ctx.fail(
                    at,
                    FrameworkProblem::ThresholdCount {
                        got: thresholds.len(),
                    },
                ));
            }
            let ascending = thresholds.windows(2).all(|w| w[0] < w[1]);
            let descending = thresholds.windows(2).all(|w| w[0] > w[1]);
            if !ascending && !descending {
                return Err(ctx.fail(at, FrameworkProblem::ThresholdsOutOfOrder));
            }
            if *input == ThresholdInput::Percent {
                for threshold in thresholds {
                    percent(ctx, at, threshold)?;
                }
            }
            level_text_count(ctx, at, level_texts.len())?;
            if let Some(matrix) = matrix {
                matrix_rule(ctx, at, matrix)?;
            }
            if let Some(reports) = reports {
                reports_rule(ctx, at, reports)?;
            }
            Ok(())
        }
        Scoring::NamedLevels { levels } => {
            if levels.len() != 5 {
                return Err(ctx.fail(at, FrameworkProblem::NamedLevelCount { got: levels.len() }));
            }
            ctx.unique(at, levels.iter().map(|l| l.id.as_str()))
        }
        Scoring::Level { level_texts } => level_text_count(ctx, at, level_texts.len()),
    }
}

fn level_text_count(ctx: &Ctx, at: &str, count: usize) -> Check {
    if count == 0 || count == 5 {
        Ok(())
    } else {
        Err(ctx.fail(at, FrameworkProblem::NamedLevelCount { got: count }))
    }
}

fn matrix_rule(ctx: &Ctx, at: &str, matrix: &Matrix) -> Check {
    let at = format!("{at} matrix");
    ctx.unique(&at, matrix.indicators.iter().map(|i| i.id.as_str()))?;
    for ind in &matrix.indicators {
        let positive = match &ind.value {
            MatrixValue::Ratio { scale, .. } => *scale > 0,
            MatrixValue::MeanScore { out_of } => *out_of > 0,
            MatrixValue::Share { .. } | MatrixValue::Count => true,
        };
        if !positive {
            return Err(ctx.fail(
                format!("{at} {}", ind.id),
                FrameworkProblem::BadNumber { text: "0".into() },
            ));
        }
        if let (MatrixValue::Share { .. }, MatrixTarget::Fixed { value }) =
            (&ind.value, &ind.target)
        {
            percent(ctx, &format!("{at} {}", ind.id), value)?;
        }
    }
    Ok(())
}

/// The parts of an item's answer, which no detail may be named.
const ANSWER_PARTS: [&str; 4] = ["answer", "value", "count", "reported_percent"];

/// Names every object in the browser inherits: an answer keyed so would
/// read the inherited value instead.
const NOT_KEYS: [&str; 13] = [
    "__proto__",
    "constructor",
    "prototype",
    "hasOwnProperty",
    "isPrototypeOf",
    "propertyIsEnumerable",
    "toLocaleString",
    "toString",
    "valueOf",
    "__defineGetter__",
    "__defineSetter__",
    "__lookupGetter__",
    "__lookupSetter__",
];

/// An id a form can key an object by: not empty, not padded with spaces
/// (requests are read trimmed), and no name every object inherits.
fn keyable(id: &str) -> bool {
    !id.is_empty() && id.trim() == id && !NOT_KEYS.contains(&id)
}

fn details_rule(ctx: &Ctx, at: &str, details: &[ReportDetail], answered: bool) -> Check {
    for detail in details {
        let id = detail.id.trim();
        if id.is_empty() || ANSWER_PARTS.contains(&id) || NOT_KEYS.contains(&id) {
            let at = format!("{at} {}", detail.id);
            let id = detail.id.clone();
            return Err(ctx.fail(at, FrameworkProblem::ReservedDetailId { id }));
        }
    }
    ctx.unique(at, details.iter().map(|d| d.id.as_str()))?;
    for detail in details {
        let at = format!("{at} {}", detail.id);
        let choice = detail.kind == DetailKind::Choice;
        if choice != (detail.options.len() >= 2) || (!choice && !detail.options.is_empty()) {
            return Err(ctx.fail(at, FrameworkProblem::DetailOptions));
        }
        // An option is typed by its id (any case) or its label: each must lead to one option.
        for (i, option) in detail.options.iter().enumerate() {
            let clash = detail.options.iter().enumerate().any(|(j, other)| {
                let same_id = other.id.eq_ignore_ascii_case(&option.id);
                let label_is_id = other.label.th.trim() == option.id.trim()
                    || other.label.en.trim().eq_ignore_ascii_case(option.id.trim());
                i != j && (same_id || label_is_id)
            });
            if clash || option.id.trim().is_empty() {
                let option = option.id.clone();
                return Err(ctx.fail(at, FrameworkProblem::AmbiguousOption { option }));
            }
        }
        if detail.when.is_some() && !answered {
            return Err(ctx.fail(at, FrameworkProblem::DetailWhen));
        }
    }
    Ok(())
}

fn reports_rule(ctx: &Ctx, at: &str, reports: &Reports) -> Check {
    let at = format!("{at} reports");
    details_rule(ctx, &format!("{at} details"), &reports.details, false)?;
    for item in &reports.items {
        let answered = item.kind != ReportItemKind::Count;
        details_rule(
            ctx,
            &format!("{at} item {}", item.id),
            &item.details,
            answered,
        )?;
    }
    ctx.unique(&at, reports.items.iter().map(|i| i.id.as_str()))?;
    ctx.unique(&at, reports.criteria.iter().map(|c| c.id.as_str()))?;
    let counted = |id: &str| {
        reports
            .items
            .iter()
            .any(|i| i.id == id && i.kind != ReportItemKind::YesNo)
    };
    for item in &reports.items {
        if let Some(base) = &item.percent_of {
            if *base == item.id {
                let id = base.clone();
                return Err(ctx.fail(&at, FrameworkProblem::PercentOfItself { id }));
            }
            if !counted(&item.id) || !counted(base) {
                return Err(ctx.fail(&at, FrameworkProblem::UnknownReference { id: base.clone() }));
            }
        }
    }
    for criterion in &reports.criteria {
        for cond in &criterion.all {
            let (id, ok) = match cond {
                Condition::Yes(id) => (
                    id,
                    reports
                        .items
                        .iter()
                        .any(|i| &i.id == id && i.kind != ReportItemKind::Count),
                ),
                Condition::PercentAtLeast { item, .. } => (
                    item,
                    reports
                        .items
                        .iter()
                        .any(|i| &i.id == item && i.percent_of.is_some()),
                ),
            };
            if !ok {
                return Err(ctx.fail(&at, FrameworkProblem::UnknownReference { id: id.clone() }));
            }
            if let Condition::PercentAtLeast { percent: value, .. } = cond {
                percent(ctx, &format!("{at} {}", criterion.id), value)?;
            }
        }
    }
    if reports.default_denominator <= 0 || !reports.default_denominator.is_integer() {
        return Err(ctx.fail(
            &at,
            FrameworkProblem::BadNumber {
                text: reports.default_denominator.to_plain(),
            },
        ));
    }
    Ok(())
}
