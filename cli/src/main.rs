//! khanaen on the command line: the same scoring core as the browser.
//!
//!   khanaen frameworks [--en]          list the built-in frameworks
//!   khanaen describe ID                print a framework as JSON
//!   khanaen score FILE [--csv] [--en]  score a request (or re-score an exported result)
//!   khanaen validate FILE              check a rubric file
//!   khanaen summarize FILE… [--csv|--sheet] [--en]
//!                                      bring many files together: the summary
//!                                      by district and province (JSON, or its
//!                                      CSV), or the one-row-per-unit sheet
//!   khanaen compare BEFORE AFTER       each unit's earlier and later assessment
//!   khanaen sheet ID [--en]            the blank one-row-per-unit sheet
//!
//! `--rubric FILE` (score, summarize, compare, sheet) adds a rubric of your own,
//! for requests that name it; a file exported with its rubric needs none.
//! A folder given where files are read stands for every file in it.
//! `-` reads standard input; `--` ends the options, so a file may be named
//! `--csv`. An unknown option is refused, never ignored.

use std::collections::BTreeSet;
use std::io::Read;
use std::process::ExitCode;

use khanaen::collection::{sheet, Collection, Source};
use khanaen::encoding::{self, Encoding};
use khanaen::{compare, export, summary};
use khanaen::{Catalog, Framework, Lang, Text};

/// The collection as the one-row-per-unit sheet: one framework at a time.
fn sheet_of(collection: &Collection, lang: Lang) -> Result<String, String> {
    let ids: BTreeSet<&str> = collection
        .included()
        .map(|e| e.outcome.framework.as_str())
        .collect();
    let ids: Vec<&str> = ids.into_iter().collect();
    let [id] = ids.as_slice() else {
        return Err(format!(
            "--sheet needs files of one framework (found: {})",
            ids.join(", ")
        ));
    };
    sheet::of_collection(collection, id, lang).map_err(|e| e.to_string())
}

const USAGE: &str = "usage: khanaen frameworks [--en]
       khanaen describe ID
       khanaen score FILE [--csv] [--en] [--rubric RUBRIC]
       khanaen validate FILE
       khanaen summarize FILE... [--csv | --sheet] [--en] [--rubric RUBRIC]
       khanaen compare BEFORE AFTER [--rubric RUBRIC]
       khanaen sheet ID [--en] [--rubric RUBRIC]
  FILE may be - for standard input, or a folder of files; -- ends the options.
  --rubric adds a rubric of your own (repeat it for more).";

// Reading a sheet makes many small allocations; mimalloc serves them about
// a fifth faster than the system's (the wasm build keeps Rust's own).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    sheet: bool,
    en: bool,
    help: bool,
    /// Files of users' own rubrics, added before anything is scored.
    rubrics: Vec<String>,
}

fn parse(args: &[String]) -> Result<Parsed, String> {
    let mut parsed = Parsed::default();
    let mut options_ended = false;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        if options_ended || arg == "-" || !arg.starts_with('-') {
            parsed.words.push(arg.clone());
            continue;
        }
        match arg.as_str() {
            "--" => options_ended = true,
            "--csv" => parsed.csv = true,
            "--sheet" => parsed.sheet = true,
            "--en" => parsed.en = true,
            "--help" | "-h" => parsed.help = true,
            "--rubric" => match args.next() {
                Some(file) => parsed.rubrics.push(file.clone()),
                None => return Err(format!("--rubric needs a file\n{USAGE}")),
            },
            other => return Err(format!("unknown option “{other}”\n{USAGE}")),
        }
    }
    Ok(parsed)
}

/// The bytes of a file, or of standard input for `-`.
fn bytes_of(path: &str) -> std::io::Result<Vec<u8>> {
    if path == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes).map(|_| bytes)
    } else {
        std::fs::read(path)
    }
}

/// Reads a file (or standard input) in whatever encoding Thai files come
/// in; a file converted from TIS-620 is said so on standard error.
fn read(path: &str) -> Result<String, String> {
    let bytes = bytes_of(path).map_err(|e| format!("{path}: {e}"))?;
    let decoded = encoding::decode(&bytes).map_err(|e| format!("{path}: {e}"))?;
    if decoded.encoding == Encoding::Tis620 {
        eprintln!("{path}: read as TIS-620 (older Thai Windows) and converted to Unicode");
    }
    Ok(decoded.text)
}

/// The files named, a folder standing for the files in it (sorted by name).
fn expand(paths: &[&str]) -> Vec<String> {
    let mut files = Vec::new();
    for path in paths {
        match std::fs::read_dir(path) {
            Ok(dir) => {
                let mut inside: Vec<String> = dir
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.is_file())
                    .map(|p| p.display().to_string())
                    .collect();
                inside.sort();
                files.extend(inside);
            }
            Err(_) => files.push((*path).to_owned()),
        }
    }
    files
}

/// The built-ins, and the rubrics given with `--rubric`.
fn catalog(rubrics: &[String]) -> Result<Catalog, String> {
    let mut catalog = Catalog::default();
    for path in rubrics {
        catalog
            .add(&read(path)?)
            .map_err(|e| format!("{path}: {e}"))?;
    }
    Ok(catalog)
}

/// Reads every file (a file that cannot be read is a problem in the collection).
fn collect(catalog: &Catalog, paths: &[&str]) -> Collection {
    let mut collection = Collection::default();
    collection.catalog = catalog.clone();
    for path in &expand(paths) {
        let path = path.as_str();
        match bytes_of(path) {
            Ok(bytes) => {
                collection.add_file(path, &bytes);
            }
            Err(e) => collection.problem(
                Source {
                    file: path.to_string(),
                    row: None,
                },
                Text::new(
                    format!("เปิดไฟล์ไม่ได้: {e}"),
                    format!("cannot open the file: {e}"),
                ),
            ),
        }
    }
    collection
}

fn run(args: &[String]) -> Result<String, String> {
    let parsed = parse(args)?;
    if parsed.help {
        return Ok(format!("{USAGE}\n"));
    }
    if parsed.sheet && !matches!(parsed.words.first().map(String::as_str), Some("summarize")) {
        return Err(format!("--sheet does not apply here\n{USAGE}"));
    }
    let lang = if parsed.en { Lang::En } else { Lang::Th };
    let refuse = |option: &str| format!("{option} does not apply here\n{USAGE}");
    // For commands that take neither --csv nor --en.
    let plain = || match (parsed.csv, parsed.en) {
        (true, _) => Err(refuse("--csv")),
        (_, true) => Err(refuse("--en")),
        _ => Ok(()),
    };
    let uses_rubrics = matches!(
        parsed.words.first().map(String::as_str),
        Some("score" | "summarize" | "compare" | "sheet")
    );
    if !parsed.rubrics.is_empty() && !uses_rubrics {
        return Err(refuse("--rubric"));
    }
    let catalog = catalog(&parsed.rubrics)?;
    let words: Vec<&str> = parsed.words.iter().map(String::as_str).collect();
    match words.as_slice() {
        ["frameworks"] => {
            if parsed.csv {
                return Err(refuse("--csv"));
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
            plain()?;
            let framework = khanaen::describe(id).map_err(|e| e.to_string())?;
            Ok(export::json::write(framework))
        }
        ["score", path] => {
            if parsed.en && !parsed.csv {
                return Err(refuse("--en without --csv"));
            }
            let scored = catalog
                .clone()
                .score_json(&read(path)?)
                .map_err(|e| e.to_string())?;
            let out = if parsed.csv {
                scored.csv(lang)
            } else {
                scored.json()
            };
            // The process ends next: a rubric of 100,000 indicators would
            // take a twentieth of the run to free, piece by piece.
            std::mem::forget(scored);
            Ok(out)
        }
        ["validate", path] => {
            plain()?;
            let framework = Framework::load(&read(path)?).map_err(|e| e.to_string())?;
            Ok(format!(
                "ok: {} ({} editions)\n",
                framework.id,
                framework.editions.len()
            ))
        }
        ["summarize", paths @ ..] if !paths.is_empty() => {
            if parsed.csv && parsed.sheet {
                return Err(refuse("--csv with --sheet"));
            }
            let collection = collect(&catalog, paths);
            if parsed.sheet {
                return sheet_of(&collection, lang);
            }
            let summary = summary::summarize(&collection);
            let out = if parsed.csv {
                export::summary_csv::write(&summary, lang)
            } else {
                export::json::write(&summary)
            };
            // The process ends next: freeing 10,000 entries one by one would
            // only cost time (a tenth of a national roll-up's).
            std::mem::forget(collection);
            Ok(out)
        }
        ["compare", before, after] => {
            plain()?;
            let (before, after) = (collect(&catalog, &[before]), collect(&catalog, &[after]));
            for problem in before.problems.iter().chain(&after.problems) {
                eprintln!("{}: {}", problem.source.file, problem.message.get(lang));
            }
            let earlier: Vec<_> = before.included().collect();
            let later: Vec<_> = after.included().collect();
            Ok(export::json::write(&compare::compare_entries(
                &earlier, &later,
            )))
        }
        ["sheet", id] => {
            if parsed.csv {
                return Err(refuse("--csv"));
            }
            sheet::blank(&catalog, id, lang).map_err(|e| e.to_string())
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
    fn own_rubrics_come_with_the_file_or_with_rubric() {
        let exported = "../examples/collections/mchch-lat-yao/after/leader.json";
        let again = run(&args(&["score", exported])).unwrap();
        assert_eq!(again, std::fs::read_to_string(exported).unwrap());
        let folders = [
            "../examples/collections/mchch-lat-yao/before",
            "../examples/collections/mchch-lat-yao/after",
        ];
        let compared = run(&args(&["compare", folders[0], folders[1]])).unwrap();
        assert!(compared.contains("\"rose\": 3"), "{compared}");
        // A request that names a rubric of one's own needs it given.
        let request = std::env::temp_dir().join(format!("khanaen-own-{}.json", std::process::id()));
        let value: serde_json::Value = serde_json::from_str(&again).unwrap();
        std::fs::write(&request, value["request"].to_string()).unwrap();
        let request = request.display().to_string();
        assert!(run(&args(&["score", &request]))
            .unwrap_err()
            .contains("unknown framework"));
        let rubric = "../examples/rubrics/mchch-leader.json";
        let csv = run(&args(&["score", &request, "--csv", "--rubric", rubric])).unwrap();
        assert!(csv.contains("example-mchch-leader"));
        assert!(run(&args(&["sheet", "x", "--rubric", rubric])).is_err());
        let template = run(&args(&[
            "sheet",
            "example-mchch-leader",
            "--rubric",
            rubric,
        ]))
        .unwrap();
        assert!(template.starts_with("\u{feff}เกณฑ์การประเมิน,"), "{template}");
        assert!(template.contains("\r\nexample-mchch-leader,"), "{template}");
        assert!(run(&args(&["score", &request, "--rubric"])).is_err());
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
