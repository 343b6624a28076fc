//! Scoring a weighted rubric the OPDC way: each scored item's 1–5 score,
//! each parent's weighted score, the total and each item's contribution.

use std::collections::{BTreeMap, HashMap};

use crate::error::{Field, FieldPath, InputError, InputProblem};
use crate::exact::Exact;
use crate::framework::{DecisionRule, Framework, Item, Scoring, ThresholdInput, WeightedRubric};
use crate::input::{self, ChoiceOption, NumberRule};
use crate::raw::Raw;
use crate::result::{ItemScore, Note, Number, Percent, Score, Understood, WeightedScores};
use crate::score::{answer, matrix, opdc, reports};
use crate::text::Text;

/// A scored item's outcome before it is placed in the tree.
#[derive(Default)]
pub struct Scored {
    pub score: Option<Exact>,
    pub result: Option<Percent>,
    pub level: Option<u32>,
    pub criterion: Option<Text>,
    pub input: Option<Understood>,
    pub matrix: Option<crate::result::MatrixScore>,
    pub reports: Option<crate::result::ReportsScore>,
    pub decisions: Vec<Note>,
    pub warnings: Vec<Note>,
}

pub fn item_field(item: &Item) -> Field {
    Field::new(
        FieldPath::of(["answers", &item.id]),
        Text::new(format!("ข้อ {}", item.id), format!("item {}", item.id)),
    )
}

/// Scores one item with a scoring rule from its answer.
pub fn leaf(
    framework: &Framework,
    rubric: &WeightedRubric,
    item: &Item,
    scoring: &Scoring,
    raw: &Raw,
    errors: &mut Vec<InputError>,
    missing: &mut Vec<FieldPath>,
) -> Scored {
    let field = item_field(item);
    let mut scored = Scored::default();
    match scoring {
        Scoring::Thresholds {
            input,
            thresholds,
            level_texts,
            matrix: matrix_def,
            reports: reports_def,
        } => {
            let result = match (raw.get("matrix"), raw.get("units"), matrix_def, reports_def) {
                (Some(m), _, Some(def), _) => {
                    let evaluated = matrix::evaluate(framework, def, m, &field, errors, missing);
                    scored.matrix = Some(evaluated.score);
                    evaluated.result
                }
                (_, Some(_), _, Some(def)) => {
                    let evaluated = reports::evaluate(def, raw, &field, errors, missing);
                    scored.reports = Some(evaluated.score);
                    scored.warnings.extend(evaluated.warnings);
                    evaluated.result
                }
                _ => {
                    let read = match input {
                        ThresholdInput::Percent => answer::percent(raw, &field),
                        ThresholdInput::Number => {
                            answer::number(raw, &field, NumberRule::NonNegative)
                        }
                    }
                    .map(answer::Answer::into_parts);
                    match read {
                        Ok((value, understood)) => {
                            scored.input = Some(understood);
                            Some(value)
                        }
                        Err(err) => {
                            errors.push(err);
                            None
                        }
                    }
                }
            };
            let Some(result) = result else {
                return scored;
            };
            scored.result = Some(Percent(result.clone()));
            match opdc::convert(&result, thresholds, rubric.below_level_one) {
                Some(converted) => {
                    scored.score = Some(converted.score);
                    scored.level = Some(converted.level);
                    scored.criterion = converted
                        .level
                        .checked_sub(1)
                        .and_then(|i| level_texts.get(i as usize))
                        .cloned();
                    if converted.below_level_one {
                        if let Some(d) = framework.decision(DecisionRule::BelowLevelOne) {
                            scored.decisions.push(Note {
                                decision: Some(d.id.clone()),
                                text: d.text.clone(),
                            });
                        }
                    }
                }
                // Validation keeps five thresholds on every item.
                None => errors.push(InputError::new(&field, InputProblem::LevelOutOfRange)),
            }
        }
        Scoring::NamedLevels { levels } => {
            let options = levels.iter().map(|l| ChoiceOption {
                id: &l.id,
                label: &l.label,
            });
            match answer::scalar(raw, &field).and_then(|r| input::choice(r, &field, options)) {
                Ok(index) => {
                    let level = index as u32 + 1;
                    scored.score = Some(Exact::int(i64::from(level)));
                    scored.level = Some(level);
                    scored.criterion = Some(levels[index].label.clone());
                    scored.input = Some(Understood {
                        choice: Some(levels[index].id.clone()),
                        label: Some(levels[index].label.clone()),
                        ..Understood::default()
                    });
                }
                Err(err) => errors.push(err),
            }
        }
        Scoring::Level { level_texts } => {
            match answer::number(raw, &field, NumberRule::NonNegative)
                .map(answer::Answer::into_parts)
            {
                Ok((value, _)) if !(Exact::one()..=Exact::int(5)).contains(&value) => {
                    errors.push(InputError::new(&field, InputProblem::LevelOutOfRange));
                }
                Ok((value, understood)) => {
                    // 1 to 5, so the whole part fits.
                    let whole = value.floor_whole().unwrap_or(1) as u32;
                    scored.score = Some(value);
                    scored.level = Some(whole);
                    scored.criterion = level_texts.get(whole as usize - 1).cloned();
                    scored.input = Some(understood);
                }
                Err(err) => errors.push(err),
            }
        }
    }
    scored
}

/// Scores every item; parents get the weighted mean of their children once
/// all of them are scored.
pub fn score(
    framework: &Framework,
    rubric: &WeightedRubric,
    answers: &BTreeMap<String, Raw>,
    errors: &mut Vec<InputError>,
    missing: &mut Vec<FieldPath>,
) -> WeightedScores {
    let all = rubric.all_items();
    let mut scores: HashMap<&str, Exact> = HashMap::new();
    let mut leaves: HashMap<&str, Scored> = HashMap::new();
    let mut partial = Exact::zero();
    for (item, _, _) in &all {
        let Some(scoring) = &item.scoring else {
            continue;
        };
        let scored = match answers.get(&item.id) {
            None => {
                missing.push(item_field(item).path);
                Scored::default()
            }
            Some(raw) => {
                let scored = leaf(framework, rubric, item, scoring, raw, errors, missing);
                let path = item_field(item).path;
                if scored.score.is_none() && !missing.contains(&path) {
                    missing.push(path);
                }
                scored
            }
        };
        if let Some(s) = &scored.score {
            partial = partial.plus(&item.weight.times(s));
            scores.insert(&item.id, s.clone());
        }
        leaves.insert(&item.id, scored);
    }
    // Parents after their children: walk the list backwards.
    for (item, _, _) in all.iter().rev() {
        if item.children.is_empty() {
            continue;
        }
        if let Some(sum) = weighted_sum(&item.children, &scores) {
            // Validation keeps every weight above zero.
            if let Some(mean) = sum.over(&item.weight) {
                scores.insert(&item.id, mean);
            }
        }
    }
    let mut items = Vec::new();
    for (item, depth, parent) in &all {
        let score = scores.get(item.id.as_str());
        let weighted = score.map(|s| s.times(&item.weight));
        let mut out = ItemScore {
            id: item.id.clone(),
            parent: parent.map(str::to_owned),
            depth: *depth,
            name: item.name.clone(),
            weight: Number(item.weight.clone()),
            input: None,
            result: None,
            score: score.cloned().map(Score),
            contribution: weighted.as_ref().map(|w| Score(per_hundred(w))),
            weighted: weighted.map(Score),
            level: None,
            criterion: None,
            matrix: None,
            reports: None,
            decisions: Vec::new(),
            warnings: Vec::new(),
            remark: String::new(),
        };
        if let Some(scored) = leaves.remove(item.id.as_str()) {
            out.input = scored.input;
            out.result = scored.result;
            out.level = scored.level;
            out.criterion = scored.criterion;
            out.matrix = scored.matrix;
            out.reports = scored.reports;
            out.decisions = scored.decisions;
            out.warnings = scored.warnings;
        }
        items.push(out);
    }
    let total = weighted_sum(&rubric.items, &scores).filter(|_| missing.is_empty());
    WeightedScores {
        items,
        total_weight: Number(rubric.total_weight.clone()),
        below_level_one: rubric.below_level_one,
        weighted_score: total
            .as_ref()
            .and_then(|t| t.over(&rubric.total_weight))
            .map(Score),
        contribution: total.as_ref().map(|t| Score(per_hundred(t))),
        partial_contribution: Score(per_hundred(&partial)),
    }
}

/// Σ weight × score over `items`, when every one of them is scored.
fn weighted_sum(items: &[Item], scores: &HashMap<&str, Exact>) -> Option<Exact> {
    items.iter().try_fold(Exact::zero(), |sum, item| {
        let score = scores.get(item.id.as_str())?;
        Some(sum.plus(&item.weight.times(score)))
    })
}

/// A value over 100: a weighted score as its share of a 100-weight agreement.
fn per_hundred(value: &Exact) -> Exact {
    value.over(&Exact::hundred()).unwrap_or_else(Exact::zero)
}
