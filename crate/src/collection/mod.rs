//! Many assessments brought together: the files districts send to the
//! province (seed 001: by LINE group), each scored by the core. A file may be
//! a downloaded JSON result or request (or a list of them), the CSV the form
//! downloads (one tambon, or many stacked), or the one-row-per-unit sheet.
//! A file or row that cannot be read is listed with the reason and left out;
//! it never stops the rest.

mod pending;
pub mod sheet;
pub mod stacked;
mod table;

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};

use serde::Serialize;

use crate::catalog::{Catalog, Loaded};
use crate::encoding;
use crate::error::Error;
use crate::framework::Rubric;
use crate::outcome::Outcome;
use crate::raw::Raw;
use crate::result::ScoreResult;
use crate::text::Text;
use pending::{Pending, SheetRows};
use table::Table;

/// A sheet's rows are read this many at a time, however many are asked
/// for: only a batch is ever held as requests (10,000 at once took 60 MB,
/// and a fifth of the CLI's time went to the kernel handing out pages).
const SHEET_BATCH: usize = 64;

/// Where an assessment came from: a file, and the row of a sheet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Source {
    pub file: String,
    /// The spreadsheet row (the header is row 1), for rows of a CSV.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<usize>,
}

/// One assessment in the collection: what summaries read, and the request
/// it was scored from, kept compactly (JSON text, or its sheet row) to
/// score again when the whole result is wanted.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub id: usize,
    pub source: Source,
    pub outcome: Outcome,
    /// The framework it was scored with: a built-in, or a rubric a file carried.
    pub framework: Loaded,
    request: Kept,
}

/// How an entry keeps the request it was scored from.
#[derive(Clone, Debug, PartialEq)]
enum Kept {
    /// As JSON text: a tenth of the memory of the parsed request.
    Json(Box<str>),
    /// As the sheet's row, read again: nothing of its own to write or keep.
    Row(sheet::RowAgain),
}

impl Entry {
    /// The whole result, scored again from the request: the same result
    /// the entry was scored to, since a request and its JSON copy (or its
    /// row read again) score alike.
    pub fn result(&self) -> Result<ScoreResult, Error> {
        let request: Raw = match &self.request {
            Kept::Json(text) => crate::json_text::parse(text)?,
            Kept::Row(row) => row.request()?,
        };
        crate::score_with(&self.framework, &request)
    }
}

/// A file, or a row of one, that could not be read as an assessment.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Problem {
    pub source: Source,
    pub message: Text,
}

/// What adding one file did.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Added {
    pub entries: usize,
    pub problems: usize,
}

/// Which unit an assessment is about, as its file wrote it: what lists of
/// units show. Pairing and duplicates match by `UnitKey`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct UnitNames {
    pub framework: String,
    pub province: String,
    pub district: String,
    pub place: String,
}

impl UnitNames {
    pub fn of(outcome: &Outcome) -> UnitNames {
        let u = &outcome.unit;
        UnitNames {
            framework: outcome.framework.clone(),
            province: u.province.clone(),
            district: u.district.clone(),
            place: u.place().to_owned(),
        }
    }

    /// What the unit is listed by (see `listed_as`).
    pub fn listed_as(&self) -> [&str; 3] {
        listed_as(&self.province, &self.district, &self.place)
    }
}

const PROVINCE: &[&str] = &["จังหวัด", "จ."];
const DISTRICT: &[&str] = &["อำเภอ", "อ.", "เขต"];
const PLACE: &[&str] = &["ตำบล", "ต.", "แขวง"];

/// The names a unit is listed by, in Thai order (`thai_order::units`):
/// province, district and place, each without a leading "จังหวัด",
/// "อำเภอ" or "ตำบล" (or "จ.", "อ.", "ต."), so that "ต.ห้วยขะยุง" is listed
/// with ห, beside "ห้วยขะยุง".
pub fn listed_as<'a>(province: &'a str, district: &'a str, place: &'a str) -> [&'a str; 3] {
    [
        bare(province, PROVINCE),
        bare(district, DISTRICT),
        bare(place, PLACE),
    ]
}

/// Which unit an assessment is about, for pairing and duplicates: the
/// framework and the place, written loosely ("ต.บุ่งไหม" is "บุ่งไหม").
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct UnitKey {
    pub framework: String,
    pub province: String,
    pub district: String,
    pub place: String,
}

/// Which assessment of the unit: the fiscal year and the round.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct RoundKey {
    pub fiscal_year: Option<u32>,
    pub round: Option<u8>,
}

impl UnitKey {
    pub fn of(outcome: &Outcome) -> UnitKey {
        let (framework, province, district, place) = key_parts(outcome);
        UnitKey {
            framework: framework.to_owned(),
            province: province.into_owned(),
            district: district.into_owned(),
            place: place.into_owned(),
        }
    }
}

/// A `UnitKey`'s parts, borrowed where a name is already loose (most are):
/// finding duplicates among 10,000 entries then copies almost nothing.
type KeyParts<'a> = (&'a str, Cow<'a, str>, Cow<'a, str>, Cow<'a, str>);

fn key_parts(outcome: &Outcome) -> KeyParts<'_> {
    let u = &outcome.unit;
    (
        &outcome.framework,
        loose(&u.province, PROVINCE),
        loose(&u.district, DISTRICT),
        loose(u.place(), PLACE),
    )
}

impl RoundKey {
    pub fn of(outcome: &Outcome) -> RoundKey {
        RoundKey {
            fiscal_year: outcome.unit.fiscal_year,
            round: outcome.unit.round,
        }
    }
}

/// A name without its leading "ตำบล" / "ต." (or the like), trimmed.
fn bare<'a>(name: &'a str, prefixes: &[&str]) -> &'a str {
    let name = name.trim_start();
    let bare = prefixes
        .iter()
        .find_map(|p| name.strip_prefix(p))
        .unwrap_or(name);
    bare.trim()
}

/// A name as a key: bare, spaces collapsed.
fn loose<'a>(name: &'a str, prefixes: &[&str]) -> Cow<'a, str> {
    let bare = bare(name, prefixes);
    if !bare.contains(char::is_whitespace) {
        return Cow::Borrowed(bare);
    }
    let mut key = String::with_capacity(bare.len());
    for word in bare.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(word);
    }
    Cow::Owned(key)
}

#[derive(Clone, Debug, Default)]
pub struct Collection {
    pub entries: Vec<Entry>,
    pub problems: Vec<Problem>,
    /// Entries the user set aside when resolving a duplicate.
    pub excluded: BTreeSet<usize>,
    /// Requests and sheet rows read from files and not yet scored.
    pending: VecDeque<Pending>,
    /// How many requests and sheet rows wait in `pending`.
    waiting: usize,
    /// The built-ins, and the rubrics files carried.
    pub catalog: Catalog,
    /// Ids under which two different rubrics were offered: a request that
    /// only names one of them could be scored with the wrong one.
    clashed: BTreeSet<String>,
}

impl Collection {
    /// Reads one file and scores every assessment in it.
    pub fn add_file(&mut self, name: &str, bytes: &[u8]) -> Added {
        self.tally(|c| {
            c.read_file(name, bytes);
            c.score_pending(usize::MAX);
        })
    }

    /// Scores one request (a draft, say) into the collection, and says what it added.
    pub fn add_one(&mut self, source: Source, request: Raw) -> Added {
        self.tally(|c| c.add_request(source, request))
    }

    /// What `change` added: entries and problems.
    fn tally(&mut self, change: impl FnOnce(&mut Self)) -> Added {
        let before = (self.entries.len(), self.problems.len());
        change(self);
        Added {
            entries: self.entries.len() - before.0,
            problems: self.problems.len() - before.1,
        }
    }

    /// Reads one file: its assessments wait to be scored by `score_pending`,
    /// what cannot be read is recorded as a problem at once. Returns how
    /// many assessments it queued.
    pub fn read_file(&mut self, name: &str, bytes: &[u8]) -> usize {
        let before = self.waiting;
        let file = Source {
            file: name.to_owned(),
            row: None,
        };
        match encoding::decode(bytes) {
            Err(err) => self.problem(file, err.text()),
            Ok(decoded) => {
                let text = decoded.text.trim_start_matches('\u{feff}');
                if text.trim_start().starts_with(['{', '[']) {
                    self.add_json(file, text);
                } else {
                    self.add_csv(file, text);
                }
            }
        }
        self.waiting - before
    }

    /// Scores up to `limit` queued assessments (a sheet's rows count one
    /// each, blank ones too); returns how many still wait.
    pub fn score_pending(&mut self, limit: usize) -> usize {
        self.entries.reserve(limit.min(self.waiting));
        let mut budget = limit;
        while budget > 0 {
            match self.pending.pop_front() {
                None => break,
                Some(Pending::Request(source, request)) => {
                    budget -= 1;
                    self.waiting -= 1;
                    self.add_request(source, request);
                }
                Some(Pending::Sheet(mut rows)) => {
                    let before = rows.left;
                    let file = rows.file.clone();
                    let batch = rows.next_rows(budget.min(SHEET_BATCH), |row, read, again| {
                        let source = Source {
                            file: file.clone(),
                            row: Some(row),
                        };
                        match read {
                            Ok(read) => self.score_row(source, read, again),
                            Err(message) => self.problem(source, message),
                        }
                    });
                    budget = budget.saturating_sub(batch.rows.max(1));
                    self.waiting -= before - rows.left;
                    let file = Source { file, row: None };
                    if let Some(detail) = batch.error {
                        self.problem(file, Error::MalformedRequest { detail }.text());
                    } else if rows.left > 0 {
                        self.pending.push_front(Pending::Sheet(rows));
                    } else if !rows.any {
                        self.problem(file, empty_file());
                    }
                }
            }
        }
        self.waiting
    }

    /// Requests read from rows of a stacked CSV `file`, queued; a row that
    /// is not a request is a problem.
    fn add_reads(&mut self, file: &str, reads: Vec<ReadRow>) {
        for read in reads {
            let source = Source {
                file: file.to_owned(),
                row: Some(read.row),
            };
            match read.request {
                Ok(request) => self.queue(source, request),
                Err(message) => self.problem(source, message),
            }
        }
    }

    fn queue(&mut self, source: Source, request: Raw) {
        self.waiting += 1;
        self.pending.push_back(Pending::Request(source, request));
    }

    fn add_json(&mut self, file: Source, text: &str) {
        // A single result reads as its request; a list as the list.
        let raw = match crate::json_text::parse(text) {
            Ok(raw) => raw,
            Err(err) => return self.problem(file, err.text()),
        };
        let items = match raw {
            Raw::List(items) => items,
            single => vec![single],
        };
        let many = items.len() > 1;
        for (index, item) in items.into_iter().enumerate() {
            let source = Source {
                file: file.file.clone(),
                // Items of a list are counted from 1, like rows.
                row: many.then_some(index + 1),
            };
            match self.open(item) {
                Ok(request) => self.queue(source, request),
                Err(err) => self.problem(source, err.text()),
            }
        }
    }

    fn add_csv(&mut self, file: Source, text: &str) {
        let table = Table::new(text);
        let mut header = Vec::new();
        let malformed = |detail| Error::MalformedRequest { detail }.text();
        // The header says what the file is.
        let at = match table.rows_from(0, |cells| {
            header = owned(cells);
            false
        }) {
            Ok(at) => at,
            Err(detail) => return self.problem(file, malformed(detail)),
        };
        if header.is_empty() {
            self.problem(file, empty_file());
        } else if stacked::is_stacked(&header) {
            // The form's export: one tambon in ~30 rows, read whole.
            let mut rows = vec![header];
            let read = table.rows_from(at, |cells| {
                rows.push(owned(cells));
                true
            });
            match read.map(|_| stacked::requests(&rows)) {
                Err(detail) => self.problem(file, malformed(detail)),
                Ok(reads) if reads.is_empty() => self.problem(file, empty_file()),
                Ok(reads) => self.add_reads(&file.file, reads),
            }
        } else if sheet::is_sheet(&header) {
            match table.count_from(at) {
                0 => self.problem(file, empty_file()),
                left => {
                    self.waiting += left;
                    self.pending.push_back(Pending::Sheet(SheetRows {
                        file: file.file,
                        table: std::sync::Arc::new(table),
                        at,
                        // The spreadsheet numbers rows from 1, the header's.
                        row: 2,
                        reader: sheet::Reader::new(&header),
                        left,
                        any: false,
                    }));
                }
            }
        } else {
            self.problem(file, not_an_assessment());
        }
    }

    /// The request in a request or result; a result scored with a user's
    /// rubric carries it, and it is added to the catalog here, to be found
    /// by its id when the request is scored.
    pub fn open(&mut self, value: Raw) -> Result<Raw, Error> {
        let carries = value.get(crate::catalog::RUBRIC).is_some();
        let (framework, request) = self.catalog.open_value(value)?;
        if !carries && self.clashed.contains(&framework.id) {
            return Err(Error::RubricIdTaken {
                id: framework.id.clone(),
                built_in: false,
            });
        }
        Ok(request)
    }

    /// Adds a rubric kept elsewhere (in the browser), for requests that only
    /// name it. One that differs from the rubric of its id already here is
    /// listed as a problem, and requests that only name that id are refused
    /// from then on: either rubric could be the one they were scored with.
    pub fn add_rubric(&mut self, source: Source, text: &str) -> Result<Loaded, Error> {
        self.catalog.add(text).inspect_err(|err| {
            if let Error::RubricIdTaken { id, .. } = err {
                self.clashed.insert(id.clone());
            }
            self.problem(source, err.text());
        })
    }

    /// Scores one request into the collection.
    pub fn add_request(&mut self, source: Source, request: Raw) {
        self.score_into(source, request, None);
    }

    /// Scores a sheet's row into the collection. A banded rubric's points
    /// are tallied from the row's cells as they stand; anything else is
    /// scored from the request the row makes.
    fn score_row(&mut self, source: Source, row: &sheet::Row, again: sheet::RowAgain) {
        // As a request's framework is read (the table's cells come trimmed,
        // so a blank one never reaches here from a file).
        let framework =
            crate::score::framework_id(&row.framework).and_then(|id| self.catalog.find(id));
        let framework = match framework {
            Ok(framework) => framework,
            Err(err) => return self.problem(source, err.text()),
        };
        let Rubric::Banded(rubric) = &framework.rubric else {
            return self.score_into(source, row.to_request(), Some(again));
        };
        let given = |key: &str| row.unit_detail(key);
        let answers: Vec<_> = row.answers().collect();
        let read =
            crate::score::banded_outcome(&framework, rubric, row.edition(), &given, &answers);
        match read {
            Ok(outcome) => self.add_entry(source, outcome, framework, Kept::Row(again)),
            Err(err) => self.problem(source, err.text()),
        }
    }

    /// Scores one request into the collection, kept as its sheet row when
    /// it was read from one, else as JSON text.
    fn score_into(&mut self, source: Source, request: Raw, again: Option<sheet::RowAgain>) {
        let scored = crate::score::named(&request)
            .and_then(|id| self.catalog.find(id))
            .and_then(|framework| {
                crate::score::outcome(&framework, request).map(|scored| (framework, scored))
            });
        match scored {
            Ok((framework, (outcome, request))) => {
                let kept = match again {
                    Some(row) => Kept::Row(row),
                    None => Kept::Json(crate::json_text::write_compact(&request).into()),
                };
                self.add_entry(source, outcome, framework, kept);
            }
            Err(err) => self.problem(source, err.text()),
        }
    }

    /// Adds a scored assessment, numbered in the order it came.
    fn add_entry(&mut self, source: Source, outcome: Outcome, framework: Loaded, request: Kept) {
        self.entries.push(Entry {
            id: self.entries.len(),
            source,
            outcome,
            framework,
            request,
        });
    }

    /// Records a file or row that could not be read, and why.
    pub fn problem(&mut self, source: Source, message: Text) {
        self.problems.push(Problem { source, message });
    }

    /// The entries that count: not set aside by the user.
    pub fn included(&self) -> impl Iterator<Item = &Entry> {
        self.entries
            .iter()
            .filter(|e| !self.excluded.contains(&e.id))
    }

    /// Groups of two or more included entries of the same unit, fiscal year
    /// and round: for the user to resolve, never summed (Decision H).
    /// Groups in key order, each in the order its entries came.
    pub fn duplicates(&self) -> Vec<Vec<usize>> {
        // Each key's first entry by hash, borrowed keys; only the few keys
        // seen twice are then sorted. For 10,000 entries a map of owned
        // keys took five times as long.
        let mut first: HashMap<(KeyParts, RoundKey), usize> =
            HashMap::with_capacity(self.entries.len());
        let mut groups: BTreeMap<(KeyParts, RoundKey), Vec<usize>> = BTreeMap::new();
        for entry in self.included() {
            let key = (key_parts(&entry.outcome), RoundKey::of(&entry.outcome));
            match first.get(&key) {
                Some(&earlier) => groups
                    .entry(key)
                    .or_insert_with(|| vec![earlier])
                    .push(entry.id),
                None => {
                    first.insert(key, entry.id);
                }
            }
        }
        groups.into_values().collect()
    }
}

fn owned(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|cell| (*cell).to_owned()).collect()
}

fn empty_file() -> Text {
    Text::new(
        "ไม่มีแบบประเมินในไฟล์ (ไฟล์ว่าง หรือมีแต่หัวตาราง)",
        "no assessment in the file (it is empty, or has only the header)",
    )
}

fn not_an_assessment() -> Text {
    Text::new(
        "ไม่ใช่ไฟล์ผลการประเมิน: ไม่พบคอลัมน์ “เกณฑ์การประเมิน” (ใช้ JSON หรือ CSV ที่ดาวน์โหลดจากแบบประเมิน หรือตารางหนึ่งแถวต่อหนึ่งหน่วย)",
        "not an assessment file: no “framework” column (use the JSON or CSV the form downloads, or the one-row-per-unit sheet)",
    )
}

/// A request read from a row of a CSV file, or why the row could not be read.
pub struct ReadRow {
    /// The spreadsheet row number (the header is row 1).
    pub row: usize,
    pub request: Result<Raw, Text>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sheet_row_is_kept_as_the_row_and_read_again_the_same() {
        // The framework filled down, a blank line, a quoted cell over two lines.
        let text = "\u{feff}framework,tambon,round,1,2\r\n\
                    sorsochot-23,บุ่งไหม,1,65,ไม่มี\r\n\
                    \r\n\
                    ,\"ท่าลาด\nเหนือ\",2,70,\r\n\
                    ,โนนผึ้ง,1,,\r\n";
        let mut collection = Collection::default();
        collection.add_file("sheet.csv", text.as_bytes());
        assert!(collection.problems.is_empty(), "{:?}", collection.problems);
        assert_eq!(collection.entries.len(), 3);
        let rows: Vec<_> = collection.entries.iter().map(|e| e.source.row).collect();
        // Rows as records: the blank line is skipped, the two-line cell is one row.
        assert_eq!(rows, [Some(2), Some(3), Some(4)]);
        for entry in &collection.entries {
            assert!(matches!(entry.request, Kept::Row(_)));
            let result = entry.result().unwrap();
            assert_eq!(Outcome::of(&result), entry.outcome);
            assert_eq!(
                result.request.get("framework"),
                Some(&Raw::text("sorsochot-23"))
            );
        }
        let tambon = |i: usize| {
            let result = collection.entries[i].result().unwrap();
            result
                .request
                .get("unit")
                .and_then(|u| u.get("tambon"))
                .cloned()
        };
        assert_eq!(tambon(1), Some(Raw::text("ท่าลาด\nเหนือ")));
        assert_eq!(tambon(2), Some(Raw::text("โนนผึ้ง")));
    }

    #[test]
    fn names_are_keys_loosely() {
        assert_eq!(loose(" ต.บุ่งไหม ", &["ตำบล", "ต."]), "บุ่งไหม");
        assert_eq!(loose("ตำบล  บุ่งไหม", &["ตำบล", "ต."]), "บุ่งไหม");
        assert_eq!(loose("บุ่ง  ไหม", &["ตำบล", "ต."]), "บุ่ง ไหม");
    }
}
