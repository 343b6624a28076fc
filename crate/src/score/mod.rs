//! From a request to a result: find the framework and edition, read the unit
//! details, score every answer, and say what is missing or wrong.

// How each kind of answer is scored: the core's own business; the crate
// exposes the functions below and `Framework::load`.
pub(crate) mod answer;
pub(crate) mod banded;
pub(crate) mod cases;
pub(crate) mod details;
pub(crate) mod matrix;
pub(crate) mod opdc;
pub(crate) mod remarks;
pub(crate) mod reports;
pub(crate) mod weighted;

use std::borrow::Cow;
use std::collections::BTreeMap;

use crate::error::{Error, Field, FieldPath, InputError, InputProblem};
use crate::framework::{self, BandedRubric, DecisionRule, Edition, Framework, Rubric};
use crate::outcome::{Measures, Outcome};
use crate::raw::Raw;
use crate::request::{self, Unit};
use crate::result::{FieldError, FrameworkRef, Note, ScoreResult, Scores};
use crate::text::Text;

pub use crate::request::ROUND_MISSING;

/// The version of this scoring core, carried in every result.
pub const CORE_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Scores a request against the built-in framework it names.
pub fn score(request: &Raw) -> Result<ScoreResult, Error> {
    assess(named_framework(request)?, Cow::Borrowed(request))
}

/// Scores a request against a given framework (a built-in or a user's rubric).
pub fn score_with(framework: &Framework, request: &Raw) -> Result<ScoreResult, Error> {
    assess(framework, Cow::Borrowed(request))
}

/// The built-in framework a request names.
fn named_framework(request: &Raw) -> Result<&'static Framework, Error> {
    framework::find(named(request)?)
}

/// The id of the framework a request names.
pub fn named(request: &Raw) -> Result<&str, Error> {
    let map = request
        .as_map()
        .ok_or_else(|| Error::not_an_object(request))?;
    match map.get("framework") {
        Some(Raw::Text(id)) => framework_id(id),
        _ => Err(Error::MissingFramework),
    }
}

/// A framework's id as a request or a sheet's row gives it: none when blank.
pub(crate) fn framework_id(id: &str) -> Result<&str, Error> {
    match id.trim().is_empty() {
        true => Err(Error::MissingFramework),
        false => Ok(id),
    }
}

/// Scores a request into the outcome a collection keeps, and gives back
/// the request as scored (its canonical spelling). A banded rubric's points
/// are tallied without building the whole result; `Outcome::of` the result
/// is the same outcome.
pub fn outcome(framework: &Framework, request: Raw) -> Result<(Outcome, Raw), Error> {
    let Rubric::Banded(rubric) = &framework.rubric else {
        let result = assess(framework, Cow::Owned(request))?;
        return Ok((Outcome::of(&result), result.request));
    };
    let request = canonical(Cow::Owned(request))?;
    let Read {
        unit,
        round_missing,
        sorted,
        errors,
        ..
    } = read(framework, &request)?;
    let outcome = tallied(framework, rubric, unit, round_missing, &sorted, errors);
    Ok((outcome, request.into_owned()))
}

/// The outcome of a banded assessment given in parts rather than as a
/// request: the edition as typed, the unit's details by key, the answers in
/// id order. A sheet's row is scored from its cells so, without a request
/// built for each of 10,000 rows; it reads the parts `outcome` reads of the
/// request the row makes, with the same functions, to the same outcome.
pub(crate) fn banded_outcome<'a>(
    framework: &Framework,
    rubric: &BandedRubric,
    edition: Option<&Raw>,
    given: &dyn Fn(&str) -> Option<&'a Raw>,
    answers: &banded::SortedAnswers<'a>,
) -> Result<Outcome, Error> {
    let edition = named_edition(framework, edition)?;
    let mut errors = Vec::new();
    let unit = request::unit(given, edition, &mut errors);
    let round_missing = request::round_missing(edition, given);
    unknown_answers(framework, answers, &mut errors);
    Ok(tallied(
        framework,
        rubric,
        unit,
        round_missing,
        answers,
        errors,
    ))
}

/// The outcome once the request is read: its points tallied.
fn tallied(
    framework: &Framework,
    rubric: &BandedRubric,
    unit: Unit,
    round_missing: bool,
    answers: &banded::SortedAnswers,
    mut errors: Vec<InputError>,
) -> Outcome {
    let tally = banded::tally(framework, rubric, answers, &mut errors);
    Outcome {
        framework: framework.id.clone(),
        unit,
        complete: tally.total.is_some() && errors.is_empty() && !round_missing,
        round_missing,
        has_errors: !errors.is_empty(),
        measures: Measures::Banded(tally),
    }
}

/// The request as scoring reads it: refused when deeper than any request,
/// else in its canonical spelling, which is what the result echoes.
fn canonical(request: Cow<Raw>) -> Result<Cow<Raw>, Error> {
    // Every walk below recurses: refuse a tree deeper than any request first.
    match request.depth_and_spelling() {
        None => Err(Error::TooDeep {
            max: crate::raw::MAX_DEPTH,
        }),
        Some(true) => Ok(request),
        Some(false) => Ok(Cow::Owned(request.canonical())),
    }
}

/// A request read before its answers are scored.
struct Read<'f, 'r> {
    edition: &'f Edition,
    unit: Unit,
    /// The edition has rounds and the request names none (Decision I).
    round_missing: bool,
    answers: &'r BTreeMap<String, Raw>,
    /// The same answers in id order, as the walks beside a rubric's sorted
    /// ids read them: gathered once, for the unknown ids and the scoring.
    sorted: Vec<(&'r str, &'r Raw)>,
    /// The unit's errors, and answers to no indicator of the framework.
    errors: Vec<InputError>,
    remarks: remarks::Remarks,
}

fn read<'f, 'r>(framework: &'f Framework, request: &'r Raw) -> Result<Read<'f, 'r>, Error> {
    static NO_ANSWERS: BTreeMap<String, Raw> = BTreeMap::new();
    let map = request
        .as_map()
        .ok_or_else(|| Error::not_an_object(request))?;
    let edition = named_edition(framework, map.get("edition"))?;
    let mut errors = Vec::new();
    let details = request::details(map.get("unit"), &mut errors);
    let given = |key: &str| details.and_then(|d| d.get(key));
    let unit = request::unit(&given, edition, &mut errors);
    let round_missing = request::round_missing(edition, &given);
    let label = || Text::new("คำตอบ", "answers");
    let path = || FieldPath::of(["answers"]);
    let answers =
        crate::input::object(map.get("answers"), path, label, &mut errors).unwrap_or(&NO_ANSWERS);
    let remarks = remarks::read(framework, map, &mut errors);
    let sorted: Vec<(&str, &Raw)> = answers.iter().map(|(id, raw)| (id.as_str(), raw)).collect();
    unknown_answers(framework, &sorted, &mut errors);
    Ok(Read {
        edition,
        unit,
        round_missing,
        answers,
        sorted,
        errors,
        remarks,
    })
}

/// The edition a request names: its latest when it names none.
fn named_edition<'f>(framework: &'f Framework, named: Option<&Raw>) -> Result<&'f Edition, Error> {
    match named {
        None | Some(Raw::Null) => framework.edition(None),
        Some(Raw::Text(e)) => framework.edition(Some(e)),
        Some(Raw::Int(e)) => framework.edition(Some(&e.to_string())),
        Some(other) => Err(Error::MalformedRequest {
            detail: format!("“edition” must be text, got {}", other.kind_name()),
        }),
    }
}

/// Answers, given in id order, to no indicator or item of the framework.
fn unknown_answers(
    framework: &Framework,
    answers: &banded::SortedAnswers,
    errors: &mut Vec<InputError>,
) {
    framework.each_unanswerable(answers.iter().map(|(id, _)| *id), |key| {
        errors.push(InputError::new(
            &Field::new(
                FieldPath::of(["answers", key]),
                Text::new(format!("ตัวชี้วัด “{key}”"), format!("indicator “{key}”")),
            ),
            InputProblem::UnknownIndicator,
        ));
    });
}

fn assess(framework: &Framework, request: Cow<Raw>) -> Result<ScoreResult, Error> {
    let request = canonical(request)?;
    let Read {
        edition,
        unit,
        round_missing,
        answers,
        sorted,
        mut errors,
        remarks,
    } = read(framework, &request)?;
    let mut missing = Vec::new();
    let scores = match &framework.rubric {
        Rubric::Banded(rubric) => Scores::Banded(banded::score(
            framework,
            rubric,
            &sorted,
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
    // After scoring: a total and level stand without the round.
    if round_missing {
        missing.insert(0, FieldPath::of(["unit", "round"]));
    }
    let mut notes = Vec::new();
    let rules = [
        (
            missing.len() > usize::from(round_missing),
            DecisionRule::Incomplete,
        ),
        (round_missing, DecisionRule::RoundRequired),
    ];
    for (applied, rule) in rules {
        if let Some(d) = framework.decision(rule).filter(|_| applied) {
            notes.push(Note {
                decision: Some(d.id.clone()),
                text: d.text.clone(),
            });
        }
    }
    let mut result = ScoreResult {
        framework: FrameworkRef {
            id: framework.id.clone(),
            edition: edition.edition.clone(),
            name: framework.name.clone(),
            source: edition.source.clone(),
            own: !framework::is_built_in(framework),
        },
        core_version: CORE_VERSION.to_owned(),
        request: request.into_owned(),
        unit,
        complete: missing.is_empty() && errors.is_empty(),
        missing,
        errors: errors.into_iter().map(FieldError::from).collect(),
        notes,
        scores,
        remark: String::new(),
    };
    remarks::attach(&mut result, remarks);
    Ok(result)
}
