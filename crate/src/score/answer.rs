//! Reading one answer: a bare value, `{"value": …}`, or a numerator and a
//! denominator from which the percentage is computed exactly.

use crate::error::{Expected, Field, InputError, InputProblem};
use crate::exact::Exact;
use crate::input::{self, NumberRule};
use crate::raw::Raw;
use crate::result::Understood;

/// The value of an answer given bare or as `{"value": …}`.
pub fn scalar<'a>(raw: &'a Raw, field: &Field) -> Result<&'a Raw, InputError> {
    match raw {
        Raw::Map(map) => Ok(map.get("value").unwrap_or(&Raw::Null)),
        Raw::List(_) => Err(InputError::new(
            field,
            InputProblem::WrongType {
                expected: Expected::Answer,
                got: "list",
            },
        )),
        other => Ok(other),
    }
}

/// A number read from an answer: as typed, or computed from counts. How
/// it was understood is written out only for a whole result; a tally of
/// 10,000 rows needs the value alone.
pub struct Answer {
    pub value: Exact,
    /// The numerator and denominator it was computed from.
    pub counts: Option<(Exact, Exact)>,
}

impl Answer {
    pub fn understood(&self) -> Understood {
        match &self.counts {
            None => Understood::typed(self.value.clone()),
            Some((num, den)) => Understood::computed(self.value.clone(), num.clone(), den.clone()),
        }
    }

    pub fn into_parts(self) -> (Exact, Understood) {
        let understood = self.understood();
        (self.value, understood)
    }
}

/// Whether an answer gives a numerator or a denominator.
pub fn has_counts(raw: &Raw) -> bool {
    raw.get("numerator").is_some() || raw.get("denominator").is_some()
}

/// A share: numerator × 100 / denominator, the numerator no larger than the
/// denominator. `rule` says whether the counts must be whole.
pub fn share(raw: &Raw, field: &Field, rule: NumberRule) -> Result<Answer, InputError> {
    let (num, den) = fraction(raw, field, rule)?;
    if num > den {
        return Err(InputError::new(
            field,
            InputProblem::NumeratorAboveDenominator,
        ));
    }
    Ok(scaled(num, den, &Exact::hundred()))
}

/// numerator × scale / denominator, with no bound on the numerator.
pub fn ratio(raw: &Raw, field: &Field, scale: &Exact) -> Result<Answer, InputError> {
    let (num, den) = fraction(raw, field, NumberRule::NonNegative)?;
    Ok(scaled(num, den, scale))
}

fn fraction(raw: &Raw, field: &Field, rule: NumberRule) -> Result<(Exact, Exact), InputError> {
    // A part's field (its path and label) is built only when there is an
    // error to name it in: 10,000 rows would build 20,000 for nothing.
    let numerator = || field.part("numerator", "ตัวตั้ง", "numerator");
    let denominator = || field.part("denominator", "ตัวหาร", "denominator");
    let read = |key: &str, part: &dyn Fn() -> Field| {
        let value = raw.get(key).unwrap_or(&Raw::Null);
        input::number(value, field, rule).or_else(|_| input::number(value, &part(), rule))
    };
    let num = read("numerator", &numerator)?;
    let den = read("denominator", &denominator)?;
    if den.is_zero() {
        return Err(InputError::new(
            &denominator(),
            InputProblem::ZeroDenominator,
        ));
    }
    Ok((num, den))
}

/// numerator × scale / denominator (`fraction` has refused a zero
/// denominator), with the counts.
fn scaled(num: Exact, den: Exact, scale: &Exact) -> Answer {
    Answer {
        value: num.times(scale).over(&den).unwrap_or_else(Exact::zero),
        counts: Some((num, den)),
    }
}

/// A percentage typed directly or computed from counts.
pub fn percent(raw: &Raw, field: &Field) -> Result<Answer, InputError> {
    if has_counts(raw) {
        return share(raw, field, NumberRule::Count);
    }
    number(raw, field, NumberRule::Percent)
}

/// A single number under `rule`.
pub fn number(raw: &Raw, field: &Field, rule: NumberRule) -> Result<Answer, InputError> {
    Ok(Answer {
        value: input::number(scalar(raw, field)?, field, rule)?,
        counts: None,
    })
}
