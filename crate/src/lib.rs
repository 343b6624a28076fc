//! khanaen (คะแนน): the scoring core for Thai community-development
//! assessments. Pure: no I/O, clock or locale of its own; exact arithmetic;
//! every failure a typed error with Thai and English text.
//!
//! The same functions serve the browser (through the thin bindings crate,
//! `bindings/`), the tests and the command line.

pub mod assessment;
mod catalog;
mod cells;
pub mod collection;
pub mod compare;
pub mod date;
pub mod encoding;
pub mod error;
pub mod exact;
pub mod export;
pub mod framework;
pub mod input;
mod json_read;
mod json_text;
pub mod outcome;
pub mod progress;
pub mod raw;
mod request;
pub mod result;
pub mod roll_up;
pub mod score;
mod scored;
pub mod summary;
mod text;
mod thai_order;
pub mod view;

#[cfg(feature = "typescript")]
mod typescript;

use serde::Serialize;

pub use catalog::{Catalog, Loaded, RUBRIC};
pub use error::Error;
pub use framework::Framework;
pub use raw::Raw;
pub use request::Unit;
pub use result::ScoreResult;
pub use score::{score, score_with, CORE_VERSION};
pub use scored::Scored;
pub use text::{Lang, Text};

/// What a form needs to offer a framework in its list.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct FrameworkSummary {
    pub id: String,
    pub name: Text,
    pub unit: String,
    #[cfg_attr(feature = "typescript", ts(type = "\"banded\" | \"weighted\""))]
    pub kind: &'static str,
    pub editions: Vec<EditionSummary>,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct EditionSummary {
    pub edition: String,
    pub source: Text,
    pub rounds: Vec<u8>,
}

impl FrameworkSummary {
    pub fn of(framework: &Framework) -> FrameworkSummary {
        FrameworkSummary {
            id: framework.id.clone(),
            name: framework.name.clone(),
            unit: framework.unit.clone(),
            kind: match framework.rubric {
                framework::Rubric::Banded(_) => "banded",
                framework::Rubric::Weighted(_) => "weighted",
            },
            editions: framework
                .editions
                .iter()
                .map(|e| EditionSummary {
                    edition: e.edition.clone(),
                    source: e.source.clone(),
                    rounds: e.rounds.clone(),
                })
                .collect(),
        }
    }
}

/// The built-in frameworks (loading every one: a page lists them from the
/// data it was built with, see www/build.mjs).
pub fn frameworks() -> Result<Vec<FrameworkSummary>, Error> {
    Ok(framework::built_in()?
        .into_iter()
        .map(FrameworkSummary::of)
        .collect())
}

/// Everything a form needs to render one built-in framework.
pub fn describe(id: &str) -> Result<&'static Framework, Error> {
    framework::find(id)
}

/// Scores JSON text: a request, or a result exported earlier (whose request
/// is scored again, reproducing it exactly, with the rubric it carries).
pub fn score_json(text: &str) -> Result<ScoreResult, Error> {
    Catalog::default()
        .score_json(text)
        .map(|scored| scored.result)
}
