//! From a request to a result: find the framework and edition, read the unit
//! details, score every answer, and say what is missing or wrong.

pub mod answer;
pub mod banded;
pub mod matrix;
pub mod opdc;
pub mod reports;
pub mod weighted;

use std::borrow::Cow;
use std::collections::BTreeMap;

use crate::error::{Error, Expected, Field, InputError, InputProblem};
use crate::framework::{self, DecisionRule, Framework, Rubric};
use crate::raw::Raw;
use crate::request;
use crate::result::{FieldError, FrameworkRef, Note, ScoreResult, Scores};
use crate::text::Text;

/// The version of this scoring core, carried in every result.
pub const CORE_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Scores a request against the built-in framework it names.
pub fn score(request: &Raw) -> Result<ScoreResult, Error> {
    assess(named_framework(request)?, Cow::Borrowed(request))
}

/// Scores a request the caller has no further use for: it moves into the
/// result instead of being copied (a collection of thousands of rows).
pub fn score_owned(request: Raw) -> Result<ScoreResult, Error> {
    assess(named_framework(&request)?, Cow::Owned(request))
}

/// Scores a request against a given framework (a built-in or a user's rubric).
pub fn score_with(framework: &Framework, request: &Raw) -> Result<ScoreResult, Error> {
    assess(framework, Cow::Borrowed(request))
}

/// The built-in framework a request names.
fn named_framework(request: &Raw) -> Result<&'static Framework, Error> {
    let map = request.as_map().ok_or_else(|| Error::MalformedRequest {
        detail: format!("expected a JSON object, got {}", request.kind_name()),
    })?;
    match map.get("framework") {
        Some(Raw::Text(id)) if !id.trim().is_empty() => framework::find(id),
        _ => Err(Error::MissingFramework),
    }
}

fn assess(framework: &Framework, request: Cow<Raw>) -> Result<ScoreResult, Error> {
    // Every walk below recurses: refuse a tree deeper than any request first.
    if request.too_deep() {
        return Err(Error::TooDeep {
            max: crate::raw::MAX_DEPTH,
        });
    }
    // Scoring reads the canonical spelling, which is what the result echoes.
    let request = match request.is_canonical() {
        true => request,
        false => Cow::Owned(request.canonical()),
    };
    let map = request.as_map().ok_or_else(|| Error::MalformedRequest {
        detail: format!("expected a JSON object, got {}", request.kind_name()),
    })?;
    let edition = match map.get("edition") {
        None | Some(Raw::Null) => framework.edition(None)?,
        Some(Raw::Text(e)) => framework.edition(Some(e))?,
        Some(Raw::Int(e)) => framework.edition(Some(&e.to_string()))?,
        Some(other) => {
            return Err(Error::MalformedRequest {
                detail: format!("“edition” must be text, got {}", other.kind_name()),
            })
        }
    };
    let mut errors = Vec::new();
    let mut missing = Vec::new();
    let unit = request::unit(map.get("unit"), edition, &mut errors);
    let empty = BTreeMap::new();
    let answers = match map.get("answers") {
        None | Some(Raw::Null) => &empty,
        Some(Raw::Map(answers)) => answers,
        Some(other) => {
            errors.push(InputError::new(
                &Field::new("answers", Text::new("คำตอบ", "answers")),
                InputProblem::WrongType {
                    expected: Expected::Object,
                    got: other.kind_name(),
                },
            ));
            &empty
        }
    };
    let scored_ids = scored_ids(framework);
    for key in answers.keys() {
        if !scored_ids.contains(&key.as_str()) {
            errors.push(InputError::new(
                &Field::new(
                    format!("answers.{key}"),
                    Text::new(format!("ตัวชี้วัด “{key}”"), format!("indicator “{key}”")),
                ),
                InputProblem::UnknownIndicator,
            ));
        }
    }
    let scores = match &framework.rubric {
        Rubric::Banded(rubric) => Scores::Banded(banded::score(
            framework,
            rubric,
            answers,
            &mut errors,
            &mut missing,
        )),
        Rubric::Weighted(rubric) => Scores::Weighted(weighted::score(
            framework,
            rubric,
            answers,
            &mut errors,
            &mut missing,
        )),
    };
    let mut notes = Vec::new();
    if !missing.is_empty() {
        if let Some(d) = framework.decision(DecisionRule::Incomplete) {
            notes.push(Note {
                decision: Some(d.id.clone()),
                text: d.text.clone(),
            });
        }
    }
    Ok(ScoreResult {
        framework: FrameworkRef {
            id: framework.id.clone(),
            edition: edition.edition.clone(),
            name: framework.name.clone(),
            source: edition.source.clone(),
        },
        core_version: CORE_VERSION.to_owned(),
        request: request.into_owned(),
        unit,
        complete: missing.is_empty() && errors.is_empty(),
        missing,
        errors: errors.into_iter().map(FieldError::from).collect(),
        notes,
        scores,
    })
}

/// The ids a request may answer: indicators, or items that carry a scoring rule.
fn scored_ids(framework: &Framework) -> Vec<&str> {
    match &framework.rubric {
        Rubric::Banded(rubric) => rubric.indicators().map(|(_, i)| &*i.id).collect(),
        Rubric::Weighted(rubric) => rubric
            .all_items()
            .into_iter()
            .filter(|(item, _, _)| item.scoring.is_some())
            .map(|(item, _, _)| item.id.as_str())
            .collect(),
    }
}
