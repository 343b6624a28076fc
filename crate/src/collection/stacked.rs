//! Reading back the CSV the form downloads: ~30 rows per assessment, every
//! row repeating the unit's details, one file or many stacked into one
//! sheet. Consecutive rows with the same unit details are one assessment;
//! its indicator and item rows give the answers, which the core scores again.

use std::collections::BTreeMap;

use crate::cells::{HEADERS, REMARK};
use crate::collection::ReadRow;
use crate::raw::Raw;
use crate::text::Text;

/// Where the unit's details end: framework to date are the first nine columns.
const UNIT_COLUMNS: usize = 9;
const UNIT_KEYS: [&str; UNIT_COLUMNS] = [
    "framework",
    "edition",
    "province",
    "district",
    "tambon",
    "organisation",
    "round",
    "fiscal_year",
    "date",
];

/// Whether a header row is the form's CSV export (it has a row-kind column).
pub fn is_stacked(header: &[impl AsRef<str>]) -> bool {
    let (th, en) = HEADERS[UNIT_COLUMNS];
    header
        .iter()
        .map(AsRef::as_ref)
        .any(|h| h == th || h.eq_ignore_ascii_case(en))
}

/// The index of each of the export's columns in this file, by its header.
fn positions(header: &[String]) -> Vec<Option<usize>> {
    HEADERS
        .iter()
        .map(|(th, en)| {
            header
                .iter()
                .position(|h| h == th || h.eq_ignore_ascii_case(en))
        })
        .collect()
}

/// One request per run of rows with the same unit details.
pub fn requests(rows: &[Vec<String>]) -> Vec<ReadRow> {
    let at = positions(&rows[0]);
    let cell = |row: &[String], column: usize| -> String {
        at[column]
            .and_then(|i| row.get(i))
            .cloned()
            .unwrap_or_default()
    };
    let mut out: Vec<ReadRow> = Vec::new();
    let mut current: Option<Group> = None;
    for (index, row) in rows.iter().enumerate().skip(1) {
        if row.iter().all(String::is_empty) {
            continue;
        }
        let unit: Vec<String> = (0..UNIT_COLUMNS).map(|c| cell(row, c)).collect();
        let group = match current.take() {
            Some(group) if group.unit == unit => group,
            other => {
                out.extend(other.map(Group::finish));
                Group {
                    unit,
                    row: index + 1,
                    answers: BTreeMap::new(),
                    remarks: BTreeMap::new(),
                    remark: String::new(),
                    problem: None,
                }
            }
        };
        let group = current.insert(group);
        let kind = cell(row, UNIT_COLUMNS);
        let id = cell(row, UNIT_COLUMNS + 1);
        let remark = cell(row, REMARK);
        match kind.as_str() {
            "ข้อสังเกต" | "remark" => group.remark = remark,
            "ตัวชี้วัด" | "indicator" | "ข้อ" | "item" => {
                if !remark.is_empty() {
                    group.remarks.insert(id.clone(), Raw::Text(remark));
                }
                let (input, numerator, denominator) = (
                    cell(row, UNIT_COLUMNS + 3),
                    cell(row, UNIT_COLUMNS + 4),
                    cell(row, UNIT_COLUMNS + 5),
                );
                if let Some(answer) = answer(&input, &numerator, &denominator) {
                    group.answers.insert(id, answer);
                }
            }
            "ตัวชี้วัดย่อย" | "matrix indicator" | "หน่วยที่รายงาน" | "unit report" =>
            {
                group.problem = Some(Text::new(
                    format!("ข้อ {id} มาจากแบบย่อยซึ่งไฟล์ CSV เก็บไม่ครบ: โปรดเปิดไฟล์ JSON ของหน่วยนี้แทน"),
                    format!("{id} comes from a sub-form the CSV does not carry in full: open this unit's JSON file instead"),
                ));
            }
            _ => {}
        }
    }
    out.extend(current.map(Group::finish));
    out
}

/// The rows of one assessment: its unit's cells, the row it starts on, the
/// answers read so far, and why it cannot be read, if it cannot.
struct Group {
    unit: Vec<String>,
    row: usize,
    answers: BTreeMap<String, Raw>,
    /// The assessor's remarks, by id, and on the whole assessment.
    remarks: BTreeMap<String, Raw>,
    remark: String,
    problem: Option<Text>,
}

impl Group {
    fn finish(self) -> ReadRow {
        ReadRow {
            row: self.row,
            request: match self.problem {
                Some(problem) => Err(problem),
                None => Ok(request(self.unit, self.answers, self.remarks, self.remark)),
            },
        }
    }
}

/// An answer from its cells: counts, or the value or label as written. An
/// input of "7/10" (the export before counts had columns of their own) is counts too.
fn answer(input: &str, numerator: &str, denominator: &str) -> Option<Raw> {
    let counts = |n: &str, d: &str| {
        Raw::Map(
            [
                ("numerator".to_owned(), Raw::text(n)),
                ("denominator".to_owned(), Raw::text(d)),
            ]
            .into(),
        )
    };
    if !numerator.is_empty() || !denominator.is_empty() {
        return Some(counts(numerator, denominator));
    }
    if input.is_empty() {
        return None;
    }
    match input.split_once('/') {
        Some((n, d))
            if [n, d]
                .iter()
                .all(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())) =>
        {
            Some(counts(n, d))
        }
        _ => Some(Raw::text(input)),
    }
}

fn request(
    unit: Vec<String>,
    answers: BTreeMap<String, Raw>,
    remarks: BTreeMap<String, Raw>,
    remark: String,
) -> Raw {
    let mut details = BTreeMap::new();
    for (key, value) in UNIT_KEYS.iter().zip(&unit).skip(2) {
        if !value.is_empty() {
            details.insert((*key).to_owned(), Raw::text(value.as_str()));
        }
    }
    let mut request = BTreeMap::from([
        ("framework".to_owned(), Raw::text(unit[0].as_str())),
        ("edition".to_owned(), Raw::text(unit[1].as_str())),
        ("unit".to_owned(), Raw::Map(details)),
        ("answers".to_owned(), Raw::Map(answers)),
    ]);
    if !remarks.is_empty() {
        request.insert("remarks".to_owned(), Raw::Map(remarks));
    }
    if !remark.is_empty() {
        request.insert("remark".to_owned(), Raw::Text(remark));
    }
    Raw::Map(request)
}
