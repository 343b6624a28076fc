//! The reporting chain for the page: a `Collection` handle that holds many
//! scored assessments between calls (files are read once, scored once), and
//! gives the summary, the comparison and the downloads from them.

use std::cell::OnceCell;

use wasm_bindgen::prelude::*;

use crate::{into_error, lang_arg, request_arg, text_arg, to_js, wrong};
use khanaen::collection::{self, sheet, Added, RoundKey, Source};
use khanaen::error::Expected;
use khanaen::raw::Raw;
use khanaen::{compare, export, roll_up, summary, Catalog};

/// Many assessments brought together: files read and scored once, then
/// summarised, compared and written out.
#[wasm_bindgen]
#[derive(Default)]
pub struct Collection {
    inner: collection::Collection,
    /// The summary of `inner` as it stands, made once and kept until it
    /// changes: the view, its downloads and a round's units read the same one.
    summary: OnceCell<summary::Summary>,
}

impl Collection {
    /// The collection, to change: the summary kept is dropped.
    fn inner_mut(&mut self) -> &mut collection::Collection {
        self.summary.take();
        &mut self.inner
    }

    fn summarized(&self) -> &summary::Summary {
        self.summary.get_or_init(|| summary::summarize(&self.inner))
    }
}

fn count_arg(
    value: &JsValue,
    function: &'static str,
    argument: &'static str,
) -> Result<usize, JsValue> {
    value
        .as_f64()
        .filter(|n| n.fract() == 0.0 && *n >= 0.0)
        // Counts in a page are far below 2^53; larger ones are clamped.
        .map(|n| n.min(usize::MAX as f64) as usize)
        .ok_or_else(|| wrong(function, argument, Expected::Number, value))
}

/// A file's contents, text or bytes. Bytes go to the collection as they are:
/// a file it cannot decode is a problem listed with its name, not an exception.
fn file_bytes(file: &JsValue, function: &'static str) -> Result<Vec<u8>, JsValue> {
    match file.as_string() {
        Some(text) => Ok(text.into_bytes()),
        None => crate::bytes_arg(file, function, "file"),
    }
}

/// `summary`'s options: whether each round carries its units (the default,
/// also when no options are given).
fn units_option(options: &JsValue) -> Result<bool, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(true);
    }
    let wrong_options = || wrong("summary", "options", Expected::SummaryOptions, options);
    if !options.is_object() {
        return Err(wrong_options());
    }
    let units = js_sys::Reflect::get(options, &"units".into()).map_err(|_| wrong_options())?;
    match units.as_bool() {
        Some(units) => Ok(units),
        None if units.is_undefined() => Ok(true),
        None => Err(wrong_options()),
    }
}

/// `{fiscal_year, round}`, as the summary's rounds carry them.
fn round_arg(value: JsValue, function: &'static str) -> Result<RoundKey, JsValue> {
    let got = value.clone();
    let raw = request_arg(value)?;
    let field = |name: &str| match raw.get(name) {
        None | Some(Raw::Null) => Ok(None),
        Some(Raw::Int(n)) => Ok(u32::try_from(*n).ok()),
        Some(Raw::UInt(n)) => Ok(u32::try_from(*n).ok()),
        Some(_) => Err(()),
    };
    match (raw.as_map(), field("fiscal_year"), field("round")) {
        (Some(_), Ok(fiscal_year), Ok(round)) => Ok(RoundKey {
            fiscal_year,
            round: round.and_then(|r| u8::try_from(r).ok()),
        }),
        _ => Err(wrong(function, "round", Expected::Round, &got)),
    }
}

#[wasm_bindgen]
impl Collection {
    #[wasm_bindgen(constructor)]
    pub fn new() -> Collection {
        Collection::default()
    }

    /// Reads a file (JSON results or requests, the form's CSV, stacked or
    /// not, or the one-row-per-unit sheet); its assessments wait for
    /// `scorePending`. Returns how many it queued; what cannot be read is
    /// listed in the summary's problems.
    #[wasm_bindgen(js_name = readFile)]
    pub fn read_file(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string")] name: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer")] file: JsValue,
    ) -> Result<usize, JsValue> {
        let name = text_arg(&name, "readFile", "name")?;
        Ok(self
            .inner_mut()
            .read_file(&name, &file_bytes(&file, "readFile")?))
    }

    /// Scores up to `limit` queued assessments; returns how many still wait.
    #[wasm_bindgen(js_name = scorePending)]
    pub fn score_pending(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number")] limit: JsValue,
    ) -> Result<usize, JsValue> {
        let limit = count_arg(&limit, "scorePending", "limit")?;
        Ok(self.inner_mut().score_pending(limit))
    }

    /// Reads a file and scores everything in it.
    #[wasm_bindgen(js_name = addFile, unchecked_return_type = "Added")]
    pub fn add_file(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string")] name: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer")] file: JsValue,
    ) -> Result<JsValue, JsValue> {
        let name = text_arg(&name, "addFile", "name")?;
        to_js(
            &self
                .inner_mut()
                .add_file(&name, &file_bytes(&file, "addFile")?),
        )
    }

    /// Adds one request or result (a draft kept in the browser), scored.
    #[wasm_bindgen(js_name = addRequest, unchecked_return_type = "Added")]
    pub fn add_request(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string")] name: JsValue,
        #[wasm_bindgen(unchecked_param_type = "ScoreRequest | ScoreResult")] request: JsValue,
    ) -> Result<JsValue, JsValue> {
        let name = text_arg(&name, "addRequest", "name")?;
        let source = Source {
            file: name,
            row: None,
        };
        let request = request_arg(request)?;
        let inner = self.inner_mut();
        let added = match inner.open(request) {
            Ok(request) => inner.add_one(source, request),
            Err(err) => {
                inner.problem(source, err.text());
                Added {
                    entries: 0,
                    problems: 1,
                }
            }
        };
        to_js(&added)
    }

    /// Adds a user's rubric (JSON text or a file's bytes) kept in this
    /// browser, so drafts and requests that name it are scored with it.
    /// Returns its summary; one that cannot be added (invalid, or another
    /// rubric under its id) is listed among the problems as `name`, and
    /// null is returned.
    #[wasm_bindgen(js_name = addRubric, unchecked_return_type = "FrameworkSummary | null")]
    pub fn add_rubric(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string")] name: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer")] rubric: JsValue,
    ) -> Result<JsValue, JsValue> {
        let name = text_arg(&name, "addRubric", "name")?;
        let text = crate::file_arg(&rubric, "addRubric")?;
        let source = Source {
            file: name,
            row: None,
        };
        match self.inner_mut().add_rubric(source, &text) {
            Ok(loaded) => to_js(&khanaen::FrameworkSummary::of(&loaded)),
            Err(_) => Ok(JsValue::NULL),
        }
    }

    /// How many assessments the collection holds (set aside or not).
    #[wasm_bindgen(getter)]
    pub fn size(&self) -> usize {
        self.inner.entries.len()
    }

    /// One assessment's result, by the entry number the summary gives.
    #[wasm_bindgen(unchecked_return_type = "ScoreResult | null")]
    pub fn entry(
        &self,
        #[wasm_bindgen(unchecked_param_type = "number")] entry: JsValue,
    ) -> Result<JsValue, JsValue> {
        let id = count_arg(&entry, "entry", "entry")?;
        match self.inner.entries.get(id) {
            Some(e) => to_js(&e.result().map_err(into_error)?),
            None => Ok(JsValue::NULL),
        }
    }

    /// Sets an assessment aside (the user's choice between duplicates), or
    /// counts it again.
    #[wasm_bindgen(js_name = setAside)]
    pub fn set_aside(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number")] entry: JsValue,
        #[wasm_bindgen(unchecked_param_type = "boolean")] aside: JsValue,
    ) -> Result<(), JsValue> {
        let id = count_arg(&entry, "setAside", "entry")?;
        let aside = aside
            .as_bool()
            .ok_or_else(|| wrong("setAside", "aside", Expected::Boolean, &aside))?;
        let excluded = &mut self.inner_mut().excluded;
        if aside {
            excluded.insert(id);
        } else {
            excluded.remove(&id);
        }
        Ok(())
    }

    /// The summary (seed 000, attachment 3) of everything counted. With
    /// `{ units: false }` each round's `units` is left empty: 10,000 unit
    /// rows are most of its size, and a view showing a round's counts first
    /// asks for that round's with `units` when it shows them.
    #[wasm_bindgen(unchecked_return_type = "Summary")]
    pub fn summary(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "{ units?: boolean }")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let summary = self.summarized();
        if units_option(&options)? {
            return to_js(summary);
        }
        to_js(&summary.without_units())
    }

    /// The units counted in one round of `framework` (`{fiscal_year,
    /// round}`, as the summary names rounds), as the summary lists them;
    /// empty for a round the summary does not have.
    #[wasm_bindgen(unchecked_return_type = "UnitRow[]")]
    pub fn units(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] framework: JsValue,
        #[wasm_bindgen(unchecked_param_type = "RoundKey")] round: JsValue,
    ) -> Result<JsValue, JsValue> {
        let framework = text_arg(&framework, "units", "framework")?;
        let key = round_arg(round, "units")?;
        let units = self.summarized().rounds.iter().find(|r| {
            r.framework == framework && r.fiscal_year == key.fiscal_year && r.round == key.round
        });
        to_js(units.map_or(&[][..], |r| &r.units))
    }

    /// The summary as CSV, Thai headers unless `lang` is "en".
    #[wasm_bindgen(js_name = summaryCsv)]
    pub fn summary_csv(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "\"th\" | \"en\"")] lang: JsValue,
    ) -> Result<String, JsValue> {
        let lang = lang_arg(&lang, "summaryCsv")?;
        Ok(export::summary_csv::write(self.summarized(), lang))
    }

    /// The summary as indented JSON text.
    #[wasm_bindgen(js_name = summaryJson)]
    pub fn summary_json(&self) -> String {
        export::json::write(self.summarized())
    }

    /// The counted assessments of `framework` as the one-row-per-unit sheet.
    pub fn sheet(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] framework: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "\"th\" | \"en\"")] lang: JsValue,
    ) -> Result<String, JsValue> {
        let framework = text_arg(&framework, "sheet", "framework")?;
        let lang = lang_arg(&lang, "sheet")?;
        sheet::of_collection(&self.inner, &framework, lang).map_err(into_error)
    }

    /// The blank one-row-per-unit sheet of `framework` (its latest edition):
    /// a built-in, or a rubric this collection has (added, or carried by a
    /// file).
    pub fn template(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] framework: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "\"th\" | \"en\"")] lang: JsValue,
    ) -> Result<String, JsValue> {
        let framework = text_arg(&framework, "template", "framework")?;
        let lang = lang_arg(&lang, "template")?;
        sheet::blank(&self.inner.catalog, &framework, lang).map_err(into_error)
    }

    /// Each unit's assessment in round `before` beside its assessment in
    /// round `after` (`{fiscal_year, round}`, as the summary names rounds);
    /// with `pairs`, only the first that many pairs cross (a view shows a
    /// page of them; `pair_count` says how many there are).
    #[wasm_bindgen(unchecked_return_type = "Comparison")]
    pub fn compare(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] framework: JsValue,
        #[wasm_bindgen(unchecked_param_type = "RoundKey")] before: JsValue,
        #[wasm_bindgen(unchecked_param_type = "RoundKey")] after: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "number")] pairs: JsValue,
    ) -> Result<JsValue, JsValue> {
        let framework = text_arg(&framework, "compare", "framework")?;
        let before = round_arg(before, "compare")?;
        let after = round_arg(after, "compare")?;
        let pairs = match pairs.is_undefined() {
            true => None,
            false => Some(count_arg(&pairs, "compare", "pairs")?),
        };
        to_js(&compare::compare_rounds(
            &self.inner,
            &framework,
            before,
            after,
            pairs,
        ))
    }

    /// The KPI of every unit report of `framework` (KPI 3.2 from municipality
    /// report files), over `denominator` (the rubric's, 878, when not given);
    /// null when no file carries unit reports.
    #[wasm_bindgen(js_name = rollUp, unchecked_return_type = "RollUp | null")]
    pub fn roll_up(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] framework: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "string")] denominator: JsValue,
    ) -> Result<JsValue, JsValue> {
        let framework = text_arg(&framework, "rollUp", "framework")?;
        let denominator = match denominator.as_string() {
            Some(text) => Some(text),
            None if denominator.is_undefined() || denominator.is_null() => None,
            None => return Err(wrong("rollUp", "denominator", Expected::Text, &denominator)),
        };
        let rolled = roll_up::roll_up(&self.inner, &framework, denominator.as_deref())
            .map_err(into_error)?;
        to_js(&rolled)
    }
}

/// The blank one-row-per-unit sheet of a built-in framework (its latest
/// edition), to fill in Excel.
#[wasm_bindgen(js_name = sheetTemplate)]
pub fn sheet_template(
    #[wasm_bindgen(unchecked_param_type = "string")] framework: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "\"th\" | \"en\"")] lang: JsValue,
) -> Result<String, JsValue> {
    let id = text_arg(&framework, "sheetTemplate", "framework")?;
    let lang = lang_arg(&lang, "sheetTemplate")?;
    sheet::blank(&Catalog::default(), &id, lang).map_err(into_error)
}
