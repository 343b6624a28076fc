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
