//! The one-row-per-unit sheet: the unit's details, then one column per
//! indicator (or scored item). An officer fills the template in Excel and
//! saves it as "CSV UTF-8"; a collection exports the same layout, so a sheet
//! goes round and comes back the same.
//!
//! Headers are read in Thai or English. An indicator's column is headed
//! "<id>. <name>" (or just "<id>"); a percentage may instead come as counts
//! in the optional columns "<id> ตัวตั้ง" and "<id> ตัวหาร" ("<id> numerator",
//! "<id> denominator"). A row with no framework takes the one above it, as a
//! filled-down column would; a row with nothing but the framework is blank.

mod read;
mod write;

pub(crate) use read::RowAgain;
pub use read::{Reader, Row};
pub use write::{blank, of_collection, template, write};

/// The unit's columns: key in the request, Thai and English headers.
const UNIT_COLUMNS: [(&str, &str, &str); 11] = [
    ("framework", "เกณฑ์การประเมิน", "framework"),
    ("edition", "ฉบับ", "edition"),
    ("province", "จังหวัด", "province"),
    ("district", "อำเภอ", "district"),
    ("tambon", "ตำบล", "tambon"),
    ("organisation", "หน่วยงาน", "organisation"),
    ("round", "ครั้งที่", "round"),
    ("fiscal_year", "ปีงบประมาณ", "fiscal year"),
    ("date", "วันที่ประเมิน", "date"),
    ("assessor", "ผู้ประเมิน", "assessor"),
    ("position", "ตำแหน่ง", "position"),
];

const NUMERATOR: [&str; 2] = ["ตัวตั้ง", "numerator"];
const DENOMINATOR: [&str; 2] = ["ตัวหาร", "denominator"];

/// What a column holds.
#[derive(Clone, Debug, PartialEq)]
enum Column {
    Unit(&'static str),
    Value(String),
    Numerator(String),
    Denominator(String),
}

fn column(header: &str) -> Column {
    let lower = header.trim().to_ascii_lowercase();
    for (key, th, en) in UNIT_COLUMNS {
        if lower == th || lower == en {
            return Column::Unit(key);
        }
    }
    let part = |names: [&str; 2]| {
        names
            .iter()
            .find_map(|n| lower.strip_suffix(n))
            .map(|id| id.trim().trim_end_matches('.').trim().to_owned())
    };
    if let Some(id) = part(NUMERATOR) {
        return Column::Numerator(id);
    }
    if let Some(id) = part(DENOMINATOR) {
        return Column::Denominator(id);
    }
    // "1. ร้อยละของกรรมการ…" or "2.1.1. Outcome indicators met": the id ends at ". ".
    let id = header
        .trim()
        .split_once(". ")
        .map_or(header.trim(), |(id, _)| id);
    Column::Value(id.trim_end_matches('.').to_owned())
}

/// Whether a header row is the sheet's: it names the framework column.
pub fn is_sheet(header: &[impl AsRef<str>]) -> bool {
    header
        .iter()
        .any(|h| matches!(column(h.as_ref()), Column::Unit("framework")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_in_either_language() {
        assert_eq!(column("จังหวัด"), Column::Unit("province"));
        assert_eq!(column("Fiscal Year"), Column::Unit("fiscal_year"));
        assert_eq!(column("1. ร้อยละของกรรมการ"), Column::Value("1".into()));
        assert_eq!(
            column("2.1.1. Outcome indicators"),
            Column::Value("2.1.1".into())
        );
        assert_eq!(column("23"), Column::Value("23".into()));
        assert_eq!(column("1 ตัวตั้ง"), Column::Numerator("1".into()));
        assert_eq!(column("1 Denominator"), Column::Denominator("1".into()));
    }
}
