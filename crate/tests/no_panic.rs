//! Nothing a user can type may panic (a panic in WebAssembly kills the page):
//! property tests over arbitrary requests, JSON text and rubric files.
//! The same request strategy runs in the browser build (tests/wasm.rs).

mod support {
    pub mod arbitrary;
}

use proptest::prelude::*;
use support::arbitrary;

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config(3000))]

    #[test]
    fn arbitrary_requests_never_panic(request in arbitrary::request()) {
        arbitrary::check(&request)?;
    }

    #[test]
    fn arbitrary_text_never_panics(text in ".{0,200}") {
        let _ = khanaen::score_json(&text);
        let _ = khanaen::Framework::load(&text);
        let _ = khanaen::input::parse_typed(&text, true);
        let field = khanaen::error::Field::new(khanaen::error::FieldPath::of(["unit", "date"]), khanaen::Text::new("วันที่", "date"));
        let _ = khanaen::date::buddhist_date(&text, &field);
    }

    #[test]
    fn typed_dates_never_panic(text in "[0-9๐-๙a-zA-Zพยฤศจิกนม./ -]{0,24}") {
        let field = khanaen::error::Field::new(khanaen::error::FieldPath::of(["unit", "date"]), khanaen::Text::new("วันที่", "date"));
        let _ = khanaen::date::buddhist_date(&text, &field);
    }

    #[test]
    fn typed_numbers_never_panic(text in arbitrary::typed_text()) {
        let _ = khanaen::input::parse_typed(&text, true);
        let _ = khanaen::input::parse_typed(&text, false);
    }
}

proptest! {
    #![proptest_config(config(300))]

    /// Rubric files with a value replaced by anything: refused or loaded, never a panic.
    #[test]
    fn mangled_rubrics_never_panic(pick in 0usize..3, path_seed in any::<u64>(), replacement in arbitrary::raw()) {
        let files = [
            include_str!("../frameworks/sorsochot-23/framework.json"),
            include_str!("../frameworks/kpi-3.2-2555/framework.json"),
            include_str!("../frameworks/codi-value-for-money/framework.json"),
        ];
        let mut value: serde_json::Value = serde_json::from_str(files[pick]).unwrap();
        let replacement: serde_json::Value = serde_json::to_value(&replacement).unwrap_or(serde_json::Value::Null);
        replace_somewhere(&mut value, path_seed, replacement);
        if let Ok(framework) = khanaen::Framework::load(&value.to_string()) {
            let request = khanaen::export::json::read(r#"{"answers":{"1":"50","1.1":"50","3.2":"70"}}"#).unwrap();
            let _ = khanaen::score_with(&framework, &request);
        }
    }
}

/// Walks down the tree choosing children by the bits of `seed`, and replaces the node reached.
fn replace_somewhere(value: &mut serde_json::Value, mut seed: u64, replacement: serde_json::Value) {
    let mut node = value;
    loop {
        let len = match node {
            serde_json::Value::Object(map) => map.len(),
            serde_json::Value::Array(items) => items.len(),
            _ => 0,
        };
        if len == 0 || seed % 5 == 0 {
            *node = replacement;
            return;
        }
        let index = (seed as usize / 5) % len;
        seed /= 7;
        node = match node {
            serde_json::Value::Object(map) => map.values_mut().nth(index).expect("index in range"),
            serde_json::Value::Array(items) => &mut items[index],
            _ => unreachable!(),
        };
    }
}

proptest! {
    #![proptest_config(config(500))]

    /// Nesting of any depth, in JSON text or built as a tree: refused beyond
    /// the limit with its own error, scored (with a field error) within it,
    /// never a stack overflow.
    #[test]
    fn any_depth_is_refused_or_scored(depth in 1usize..3000, objects in any::<bool>()) {
        let nest = |d: usize| {
            let (open, close) = if objects { ("{\"value\":", "}") } else { ("[", "]") };
            format!("{}0{}", open.repeat(d), close.repeat(d))
        };
        // request (1) → answers (2) → "1" (3) → `depth` containers, the last at 2 + depth.
        let text = format!(r#"{{"framework":"sorsochot-23","answers":{{"1":{}}}}}"#, nest(depth));
        let too_deep = 2 + depth >= khanaen::raw::MAX_DEPTH;
        match khanaen::score_json(&text) {
            Err(khanaen::Error::TooDeep { max }) => prop_assert!(too_deep && max == khanaen::raw::MAX_DEPTH),
            Ok(result) => prop_assert!(!too_deep && !result.complete),
            Err(other) => prop_assert!(false, "unexpected {other}"),
        }
        let mut tree = khanaen::raw::Raw::Int(0);
        for _ in 0..depth {
            tree = khanaen::raw::Raw::List(vec![tree]);
        }
        let request = khanaen::raw::Raw::Map(
            [
                ("framework".to_owned(), khanaen::raw::Raw::text("sorsochot-23")),
                ("answers".to_owned(), khanaen::raw::Raw::Map([("1".to_owned(), tree)].into())),
            ]
            .into(),
        );
        prop_assert_eq!(khanaen::score(&request).is_err(), too_deep);
    }
}

proptest! {
    #![proptest_config(config(300))]

    /// Any file dropped into a collection (text shaped like a sheet, or
    /// anything at all) is read, listed as a problem, or both: never a panic,
    /// and the summary, the comparison and the sheet export go on.
    #[test]
    fn arbitrary_files_never_panic(
        sheet_like in "(เกณฑ์การประเมิน|framework|ตำบล|1|2 ตัวตั้ง|sorsochot-23|ประเภทแถว|ตัวชี้วัด|[0-9๐-๙]{1,3}|\"|,|;|\r\n| ){0,80}",
        anything in prop::collection::vec(any::<u8>(), 0..200),
    ) {
        let mut collection = khanaen::collection::Collection::default();
        collection.add_file("sheet.csv", sheet_like.as_bytes());
        collection.add_file("any.bin", &anything);
        collection.add_file("any.json", format!("[{sheet_like}]").as_bytes());
        let summary = khanaen::summary::summarize(&collection);
        let _ = khanaen::export::summary_csv::write(&summary, khanaen::Lang::Th);
        let entries: Vec<_> = collection.included().collect();
        let _ = khanaen::compare::compare_entries(&entries, &entries);
        let framework = khanaen::describe("sorsochot-23").unwrap();
        // Every entry scores again to the outcome it keeps.
        let results: Vec<_> = entries
            .iter()
            .map(|e| e.result().expect("an entry scores again"))
            .collect();
        for (entry, result) in entries.iter().zip(&results) {
            prop_assert_eq!(&khanaen::outcome::Outcome::of(result), &entry.outcome);
        }
        let _ = khanaen::collection::sheet::write(framework, &results, khanaen::Lang::En);
    }
}
