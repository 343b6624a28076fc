//! Frameworks (rubrics) as data.
//!
//! A framework is a JSON file in the format documented in
//! `crate/frameworks/FORMAT.md`. The built-in ones are embedded at compile
//! time and go through the same loading and validation as a rubric a user
//! supplies: parse, check the structure, then run the examples the file
//! carries beside each indicator.

mod banded;
mod read;
mod validate;
mod weighted;

use std::sync::{Arc, OnceLock};

use serde::Serialize;

pub use banded::*;
pub use weighted::*;

use crate::error::{Error, FrameworkError, FrameworkProblem};
use crate::json_read::Json;
use crate::raw::Raw;
use crate::text::Text;

/// How deep a rubric file may nest: as deep as serde_json read them
/// (weighted items nest in items, each two levels). A request may nest
/// `raw::MAX_DEPTH`.
const RUBRIC_DEPTH: usize = 128;

/// The version of the rubric file format this core reads.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Framework {
    pub format: u32,
    pub id: String,
    pub name: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// What one assessment is about: "tambon", "municipality", "organisation".
    pub unit: String,
    pub editions: Vec<Edition>,
    /// The project's readings of ambiguous documents, shown where they apply.
    #[serde(default)]
    pub decisions: Vec<Decision>,
    pub rubric: Rubric,
    /// The ids a request may answer, sorted, gathered on first use: a
    /// request's answers (kept sorted) are checked against them in one walk.
    #[serde(skip)]
    answerable: OnceLock<Vec<String>>,
    /// A banded rubric's indicator ids, sorted, each with its place in
    /// rubric order, gathered on first use: a request's answers (kept
    /// sorted) are then found in one walk of both, not a search each.
    #[serde(skip)]
    indicators_by_id: OnceLock<Vec<(Arc<str>, usize)>>,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Edition {
    pub edition: String,
    pub source: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    /// Assessment rounds in a year; empty when the edition has none.
    #[serde(default)]
    pub rounds: Vec<u8>,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Decision {
    pub id: String,
    pub rule: DecisionRule,
    pub text: Text,
}

/// The situations a decision resolves; the scorer notes the decision whose
/// rule it applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum DecisionRule {
    /// A value lies in two written bands: the higher band wins.
    OverlappingBands,
    /// A value lies in no written band: it stays in the band below.
    BetweenBands,
    /// "None" means exactly zero; any positive value reaches the next band.
    NoneMeansZero,
    /// Total and level only when every indicator is scored.
    Incomplete,
    /// A target written "X+10" is the previous result plus 10 points.
    PreviousPlusPoints,
    /// What a result below the level-1 threshold scores.
    BelowLevelOne,
    /// An edition with two rounds a year: an assessment names its round.
    RoundRequired,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Rubric {
    Banded(BandedRubric),
    Weighted(WeightedRubric),
}

impl Framework {
    /// Parses a rubric file and checks its structure; `Framework::load`
    /// (in `score::cases`) also runs the examples it carries.
    pub(crate) fn parse(json: &str) -> Result<Framework, Error> {
        let json = json.strip_prefix('\u{feff}').unwrap_or(json);
        let file = crate::json_read::parse(json, RUBRIC_DEPTH, "nested more than 128 levels deep")
            .map_err(|err| {
                Error::InvalidFramework(Box::new(FrameworkError {
                    framework: "?".into(),
                    at: String::new(),
                    place: Some((err.line, err.column)),
                    problem: FrameworkProblem::Parse {
                        detail: err.problem,
                    },
                }))
            })?;
        // Named in the error when it can be: the last "id", if it is text.
        let id = match &file {
            Json::Object(fields) => match fields.iter().rev().find(|(name, ..)| name == "id") {
                Some((.., Json::Text(id))) => Some(id.to_string()),
                _ => None,
            },
            _ => None,
        };
        let framework =
            <Framework as read::FromJson>::read(file, read::At::Top).map_err(|err| {
                Error::InvalidFramework(Box::new(FrameworkError {
                    framework: id.unwrap_or_else(|| "?".into()),
                    place: Some(crate::json_read::line_column(json, err.offset)),
                    at: err.at,
                    problem: err.problem,
                }))
            })?;
        validate::framework(&framework).map_err(Error::InvalidFramework)?;
        Ok(framework)
    }

    pub fn edition(&self, wanted: Option<&str>) -> Result<&Edition, Error> {
        let found = match wanted.map(str::trim).filter(|w| !w.is_empty()) {
            // The latest edition when none is named.
            None => self.editions.last(),
            Some(wanted) => self.editions.iter().find(|e| e.edition == wanted),
        };
        found.ok_or_else(|| Error::UnknownEdition {
            framework: self.id.clone(),
            edition: wanted.unwrap_or_default().to_owned(),
            known: self.editions.iter().map(|e| e.edition.clone()).collect(),
        })
    }

    /// Whether a request may answer `id`: an indicator, or an item that
    /// carries a scoring rule.
    pub fn answers(&self, id: &str) -> bool {
        self.answerable()
            .binary_search_by(|a| a.as_str().cmp(id))
            .is_ok()
    }

    /// Hands `unknown` each key, given in sorted order (a request's
    /// answers), that no indicator or item of the framework answers.
    pub fn each_unanswerable<'a>(
        &self,
        sorted_keys: impl Iterator<Item = &'a str>,
        mut unknown: impl FnMut(&'a str),
    ) {
        let mut known = self.answerable().iter().peekable();
        for key in sorted_keys {
            while known.next_if(|id| id.as_str() < key).is_some() {}
            if known.peek().map(|id| id.as_str()) != Some(key) {
                unknown(key);
            }
        }
    }

    fn answerable(&self) -> &[String] {
        self.answerable.get_or_init(|| {
            let mut ids: Vec<String> = match &self.rubric {
                Rubric::Banded(rubric) => {
                    rubric.indicators().map(|(_, i)| i.id.to_string()).collect()
                }
                Rubric::Weighted(rubric) => rubric
                    .all_items()
                    .into_iter()
                    .filter(|(item, _, _)| item.scoring.is_some())
                    .map(|(item, _, _)| item.id.clone())
                    .collect(),
            };
            ids.sort();
            ids.dedup();
            ids
        })
    }

    /// The answer to each indicator of a banded rubric, in rubric order
    /// (nothing for other rubrics).
    pub fn answers_in_rubric_order<'a>(
        &self,
        sorted_answers: &[(&'a str, &'a Raw)],
    ) -> Vec<Option<&'a Raw>> {
        let by_id = self.indicators_by_id.get_or_init(|| match &self.rubric {
            Rubric::Banded(rubric) => {
                let mut ids: Vec<(Arc<str>, usize)> = rubric
                    .indicators()
                    .enumerate()
                    .map(|(at, (_, indicator))| (indicator.id.clone(), at))
                    .collect();
                ids.sort();
                ids
            }
            Rubric::Weighted(_) => Vec::new(),
        });
        let mut found = vec![None; by_id.len()];
        let mut given = sorted_answers.iter().copied().peekable();
        for (id, at) in by_id {
            while given.next_if(|(key, _)| *key < &**id).is_some() {}
            // Not consumed: an id twice (which validation refuses) finds it too.
            if let (Some((key, raw)), Some(slot)) = (given.peek(), found.get_mut(*at)) {
                if *key == &**id {
                    *slot = Some(*raw);
                }
            }
        }
        found
    }

    pub fn decision(&self, rule: DecisionRule) -> Option<&Decision> {
        self.decisions.iter().find(|d| d.rule == rule)
    }
}

/// The rubric files under `crate/frameworks/`, minified by `build.rs`, by
/// the id each declares (a test holds them to it).
const BUILT_IN: [(&str, &str); 3] = [
    (
        "sorsochot-23",
        include_str!(concat!(env!("OUT_DIR"), "/sorsochot-23.json")),
    ),
    (
        "kpi-3.2",
        include_str!(concat!(env!("OUT_DIR"), "/kpi-3.2-2555.json")),
    ),
    (
        "codi-value-for-money",
        include_str!(concat!(env!("OUT_DIR"), "/codi-value-for-money.json")),
    ),
];

/// Each built-in, loaded and validated the first time it is asked for:
/// scoring one framework reads that rubric only (a tablet's first scoring
/// does not wait for the other two). Its structure is checked then; the
/// built-ins' examples are run by the test suite (crate/tests/frameworks.rs),
/// not on every page load, where they would cost a tablet tens of
/// milliseconds.
static LOADED: [OnceLock<Result<Framework, Error>>; 3] =
    [OnceLock::new(), OnceLock::new(), OnceLock::new()];

/// The built-in in `slot`, from its rubric `json`: parsed the first time.
fn load(
    slot: &'static OnceLock<Result<Framework, Error>>,
    json: &str,
) -> Result<&'static Framework, Error> {
    slot.get_or_init(|| Framework::parse(json))
        .as_ref()
        .map_err(Clone::clone)
}

/// The built-in of `id`, loaded; `None` when no built-in has that id.
fn named(id: &str) -> Option<Result<&'static Framework, Error>> {
    let id = id.trim();
    let (slot, (_, json)) = LOADED
        .iter()
        .zip(BUILT_IN)
        .find(|(_, (named, _))| *named == id)?;
    Some(load(slot, json))
}

/// The frameworks that ship with the core, every one loaded.
pub fn built_in() -> Result<Vec<&'static Framework>, Error> {
    LOADED
        .iter()
        .zip(BUILT_IN)
        .map(|(slot, (_, json))| load(slot, json))
        .collect()
}

/// Whether `framework` is one of the built-ins (the very one, not a copy).
pub fn is_built_in(framework: &Framework) -> bool {
    matches!(named(&framework.id), Some(Ok(built_in)) if std::ptr::eq(built_in, framework))
}

/// Finds a built-in framework by id, loading that one only.
pub fn find(id: &str) -> Result<&'static Framework, Error> {
    named(id).unwrap_or_else(|| {
        Err(Error::UnknownFramework {
            id: id.trim().to_owned(),
            known: BUILT_IN.iter().map(|(id, _)| (*id).to_owned()).collect(),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn each_built_in_is_listed_under_the_id_it_declares() {
        for (id, json) in BUILT_IN {
            assert_eq!(Framework::parse(json).unwrap().id, id);
            assert_eq!(find(id).unwrap().id, id);
            assert!(is_built_in(find(id).unwrap()));
        }
        let copy = Framework::parse(BUILT_IN[0].1).unwrap();
        assert!(!is_built_in(&copy), "a copy is not the built-in");
        assert!(
            matches!(find("nope"), Err(Error::UnknownFramework { known, .. }) if known.len() == 3)
        );
    }

    #[test]
    fn answers_in_rubric_order_are_the_answers_looked_up_one_by_one() {
        let framework = find("sorsochot-23").unwrap();
        let Rubric::Banded(rubric) = &framework.rubric else {
            panic!("sorsochot-23 is banded");
        };
        // Some indicators answered, some not, and ids of no indicator
        // before, between and after them in sorted order.
        let answers: BTreeMap<String, Raw> =
            ["0", "1", "10", "10.5", "12", "2", "23", "3", "9", "zz"]
                .into_iter()
                .map(|id| (id.to_owned(), Raw::Text(format!("answer {id}"))))
                .collect();
        let expected: Vec<Option<&Raw>> = rubric
            .indicators()
            .map(|(_, indicator)| answers.get(&*indicator.id))
            .collect();
        let sorted: Vec<(&str, &Raw)> =
            answers.iter().map(|(id, raw)| (id.as_str(), raw)).collect();
        assert_eq!(framework.answers_in_rubric_order(&sorted), expected);
        assert_eq!(expected.iter().flatten().count(), 7);
        assert!(framework
            .answers_in_rubric_order(&[])
            .iter()
            .all(Option::is_none));
    }

    #[test]
    fn unanswerable_keys_are_those_answering_nothing() {
        let framework = find("sorsochot-23").unwrap();
        let keys = ["", "0", "1", "10", "10.5", "23", "24", "3", "zz"];
        let mut unknown = Vec::new();
        framework.each_unanswerable(keys.into_iter(), |key| unknown.push(key));
        let expected: Vec<&str> = keys.into_iter().filter(|k| !framework.answers(k)).collect();
        assert_eq!(unknown, expected);
        assert_eq!(unknown, ["", "0", "10.5", "24", "zz"]);
    }
}
