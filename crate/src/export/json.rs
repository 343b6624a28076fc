//! JSON export. Lossless: the result carries the request as received, and
//! reading the file back scores that request again to the same result.

use crate::framework::Framework;
pub use crate::json_text::{parse, read, request_of, write, write_compact};
use crate::result::ScoreResult;
use serde::Serialize;

/// A result as an exported file: with its rubric when it was scored with a
/// user's own, so the file re-opens and re-scores without the rubric file.
pub fn write_result(result: &ScoreResult, framework: &Framework) -> String {
    #[derive(Serialize)]
    struct WithRubric<'a> {
        #[serde(flatten)]
        result: &'a ScoreResult,
        rubric: &'a Framework,
    }
    match result.framework.own {
        true => write(&WithRubric {
            result,
            rubric: framework,
        }),
        false => write(result),
    }
}
