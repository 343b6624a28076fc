//! Embeds the built-in rubric files minified: the files stay readable in the
//! repository while the WebAssembly module carries no indentation.

use std::path::Path;
use std::{env, fs};

const FRAMEWORKS: &[&str] = &["sorsochot-23", "kpi-3.2-2555", "codi-value-for-money"];

fn main() {
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for name in FRAMEWORKS {
        let source = format!("frameworks/{name}/framework.json");
        println!("cargo::rerun-if-changed={source}");
        let text = fs::read_to_string(&source).unwrap_or_else(|e| panic!("{source}: {e}"));
        // A file that does not parse is embedded as it is, so that loading
        // reports the problem with its line and column.
        let compact = serde_json::from_str::<serde_json::Value>(&text)
            .map(|value| value.to_string())
            .unwrap_or(text);
        fs::write(Path::new(&out_dir).join(format!("{name}.json")), compact)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}
