//! The district progress report for the page: read one, write it as CSV,
//! and add many districts' reports up for the province.

use wasm_bindgen::prelude::*;

use crate::{into_error, lang_arg, request_arg, to_js, wrong};
use khanaen::error::Expected;
use khanaen::export::progress_csv;
use khanaen::progress;
use khanaen::raw::Raw;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** The district progress report of seed 001 (form "sorsochot-progress"). */
export interface ProgressRequest {
  form: "sorsochot-progress";
  unit?: { province?: string; district?: string; fiscal_year?: string | number };
  /** By row id ("1.tambon.count", "6.activities"): whole numbers as typed. */
  counts?: Record<string, string | number>;
  problems?: string; suggestions?: string; reporter?: string; position?: string;
}
"#;

fn report_arg(value: JsValue) -> Result<progress::ProgressReport, JsValue> {
    progress::read(&request_arg(value)?).map_err(into_error)
}

fn reports_arg(
    value: JsValue,
    function: &'static str,
) -> Result<Vec<progress::ProgressReport>, JsValue> {
    match request_arg(value.clone())? {
        Raw::List(items) => items
            .iter()
            .map(|item| progress::read(item).map_err(into_error))
            .collect(),
        _ => Err(wrong(function, "reports", Expected::List, &value)),
    }
}

/// Reads a district progress report: every count with its label, and the
/// fields that could not be read.
#[wasm_bindgen(js_name = progressReport, unchecked_return_type = "ProgressReport")]
pub fn progress_report(
    #[wasm_bindgen(unchecked_param_type = "ProgressRequest")] request: JsValue,
) -> Result<JsValue, JsValue> {
    to_js(&report_arg(request)?)
}

/// A district progress report as CSV.
#[wasm_bindgen(js_name = progressCsv)]
pub fn progress_csv(
    #[wasm_bindgen(unchecked_param_type = "ProgressRequest")] request: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "\"th\" | \"en\"")] lang: JsValue,
) -> Result<String, JsValue> {
    let lang = lang_arg(&lang, "progressCsv")?;
    Ok(progress_csv::write(&report_arg(request)?, lang))
}

/// Many districts' progress reports added up, for the province.
#[wasm_bindgen(js_name = progressSum, unchecked_return_type = "ProgressSum")]
pub fn progress_sum(
    #[wasm_bindgen(unchecked_param_type = "ProgressRequest[]")] reports: JsValue,
) -> Result<JsValue, JsValue> {
    to_js(&progress::sum(&reports_arg(reports, "progressSum")?))
}

/// The province's sum as CSV.
#[wasm_bindgen(js_name = progressSumCsv)]
pub fn progress_sum_csv(
    #[wasm_bindgen(unchecked_param_type = "ProgressRequest[]")] reports: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "\"th\" | \"en\"")] lang: JsValue,
) -> Result<String, JsValue> {
    let lang = lang_arg(&lang, "progressSumCsv")?;
    let sum = progress::sum(&reports_arg(reports, "progressSumCsv")?);
    Ok(progress_csv::write_sum(&sum, lang))
}
