//! One assessment being filled in: the framework it is scored with, loaded
//! and validated once, and the request as typed so far. Each change sets one
//! part of the request (an answer, a unit field, a remark), scores it again
//! and says what changed, so a form updates only those outputs and the
//! whole request never crosses back and forth on a keystroke.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::catalog::Loaded;
use crate::error::{Error, FieldPath};
use crate::raw::Raw;
use crate::result::{ScoreResult, Scores};
use crate::scored::Scored;
use crate::text::Lang;

/// The parts of a request a change may set: a section, and within the
/// sections that are keyed, one key (an indicator or item id, a unit field).
const KEYED: [&str; 4] = ["answers", "unit", "remarks", "shared"];
const WHOLE: [&str; 2] = ["remark", "edition"];

#[derive(Clone, Debug)]
pub struct Assessment {
    scored: Scored,
    /// As typed; `scored.result.request` is its canonical spelling.
    request: Raw,
}

/// What one change did: the result, in which `scores` lists only the
/// indicators or items whose score changed (named in `changed`), and which
/// leaves the request out.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Changes {
    #[serde(flatten)]
    pub result: ScoreResult,
    pub changed: Vec<String>,
}

impl Assessment {
    pub fn new(framework: Loaded, request: Raw) -> Result<Assessment, Error> {
        let request = fixed_framework(&framework, request)?;
        let scored = Scored::new(framework, &request)?;
        Ok(Assessment { scored, request })
    }

    pub fn framework(&self) -> &Loaded {
        &self.scored.framework
    }

    pub fn result(&self) -> &ScoreResult {
        &self.scored.result
    }

    /// The request as typed so far.
    pub fn request(&self) -> &Raw {
        &self.request
    }

    pub fn json(&self) -> String {
        self.scored.json()
    }

    pub fn csv(&self, lang: Lang) -> String {
        self.scored.csv(lang)
    }

    /// Replaces the whole request (another draft of the same framework).
    pub fn replace(&mut self, request: Raw) -> Result<&ScoreResult, Error> {
        let request = fixed_framework(&self.scored.framework, request)?;
        self.scored = Scored::new(self.scored.framework.clone(), &request)?;
        self.request = request;
        Ok(&self.scored.result)
    }

    /// Sets one part of the request — `["answers", id]`, `["unit", field]`,
    /// `["remarks", id]`, `["shared", id]`, `["remark"]` or `["edition"]` — to `value`, or
    /// removes it when `value` is null; scores again and says what changed.
    pub fn set(&mut self, path: &[String], value: Raw) -> Result<Changes, Error> {
        let bad_path = || Error::BadPath {
            path: FieldPath::of(path.iter().map(String::as_str)).to_string(),
        };
        let Raw::Map(request) = &mut self.request else {
            return Err(Error::MalformedRequest {
                detail: "the request is not an object".into(),
            });
        };
        let mut next = request.clone();
        match path {
            [section] if WHOLE.contains(&section.as_str()) => put(&mut next, section, value),
            [section, key] if KEYED.contains(&section.as_str()) => {
                let part = next
                    .entry(section.clone())
                    .or_insert_with(|| Raw::Map(BTreeMap::new()));
                if !matches!(part, Raw::Map(_)) {
                    *part = Raw::Map(BTreeMap::new());
                }
                if let Raw::Map(part) = part {
                    put(part, key, value);
                }
            }
            _ => return Err(bad_path()),
        }
        let next = Raw::Map(next);
        let scored = Scored::new(self.scored.framework.clone(), &next)?;
        let before = std::mem::replace(&mut self.scored, scored);
        self.request = next;
        Ok(changes(&before.result, &self.scored.result))
    }
}

fn put(map: &mut BTreeMap<String, Raw>, key: &str, value: Raw) {
    match value {
        Raw::Null => map.remove(key),
        value => map.insert(key.to_owned(), value),
    };
}

/// The request names the handle's framework, whatever it said before: a
/// handle scores with one framework only.
fn fixed_framework(framework: &Loaded, request: Raw) -> Result<Raw, Error> {
    match request {
        Raw::Map(mut map) => {
            map.insert("framework".into(), Raw::text(framework.id.clone()));
            Ok(Raw::Map(map))
        }
        other => Err(Error::not_an_object(&other)),
    }
}

/// The new result, keeping only the rows that differ from the old one.
fn changes(old: &ScoreResult, new: &ScoreResult) -> Changes {
    let mut result = new.clone();
    result.request = Raw::Null;
    let mut changed = Vec::new();
    match (&old.scores, &mut result.scores) {
        (Scores::Banded(old), Scores::Banded(new)) => {
            keep_changed(&old.indicators, &mut new.indicators, &mut changed, |r| {
                r.id.to_string()
            });
        }
        (Scores::Weighted(old), Scores::Weighted(new)) => {
            keep_changed(&old.items, &mut new.items, &mut changed, |r| r.id.clone());
        }
        // A framework never changes under a handle; were it to, every row is new.
        _ => {}
    }
    Changes { result, changed }
}

/// Keeps the rows of `new` that differ from `old` at the same place (one
/// framework lists its rows in one order), and names them in `changed`.
fn keep_changed<T: PartialEq>(
    old: &[T],
    new: &mut Vec<T>,
    changed: &mut Vec<String>,
    id: impl Fn(&T) -> String,
) {
    let mut place = 0;
    new.retain(|row| {
        let same = old.get(place) == Some(row);
        place += 1;
        if !same {
            changed.push(id(row));
        }
        !same
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn handle() -> Assessment {
        let framework = Loaded::BuiltIn(crate::framework::find("sorsochot-23").unwrap());
        let request: Raw = serde_json::from_str(
            r#"{"framework":"sorsochot-23","edition":"2567","answers":{"1":"50"}}"#,
        )
        .unwrap();
        Assessment::new(framework, request).unwrap()
    }

    fn path(keys: &[&str]) -> Vec<String> {
        keys.iter().map(|k| k.to_string()).collect()
    }

    #[test]
    fn a_change_scores_again_and_names_only_what_changed() {
        let mut assessment = handle();
        let changes = assessment
            .set(&path(&["answers", "2"]), Raw::text("80"))
            .unwrap();
        assert_eq!(changes.changed, ["2"]);
        let Scores::Banded(scores) = &changes.result.scores else {
            panic!()
        };
        assert_eq!(scores.indicators.len(), 1);
        assert_eq!(scores.partial_total, 4);
        // The handle's result and request are whole, and equal a fresh scoring.
        let fresh = crate::score(assessment.request()).unwrap();
        assert_eq!(assessment.result(), &fresh);
        // Removing the answer takes it out of the request.
        let changes = assessment.set(&path(&["answers", "2"]), Raw::Null).unwrap();
        assert_eq!(changes.changed, ["2"]);
        assert!(assessment
            .request()
            .get("answers")
            .unwrap()
            .get("2")
            .is_none());
        // A unit field changes no row.
        let changes = assessment
            .set(&path(&["unit", "round"]), Raw::text("1"))
            .unwrap();
        assert!(changes.changed.is_empty());
        assert_eq!(changes.result.unit.round, Some(1));
    }

    #[test]
    fn paths_outside_the_request_parts_are_refused() {
        let mut assessment = handle();
        for bad in [
            &["framework"][..],
            &["answers"],
            &["answers", "1", "numerator"],
            &["unit", "round", "x"],
            &[],
        ] {
            let err = assessment.set(&path(bad), Raw::text("x")).unwrap_err();
            assert!(matches!(err, Error::BadPath { .. }), "{bad:?}");
        }
        assert_eq!(assessment.result(), &handle().result().clone());
    }
}
