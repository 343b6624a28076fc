//! The core's modules form layers, with no import loop: each top-level
//! module (a file, or a folder of them) names, with `crate::…`, only modules
//! below it. A loop ties every module in it together — the rubric checker
//! once called up into the scorer to run a rubric's examples, which tied ten
//! files into one — so this reads the sources and refuses any loop.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// Top-level module → the other top-level modules its files name.
fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut files = vec![src.clone()];
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            continue;
        }
        let relative = path.strip_prefix(&src).unwrap();
        let top = relative.iter().next().unwrap().to_string_lossy();
        let top = top.trim_end_matches(".rs").to_owned();
        if top == "lib" || path.extension().map_or(true, |ext| ext != "rs") {
            continue;
        }
        let code: String = fs::read_to_string(&path)
            .unwrap()
            .lines()
            .map(|line| line.split("//").next().unwrap_or(""))
            .collect::<Vec<_>>()
            .join("\n");
        let named = graph.entry(top.clone()).or_default();
        for (at, _) in code.match_indices("crate::") {
            let rest = &code[at + "crate::".len()..];
            // `crate::{a, b::c}` names each; `crate::a::…` names one.
            let group = match rest.strip_prefix('{') {
                Some(inner) => inner.split('}').next().unwrap_or(""),
                None => rest,
            };
            for part in group.split(',') {
                let word: String = part
                    .trim()
                    .chars()
                    .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                    .collect();
                if !word.is_empty() && word != top {
                    named.insert(word);
                }
                if rest.starts_with(|c| c != '{') {
                    break;
                }
            }
        }
    }
    let modules: BTreeSet<String> = graph.keys().cloned().collect();
    for named in graph.values_mut() {
        named.retain(|m| modules.contains(m));
    }
    graph
}

fn find_loop(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        module: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|m| m == module) {
            let mut found = path[start..].to_vec();
            found.push(module.to_owned());
            return Some(found);
        }
        if done.contains(module) {
            return None;
        }
        path.push(module.to_owned());
        for next in &graph[module] {
            if let Some(found) = visit(next, graph, path, done) {
                return Some(found);
            }
        }
        path.pop();
        done.insert(module.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|m| visit(m, graph, &mut Vec::new(), &mut done))
}

#[test]
fn the_core_has_no_import_loop() {
    let graph = imports();
    assert!(graph.len() > 15, "the scan found the modules: {graph:?}");
    // The loop this test was written against stays broken.
    assert!(!graph["framework"].contains("score"));
    if let Some(found) = find_loop(&graph) {
        panic!("an import loop: {}", found.join(" → "));
    }
}

#[test]
fn the_scan_sees_a_loop_when_there_is_one() {
    let mut graph = imports();
    graph.get_mut("framework").unwrap().insert("score".into());
    assert!(find_loop(&graph).is_some());
}
