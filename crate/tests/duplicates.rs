//! Duplicates (the same unit, fiscal year and round twice) are found with
//! borrowed keys and a hash. They must be exactly the groups a map of the
//! units' owned keys gives — in key order, each in the order its entries
//! came — for names written loosely ("ต.บุ่งไหม", "ตำบล  บุ่งไหม"), for
//! entries the user set aside, and for any mix of rounds and frameworks.

use std::collections::BTreeMap;

use khanaen::collection::{Collection, RoundKey, UnitKey};
use proptest::prelude::*;

/// The groups as a map of owned keys gives them (the way they were found before).
fn by_owned_keys(collection: &Collection) -> Vec<Vec<usize>> {
    let mut groups: BTreeMap<(UnitKey, RoundKey), Vec<usize>> = BTreeMap::new();
    for entry in collection.included() {
        let key = (UnitKey::of(&entry.outcome), RoundKey::of(&entry.outcome));
        groups.entry(key).or_default().push(entry.id);
    }
    groups.into_values().filter(|ids| ids.len() > 1).collect()
}

/// A name as officers write it: bare, with its prefix, spaced out.
fn written(
    prefixes: &'static [&'static str],
    names: &'static [&'static str],
) -> impl Strategy<Value = String> {
    (0..names.len(), 0..prefixes.len() + 1, 0..4usize).prop_map(move |(name, prefix, spacing)| {
        let name = names[name];
        let prefix = prefixes.get(prefix).copied().unwrap_or("");
        match spacing {
            0 => format!("{prefix}{name}"),
            1 => format!(" {prefix} {name} "),
            2 => format!("{prefix}{}", name.replace(' ', "   ")),
            _ => format!("{prefix}\t{name}"),
        }
    })
}

fn row() -> impl Strategy<Value = String> {
    (
        prop_oneof![Just("sorsochot-23"), Just("kpi-3.2")],
        written(&["จังหวัด", "จ."], &["อุบลราชธานี", "ศรีสะเกษ"]),
        written(&["อำเภอ", "อ.", "เขต"], &["วารินชำราบ", "เมือง"]),
        written(&["ตำบล", "ต.", "แขวง"], &["บุ่งไหม", "ท่าลาด", "โนน ผึ้ง"]),
        prop_oneof![Just(""), Just("1"), Just("2"), Just("๒")],
        prop_oneof![Just(""), Just("2567"), Just("2568")],
    )
        .prop_map(|(framework, province, district, tambon, round, year)| {
            let cell = |text: String| format!("\"{}\"", text.replace('"', "\"\""));
            [
                framework.to_owned(),
                province,
                district,
                tambon,
                round.to_owned(),
                year.to_owned(),
            ]
            .into_iter()
            .map(cell)
            .collect::<Vec<_>>()
            .join(",")
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn duplicates_are_the_groups_of_owned_keys(
        rows in prop::collection::vec(row(), 0..40),
        aside in prop::collection::vec(0..40usize, 0..6),
    ) {
        let header = "framework,province,district,tambon,round,fiscal_year";
        let text = format!("{header}\r\n{}\r\n", rows.join("\r\n"));
        let mut collection = Collection::default();
        collection.add_file("sheet.csv", text.as_bytes());
        for id in aside {
            collection.excluded.insert(id);
        }
        prop_assert_eq!(collection.duplicates(), by_owned_keys(&collection));
    }
}

#[test]
fn loosely_written_names_are_one_unit() {
    let text = "framework,province,district,tambon,round,fiscal_year\r\n\
                sorsochot-23,จ.อุบลราชธานี,อ.วารินชำราบ,ต.บุ่งไหม,1,2567\r\n\
                sorsochot-23,อุบลราชธานี,วารินชำราบ,ตำบล  บุ่งไหม,1,2567\r\n\
                sorsochot-23,อุบลราชธานี,วารินชำราบ,บุ่งไหม,2,2567\r\n\
                sorsochot-23,อุบลราชธานี,วารินชำราบ, บุ่งไหม ,1,2567\r\n";
    let mut collection = Collection::default();
    collection.add_file("sheet.csv", text.as_bytes());
    assert_eq!(collection.duplicates(), vec![vec![0, 1, 3]]);
    collection.excluded.insert(1);
    assert_eq!(collection.duplicates(), vec![vec![0, 3]]);
}
