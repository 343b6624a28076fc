//! Round against round, before against after: each unit's earlier
//! assessment beside its later one (ศอช.ต. round 1 and round 2; the มชช.
//! self-assessment before and after development, SPEC §4), indicator by
//! indicator, and for a collection how many units rose, stayed or fell a
//! level. Computed on exact values, for any framework.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Serialize;

use crate::collection::{listed_as, Collection, Entry, RoundKey, UnitKey, UnitNames};
use crate::exact::Exact;
use crate::framework::{Framework, Rubric};
use crate::outcome::{Measures, Outcome};
use crate::result::Score;
use crate::summary::EntryRef;
use crate::text::Text;
use crate::thai_order;

/// A value then or now: points of a banded indicator, or an OPDC score.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(untagged)]
pub enum Measure {
    Points(i64),
    Score(Score),
}

impl Measure {
    fn exact(&self) -> Exact {
        match self {
            Measure::Points(p) => Exact::int(*p),
            Measure::Score(s) => s.exact().clone(),
        }
    }

    /// `self − earlier`, in the same kind.
    fn change_from(&self, earlier: &Measure) -> Measure {
        match (self, earlier) {
            (Measure::Points(a), Measure::Points(b)) => Measure::Points(a - b),
            _ => Measure::Score(Score(self.exact().minus(&earlier.exact()))),
        }
    }
}

/// One indicator or item then and now (its name is in `Comparison::names`).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ChangeRow {
    pub id: Arc<str>,
    pub before: Option<Measure>,
    pub after: Option<Measure>,
    pub change: Option<Measure>,
}

/// One unit, earlier and later.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct UnitComparison {
    /// As the later assessment names it.
    pub unit: UnitNames,
    pub before: RoundKey,
    pub after: RoundKey,
    /// Each indicator or scored item, in rubric order.
    pub rows: Vec<ChangeRow>,
    /// The total (banded) or weighted score, when complete on that side.
    pub total: ChangeRow,
    pub level_before: Option<u32>,
    pub level_after: Option<u32>,
}

/// How many units went from one level to another.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Transition {
    pub from: u32,
    pub to: u32,
    pub count: u32,
}

/// An indicator's or item's name, once for the whole comparison rather
/// than in each of thousands of pairs.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct RowName {
    pub id: Arc<str>,
    pub name: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Comparison {
    /// The rows' names, in rubric order.
    pub names: Vec<RowName>,
    /// Every pair, unless the caller asked for the first few (`pair_count`
    /// says how many there are); units in the summary's order (Thai
    /// dictionary order of province, district and place).
    pub pairs: Vec<UnitComparison>,
    pub pair_count: usize,
    /// Units assessed only earlier, or only later (or more than once on a
    /// side), in the same order.
    pub only_before: Vec<EntryRef>,
    pub only_after: Vec<EntryRef>,
    /// Level from → to, over the pairs with a level on both sides.
    pub transitions: Vec<Transition>,
    pub rose: u32,
    pub stayed: u32,
    pub fell: u32,
}

/// A framework's rows, in the order outcomes list their values.
fn row_names(framework: &Framework) -> Vec<RowName> {
    match &framework.rubric {
        Rubric::Banded(rubric) => rubric
            .indicators()
            .map(|(_, i)| RowName {
                id: i.id.clone(),
                name: i.name.clone(),
            })
            .collect(),
        Rubric::Weighted(rubric) => rubric
            .all_items()
            .into_iter()
            .map(|(item, _, _)| RowName {
                id: item.id.as_str().into(),
                name: item.name.clone(),
            })
            .collect(),
    }
}

/// An outcome's value for each row, then its total and level.
fn measured(outcome: &Outcome) -> (Vec<Option<Measure>>, Option<Measure>, Option<u32>) {
    let points = |p: &Option<u32>| p.map(|p| Measure::Points(p.into()));
    let score = |s: &Option<Exact>| s.clone().map(|s| Measure::Score(Score(s)));
    let (rows, total) = match &outcome.measures {
        Measures::Banded(t) => (t.points.iter().map(points).collect(), points(&t.total)),
        Measures::Weighted(w) => (
            w.scores.iter().map(score).collect(),
            score(&w.weighted_score),
        ),
    };
    (rows, total, level(outcome))
}

/// An outcome's level: banded rubrics have levels, OPDC scores do not.
fn level(outcome: &Outcome) -> Option<u32> {
    match &outcome.measures {
        Measures::Banded(t) => t.level,
        Measures::Weighted(_) => None,
    }
}

fn change_row(id: Arc<str>, before: Option<Measure>, after: Option<Measure>) -> ChangeRow {
    let change = match (&before, &after) {
        (Some(b), Some(a)) => Some(a.change_from(b)),
        _ => None,
    };
    ChangeRow {
        id,
        before,
        after,
        change,
    }
}

/// One unit's earlier and later assessments, side by side (same framework,
/// whose rows `names` are).
pub fn compare_outcomes(before: &Outcome, after: &Outcome, names: &[RowName]) -> UnitComparison {
    let (rows_before, total_before, level_before) = measured(before);
    let (rows_after, total_after, level_after) = measured(after);
    let rows = names
        .iter()
        .zip(rows_before.into_iter().zip(rows_after))
        .map(|(row, (then, now))| change_row(row.id.clone(), then, now))
        .collect();
    UnitComparison {
        unit: UnitNames::of(after),
        before: RoundKey::of(before),
        after: RoundKey::of(after),
        rows,
        total: change_row(Arc::from("total"), total_before, total_after),
        level_before,
        level_after,
    }
}

/// Pairs each unit's entry in `before` with its entry in `after`.
pub fn compare_entries(before: &[&Entry], after: &[&Entry]) -> Comparison {
    compare_entries_first(before, after, None)
}

/// As `compare_entries`, with only the first `pairs` pairs written out (all
/// when `None`); the counts and level moves are over every pair. A page
/// shows a few hundred of a national roll-up's thousands.
pub fn compare_entries_first(
    before: &[&Entry],
    after: &[&Entry],
    pairs: Option<usize>,
) -> Comparison {
    let by_unit = |entries: &[&Entry]| {
        let mut map: BTreeMap<UnitKey, Vec<usize>> = BTreeMap::new();
        for (i, e) in entries.iter().enumerate() {
            map.entry(UnitKey::of(&e.outcome)).or_default().push(i);
        }
        map
    };
    let (earlier, mut later) = (by_unit(before), by_unit(after));
    // The rubric's rows, from any assessment compared (all share a framework).
    let names = before
        .iter()
        .chain(after)
        .next()
        .map(|e| row_names(&e.framework))
        .unwrap_or_default();
    let mut comparison = Comparison {
        names,
        pairs: Vec::new(),
        pair_count: 0,
        only_before: Vec::new(),
        only_after: Vec::new(),
        transitions: Vec::new(),
        rose: 0,
        stayed: 0,
        fell: 0,
    };
    // Units assessed once on each side pair up; the rest are listed apart.
    let mut paired: Vec<(&Outcome, &Entry)> = Vec::new();
    for (key, then) in earlier {
        match (then.as_slice(), later.remove(&key).as_deref()) {
            ([b], Some([a])) => paired.push((&before[*b].outcome, after[*a])),
            (then, now) => {
                let refs = |side: &[&Entry], ids: &[usize]| -> Vec<EntryRef> {
                    ids.iter().map(|i| EntryRef::of(side[*i])).collect()
                };
                comparison.only_before.extend(refs(before, then));
                comparison
                    .only_after
                    .extend(refs(after, now.unwrap_or_default()));
            }
        }
    }
    for ids in later.into_values() {
        comparison
            .only_after
            .extend(ids.iter().map(|i| EntryRef::of(after[*i])));
    }
    for list in [&mut comparison.only_before, &mut comparison.only_after] {
        *list = thai_order::sort_units(std::mem::take(list), |e| e.unit.listed_as());
    }
    let paired = thai_order::sort_units(paired, |(_, now)| {
        let u = &now.outcome.unit;
        listed_as(&u.province, &u.district, u.place())
    });
    comparison.pair_count = paired.len();
    let mut moves: BTreeMap<(u32, u32), u32> = BTreeMap::new();
    for (then, now) in &paired {
        if let (Some(from), Some(to)) = (level(then), level(&now.outcome)) {
            *moves.entry((from, to)).or_default() += 1;
        }
    }
    // Each pair's rows are its own framework's (files given may mix them).
    let mut names_of: BTreeMap<&str, Vec<RowName>> = BTreeMap::new();
    let shown = pairs.unwrap_or(paired.len());
    for (then, now) in paired.into_iter().take(shown) {
        let names = names_of
            .entry(&now.outcome.framework)
            .or_insert_with(|| row_names(&now.framework));
        comparison
            .pairs
            .push(compare_outcomes(then, &now.outcome, names));
    }
    for ((from, to), count) in moves {
        match to.cmp(&from) {
            std::cmp::Ordering::Greater => comparison.rose += count,
            std::cmp::Ordering::Equal => comparison.stayed += count,
            std::cmp::Ordering::Less => comparison.fell += count,
        }
        comparison.transitions.push(Transition { from, to, count });
    }
    comparison
}

/// Round against round within a collection: `framework`'s included entries
/// of `before` against those of `after`, the first `pairs` pairs written
/// out (all when `None`).
pub fn compare_rounds(
    collection: &Collection,
    framework: &str,
    before: RoundKey,
    after: RoundKey,
    pairs: Option<usize>,
) -> Comparison {
    let side = |key: RoundKey| -> Vec<&Entry> {
        collection
            .included()
            .filter(|e| e.outcome.framework == framework && RoundKey::of(&e.outcome) == key)
            .collect()
    };
    compare_entries_first(&side(before), &side(after), pairs)
}
