//! Scoring a banded rubric: points per indicator, category subtotals, the
//! total and the level (SPEC §1 and Decisions A–D).

use crate::error::{FieldPath, InputError};
use crate::exact::Exact;
use crate::framework::{BandedRubric, DecisionRule, Framework, Indicator, IndicatorInput, Rubric};
use crate::input::{self, ChoiceOption, NumberRule};
use crate::outcome::Tally;
use crate::raw::Raw;
use crate::result::{BandedScores, CategoryScore, IndicatorScore, LevelOut, Note, Understood};
use crate::score::answer;
use crate::text::Text;

/// What one indicator's answer earns.
#[derive(Debug, PartialEq)]
pub struct Earned {
    pub points: u32,
    pub band: usize,
    pub understood: Understood,
    /// Ids of the decisions that settled the band.
    pub decisions: Vec<String>,
}

/// Scores one indicator's answer.
pub fn indicator(
    framework: &Framework,
    indicator: &Indicator,
    raw: &Raw,
) -> Result<Earned, InputError> {
    let (band, reading) = reach(indicator, raw)?;
    let points = indicator.bands[band].points;
    Ok(match reading {
        Reading::Choice(index) => {
            let chosen = &indicator.choices[index];
            Earned {
                points,
                band,
                understood: Understood {
                    choice: Some(chosen.id.clone()),
                    label: Some(chosen.label.clone()),
                    ..Understood::default()
                },
                decisions: Vec::new(),
            }
        }
        Reading::Value(answer) => Earned {
            points,
            band,
            understood: answer.understood(),
            decisions: decisions_applied(framework, indicator, band, &answer.value),
        },
    })
}

/// How an answer was read: the position of the choice, or the value.
enum Reading {
    Choice(usize),
    Value(answer::Answer),
}

/// The band an answer reaches, and how it was read. A tally needs only
/// the band; the labels, inputs and decisions of `indicator` cost more
/// than the reading when 10,000 rows are summed.
fn reach(indicator: &Indicator, raw: &Raw) -> Result<(usize, Reading), InputError> {
    let field = indicator.field();
    match indicator.input {
        IndicatorInput::Choice => {
            let options = indicator.choices.iter().map(|c| ChoiceOption {
                id: &c.id,
                label: &c.label,
            });
            let index = input::choice(answer::scalar(raw, field)?, field, options)?;
            let chosen = &indicator.choices[index].id;
            let band = indicator
                .bands
                .iter()
                .position(|b| b.choices.contains(chosen))
                // Validation puts every choice in exactly one band.
                .unwrap_or(0);
            Ok((band, Reading::Choice(index)))
        }
        IndicatorInput::Percent | IndicatorInput::Count => {
            let answer = match indicator.input {
                IndicatorInput::Percent => answer::percent(raw, field)?,
                _ => answer::number(raw, field, NumberRule::Count)?,
            };
            let band = indicator
                .bands
                .iter()
                .rposition(|b| b.reach().reached_by(&answer.value))
                .unwrap_or(0);
            Ok((band, Reading::Value(answer)))
        }
    }
}

/// Which decisions settled the band: a value in two written ranges (A), in
/// none (B), or moved up by a band's own decision (C).
fn decisions_applied(
    framework: &Framework,
    indicator: &Indicator,
    band: usize,
    value: &Exact,
) -> Vec<String> {
    let containing = indicator
        .bands
        .iter()
        .filter(|b| b.written.as_ref().is_some_and(|w| w.contains(value)))
        .count();
    let by_rule = |rule| framework.decision(rule).map(|d| d.id.clone());
    let applied = match containing {
        0 => {
            let matched = &indicator.bands[band];
            let moved_up = matched.reached_at.is_some()
                && matched
                    .written
                    .as_ref()
                    .is_some_and(|w| !w.start().reached_by(value));
            match (&matched.decision, moved_up) {
                (Some(id), true) => Some(id.clone()),
                _ => by_rule(DecisionRule::BetweenBands),
            }
        }
        1 => None,
        _ => by_rule(DecisionRule::OverlappingBands),
    };
    applied.into_iter().collect()
}

fn decision_note(framework: &Framework, id: &str) -> Note {
    let text = framework
        .decisions
        .iter()
        .find(|d| d.id == id)
        .map(|d| d.text.clone())
        .unwrap_or_else(|| Text::new(format!("ข้อตัดสิน {id}"), format!("Decision {id}")));
    Note {
        decision: Some(id.to_owned()),
        text,
    }
}

/// A request's answers by id, in id order (as a request and a sheet's row
/// keep them), to be walked beside the rubric's sorted ids.
pub type SortedAnswers<'a> = [(&'a str, &'a Raw)];

/// Reads each indicator's answer in rubric order with `read`, handing
/// `visit` its category's position, the indicator and what was read (none
/// when unanswered or unreadable: the reason goes to `errors`).
fn each_earned<'r, T>(
    framework: &Framework,
    rubric: &'r BandedRubric,
    answers: &SortedAnswers,
    errors: &mut Vec<InputError>,
    read: impl Fn(&'r Indicator, &Raw) -> Result<T, InputError>,
    mut visit: impl FnMut(usize, &'r Indicator, Option<T>),
) {
    let found = framework.answers_in_rubric_order(answers);
    // The framework's own rubric, as every caller passes; else looked up.
    let own = matches!(&framework.rubric, Rubric::Banded(r) if std::ptr::eq(r, rubric));
    let mut flat = 0;
    for (position, category) in rubric.categories.iter().enumerate() {
        for ind in &category.indicators {
            let answer = match own {
                true => found.get(flat).copied().flatten(),
                false => answers
                    .iter()
                    .find(|(id, _)| *id == &*ind.id)
                    .map(|(_, raw)| *raw),
            };
            flat += 1;
            let earned = match answer {
                None => None,
                Some(raw) => read(ind, raw).map_err(|err| errors.push(err)).ok(),
            };
            visit(position, ind, earned);
        }
    }
}

/// The points of every indicator and category, the total and the level:
/// what `score` gives, without the labels and inputs.
pub fn tally(
    framework: &Framework,
    rubric: &BandedRubric,
    answers: &SortedAnswers,
    errors: &mut Vec<InputError>,
) -> Tally {
    let mut points = Vec::with_capacity(rubric.categories.iter().map(|c| c.indicators.len()).sum());
    let mut categories = vec![0; rubric.categories.len()];
    let points_of =
        |ind: &Indicator, raw: &Raw| reach(ind, raw).map(|(band, _)| ind.bands[band].points);
    each_earned(
        framework,
        rubric,
        answers,
        errors,
        points_of,
        |category, _, earned| {
            categories[category] += earned.unwrap_or(0);
            points.push(earned);
        },
    );
    let total = points
        .iter()
        .all(Option::is_some)
        .then(|| categories.iter().sum());
    Tally {
        level: total.and_then(|t| rubric.level_for(t)).map(|l| l.level),
        points,
        categories,
        total,
    }
}

/// Scores every indicator; answers that cannot be read go to `errors`.
pub fn score(
    framework: &Framework,
    rubric: &BandedRubric,
    answers: &SortedAnswers,
    errors: &mut Vec<InputError>,
    missing: &mut Vec<FieldPath>,
) -> BandedScores {
    let mut indicators = Vec::with_capacity(rubric.indicators().count());
    let mut categories: Vec<CategoryScore> = rubric
        .categories
        .iter()
        .map(|category| CategoryScore {
            id: category.id.clone(),
            name: category.name.clone(),
            points: 0,
            max_points: 0,
            scored: 0,
            indicators: 0,
        })
        .collect();
    each_earned(
        framework,
        rubric,
        answers,
        errors,
        |ind, raw| indicator(framework, ind, raw),
        |position, ind, earned| {
            let subtotal = &mut categories[position];
            let max_points = ind.bands.last().map_or(0, |b| b.points);
            subtotal.max_points += max_points;
            subtotal.indicators += 1;
            let mut out = IndicatorScore {
                id: ind.id.clone(),
                category: subtotal.id.clone(),
                name: ind.name.clone(),
                input: None,
                points: None,
                max_points,
                criterion: None,
                decisions: Vec::new(),
                remark: String::new(),
            };
            match earned {
                Some(earned) => {
                    subtotal.points += earned.points;
                    subtotal.scored += 1;
                    out.points = Some(earned.points);
                    out.criterion = Some(ind.bands[earned.band].criterion.clone());
                    out.decisions = earned
                        .decisions
                        .iter()
                        .map(|id| decision_note(framework, id))
                        .collect();
                    out.input = Some(earned.understood);
                }
                None => missing.push(ind.field().path.clone()),
            }
            indicators.push(out);
        },
    );
    let partial_total = categories.iter().map(|c| c.points).sum();
    let complete = missing.is_empty();
    let total = complete.then_some(partial_total);
    let level = total.and_then(|t| rubric.level_for(t)).map(|l| LevelOut {
        level: l.level,
        name: l.name.clone(),
    });
    let (min_total, max_total) = rubric.total_range();
    BandedScores {
        indicators,
        categories,
        partial_total,
        total,
        min_total,
        max_total,
        level,
    }
}
