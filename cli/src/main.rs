//! khanaen on the command line: the same scoring core as the browser.
//!
//!   khanaen frameworks [--en]          list the built-in frameworks
//!   khanaen describe ID                print a framework as JSON
//!   khanaen score FILE [--csv] [--en]  score a request (or re-score an exported result)
//!   khanaen validate FILE              check a rubric file
//!
//! `-` reads standard input; `--` ends the options, so a file may be named
//! `--csv`. An unknown option is refused, never ignored.

use std::io::Read;
use std::process::ExitCode;

use khanaen::encoding::{self, Encoding};
use khanaen::export;
use khanaen::{Framework, Lang};

const USAGE: &str = "usage: khanaen frameworks [--en]
       khanaen describe ID
       khanaen score FILE [--csv] [--en]
       khanaen validate FILE
  FILE may be - for standard input; -- ends the options.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(out) => {
            print!("{out}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}

/// A command line split into its words and its options.
#[derive(Debug, Default, PartialEq)]
struct Parsed {
    words: Vec<String>,
    csv: bool,
    en: bool,
    help: bool,
}

fn parse(args: &[String]) -> Result<Parsed, String> {
    let mut parsed = Parsed::default();
    let mut options_ended = false;
    for arg in args {
        if options_ended || arg == "-" || !arg.starts_with('-') {
            parsed.words.push(arg.clone());
            continue;
        }
        match arg.as_str() {
            "--" => options_ended = true,
            "--csv" => parsed.csv = true,
            "--en" => parsed.en = true,
            "--help" | "-h" => parsed.help = true,
            other => return Err(format!("unknown option “{other}”\n{USAGE}")),
        }
    }
    Ok(parsed)
}

/// Reads a file (or standard input) in whatever encoding Thai files come
/// in; a file converted from TIS-620 is said so on standard error.
fn read(path: &str) -> Result<String, String> {
    let mut bytes = Vec::new();
    if path == "-" {
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("stdin: {e}"))?;
    } else {
        bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    }
    let decoded = encoding::decode(&bytes).map_err(|e| format!("{path}: {e}"))?;
    if decoded.encoding == Encoding::Tis620 {
        eprintln!("{path}: read as TIS-620 (older Thai Windows) and converted to Unicode");
    }
    Ok(decoded.text)
}

fn run(args: &[String]) -> Result<String, String> {
    let parsed = parse(args)?;
    if parsed.help {
        return Ok(format!("{USAGE}\n"));
    }
    let lang = if parsed.en { Lang::En } else { Lang::Th };
    let refuse = |option: &str| Err(format!("{option} does not apply here\n{USAGE}"));
    let words: Vec<&str> = parsed.words.iter().map(String::as_str).collect();
    match words.as_slice() {
        ["frameworks"] => {
            if parsed.csv {
                return refuse("--csv");
            }
            let list = khanaen::frameworks().map_err(|e| e.to_string())?;
            Ok(list
                .iter()
                .map(|f| {
                    let editions: Vec<&str> =
                        f.editions.iter().map(|e| e.edition.as_str()).collect();
                    format!("{}\t{}\t{}\n", f.id, editions.join(","), f.name.get(lang))
                })
                .collect())
        }
        ["describe", id] => {
            if parsed.csv || parsed.en {
                return refuse(if parsed.csv { "--csv" } else { "--en" });
            }
            let framework = khanaen::describe(id).map_err(|e| e.to_string())?;
            serde_json::to_string_pretty(framework)
                .map(|s| s + "\n")
                .map_err(|e| e.to_string())
        }
        ["score", path] => {
            if parsed.en && !parsed.csv {
                return refuse("--en without --csv");
            }
            let result = khanaen::score_json(&read(path)?).map_err(|e| e.to_string())?;
            Ok(if parsed.csv {
                export::csv::write(&result, lang)
            } else {
                export::json::write(&result)
            })
        }
        ["validate", path] => {
            if parsed.csv || parsed.en {
                return refuse(if parsed.csv { "--csv" } else { "--en" });
            }
            let framework = Framework::load(&read(path)?).map_err(|e| e.to_string())?;
            Ok(format!(
                "ok: {} ({} editions)\n",
                framework.id,
                framework.editions.len()
            ))
        }
        _ => Err(USAGE.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn unknown_options_are_refused() {
        for typo in ["--cvs", "--EN", "-x", "--csv=1"] {
            let err = run(&args(&["score", "examples/x.json", typo])).unwrap_err();
            assert!(
                err.starts_with(&format!("unknown option “{typo}”")),
                "{err}"
            );
        }
    }

    #[test]
    fn double_dash_ends_the_options() {
        let parsed = parse(&args(&["score", "--csv", "--", "--en", "-"])).unwrap();
        assert_eq!(parsed.words, ["score", "--en", "-"]);
        assert!(parsed.csv && !parsed.en);
    }

    #[test]
    fn options_that_do_not_apply_are_refused() {
        assert!(run(&args(&["describe", "kpi-3.2", "--csv"])).is_err());
        assert!(run(&args(&["frameworks", "--csv"])).is_err());
        assert!(run(&args(&["frameworks", "--en"]))
            .unwrap()
            .contains("kpi-3.2"));
        assert!(run(&args(&["score"])).unwrap_err().starts_with("usage:"));
    }
}
