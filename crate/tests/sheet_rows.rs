//! A sheet's rows are tallied straight from their cells (no request tree
//! built for each of 10,000 rows). That must score exactly as the request
//! each row makes: the same entries with the same outcomes, the same
//! problems with the same messages, row for row, for any sheet at all.

use khanaen::collection::{sheet, Collection, Source};
use khanaen::outcome::Outcome;
use proptest::prelude::*;

// Only the typed text of the shared strategies is used here.
#[allow(dead_code)]
mod support {
    pub mod arbitrary;
}
use support::arbitrary::typed_text;

/// Headers an officer's sheet may carry: every unit column in Thai or
/// English, indicators by id or by "id. name", counts, ids no rubric has,
/// and a column twice.
const HEADERS: &[&str] = &[
    "เกณฑ์การประเมิน",
    "framework",
    "ฉบับ",
    "edition",
    "จังหวัด",
    "district",
    "ตำบล",
    "organisation",
    "ครั้งที่",
    "round",
    "ปีงบประมาณ",
    "วันที่ประเมิน",
    "assessor",
    "1. ร้อยละของกรรมการ",
    "1",
    "1 ตัวตั้ง",
    "1 ตัวหาร",
    "2",
    "5",
    "6 numerator",
    "6 denominator",
    "7",
    "13",
    "18",
    "23",
    "24",
    "3.2",
    "2.1.1",
    "x",
];

/// What a cell may hold: the frameworks' ids, editions, rounds and dates,
/// the answers an officer types, and anything at all.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => Just(String::new()),
        1 => prop::sample::select(&[
            "sorsochot-23", "kpi-3.2", "codi-value-for-money", "nope", "2567", "2564", "1", "2",
            "3", " 2 ", "๒", "2567-11-20", "20/11/2567", "fund", "มี", "65", "100", "12.5%",
        ][..])
        .prop_map(str::to_owned),
        2 => typed_text(),
    ]
    // As the table reader gives cells (trimmed, no byte-order mark: its own
    // differential test covers that), to compare scoring alone.
    .prop_map(|t| t.replace('\u{feff}', "").trim().to_owned())
}

/// A sheet: its header (indexes into `HEADERS`) and rows of cells.
fn sheet() -> impl Strategy<Value = (Vec<&'static str>, Vec<Vec<String>>)> {
    prop::collection::vec(prop::sample::select(HEADERS), 1..14).prop_flat_map(|header| {
        let width = header.len();
        let row = prop::collection::vec(cell(), width);
        (Just(header), prop::collection::vec(row, 1..8))
    })
}

fn csv_text(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(header).unwrap();
    for row in rows {
        writer.write_record(row).unwrap();
    }
    String::from_utf8(writer.into_inner().unwrap()).unwrap()
}

/// What a collection holds, to compare: each entry's source and outcome,
/// each problem's source and message.
type Held = (Vec<(Source, Outcome)>, Vec<(Source, String)>);

fn held(collection: &Collection) -> Held {
    let entries = collection.entries.iter();
    let problems = collection.problems.iter();
    (
        entries
            .map(|e| (e.source.clone(), e.outcome.clone()))
            .collect(),
        problems
            .map(|p| (p.source.clone(), format!("{:?}", p.message)))
            .collect(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 3000,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn rows_tally_as_the_requests_they_make((header, rows) in sheet()) {
        let text = csv_text(&header, &rows);
        let mut tallied = Collection::default();
        tallied.add_file("sheet.csv", text.as_bytes());
        // The same rows, each read as its request and scored as one.
        let mut requested = Collection::default();
        let mut reader = sheet::Reader::new(&header);
        let mut empty = true;
        for (at, cells) in rows.iter().enumerate() {
            if let Some(read) = reader.read(at + 2, cells) {
                empty = false;
                let source = Source { file: "sheet.csv".to_owned(), row: Some(read.row) };
                match read.request {
                    Ok(request) => {
                        requested.add_one(source, request);
                    }
                    Err(message) => requested.problem(source, message),
                }
            }
        }
        let (entries, mut problems) = held(&tallied);
        if empty || !sheet::is_sheet(&header) {
            // Not a sheet, or a sheet with no rows: one problem for the file.
            prop_assert!(entries.is_empty());
            prop_assert_eq!(problems.len(), 1);
            prop_assert_eq!(problems.pop().map(|(s, _)| s.row), Some(None));
        } else {
            prop_assert_eq!((entries, problems), held(&requested));
        }
        // And each entry's whole result, scored again, has the outcome kept.
        for entry in &tallied.entries {
            prop_assert_eq!(&Outcome::of(&entry.result().unwrap()), &entry.outcome);
        }
    }
}
