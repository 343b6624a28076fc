//! The WebAssembly build, in headless Chromium, gives the same results as the
//! native build: every example goes through the JavaScript-facing functions
//! and must match the snapshots the native tests check. The no-panic property
//! test runs here too, since a panic in WebAssembly kills the page.
//!
//! Run with `wasm-pack test --headless --chrome bindings --test wasm`.
#![cfg(target_arch = "wasm32")]

// The core's arbitrary requests, shared with its native property tests.
#[path = "../../crate/tests/support/arbitrary.rs"]
mod arbitrary;

use proptest::test_runner::{Config, TestRunner};
use serde::Serialize;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

macro_rules! example {
    ($stem:literal) => {
        (
            $stem,
            include_str!(concat!("../../examples/", $stem, ".json")),
            include_str!(concat!("../../examples/snapshots/", $stem, ".result.json")),
            include_str!(concat!("../../examples/snapshots/", $stem, ".th.csv")),
            include_str!(concat!("../../examples/snapshots/", $stem, ".en.csv")),
        )
    };
}

/// Every file under examples/ (the native example test checks this list is whole).
const EXAMPLES: &[(&str, &str, &str, &str, &str)] = &[
    example!("kpi-3.2-ministry-result"),
    example!("kpi-3.2-report-example"),
    example!("sorsochot-23-2564-incomplete"),
    example!("sorsochot-23-complete"),
    example!("sorsochot-23-remarks"),
    example!("value-for-money-2568"),
];

fn js(json: &str) -> JsValue {
    let value: serde_json::Value = serde_json::from_str(json).expect("valid JSON");
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .expect("converts to JS")
}

fn from_js(value: JsValue) -> serde_json::Value {
    serde_wasm_bindgen::from_value(value).expect("converts from JS")
}

#[wasm_bindgen_test]
fn every_example_scores_as_natively() {
    for (stem, request, result_json, th_csv, en_csv) in EXAMPLES {
        let scored = khanaen_wasm::score(js(request)).unwrap_or_else(|_| panic!("{stem} scores"));
        let expected: serde_json::Value =
            serde_json::from_str(result_json).expect("snapshot parses");
        assert_eq!(from_js(scored.clone()), expected, "{stem}: result object");
        let exported =
            khanaen_wasm::export_json(scored.clone()).unwrap_or_else(|_| panic!("{stem} exports"));
        assert_eq!(&exported, result_json, "{stem}: JSON export");
        let csv = khanaen_wasm::export_csv(scored.clone(), JsValue::UNDEFINED)
            .unwrap_or_else(|_| panic!("{stem} csv"));
        assert_eq!(&csv, th_csv, "{stem}: Thai CSV");
        let csv = khanaen_wasm::export_csv(scored, JsValue::from_str("en"))
            .unwrap_or_else(|_| panic!("{stem} csv en"));
        assert_eq!(&csv, en_csv, "{stem}: English CSV");
        let imported = khanaen_wasm::import_json(JsValue::from_str(result_json))
            .unwrap_or_else(|_| panic!("{stem} imports"));
        assert_eq!(
            from_js(imported),
            expected,
            "{stem}: import of the exported JSON"
        );
    }
}

#[wasm_bindgen_test]
fn frameworks_and_descriptions_cross_the_boundary() {
    let list = from_js(khanaen_wasm::frameworks().expect("lists"));
    let ids: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["sorsochot-23", "kpi-3.2", "codi-value-for-money"]);
    for id in ids {
        let described = from_js(khanaen_wasm::describe(id.into()).expect("describes"));
        assert_eq!(described["id"], id);
    }
    assert!(khanaen_wasm::describe("nope".into()).is_err());
    assert_eq!(khanaen_wasm::version(), khanaen::CORE_VERSION);
}

#[wasm_bindgen_test]
fn bad_requests_are_errors_not_traps() {
    assert!(khanaen_wasm::score(JsValue::from_str("text")).is_err());
    assert!(khanaen_wasm::score(JsValue::NULL).is_err());
    assert!(khanaen_wasm::score(JsValue::UNDEFINED).is_err());
    assert!(khanaen_wasm::import_json("{ not json".into()).is_err());
    assert!(khanaen_wasm::score_with_framework("{}".into(), js(r#"{"answers":{}}"#)).is_err());
    // NaN and Infinity only JavaScript can send: a field error, not a crash.
    let request = js(r#"{"framework":"sorsochot-23","answers":{"1":0}}"#);
    js_sys_set(&request, "answers", "1", f64::NAN);
    let result = from_js(khanaen_wasm::score(request).expect("scores"));
    assert!(result["errors"][0]["message"]["en"]
        .as_str()
        .unwrap()
        .contains("finite"));
}

/// Sets `object[outer][inner] = value` through the JavaScript object model.
fn js_sys_set(object: &JsValue, outer: &str, inner: &str, value: f64) {
    let outer_value = js_sys::Reflect::get(object, &JsValue::from_str(outer)).unwrap();
    js_sys::Reflect::set(
        &outer_value,
        &JsValue::from_str(inner),
        &JsValue::from_f64(value),
    )
    .unwrap();
}

/// JavaScript values read as serde-wasm-bindgen read them into the loose
/// tree before (issue 9 took it out of the module): the same tree, or a
/// refusal where it refused.
fn read_alike(value: &JsValue) {
    let ours = khanaen_wasm::tree::read(value);
    let theirs = serde_wasm_bindgen::from_value::<khanaen::Raw>(value.clone());
    match (&ours, &theirs) {
        // As written out: NaN equals no NaN.
        (Ok(a), Ok(b)) => assert_eq!(format!("{a:?}"), format!("{b:?}")),
        (Err(a), Err(b)) => assert_eq!(
            a.contains(khanaen::raw::TOO_DEEP),
            b.to_string().contains(khanaen::raw::TOO_DEEP),
            "{a} / {b}"
        ),
        _ => panic!("{value:?}: ours {ours:?}, serde-wasm-bindgen {theirs:?}"),
    }
}

#[wasm_bindgen_test]
fn javascript_values_read_as_before() {
    let object = js_sys::Object::new();
    let set = |target: &JsValue, key: &str, value: &JsValue| {
        js_sys::Reflect::set(target, &key.into(), value).unwrap();
    };
    set(&object, "a", &JsValue::UNDEFINED);
    set(&object, "ข", &JsValue::from_f64(-0.0));
    let holes = js_sys::Array::new_with_length(3);
    holes.set(1, JsValue::from_f64(f64::NAN));
    set(&object, "holes", &holes);
    let mut values = vec![
        object.into(),
        holes.into(),
        JsValue::from_f64(f64::INFINITY),
        JsValue::from_f64(2f64.powi(53) + 2.0),
        JsValue::from_f64(1.5),
        JsValue::from_f64(-7.0),
        JsValue::from_str("๗๐ %"),
        JsValue::TRUE,
        JsValue::NULL,
        js_sys::Date::new_0().into(),
        js_sys::Map::new()
            .set(&JsValue::from_f64(1.0), &JsValue::from_f64(2.0))
            .into(),
        js_sys::Set::new(&JsValue::UNDEFINED).into(),
        js_sys::Set::new(&js_sys::Array::of1(&"a".into())).into(),
        js_sys::ArrayBuffer::new(4).into(),
        js_sys::Uint8Array::new_with_length(4).into(),
        js_sys::Function::new_no_args("return 1").into(),
        js_sys::Symbol::for_("x").into(),
    ];
    // Nested to either side of the depth limit, as lists and as objects.
    for depth in [30, 31, 32, 33] {
        let (mut list, mut map) = (JsValue::from_f64(1.0), JsValue::from_f64(1.0));
        for _ in 0..depth {
            list = js_sys::Array::of1(&list).into();
            let next = js_sys::Object::new();
            set(&next, "value", &map);
            map = next.into();
        }
        values.extend([list, map]);
    }
    for value in &values {
        read_alike(value);
    }
    // Two it read that JSON cannot carry (JSON.stringify throws on the one
    // and writes `{}` for the other) are refused now, as not JSON values.
    let map = js_sys::Map::new().set(&"a".into(), &JsValue::from_f64(1.0));
    for value in [JsValue::from(map), js_sys::BigInt::from(10).into()] {
        assert!(serde_wasm_bindgen::from_value::<khanaen::Raw>(value.clone()).is_ok());
        assert!(khanaen_wasm::tree::read(&value).is_err());
    }
}

#[wasm_bindgen_test]
fn arbitrary_requests_never_trap() {
    let mut runner = TestRunner::new(Config {
        cases: 400,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&arbitrary::request(), |request| {
            // Through the JavaScript boundary, as the page calls it, for the
            // requests JavaScript can hold (not integers beyond 2^53)…
            if let Ok(value) = request.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            {
                read_alike(&value);
                // …a request that scores natively scores in the browser, its
                // result crossing back into JavaScript whole.
                let native = khanaen::score(&request).is_ok();
                let browser = khanaen_wasm::score(value.clone()).is_ok();
                proptest::prop_assert_eq!(native, browser);
                let _ = khanaen_wasm::export_csv(value, JsValue::UNDEFINED);
            }
            // …and the core's own properties.
            arbitrary::check(&request)
        })
        .expect("no request traps or changes on export");
}

/// A value nested `depth` levels deep, built in JavaScript as the page would.
fn nested(depth: usize) -> JsValue {
    let mut value: JsValue = js_sys::Array::new().into();
    for _ in 1..depth {
        let outer = js_sys::Array::new();
        outer.push(&value);
        value = outer.into();
    }
    value
}

fn request_with_answer(answer: &JsValue) -> JsValue {
    let request = js(r#"{"framework":"sorsochot-23","answers":{}}"#);
    let answers = js_sys::Reflect::get(&request, &"answers".into()).unwrap();
    js_sys::Reflect::set(&answers, &"1".into(), answer).unwrap();
    request
}

/// The error's code, as JavaScript sees it.
fn code(error: JsValue) -> String {
    js_sys::Reflect::get(&error, &"code".into())
        .unwrap()
        .as_string()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
fn deep_requests_are_refused_and_the_module_lives_on() {
    let valid = || js(include_str!("../../examples/sorsochot-23-complete.json"));
    for depth in [33, 100, 5_000, 50_000] {
        let request = request_with_answer(&nested(depth));
        assert_eq!(
            code(khanaen_wasm::score(request.clone()).unwrap_err()),
            "too_deep"
        );
        assert!(khanaen_wasm::export_json(request.clone()).is_err());
        assert!(khanaen_wasm::export_csv(request.clone(), JsValue::UNDEFINED).is_err());
        assert!(khanaen_wasm::score_with_framework(
            include_str!("../../crate/frameworks/sorsochot-23/framework.json").into(),
            request
        )
        .is_err());
        // The next valid call works.
        assert!(khanaen_wasm::frameworks().is_ok());
        assert!(khanaen_wasm::score(valid()).is_ok());
    }
    // A cycle is infinitely deep.
    let cycle = js_sys::Object::new();
    js_sys::Reflect::set(&cycle, &"self".into(), &cycle).unwrap();
    assert_eq!(
        code(khanaen_wasm::score(request_with_answer(&cycle.into())).unwrap_err()),
        "too_deep"
    );
    // Within the limit it is an ordinary field error.
    let result = from_js(khanaen_wasm::score(request_with_answer(&nested(20))).unwrap());
    assert_eq!(result["errors"][0]["path"], "/answers/1");
    assert!(khanaen_wasm::score(valid()).is_ok());
}
