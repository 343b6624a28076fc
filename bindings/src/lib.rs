//! The WebAssembly bindings of the khanaen core: decode input, call the
//! core, encode output. The only crate that sees the browser.
//! Every argument is checked here, so a wrong type from JavaScript is a clean
//! error, never a trap; one serializer; one error path, which throws a JS
//! `Error` carrying the message in both languages; TypeScript types below.

mod assessment;
mod collection;
mod progress;
pub mod tree;

pub use assessment::{check_rubric, Assessment};
pub use collection::Collection;
pub use progress::*;

use serde::Serialize;
use wasm_bindgen::prelude::*;

use khanaen::encoding;
use khanaen::error::{Error, Expected};
use khanaen::framework::Framework;
use khanaen::raw::Raw;
use khanaen::Lang;
use khanaen::{Catalog, Scored};

/// What the API returns, generated from the Rust types (crate/tests/typescript.rs).
#[wasm_bindgen(typescript_custom_section)]
const GENERATED: &'static str = include_str!("../../crate/types/generated.d.ts");

/// What a user types: the core reads requests as a loose tree (so that a
/// wrong type is an error beside its field, not a failed request), so
/// these have no Rust type to be generated from.
#[wasm_bindgen(typescript_custom_section)]
const REQUEST_TYPES: &'static str = r#"
/** A typed-in value: text as the user typed it (Thai digits, "%", "1,005" accepted) or a number. */
export type Typed = string | number;

/** One answer: a bare value, `{value}`, `{numerator, denominator}`, or for
 * special items `{matrix: {...}}` (value-for-money 2.1.1) or
 * `{units: [...], denominator?}` (KPI 3.2 municipality reports). */
export type Answer =
  | Typed
  | boolean
  | { value?: Typed; numerator?: Typed; denominator?: Typed }
  | { matrix: Record<string, MatrixAnswer> }
  | { units: UnitReport[]; denominator?: Typed };

export interface MatrixAnswer {
  value?: Typed; numerator?: Typed; denominator?: Typed;
  /** X, the previous follow-up result, for "X+10" targets. */
  previous?: Typed;
  /** 3-year average growth, for targets of "previous + growth". */
  growth?: Typed;
  /** A target typed directly, for targets of "previous + growth". */
  target?: Typed;
}

export interface UnitReport {
  name?: string;
  /** The form's blanks that are not scored, by id. */
  details?: Record<string, Typed>;
  items: Record<string, Typed | boolean | { answer?: Typed | boolean; value?: Typed | boolean; count?: Typed; reported_percent?: Typed; [detail: string]: unknown }>;
}

export interface UnitDetails {
  province?: string; district?: string; tambon?: string; organisation?: string;
  round?: Typed;
  /** Buddhist era; proposed from the date when absent (Decision G). */ fiscal_year?: Typed;
  /** Buddhist era: 2567-11-20, 20/11/2567, 20/11/67, 20 พ.ย. 2567, … */ date?: string;
  assessor?: string; position?: string;
}

export interface ScoreRequest {
  framework: string;
  /** Defaults to the latest edition. */
  edition?: string;
  unit?: UnitDetails;
  answers?: Record<string, Answer>;
  /** The assessor's remark on the whole assessment (evidence, comments). */
  remark?: string;
  /** The assessor's remark on an indicator or item, by its id. */
  remarks?: Record<string, string>;
  /** Counts typed once for several indicators (the committee's size), by id. */
  shared?: Record<string, Typed>;
}

/** What every function throws: an `Error` whose message is English, with
 * the message in both languages and a stable code beside it. */
export interface KhanaenError extends Error {
  th: string; en: string;
  code: "malformed_request" | "missing_framework" | "unknown_framework" | "unknown_edition"
    | "invalid_framework" | "rubric_id_taken" | "rubric_not_named" | "bad_path"
    | "too_deep" | "not_text" | "wrong_argument";
}
"#;

/// The one path from a core error to JavaScript.
fn into_error(err: Error) -> JsValue {
    let text = err.text();
    let error = js_sys::Error::new(&text.en);
    for (key, value) in [("th", &*text.th), ("en", &*text.en), ("code", err.code())] {
        // Setting a property on a fresh Error object cannot fail.
        let _ = js_sys::Reflect::set(&error, &key.into(), &value.into());
    }
    error.into()
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    // As JSON text, parsed by the engine: the same values JSON.parse gives,
    // without a second serializer in the module (about 24 KB smaller; for a
    // 10,000-row summary no slower than building objects across the boundary).
    let fail = |detail: String| into_error(Error::MalformedRequest { detail });
    let text = serde_json::to_string(value).map_err(|err| fail(err.to_string()))?;
    js_sys::JSON::parse(&text).map_err(|_| fail("the result is not valid JSON".into()))
}

/// What a JavaScript value is, for "got …" in messages.
fn kind_of(value: &JsValue) -> String {
    if value.is_null() {
        "null".into()
    } else if js_sys::Array::is_array(value) {
        "array".into()
    } else {
        value.js_typeof().as_string().unwrap_or_default()
    }
}

fn wrong(
    function: &'static str,
    argument: &'static str,
    expected: Expected,
    got: &JsValue,
) -> JsValue {
    into_error(Error::WrongArgument {
        function,
        argument,
        expected,
        got: kind_of(got),
    })
}

fn text_arg(
    value: &JsValue,
    function: &'static str,
    argument: &'static str,
) -> Result<String, JsValue> {
    value
        .as_string()
        .ok_or_else(|| wrong(function, argument, Expected::Text, value))
}

/// A request or result from JavaScript, as a loose tree; depth is bounded
/// while it is read, and its shape is the core's to judge.
fn request_arg(value: JsValue) -> Result<Raw, JsValue> {
    tree::read(&value).map_err(|err| into_error(Error::unreadable(err)))
}

/// A file's contents: text, or its bytes (a `Uint8Array` or an `ArrayBuffer`), decoded.
fn file_arg(value: &JsValue, function: &'static str) -> Result<String, JsValue> {
    if let Some(text) = value.as_string() {
        return Ok(text);
    }
    bytes_arg(value, function, "file")
        .and_then(|bytes| encoding::decode(&bytes).map_err(into_error))
        .map(|decoded| decoded.text)
}

fn bytes_arg(
    value: &JsValue,
    function: &'static str,
    argument: &'static str,
) -> Result<Vec<u8>, JsValue> {
    if value.is_instance_of::<js_sys::Uint8Array>() || value.is_instance_of::<js_sys::ArrayBuffer>()
    {
        return Ok(js_sys::Uint8Array::new(value).to_vec());
    }
    Err(wrong(function, argument, Expected::TextOrBytes, value))
}

fn lang_arg(value: &JsValue, function: &'static str) -> Result<Lang, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(Lang::default());
    }
    value
        .as_string()
        .and_then(|code| Lang::parse(&code))
        .ok_or_else(|| wrong(function, "lang", Expected::Language, value))
}

/// The version of the scoring core.
#[wasm_bindgen]
pub fn version() -> String {
    khanaen::CORE_VERSION.to_owned()
}

/// The built-in frameworks.
#[wasm_bindgen(unchecked_return_type = "FrameworkSummary[]")]
pub fn frameworks() -> Result<JsValue, JsValue> {
    to_js(&khanaen::frameworks().map_err(into_error)?)
}

/// Everything a form needs to render one framework.
#[wasm_bindgen(unchecked_return_type = "Framework")]
pub fn describe(
    #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
) -> Result<JsValue, JsValue> {
    let id = text_arg(&id, "describe", "id")?;
    to_js(khanaen::describe(&id).map_err(into_error)?)
}

/// Scores a request against a built-in framework.
#[wasm_bindgen(unchecked_return_type = "ScoreResult")]
pub fn score(
    #[wasm_bindgen(unchecked_param_type = "ScoreRequest")] request: JsValue,
) -> Result<JsValue, JsValue> {
    to_js(&khanaen::score(&request_arg(request)?).map_err(into_error)?)
}

/// Scores a request against a rubric the user supplies as JSON text.
#[wasm_bindgen(js_name = scoreWithFramework, unchecked_return_type = "ScoreResult")]
pub fn score_with_framework(
    #[wasm_bindgen(unchecked_param_type = "string")] framework_json: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ScoreRequest")] request: JsValue,
) -> Result<JsValue, JsValue> {
    let json = text_arg(&framework_json, "scoreWithFramework", "framework")?;
    let framework = Framework::load(&json).map_err(into_error)?;
    to_js(&khanaen::score_with(&framework, &request_arg(request)?).map_err(into_error)?)
}

/// Reads a downloaded JSON file (a result or a request), as text or bytes in
/// any encoding `decodeFile` reads, and scores it again.
#[wasm_bindgen(js_name = importJson, unchecked_return_type = "ScoreResult")]
pub fn import_json(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer")] file: JsValue,
) -> Result<JsValue, JsValue> {
    let text = file_arg(&file, "importJson")?;
    to_js(&khanaen::score_json(&text).map_err(into_error)?)
}

/// A file's bytes as text: UTF-8, UTF-16 with a byte-order mark, or TIS-620
/// (older Thai Windows), which is converted; anything else is refused.
#[wasm_bindgen(js_name = decodeFile, unchecked_return_type = "Decoded")]
pub fn decode_text(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array | ArrayBuffer")] bytes: JsValue,
) -> Result<JsValue, JsValue> {
    let bytes = bytes_arg(&bytes, "decodeFile", "bytes")?;
    to_js(&encoding::decode(&bytes).map_err(into_error)?)
}

/// The result of a request (or of a result's request) as lossless JSON text.
#[wasm_bindgen(js_name = exportJson)]
pub fn export_json(
    #[wasm_bindgen(unchecked_param_type = "ScoreRequest | ScoreResult")] value: JsValue,
) -> Result<String, JsValue> {
    Ok(scored_arg(value)?.json())
}

/// The result of a request (or of a result's request) as CSV text, Thai
/// headers unless `lang` is "en".
#[wasm_bindgen(js_name = exportCsv)]
pub fn export_csv(
    #[wasm_bindgen(unchecked_param_type = "ScoreRequest | ScoreResult")] value: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "\"th\" | \"en\"")] lang: JsValue,
) -> Result<String, JsValue> {
    let lang = lang_arg(&lang, "exportCsv")?;
    Ok(scored_arg(value)?.csv(lang))
}

/// A request or an exported result, scored with the rubric it carries (or
/// the built-in it names).
fn scored_arg(value: JsValue) -> Result<Scored, JsValue> {
    Catalog::default()
        .score_value(request_arg(value)?)
        .map_err(into_error)
}
