//! Many files brought together (SPEC §1, Decisions G and H): the examples
//! under `examples/collections/` summarised and compared, as snapshots
//! (`UPDATE_SNAPSHOTS=1` rewrites them) and against counts worked out by hand;
//! the one-row-per-unit sheet as Excel writes it, and round trips.

use std::fs;
use std::path::{Path, PathBuf};

use khanaen::collection::{sheet, Collection, RoundKey};
use khanaen::compare::{self, Measure};
use khanaen::outcome::Outcome;
use khanaen::summary::{self, AreaCounts};
use khanaen::Lang;
use khanaen::ScoreResult;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/collections")
}

/// Every file under `paths` (folders read in name order), as the CLI reads them.
fn collection(paths: &[&str]) -> Collection {
    let mut collection = Collection::default();
    for path in paths {
        let full = dir().join(path);
        let mut files: Vec<PathBuf> = if full.is_dir() {
            fs::read_dir(&full)
                .unwrap()
                .map(|e| e.unwrap().path())
                .collect()
        } else {
            vec![full]
        };
        files.sort();
        for file in files {
            let name = file.strip_prefix(dir()).unwrap().display().to_string();
            collection.add_file(&name, &fs::read(&file).unwrap());
        }
    }
    assert_outcomes_agree(&collection);
    collection
}

/// Every entry scores again to a result whose outcome is the one the
/// collection keeps (tallied without building the result).
fn assert_outcomes_agree(collection: &Collection) {
    for entry in &collection.entries {
        let result = entry.result().unwrap();
        assert_eq!(Outcome::of(&result), entry.outcome, "{:?}", entry.source);
    }
}

/// The included entries' whole results.
fn results(collection: &Collection) -> Vec<ScoreResult> {
    collection.included().map(|e| e.result().unwrap()).collect()
}

fn snapshot(name: &str, actual: &str) {
    let path = dir().join("snapshots").join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, actual).unwrap();
        return;
    }
    let expected = fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} is missing (UPDATE_SNAPSHOTS=1)", path.display()));
    assert!(
        expected == actual,
        "{} differs (UPDATE_SNAPSHOTS=1 to accept)",
        path.display()
    );
}

fn json(value: &impl serde::Serialize) -> String {
    serde_json::to_string_pretty(value).unwrap() + "\n"
}

/// (assessed, [level 3, level 2, level 1]) of an area.
fn counts(area: &AreaCounts) -> (u32, Vec<u32>) {
    (area.assessed, area.levels.iter().map(|l| l.count).collect())
}

#[test]
fn the_province_sheet_by_district_and_round() {
    let collection = collection(&["ubon-province-sheet.csv"]);
    let summary = summary::summarize(&collection);
    snapshot("ubon-province.summary.json", &json(&summary));
    snapshot(
        "ubon-province.summary.th.csv",
        &khanaen::export::summary_csv::write(&summary, Lang::Th),
    );
    // Worked out by hand from the totals the rows were made with.
    let [round2, round1] = summary.rounds.as_slice() else {
        panic!("two rounds")
    };
    assert_eq!((round1.fiscal_year, round1.round), (Some(2567), Some(1)));
    let province = &round1.provinces[0];
    assert_eq!(counts(province), (9, vec![3, 3, 3]));
    let warin = province
        .districts
        .iter()
        .find(|d| d.name == "วารินชำราบ")
        .unwrap();
    assert_eq!(counts(warin), (6, vec![2, 2, 2]));
    assert_eq!(
        warin.levels[0].percent.as_ref().unwrap().to_string(),
        "33.33"
    );
    let round2_province = &round2.provinces[0];
    assert_eq!(counts(round2_province), (8, vec![4, 3, 1]));
    // Counts add up, in every district.
    for round in &summary.rounds {
        for district in &round.provinces[0].districts {
            let (assessed, levels) = counts(district);
            assert_eq!(levels.iter().sum::<u32>(), assessed);
        }
    }
    // Set aside, each with its reason: the duplicate pair, the incomplete
    // one, the one with an error; the unreadable row is a problem.
    let why: Vec<(&str, &str)> = summary
        .set_aside
        .iter()
        .map(|s| (s.entry.unit.place.as_str(), &*s.why.en))
        .collect();
    assert!(why.contains(&("สระสมิง", "not yet complete")));
    // All 23 answered, but no round in a year of two (Decision I).
    assert!(why.contains(&("ท่าลาด", "the round is not given")));
    assert!(why.contains(&("ไร่น้อย", "has errors")));
    // Listed as their files write them: "บุ่งไหม" and "ต.บุ่งไหม", one unit.
    assert_eq!(why.iter().filter(|(p, _)| p.ends_with("บุ่งไหม")).count(), 2);
    assert_eq!(summary.duplicates.len(), 1);
    let rows: Vec<Option<usize>> = summary.duplicates[0].iter().map(|e| e.source.row).collect();
    assert_eq!(rows, [Some(3), Some(20)], "“ต.บุ่งไหม” is บุ่งไหม");
    assert_eq!(summary.problems.len(), 1);
    assert_eq!(summary.problems[0].source.row, Some(23));
    assert!(summary.problems[0].message.th.contains("sorsochot-32"));
}

#[test]
fn resolving_a_duplicate_counts_the_one_kept() {
    let mut collection = collection(&["ubon-province-sheet.csv"]);
    let duplicates = collection.duplicates();
    collection.excluded.insert(duplicates[0][1]);
    let summary = summary::summarize(&collection);
    assert!(summary.duplicates.is_empty());
    // บุ่งไหม round 2 at 58 points (level 3) joins the count.
    assert_eq!(counts(&summary.rounds[0].provinces[0]), (9, vec![5, 3, 1]));
    // Round 1 against round 2 within the one sheet, as the page asks for it.
    let round = |round| RoundKey {
        fiscal_year: Some(2567),
        round: Some(round),
    };
    let comparison = compare::compare_rounds(&collection, "sorsochot-23", round(1), round(2), None);
    snapshot("ubon-province.comparison.json", &json(&comparison));
    // The page asks for a page of pairs: the same first pairs, the counts
    // and level moves over all of them.
    let first = compare::compare_rounds(&collection, "sorsochot-23", round(1), round(2), Some(2));
    assert!(comparison.pairs.len() > 2);
    assert_eq!(first.pairs, comparison.pairs[..2]);
    let counts = |c: &compare::Comparison| {
        (
            c.pair_count,
            c.rose,
            c.stayed,
            c.fell,
            c.transitions.clone(),
            c.only_before.len(),
            c.only_after.len(),
        )
    };
    assert_eq!(counts(&first), counts(&comparison));
    let paired = comparison.pairs.len() as u32;
    assert_eq!(
        comparison.rose + comparison.stayed + comparison.fell,
        paired
    );
}

#[test]
fn a_district_in_two_rounds_from_json_and_stacked_csv() {
    let both = collection(&["warin-round-1", "warin-round-2"]);
    assert!(both.problems.is_empty(), "{:?}", both.problems);
    // One stacked CSV holds two tambons.
    let from_stacked = both
        .entries
        .iter()
        .filter(|e| e.source.file.ends_with("kham-nam-saep-and-that.csv"))
        .count();
    assert_eq!(from_stacked, 2);
    let summary = summary::summarize(&both);
    snapshot("warin.summary.json", &json(&summary));
    // The district's counts match the province sheet's rows for it.
    let province = collection(&["ubon-province-sheet.csv"]);
    let in_sheet = summary::summarize(&province);
    for (a, b) in summary.rounds.iter().zip(&in_sheet.rounds) {
        let warin = |r: &summary::RoundSummary| {
            let d = r.provinces[0]
                .districts
                .iter()
                .find(|d| d.name == "วารินชำราบ")
                .unwrap();
            counts(d)
        };
        assert_eq!(warin(a), warin(b));
    }

    let (before, after) = (
        collection(&["warin-round-1"]),
        collection(&["warin-round-2"]),
    );
    let comparison = compare::compare_entries(
        &before.included().collect::<Vec<_>>(),
        &after.included().collect::<Vec<_>>(),
    );
    snapshot("warin.comparison.json", &json(&comparison));
    let moved: Vec<(&str, Option<u32>, Option<u32>)> = comparison
        .pairs
        .iter()
        .map(|p| (p.unit.place.as_str(), p.level_before, p.level_after))
        .collect();
    assert_eq!(
        moved,
        [
            // In Thai dictionary order: แสนสุข by its ส, before ห.
            ("คำน้ำแซบ", Some(1), Some(2)),
            ("ธาตุ", Some(3), Some(3)),
            ("แสนสุข", Some(2), Some(1)),
            ("ห้วยขะยุง", Some(3), Some(3)),
        ]
    );
    assert_eq!(
        (comparison.rose, comparison.stayed, comparison.fell),
        (1, 2, 1)
    );
    let only_before: Vec<&str> = comparison
        .only_before
        .iter()
        .map(|e| e.unit.place.as_str())
        .collect();
    assert_eq!(
        only_before,
        ["โนนผึ้ง", "บุ่งไหม"],
        "บุ่งไหม is a duplicate on the later side (the list in Thai order: โนน… by its น)"
    );
    // The same comparison within one collection, round against round.
    let within = compare::compare_rounds(
        &both,
        "sorsochot-23",
        RoundKey {
            fiscal_year: Some(2567),
            round: Some(1),
        },
        RoundKey {
            fiscal_year: Some(2567),
            round: Some(2),
        },
        None,
    );
    assert!(within.pairs == comparison.pairs, "the same pairs");
    assert_eq!(within.transitions, comparison.transitions);
    assert_eq!(within.only_before.len(), comparison.only_before.len());
}

#[test]
fn the_sheet_round_trips() {
    let original = collection(&["ubon-province-sheet.csv"]);
    let framework = khanaen::describe("sorsochot-23").unwrap();
    for lang in [Lang::Th, Lang::En] {
        let written = sheet::write(framework, &results(&original), lang);
        let mut again = Collection::default();
        again.add_file("again.csv", written.as_bytes());
        assert!(again.problems.is_empty(), "{:?}", again.problems);
        assert_eq!(again.entries.len(), original.entries.len());
        for (a, b) in original.entries.iter().zip(&again.entries) {
            assert_eq!(
                a.result().unwrap().scores,
                b.result().unwrap().scores,
                "{lang:?} {:?}",
                a.source
            );
            assert_eq!(a.result().unwrap().unit, b.result().unwrap().unit);
            assert_eq!(
                a.result().unwrap().errors.len(),
                b.result().unwrap().errors.len()
            );
        }
        // Written again, the sheet is the same, byte for byte.
        assert_eq!(sheet::write(framework, &results(&again), lang), written);
    }
}

#[test]
fn the_sheet_as_excel_saves_it() {
    let template = sheet::template(khanaen::describe("sorsochot-23").unwrap(), "2567", Lang::Th);
    let header = template
        .lines()
        .next()
        .unwrap()
        .trim_start_matches('\u{feff}');
    assert!(header.starts_with("เกณฑ์การประเมิน,ฉบับ,จังหวัด,อำเภอ,ตำบล"));
    assert!(header.contains(",1. ร้อยละของกรรมการ ศอช.ต."));
    // The blank template holds no assessment, and says so.
    let mut blank = Collection::default();
    blank.add_file("template.csv", template.as_bytes());
    assert_eq!((blank.entries.len(), blank.problems.len()), (0, 1));
    assert!(blank.problems[0].message.en.contains("only the header"));

    // Filled in Excel: no BOM, ";" (a locale with a decimal comma), Thai
    // digits, a quoted name with a comma, CRLF, the framework filled down.
    let mut header: Vec<String> = header.split(',').map(str::to_owned).collect();
    header.truncate(11);
    header.extend((1..=23).map(|i| i.to_string()));
    let values = "50;60;50;50;2;fund;current;2;3;1;50;1;2;1;50;1;3;2;2;30;50;40;20";
    let thai = "๕๐;๖๐;๕๐;๕๐;๒;มีกองทุน;current;๒;๓;๑;๕๐;๑;๒;๑;๕๐;๑;๓;๒;๒;๓๐;๕๐;๔๐;๒๐";
    let text = format!(
        "{}\r\nsorsochot-23;2567;อุบลราชธานี;วารินชำราบ;\"บุ่งไหม, ม.1\";;1;;20/11/66;;;{values}\r\n;;อุบลราชธานี;วารินชำราบ;ธาตุ;;1;;๒๐ พ.ย. ๒๕๖๖;;;{thai}\r\n",
        header.join(";")
    );
    let mut filled = Collection::default();
    filled.add_file("filled.csv", text.as_bytes());
    assert!(filled.problems.is_empty(), "{:?}", filled.problems);
    let [a, b] = filled.entries.as_slice() else {
        panic!("two rows")
    };
    assert_eq!(a.result().unwrap().unit.tambon, "บุ่งไหม, ม.1");
    assert_eq!(
        (
            a.result().unwrap().unit.date.as_str(),
            a.result().unwrap().unit.fiscal_year
        ),
        ("2566-11-20", Some(2567))
    );
    assert!(
        a.result().unwrap().complete && b.result().unwrap().complete,
        "{:?} {:?}",
        a.result().unwrap().errors,
        b.result().unwrap().errors
    );
    assert_eq!(
        a.result().unwrap().scores,
        b.result().unwrap().scores,
        "Thai digits and labels read the same"
    );
    assert_eq!(
        (b.source.row, b.result().unwrap().framework.id.as_str()),
        (Some(3), "sorsochot-23")
    );
}

#[test]
fn a_text_file_that_is_not_a_sheet_is_named_as_such() {
    let mut collection = Collection::default();
    collection.add_file("minutes.txt", "บันทึกการประชุม\nไม่ใช่แบบประเมิน\n".as_bytes());
    assert_eq!(collection.problems.len(), 1);
    assert!(collection.problems[0]
        .message
        .en
        .starts_with("not an assessment file"));
}

#[test]
fn a_file_that_is_not_an_assessment_is_a_problem_not_a_stop() {
    let mut c = Collection::default();
    c.add_file("notes.txt", "just some text\nnothing else".as_bytes());
    c.add_file("broken.json", b"{ not json");
    c.add_file("binary.bin", &[0xff, 0xfe, 0x00]);
    c.add_file(
        "ok.json",
        include_bytes!("../../examples/sorsochot-23-complete.json"),
    );
    assert_eq!(c.entries.len(), 1);
    let files: Vec<&str> = c.problems.iter().map(|p| p.source.file.as_str()).collect();
    assert!(
        files.contains(&"broken.json") && files.contains(&"binary.bin"),
        "{files:?}"
    );
    // A text with no framework column: its rows say so.
    assert!(c.problems.iter().any(|p| p.source.file == "notes.txt"));
}

#[test]
fn municipality_reports_roll_up_into_the_ministry_kpi() {
    use khanaen::result::Scores;
    use khanaen::roll_up::roll_up;
    let mut collection = collection(&["kpi-municipalities"]);
    let rolled = roll_up(&collection, "kpi-3.2", None).unwrap().unwrap();
    snapshot("kpi-municipalities.roll-up.json", &json(&rolled));
    assert_eq!(rolled.item, "3.2");
    assert_eq!(rolled.repeated, ["เทศบาลเมืองชุมแพ"]);
    assert_eq!(rolled.sources.len(), 5);
    let reports = |rolled: &khanaen::roll_up::RollUp| {
        let Scores::Weighted(s) = &rolled.result.scores else {
            panic!("weighted")
        };
        let r = s.items[0].reports.clone().unwrap();
        (
            r.meeting_all,
            r.reported,
            r.denominator.unwrap().to_string(),
        )
    };
    assert_eq!(reports(&rolled), (3, 5, "878".to_owned()));
    // Which criteria each failed: น้ำพอง criterion 3, พล criteria 4 and 5.
    let failed: Vec<(String, Vec<String>)> = match &rolled.result.scores {
        Scores::Weighted(s) => s.items[0]
            .reports
            .as_ref()
            .unwrap()
            .units
            .iter()
            .filter(|u| u.meets_all == Some(false))
            .map(|u| {
                (
                    u.name.clone(),
                    u.criteria
                        .iter()
                        .filter(|c| c.met == Some(false))
                        .map(|c| c.id.clone())
                        .collect(),
                )
            })
            .collect(),
        Scores::Banded(_) => unreachable!(),
    };
    assert_eq!(
        failed,
        [
            ("เทศบาลตำบลน้ำพอง".to_owned(), vec!["3".to_owned()]),
            (
                "เทศบาลเมืองพล".to_owned(),
                vec!["4".to_owned(), "5".to_owned()]
            ),
        ]
    );
    // The user removes the copy sent twice and sets the denominator: 2 of 4 is
    // 50 %, below level 1 (60 %), which scores 0 (Decision F).
    let again = collection
        .entries
        .iter()
        .find(|e| e.source.file.contains("again"))
        .unwrap()
        .id;
    collection.excluded.insert(again);
    let rolled = roll_up(&collection, "kpi-3.2", Some("4")).unwrap().unwrap();
    assert!(rolled.repeated.is_empty());
    assert_eq!(reports(&rolled), (2, 4, "4".to_owned()));
    let Scores::Weighted(s) = &rolled.result.scores else {
        panic!()
    };
    assert_eq!(
        s.weighted_score.as_ref().map(|s| s.to_string()).as_deref(),
        Some("0.0000")
    );
    // No reports, no roll-up; a banded framework has none.
    assert!(roll_up(&Collection::default(), "kpi-3.2", None)
        .unwrap()
        .is_none());
    assert!(roll_up(&collection, "sorsochot-23", None)
        .unwrap()
        .is_none());
}

/// The มชช. example (SPEC §4): four units, each on an example rubric of its
/// own target group, assessed before and after development. The files are
/// results exported with their rubrics: they re-open with no rubric file.
#[test]
fn own_rubrics_before_and_after_development() {
    let both = collection(&["mchch-lat-yao/before", "mchch-lat-yao/after"]);
    assert!(both.problems.is_empty(), "{:?}", both.problems);
    let ids: Vec<&str> = both.catalog.own().map(|f| f.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "example-mchch-community",
            "example-mchch-leader",
            "example-mchch-network",
            "example-mchch-organisation"
        ]
    );
    let rounds = |name: &str| {
        let side = collection(&[name]);
        let entries: Vec<_> = side.included().cloned().collect();
        entries
    };
    let (before, after) = (
        rounds("mchch-lat-yao/before"),
        rounds("mchch-lat-yao/after"),
    );
    let comparison = compare::compare_entries(
        &before.iter().collect::<Vec<_>>(),
        &after.iter().collect::<Vec<_>>(),
    );
    snapshot("mchch-lat-yao.comparison.json", &json(&comparison));
    let points = |side: &Option<Measure>| match side {
        Some(Measure::Points(p)) => *p,
        other => panic!("{other:?}"),
    };
    type Moved<'a> = (&'a str, i64, i64, Option<u32>, Option<u32>);
    let moved: Vec<Moved> = comparison
        .pairs
        .iter()
        .map(|p| {
            (
                p.unit.framework.as_str(),
                points(&p.total.before),
                points(&p.total.after),
                p.level_before,
                p.level_after,
            )
        })
        .collect();
    // Worked by hand from the answers and the example rubrics (levels 4–6, 7–9, 10–12).
    assert_eq!(
        moved,
        [
            // By the units' names, in Thai order: กลุ่ม…, เครือข่าย…, นาย…, บ้าน….
            ("example-mchch-organisation", 7, 10, Some(2), Some(3)),
            ("example-mchch-network", 8, 9, Some(2), Some(2)),
            ("example-mchch-leader", 5, 12, Some(1), Some(3)),
            ("example-mchch-community", 7, 11, Some(2), Some(3)),
        ]
    );
    assert_eq!(
        (comparison.rose, comparison.stayed, comparison.fell),
        (3, 1, 0)
    );
}

#[test]
fn own_rubrics_have_a_sheet_and_a_template_that_read_back() {
    let before = collection(&["mchch-lat-yao/before"]);
    let leader = "example-mchch-leader";
    let written = sheet::of_collection(&before, leader, Lang::Th).unwrap();
    let template = sheet::blank(&before.catalog, leader, Lang::En).unwrap();
    assert!(template.contains("\r\nexample-mchch-leader,"), "{template}");
    // Unknown to a collection without the rubric, read once it is added.
    let mut without = Collection::default();
    without.add_file("leader.csv", written.as_bytes());
    assert!(without.entries.is_empty() && !without.problems.is_empty());
    assert!(sheet::blank(&without.catalog, leader, Lang::Th).is_err());
    let mut again = Collection::default();
    let rubric = fs::read_to_string(dir().join("../rubrics/mchch-leader.json")).unwrap();
    again
        .add_rubric(
            khanaen::collection::Source {
                file: "mchch-leader.json".into(),
                row: None,
            },
            &rubric,
        )
        .unwrap();
    again.add_file("leader.csv", written.as_bytes());
    assert!(again.problems.is_empty(), "{:?}", again.problems);
    let original: Vec<_> = before
        .included()
        .filter(|e| e.outcome.framework == leader)
        .collect();
    assert_eq!(again.entries.len(), original.len());
    for (a, b) in original.iter().zip(&again.entries) {
        assert_eq!(a.result().unwrap().scores, b.result().unwrap().scores);
    }
    assert_eq!(
        sheet::of_collection(&again, leader, Lang::Th).unwrap(),
        written
    );
}

/// A copy of the complete example, of the tambon `tambon` (as written) in `round`.
fn assessment_of(tambon: &str, round: u8) -> Vec<u8> {
    let text = fs::read_to_string(dir().join("../sorsochot-23-complete.json")).unwrap();
    let mut request: serde_json::Value = serde_json::from_str(&text).unwrap();
    request["unit"]["tambon"] = tambon.into();
    request["unit"]["round"] = round.into();
    serde_json::to_vec(&request).unwrap()
}

#[test]
fn a_unit_written_two_ways_pairs_and_is_listed_by_its_bare_name() {
    let mut before = Collection::default();
    let mut after = Collection::default();
    for (i, tambon) in ["ห้วยขะยุง", "บุ่งไหม", "แสนสุข", "คำน้ำแซบ"].iter().enumerate()
    {
        before.add_file(&format!("r1-{i}.json"), &assessment_of(tambon, 1));
    }
    for (i, tambon) in ["ต.ห้วยขะยุง", "ตำบล บุ่งไหม", "แสนสุข"].iter().enumerate()
    {
        after.add_file(&format!("r2-{i}.json"), &assessment_of(tambon, 2));
    }
    let comparison = compare::compare_entries(
        &before.included().collect::<Vec<_>>(),
        &after.included().collect::<Vec<_>>(),
    );
    // Paired by the loose key, shown as the later file wrote them, listed
    // by the name without "ต." / "ตำบล": บ, ส, ห in Thai order.
    let places: Vec<&str> = comparison
        .pairs
        .iter()
        .map(|p| p.unit.place.as_str())
        .collect();
    assert_eq!(places, ["ตำบล บุ่งไหม", "แสนสุข", "ต.ห้วยขะยุง"]);
    let only: Vec<&str> = comparison
        .only_before
        .iter()
        .map(|e| e.unit.place.as_str())
        .collect();
    assert_eq!(only, ["คำน้ำแซบ"]);
    assert!(comparison.only_after.is_empty());

    // The summary lists them the same way.
    let summary = summary::summarize(&after);
    let listed: Vec<&str> = summary.rounds[0]
        .units
        .iter()
        .map(|u| u.place.as_str())
        .collect();
    assert_eq!(listed, places);
}
