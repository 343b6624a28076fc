//! The unit an assessment is about: who, where, which round, when, by whom.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Serialize;

use crate::date::buddhist_date;
use crate::error::{Field, FieldPath, InputError, InputProblem};
use crate::framework::Edition;
use crate::input::{self, NumberRule};
use crate::raw::Raw;
use crate::text::Text;

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Unit {
    pub province: String,
    pub district: String,
    pub tambon: String,
    pub organisation: String,
    pub round: Option<u8>,
    /// The Buddhist-era fiscal year: as given, or proposed from the date
    /// (Decision G: 1 October to 30 September, named by the year it ends).
    pub fiscal_year: Option<u32>,
    /// Buddhist-era date, `YYYY-MM-DD`.
    pub date: String,
    pub assessor: String,
    pub position: String,
}

impl Unit {
    /// The place assessed: the tambon, or the organisation for frameworks
    /// that assess one.
    pub fn place(&self) -> &str {
        if self.tambon.is_empty() {
            &self.organisation
        } else {
            &self.tambon
        }
    }
}

const TEXT_FIELDS: [(&str, &str, &str); 6] = [
    ("province", "จังหวัด", "province"),
    ("district", "อำเภอ", "district"),
    ("tambon", "ตำบล", "tambon"),
    ("organisation", "หน่วยงาน", "organisation"),
    ("assessor", "ผู้ประเมิน", "assessor"),
    ("position", "ตำแหน่ง", "position"),
];

const OTHER_FIELDS: [(&str, &str, &str); 3] = [
    ("round", "ครั้งที่", "round"),
    ("date", "วันที่ประเมิน", "assessment date"),
    ("fiscal_year", "ปีงบประมาณ", "fiscal year"),
];

/// The fields of the unit details, `unit.<key>`: named once, not for
/// every request.
struct UnitFields {
    text: [Field; TEXT_FIELDS.len()],
    round: Field,
    date: Field,
    fiscal_year: Field,
}

fn fields() -> &'static UnitFields {
    static FIELDS: OnceLock<UnitFields> = OnceLock::new();
    FIELDS.get_or_init(|| {
        let named = |(key, th, en): (&str, &str, &str)| {
            let label = Text::new(format!("ข้อมูลหน่วย: {th}"), format!("unit: {en}"));
            Field::new(FieldPath::of(["unit", key]), label)
        };
        let [round, date, fiscal_year] = OTHER_FIELDS.map(named);
        UnitFields {
            text: TEXT_FIELDS.map(named),
            round,
            date,
            fiscal_year,
        }
    })
}

/// What `missing` lists for an assessment without its round (Decision I).
pub const ROUND_MISSING: &str = "/unit/round";

/// The unit details of a request, `unit`: an object, or none (with an
/// error when it is something else).
pub fn details<'r>(
    raw: Option<&'r Raw>,
    errors: &mut Vec<InputError>,
) -> Option<&'r BTreeMap<String, Raw>> {
    let label = || Text::new("ข้อมูลหน่วย", "unit details");
    let path = || FieldPath::of(["unit"]);
    input::object(raw, path, label, errors)
}

/// Reads the unit details, each given by its key; problems go to `errors`
/// and leave the field empty.
pub fn unit<'r>(
    given: &dyn Fn(&str) -> Option<&'r Raw>,
    edition: &Edition,
    errors: &mut Vec<InputError>,
) -> Unit {
    let mut unit = Unit::default();
    let fields = fields();
    for ((key, _, _), field) in TEXT_FIELDS.iter().zip(&fields.text) {
        let value = input::free_text(given(key), field).unwrap_or_else(|err| {
            errors.push(err);
            String::new()
        });
        match *key {
            "province" => unit.province = value,
            "district" => unit.district = value,
            "tambon" => unit.tambon = value,
            "organisation" => unit.organisation = value,
            "assessor" => unit.assessor = value,
            _ => unit.position = value,
        }
    }
    if let Some(raw_round) = given("round").filter(|r| !r.is_blank()) {
        let f = &fields.round;
        match input::number(raw_round, f, NumberRule::Count) {
            Ok(n) if edition.rounds.iter().any(|r| n == i64::from(*r)) => {
                unit.round = n.to_whole().and_then(|r| u8::try_from(r).ok());
            }
            Ok(n) => errors.push(InputError::new(
                f,
                InputProblem::RoundNotInEdition {
                    round: n.to_plain(),
                    allowed: edition.rounds.clone(),
                },
            )),
            Err(err) => errors.push(err),
        }
    }
    if let Some(raw_date) = given("date").filter(|r| !r.is_blank()) {
        let f = &fields.date;
        match input::free_text(Some(raw_date), f).and_then(|typed| buddhist_date(&typed, f)) {
            Ok(date) => unit.date = date,
            Err(err) => errors.push(err),
        }
    }
    unit.fiscal_year = match given("fiscal_year").filter(|r| !r.is_blank()) {
        None => fiscal_year_of(&unit.date),
        Some(raw) => typed_fiscal_year(raw, &fields.fiscal_year)
            .map_err(|err| errors.push(err))
            .ok(),
    };
    unit
}

/// Decision I: with two rounds a year, an assessment belongs to one of
/// them; whether the edition has rounds and the unit names none.
pub fn round_missing<'r>(edition: &Edition, given: &dyn Fn(&str) -> Option<&'r Raw>) -> bool {
    edition.rounds.len() > 1 && given("round").map_or(true, Raw::is_blank)
}

/// A fiscal year as typed: a Buddhist-era year from 2400 to 2800.
pub fn typed_fiscal_year(raw: &Raw, field: &Field) -> Result<u32, InputError> {
    input::number(raw, field, NumberRule::Count)?
        .to_whole()
        .filter(|y| (2400..=2800).contains(y))
        .and_then(|y| u32::try_from(y).ok())
        .ok_or_else(|| InputError::new(field, InputProblem::NotAFiscalYear))
}

/// Decision G: the fiscal year a `YYYY-MM-DD` Buddhist-era date falls in,
/// named by the year in which it ends (20 Nov 2567 is in fiscal 2568).
pub fn fiscal_year_of(date: &str) -> Option<u32> {
    let mut parts = date.split('-').map(|p| p.parse::<u32>().ok());
    let (Some(Some(year)), Some(Some(month))) = (parts.next(), parts.next()) else {
        return None;
    };
    Some(if month >= 10 { year + 1 } else { year })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fiscal_year_from_the_date() {
        assert_eq!(fiscal_year_of("2567-11-20"), Some(2568));
        assert_eq!(fiscal_year_of("2567-10-01"), Some(2568));
        assert_eq!(fiscal_year_of("2567-09-30"), Some(2567));
        assert_eq!(fiscal_year_of("2568-06-15"), Some(2568));
        assert_eq!(fiscal_year_of(""), None);
    }
}
