//! The unit an assessment is about: who, where, which round, when, by whom.

use serde::Serialize;

use crate::error::{Expected, Field, InputError, InputProblem};
use crate::framework::Edition;
use crate::input::{self, NumberRule};
use crate::raw::Raw;
use crate::text::Text;

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Unit {
    pub province: String,
    pub district: String,
    pub tambon: String,
    pub organisation: String,
    pub round: Option<u8>,
    /// Buddhist-era date, `YYYY-MM-DD`.
    pub date: String,
    pub assessor: String,
    pub position: String,
}

const TEXT_FIELDS: [(&str, &str, &str); 6] = [
    ("province", "จังหวัด", "province"),
    ("district", "อำเภอ", "district"),
    ("tambon", "ตำบล", "tambon"),
    ("organisation", "หน่วยงาน", "organisation"),
    ("assessor", "ผู้ประเมิน", "assessor"),
    ("position", "ตำแหน่ง", "position"),
];

/// Reads the unit details; problems go to `errors` and leave the field empty.
pub fn unit(raw: Option<&Raw>, edition: &Edition, errors: &mut Vec<InputError>) -> Unit {
    let mut unit = Unit::default();
    let field = |key: &str, th: &str, en: &str| {
        Field::new(
            format!("unit.{key}"),
            Text::new(format!("ข้อมูลหน่วย: {th}"), format!("unit: {en}")),
        )
    };
    let map = match raw {
        None | Some(Raw::Null) => return unit,
        Some(Raw::Map(map)) => map,
        Some(other) => {
            errors.push(InputError::new(
                &Field::new("unit", Text::new("ข้อมูลหน่วย", "unit details")),
                InputProblem::WrongType {
                    expected: Expected::Object,
                    got: other.kind_name(),
                },
            ));
            return unit;
        }
    };
    for (key, th, en) in TEXT_FIELDS {
        let value = input::free_text(map.get(key), &field(key, th, en)).unwrap_or_else(|err| {
            errors.push(err);
            String::new()
        });
        match key {
            "province" => unit.province = value,
            "district" => unit.district = value,
            "tambon" => unit.tambon = value,
            "organisation" => unit.organisation = value,
            "assessor" => unit.assessor = value,
            _ => unit.position = value,
        }
    }
    if let Some(raw_round) = map.get("round").filter(|r| !r.is_blank()) {
        let f = field("round", "ครั้งที่", "round");
        match input::number(raw_round, &f, NumberRule::Count) {
            Ok(n) if edition.rounds.iter().any(|r| n == i64::from(*r)) => {
                unit.round = n.to_whole().and_then(|r| u8::try_from(r).ok());
            }
            Ok(n) => errors.push(InputError::new(
                &f,
                InputProblem::RoundNotInEdition {
                    round: n.to_plain(),
                    allowed: edition.rounds.clone(),
                },
            )),
            Err(err) => errors.push(err),
        }
    }
    if let Some(raw_date) = map.get("date").filter(|r| !r.is_blank()) {
        let f = field("date", "วันที่ประเมิน", "assessment date");
        match input::free_text(Some(raw_date), &f).and_then(|typed| buddhist_date(&typed, &f)) {
            Ok(date) => unit.date = date,
            Err(err) => errors.push(err),
        }
    }
    unit
}

/// Reads `YYYY-MM-DD` or `DD/MM/YYYY` in the Buddhist era (Thai digits welcome)
/// and returns it as `YYYY-MM-DD`.
pub fn buddhist_date(typed: &str, field: &Field) -> Result<String, InputError> {
    let bad = || {
        InputError::new(
            field,
            InputProblem::BadDate {
                typed: typed.to_owned(),
            },
        )
    };
    let ascii: String = typed
        .trim()
        .chars()
        .map(|c| match c {
            '๐'..='๙' => char::from(b'0' + (c as u32 - '๐' as u32) as u8),
            other => other,
        })
        .collect();
    let parts: Vec<&str> = ascii.split(['-', '/']).collect();
    let [a, b, c] = parts.as_slice() else {
        return Err(bad());
    };
    let (year, month, day) = if ascii.contains('/') {
        (*c, *b, *a)
    } else {
        (*a, *b, *c)
    };
    let num = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (Some(year), Some(month), Some(day)) = (num(year), num(month), num(day)) else {
        return Err(bad());
    };
    if (1900..2300).contains(&year) {
        return Err(InputError::new(
            field,
            InputProblem::ChristianEraYear {
                typed: typed.to_owned(),
            },
        ));
    }
    if !(2400..=2800).contains(&year) || !(1..=12).contains(&month) {
        return Err(bad());
    }
    let ce = year - 543;
    let leap = (ce % 4 == 0 && ce % 100 != 0) || ce % 400 == 0;
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if day == 0 || day > days {
        return Err(bad());
    }
    Ok(format!("{year:04}-{month:02}-{day:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Result<String, InputProblem> {
        let f = Field::new("unit.date", Text::new("วันที่", "date"));
        buddhist_date(text, &f).map_err(|e| *e.problem)
    }

    #[test]
    fn reads_buddhist_dates() {
        assert_eq!(date("2567-11-20").unwrap(), "2567-11-20");
        assert_eq!(date("๒๐/๑๑/๒๕๖๗").unwrap(), "2567-11-20");
        assert_eq!(date("2567-2-29").unwrap(), "2567-02-29"); // 2024 is a leap year
        assert!(matches!(
            date("2568-02-29"),
            Err(InputProblem::BadDate { .. })
        ));
        assert!(matches!(
            date("2024-11-20"),
            Err(InputProblem::ChristianEraYear { .. })
        ));
        assert!(matches!(
            date("yesterday"),
            Err(InputProblem::BadDate { .. })
        ));
    }
}
