//! Arbitrary requests for the no-panic property tests, shared by the native
//! tests and the WebAssembly tests. They mix realistic shapes (the real ids,
//! numerator/denominator pairs, matrices, unit reports) with anything at all.

use std::collections::BTreeMap;

use khanaen::raw::Raw;
use proptest::prelude::*;

/// Text an officer might type, and text nobody should.
pub fn typed_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9๐-๙]{0,4}([.,][0-9๐-๙]{0,4})?[ %]{0,2}",
        "-?[0-9]{1,20}(\\.[0-9]{0,14})?",
        Just("NaN".to_string()),
        Just("Infinity".to_string()),
        Just("1,005".to_string()),
        Just("yes".to_string()),
        Just("มี".to_string()),
        Just("fund".to_string()),
        Just("สูง".to_string()),
        Just("2567-11-20".to_string()),
        ".{0,12}",
    ]
}

pub fn scalar() -> impl Strategy<Value = Raw> {
    prop_oneof![
        Just(Raw::Null),
        any::<bool>().prop_map(Raw::Bool),
        any::<i64>().prop_map(Raw::Int),
        (0i64..200).prop_map(Raw::Int),
        any::<u64>().prop_map(Raw::UInt),
        any::<f64>().prop_map(Raw::Float),
        prop_oneof![
            Just(f64::NAN),
            Just(f64::INFINITY),
            Just(f64::NEG_INFINITY),
            Just(1e300),
            Just(-0.0)
        ]
        .prop_map(Raw::Float),
        typed_text().prop_map(Raw::Text),
    ]
}

const KEYS: &[&str] = &[
    "value",
    "numerator",
    "denominator",
    "matrix",
    "units",
    "previous",
    "growth",
    "target",
    "answer",
    "count",
    "reported_percent",
    "items",
    "name",
    "details",
    "type",
    "report_number",
    "report_date",
    "area",
    "due",
    "remaining",
    "held_on",
    "missing",
    "1",
    "2",
    "6",
    "7",
    "8",
    "outcome-1",
    "outcome-3",
    "outcome-6",
    "outcome-7",
    "impact-4",
];

pub fn raw() -> impl Strategy<Value = Raw> {
    scalar().prop_recursive(4, 48, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Raw::List),
            prop::collection::btree_map(
                prop_oneof![prop::sample::select(KEYS).prop_map(str::to_owned), ".{0,6}"],
                inner,
                0..6
            )
            .prop_map(Raw::Map),
        ]
    })
}

const FRAMEWORKS: &[&str] = &["sorsochot-23", "kpi-3.2", "codi-value-for-money"];
const IDS: &[&str] = &[
    "1", "2", "5", "6", "7", "8", "13", "15", "18", "23", "24", "3.2", "1.1", "2.1.1", "2.1.2",
    "2.2.1.1", "3.1", "4.2.1", "0", "",
];

pub fn request() -> impl Strategy<Value = Raw> {
    let framework = prop_oneof![
        4 => prop::sample::select(FRAMEWORKS).prop_map(Raw::text),
        1 => scalar(),
    ];
    let edition = prop_oneof![
        Just(Raw::Null),
        prop::sample::select(&["2564", "2567", "2555", "2566-2568", "x"][..]).prop_map(Raw::text),
        scalar(),
    ];
    let answers = prop::collection::btree_map(
        prop::sample::select(IDS).prop_map(str::to_owned),
        raw(),
        0..12,
    )
    .prop_map(Raw::Map);
    let answers = prop_oneof![6 => answers, 1 => raw()];
    let unit = prop_oneof![
        Just(Raw::Null),
        prop::collection::btree_map(
            prop::sample::select(&["province", "tambon", "round", "date", "assessor", "x"][..])
                .prop_map(str::to_owned),
            scalar(),
            0..5
        )
        .prop_map(Raw::Map),
        raw(),
    ];
    (framework, edition, answers, unit).prop_map(|(framework, edition, answers, unit)| {
        let mut map = BTreeMap::new();
        map.insert("framework".to_owned(), framework);
        map.insert("edition".to_owned(), edition);
        map.insert("answers".to_owned(), answers);
        map.insert("unit".to_owned(), unit);
        Raw::Map(map)
    })
}

/// What every request must satisfy: scoring never panics, its fast outcome
/// is its result's, and a scored request exports to JSON and CSV and reads
/// back to the same result.
pub fn check(request: &Raw) -> Result<(), TestCaseError> {
    let framework = khanaen::score::named(request).and_then(khanaen::framework::find);
    let fast = framework
        .clone()
        .ok()
        .and_then(|f| khanaen::score::outcome(f, request.clone()).ok());
    if let Ok(result) = khanaen::score(request) {
        let framework = framework.expect("a request scored names a built-in");
        // The outcome a collection tallies without the whole result is the result's.
        let whole = khanaen::outcome::Outcome::of(&result);
        prop_assert_eq!(fast.map(|(outcome, _)| outcome), Some(whole));
        let json = khanaen::export::json::write(&result);
        let _ = khanaen::export::csv::write(framework, &result, khanaen::Lang::Th);
        let _ = khanaen::export::csv::write(framework, &result, khanaen::Lang::En);
        let again = khanaen::score_json(&json).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(khanaen::export::json::write(&again), json);
    }
    Ok(())
}
