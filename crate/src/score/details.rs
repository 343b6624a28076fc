//! The blanks of a report form that are not scored: the unit's type, the
//! report's number and date, "to be completed by", the villages remaining.
//! Each is read as its kind says, kept as understood (a date as
//! `YYYY-MM-DD`, a choice as its option's id), and left out of the result
//! when the item's answer is not the one it is asked with.

use std::collections::BTreeMap;

use crate::date::buddhist_date;
use crate::error::{Field, InputError, InputProblem};
use crate::framework::{Answer, DetailKind, ReportDetail};
use crate::input::{self, ChoiceOption, NumberRule};
use crate::raw::Raw;
use crate::result::DetailValue;

/// Reads each detail given in `map`. `answer` is the item's yes or no, if
/// it has one; `parts` the keys of the answer itself, which may sit beside
/// the details. Any other key is an error: a misspelt blank is not dropped.
pub fn read(
    details: &[ReportDetail],
    map: Option<&BTreeMap<String, Raw>>,
    answer: Option<bool>,
    parts: &[&str],
    field: &Field,
    errors: &mut Vec<InputError>,
) -> Vec<DetailValue> {
    let Some(map) = map else {
        return Vec::new();
    };
    for key in map.keys() {
        if !parts.contains(&key.as_str()) && !details.iter().any(|d| &d.id == key) {
            errors.push(InputError::new(
                &field.part(key, key, key),
                InputProblem::UnknownDetail,
            ));
        }
    }
    let mut values = Vec::new();
    for detail in details {
        let Some(given) = map.get(&detail.id).filter(|r| !r.is_blank()) else {
            continue;
        };
        let asked = match detail.when {
            None => true,
            Some(Answer::Yes) => answer == Some(true),
            Some(Answer::No) => answer == Some(false),
        };
        if !asked {
            continue;
        }
        let field = field.part(&detail.id, &detail.label.th, &detail.label.en);
        match value(detail, given, &field) {
            Ok(value) => values.push(DetailValue {
                id: detail.id.clone(),
                value,
            }),
            Err(err) => errors.push(err),
        }
    }
    values
}

fn value(detail: &ReportDetail, raw: &Raw, field: &Field) -> Result<String, InputError> {
    match detail.kind {
        DetailKind::Date => buddhist_date(&input::free_text(Some(raw), field)?, field),
        DetailKind::Count => Ok(input::number(raw, field, NumberRule::Count)?.to_plain()),
        DetailKind::Text => input::free_text(Some(raw), field),
        DetailKind::Choice => {
            let options = detail.options.iter().map(|o| ChoiceOption {
                id: &o.id,
                label: &o.label,
            });
            let index = input::choice(raw, field, options)?;
            Ok(detail.options[index].id.clone())
        }
    }
}
