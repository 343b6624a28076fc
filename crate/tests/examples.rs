//! Every example request under `examples/` is a snapshot test: its JSON
//! export and its CSV exports (Thai and English headers) must match the files
//! under `examples/snapshots/`. Run with `UPDATE_SNAPSHOTS=1` to rewrite them
//! after an intended change, then review the diff.
//!
//! Each example also proves the JSON export lossless: reading the exported
//! file back reproduces the same result, byte for byte.

use std::fs;
use std::path::{Path, PathBuf};

use khanaen::Lang;

fn examples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples")
}

fn examples() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(examples_dir())
        .expect("examples/ exists")
        .map(|entry| entry.expect("readable entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    files
}

fn check_snapshot(path: &Path, actual: &str, failures: &mut Vec<String>) {
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        fs::write(path, actual).expect("snapshot written");
        return;
    }
    match fs::read_to_string(path) {
        Ok(expected) if expected == actual => {}
        Ok(_) => failures.push(format!(
            "{} differs (UPDATE_SNAPSHOTS=1 to accept)",
            path.display()
        )),
        Err(_) => failures.push(format!(
            "{} is missing (UPDATE_SNAPSHOTS=1 to create)",
            path.display()
        )),
    }
}

#[test]
fn every_example_matches_its_snapshots() {
    let files = examples();
    assert!(files.len() >= 3, "one example per framework at least");
    let mut failures = Vec::new();
    for file in &files {
        let stem = file
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("utf-8 name");
        let request = fs::read_to_string(file).expect("example readable");
        let scored = khanaen::Catalog::default()
            .score_json(&request)
            .unwrap_or_else(|e| panic!("{stem}: {e}"));
        let snapshots = examples_dir().join("snapshots");
        check_snapshot(
            &snapshots.join(format!("{stem}.result.json")),
            &scored.json(),
            &mut failures,
        );
        check_snapshot(
            &snapshots.join(format!("{stem}.th.csv")),
            &scored.csv(Lang::Th),
            &mut failures,
        );
        check_snapshot(
            &snapshots.join(format!("{stem}.en.csv")),
            &scored.csv(Lang::En),
            &mut failures,
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn json_export_reads_back_to_the_same_result() {
    for file in examples() {
        let request = fs::read_to_string(&file).expect("example readable");
        let first = khanaen::Catalog::default()
            .score_json(&request)
            .expect("scores");
        let exported = first.json();
        let again = khanaen::Catalog::default()
            .score_json(&exported)
            .expect("exported JSON reads back");
        assert_eq!(first.result, again.result, "{}", file.display());
        assert_eq!(exported, again.json(), "{}", file.display());
        let first = first.result;
        // A byte-order mark added by an editor changes nothing.
        let with_bom = format!("\u{feff}{exported}");
        assert_eq!(khanaen::score_json(&with_bom).expect("BOM ignored"), first);
    }
}

#[test]
fn csv_is_excel_friendly() {
    for file in examples() {
        let request = fs::read_to_string(&file).expect("example readable");
        let scored = khanaen::Catalog::default()
            .score_json(&request)
            .expect("scores");
        for lang in [Lang::Th, Lang::En] {
            let text = scored.csv(lang);
            assert!(text.starts_with('\u{feff}'), "BOM first");
            assert!(text.ends_with("\r\n"));
            assert!(
                !text.replace("\r\n", "").contains('\n') || text.contains('"'),
                "CRLF rows"
            );
            let header = text
                .trim_start_matches('\u{feff}')
                .lines()
                .next()
                .unwrap_or_default();
            match lang {
                Lang::Th => assert!(header.starts_with("เกณฑ์การประเมิน,ฉบับ,จังหวัด")),
                Lang::En => assert!(header.starts_with("framework,edition,province")),
            }
        }
    }
}

#[test]
fn the_browser_test_covers_every_example() {
    let wasm_test = include_str!("../../bindings/tests/wasm.rs");
    for file in examples() {
        let stem = file
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("utf-8 name");
        assert!(
            wasm_test.contains(&format!("example!(\"{stem}\")")),
            "add example!(\"{stem}\") to crate/tests/wasm.rs"
        );
    }
}
