//! Numbers at the documented limits (15 integer digits, 10 decimal places) in
//! every field of every built-in framework score exactly or give a field
//! error: never "NaN", never a failure of the whole request (issue: value
//! for money with counts of a few million gave `weighted_score: "NaN"`).
//!
//! Requests are generated from the rubrics themselves, so a field added to a
//! rubric is covered without touching this file. Weighted scores are checked
//! against an independent computation with big rationals.

mod support {
    pub mod shown;
}

use std::collections::BTreeMap;
use support::shown::Shown;

use khanaen::framework::{
    Framework, IndicatorInput, Item, MatrixTarget, MatrixValue, ReportItemKind, Rubric, Scoring,
    ThresholdInput,
};
use khanaen::raw::Raw;
use num_bigint::BigInt;
use num_rational::BigRational;
use proptest::prelude::*;
use proptest::strategy::BoxedStrategy;

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// A whole number up to 15 digits, mostly at the top of the range.
fn whole() -> BoxedStrategy<String> {
    prop_oneof![
        3 => "[1-9][0-9]{14}",
        2 => "[1-9][0-9]{5,8}",
        1 => "[0-9]{1,3}",
        1 => Just("999999999999999".to_owned()),
    ]
    .boxed()
}

/// Any non-negative number within the limits.
fn decimal() -> BoxedStrategy<String> {
    prop_oneof![
        2 => whole(),
        2 => "[1-9][0-9]{14}\\.[0-9]{10}",
        1 => "0\\.[0-9]{9}[1-9]",
        1 => "[0-9]{1,6}\\.[0-9]{1,10}",
    ]
    .boxed()
}

/// A percentage typed directly: 0 to 100 with up to 10 decimals.
fn typed_percent() -> BoxedStrategy<String> {
    prop_oneof![
        "[0-9]{1,2}\\.[0-9]{10}",
        "[0-9]{1,2}",
        Just("100".to_owned()),
        Just("0.0000000001".to_owned()),
    ]
    .boxed()
}

/// Two whole numbers, the first no larger than the second, the second above 0.
fn counts() -> BoxedStrategy<Raw> {
    (whole(), whole())
        .prop_map(|(a, b)| {
            let (a_num, b_num) = (big(&a), big(&b));
            let (num, den) = if a_num <= b_num { (a, b) } else { (b, a) };
            let den = if big(&den) == BigInt::from(0) {
                "1".to_owned()
            } else {
                den
            };
            map([
                ("numerator", Raw::Text(num)),
                ("denominator", Raw::Text(den)),
            ])
        })
        .boxed()
}

fn percent_answer() -> BoxedStrategy<Raw> {
    prop_oneof![counts(), typed_percent().prop_map(Raw::Text)].boxed()
}

fn level() -> BoxedStrategy<String> {
    prop_oneof![
        (1u8..5, "[0-9]{10}").prop_map(|(w, f)| format!("{w}.{f}")),
        (1u8..=5).prop_map(|w| w.to_string()),
    ]
    .boxed()
}

fn map<const N: usize>(entries: [(&str, Raw); N]) -> Raw {
    Raw::Map(
        entries
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect(),
    )
}

fn big(text: &str) -> BigInt {
    text.parse().expect("digits")
}

/// An answer for every indicator or scored item of `framework`.
fn answers(framework: &Framework) -> BoxedStrategy<BTreeMap<String, Raw>> {
    let mut parts: Vec<BoxedStrategy<(String, Raw)>> = Vec::new();
    match &framework.rubric {
        Rubric::Banded(rubric) => {
            for (_, ind) in rubric.indicators() {
                let answer = match ind.input {
                    IndicatorInput::Percent => percent_answer(),
                    IndicatorInput::Count => whole().prop_map(Raw::Text).boxed(),
                    IndicatorInput::Choice => {
                        let ids: Vec<String> = ind.choices.iter().map(|c| c.id.clone()).collect();
                        prop::sample::select(ids).prop_map(Raw::Text).boxed()
                    }
                };
                let id = ind.id.to_string();
                parts.push(answer.prop_map(move |a| (id.clone(), a)).boxed());
            }
        }
        Rubric::Weighted(rubric) => {
            for (item, _, _) in rubric.all_items() {
                if let Some(scoring) = &item.scoring {
                    let id = item.id.clone();
                    parts.push(
                        item_answer(scoring)
                            .prop_map(move |a| (id.clone(), a))
                            .boxed(),
                    );
                }
            }
        }
    }
    parts.prop_map(|pairs| pairs.into_iter().collect()).boxed()
}

fn item_answer(scoring: &Scoring) -> BoxedStrategy<Raw> {
    match scoring {
        Scoring::Thresholds {
            input,
            matrix,
            reports,
            ..
        } => {
            let direct = match input {
                ThresholdInput::Percent => percent_answer(),
                ThresholdInput::Number => decimal().prop_map(Raw::Text).boxed(),
            };
            if let Some(matrix) = matrix {
                let indicators: Vec<BoxedStrategy<(String, Raw)>> = matrix
                    .indicators
                    .iter()
                    .map(|ind| {
                        let id = ind.id.clone();
                        matrix_answer(&ind.value, &ind.target)
                            .prop_map(move |a| (id.clone(), a))
                            .boxed()
                    })
                    .collect();
                let sub = indicators
                    .prop_map(|pairs| map([("matrix", Raw::Map(pairs.into_iter().collect()))]))
                    .boxed();
                return prop_oneof![direct, sub].boxed();
            }
            if let Some(reports) = reports {
                let kinds: Vec<(String, ReportItemKind)> = reports
                    .items
                    .iter()
                    .map(|i| (i.id.clone(), i.kind))
                    .collect();
                let unit = (
                    prop::collection::vec(whole(), kinds.len()),
                    prop::collection::vec(any::<bool>(), kinds.len()),
                    prop::collection::vec(typed_percent(), kinds.len()),
                )
                    .prop_map(move |(mut numbers, yes, percents)| {
                        // Counts that shrink item by item mostly stay within their bases.
                        numbers.sort_by_key(|n| std::cmp::Reverse(big(n)));
                        let items = kinds
                            .iter()
                            .enumerate()
                            .map(|(i, (id, kind))| {
                                let answer = match kind {
                                    ReportItemKind::Count => Raw::Text(numbers[i].clone()),
                                    ReportItemKind::YesNo => Raw::Bool(yes[i] || i % 2 == 0),
                                    ReportItemKind::YesCount => map([
                                        ("answer", Raw::text("yes")),
                                        ("count", Raw::Text(numbers[i].clone())),
                                        ("reported_percent", Raw::Text(percents[i].clone())),
                                    ]),
                                };
                                (id.clone(), answer)
                            })
                            .collect();
                        map([("name", Raw::text("เทศบาล")), ("items", Raw::Map(items))])
                    });
                let sub = (prop::collection::vec(unit, 1..4), whole())
                    .prop_map(|(units, den)| {
                        let den = big(&den).max(BigInt::from(units.len())).to_string();
                        map([("units", Raw::List(units)), ("denominator", Raw::Text(den))])
                    })
                    .boxed();
                return prop_oneof![direct, sub].boxed();
            }
            direct
        }
        Scoring::NamedLevels { levels } => {
            let ids: Vec<String> = levels.iter().map(|l| l.id.clone()).collect();
            prop::sample::select(ids).prop_map(Raw::Text).boxed()
        }
        Scoring::Level { .. } => level().prop_map(Raw::Text).boxed(),
    }
}

fn matrix_answer(value: &MatrixValue, target: &MatrixTarget) -> BoxedStrategy<Raw> {
    let value: BoxedStrategy<Vec<(String, Raw)>> = match value {
        MatrixValue::Share { .. } => prop_oneof![
            counts().prop_map(|c| match c {
                Raw::Map(m) => m.into_iter().collect(),
                _ => Vec::new(),
            }),
            typed_percent().prop_map(|p| vec![("value".to_owned(), Raw::Text(p))]),
        ]
        .boxed(),
        MatrixValue::Ratio { .. } => (decimal(), decimal())
            .prop_map(|(n, d)| {
                let d = if d.trim_start_matches(['0', '.']).is_empty() {
                    "1".to_owned()
                } else {
                    d
                };
                vec![
                    ("numerator".to_owned(), Raw::Text(n)),
                    ("denominator".to_owned(), Raw::Text(d)),
                ]
            })
            .boxed(),
        MatrixValue::Count => whole()
            .prop_map(|v| vec![("value".to_owned(), Raw::Text(v))])
            .boxed(),
        MatrixValue::MeanScore { .. } => "[0-4]\\.[0-9]{10}"
            .prop_map(|v| vec![("value".to_owned(), Raw::Text(v))])
            .boxed(),
    };
    let extra: BoxedStrategy<Vec<(String, Raw)>> = match target {
        MatrixTarget::Fixed { .. } => Just(Vec::new()).boxed(),
        MatrixTarget::PreviousPlus { .. } => decimal()
            .prop_map(|p| vec![("previous".to_owned(), Raw::Text(p))])
            .boxed(),
        MatrixTarget::PreviousPlusGrowth => (decimal(), decimal())
            .prop_map(|(p, g)| {
                vec![
                    ("previous".to_owned(), Raw::Text(p)),
                    ("growth".to_owned(), Raw::Text(g)),
                ]
            })
            .boxed(),
    };
    (value, extra)
        .prop_map(|(v, e)| Raw::Map(v.into_iter().chain(e).collect()))
        .boxed()
}

fn request(id: &str, answers: BTreeMap<String, Raw>) -> Raw {
    map([("framework", Raw::text(id)), ("answers", Raw::Map(answers))])
}

/// What every request at the limits must give.
fn check(id: &str, answers: BTreeMap<String, Raw>) -> Result<(), TestCaseError> {
    let framework = khanaen::describe(id).expect("built in");
    let request = request(id, answers.clone());
    let result = khanaen::score(&request)
        .map_err(|e| TestCaseError::fail(format!("the whole request failed: {e}")))?;
    let json = khanaen::export::json::write(&result);
    prop_assert!(!json.contains("NaN"), "NaN in {json}");
    let csv = khanaen::export::csv::write(framework, &result, khanaen::Lang::En);
    prop_assert!(!csv.contains("NaN"), "NaN in the CSV");
    let value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    // Every answered field is scored, or has an error of its own.
    for answered in answers.keys() {
        let path = khanaen::error::FieldPath::of(["answers", answered]);
        let within = format!("{path}/");
        let erred = result
            .errors
            .iter()
            .any(|e| e.path == path || e.path.as_str().starts_with(&within));
        let scored = match &value["scores"]["kind"] {
            k if k == "banded" => value["scores"]["indicators"]
                .as_array()
                .unwrap()
                .iter()
                .any(|i| i["id"] == answered.as_str() && !i["points"].is_null()),
            _ => value["scores"]["items"]
                .as_array()
                .unwrap()
                .iter()
                .any(|i| i["id"] == answered.as_str() && !i["score"].is_null()),
        };
        prop_assert!(erred || scored, "{answered} neither scored nor in error");
    }
    prop_assert_eq!(
        result.complete,
        result.errors.is_empty() && result.missing.is_empty()
    );
    if let (Rubric::Weighted(rubric), true) = (&framework.rubric, result.complete) {
        if let Some(expected) = oracle(rubric, &answers) {
            prop_assert_eq!(
                value["scores"]["weighted_score"].as_str(),
                Some(expected.as_str())
            );
        }
    }
    Ok(())
}

// An independent OPDC computation over big rationals, for requests whose
// items are all answered directly (no matrix, no reports).

fn rational(text: &str) -> BigRational {
    let (int, frac) = text.split_once('.').unwrap_or((text, ""));
    let digits: BigInt = format!("{int}{frac}").parse().expect("digits");
    BigRational::new(digits, BigInt::from(10u8).pow(frac.len() as u32))
}

fn exact(e: &khanaen::exact::Exact) -> BigRational {
    rational(&e.to_plain())
}

fn oracle(
    rubric: &khanaen::framework::WeightedRubric,
    answers: &BTreeMap<String, Raw>,
) -> Option<String> {
    fn score(
        item: &Item,
        answers: &BTreeMap<String, Raw>,
        floor: &BigRational,
    ) -> Option<BigRational> {
        if !item.children.is_empty() {
            let mut sum = BigRational::from_integer(BigInt::from(0));
            for child in &item.children {
                sum += exact(&child.weight) * score(child, answers, floor)?;
            }
            return Some(sum / exact(&item.weight));
        }
        let answer = answers.get(&item.id)?;
        match item.scoring.as_ref()? {
            Scoring::Thresholds { thresholds, .. } => {
                let r = match answer {
                    Raw::Text(t) => rational(t),
                    Raw::Map(m) => match (m.get("numerator"), m.get("denominator")) {
                        (Some(Raw::Text(n)), Some(Raw::Text(d))) => {
                            rational(n) * BigInt::from(100) / rational(d)
                        }
                        _ => return None,
                    },
                    _ => return None,
                };
                let t: Vec<BigRational> = thresholds.iter().map(exact).collect();
                let ascending = t[0] < t[4];
                let reaches = |x: &BigRational| if ascending { &r >= x } else { &r <= x };
                if reaches(&t[4]) {
                    return Some(BigRational::from_integer(BigInt::from(5)));
                }
                for k in (0..4).rev() {
                    if reaches(&t[k]) {
                        let step = (&r - &t[k]) / (&t[k + 1] - &t[k]);
                        return Some(BigRational::from_integer(BigInt::from(k + 1)) + step);
                    }
                }
                Some(floor.clone())
            }
            Scoring::NamedLevels { levels } => {
                let Raw::Text(id) = answer else { return None };
                let index = levels.iter().position(|l| &l.id == id)?;
                Some(BigRational::from_integer(BigInt::from(index + 1)))
            }
            Scoring::Level { .. } => match answer {
                Raw::Text(t) => Some(rational(t)),
                _ => None,
            },
        }
    }
    let floor = exact(&rubric.below_level_one.score());
    let mut total = BigRational::from_integer(BigInt::from(0));
    for item in &rubric.items {
        total += exact(&item.weight) * score(item, answers, &floor)?;
    }
    let mean = total / exact(&rubric.total_weight);
    // 4 decimals, half up, for a non-negative value.
    let scaled = mean * BigInt::from(10_000);
    let rounded = (scaled + BigRational::new(BigInt::from(1), BigInt::from(2))).floor();
    let units = rounded.to_integer();
    Some(format!("{}.{:04}", &units / 10_000, &units % 10_000))
}

proptest! {
    #![proptest_config(config(300))]

    #[test]
    fn sorsochot_at_the_limits(answers in answers(khanaen::describe("sorsochot-23").unwrap())) {
        check("sorsochot-23", answers)?;
    }

    #[test]
    fn kpi_at_the_limits(answers in answers(khanaen::describe("kpi-3.2").unwrap())) {
        check("kpi-3.2", answers)?;
    }

    #[test]
    fn value_for_money_at_the_limits(answers in answers(khanaen::describe("codi-value-for-money").unwrap())) {
        check("codi-value-for-money", answers)?;
    }
}

/// Every item of value for money answered directly, percent items as counts.
fn value_for_money(counts: [(&str, &str); 6]) -> BTreeMap<String, Raw> {
    let percent_items = ["1.1", "1.2", "2.1.1", "2.2.1.1", "2.2.1.2", "2.2.2"];
    let levels = [
        ("2.1.2", "high"),
        ("3.1", "3.5"),
        ("4.1", "4"),
        ("4.2.1", "2.25"),
        ("4.2.2", "3"),
        ("4.3", "5"),
        ("4.4", "1.75"),
    ];
    percent_items
        .iter()
        .zip(counts)
        .map(|(id, (n, d))| {
            let answer = map([("numerator", Raw::text(n)), ("denominator", Raw::text(d))]);
            (id.to_string(), answer)
        })
        .chain(levels.iter().map(|(id, v)| (id.to_string(), Raw::text(*v))))
        .collect()
}

/// Scores `answers` and compares the weighted score with the oracle's.
fn scores_as_the_oracle(answers: BTreeMap<String, Raw>) {
    let framework = khanaen::describe("codi-value-for-money").unwrap();
    let Rubric::Weighted(rubric) = &framework.rubric else {
        unreachable!()
    };
    let expected = oracle(rubric, &answers).expect("all answered directly");
    let result = khanaen::score(&request("codi-value-for-money", answers)).expect("scores");
    assert!(result.complete, "{:?}", result.errors);
    let khanaen::result::Scores::Weighted(scores) = &result.scores else {
        unreachable!()
    };
    assert_eq!(
        scores.weighted_score.shown().as_deref(),
        Some(expected.as_str())
    );
    assert!(!khanaen::export::json::write(&result).contains("NaN"));
}

/// The case the review found: percent items as counts of a few million
/// gave `weighted_score: "NaN"`.
#[test]
fn value_for_money_with_millions_scores_exactly() {
    scores_as_the_oracle(value_for_money([
        ("6543217", "7654321"),
        ("5432109", "6789013"),
        ("7123457", "8765431"),
        ("4567891", "9876543"),
        ("8765433", "9012347"),
        ("3456791", "4567893"),
    ]));
}

/// Larger numbers failed the whole request as "too large to compute": a
/// case the property test above shrank to, the matrix behind 2.1.1 at the limits.
#[test]
fn fifteen_digit_inputs_are_not_a_whole_request_failure() {
    let request = khanaen::export::json::read(
        r#"{"framework":"codi-value-for-money","answers":{
        "1.1":{"numerator":"400000000000000","denominator":"400000000000001"},
        "1.2":{"numerator":"100000000000000","denominator":"100000000000000"},
        "2.1.1":{"matrix":{
          "impact-1":{"numerator":"68407301","denominator":"506117816808965","previous":"9.097526"},
          "impact-2":{"value":"47","previous":"0.7156094775"},
          "impact-3":{"value":"7.3188952354","previous":"984.62"},
          "impact-4":{"value":"100","previous":"767978040458376.8813496743"},
          "outcome-1":{"numerator":"100000000000000","denominator":"100000000000000","previous":"100000000000000"},
          "outcome-2":{"value":"100000000000000"},
          "outcome-3":{"value":"100000000000000","previous":"100000000000000","growth":"100000000000000"},
          "outcome-4":{"numerator":"100000000000000","denominator":"100000000000000","previous":"100000000000000"},
          "outcome-5":{"numerator":"100000000000000","denominator":"100000000000000","previous":"100000000000000"},
          "outcome-6":{"value":"0.0000000000"},
          "outcome-7":{"numerator":"100000000000000.0000000245","denominator":"386121938754011.5830612467"},
          "outcome-8":{"value":"3.3965702650"},
          "outcome-9":{"value":"0.0000000001","previous":"6"}}},
        "2.1.2":"lowest",
        "2.2.1.1":{"numerator":"17932802","denominator":"785614603163542"},
        "2.2.1.2":{"numerator":"235357","denominator":"429254835"},
        "2.2.2":{"numerator":"608228438371337","denominator":"998275605779066"},
        "3.1":"1.5568254622","4.1":"2.8870255943","4.2.1":"4.0705062932",
        "4.2.2":"1.7477014916","4.3":"1","4.4":"2.0988701905"}}"#,
    )
    .unwrap();
    let result = khanaen::score(&request).expect("the request scores");
    assert!(result.complete, "{:?}", result.errors);
    let khanaen::result::Scores::Weighted(scores) = &result.scores else {
        unreachable!()
    };
    // Outcome 2 (10^14 new model tambons against 77) and impact 2 (47 against
    // 0.7156094775 + 10) are met: 2 of 13 is 15.38 %, below level 1 (Decision F).
    let item = scores.items.iter().find(|i| i.id == "2.1.1").unwrap();
    let matrix = item.matrix.as_ref().unwrap();
    assert_eq!(
        (matrix.met, matrix.percent.shown().as_deref()),
        (2, Some("15.38"))
    );
    assert_eq!(item.score.shown().as_deref(), Some("0.0000"));
    assert_eq!(scores.weighted_score.shown().as_deref(), Some("1.8899"));
}
