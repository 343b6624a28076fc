//! Writing the sheet: the blank template to fill in Excel, and a
//! collection's results in the same layout, which reads back the same.

use std::collections::BTreeMap;

use super::{DENOMINATOR, NUMERATOR, UNIT_COLUMNS};
use crate::catalog::Catalog;
use crate::cells::{quote, write_line};
use crate::collection::{Collection, Entry};
use crate::date;
use crate::error::Error;
use crate::framework::{Framework, Rubric};
use crate::raw::Raw;
use crate::result::{ScoreResult, Scores, Understood};
use crate::text::{Lang, Text};

/// Rows of blank lines the template offers: a district's tambons.
const TEMPLATE_ROWS: usize = 20;

/// The scored ids of a framework with their names, in rubric order, and
/// whether each is a percentage (which may be given as counts).
fn scored_columns(framework: &Framework) -> Vec<(String, Text, bool)> {
    match &framework.rubric {
        Rubric::Banded(rubric) => rubric
            .indicators()
            .map(|(_, i)| {
                let percent = i.input == crate::framework::IndicatorInput::Percent;
                (i.id.to_string(), i.name.clone(), percent)
            })
            .collect(),
        Rubric::Weighted(rubric) => rubric
            .all_items()
            .into_iter()
            .filter_map(|(item, _, _)| {
                let scoring = item.scoring.as_ref()?;
                let percent = matches!(
                    scoring,
                    crate::framework::Scoring::Thresholds {
                        input: crate::framework::ThresholdInput::Percent,
                        ..
                    }
                );
                Some((item.id.clone(), item.name.clone(), percent))
            })
            .collect(),
    }
}

/// The header: the unit's columns, then each scored id (with count columns
/// for the percentages in `with_counts`).
fn header(framework: &Framework, lang: Lang, with_counts: &[String]) -> Vec<String> {
    let mut cells: Vec<String> = UNIT_COLUMNS
        .iter()
        .map(|(_, th, en)| Text::new(*th, *en).get(lang).to_owned())
        .collect();
    for (id, name, _) in scored_columns(framework) {
        cells.push(format!("{id}. {}", name.get(lang)));
        if with_counts.contains(&id) {
            let i = usize::from(lang == Lang::En);
            cells.push(format!("{id} {}", NUMERATOR[i]));
            cells.push(format!("{id} {}", DENOMINATOR[i]));
        }
    }
    cells
}

/// The blank sheet for a framework and edition, to fill in Excel.
pub fn template(framework: &Framework, edition: &str, lang: Lang) -> String {
    let header = header(framework, lang, &[]);
    let mut out = String::from("\u{feff}");
    write_line(&mut out, header.iter().map(|h| quote(h)));
    for _ in 0..TEMPLATE_ROWS {
        let mut row = vec![quote(&framework.id), quote(edition)];
        row.resize(header.len(), String::new());
        write_line(&mut out, row.into_iter());
    }
    out
}

/// The blank sheet of a framework in the catalog (a built-in, or a rubric
/// added), its latest edition.
pub fn blank(catalog: &Catalog, framework: &str, lang: Lang) -> Result<String, Error> {
    let framework = catalog.find(framework)?;
    let edition = framework.edition(None)?;
    Ok(template(&framework, &edition.edition, lang))
}

/// A collection's included entries of `framework` as the sheet.
pub fn of_collection(
    collection: &Collection,
    framework: &str,
    lang: Lang,
) -> Result<String, Error> {
    let rubric = collection.catalog.find(framework)?;
    let results = collection
        .included()
        .filter(|e| e.outcome.framework == framework)
        .map(Entry::result)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(write(&rubric, &results, lang))
}

/// Results of one framework as the sheet: one row per unit, answers as the
/// core understood them (choices by label in `lang`). Items answered through
/// a sub-form (matrix, unit reports) are written as their result.
pub fn write(framework: &Framework, results: &[ScoreResult], lang: Lang) -> String {
    let columns = scored_columns(framework);
    // Each result's inputs, gathered once: the count columns and the rows both read them.
    let all_inputs: Vec<Inputs> = results.iter().map(inputs_of).collect();
    let with_counts: Vec<String> = columns
        .iter()
        .filter(|(id, _, percent)| {
            *percent
                && all_inputs.iter().any(|inputs| {
                    inputs
                        .get(id)
                        .and_then(|(u, _)| u.as_ref())
                        .is_some_and(|u| u.numerator.is_some())
                })
        })
        .map(|(id, _, _)| id.clone())
        .collect();
    let mut out = String::from("\u{feff}");
    write_line(
        &mut out,
        header(framework, lang, &with_counts)
            .iter()
            .map(|h| quote(h)),
    );
    for (r, inputs) in results.iter().zip(&all_inputs) {
        let u = &r.unit;
        let mut row = vec![
            quote(&r.framework.id),
            quote(&r.framework.edition),
            quote(&u.province),
            quote(&u.district),
            quote(&u.tambon),
            quote(&u.organisation),
            u.round.map_or_else(String::new, |x| x.to_string()),
            u.fiscal_year.map_or_else(String::new, |x| x.to_string()),
            quote(&date::spreadsheet_text(&u.date, lang)),
            quote(&u.assessor),
            quote(&u.position),
        ];
        for (id, _, _) in &columns {
            let (understood, result) = inputs.get(id).cloned().unwrap_or_default();
            // An answer the core could not read is written as it was typed,
            // so that the officer sees it, and it reads back as the same error.
            let typed = match &understood {
                Some(u) => Some(Typed::of(u, lang)),
                None => as_typed(r.request.get("answers").and_then(|a| a.get(id))),
            };
            let counts = typed.as_ref().and_then(|t| t.counts.clone());
            let value = match (&typed, &counts) {
                (Some(t), None) => quote(&t.value),
                (None, _) => result.unwrap_or_default(),
                (Some(_), Some(_)) => String::new(),
            };
            row.push(value);
            if with_counts.contains(id) {
                let (n, d) = counts.unwrap_or_default();
                row.push(quote(&n));
                row.push(quote(&d));
            }
        }
        write_line(&mut out, row.into_iter());
    }
    out
}

/// An entry's answers as understood, by id, with the result of items
/// answered through a sub-form.
type Inputs = BTreeMap<String, (Option<Understood>, Option<String>)>;

fn inputs_of(result: &ScoreResult) -> Inputs {
    // Inserted one by one, as `Raw::map_of` does: a map collected is sorted
    // first, by a sort the compiler writes for each place (~5 KB of wasm).
    let mut inputs = Inputs::new();
    match &result.scores {
        Scores::Banded(s) => {
            for i in &s.indicators {
                inputs.insert(i.id.to_string(), (i.input.clone(), None));
            }
        }
        Scores::Weighted(s) => {
            for i in &s.items {
                let result = i.result.as_ref().map(|r| r.exact().to_plain());
                inputs.insert(i.id.clone(), (i.input.clone(), result));
            }
        }
    }
    inputs
}

/// An answer as the sheet holds it: a value (or a choice's label), or counts.
#[derive(Default)]
struct Typed {
    value: String,
    counts: Option<(String, String)>,
}

impl Typed {
    fn of(understood: &Understood, lang: Lang) -> Typed {
        if let Some(label) = &understood.label {
            return Typed {
                value: label.get(lang).to_owned(),
                counts: None,
            };
        }
        let counts = match (&understood.numerator, &understood.denominator) {
            (Some(n), Some(d)) => Some((n.to_string(), d.to_string())),
            _ => None,
        };
        Typed {
            value: understood
                .value
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            counts,
        }
    }
}

/// An answer the core could not read, as it was typed: a value, or counts.
fn as_typed(raw: Option<&Raw>) -> Option<Typed> {
    let text = |raw: Option<&Raw>| match raw? {
        Raw::Text(t) => Some(t.clone()),
        Raw::Int(i) => Some(i.to_string()),
        Raw::Float(f) => Some(f.to_string()),
        _ => None,
    };
    let raw = raw?;
    if let Some(value) = text(Some(raw)).or_else(|| text(raw.get("value"))) {
        return Some(Typed {
            value,
            counts: None,
        });
    }
    let (numerator, denominator) = (text(raw.get("numerator")), text(raw.get("denominator")));
    (numerator.is_some() || denominator.is_some()).then(|| Typed {
        value: String::new(),
        counts: Some((
            numerator.unwrap_or_default(),
            denominator.unwrap_or_default(),
        )),
    })
}
