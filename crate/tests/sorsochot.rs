//! ศอช.ต. 5 categories / 23 indicators, checked against SPEC §1 written out
//! independently of the rubric file: every indicator at and around each of
//! its boundaries, Decisions A–D, the totals and the levels.

use khanaen::raw::Raw;
use khanaen::result::{BandedScores, ScoreResult, Scores};

fn request(edition: &str, answers: &[(&str, Raw)]) -> Raw {
    let answers = answers
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect();
    let mut map = std::collections::BTreeMap::new();
    map.insert("framework".into(), Raw::text("sorsochot-23"));
    map.insert("edition".into(), Raw::text(edition));
    map.insert("answers".into(), Raw::Map(answers));
    if edition == "2567" {
        // Assessed twice a year: the round is part of a complete assessment (Decision I).
        let unit = [("round".to_string(), Raw::Int(1))].into_iter().collect();
        map.insert("unit".into(), Raw::Map(unit));
    }
    Raw::Map(map)
}

fn banded(result: &ScoreResult) -> &BandedScores {
    match &result.scores {
        Scores::Banded(b) => b,
        Scores::Weighted(_) => panic!("ศอช.ต. is banded"),
    }
}

/// Points and decisions for one answer to one indicator.
fn points(id: &str, answer: Raw) -> (u32, Vec<String>) {
    let result = khanaen::score(&request("2567", &[(id, answer.clone())])).expect("scores");
    assert!(
        result.errors.is_empty(),
        "{id} {answer:?}: {:?}",
        result.errors
    );
    let ind = banded(&result)
        .indicators
        .iter()
        .find(|i| &*i.id == id)
        .expect("indicator");
    let decisions = ind
        .decisions
        .iter()
        .filter_map(|d| d.decision.clone())
        .collect();
    (ind.points.expect("scored"), decisions)
}

fn counts(n: &str, d: &str) -> Raw {
    let mut map = std::collections::BTreeMap::new();
    map.insert("numerator".into(), Raw::text(n));
    map.insert("denominator".into(), Raw::text(d));
    Raw::Map(map)
}

/// (indicator, value, points) straight from the SPEC table.
const PERCENT_TABLE: &[(&str, &str, u32)] = &[
    ("1", "0", 1),
    ("1", "39.99", 1),
    ("1", "40", 2),
    ("1", "55", 2),
    ("1", "70", 2),
    ("1", "70.01", 3),
    ("1", "100", 3),
    ("2", "49.99", 1),
    ("2", "50", 2),
    ("2", "80", 2),
    ("2", "80.01", 3),
    ("3", "29.99", 1),
    ("3", "30", 2),
    ("3", "70", 2),
    ("3", "70.01", 3),
    ("4", "29.99", 1),
    ("4", "30", 2),
    ("4", "70", 2),
    ("4", "70.01", 3),
    ("11", "39.99", 1),
    ("11", "40", 2),
    ("11", "60", 2),
    ("11", "60.01", 3),
    ("15", "29.99", 1),
    ("15", "30", 2),
    ("15", "69.99", 2),
    ("15", "70", 3),
    ("15", "100", 3),
    ("20", "9.99", 1),
    ("20", "10", 2),
    ("20", "50", 2),
    ("20", "50.01", 3),
    ("21", "19.99", 1),
    ("21", "20", 2),
    ("21", "70", 2),
    ("21", "70.01", 3),
    ("22", "19.99", 1),
    ("22", "20", 2),
    ("22", "60", 2),
    ("22", "60.01", 3),
    ("23", "0", 1),
    ("23", "0.01", 2),
    ("23", "1", 2),
    ("23", "30", 2),
    ("23", "30.01", 3),
];

const COUNT_TABLE: &[(&str, u32, u32)] = &[
    ("5", 0, 1),
    ("5", 1, 1),
    ("5", 2, 2),
    ("5", 3, 3),
    ("5", 4, 3),
    ("8", 0, 1),
    ("8", 1, 1),
    ("8", 2, 2),
    ("8", 3, 3),
    ("8", 4, 3),
    ("9", 0, 1),
    ("9", 2, 1),
    ("9", 3, 2),
    ("9", 4, 2),
    ("9", 5, 3),
    ("9", 6, 3),
    ("10", 0, 1),
    ("10", 1, 2),
    ("10", 2, 3),
    ("10", 3, 3),
    ("12", 0, 1),
    ("12", 1, 2),
    ("12", 2, 3),
    ("12", 3, 3),
    ("13", 0, 1),
    ("13", 1, 2),
    ("13", 2, 2),
    ("13", 3, 3),
    ("14", 0, 1),
    ("14", 1, 2),
    ("14", 2, 3),
    ("14", 3, 3),
    ("16", 0, 1),
    ("16", 1, 2),
    ("16", 2, 2),
    ("16", 3, 3),
    ("17", 0, 1),
    ("17", 1, 2),
    ("17", 5, 2),
    ("17", 6, 3),
    ("18", 0, 1),
    ("18", 1, 1),
    ("18", 2, 2),
    ("18", 3, 2),
    ("18", 4, 3),
    ("18", 5, 3),
    ("19", 0, 1),
    ("19", 1, 1),
    ("19", 2, 2),
    ("19", 3, 2),
    ("19", 4, 3),
    ("19", 5, 3),
];

#[test]
fn percentage_indicators_at_and_around_every_boundary() {
    for (id, value, expected) in PERCENT_TABLE {
        assert_eq!(
            points(id, Raw::text(*value)).0,
            *expected,
            "indicator {id} at {value}%"
        );
    }
}

#[test]
fn count_indicators_at_and_around_every_boundary() {
    for (id, value, expected) in COUNT_TABLE {
        assert_eq!(
            points(id, Raw::Int(i64::from(*value))).0,
            *expected,
            "indicator {id} at {value}"
        );
    }
}

#[test]
fn choice_indicators() {
    for (id, choice, expected) in [
        ("6", "none", 1),
        ("6", "fund", 2),
        ("6", "fund_raising", 3),
        ("6", "ไม่มีกองทุน", 1),
        ("6", "has a fund", 2),
        ("7", "none", 1),
        ("7", "not_current", 2),
        ("7", "current", 3),
    ] {
        assert_eq!(
            points(id, Raw::text(choice)).0,
            expected,
            "indicator {id} {choice}"
        );
    }
}

#[test]
fn percentages_from_counts_compare_exactly() {
    // 7 of 10 is exactly 70: the 40–70 band, not "above 70".
    assert_eq!(points("1", counts("7", "10")).0, 2);
    assert_eq!(points("1", counts("71", "100")).0, 3);
    // 2 of 3 is 66.66…, 7 of 10 on a 70-band boundary elsewhere too.
    assert_eq!(points("21", counts("7", "10")).0, 2);
    assert_eq!(points("22", counts("2", "3")).0, 3);
    assert_eq!(points("11", counts("3", "5")).0, 2);
    assert_eq!(points("15", counts("7", "10")).0, 3);
}

#[test]
fn decision_a_value_on_two_bands_takes_the_higher() {
    assert_eq!(points("8", Raw::Int(3)), (3, vec!["A".into()]));
    assert_eq!(points("13", Raw::Int(1)), (2, vec!["A".into()]));
    assert_eq!(points("15", Raw::text("70")), (3, vec!["A".into()]));
    assert_eq!(points("15", counts("7", "10")), (3, vec!["A".into()]));
}

#[test]
fn decision_b_value_between_bands_stays_below() {
    assert_eq!(points("18", Raw::Int(1)), (1, vec!["B".into()]));
    assert_eq!(points("18", Raw::Int(3)), (2, vec!["B".into()]));
    assert_eq!(points("18", Raw::Int(7)), (3, vec!["B".into()]));
    assert_eq!(points("10", Raw::Int(5)), (3, vec!["B".into()]));
    assert_eq!(points("19", Raw::Int(9)), (3, vec!["B".into()]));
    // No decision where the document's own range settles it.
    assert_eq!(points("18", Raw::Int(2)), (2, vec![]));
    assert_eq!(points("12", Raw::Int(5)), (3, vec![]));
}

#[test]
fn decision_c_none_means_exactly_zero() {
    assert_eq!(points("23", Raw::text("0")), (1, vec![]));
    assert_eq!(points("23", counts("1", "200")), (2, vec!["C".into()]));
    assert_eq!(points("23", Raw::text("0.5")), (2, vec!["C".into()]));
    assert_eq!(points("10", Raw::Int(0)), (1, vec![]));
    assert_eq!(points("16", Raw::Int(1)), (2, vec![]));
}

fn all_at(value_for: impl Fn(&str) -> Raw) -> Vec<(String, Raw)> {
    (1..=23)
        .map(|i| (i.to_string(), value_for(&i.to_string())))
        .collect()
}

/// An answer earning `p` points on every indicator (choices by id, counts and percentages by value).
fn answer_for(id: &str, p: u32) -> Raw {
    match (id, p) {
        ("6", 1) | ("7", 1) => Raw::text("none"),
        ("6", 2) => Raw::text("fund"),
        ("6", _) => Raw::text("fund_raising"),
        ("7", 2) => Raw::text("not_current"),
        ("7", _) => Raw::text("current"),
        _ => {
            let low = PERCENT_TABLE
                .iter()
                .map(|(i, v, pts)| (*i, v.to_string(), *pts));
            let cnt = COUNT_TABLE
                .iter()
                .map(|(i, v, pts)| (*i, v.to_string(), *pts));
            let (_, v, _) = low
                .chain(cnt)
                .find(|(i, _, pts)| *i == id && *pts == p)
                .expect("table row");
            Raw::text(v)
        }
    }
}

fn total_and_level(points_per_indicator: &[u32]) -> (Option<u32>, Option<u32>) {
    let answers: Vec<(String, Raw)> = (1..=23)
        .map(|i| {
            (
                i.to_string(),
                answer_for(&i.to_string(), points_per_indicator[i - 1]),
            )
        })
        .collect();
    let refs: Vec<(&str, Raw)> = answers
        .iter()
        .map(|(k, v)| (k.as_str(), v.clone()))
        .collect();
    let result = khanaen::score(&request("2564", &refs)).expect("scores");
    let b = banded(&result);
    (b.total, b.level.as_ref().map(|l| l.level))
}

#[test]
fn totals_and_level_boundaries() {
    assert_eq!(total_and_level(&[1; 23]), (Some(23), Some(1)));
    assert_eq!(total_and_level(&[3; 23]), (Some(69), Some(3)));
    // 41 → level 1, 42 → level 2, 55 → level 2, 56 → level 3.
    let with_total = |total: u32| {
        let mut pts = [1u32; 23];
        let mut extra = total - 23;
        for p in pts.iter_mut() {
            let add = extra.min(2);
            *p += add;
            extra -= add;
        }
        pts
    };
    assert_eq!(total_and_level(&with_total(41)), (Some(41), Some(1)));
    assert_eq!(total_and_level(&with_total(42)), (Some(42), Some(2)));
    assert_eq!(total_and_level(&with_total(55)), (Some(55), Some(2)));
    assert_eq!(total_and_level(&with_total(56)), (Some(56), Some(3)));
}

#[test]
fn decision_d_incomplete_gives_partial_total_and_no_level() {
    let mut answers = all_at(|id| answer_for(id, 3));
    answers.retain(|(id, _)| id != "7" && id != "19");
    let refs: Vec<(&str, Raw)> = answers
        .iter()
        .map(|(k, v)| (k.as_str(), v.clone()))
        .collect();
    let result = khanaen::score(&request("2567", &refs)).expect("scores");
    let b = banded(&result);
    assert_eq!(result.missing, ["/answers/7", "/answers/19"]);
    assert!(!result.complete);
    assert_eq!(b.partial_total, 63);
    assert_eq!(b.total, None);
    assert_eq!(b.level, None);
    assert_eq!(
        result.notes.first().and_then(|n| n.decision.as_deref()),
        Some("D")
    );
    let cat2 = b
        .categories
        .iter()
        .find(|c| &*c.id == "2")
        .expect("category 2");
    assert_eq!(
        (cat2.points, cat2.scored, cat2.indicators, cat2.max_points),
        (9, 3, 4, 12)
    );
}

#[test]
fn decision_i_an_assessment_in_a_two_round_year_names_its_round() {
    let answers = all_at(|id| answer_for(id, 3));
    let refs: Vec<(&str, Raw)> = answers
        .iter()
        .map(|(k, v)| (k.as_str(), v.clone()))
        .collect();
    let with_round = |round: Raw| {
        let mut request = request("2567", &refs);
        if let Raw::Map(map) = &mut request {
            let unit = [("round".to_string(), round)].into_iter().collect();
            map.insert("unit".into(), Raw::Map(unit));
        }
        request
    };
    for blank in [Raw::Null, Raw::text(""), Raw::text("  ")] {
        let result = khanaen::score(&with_round(blank)).expect("scores");
        assert!(!result.complete);
        assert!(result.errors.is_empty());
        assert_eq!(result.missing, ["/unit/round"]);
        // The answers are all in: the total and level stand; only the round is missing.
        assert_eq!(
            (
                banded(&result).total,
                banded(&result).level.as_ref().map(|l| l.level)
            ),
            (Some(69), Some(3))
        );
        let decisions: Vec<_> = result
            .notes
            .iter()
            .filter_map(|n| n.decision.as_deref())
            .collect();
        assert_eq!(decisions, ["I"]);
    }
    let result = khanaen::score(&with_round(Raw::text("2"))).expect("scores");
    assert!(result.complete && result.missing.is_empty() && result.notes.is_empty());
    // An edition of one round needs none.
    let result = khanaen::score(&request("2564", &refs)).expect("scores");
    assert!(result.complete);
}

#[test]
fn both_editions_score_alike_and_name_their_source() {
    let answers = all_at(|id| answer_for(id, 2));
    let refs: Vec<(&str, Raw)> = answers
        .iter()
        .map(|(k, v)| (k.as_str(), v.clone()))
        .collect();
    let a = khanaen::score(&request("2564", &refs)).expect("2564");
    let b = khanaen::score(&request("2567", &refs)).expect("2567");
    assert_eq!(banded(&a).total, Some(46));
    assert_eq!(banded(&a), banded(&b));
    assert!(a.framework.source.th.contains("เชียงใหม่"));
    assert!(b.framework.source.th.contains("อุบลราชธานี"));
}
