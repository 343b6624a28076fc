//! Free-text remarks: evidence or a comment on each indicator or item, and
//! on the assessment as a whole. They do not change a score; they travel
//! with it, into the result, the exports and the print.
//!
//! In a request: `"remark": "…"` for the assessment, and
//! `"remarks": { "<indicator or item id>": "…" }`.

use std::collections::BTreeMap;

use crate::error::{Field, FieldPath, InputError, InputProblem};
use crate::framework::Framework;
use crate::input;
use crate::raw::Raw;
use crate::result::{ScoreResult, Scores};
use crate::text::Text;

#[derive(Debug, Default)]
pub struct Remarks {
    pub assessment: String,
    pub by_id: BTreeMap<String, String>,
}

/// Reads the remarks of a request; one that is not text, or names no
/// indicator of the framework, goes to `errors`.
pub fn read(
    framework: &Framework,
    request: &BTreeMap<String, Raw>,
    errors: &mut Vec<InputError>,
) -> Remarks {
    let mut remarks = Remarks::default();
    // Most requests have no remark: the field is named only for one there is.
    if let Some(raw) = request.get("remark") {
        let field = Field::new(
            FieldPath::of(["remark"]),
            Text::new("ข้อสังเกตของการประเมิน", "remark on the assessment"),
        );
        match input::free_text(Some(raw), &field) {
            Ok(text) => remarks.assessment = text,
            Err(err) => errors.push(err),
        }
    }
    let label = || Text::new("ข้อสังเกต", "remarks");
    let path = || FieldPath::of(["remarks"]);
    let Some(by_id) = input::object(request.get("remarks"), path, label, errors) else {
        return remarks;
    };
    for (id, raw) in by_id {
        let field = Field::new(
            FieldPath::of(["remarks", id]),
            Text::new(
                format!("ข้อสังเกตของตัวชี้วัด “{id}”"),
                format!("remark on indicator “{id}”"),
            ),
        );
        if !framework.answers(id) {
            errors.push(InputError::new(&field, InputProblem::UnknownIndicator));
            continue;
        }
        match input::free_text(Some(raw), &field) {
            Ok(text) if !text.is_empty() => {
                remarks.by_id.insert(id.clone(), text);
            }
            Ok(_) => {}
            Err(err) => errors.push(err),
        }
    }
    remarks
}

/// Puts each remark beside the indicator or item it is about.
pub fn attach(result: &mut ScoreResult, mut remarks: Remarks) {
    result.remark = remarks.assessment;
    let mut take = |id: &str| remarks.by_id.remove(id).unwrap_or_default();
    match &mut result.scores {
        Scores::Banded(s) => s.indicators.iter_mut().for_each(|i| i.remark = take(&i.id)),
        Scores::Weighted(s) => s.items.iter_mut().for_each(|i| i.remark = take(&i.id)),
    }
}
