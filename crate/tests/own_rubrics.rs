//! A user's own rubric end to end (SPEC §4): opened once, scored, exported
//! with the rubric inside, and re-opened without the rubric file to the
//! identical result and CSV; never shadowing a built-in.

use std::fs;
use std::path::{Path, PathBuf};

use khanaen::{Catalog, Error, Lang, Loaded};
use serde_json::{json, Value};

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples")
}

fn read(path: &str) -> String {
    fs::read_to_string(examples().join(path)).unwrap()
}

fn before_request() -> Value {
    json!({
        "framework": "example-mchch-leader",
        "unit": {"province": "นครสวรรค์", "district": "ลาดยาว", "round": "1",
                 "organisation": "นายสมชาย ใจดี (ผู้ใหญ่บ้าน หมู่ 3 ต.สร้อยละคร)",
                 "date": "15 พ.ค. 2561", "assessor": "นางสาวกานดา พัฒนกิจ", "position": "พัฒนากร"},
        "answers": {"1": "1", "2": "none", "3": "55", "4": "1"}
    })
}

#[test]
fn an_exported_result_reopens_without_the_rubric_file() {
    let mut with_rubric = Catalog::default();
    let added = with_rubric
        .add(&read("rubrics/mchch-leader.json"))
        .expect("the example rubric is valid");
    assert!(matches!(added, Loaded::Own(_)));
    let scored = with_rubric
        .score_json(&before_request().to_string())
        .expect("scores with the rubric added");
    assert!(scored.result.framework.own);
    let file = scored.json();
    // The file the form downloads is the one kept under examples/.
    assert_eq!(file, read("collections/mchch-lat-yao/before/leader.json"));

    // On another tablet: no rubric known but the built-ins.
    let elsewhere = Catalog::default()
        .score_json(&file)
        .expect("the file carries its rubric");
    assert_eq!(elsewhere.result, scored.result);
    assert_eq!(elsewhere.json(), file);
    for lang in [Lang::Th, Lang::En] {
        assert_eq!(elsewhere.csv(lang), scored.csv(lang));
    }
    let csv = elsewhere.csv(Lang::En);
    assert!(csv.contains("example-mchch-leader"), "{csv}");
    assert!(csv.contains("Training courses or study visits attended in the year"));
    // Without the rubric, the request alone names a framework nobody knows.
    let bare = serde_json::to_string(&scored.result.request).unwrap();
    assert!(matches!(
        Catalog::default().score_json(&bare),
        Err(Error::UnknownFramework { .. })
    ));
    // A built-in's export carries no rubric.
    let built_in = Catalog::default()
        .score_json(&read("sorsochot-23-complete.json"))
        .unwrap();
    assert!(!built_in.json().contains("\"rubric\""));
}

#[test]
fn a_carried_rubric_never_shadows_a_built_in_nor_another_rubric() {
    let mut file: Value =
        serde_json::from_str(&read("collections/mchch-lat-yao/before/leader.json")).unwrap();
    // The built-in's id on different content.
    let mut shadow = file.clone();
    shadow["rubric"]["id"] = json!("sorsochot-23");
    shadow["request"]["framework"] = json!("sorsochot-23");
    let err = Catalog::default()
        .score_json(&shadow.to_string())
        .unwrap_err();
    assert_eq!(
        err,
        Error::RubricIdTaken {
            id: "sorsochot-23".into(),
            built_in: true
        }
    );
    assert!(err.text().th.contains("ตั้งรหัสใหม่"));
    // A request naming one framework while carrying another's rubric.
    let mut mismatch = file.clone();
    mismatch["request"]["framework"] = json!("kpi-3.2");
    assert!(matches!(
        Catalog::default().score_json(&mismatch.to_string()),
        Err(Error::RubricNotNamed { .. })
    ));
    // One catalog, two different rubrics under one id: the second is refused.
    let mut catalog = Catalog::default();
    catalog.score_json(&file.to_string()).unwrap();
    file["rubric"]["rubric"]["banded"]["levels"][0]["name"]["th"] = json!("อ่อน");
    assert!(matches!(
        catalog.score_json(&file.to_string()),
        Err(Error::RubricIdTaken {
            built_in: false,
            ..
        })
    ));
}

#[test]
fn a_misshapen_carried_rubric_is_named_from_the_files_top_without_a_line() {
    // The line and column would be of the one-line copy the core reads the
    // rubric from, not of the file the user holds: the path says where.
    let mut file: Value =
        serde_json::from_str(&read("collections/mchch-lat-yao/before/leader.json")).unwrap();
    file["rubric"]["editions"][0]["rounds"] = json!("1");
    let text = serde_json::to_string_pretty(&file).unwrap();
    match Catalog::default().score_json(&text) {
        Err(Error::InvalidFramework(err)) => {
            assert_eq!(
                (err.at.as_str(), err.place),
                ("rubric.editions.0.rounds", None)
            );
        }
        other => panic!("{other:?}"),
    }
}
