//! The WebAssembly bindings: decode input, call the core, encode output.
//! One serializer, one error path into `JsError`, TypeScript types below.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::error::Error;
use crate::export;
use crate::framework::Framework;
use crate::raw::Raw;
use crate::text::Lang;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** Text in Thai and English. */
export interface Text { th: string; en: string }

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
  items: Record<string, Typed | boolean | { answer: Typed | boolean; count?: Typed; reported_percent?: Typed }>;
}

export interface UnitDetails {
  province?: string; district?: string; tambon?: string; organisation?: string;
  round?: Typed; /** Buddhist era, YYYY-MM-DD or DD/MM/YYYY. */ date?: string;
  assessor?: string; position?: string;
}

export interface ScoreRequest {
  framework: string;
  /** Defaults to the latest edition. */
  edition?: string;
  unit?: UnitDetails;
  answers?: Record<string, Answer>;
}

export interface FrameworkSummary {
  id: string; name: Text; unit: string; kind: "banded" | "weighted";
  editions: { edition: string; source: Text; rounds: number[] }[];
}

export interface Note { decision?: string; text: Text }
export interface FieldError { path: string; label: Text; message: Text }
export interface Understood {
  value?: string; numerator?: string; denominator?: string; choice?: string; label?: Text;
}

export interface IndicatorScore {
  id: string; category: string; name: Text; input: Understood | null;
  points: number | null; max_points: number; criterion: Text | null; decisions: Note[];
}
export interface CategoryScore {
  id: string; name: Text; points: number; max_points: number; scored: number; indicators: number;
}
export interface BandedScores {
  kind: "banded";
  indicators: IndicatorScore[]; categories: CategoryScore[];
  partial_total: number; total: number | null; min_total: number; max_total: number;
  level: { level: number; name: Text } | null;
}

export interface MatrixIndicatorScore {
  id: string; group: Text; name: Text; input: Understood | null;
  value: string | null; target: string | null; met: boolean | null; decisions: Note[];
}
export interface UnitReportScore {
  name: string;
  items: { id: string; answer: boolean | null; count: string | null; percent: string | null; reported_percent: string | null }[];
  criteria: { id: string; label: Text; met: boolean | null }[];
  meets_all: boolean | null; warnings: Note[];
}
export interface ItemScore {
  id: string; parent: string | null; depth: number; name: Text; weight: string;
  input: Understood | null; result: string | null;
  /** 4 decimals, rounded half up. */ score: string | null;
  weighted: string | null; contribution: string | null;
  level: number | null; criterion: Text | null;
  matrix: { indicators: MatrixIndicatorScore[]; met: number; assessed: number; percent: string | null } | null;
  reports: { units: UnitReportScore[]; meeting_all: number; reported: number; denominator: string; percent: string | null } | null;
  decisions: Note[]; warnings: Note[];
}
export interface WeightedScores {
  kind: "weighted";
  items: ItemScore[]; total_weight: string; below_level_one: "zero" | "one";
  weighted_score: string | null; contribution: string | null; partial_contribution: string;
}

export interface ScoreResult {
  framework: { id: string; edition: string; name: Text; source: Text };
  core_version: string;
  request: ScoreRequest;
  unit: Required<Omit<UnitDetails, "round">> & { round: number | null };
  complete: boolean; missing: string[]; errors: FieldError[]; notes: Note[];
  scores: BandedScores | WeightedScores;
}

/** A framework as stored: the rubric format documented in crate/frameworks/FORMAT.md. */
export interface Framework {
  format: number; id: string; name: Text; description?: Text; unit: string;
  editions: { edition: string; source: Text; document?: string; rounds: number[] }[];
  decisions: { id: string; rule: string; text: Text }[];
  rubric: { banded: { categories: unknown[]; levels: unknown[] } } | { weighted: { total_weight: string; below_level_one: "zero" | "one"; items: unknown[] } };
}
"#;

fn into_error(err: Error) -> JsError {
    JsError::new(&err.to_string())
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    // Maps as plain objects, absent values as null: what JSON.parse would give.
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value
        .serialize(&serializer)
        .map_err(|err| JsError::new(&err.to_string()))
}

fn from_js(value: JsValue) -> Result<Raw, JsError> {
    serde_wasm_bindgen::from_value(value).map_err(|err| {
        into_error(Error::MalformedRequest {
            detail: err.to_string(),
        })
    })
}

fn lang(code: Option<String>) -> Lang {
    code.as_deref().and_then(Lang::parse).unwrap_or_default()
}

/// The version of the scoring core.
#[wasm_bindgen]
pub fn version() -> String {
    crate::CORE_VERSION.to_owned()
}

/// The built-in frameworks.
#[wasm_bindgen(unchecked_return_type = "FrameworkSummary[]")]
pub fn frameworks() -> Result<JsValue, JsError> {
    to_js(&crate::frameworks().map_err(into_error)?)
}

/// Everything a form needs to render one framework.
#[wasm_bindgen(unchecked_return_type = "Framework")]
pub fn describe(id: &str) -> Result<JsValue, JsError> {
    to_js(crate::describe(id).map_err(into_error)?)
}

/// Scores a request against a built-in framework.
#[wasm_bindgen(unchecked_return_type = "ScoreResult")]
pub fn score(
    #[wasm_bindgen(unchecked_param_type = "ScoreRequest")] request: JsValue,
) -> Result<JsValue, JsError> {
    to_js(&crate::score(&from_js(request)?).map_err(into_error)?)
}

/// Scores a request against a rubric the user supplies as JSON text.
#[wasm_bindgen(js_name = scoreWithFramework, unchecked_return_type = "ScoreResult")]
pub fn score_with_framework(
    framework_json: &str,
    #[wasm_bindgen(unchecked_param_type = "ScoreRequest")] request: JsValue,
) -> Result<JsValue, JsError> {
    let framework = Framework::load(framework_json).map_err(into_error)?;
    to_js(&crate::score_with(&framework, &from_js(request)?).map_err(into_error)?)
}

/// Reads a downloaded JSON file (a result or a request) and scores it again.
#[wasm_bindgen(js_name = importJson, unchecked_return_type = "ScoreResult")]
pub fn import_json(text: &str) -> Result<JsValue, JsError> {
    to_js(&crate::score_json(text).map_err(into_error)?)
}

/// The result of a request (or of a result's request) as lossless JSON text.
#[wasm_bindgen(js_name = exportJson)]
pub fn export_json(
    #[wasm_bindgen(unchecked_param_type = "ScoreRequest | ScoreResult")] value: JsValue,
) -> Result<String, JsError> {
    let request = export::json::request_of(from_js(value)?);
    let result = crate::score(&request).map_err(into_error)?;
    Ok(export::json::write(&result))
}

/// The result of a request (or of a result's request) as CSV text, Thai
/// headers unless `lang` is "en".
#[wasm_bindgen(js_name = exportCsv)]
pub fn export_csv(
    #[wasm_bindgen(unchecked_param_type = "ScoreRequest | ScoreResult")] value: JsValue,
    lang_code: Option<String>,
) -> Result<String, JsError> {
    let request = export::json::request_of(from_js(value)?);
    let result = crate::score(&request).map_err(into_error)?;
    Ok(export::csv::write(&result, lang(lang_code)))
}
