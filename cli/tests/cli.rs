//! The command line as a user runs it: exit codes, options, files by name,
//! standard input and a file in TIS-620.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn khanaen(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_khanaen"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    if let Some(bytes) = stdin {
        child.stdin.take().unwrap().write_all(bytes).unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().expect("finishes")
}

const EXAMPLE: &str = "examples/sorsochot-23-complete.json";

#[test]
fn a_mistyped_option_is_an_error_not_ignored() {
    let out = khanaen(&["score", EXAMPLE, "--cvs"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown option “--cvs”"));
    assert!(out.stdout.is_empty());
}

#[test]
fn double_dash_before_file_names() {
    let out = khanaen(&["score", "--csv", "--en", "--", EXAMPLE], None);
    assert_eq!(out.status.code(), Some(0));
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(csv.starts_with("\u{feff}framework,"));
    // After --, a word that looks like an option is a file name.
    let out = khanaen(&["score", "--", "--csv"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("--csv: "));
}

#[test]
fn tis_620_input_is_converted_and_said_so() {
    let request = r#"{"framework":"sorsochot-23","unit":{"tambon":"บุ่งไหม"},"answers":{}}"#;
    let bytes: Vec<u8> = request
        .chars()
        .map(|c| match c as u32 {
            code @ 0..=0x7f => code as u8,
            code => (code - 0x0e01 + 0xa1) as u8,
        })
        .collect();
    let out = khanaen(&["score", "-"], Some(&bytes));
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .contains("\"tambon\": \"บุ่งไหม\""));
    assert!(String::from_utf8_lossy(&out.stderr).contains("TIS-620"));
}

#[test]
fn summarize_many_files_and_compare_rounds() {
    let out = khanaen(
        &[
            "summarize",
            "--csv",
            "examples/collections/warin-round-1",
            "examples/collections/warin-round-2",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(csv.contains("sorsochot-23,2567,1,อุบลราชธานี,วารินชำราบ,6,2,33.33,2,33.33,2,33.33"));
    assert!(csv.contains("sorsochot-23,2567,2,อุบลราชธานี,วารินชำราบ,4,2,50.00,1,25.00,1,25.00"));

    let out = khanaen(
        &[
            "compare",
            "examples/collections/warin-round-1",
            "examples/collections/warin-round-2",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let comparison: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (
            &comparison["rose"],
            &comparison["stayed"],
            &comparison["fell"]
        ),
        (&1.into(), &2.into(), &1.into())
    );

    // The sheet out, and back in: the same summary.
    let sheet = khanaen(
        &[
            "summarize",
            "--sheet",
            "examples/collections/ubon-province-sheet.csv",
        ],
        None,
    );
    assert_eq!(sheet.status.code(), Some(0));
    let again = khanaen(&["summarize", "--csv", "-"], Some(&sheet.stdout));
    let direct = khanaen(
        &[
            "summarize",
            "--csv",
            "examples/collections/ubon-province-sheet.csv",
        ],
        None,
    );
    assert_eq!(again.stdout, direct.stdout);

    let template = khanaen(&["sheet", "sorsochot-23", "--en"], None);
    let text = String::from_utf8(template.stdout).unwrap();
    assert!(text.starts_with("\u{feff}framework,edition,province,district,tambon"));
}
