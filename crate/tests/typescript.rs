//! The TypeScript declarations of everything the WebAssembly API returns,
//! generated from the Rust types (their serde attributes say the JSON shape)
//! into `crate/types/generated.d.ts`, which the bindings put into the
//! package's `khanaen.d.ts`. Like a snapshot: the committed file must match;
//! `UPDATE_SNAPSHOTS=1 cargo test --features typescript --test typescript`
//! writes it after a change to a type. The tests then type-check the form's
//! use of the API against the package with `tsc --noEmit`.
#![cfg(feature = "typescript")]

use std::fs;
use std::path::Path;

use ts_rs::TS;

fn export<T: TS + 'static>(dir: &Path) {
    T::export_all_to(dir).unwrap_or_else(|e| panic!("{}: {e}", T::name()));
}

#[test]
fn the_declarations_are_generated_from_the_types() {
    let dir = std::env::temp_dir().join(format!("khanaen-ts-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    export::<khanaen::ScoreResult>(&dir);
    export::<khanaen::Framework>(&dir);
    export::<khanaen::view::FrameworkView>(&dir);
    export::<khanaen::FrameworkSummary>(&dir);
    export::<khanaen::assessment::Changes>(&dir);
    export::<khanaen::encoding::Decoded>(&dir);
    export::<khanaen::collection::Added>(&dir);
    export::<khanaen::summary::Summary>(&dir);
    export::<khanaen::compare::Comparison>(&dir);
    export::<khanaen::roll_up::RollUp>(&dir);
    export::<khanaen::progress::ProgressReport>(&dir);
    export::<khanaen::progress::ProgressSum>(&dir);

    let mut files: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let mut out = String::from(
        "// Generated from the Rust types by crate/tests/typescript.rs: do not edit.\n",
    );
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        // One file holds them all: the per-type imports and banners go.
        for line in text.lines() {
            if line.starts_with("import type") || line.starts_with("// This file was generated") {
                continue;
            }
            if !line.trim().is_empty() {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    let _ = fs::remove_dir_all(&dir);
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("types/generated.d.ts");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        fs::write(&path, &out).unwrap();
        return;
    }
    let committed = fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == out,
        "{} is not what the types give (UPDATE_SNAPSHOTS=1 cargo test --features typescript --test typescript)",
        path.display()
    );
}
