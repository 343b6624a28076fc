//! OPDC scoring: the KPI 3.2 report form and its worked example, the KPI
//! value over many municipalities, the value-for-money tree with its
//! evaluation matrix (Decision E), and the floor below level 1 (Decision F).

mod support {
    pub mod shown;
}

use khanaen::result::{ItemScore, ScoreResult, Scores, UnitReportScore, WeightedScores};
use khanaen::Framework;
use support::shown::Shown;

fn score(json: &str) -> ScoreResult {
    khanaen::score_json(json).expect("scores")
}

fn weighted(result: &ScoreResult) -> &WeightedScores {
    match &result.scores {
        Scores::Weighted(w) => w,
        Scores::Banded(_) => panic!("weighted expected"),
    }
}

fn item<'a>(result: &'a ScoreResult, id: &str) -> &'a ItemScore {
    weighted(result)
        .items
        .iter()
        .find(|i| i.id == id)
        .expect("item")
}

/// Each criterion of a municipality's report and whether it is met.
fn criteria_met(unit: &UnitReportScore) -> Vec<(&str, Option<bool>)> {
    unit.criteria
        .iter()
        .map(|c| (c.id.as_str(), c.met))
        .collect()
}

#[test]
fn kpi_3_2_worked_example_fails_criterion_5() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/kpi-3.2-report-example.json"
    ))
    .unwrap();
    let result = score(&text);
    let reports = item(&result, "3.2").reports.as_ref().expect("reports");
    let unit = &reports.units[0];
    assert_eq!(unit.name, "อบต.เพียงพอ");
    assert_eq!(
        criteria_met(unit),
        [
            ("1", Some(true)),
            ("2", Some(true)),
            ("3", Some(true)),
            ("4", Some(true)),
            ("5", Some(false))
        ]
    );
    assert_eq!(unit.meets_all, Some(false));
    let item8 = unit.items.iter().find(|i| i.id == "8").unwrap();
    assert_eq!(item8.percent.shown().as_deref(), Some("13.89"));
    assert_eq!(item8.reported_percent.shown().as_deref(), Some("25"));
    let item7 = unit.items.iter().find(|i| i.id == "7").unwrap();
    assert_eq!(item7.percent.shown().as_deref(), Some("30"));
    // Exactly one warning: item 8's typed 25 % against 13.89 %; item 7's 30 % agrees.
    assert_eq!(unit.warnings.len(), 1);
    assert!(unit.warnings[0].text.en.contains("25") && unit.warnings[0].text.en.contains("13.89"));
    assert!(unit.warnings[0].text.th.contains("ข้อ 8"));
    // Default denominator 878.
    assert_eq!(reports.denominator.shown().as_deref(), Some("878"));
    assert_eq!(reports.meeting_all, 0);
}

#[test]
fn typed_percentages_agree_at_the_precision_written() {
    let unit = |reported: &str| {
        format!(
            r#"{{"framework":"kpi-3.2","answers":{{"3.2":{{"denominator":"1","units":[{{"name":"x","items":{{
            "1":"3","2":"yes","3":"yes","4":"yes","5":"yes","6":{{"answer":"yes","count":"36"}},
            "7":{{"answer":"yes","count":"18"}},"8":{{"answer":"yes","count":"5","reported_percent":"{reported}"}}}}}}]}}}}}}"#
        )
    };
    for (typed, agrees) in [
        ("27.78", true),
        ("28", true),
        ("27.8", true),
        ("27.7", false),
        ("25", false),
    ] {
        let result = score(&unit(typed));
        let warnings = &item(&result, "3.2").reports.as_ref().unwrap().units[0].warnings;
        assert_eq!(warnings.is_empty(), agrees, "typed {typed}");
    }
}

#[test]
fn kpi_value_over_many_municipalities() {
    let result = score(
        r#"{"framework":"kpi-3.2","answers":{"3.2":{"numerator":"640","denominator":"878"}}}"#,
    );
    let kpi = item(&result, "3.2");
    assert_eq!(kpi.result.shown().as_deref(), Some("72.89"));
    assert_eq!(kpi.score.shown().as_deref(), Some("3.5786"));
    assert_eq!(kpi.contribution.shown().as_deref(), Some("0.1789"));
    assert_eq!(
        weighted(&result).weighted_score.shown().as_deref(),
        Some("3.5786")
    );
    assert_eq!(
        weighted(&result).contribution.shown().as_deref(),
        Some("0.1789")
    );
    assert_eq!(weighted(&result).total_weight.to_string(), "5");
}

#[test]
fn kpi_from_unit_reports_counts_those_meeting_every_criterion() {
    let good = r#"{"name":"ก","items":{"1":"5","2":"yes","3":"yes","4":"yes","5":"yes","6":{"answer":"yes","count":"10"},"7":{"answer":"yes","count":"3"},"8":{"answer":"yes","count":"1"}}}"#;
    let bad = r#"{"name":"ข","items":{"1":"5","2":"yes","3":"no","4":"yes","5":"yes","6":{"answer":"yes","count":"10"},"7":{"answer":"yes","count":"3"},"8":{"answer":"yes","count":"1"}}}"#;
    let units = [good, good, good, bad].join(",");
    let result = score(&format!(
        r#"{{"framework":"kpi-3.2","answers":{{"3.2":{{"denominator":"5","units":[{units}]}}}}}}"#
    ));
    let reports = item(&result, "3.2").reports.as_ref().unwrap();
    assert_eq!((reports.meeting_all, reports.reported), (3, 4));
    assert_eq!(reports.percent.shown().as_deref(), Some("60"));
    assert_eq!(
        item(&result, "3.2").score.shown().as_deref(),
        Some("1.0000")
    );
    // A unit still missing an answer leaves the KPI unscored, naming the answer.
    let partial = r#"{"name":"ค","items":{"1":"5","2":"yes","3":"yes","4":"yes","5":"yes","6":{"answer":"yes","count":"10"},"7":{"answer":"yes","count":"3"}}}"#;
    let result = score(&format!(
        r#"{{"framework":"kpi-3.2","answers":{{"3.2":{{"units":[{good},{partial}]}}}}}}"#
    ));
    assert_eq!(item(&result, "3.2").score, None);
    assert_eq!(
        result.missing,
        ["/answers/3.2/units/1/items/8", "/answers/3.2"]
    );
}

#[test]
fn decision_f_below_level_one_scores_zero_by_default() {
    let result = score(r#"{"framework":"kpi-3.2","answers":{"3.2":"59.99"}}"#);
    let kpi = item(&result, "3.2");
    assert_eq!(kpi.score.shown().as_deref(), Some("0.0000"));
    assert_eq!(kpi.level, Some(0));
    assert_eq!(
        kpi.decisions.first().and_then(|d| d.decision.as_deref()),
        Some("F")
    );
    let result = score(r#"{"framework":"kpi-3.2","answers":{"3.2":"60"}}"#);
    assert!(item(&result, "3.2").decisions.is_empty());
}

/// A user rubric: one descending KPI, floored at 1, to show both settings.
const DESCENDING_FLOOR_ONE: &str = r#"{
  "format": 1, "id": "days-to-approve", "unit": "organisation",
  "name": {"th": "ระยะเวลาอนุมัติ", "en": "Days to approve"},
  "editions": [{"edition": "2568", "source": {"th": "ทดสอบ", "en": "test"}}],
  "decisions": [{"id": "F", "rule": "below_level_one", "text": {"th": "ต่ำกว่าระดับ 1 ได้ 1", "en": "below level 1 scores 1"}}],
  "rubric": {"weighted": {"total_weight": "100", "below_level_one": "one", "items": [
    {"id": "1", "name": {"th": "วัน", "en": "days"}, "weight": "100",
     "scoring": {"thresholds": {"input": "number", "thresholds": ["20", "18", "15", "12", "10"]}},
     "cases": [{"in": "16", "score": "2.6667"}, {"in": "25", "score": "1.0000"}, {"in": "9", "score": "5.0000"}]}
  ]}}
}"#;

#[test]
fn descending_thresholds_and_a_floor_of_one() {
    let framework = Framework::load(DESCENDING_FLOOR_ONE).expect("valid rubric");
    let request = |days: &str| {
        khanaen::score_with(
            &framework,
            &khanaen::export::json::read(&format!(r#"{{"answers":{{"1":"{days}"}}}}"#)).unwrap(),
        )
        .unwrap()
    };
    let r = request("25");
    assert_eq!(item(&r, "1").score.shown().as_deref(), Some("1.0000"));
    assert_eq!(item(&r, "1").decisions[0].decision.as_deref(), Some("F"));
    assert_eq!(
        weighted(&r).below_level_one,
        khanaen::framework::BelowLevelOne::One
    );
    assert_eq!(
        item(&request("13.5"), "1").score.shown().as_deref(),
        Some("3.5000")
    );
    assert_eq!(
        item(&request("10"), "1").score.shown().as_deref(),
        Some("5.0000")
    );
}

#[test]
fn value_for_money_weighted_tree() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/value-for-money-2568.json"
    ))
    .unwrap();
    let result = score(&text);
    assert!(result.complete, "{:?} {:?}", result.missing, result.errors);
    // 1 = (10 × 4.25 + 10 × 4.6) / 20
    assert_eq!(item(&result, "1").score.shown().as_deref(), Some("4.4250"));
    // 2.2.1 = (3 × 4.46 + 3 × 4.25) / 6
    assert_eq!(
        item(&result, "2.2.1").score.shown().as_deref(),
        Some("4.3550")
    );
    // 4.2 = (2.5 × 3 + 2.5 × 4) / 5
    assert_eq!(
        item(&result, "4.2").score.shown().as_deref(),
        Some("3.5000")
    );
    // 2.1.1 from the matrix: 7 of 13 met = 53.85 % → 1 + 3.846…/10
    let m = item(&result, "2.1.1");
    assert_eq!(
        m.matrix.as_ref().map(|x| (x.met, x.assessed)),
        Some((7, 13))
    );
    assert_eq!(m.result.shown().as_deref(), Some("53.85"));
    assert_eq!(m.score.shown().as_deref(), Some("1.3846"));
    // Total: Σ weight × score / 100 over exact scores, rounded once.
    assert_eq!(
        weighted(&result).weighted_score.shown().as_deref(),
        Some("3.4045")
    );
    assert_eq!(
        weighted(&result).contribution.shown().as_deref(),
        Some("3.4045")
    );
    // Every item carries its contribution: 3.1 at 4 with weight 20 → 0.8.
    assert_eq!(
        item(&result, "3.1").contribution.shown().as_deref(),
        Some("0.8000")
    );
}

#[test]
fn decision_e_previous_plus_ten_points() {
    let matrix = r#"{"framework":"codi-value-for-money","answers":{"2.1.1":{"matrix":{
        "outcome-1":{"numerator":"60","denominator":"100","previous":"50"},
        "outcome-4":{"value":"59.99","previous":"50"}}}}}"#;
    let result = score(matrix);
    let m = item(&result, "2.1.1").matrix.as_ref().unwrap();
    let o1 = m.indicators.iter().find(|i| i.id == "outcome-1").unwrap();
    assert_eq!(
        (o1.target.shown().as_deref(), o1.met),
        (Some("60"), Some(true))
    );
    assert_eq!(o1.decisions[0].decision.as_deref(), Some("E"));
    let o4 = m.indicators.iter().find(|i| i.id == "outcome-4").unwrap();
    assert_eq!(
        (o4.target.shown().as_deref(), o4.met),
        (Some("60"), Some(false))
    );
    // Eleven indicators unanswered: 2.1.1 stays unscored and each is named.
    assert_eq!(item(&result, "2.1.1").score, None);
    // Named as errors name them: ids hold dots, so paths are JSON Pointers.
    assert!(result
        .missing
        .iter()
        .any(|m| m == "/answers/2.1.1/matrix/outcome-2"));
    assert!(result.missing.iter().any(|m| m == "/answers/2.1.1"));
}

#[test]
fn incomplete_weighted_assessment_gives_partial_contribution_only() {
    let result = score(r#"{"framework":"codi-value-for-money","answers":{"1.1":"85","3.1":"4"}}"#);
    let w = weighted(&result);
    assert_eq!(w.weighted_score, None);
    assert_eq!(w.contribution, None);
    // (10 × 4.25 + 20 × 4) / 100
    assert_eq!(w.partial_contribution.to_string(), "1.2250");
    assert_eq!(item(&result, "1").score, None);
    assert_eq!(item(&result, "3").score.shown().as_deref(), Some("4.0000"));
    assert_eq!(result.notes[0].decision.as_deref(), Some("D"));
}

/// Item 7 "no" (no project went into the local plan) with item 8 "yes" and a
/// count: there is nothing of which item 8 could be 20 %, so criterion 5 is
/// not met, and the unit is judged, with a warning naming the two items.
#[test]
fn item_8_over_an_item_7_answered_no_fails_criterion_5() {
    let unit = r#"{"name":"ง","items":{"1":"5","2":"yes","3":"yes","4":"yes","5":"yes","6":{"answer":"yes","count":"10"},"7":"no","8":{"answer":"yes","count":"2"}}}"#;
    let result = score(&format!(
        r#"{{"framework":"kpi-3.2","answers":{{"3.2":{{"denominator":"1","units":[{unit}]}}}}}}"#
    ));
    assert!(result.complete, "{:?} {:?}", result.errors, result.missing);
    let reports = item(&result, "3.2").reports.as_ref().unwrap();
    let judged = &reports.units[0];
    assert_eq!(
        criteria_met(judged),
        [
            ("1", Some(true)),
            ("2", Some(true)),
            ("3", Some(true)),
            ("4", Some(false)),
            ("5", Some(false))
        ]
    );
    assert_eq!(judged.meets_all, Some(false));
    assert_eq!(reports.percent.shown().as_deref(), Some("0"));
    assert_eq!(
        item(&result, "3.2").score.shown().as_deref(),
        Some("0.0000")
    );
    let warning = &judged.warnings[0].text;
    assert!(
        warning.en.contains("item 8") && warning.en.contains("item 7"),
        "{}",
        warning.en
    );
    assert!(
        warning.th.contains("ข้อ 8") && warning.th.contains("ข้อ 7"),
        "{}",
        warning.th
    );
}
