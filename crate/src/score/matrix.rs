//! An evaluation matrix behind one item (value-for-money 2.1.1): each
//! indicator's value against its target, and the share of indicators met.

use crate::error::{Expected, Field, FieldPath, InputError, InputProblem};
use crate::exact::Exact;
use crate::framework::{
    DecisionRule, Framework, Matrix, MatrixIndicator, MatrixTarget, MatrixValue,
};
use crate::input::{self, NumberRule};
use crate::raw::Raw;
use crate::result::{MatrixIndicatorScore, MatrixScore, Note, Percent, Understood};
use crate::score::answer;
use crate::text::Text;

pub struct Evaluated {
    pub score: MatrixScore,
    /// Indicators met × 100 / indicators, when every indicator could be judged.
    pub result: Option<Exact>,
}

/// Judges every indicator of `matrix` from `raw` (an object keyed by indicator id).
pub fn evaluate(
    framework: &Framework,
    matrix: &Matrix,
    raw: &Raw,
    field: &Field,
    errors: &mut Vec<InputError>,
    missing: &mut Vec<FieldPath>,
) -> Evaluated {
    let answers = match raw {
        Raw::Map(map) => Some(map),
        other => {
            errors.push(InputError::new(
                field,
                InputProblem::WrongType {
                    expected: Expected::Object,
                    got: other.kind_name(),
                },
            ));
            None
        }
    };
    if let Some(answers) = answers {
        for key in answers.keys() {
            if !matrix.indicators.iter().any(|i| &i.id == key) {
                errors.push(InputError::new(
                    &indicator_field(field, key),
                    InputProblem::UnknownMatrixIndicator,
                ));
            }
        }
    }
    let mut indicators = Vec::new();
    let mut met = 0;
    let mut judged = 0;
    for ind in &matrix.indicators {
        let f = indicator_field(field, &ind.id);
        let answer = answers.and_then(|a| a.get(&ind.id));
        let mut out = MatrixIndicatorScore {
            id: ind.id.clone(),
            group: ind.group.clone(),
            name: ind.name.clone(),
            input: None,
            value: None,
            target: None,
            met: None,
            decisions: Vec::new(),
        };
        match answer {
            None => missing.push(indicator_field(field, &ind.id).path),
            Some(answer) => match judge(framework, ind, answer, &f) {
                Ok(j) => {
                    judged += 1;
                    if j.met {
                        met += 1;
                    }
                    out.value = Some(Percent(j.value));
                    out.target = Some(Percent(j.target));
                    out.met = Some(j.met);
                    out.input = Some(j.understood);
                    out.decisions = j.decisions;
                }
                Err(err) => errors.push(err),
            },
        }
        indicators.push(out);
    }
    let assessed = matrix.indicators.len() as u32;
    let result = (judged == assessed && assessed > 0)
        .then(|| Exact::ratio(i128::from(met) * 100, i128::from(assessed)))
        .flatten();
    Evaluated {
        score: MatrixScore {
            indicators,
            met,
            assessed,
            percent: result.clone().map(Percent),
        },
        result,
    }
}

fn indicator_field(field: &Field, id: &str) -> Field {
    Field::new(
        field.path.join("matrix").join(id),
        Text::new(
            format!("{} ตัวชี้วัด {id}", field.label.th),
            format!("{}, indicator {id}", field.label.en),
        ),
    )
}

struct Judged {
    value: Exact,
    target: Exact,
    met: bool,
    understood: Understood,
    decisions: Vec<Note>,
}

fn judge(
    framework: &Framework,
    ind: &MatrixIndicator,
    raw: &Raw,
    field: &Field,
) -> Result<Judged, InputError> {
    if !matches!(raw, Raw::Map(_)) {
        return Err(InputError::new(
            field,
            InputProblem::WrongType {
                expected: Expected::Object,
                got: raw.kind_name(),
            },
        ));
    }
    let (value, understood) = match &ind.value {
        MatrixValue::Share { .. } if answer::has_counts(raw) => {
            answer::share(raw, field, NumberRule::Count)?.into_parts()
        }
        MatrixValue::Share { .. } => answer::number(raw, field, NumberRule::Percent)?.into_parts(),
        MatrixValue::Ratio { scale, .. } if answer::has_counts(raw) => {
            answer::ratio(raw, field, scale)?.into_parts()
        }
        MatrixValue::Ratio { .. } => {
            answer::number(raw, field, NumberRule::NonNegative)?.into_parts()
        }
        MatrixValue::Count => answer::number(raw, field, NumberRule::Count)?.into_parts(),
        MatrixValue::MeanScore { out_of } => {
            let mean = answer::number(raw, field, NumberRule::NonNegative)?.value;
            if mean > *out_of {
                return Err(InputError::new(
                    field,
                    InputProblem::AboveMaximum {
                        max: out_of.to_plain(),
                    },
                ));
            }
            // Validation keeps the full score above zero.
            let value = mean
                .times(&Exact::hundred())
                .over(out_of)
                .unwrap_or_else(Exact::zero);
            (
                value.clone(),
                Understood::computed(value, mean, out_of.clone()),
            )
        }
    };
    let mut decisions = Vec::new();
    let previous = || {
        let f = field.part("previous", "ผลครั้งก่อน (X)", "previous result (X)");
        input::number(
            raw.get("previous").unwrap_or(&Raw::Null),
            &f,
            NumberRule::NonNegative,
        )
    };
    let target = match &ind.target {
        MatrixTarget::Fixed { value } => value.clone(),
        MatrixTarget::PreviousPlus { points } => {
            if let Some(d) = framework.decision(DecisionRule::PreviousPlusPoints) {
                decisions.push(Note {
                    decision: Some(d.id.clone()),
                    text: d.text.clone(),
                });
            }
            previous()?.plus(points)
        }
        MatrixTarget::PreviousPlusGrowth => match raw.get("target").filter(|t| !t.is_blank()) {
            Some(typed) => {
                let f = field.part("target", "ค่าเป้าหมาย", "target");
                input::number(typed, &f, NumberRule::NonNegative)?
            }
            None => {
                let f = field.part("growth", "อัตราเพิ่มเฉลี่ย 3 ปี", "3-year average growth");
                let growth = input::number(
                    raw.get("growth").unwrap_or(&Raw::Null),
                    &f,
                    NumberRule::NonNegative,
                )?;
                previous()?.plus(&growth)
            }
        },
    };
    Ok(Judged {
        met: value >= target,
        value,
        target,
        understood,
        decisions,
    })
}
