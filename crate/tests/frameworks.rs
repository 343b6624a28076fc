//! Rubrics are data validated when loaded: the built-in ones pass, and each
//! kind of broken rubric is refused with the problem and the place named.

use khanaen::error::{Error, FrameworkProblem};
use khanaen::Framework;
use serde_json::{json, Value};

const SORSOCHOT: &str = include_str!("../frameworks/sorsochot-23/framework.json");
const KPI: &str = include_str!("../frameworks/kpi-3.2-2555/framework.json");
const VFM: &str = include_str!("../frameworks/codi-value-for-money/framework.json");

fn problem_of(rubric: &Value) -> (String, FrameworkProblem) {
    match Framework::load(&rubric.to_string()) {
        Err(Error::InvalidFramework(err)) => {
            // Every problem reads in both languages.
            let text = err.text();
            assert!(!text.th.is_empty() && !text.en.is_empty());
            (err.at, err.problem)
        }
        Ok(_) => panic!("accepted an invalid rubric"),
        Err(other) => panic!("{other:?}"),
    }
}

fn edit(base: &str, change: impl FnOnce(&mut Value)) -> Value {
    let mut value: Value = serde_json::from_str(base).expect("built-in parses");
    change(&mut value);
    value
}

#[test]
fn built_in_frameworks_load_and_are_listed() {
    let list = khanaen::frameworks().expect("built-ins valid");
    let ids: Vec<&str> = list.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids, ["sorsochot-23", "kpi-3.2", "codi-value-for-money"]);
    let editions: Vec<&str> = list[0]
        .editions
        .iter()
        .map(|e| e.edition.as_str())
        .collect();
    assert_eq!(editions, ["2564", "2567"]);
    assert_eq!(list[0].editions[1].rounds, [1, 2]);
    for text in [SORSOCHOT, KPI, VFM] {
        Framework::load(text).expect("valid");
    }
    let described = khanaen::describe("sorsochot-23").unwrap();
    let khanaen::framework::Rubric::Banded(rubric) = &described.rubric else {
        panic!()
    };
    assert_eq!(rubric.indicators().count(), 23);
    assert_eq!(rubric.total_range(), (23, 69));
}

#[test]
fn a_user_rubric_round_trips_through_describe() {
    // What describe() hands a form is itself a loadable rubric.
    let described =
        serde_json::to_string(khanaen::describe("codi-value-for-money").unwrap()).unwrap();
    Framework::load(&described).expect("describe output loads back");
}

#[test]
fn refuses_duplicate_ids() {
    let bad = edit(SORSOCHOT, |v| {
        v["rubric"]["banded"]["categories"][1]["indicators"][0]["id"] = json!("1")
    });
    assert_eq!(
        problem_of(&bad).1,
        FrameworkProblem::DuplicateId { id: "1".into() }
    );
    let bad = edit(VFM, |v| {
        v["rubric"]["weighted"]["items"][3]["children"][0]["id"] = json!("1.1")
    });
    assert_eq!(
        problem_of(&bad).1,
        FrameworkProblem::DuplicateId { id: "1.1".into() }
    );
}

#[test]
fn refuses_unreachable_bands() {
    // Indicator 1's middle band starting above its top band.
    let bad = edit(SORSOCHOT, |v| {
        v["rubric"]["banded"]["categories"][0]["indicators"][0]["bands"][1]["written"] =
            json!({"min": "80", "max": "90"});
        v["rubric"]["banded"]["categories"][0]["indicators"][0]["cases"] = json!([]);
    });
    let (at, problem) = problem_of(&bad);
    assert_eq!(at, "indicator 1");
    assert_eq!(problem, FrameworkProblem::BandUnreachable { points: 3 });
    let bad = edit(SORSOCHOT, |v| {
        v["rubric"]["banded"]["categories"][0]["indicators"][5]["bands"][2]["choices"] = json!([]);
    });
    assert_eq!(
        problem_of(&bad).1,
        FrameworkProblem::BandWithoutChoice { points: 3 }
    );
}

#[test]
fn refuses_levels_that_leave_a_gap() {
    let bad = edit(SORSOCHOT, |v| {
        v["rubric"]["banded"]["levels"][1]["min"] = json!(43)
    });
    assert_eq!(
        problem_of(&bad).1,
        FrameworkProblem::LevelsDoNotCover { from: 23, to: 69 }
    );
}

#[test]
fn refuses_thresholds_out_of_order() {
    let bad = edit(KPI, |v| {
        v["rubric"]["weighted"]["items"][0]["scoring"]["thresholds"]["thresholds"] =
            json!(["60", "70", "65", "75", "80"]);
    });
    assert_eq!(problem_of(&bad).1, FrameworkProblem::ThresholdsOutOfOrder);
    let bad = edit(KPI, |v| {
        v["rubric"]["weighted"]["items"][0]["scoring"]["thresholds"]["thresholds"] =
            json!(["60", "70"])
    });
    assert_eq!(
        problem_of(&bad).1,
        FrameworkProblem::ThresholdCount { got: 2 }
    );
}

#[test]
fn refuses_weights_that_do_not_sum() {
    // Children must sum to their parent…
    let bad = edit(VFM, |v| {
        v["rubric"]["weighted"]["items"][0]["children"][0]["weight"] = json!("11")
    });
    let (at, problem) = problem_of(&bad);
    assert_eq!(at, "item 1");
    assert_eq!(
        problem,
        FrameworkProblem::WeightsDoNotSum {
            expected: "20".into(),
            got: "21".into()
        }
    );
    let bad = edit(VFM, |v| {
        v["rubric"]["weighted"]["items"][3]["children"][1]["children"][0]["weight"] = json!("2");
        v["rubric"]["weighted"]["items"][3]["children"][1]["children"][1]["weight"] = json!("2");
    });
    let (at, problem) = problem_of(&bad);
    assert_eq!(at, "item 4.2");
    assert_eq!(
        problem,
        FrameworkProblem::WeightsDoNotSum {
            expected: "5".into(),
            got: "4".into()
        }
    );
    // …and the whole to the declared total.
    let bad = edit(VFM, |v| {
        v["rubric"]["weighted"]["items"][0]["weight"] = json!("21");
        v["rubric"]["weighted"]["items"][0]["children"][0]["weight"] = json!("11");
    });
    let (at, problem) = problem_of(&bad);
    assert_eq!(at, "items");
    assert_eq!(
        problem,
        FrameworkProblem::WeightsDoNotSum {
            expected: "100".into(),
            got: "101".into()
        }
    );
}

#[test]
fn refuses_an_example_that_the_rubric_does_not_honour() {
    let bad = edit(SORSOCHOT, |v| {
        v["rubric"]["banded"]["categories"][0]["indicators"][0]["cases"] =
            json!([{"in": "70", "points": 3}]);
    });
    let (at, problem) = problem_of(&bad);
    assert_eq!(at, "indicator 1");
    assert!(matches!(problem, FrameworkProblem::CaseFailed { .. }));
    let bad = edit(KPI, |v| {
        v["rubric"]["weighted"]["items"][0]["cases"] = json!([{"in": "70", "score": "3.5000"}])
    });
    assert!(matches!(
        problem_of(&bad).1,
        FrameworkProblem::CaseFailed { .. }
    ));
}

#[test]
fn refuses_malformed_files() {
    match Framework::load("{ not json") {
        Err(Error::InvalidFramework(err)) => {
            assert!(matches!(err.problem, FrameworkProblem::Parse { .. }))
        }
        other => panic!("{other:?}"),
    }
    let bad = edit(KPI, |v| v["format"] = json!(2));
    assert_eq!(
        problem_of(&bad).1,
        FrameworkProblem::UnsupportedFormat { format: 2 }
    );
    let bad = edit(KPI, |v| v["editions"] = json!([]));
    assert_eq!(problem_of(&bad).1, FrameworkProblem::NoEditions);
    let bad = edit(KPI, |v| {
        v["rubric"]["weighted"]["items"][0]["scoring"]["thresholds"]["reports"]["criteria"][0]
            ["all"][0] = json!({"yes": "99"})
    });
    assert_eq!(
        problem_of(&bad).1,
        FrameworkProblem::UnknownReference { id: "99".into() }
    );
    // Unknown fields are refused rather than ignored: a typo must not pass silently.
    let bad = edit(KPI, |v| {
        v["rubric"]["weighted"]["items"][0]["wieght"] = json!("5")
    });
    let (at, problem) = problem_of(&bad);
    assert_eq!(at, "rubric.weighted.items.0");
    assert!(matches!(problem, FrameworkProblem::UnknownField { field, .. } if field == "wieght"));
}

#[test]
fn says_where_a_file_is_misshapen_and_what_belongs_there() {
    use khanaen::error::Expected;
    type Case = (&'static str, fn(&mut Value), &'static str, FrameworkProblem);
    let cases: [Case; 7] = [
        (
            "missing field",
            |v| {
                drop(
                    v["rubric"]["weighted"]["items"][0]
                        .as_object_mut()
                        .unwrap()
                        .remove("name"),
                )
            },
            "rubric.weighted.items.0",
            FrameworkProblem::MissingField { field: "name" },
        ),
        (
            "text for a list",
            |v| v["editions"] = json!("2555"),
            "editions",
            FrameworkProblem::WrongKind {
                expected: Expected::List,
                got: "text",
            },
        ),
        (
            "a fraction for a whole number",
            |v| v["format"] = json!(1.5),
            "format",
            FrameworkProblem::WrongKind {
                expected: Expected::WholeNumber,
                got: "number",
            },
        ),
        (
            "a negative whole number",
            |v| v["editions"][0]["rounds"] = json!([-1]),
            "editions.0.rounds.0",
            FrameworkProblem::NumberOutOfRange {
                text: "-1".into(),
                max: 255,
            },
        ),
        (
            "a kind that carries data, named alone",
            |v| v["rubric"] = json!("weighted"),
            "rubric",
            FrameworkProblem::KindWithoutData {
                kind: "weighted".into(),
            },
        ),
        (
            "a kind that is not",
            |v| v["rubric"]["weighted"]["below_level_one"] = json!("two"),
            "rubric.weighted.below_level_one",
            FrameworkProblem::UnknownKind {
                got: "two".into(),
                known: vec!["zero", "one"],
            },
        ),
        (
            "a rubric of two kinds",
            |v| v["rubric"]["banded"] = json!({}),
            "rubric",
            FrameworkProblem::WrongKind {
                expected: Expected::OneKind,
                got: "object",
            },
        ),
    ];
    for (what, change, at, problem) in cases {
        let bad = edit(KPI, change);
        assert_eq!(problem_of(&bad), (at.to_owned(), problem), "{what}");
    }
    // A misshapen field is shown at its line and column too, for an editor
    // to go to: the name of a field the format does not have, the value of
    // one of the wrong kind.
    let typo = serde_json::to_string_pretty(&edit(KPI, |v| {
        v["rubric"]["weighted"]["items"][0]["wieght"] = json!("5");
        v["editions"][0]["rounds"] = json!("1");
    }))
    .unwrap();
    let place_of = |needle: &str| {
        let offset = typo.find(needle).unwrap();
        let line_start = typo[..offset].rfind('\n').map_or(0, |i| i + 1);
        let line = typo[..offset].matches('\n').count() + 1;
        (line, typo[line_start..offset].chars().count() + 1)
    };
    match Framework::load(&typo) {
        Err(Error::InvalidFramework(err)) => {
            assert_eq!(err.at, "editions.0.rounds");
            assert_eq!(err.place, Some(place_of("\"rounds\"")));
            let (line, column) = place_of("\"rounds\"");
            assert!(err.text().en.contains(&format!(
                "at editions.0.rounds (line {line}, column {column}): must be a list"
            )));
        }
        other => panic!("{other:?}"),
    }
    let typo = typo.replace("\"rounds\": \"1\"", "\"rounds\": [1]");
    match Framework::load(&typo) {
        Err(Error::InvalidFramework(err)) => {
            assert_eq!(err.at, "rubric.weighted.items.0");
            assert_eq!(err.place, Some(place_of("\"wieght\"")));
        }
        other => panic!("{other:?}"),
    }
    // A field given twice: which one was meant cannot be told.
    let twice = KPI.replacen("\"unit\":", "\"unit\": \"x\", \"unit\":", 1);
    match Framework::load(&twice) {
        // At the second of the two, on line 12: `  "unit": "x", "unit": …`.
        Err(Error::InvalidFramework(err)) => assert_eq!(
            (err.at.as_str(), err.place, err.problem),
            (
                "",
                Some((12, 16)),
                FrameworkProblem::DuplicateField {
                    field: "unit".into()
                }
            )
        ),
        other => panic!("{other:?}"),
    }
    // A kind the format does not have, at its own name.
    let unknown_kind =
        serde_json::to_string_pretty(&edit(KPI, |v| v["rubric"] = json!({"wieghted": {}})))
            .unwrap();
    match Framework::load(&unknown_kind) {
        Err(Error::InvalidFramework(err)) => {
            let offset = unknown_kind.find("\"wieghted\"").unwrap();
            let line = unknown_kind[..offset].matches('\n').count() + 1;
            assert_eq!(
                (err.at.as_str(), err.place.map(|(l, _)| l)),
                ("rubric", Some(line))
            );
        }
        other => panic!("{other:?}"),
    }
    // A kind without data may be written as an object, as serde read it.
    let object_form = edit(KPI, |v| {
        v["rubric"]["weighted"]["below_level_one"] = json!({"zero": null})
    });
    assert!(Framework::load(&object_form.to_string()).is_ok());
    // A syntax error says where, by line and column.
    match Framework::load("{\n  \"id\": \"x\",\n  oops\n}") {
        Err(Error::InvalidFramework(err)) => {
            assert_eq!((err.at.as_str(), err.place), ("", Some((3, 3))));
            assert!(err.text().en.contains("at line 3, column 3: "));
            assert!(err.text().th.contains("ที่ บรรทัด 3 คอลัมน์ 3: "));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn refuses_a_shared_denominator_of_an_indicator_that_is_not_a_percentage() {
    // Indicator 6 is a choice, 99 does not exist: neither divides by the committee.
    for id in ["6", "99"] {
        let bad = edit(SORSOCHOT, |v| {
            v["rubric"]["banded"]["shared_denominators"][0]["indicators"][1] = json!(id)
        });
        assert_eq!(
            problem_of(&bad),
            (
                "shared_denominators.committee".to_owned(),
                FrameworkProblem::UnknownReference { id: id.into() }
            )
        );
    }
}

#[test]
fn refuses_report_form_blanks_that_cannot_be_filled() {
    fn reports(v: &mut Value) -> &mut Value {
        &mut v["rubric"]["weighted"]["items"][0]["scoring"]["thresholds"]["reports"]
    }
    type Change<'a> = &'a dyn Fn(&mut Value);
    let cases: [(Change, &str, FrameworkProblem); 7] = [
        // Options whose ids differ only in case: "Sao" could never be chosen.
        (
            &|v| reports(v)["details"][0]["options"][1]["id"] = json!("MUNICIPALITY"),
            "item 3.2 reports details type",
            FrameworkProblem::AmbiguousOption {
                option: "municipality".into(),
            },
        ),
        // One option's label is another's id: typing it is ambiguous.
        (
            &|v| reports(v)["details"][0]["options"][0]["label"]["en"] = json!("sao"),
            "item 3.2 reports details type",
            FrameworkProblem::AmbiguousOption {
                option: "sao".into(),
            },
        ),
        // A name the browser cannot use as an object key.
        (
            &|v| reports(v)["items"][1]["details"][0]["id"] = json!("__proto__"),
            "item 3.2 reports item 2 __proto__",
            FrameworkProblem::ReservedDetailId {
                id: "__proto__".into(),
            },
        ),
        // A choice of one option.
        (
            &|v| {
                reports(v)["details"][0]["options"]
                    .as_array_mut()
                    .unwrap()
                    .truncate(1)
            },
            "item 3.2 reports details type",
            FrameworkProblem::DetailOptions,
        ),
        // A date with options.
        (
            &|v| {
                reports(v)["details"][2]["options"] =
                    json!([{"id": "a", "label": {"th": "ก", "en": "a"}}])
            },
            "item 3.2 reports details report_date",
            FrameworkProblem::DetailOptions,
        ),
        // Asked "when no" on item 1, a count with no yes or no.
        (
            &|v| reports(v)["items"][0]["details"][0]["when"] = json!("no"),
            "item 3.2 reports item 1 area",
            FrameworkProblem::DetailWhen,
        ),
        // Named like a part of the answer.
        (
            &|v| reports(v)["items"][1]["details"][0]["id"] = json!("answer"),
            "item 3.2 reports item 2 answer",
            FrameworkProblem::ReservedDetailId {
                id: "answer".into(),
            },
        ),
    ];
    for (change, at, problem) in cases {
        let bad = edit(KPI, change);
        assert_eq!(problem_of(&bad), (at.to_owned(), problem));
    }
}

#[test]
fn refuses_what_arithmetic_or_ranges_make_impossible() {
    fn band(v: &mut Value, indicator: usize, band: usize) -> &mut Value {
        &mut v["rubric"]["banded"]["categories"][0]["indicators"][indicator]["bands"][band]
    }
    fn kpi(v: &mut Value) -> &mut Value {
        &mut v["rubric"]["weighted"]["items"][0]["scoring"]["thresholds"]
    }
    type Change<'a> = &'a dyn Fn(&mut Value);
    let percent = |value: &str| FrameworkProblem::PercentOutOfRange {
        value: value.into(),
    };
    let cases: [(&str, Change, &str, FrameworkProblem); 18] = [
        // An id a form keys answers by may not be a name every object inherits,
        (
            SORSOCHOT,
            &|v| v["rubric"]["banded"]["categories"][0]["indicators"][1]["id"] = json!("toString"),
            "indicators",
            FrameworkProblem::BadId {
                id: "toString".into(),
            },
        ),
        // nor padded with spaces (requests are read trimmed).
        (
            SORSOCHOT,
            &|v| v["id"] = json!("mine "),
            "id",
            FrameworkProblem::BadId { id: "mine ".into() },
        ),
        (
            SORSOCHOT,
            &|v| v["editions"][1]["edition"] = json!("2567 "),
            "editions",
            FrameworkProblem::BadId { id: "2567 ".into() },
        ),
        (
            SORSOCHOT,
            &|v| v["editions"][1]["rounds"] = json!([1, 1]),
            "editions.2567.rounds",
            FrameworkProblem::DuplicateId { id: "1".into() },
        ),
        // Two levels of one number would be counted twice in a summary.
        (
            SORSOCHOT,
            &|v| v["rubric"]["banded"]["levels"][1]["level"] = json!(1),
            "levels",
            FrameworkProblem::DuplicateId { id: "1".into() },
        ),
        // "Above 100 %" is earned by no percentage.
        (
            SORSOCHOT,
            &|v| {
                band(v, 0, 2)["written"] = json!({"min": 100, "min_exclusive": true});
                v["rubric"]["banded"]["categories"][0]["indicators"][0]["cases"] = json!([]);
            },
            "indicator 1",
            FrameworkProblem::BandUnreachable { points: 3 },
        ),
        // An id a browser keeps rubrics under cannot be a reserved key.
        (
            SORSOCHOT,
            &|v| v["id"] = json!("__proto__"),
            "id",
            FrameworkProblem::BadId {
                id: "__proto__".into(),
            },
        ),
        // Points that would wrap the total to a small number.
        (
            SORSOCHOT,
            &|v| band(v, 0, 2)["points"] = json!(4_294_967_295u32),
            "indicators",
            FrameworkProblem::TotalTooLarge,
        ),
        // Two levels from 0, the first to the largest total: "max + 1" wraps to 0.
        (
            SORSOCHOT,
            &|v| {
                v["rubric"]["banded"]["levels"] = json!([
                    {"level": 1, "name": {"th": "ก", "en": "a"}, "min": 0, "max": 4_294_967_295u32},
                    {"level": 2, "name": {"th": "ข", "en": "b"}, "min": 0, "max": 69}
                ])
            },
            "levels",
            FrameworkProblem::LevelsDoNotCover { from: 23, to: 69 },
        ),
        (
            SORSOCHOT,
            &|v| v["rubric"]["banded"]["categories"] = json!([]),
            "categories",
            FrameworkProblem::NoIndicators,
        ),
        (
            SORSOCHOT,
            &|v| v["rubric"]["banded"]["categories"][1]["indicators"] = json!([]),
            "category 2",
            FrameworkProblem::NoIndicators,
        ),
        (
            KPI,
            &|v| v["rubric"]["weighted"]["items"] = json!([]),
            "items",
            FrameworkProblem::NoIndicators,
        ),
        (
            SORSOCHOT,
            &|v| band(v, 0, 2)["written"] = json!({"min": 170, "min_exclusive": true}),
            "indicator 1",
            percent("170"),
        ),
        (
            KPI,
            &|v| kpi(v)["thresholds"] = json!(["60", "65", "70", "75", "120"]),
            "item 3.2",
            percent("120"),
        ),
        (
            KPI,
            &|v| {
                kpi(v)["reports"]["criteria"][3]["all"][0]["percent_at_least"]["percent"] =
                    json!("130")
            },
            "item 3.2 reports 4",
            percent("130"),
        ),
        (
            VFM,
            &|v| {
                v["rubric"]["weighted"]["items"][1]["children"][0]["children"][0]["scoring"]
                    ["thresholds"]["matrix"]["indicators"][7]["target"] =
                    json!({"fixed": {"value": "180"}})
            },
            "item 2.1.1 matrix outcome-8",
            percent("180"),
        ),
        (
            SORSOCHOT,
            &|v| band(v, 0, 1)["written"] = json!({"min": 70, "max": 40}),
            "indicator 1",
            FrameworkProblem::WrittenRangeReversed,
        ),
        (
            KPI,
            &|v| kpi(v)["reports"]["items"][6]["percent_of"] = json!("7"),
            "item 3.2 reports",
            FrameworkProblem::PercentOfItself { id: "7".into() },
        ),
    ];
    for (base, change, at, problem) in cases {
        let bad = edit(base, change);
        assert_eq!(problem_of(&bad), (at.to_owned(), problem), "{bad}");
    }
}
