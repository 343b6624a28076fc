//! The one-row-per-unit sheet: the unit's details, then one column per
//! indicator (or scored item). An officer fills the template in Excel and
//! saves it as "CSV UTF-8"; a collection exports the same layout, so a sheet
//! goes round and comes back the same.
//!
//! Headers are read in Thai or English. An indicator's column is headed
//! "<id>. <name>" (or just "<id>"); a percentage may instead come as counts
//! in the optional columns "<id> ตัวตั้ง" and "<id> ตัวหาร" ("<id> numerator",
//! "<id> denominator"). A row with no framework takes the one above it, as a
//! filled-down column would; a row with nothing but the framework is blank.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::catalog::Catalog;
use crate::cells::{quote, write_line};
use crate::collection::table::Table;
use crate::collection::{Collection, Entry, ReadRow};
use crate::date;
use crate::error::Error;
use crate::framework::{Framework, Rubric};
use crate::raw::Raw;
use crate::result::{ScoreResult, Scores, Understood};
use crate::text::{Lang, Text};

/// The unit's columns: key in the request, Thai and English headers.
const UNIT_COLUMNS: [(&str, &str, &str); 11] = [
    ("framework", "เกณฑ์การประเมิน", "framework"),
    ("edition", "ฉบับ", "edition"),
    ("province", "จังหวัด", "province"),
    ("district", "อำเภอ", "district"),
    ("tambon", "ตำบล", "tambon"),
    ("organisation", "หน่วยงาน", "organisation"),
    ("round", "ครั้งที่", "round"),
    ("fiscal_year", "ปีงบประมาณ", "fiscal year"),
    ("date", "วันที่ประเมิน", "date"),
    ("assessor", "ผู้ประเมิน", "assessor"),
    ("position", "ตำแหน่ง", "position"),
];

const NUMERATOR: [&str; 2] = ["ตัวตั้ง", "numerator"];
const DENOMINATOR: [&str; 2] = ["ตัวหาร", "denominator"];

/// Rows of blank lines the template offers: a district's tambons.
const TEMPLATE_ROWS: usize = 20;

/// What a column holds.
#[derive(Clone, Debug, PartialEq)]
enum Column {
    Unit(&'static str),
    Value(String),
    Numerator(String),
    Denominator(String),
}

fn column(header: &str) -> Column {
    let lower = header.trim().to_ascii_lowercase();
    for (key, th, en) in UNIT_COLUMNS {
        if lower == th || lower == en {
            return Column::Unit(key);
        }
    }
    let part = |names: [&str; 2]| {
        names
            .iter()
            .find_map(|n| lower.strip_suffix(n))
            .map(|id| id.trim().trim_end_matches('.').trim().to_owned())
    };
    if let Some(id) = part(NUMERATOR) {
        return Column::Numerator(id);
    }
    if let Some(id) = part(DENOMINATOR) {
        return Column::Denominator(id);
    }
    // "1. ร้อยละของกรรมการ…" or "2.1.1. Outcome indicators met": the id ends at ". ".
    let id = header
        .trim()
        .split_once(". ")
        .map_or(header.trim(), |(id, _)| id);
    Column::Value(id.trim_end_matches('.').to_owned())
}

/// Whether a header row is the sheet's: it names the framework column.
pub fn is_sheet(header: &[impl AsRef<str>]) -> bool {
    header
        .iter()
        .any(|h| matches!(column(h.as_ref()), Column::Unit("framework")))
}

/// A column as rows are read: an answer's column names its answer's slot,
/// found once from the header instead of by comparing ids in every row.
#[derive(Clone, Copy, Debug)]
enum Slot {
    Unit(&'static str),
    Value(usize),
    /// The numerator or denominator of an answer given as counts.
    Part(usize, &'static str),
}

/// Reads a sheet's rows one at a time, after its header. Cheap to clone:
/// each row an entry keeps holds the reader as it stood before that row.
#[derive(Clone, Debug)]
pub struct Reader {
    columns: Arc<[Slot]>,
    /// The answers' ids, by slot, sorted (the order a request keeps them in).
    ids: Arc<[String]>,
    /// The framework of the row above, for a row that leaves it blank.
    framework: Arc<str>,
}

impl Reader {
    pub fn new(header: &[impl AsRef<str>]) -> Reader {
        let columns: Vec<Column> = header.iter().map(|h| column(h.as_ref())).collect();
        // Slots in the order of the ids, the order a request's answers are
        // kept in: each row's answers then need no sorting.
        let mut ids: Vec<String> = columns
            .iter()
            .filter_map(|c| match c {
                Column::Value(id) | Column::Numerator(id) | Column::Denominator(id) => {
                    Some(id.clone())
                }
                Column::Unit(_) => None,
            })
            .collect();
        ids.sort();
        ids.dedup();
        // Every id is among them: found, never inserted.
        let slot = |id: &String| ids.binary_search(id).unwrap_or_else(|at| at);
        let columns = columns
            .iter()
            .map(|c| match c {
                Column::Unit(key) => Slot::Unit(key),
                Column::Value(id) => Slot::Value(slot(id)),
                Column::Numerator(id) => Slot::Part(slot(id), "numerator"),
                Column::Denominator(id) => Slot::Part(slot(id), "denominator"),
            })
            .collect();
        Reader {
            columns,
            ids: ids.into(),
            framework: "".into(),
        }
    }

    /// The request in the cells of spreadsheet row `row`; none for a blank row.
    pub fn read(&mut self, row: usize, cells: &[impl AsRef<str>]) -> Option<ReadRow> {
        let request = self.read_row(cells)?.map(Row::into_request);
        Some(ReadRow { row, request })
    }

    /// The row's cells in place: none for a blank row, an error when no
    /// framework is named in it or above it.
    pub fn read_row(&mut self, cells: &[impl AsRef<str>]) -> Option<Result<Row, Text>> {
        let mut unit = Vec::new();
        let mut edition = None;
        // Each answer's column, the last one filled wins; counts given after
        // a value are left out, as the value was typed.
        let mut answers: Vec<Option<Raw>> = vec![None; self.ids.len()];
        let mut framework = None;
        for (column, cell) in self.columns.iter().zip(cells) {
            let cell = cell.as_ref();
            if cell.is_empty() {
                continue;
            }
            match *column {
                Slot::Unit("framework") => framework = Some(cell),
                Slot::Unit("edition") => edition = Some(Raw::text(cell)),
                Slot::Unit(key) => unit.push((key, Raw::text(cell))),
                Slot::Value(at) => answers[at] = Some(Raw::text(cell)),
                Slot::Part(at, part) => {
                    let answer = &mut answers[at];
                    let text = Raw::text(cell);
                    match answer {
                        None => *answer = Some(Raw::Map(BTreeMap::from([(part.to_owned(), text)]))),
                        Some(Raw::Map(map)) => {
                            map.insert(part.to_owned(), text);
                        }
                        Some(_) => {}
                    }
                }
            }
        }
        match framework {
            Some(id) if *id != *self.framework => self.framework = id.into(),
            _ => {}
        }
        if unit.is_empty() && answers.iter().all(Option::is_none) {
            return None;
        }
        if self.framework.is_empty() {
            return Some(Err(Text::new(
                "ไม่ได้ระบุเกณฑ์การประเมินในคอลัมน์ “เกณฑ์การประเมิน”",
                "no framework in the “framework” column",
            )));
        }
        Some(Ok(Row {
            framework: self.framework.clone(),
            edition,
            unit,
            answers,
            ids: self.ids.clone(),
        }))
    }
}

/// A sheet's row read into place: the framework (its own or the one above),
/// the edition, the unit's details and each answer by the sorted ids. A
/// banded rubric's tally reads it as it stands; anything else scores the
/// request it makes.
#[derive(Debug)]
pub struct Row {
    pub framework: Arc<str>,
    edition: Option<Raw>,
    /// In column order: a detail's last column filled wins.
    unit: Vec<(&'static str, Raw)>,
    answers: Vec<Option<Raw>>,
    ids: Arc<[String]>,
}

impl Row {
    pub fn edition(&self) -> Option<&Raw> {
        self.edition.as_ref()
    }

    /// A unit detail by its key in the request.
    pub fn unit_detail(&self, key: &str) -> Option<&Raw> {
        self.unit
            .iter()
            .rev()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v)
    }

    /// The answers given, by id in id order.
    pub fn answers(&self) -> impl Iterator<Item = (&str, &Raw)> + Clone {
        let given = self.ids.iter().zip(&self.answers);
        given.filter_map(|(id, answer)| Some((id.as_str(), answer.as_ref()?)))
    }

    /// The request the row makes: what `score` and a whole result read.
    pub fn into_request(self) -> Raw {
        let mut top = BTreeMap::new();
        top.insert("framework".to_owned(), Raw::text(&*self.framework));
        if let Some(edition) = self.edition {
            top.insert("edition".to_owned(), edition);
        }
        let unit = self.unit.into_iter().map(|(k, v)| (k.to_owned(), v));
        top.insert("unit".to_owned(), Raw::Map(unit.collect()));
        let answers = self.ids.iter().zip(self.answers);
        let answers = answers.filter_map(|(id, answer)| Some((id.clone(), answer?)));
        top.insert("answers".to_owned(), Raw::Map(answers.collect()));
        Raw::Map(top)
    }
}

/// A sheet's row an entry was scored from, to read again when its whole
/// result is wanted: the sheet's text, which all its rows share, where the
/// row starts, and the reader as it stood before the row. A 10,000-row
/// sheet is kept as its text, not as 10,000 copies of its requests.
#[derive(Clone)]
pub(crate) struct RowAgain {
    pub table: Arc<Table>,
    pub at: usize,
    pub row: usize,
    pub reader: Reader,
}

impl RowAgain {
    /// The request the row holds: the one it was scored from.
    pub fn request(&self) -> Result<Raw, Error> {
        let mut reader = self.reader.clone();
        let mut read = None;
        self.table
            .rows_from(self.at, |cells| {
                read = reader.read(self.row, cells);
                false
            })
            .map_err(|detail| Error::MalformedRequest { detail })?;
        match read {
            Some(ReadRow {
                request: Ok(request),
                ..
            }) => Ok(request),
            _ => Err(Error::MalformedRequest {
                detail: format!("row {} of the sheet holds no request", self.row),
            }),
        }
    }
}

/// The row, not the whole sheet's text.
impl std::fmt::Debug for RowAgain {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "RowAgain {{ row: {}, at: {} }}", self.row, self.at)
    }
}

/// The same row of the same sheet.
impl PartialEq for RowAgain {
    fn eq(&self, other: &RowAgain) -> bool {
        Arc::ptr_eq(&self.table, &other.table) && self.at == other.at
    }
}

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
    match &result.scores {
        Scores::Banded(s) => s
            .indicators
            .iter()
            .map(|i| (i.id.to_string(), (i.input.clone(), None)))
            .collect(),
        Scores::Weighted(s) => s
            .items
            .iter()
            .map(|i| {
                let result = i.result.as_ref().map(|r| r.exact().to_plain());
                (i.id.clone(), (i.input.clone(), result))
            })
            .collect(),
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_in_either_language() {
        assert_eq!(column("จังหวัด"), Column::Unit("province"));
        assert_eq!(column("Fiscal Year"), Column::Unit("fiscal_year"));
        assert_eq!(column("1. ร้อยละของกรรมการ"), Column::Value("1".into()));
        assert_eq!(
            column("2.1.1. Outcome indicators"),
            Column::Value("2.1.1".into())
        );
        assert_eq!(column("23"), Column::Value("23".into()));
        assert_eq!(column("1 ตัวตั้ง"), Column::Numerator("1".into()));
        assert_eq!(column("1 Denominator"), Column::Denominator("1".into()));
    }

    #[test]
    fn answers_from_columns_the_last_filled_wins_and_counts_after_a_value_are_left_out() {
        let header = [
            "framework",
            "1",
            "1 ตัวตั้ง",
            "1 ตัวหาร",
            "2 numerator",
            "2",
            "3",
            "3",
            "4 ตัวตั้ง",
        ];
        let mut reader = Reader::new(&header);
        let answers = |reader: &mut Reader, cells: &[&str]| {
            let read = reader.read(2, cells).unwrap();
            read.request.unwrap().get("answers").cloned().unwrap()
        };
        let counts = |n: &str, d: Option<&str>| {
            let mut map = BTreeMap::from([("numerator".to_owned(), Raw::text(n))]);
            if let Some(d) = d {
                map.insert("denominator".to_owned(), Raw::text(d));
            }
            Raw::Map(map)
        };
        let got = answers(&mut reader, &["f", "65", "3", "4", "1", "2", "a", "b", "7"]);
        let want = Raw::Map(BTreeMap::from([
            // A value typed, then counts: the value stands.
            ("1".to_owned(), Raw::text("65")),
            // Counts, then a value: the value replaces them.
            ("2".to_owned(), Raw::text("2")),
            // The same column twice: the last filled.
            ("3".to_owned(), Raw::text("b")),
            ("4".to_owned(), counts("7", None)),
        ]));
        assert_eq!(got, want);
        // Counts alone, the framework filled down from the row above.
        let got = answers(&mut reader, &["", "", "3", "4", "", "", "", "a", ""]);
        let want = Raw::Map(BTreeMap::from([
            ("1".to_owned(), counts("3", Some("4"))),
            ("3".to_owned(), Raw::text("a")),
        ]));
        assert_eq!(got, want);
        assert!(reader.read(3, &["", "", "", ""]).is_none());
    }
}
