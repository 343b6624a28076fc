//! The form's handle: one assessment and the framework it is scored with
//! (a built-in, or the user's rubric, validated once). Each keystroke sets
//! one part of the request and gets back what changed.

use std::cell::RefCell;

use js_sys::{Array, JsString};
use wasm_bindgen::prelude::*;

use crate::{file_arg, into_error, request_arg, text_arg, to_js, wrong};
use khanaen::assessment;
use khanaen::error::{Error, Expected};
use khanaen::raw::Raw;
use khanaen::Catalog;
use khanaen::FrameworkSummary;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** A part of the request a change sets. */
export type RequestPart =
  | ["answers", string] | ["unit", keyof UnitDetails] | ["remarks", string] | ["shared", string]
  | ["remark"] | ["edition"];
"#;

/// A catalog holding the rubrics `known` (JSON texts) this browser keeps.
fn catalog_with(known: Option<Array>, function: &'static str) -> Result<Catalog, JsValue> {
    let mut catalog = Catalog::default();
    let Some(known) = known else {
        return Ok(catalog);
    };
    for text in texts_arg(&known.into(), function, "known")? {
        // A kept rubric that no longer loads is the caller's to list; it
        // cannot make another file fail to open.
        let _ = catalog.add(&text);
    }
    Ok(catalog)
}

/// A list of texts, read item by item: whatever else was passed (a list
/// nested thousands deep, say) is refused before anything walks it.
fn texts_arg(
    value: &JsValue,
    function: &'static str,
    argument: &'static str,
) -> Result<Vec<String>, JsValue> {
    let refuse = || wrong(function, argument, Expected::ListOfTexts, value);
    if !Array::is_array(value) {
        return Err(refuse());
    }
    Array::from(value)
        .iter()
        .map(|item| item.as_string().ok_or_else(refuse))
        .collect()
}

/// Every method takes `&self` and borrows the assessment only once its
/// arguments are read: reading them can run the page's code (a getter), and
/// an exception thrown there unwinds past Rust, which must not leave the
/// handle borrowed for good.
#[wasm_bindgen]
pub struct Assessment {
    inner: RefCell<assessment::Assessment>,
}

#[wasm_bindgen]
impl Assessment {
    /// A request scored with the built-in framework it names, or with
    /// `rubric`, a user's rubric as JSON text (validated here, once; never
    /// one that differs from a built-in of its id).
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "ScoreRequest")] request: JsValue,
        rubric: Option<JsString>,
    ) -> Result<Assessment, JsValue> {
        let request = request_arg(request)?;
        let mut catalog = Catalog::default();
        let framework = match rubric.map(JsValue::from) {
            None => {
                let id = khanaen::score::named(&request).map_err(into_error)?;
                catalog.find(id)
            }
            Some(rubric) => catalog.add(&text_arg(&rubric, "Assessment", "rubric")?),
        }
        .map_err(into_error)?;
        // A request that names another framework is not silently scored with this one.
        if let Ok(named) = khanaen::score::named(&request) {
            if named.trim() != framework.id {
                return Err(into_error(Error::RubricNotNamed {
                    named: named.trim().to_owned(),
                    rubric: framework.id.clone(),
                }));
            }
        }
        let inner = assessment::Assessment::new(framework, request).map_err(into_error)?;
        Ok(Assessment {
            inner: RefCell::new(inner),
        })
    }

    /// A downloaded JSON file (a result or a request, as text or bytes),
    /// with the rubric it carries. `known`: the rubrics this browser keeps
    /// (JSON texts), for requests that name one; a carried rubric that
    /// differs from a kept one of its id is refused.
    pub fn open(
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer")] file: JsValue,
        known: Option<Array>,
    ) -> Result<Assessment, JsValue> {
        let text = file_arg(&file, "open")?;
        let mut catalog = catalog_with(known, "open")?;
        let (framework, request) = catalog.open(&text).map_err(into_error)?;
        let inner = assessment::Assessment::new(framework, request).map_err(into_error)?;
        Ok(Assessment {
            inner: RefCell::new(inner),
        })
    }

    /// The framework, as the rubric format has it: what the form renders.
    #[wasm_bindgen(unchecked_return_type = "Framework")]
    pub fn framework(&self) -> Result<JsValue, JsValue> {
        to_js(&**self.inner.borrow().framework())
    }

    /// The framework as a form renders it: every choice between kinds named
    /// by a `kind` field (the rubric, each item's scoring, matrix values and
    /// targets).
    #[wasm_bindgen(unchecked_return_type = "FrameworkView")]
    pub fn view(&self) -> Result<JsValue, JsValue> {
        to_js(&khanaen::view::FrameworkView::of(
            self.inner.borrow().framework(),
        ))
    }

    /// The user's rubric as JSON text, to keep beside the drafts; undefined
    /// for a built-in.
    #[wasm_bindgen(js_name = ownRubric)]
    pub fn own_rubric(&self) -> Option<String> {
        self.inner
            .borrow()
            .framework()
            .own()
            .map(khanaen::export::json::write_compact)
    }

    #[wasm_bindgen(unchecked_return_type = "ScoreResult")]
    pub fn result(&self) -> Result<JsValue, JsValue> {
        to_js(self.inner.borrow().result())
    }

    /// The request as typed so far.
    #[wasm_bindgen(unchecked_return_type = "ScoreRequest")]
    pub fn request(&self) -> Result<JsValue, JsValue> {
        to_js(self.inner.borrow().request())
    }

    /// Sets one part of the request (undefined or null removes it), scores
    /// again, and returns what changed.
    #[wasm_bindgen(unchecked_return_type = "Changes")]
    pub fn set(
        &self,
        #[wasm_bindgen(unchecked_param_type = "RequestPart")] path: JsValue,
        #[wasm_bindgen(unchecked_param_type = "unknown")] value: JsValue,
    ) -> Result<JsValue, JsValue> {
        let keys = texts_arg(&path, "set", "path")?;
        let value = if value.is_undefined() {
            Raw::Null
        } else {
            request_arg(value)?
        };
        let changes = self.inner.borrow_mut().set(&keys, value);
        to_js(&changes.map_err(into_error)?)
    }

    /// Replaces the whole request (of this framework) and scores it.
    #[wasm_bindgen(unchecked_return_type = "ScoreResult")]
    pub fn replace(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ScoreRequest")] request: JsValue,
    ) -> Result<JsValue, JsValue> {
        let request = request_arg(request)?;
        let mut inner = self.inner.borrow_mut();
        to_js(inner.replace(request).map_err(into_error)?)
    }

    /// The result as the JSON file to download: with the rubric, when it is the user's own.
    #[wasm_bindgen(js_name = exportJson)]
    pub fn export_json(&self) -> String {
        self.inner.borrow().json()
    }

    /// The result as CSV, Thai headers unless `lang` is "en".
    #[wasm_bindgen(js_name = exportCsv)]
    pub fn export_csv(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "\"th\" | \"en\"")] lang: JsValue,
    ) -> Result<String, JsValue> {
        let lang = crate::lang_arg(&lang, "exportCsv")?;
        Ok(self.inner.borrow().csv(lang))
    }
}

/// Checks a user's rubric (JSON text, or a file's bytes): the summary the
/// framework list shows, or the error saying where and what. `known`: the
/// rubrics this browser keeps; one of them under the same id with other
/// content is refused, as a built-in's id is.
#[wasm_bindgen(js_name = checkRubric, unchecked_return_type = "FrameworkSummary & { built_in: boolean }")]
pub fn check_rubric(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer")] file: JsValue,
    known: Option<Array>,
) -> Result<JsValue, JsValue> {
    #[derive(serde::Serialize)]
    struct Checked {
        #[serde(flatten)]
        summary: FrameworkSummary,
        built_in: bool,
    }
    let text = file_arg(&file, "checkRubric")?;
    let loaded = catalog_with(known, "checkRubric")?
        .add(&text)
        .map_err(into_error)?;
    to_js(&Checked {
        summary: FrameworkSummary::of(&loaded),
        built_in: loaded.own().is_none(),
    })
}
