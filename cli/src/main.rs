//! khanaen on the command line: the same scoring core as the browser.
//!
//!   khanaen frameworks                 list the built-in frameworks
//!   khanaen describe ID                print a framework as JSON
//!   khanaen score FILE [--csv] [--en]  score a request (or re-score an exported result)
//!   khanaen validate FILE              check a rubric file

use std::io::Read;
use std::process::ExitCode;

use khanaen::export;
use khanaen::{Framework, Lang};

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

fn read(path: &str) -> Result<String, String> {
    if path == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| format!("stdin: {e}"))?;
        return Ok(text);
    }
    std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))
}

fn run(args: &[String]) -> Result<String, String> {
    let flag = |name: &str| args.iter().any(|a| a == name);
    let positional: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let lang = if flag("--en") { Lang::En } else { Lang::Th };
    match positional.as_slice() {
        [cmd] if cmd.as_str() == "frameworks" => {
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
        [cmd, id] if cmd.as_str() == "describe" => {
            let framework = khanaen::describe(id).map_err(|e| e.to_string())?;
            serde_json::to_string_pretty(framework)
                .map(|s| s + "\n")
                .map_err(|e| e.to_string())
        }
        [cmd, path] if cmd.as_str() == "score" => {
            let result = khanaen::score_json(&read(path)?).map_err(|e| e.to_string())?;
            Ok(if flag("--csv") {
                export::csv::write(&result, lang)
            } else {
                export::json::write(&result)
            })
        }
        [cmd, path] if cmd.as_str() == "validate" => {
            let framework = Framework::load(&read(path)?).map_err(|e| e.to_string())?;
            Ok(format!(
                "ok: {} ({} editions)\n",
                framework.id,
                framework.editions.len()
            ))
        }
        _ => Err(String::from(
            "usage: khanaen frameworks | describe ID | score FILE [--csv] [--en] | validate FILE",
        )),
    }
}
