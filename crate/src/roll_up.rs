//! Many units' report forms rolled up into one KPI: each municipality sends
//! its KPI 3.2 report form (seed 003), the ministry's value is the units
//! meeting all five criteria over the denominator (878 by default). Any
//! weighted framework whose item takes per-unit reports rolls up the same way.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::collection::{Collection, Source};
use crate::error::Error;
use crate::framework::{self, Rubric};
use crate::raw::Raw;
use crate::result::{ScoreResult, Scores};

/// The KPI of every unit report in a collection, scored as one assessment.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct RollUp {
    /// The item the reports are for (KPI 3.2's "3.2").
    pub item: String,
    /// The combined assessment: its item carries every unit's criteria.
    pub result: ScoreResult,
    /// Where each unit's report came from, in the order of the result's units.
    pub sources: Vec<Source>,
    /// Unit names reported more than once (each report is still counted:
    /// the user decides which file to remove).
    pub repeated: Vec<String>,
}

/// Rolls up the unit reports of `framework`'s included entries, over
/// `denominator` (the rubric's default when `None`). `None` when no entry
/// carries unit reports.
pub fn roll_up(
    collection: &Collection,
    framework: &str,
    denominator: Option<&str>,
) -> Result<Option<RollUp>, Error> {
    let rubric = framework::find(framework)?;
    let Rubric::Weighted(weighted) = &rubric.rubric else {
        return Ok(None);
    };
    let Some(item) = weighted
        .report_items()
        .first()
        .map(|(item, _)| item.id.clone())
    else {
        return Ok(None);
    };
    let mut units = Vec::new();
    let mut sources = Vec::new();
    let mut edition = None;
    for entry in collection
        .included()
        .filter(|e| e.outcome.framework == framework)
    {
        let scored = entry.result()?;
        let reported = scored
            .request
            .get("answers")
            .and_then(|a| a.get(&item))
            .and_then(|a| a.get("units"));
        if let Some(Raw::List(list)) = reported {
            edition.get_or_insert_with(|| scored.framework.edition.clone());
            for unit in list {
                units.push(unit.clone());
                sources.push(entry.source.clone());
            }
        }
    }
    let Some(edition) = edition else {
        return Ok(None);
    };
    let mut answer = BTreeMap::from([("units".to_owned(), Raw::List(units))]);
    if let Some(denominator) = denominator.filter(|d| !d.trim().is_empty()) {
        answer.insert("denominator".into(), Raw::text(denominator));
    }
    let request = Raw::Map(BTreeMap::from([
        ("framework".to_owned(), Raw::text(framework)),
        ("edition".to_owned(), Raw::text(edition)),
        (
            "answers".to_owned(),
            Raw::Map(BTreeMap::from([(item.clone(), Raw::Map(answer))])),
        ),
    ]));
    let result = crate::score(&request)?;
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    if let Scores::Weighted(scores) = &result.scores {
        let reports = scores.items.iter().filter_map(|i| i.reports.as_ref());
        for unit in reports.flat_map(|r| &r.units) {
            *seen.entry(unit.name.trim().to_owned()).or_default() += 1;
        }
    }
    Ok(Some(RollUp {
        item,
        result,
        sources,
        repeated: seen
            .into_iter()
            .filter(|(name, count)| *count > 1 && !name.is_empty())
            .map(|(name, _)| name)
            .collect(),
    }))
}
