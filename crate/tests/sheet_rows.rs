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
    "fiscal year",
    "วันที่ประเมิน",
    "date",
    "assessor",
    "ตำแหน่ง",
    "province",
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
            "sorsochot-23", "kpi-3.2", "codi-value-for-money", "example-mchch-leader", "nope",
            "2567", "2564", "2561", "1", "2",
            "3", " 2 ", "๒", "2567-11-20", "20/11/2567", "fund", "มี", "65", "100", "12.5%",
        ][..])
        .prop_map(str::to_owned),
        2 => typed_text(),
    ]
    // As the table reader gives cells (trimmed, no byte-order mark: its own
    // differential test covers that), to compare scoring alone.
    .prop_map(|t| t.replace('\u{feff}', "").trim().to_owned())
}

/// A sheet: its header and rows of cells, `rows` of them at most; a row
/// may be shorter or longer than the header.
fn sheet(rows: usize) -> impl Strategy<Value = (Vec<&'static str>, Vec<Vec<String>>)> {
    prop::collection::vec(prop::sample::select(HEADERS), 1..14).prop_flat_map(move |header| {
        let width = header.len();
        let row = prop::collection::vec(cell(), width.saturating_sub(1)..width + 2);
        (Just(header), prop::collection::vec(row, 1..rows))
    })
}

/// A banded rubric of a user's own (choices, counts, a percentage, two
/// rounds a year), for the rows that name it.
fn own_rubric() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/rubrics/mchch-leader.json"
    );
    std::fs::read_to_string(path).unwrap()
}

fn csv_text(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut writer = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
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

/// A sheet's rows tallied straight from their cells, against the same
/// rows read as requests and scored one by one; `step` rows at a time.
fn check_sheet(
    header: &[&str],
    rows: &[Vec<String>],
    own: bool,
    step: usize,
) -> Result<(), TestCaseError> {
    let text = csv_text(header, rows);
    let source = |row| Source {
        file: "sheet.csv".to_owned(),
        row,
    };
    let (mut tallied, mut requested) = (Collection::default(), Collection::default());
    if own {
        for collection in [&mut tallied, &mut requested] {
            collection.add_rubric(source(None), &own_rubric()).unwrap();
        }
    }
    tallied.read_file("sheet.csv", text.as_bytes());
    while tallied.score_pending(step) > 0 {}
    let mut reader = sheet::Reader::new(header);
    let mut empty = true;
    for (at, cells) in rows.iter().enumerate() {
        if let Some(read) = reader.read(at + 2, cells) {
            empty = false;
            match read.request {
                Ok(request) => {
                    requested.add_one(source(Some(read.row)), request);
                }
                Err(message) => requested.problem(source(Some(read.row)), message),
            }
        }
    }
    let (entries, mut problems) = held(&tallied);
    if empty || !sheet::is_sheet(header) {
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
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 3000,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn rows_tally_as_the_requests_they_make((header, rows) in sheet(8), own in any::<bool>()) {
        check_sheet(&header, &rows, own, usize::MAX)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 60,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Long sheets, scored a few rows at a time as the page does: the
    /// framework filled down across the core's 64-row batches.
    #[test]
    fn long_sheets_tally_alike_in_any_steps(
        (header, rows) in sheet(160),
        own in any::<bool>(),
        step in 1usize..150,
    ) {
        check_sheet(&header, &rows, own, step)?;
    }
}
