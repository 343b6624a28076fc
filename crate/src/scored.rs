//! A result beside the framework it scored with, and what is made of the
//! two: the exported JSON (carrying a user's own rubric) and the CSV.

use crate::catalog::{Catalog, Loaded};
use crate::error::Error;
use crate::raw::Raw;
use crate::result::ScoreResult;
use crate::text::Lang;

/// A result beside the framework it was scored with: what its exports need.
#[derive(Clone, Debug)]
pub struct Scored {
    pub framework: Loaded,
    pub result: ScoreResult,
}

impl Scored {
    pub fn new(framework: Loaded, request: &Raw) -> Result<Scored, Error> {
        let result = crate::score_with(&framework, request)?;
        Ok(Scored { framework, result })
    }

    /// The exported JSON file: with the rubric, when it is a user's own.
    pub fn json(&self) -> String {
        crate::export::json::write_result(&self.result, &self.framework)
    }

    pub fn csv(&self, lang: Lang) -> String {
        crate::export::csv::write(&self.framework, &self.result, lang)
    }
}

impl Catalog {
    /// Opens JSON text (see `open`) and scores its request again.
    pub fn score_json(&mut self, text: &str) -> Result<Scored, Error> {
        let (framework, request) = self.open(text)?;
        Scored::new(framework, &request)
    }

    /// As `score_json`, for a value already parsed.
    pub fn score_value(&mut self, raw: Raw) -> Result<Scored, Error> {
        let (framework, request) = self.open_value(raw)?;
        Scored::new(framework, &request)
    }
}
