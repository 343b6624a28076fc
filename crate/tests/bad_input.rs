//! Bad input gets a clear error naming the indicator or field, in Thai and
//! English, and the rest of the request is still scored.

use khanaen::result::{FieldError, ScoreResult, Scores};
use khanaen::Error;

fn score(json: &str) -> ScoreResult {
    khanaen::score_json(json).expect("a field problem is not a request failure")
}

fn only_error(result: &ScoreResult) -> &FieldError {
    assert_eq!(result.errors.len(), 1, "{:#?}", result.errors);
    &result.errors[0]
}

fn sorsochot(answer_1: &str) -> ScoreResult {
    score(&format!(
        r#"{{"framework":"sorsochot-23","answers":{{"1":{answer_1},"2":"85"}}}}"#
    ))
}

/// The error names indicator 1 in both languages and says what is wrong.
fn assert_names_indicator_1(result: &ScoreResult, th: &str, en: &str) {
    let err = only_error(result);
    assert!(err.path.starts_with("/answers/1"), "{}", err.path);
    assert!(
        err.message.th.contains("ตัวชี้วัดที่ 1") && err.message.th.contains(th),
        "{}",
        err.message.th
    );
    assert!(
        err.message.en.contains("indicator 1") && err.message.en.contains(en),
        "{}",
        err.message.en
    );
    // Indicator 2 is still scored; 1 is listed as missing; no level.
    let Scores::Banded(b) = &result.scores else {
        panic!()
    };
    assert_eq!(b.indicators[1].points, Some(3));
    assert!(result.missing.iter().any(|m| m == "/answers/1"));
    assert!(!result.complete);
}

#[test]
fn each_bad_value_is_named() {
    let cases = [
        (r#"true"#, "ตัวเลข", "must be a number"),
        (r#"[1,2]"#, "ต้องเป็น", "must be"),
        (r#""""#, "ยังไม่ได้กรอก", "is empty"),
        (r#""   ""#, "ยังไม่ได้กรอก", "is empty"),
        (r#"null"#, "ยังไม่ได้กรอก", "is empty"),
        (r#""-5""#, "ติดลบ", "negative"),
        (r#"-5"#, "ติดลบ", "negative"),
        (r#""120""#, "ไม่เกิน 100", "cannot exceed 100"),
        (r#""100.5 %""#, "ไม่เกิน 100", "cannot exceed 100"),
        (r#""NaN""#, "NaN", "finite"),
        (r#""Infinity""#, "Infinity", "finite"),
        (r#""เจ็ดสิบ""#, "ไม่ใช่ตัวเลข", "is not a number"),
        (r#""70,5""#, "ไม่ใช่ตัวเลข", "is not a number"),
        (
            r#"{"numerator":"11","denominator":"10"}"#,
            "ตัวตั้งต้องไม่มากกว่าตัวหาร",
            "numerator cannot exceed",
        ),
        (
            r#"{"numerator":"1","denominator":"0"}"#,
            "ตัวหารต้องมากกว่า 0",
            "denominator must be above 0",
        ),
        (
            r#"{"numerator":"1.5","denominator":"3"}"#,
            "จำนวนเต็ม",
            "whole number",
        ),
        (r#"{"numerator":"7"}"#, "ตัวหาร", "denominator"),
        (
            r#"{"numerator":"-7","denominator":"10"}"#,
            "ติดลบ",
            "negative",
        ),
        (r#"{"value":"abc"}"#, "ไม่ใช่ตัวเลข", "is not a number"),
        (r#""1234567890123456""#, "ใหญ่เกินไป", "too large"),
    ];
    for (answer, th, en) in cases {
        assert_names_indicator_1(&sorsochot(answer), th, en);
    }
}

#[test]
fn what_officers_type_is_accepted() {
    for answer in [
        r#""๗๐""#,
        r#""70%""#,
        r#"" 70 ""#,
        r#""๗๐ %""#,
        r#"70"#,
        r#"{"value":"70"}"#,
        r#"{"numerator":"๗","denominator":"๑๐"}"#,
    ] {
        let result = sorsochot(answer);
        assert!(result.errors.is_empty(), "{answer}: {:?}", result.errors);
        let Scores::Banded(b) = &result.scores else {
            panic!()
        };
        assert_eq!(b.indicators[0].points, Some(2), "{answer}");
    }
    let result = score(r#"{"framework":"sorsochot-23","answers":{"17":"1,005"}}"#);
    assert!(result.errors.is_empty());
}

#[test]
fn counts_and_choices() {
    let result = score(r#"{"framework":"sorsochot-23","answers":{"5":"2.5"}}"#);
    assert!(only_error(&result)
        .message
        .en
        .contains("indicator 5: must be a whole number"));
    let result = score(r#"{"framework":"sorsochot-23","answers":{"5":"3%"}}"#);
    assert!(only_error(&result).message.en.contains("is not a number"));
    let result = score(r#"{"framework":"sorsochot-23","answers":{"6":"maybe"}}"#);
    let err = only_error(&result);
    assert!(
        err.message.en.contains("indicator 6")
            && err
                .message
                .en
                .contains("not one of the choices (none, fund, fund_raising)")
    );
    assert!(err.message.th.contains("ตัวชี้วัดที่ 6") && err.message.th.contains("ไม่อยู่ในรายการ"));
    let result = score(r#"{"framework":"sorsochot-23","answers":{"6":3}}"#);
    assert!(only_error(&result)
        .message
        .en
        .contains("indicator 6: must be text"));
}

#[test]
fn unknown_ids_and_unit_details() {
    let result = score(r#"{"framework":"sorsochot-23","answers":{"24":"5"}}"#);
    let err = only_error(&result);
    assert_eq!(err.path, "/answers/24");
    assert!(err.message.en.contains("“24”") && err.message.th.contains("ไม่มีตัวชี้วัดนี้"));
    let result = score(r#"{"framework":"sorsochot-23","edition":"2564","unit":{"round":2}}"#);
    let err = only_error(&result);
    assert_eq!(err.path, "/unit/round");
    assert!(err
        .message
        .en
        .contains("round “2” is not in this edition (allowed: 1)"));
    let result = score(r#"{"framework":"sorsochot-23","unit":{"date":"2024-11-20"}}"#);
    assert!(only_error(&result).message.th.contains("ปี ค.ศ."));
    let result = score(r#"{"framework":"sorsochot-23","unit":{"date":"31/02/2567"}}"#);
    assert_eq!(only_error(&result).path, "/unit/date");
    let result = score(r#"{"framework":"sorsochot-23","unit":{"tambon":{"x":1}}}"#);
    assert!(only_error(&result)
        .message
        .en
        .contains("unit: tambon: must be text"));
    let result = score(r#"{"framework":"sorsochot-23","answers":[1,2]}"#);
    assert_eq!(only_error(&result).path, "/answers");
}

#[test]
fn weighted_items_name_their_fields() {
    let result = score(r#"{"framework":"codi-value-for-money","answers":{"3.1":"6"}}"#);
    let err = only_error(&result);
    assert!(err
        .message
        .en
        .contains("item 3.1: the level must be between 1 and 5"));
    assert!(err.message.th.contains("ข้อ 3.1"));
    let result = score(r#"{"framework":"codi-value-for-money","answers":{"2.1.2":"ดีมาก"}}"#);
    assert!(only_error(&result)
        .message
        .en
        .contains("not one of the choices (lowest, low, moderate, high, very_high)"));
    let result = score(
        r#"{"framework":"codi-value-for-money","answers":{"2.1.1":{"matrix":{"outcome-6":{"value":"5.5"},"outcome-99":{"value":"1"}}}}}"#,
    );
    let messages: Vec<&str> = result.errors.iter().map(|e| &*e.message.en).collect();
    assert!(
        messages.iter().any(|m| m.contains("indicator outcome-99")
            && m.contains("no such indicator in the evaluation matrix")),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("outcome-6") && m.contains("must not exceed 5")),
        "{messages:?}"
    );
    let result = score(
        r#"{"framework":"codi-value-for-money","answers":{"2.1.1":{"matrix":{"outcome-1":{"numerator":"5","denominator":"10"}}}}}"#,
    );
    assert!(result
        .errors
        .iter()
        .any(|e| e.path == "/answers/2.1.1/matrix/outcome-1/previous"
            && e.message.th.contains("ผลครั้งก่อน")));
}

#[test]
fn unit_reports_name_the_unit_and_item() {
    let result = score(
        r#"{"framework":"kpi-3.2","answers":{"3.2":{"units":[{"name":"x","items":{
        "1":"3","2":"ok","3":"yes","4":"yes","5":"yes","6":{"answer":"yes","count":"10"},
        "7":{"answer":"yes","count":"12"},"8":{"answer":"no"},"9":"1"}}]}}}"#,
    );
    let paths: Vec<&str> = result.errors.iter().map(|e| e.path.as_str()).collect();
    assert!(paths.contains(&"/answers/3.2/units/0/items/2"), "{paths:?}");
    assert!(paths.contains(&"/answers/3.2/units/0/items/7"), "{paths:?}");
    assert!(paths.contains(&"/answers/3.2/units/0/items/9"), "{paths:?}");
    let item7 = result
        .errors
        .iter()
        .find(|e| e.path.ends_with("items/7"))
        .unwrap();
    assert!(item7
        .message
        .en
        .contains("unit 1, item 7: the numerator cannot exceed the denominator"));
    assert!(item7.message.th.contains("แห่งที่ 1 ข้อ 7"));
    let result = score(r#"{"framework":"kpi-3.2","answers":{"3.2":{"units":"many"}}}"#);
    assert!(only_error(&result).message.en.contains("must be a list"));
}

#[test]
fn request_level_failures_are_typed() {
    assert!(matches!(
        khanaen::score_json("not json"),
        Err(Error::MalformedRequest { .. })
    ));
    assert!(matches!(
        khanaen::score_json("[]"),
        Err(Error::MalformedRequest { .. })
    ));
    assert!(matches!(
        khanaen::score_json("{}"),
        Err(Error::MissingFramework)
    ));
    match khanaen::score_json(r#"{"framework":"nope"}"#) {
        Err(err @ Error::UnknownFramework { .. }) => {
            let text = err.text();
            assert!(
                text.en.contains("unknown framework “nope”") && text.en.contains("sorsochot-23")
            );
            assert!(text.th.contains("ไม่รู้จักเกณฑ์การประเมิน"));
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        khanaen::score_json(r#"{"framework":"sorsochot-23","edition":"2560"}"#),
        Err(Error::UnknownEdition { .. })
    ));
}

#[test]
fn remarks_travel_with_the_result_and_bad_ones_are_named() {
    let result = score(
        r#"{"framework":"sorsochot-23","answers":{"1":"80"},
            "remarks":{"1":" ทะเบียนกรรมการ ","99":"no such indicator","2":["a list"]},
            "remark":"ประเมินที่ศาลาประชาคม"}"#,
    );
    let Scores::Banded(b) = &result.scores else {
        panic!()
    };
    assert_eq!(b.indicators[0].remark, "ทะเบียนกรรมการ");
    assert_eq!(b.indicators[0].points, Some(3), "a remark changes no score");
    assert_eq!(result.remark, "ประเมินที่ศาลาประชาคม");
    let paths: Vec<&str> = result.errors.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(paths, ["/remarks/2", "/remarks/99"]);
    assert!(result.errors[1]
        .message
        .en
        .contains("remark on indicator “99”"));
    // Exported as CSV and read back, the remarks come back.
    let framework = khanaen::describe("sorsochot-23").unwrap();
    let csv = khanaen::export::csv::write(framework, &result, khanaen::Lang::Th);
    let mut collection = khanaen::collection::Collection::default();
    collection.add_file("one.csv", csv.as_bytes());
    let again = collection.entries[0].result().unwrap();
    let Scores::Banded(a) = &again.scores else {
        panic!()
    };
    assert_eq!(a.indicators[0].remark, "ทะเบียนกรรมการ");
    assert_eq!(again.remark, "ประเมินที่ศาลาประชาคม");
}

/// A KPI 3.2 unit report with the form's blanks beside its answers.
fn kpi_with(details: &str, item_2: &str, item_4: &str) -> ScoreResult {
    score(&format!(
        r#"{{"framework":"kpi-3.2","answers":{{"3.2":{{"units":[{{"name":"อบต.ก","details":{details},"items":{{
        "1":{{"count":"5","area":"หมู่บ้าน"}},"2":{item_2},"3":"yes","4":{item_4},"5":"yes",
        "6":{{"answer":"yes","count":"10"}},"7":{{"answer":"yes","count":"5"}},"8":{{"answer":"yes","count":"1"}}}}}}]}}}}}}"#
    ))
}

fn unit_report(result: &ScoreResult) -> &khanaen::result::UnitReportScore {
    let Scores::Weighted(w) = &result.scores else {
        panic!()
    };
    &w.items[0].reports.as_ref().unwrap().units[0]
}

#[test]
fn report_form_blanks_are_read_as_officers_write_them_and_kept_only_where_asked() {
    let result = kpi_with(
        r#"{"type":"เทศบาล","report_number":"๒","report_date":"25/6/55"}"#,
        r#"{"answer":"ไม่มี","due":"๓๐ มิ.ย. ๒๕๕๕"}"#,
        r#"{"answer":"ใช่","remaining":"3","due":"1/7/55"}"#,
    );
    assert!(result.errors.is_empty(), "{:#?}", result.errors);
    let unit = unit_report(&result);
    let pairs = |d: &[khanaen::result::DetailValue]| {
        d.iter()
            .map(|d| (d.id.clone(), d.value.clone()))
            .collect::<Vec<_>>()
    };
    let owned = |list: &[(&str, &str)]| {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        pairs(&unit.details),
        owned(&[
            ("type", "municipality"),
            ("report_number", "2"),
            ("report_date", "2555-06-25")
        ])
    );
    assert_eq!(pairs(&unit.items[0].details), owned(&[("area", "village")]));
    // Item 2 answered no: its "to be set up by" date is kept.
    assert_eq!(
        pairs(&unit.items[1].details),
        owned(&[("due", "2555-06-30")])
    );
    // Item 4 answered yes: "villages remaining" and "expected by" are not asked.
    assert!(unit.items[3].details.is_empty());
    // The blanks are never scored: criterion 1 fails on item 2 alone.
    assert_eq!(unit.criteria[0].met, Some(false));
}

#[test]
fn a_bad_report_form_blank_names_the_unit_item_and_blank() {
    let result = kpi_with(
        r#"{"type":"อำเภอ"}"#,
        r#"{"answer":"no","due":"soon"}"#,
        r#"{"answer":"no","remaining":"-1"}"#,
    );
    let paths: Vec<&str> = result.errors.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "/answers/3.2/units/0/details/type",
            "/answers/3.2/units/0/items/2/due",
            "/answers/3.2/units/0/items/4/remaining"
        ]
    );
    let due = &result.errors[1].message;
    assert!(
        due.th
            .contains("แห่งที่ 1 ข้อ 2 (ยังไม่มีคณะกรรมการ จะจัดตั้งให้เสร็จภายในวันที่)"),
        "{}",
        due.th
    );
    assert!(
        due.en
            .contains("unit 1, item 2 (no committee yet: to be set up by)"),
        "{}",
        due.en
    );
    // The answers are still judged: criterion 1 is not met (item 2 is no).
    assert_eq!(unit_report(&result).criteria[0].met, Some(false));
    // A misspelt blank is named, not dropped.
    let result = kpi_with(
        r#"{"tpye":"อบต."}"#,
        r#""yes""#,
        r#"{"answer":"no","remainig":"3"}"#,
    );
    let paths: Vec<&str> = result.errors.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "/answers/3.2/units/0/details/tpye",
            "/answers/3.2/units/0/items/4/remainig"
        ]
    );
    assert!(result.errors[1].message.en.contains("no such blank"));
    // A count beside a yes/no, and an answer under two names: named, not settled silently.
    let result = kpi_with(
        r#"{}"#,
        r#"{"answer":"no","count":"7"}"#,
        r#"{"answer":"yes","value":"no"}"#,
    );
    let paths: Vec<&str> = result.errors.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "/answers/3.2/units/0/items/2/count",
            "/answers/3.2/units/0/items/4"
        ]
    );
    assert!(result.errors[1].message.en.contains("given twice"));
    let result = kpi_with(r#""many""#, r#""yes""#, r#""yes""#);
    assert_eq!(only_error(&result).path, "/answers/3.2/units/0/details");
    assert!(only_error(&result).message.en.contains("must be an object"));
}
