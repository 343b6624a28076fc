//! Reading a sheet's rows: each into place (`Row`), for a banded rubric's
//! tally, or as the request it makes; and again, from the sheet's text,
//! when an entry's whole result is wanted (`RowAgain`).

use std::collections::BTreeMap;
use std::sync::Arc;

use super::{column, Column};
use crate::collection::table::Table;
use crate::collection::ReadRow;
use crate::error::Error;
use crate::raw::Raw;
use crate::text::Text;

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
        let mut read = Row::empty();
        let request = self
            .read_into(cells, &mut read)?
            .map(|()| read.to_request());
        Some(ReadRow { row, request })
    }

    /// The row's cells in place, into `row` (what it held before is
    /// replaced): none for a blank row, an error when no framework is named
    /// in it or above it.
    pub fn read_into(
        &mut self,
        cells: &[impl AsRef<str>],
        row: &mut Row,
    ) -> Option<Result<(), Text>> {
        row.clear(self.ids.len());
        // Each answer's column, the last one filled wins; counts given after
        // a value are left out, as the value was typed.
        let mut framework = None;
        for (column, cell) in self.columns.iter().zip(cells) {
            let cell = cell.as_ref();
            if cell.is_empty() {
                continue;
            }
            match *column {
                Slot::Unit("framework") => framework = Some(cell),
                Slot::Unit("edition") => {
                    let text = row.text(cell);
                    row.edition = Some(text);
                }
                Slot::Unit(key) => {
                    let text = row.text(cell);
                    row.unit.push((key, text));
                }
                Slot::Value(at) => {
                    let text = row.text(cell);
                    row.answers[at] = Some(text);
                }
                Slot::Part(at, part) => {
                    let text = row.text(cell);
                    let answer = &mut row.answers[at];
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
        if row.unit.is_empty() && row.answers.iter().all(Option::is_none) {
            return None;
        }
        if self.framework.is_empty() {
            return Some(Err(Text::new(
                "ไม่ได้ระบุเกณฑ์การประเมินในคอลัมน์ “เกณฑ์การประเมิน”",
                "no framework in the “framework” column",
            )));
        }
        row.framework = self.framework.clone();
        row.ids = self.ids.clone();
        Some(Ok(()))
    }
}

/// A sheet's row read into place: the framework (its own or the one above),
/// the edition, the unit's details and each answer by the sorted ids. A
/// banded rubric's tally reads it as it stands; anything else scores the
/// request it makes. One `Row` is read into again and again: its texts are
/// kept for the next row's cells instead of being freed and allocated
/// again, some sixty a row.
#[derive(Debug)]
pub struct Row {
    pub framework: Arc<str>,
    edition: Option<Raw>,
    /// In column order: a detail's last column filled wins.
    unit: Vec<(&'static str, Raw)>,
    answers: Vec<Option<Raw>>,
    ids: Arc<[String]>,
    /// Texts of the rows read before, emptied, for the next cells.
    spare: Vec<String>,
}

impl Row {
    pub fn empty() -> Row {
        Row {
            framework: "".into(),
            edition: None,
            unit: Vec::new(),
            answers: Vec::new(),
            ids: Arc::new([]),
            spare: Vec::new(),
        }
    }

    /// Empties the row for the next one, with `slots` answers, keeping its texts.
    fn clear(&mut self, slots: usize) {
        let spare = &mut self.spare;
        let mut keep = |raw: Raw| {
            if let Raw::Text(mut text) = raw {
                text.clear();
                spare.push(text);
            }
        };
        if let Some(edition) = self.edition.take() {
            keep(edition);
        }
        self.unit.drain(..).for_each(|(_, raw)| keep(raw));
        self.answers
            .iter_mut()
            .filter_map(Option::take)
            .for_each(keep);
        self.answers.resize(slots, None);
    }

    /// A cell's text, in a text kept from a row before when there is one.
    fn text(&mut self, cell: &str) -> Raw {
        let mut text = self.spare.pop().unwrap_or_default();
        text.push_str(cell);
        Raw::Text(text)
    }

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
    pub fn to_request(&self) -> Raw {
        let mut top = BTreeMap::new();
        top.insert("framework".to_owned(), Raw::text(&*self.framework));
        if let Some(edition) = &self.edition {
            top.insert("edition".to_owned(), edition.clone());
        }
        let unit = self.unit.iter().map(|(k, v)| ((*k).to_owned(), v.clone()));
        top.insert("unit".to_owned(), Raw::map_of(unit));
        let answers = self
            .answers()
            .map(|(id, answer)| (id.to_owned(), answer.clone()));
        top.insert("answers".to_owned(), Raw::map_of(answers));
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

#[cfg(test)]
mod tests {
    use super::*;

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
