//! The province's summary (seed 000, attachment 3; SPEC Decision H): for each
//! fiscal year and round, how many units stand at each level, by district and
//! for the province, with percentages; every unit with its total; and per
//! indicator how many units earned each band, weakest first.
//!
//! Counted: complete assessments with no errors, once per unit, fiscal year
//! and round. Incomplete ones, ones with errors, and duplicates the user has
//! not resolved are listed apart and counted at no level.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::collection::{listed_as, Collection, Entry, Problem, RoundKey, Source, UnitNames};
use crate::exact::Exact;
use crate::framework::{Framework, Rubric};
use crate::outcome::Measures;
use crate::result::Percent;
use crate::text::Text;
use crate::thai_order;

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Summary {
    /// One per framework, fiscal year and round found, latest first.
    pub rounds: Vec<RoundSummary>,
    /// Entries left out of every count, and why.
    pub set_aside: Vec<SetAside>,
    /// Files and rows that could not be read as assessments.
    pub problems: Vec<Problem>,
    /// Groups of the same unit, fiscal year and round, for the user to resolve.
    pub duplicates: Vec<Vec<EntryRef>>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct RoundSummary {
    pub framework: String,
    pub framework_name: Text,
    pub fiscal_year: Option<u32>,
    pub round: Option<u8>,
    pub provinces: Vec<AreaCounts>,
    /// Every province together (the country, for a national roll-up).
    pub total: AreaCounts,
    pub units: Vec<UnitRow>,
    pub indicators: Vec<IndicatorSpread>,
    /// Indicator ids, the lowest mean points first: where support is needed.
    pub weakest: Vec<String>,
}

/// Level counts of one area; a province carries its districts.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct AreaCounts {
    pub name: String,
    /// Complete assessments counted.
    pub assessed: u32,
    pub levels: Vec<LevelCount>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub districts: Vec<AreaCounts>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct LevelCount {
    pub level: u32,
    pub name: Text,
    pub count: u32,
    /// count × 100 / assessed, shown to 2 decimals; none when nothing was assessed.
    pub percent: Option<Percent>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct UnitRow {
    pub entry: usize,
    pub province: String,
    pub district: String,
    pub place: String,
    pub total: u32,
    pub level: u32,
    /// Points per category, in rubric order.
    pub categories: Vec<u32>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct IndicatorSpread {
    pub id: String,
    pub name: Text,
    /// How many units earned each band's points, lowest band first.
    pub bands: Vec<BandCount>,
    /// Mean points over the units counted.
    pub mean: Option<Percent>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct BandCount {
    pub points: u32,
    pub count: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct EntryRef {
    pub entry: usize,
    pub source: Source,
    pub unit: UnitNames,
    pub fiscal_year: Option<u32>,
    pub round: Option<u8>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct SetAside {
    pub entry: EntryRef,
    pub why: Text,
}

impl Summary {
    /// The same summary with each round's units left out (most of its size
    /// for a large collection), copied without them.
    pub fn without_units(&self) -> Summary {
        let rounds = self.rounds.iter().map(|r| RoundSummary {
            framework: r.framework.clone(),
            framework_name: r.framework_name.clone(),
            fiscal_year: r.fiscal_year,
            round: r.round,
            provinces: r.provinces.clone(),
            total: r.total.clone(),
            units: Vec::new(),
            indicators: r.indicators.clone(),
            weakest: r.weakest.clone(),
        });
        Summary {
            rounds: rounds.collect(),
            set_aside: self.set_aside.clone(),
            problems: self.problems.clone(),
            duplicates: self.duplicates.clone(),
        }
    }
}

impl EntryRef {
    pub fn of(entry: &Entry) -> EntryRef {
        let round = RoundKey::of(&entry.outcome);
        EntryRef {
            entry: entry.id,
            source: entry.source.clone(),
            unit: UnitNames::of(&entry.outcome),
            fiscal_year: round.fiscal_year,
            round: round.round,
        }
    }
}

/// The summary of every banded assessment in the collection.
pub fn summarize(collection: &Collection) -> Summary {
    let duplicates = collection.duplicates();
    // By entry id (their place in the collection): a flag each, not a set.
    let mut in_duplicate = vec![false; collection.entries.len()];
    for &id in duplicates.iter().flatten() {
        if let Some(flag) = in_duplicate.get_mut(id) {
            *flag = true;
        }
    }
    let mut set_aside = Vec::new();
    let mut counted: BTreeMap<(&str, RoundKey), Vec<&Entry>> = BTreeMap::new();
    for entry in collection.included() {
        let why = if entry.outcome.has_errors {
            Some(Text::new("มีข้อผิดพลาด", "has errors"))
        } else if entry.outcome.round_missing {
            Some(Text::new("ไม่ได้ระบุครั้งที่ประเมิน", "the round is not given"))
        } else if !entry.outcome.complete {
            Some(Text::new("ยังประเมินไม่ครบ", "not yet complete"))
        } else if in_duplicate.get(entry.id) == Some(&true) {
            Some(Text::new(
                "ซ้ำกับแบบประเมินอื่นของหน่วยเดียวกัน ปีและครั้งเดียวกัน: โปรดเลือก",
                "a duplicate of another assessment of the same unit, year and round: choose one",
            ))
        } else if !matches!(entry.outcome.measures, Measures::Banded(_)) {
            Some(Text::new(
                "เกณฑ์แบบถ่วงน้ำหนัก ไม่นับระดับ",
                "a weighted framework: no levels to count",
            ))
        } else {
            None
        };
        match why {
            Some(why) => set_aside.push(SetAside {
                entry: EntryRef::of(entry),
                why,
            }),
            None => counted
                .entry((&entry.outcome.framework, RoundKey::of(&entry.outcome)))
                .or_default()
                .push(entry),
        }
    }
    let mut rounds: Vec<RoundSummary> = counted
        .into_iter()
        .filter_map(|((_, key), entries)| {
            // One id, one framework: a collection's catalog never holds two rubrics of an id.
            let framework = entries.first()?.framework.clone();
            round_summary(&framework, key, &entries)
        })
        .collect();
    rounds.sort_by(|a, b| {
        (b.fiscal_year, b.round, &a.framework).cmp(&(a.fiscal_year, a.round, &b.framework))
    });
    let entry_ref = |id: &usize| EntryRef::of(&collection.entries[*id]);
    Summary {
        rounds,
        set_aside,
        problems: collection.problems.clone(),
        duplicates: duplicates
            .iter()
            .map(|ids| ids.iter().map(entry_ref).collect())
            .collect(),
    }
}

fn round_summary(framework: &Framework, key: RoundKey, entries: &[&Entry]) -> Option<RoundSummary> {
    // Only banded results are counted (see `summarize`).
    let Rubric::Banded(rubric) = &framework.rubric else {
        return None;
    };
    let units: Vec<UnitRow> = entries
        .iter()
        .filter_map(|entry| {
            let Measures::Banded(s) = &entry.outcome.measures else {
                return None;
            };
            let u = &entry.outcome.unit;
            Some(UnitRow {
                entry: entry.id,
                province: u.province.clone(),
                district: u.district.clone(),
                place: u.place().to_owned(),
                total: s.total?,
                level: s.level?,
                categories: s.categories.clone(),
            })
        })
        .collect();
    let units = in_thai_order(units);
    let count = |name: &str, rows: &[UnitRow]| area(rubric, name, rows);
    let provinces = units
        .chunk_by(|a, b| a.province == b.province)
        .map(|rows| {
            let mut counts = count(&rows[0].province, rows);
            counts.districts = rows
                .chunk_by(|a, b| a.district == b.district)
                .map(|rows| count(&rows[0].district, rows))
                .collect();
            counts
        })
        .collect();
    let all = count("", &units);
    let indicators = spread(rubric, entries);
    let mut weakest: Vec<&IndicatorSpread> =
        indicators.iter().filter(|i| i.mean.is_some()).collect();
    weakest.sort_by(|a, b| a.mean.cmp(&b.mean).then_with(|| a.id.cmp(&b.id)));
    Some(RoundSummary {
        framework: framework.id.clone(),
        framework_name: framework.name.clone(),
        fiscal_year: key.fiscal_year,
        round: key.round,
        provinces,
        total: all,
        weakest: weakest.iter().take(5).map(|i| i.id.clone()).collect(),
        indicators,
        units,
    })
}

/// Units by province, then district, then place, in Thai dictionary order.
fn in_thai_order(units: Vec<UnitRow>) -> Vec<UnitRow> {
    thai_order::sort_units(units, |u| listed_as(&u.province, &u.district, &u.place))
}

/// Level counts of some units; the counts always add up to `assessed`.
fn area(rubric: &crate::framework::BandedRubric, name: &str, rows: &[UnitRow]) -> AreaCounts {
    let assessed = rows.len() as u32;
    let mut levels: Vec<LevelCount> = rubric
        .levels
        .iter()
        .map(|level| {
            let count = rows.iter().filter(|r| r.level == level.level).count() as u32;
            LevelCount {
                level: level.level,
                name: level.name.clone(),
                count,
                percent: share(count, assessed),
            }
        })
        .collect();
    // Highest level first, as attachment 3 lists them.
    levels.sort_by_key(|l| std::cmp::Reverse(l.level));
    AreaCounts {
        name: name.to_owned(),
        assessed,
        levels,
        districts: Vec::new(),
    }
}

/// part × 100 / whole, exact (shown to 2 decimals, half up).
fn share(part: u32, whole: u32) -> Option<Percent> {
    Exact::int(i64::from(part))
        .times(&Exact::hundred())
        .over(&Exact::int(i64::from(whole)))
        .map(Percent)
}

fn spread(rubric: &crate::framework::BandedRubric, entries: &[&Entry]) -> Vec<IndicatorSpread> {
    // Points earned per indicator, gathered in one pass over the entries. A
    // banded result lists its indicators in the rubric's order.
    let mut earned: Vec<Vec<u32>> = vec![Vec::new(); rubric.indicators().count()];
    for entry in entries {
        if let Measures::Banded(s) = &entry.outcome.measures {
            for (points, earned) in s.points.iter().zip(&mut earned) {
                earned.extend(*points);
            }
        }
    }
    rubric
        .indicators()
        .zip(earned)
        .map(|((_, indicator), earned)| {
            let sum: u64 = earned.iter().map(|p| u64::from(*p)).sum();
            IndicatorSpread {
                id: indicator.id.to_string(),
                name: indicator.name.clone(),
                bands: indicator
                    .bands
                    .iter()
                    .map(|band| BandCount {
                        points: band.points,
                        count: earned.iter().filter(|p| **p == band.points).count() as u32,
                    })
                    .collect(),
                mean: Exact::int(sum as i64)
                    .over(&Exact::int(earned.len() as i64))
                    .map(Percent),
            }
        })
        .collect()
}
