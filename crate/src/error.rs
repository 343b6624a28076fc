//! Every way scoring can fail, one variant per failure, each with a message
//! in Thai and English that names the indicator or field concerned.

use std::fmt;

use serde::Serialize;

use crate::text::Text;

/// Where a value sits in a request, as a JSON Pointer (RFC 6901):
/// `/answers/2.1.1/matrix/outcome-1`, `/unit/round`. Ids contain dots, so
/// parts are joined by "/", and a "~" or "/" within a part is written "~0"
/// or "~1". Errors and `missing` name fields the same way.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct FieldPath(String);

impl FieldPath {
    pub fn of<'a>(parts: impl IntoIterator<Item = &'a str>) -> FieldPath {
        let mut path = FieldPath::default();
        for part in parts {
            path.push(part);
        }
        path
    }

    /// This path and one part more.
    pub fn join(&self, part: &str) -> FieldPath {
        let mut path = self.clone();
        path.push(part);
        path
    }

    fn push(&mut self, part: &str) {
        self.0.push('/');
        for c in part.chars() {
            match c {
                '~' => self.0.push_str("~0"),
                '/' => self.0.push_str("~1"),
                c => self.0.push(c),
            }
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Read as the text it is written as.
impl std::ops::Deref for FieldPath {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for FieldPath {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for FieldPath {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl PartialEq<String> for FieldPath {
    fn eq(&self, other: &String) -> bool {
        self.0 == *other
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The place in a request a problem belongs to: a machine path the form can
/// put the message beside (`/answers/5/numerator`) and a label a person reads.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Field {
    pub path: FieldPath,
    pub label: Text,
}

impl Field {
    pub fn new(path: FieldPath, label: Text) -> Field {
        Field { path, label }
    }

    /// A part of this field: `/answers/5` → `/answers/5/numerator`, "(ตัวตั้ง)".
    pub fn part(&self, key: &str, th: &str, en: &str) -> Field {
        Field {
            path: self.path.join(key),
            label: Text::new(
                format!("{} ({th})", self.label.th),
                format!("{} ({en})", self.label.en),
            ),
        }
    }
}

/// What is wrong with one typed-in value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputProblem {
    Empty,
    NotANumber {
        typed: String,
    },
    NotFinite,
    TooLarge,
    TooManyDecimals,
    Negative,
    NotWhole,
    PercentAbove100,
    ZeroDenominator,
    NumeratorAboveDenominator,
    AboveMaximum {
        max: String,
    },
    LevelOutOfRange,
    ChoiceNotInList {
        typed: String,
        allowed: Vec<String>,
    },
    NotYesNo {
        typed: String,
    },
    WrongType {
        expected: Expected,
        got: &'static str,
    },
    UnknownIndicator,
    UnknownMatrixIndicator,
    UnknownReportItem,
    /// A key beside a report item's answer (or in its header) that the form does not ask.
    UnknownDetail,
    /// A report item's answer given under two names (`answer` and `value`).
    AnswerGivenTwice,
    RoundNotInEdition {
        round: String,
        allowed: Vec<u8>,
    },
    BadDate {
        typed: String,
    },
    ChristianEraYear {
        typed: String,
    },
    NotAFiscalYear,
    TooManyUnits {
        max: usize,
    },
}

/// The shape a field was expected to have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    Number,
    Text,
    Object,
    List,
    Answer,
    /// File contents: text, or its bytes.
    TextOrBytes,
    /// A language code, "th" or "en".
    Language,
    /// A list whose every item is text.
    ListOfTexts,
    Boolean,
    /// A round as the summary names it: `{fiscal_year, round}`.
    Round,
    /// The summary's options: `{units: true | false}`.
    SummaryOptions,
    /// A whole number, 0 or more (a rubric's points, levels, rounds).
    WholeNumber,
    /// A decimal written as text ("72.5"), or a whole number.
    Decimal,
    /// A kind named alone, or an object of one field named for its kind.
    OneKind,
    /// Nothing: null, for a kind that carries no data.
    Nothing,
}

impl Expected {
    pub fn text(self) -> Text {
        match self {
            Expected::Number => Text::new("ตัวเลข", "a number"),
            Expected::Text => Text::new("ข้อความ", "text"),
            Expected::Object => Text::new("ชุดข้อมูล (object)", "an object"),
            Expected::List => Text::new("รายการ (list)", "a list"),
            Expected::Answer => Text::new(
                "ตัวเลข ข้อความ หรือชุดข้อมูลคำตอบ",
                "a number, text or an answer object",
            ),
            Expected::TextOrBytes => Text::new("ข้อความหรือไบต์ของไฟล์", "text or the bytes of a file"),
            Expected::Language => Text::new("รหัสภาษา \"th\" หรือ \"en\"", "\"th\" or \"en\""),
            Expected::ListOfTexts => Text::new("รายการของข้อความ", "a list of texts"),
            Expected::Boolean => Text::new("ค่าจริงหรือเท็จ (true / false)", "true or false"),
            Expected::OneKind => Text::new(
                "ชื่อชนิด หรือชุดข้อมูลที่มีช่องเดียวตามชื่อชนิด เช่น {\"banded\": …}",
                "a kind's name, or an object of one field named for its kind, such as {\"banded\": …}",
            ),
            Expected::Nothing => Text::new("ว่าง (null)", "nothing (null)"),
            Expected::WholeNumber => Text::new("จำนวนเต็มตั้งแต่ 0", "a whole number, 0 or more"),
            Expected::Decimal => Text::new(
                "ทศนิยมเขียนเป็นข้อความ เช่น \"72.5\" หรือจำนวนเต็ม",
                "a decimal written as text, such as \"72.5\", or a whole number",
            ),
            Expected::Round => Text::new(
                "ครั้งการประเมิน {fiscal_year, round}",
                "a round, {fiscal_year, round}",
            ),
            Expected::SummaryOptions => Text::new(
                "ตัวเลือก {units: true หรือ false}",
                "options, {units: true or false}",
            ),
        }
    }
}

/// A problem with one field of a request. Scoring carries on without the
/// field, so the rest of the form still gets its points. Boxed to keep the
/// `Result`s that carry it small.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputError {
    pub field: Box<Field>,
    pub problem: Box<InputProblem>,
}

impl InputError {
    pub fn new(field: &Field, problem: InputProblem) -> InputError {
        InputError {
            field: Box::new(field.clone()),
            problem: Box::new(problem),
        }
    }

    /// The full message, naming the field, in both languages.
    pub fn message(&self) -> Text {
        let what = self.problem.text();
        Text::new(
            format!("{}: {}", self.field.label.th, what.th),
            format!("{}: {}", self.field.label.en, what.en),
        )
    }
}

impl InputProblem {
    pub fn text(&self) -> Text {
        use InputProblem::*;
        match self {
            Empty => Text::new("ยังไม่ได้กรอก", "is empty"),
            NotANumber { typed } => Text::new(
                format!("“{typed}” ไม่ใช่ตัวเลข"),
                format!("“{typed}” is not a number"),
            ),
            NotFinite => Text::new(
                "ต้องเป็นตัวเลขจริง (ไม่ใช่ NaN หรือ Infinity)",
                "must be a finite number (not NaN or Infinity)",
            ),
            TooLarge => Text::new(
                "ตัวเลขใหญ่เกินไป (ไม่เกิน 15 หลัก)",
                "is too large (at most 15 digits)",
            ),
            TooManyDecimals => Text::new(
                "ทศนิยมมากเกินไป (ไม่เกิน 10 ตำแหน่ง)",
                "has too many decimals (at most 10)",
            ),
            Negative => Text::new("ต้องไม่ติดลบ", "must not be negative"),
            NotWhole => Text::new("ต้องเป็นจำนวนเต็ม", "must be a whole number"),
            PercentAbove100 => Text::new("ร้อยละต้องไม่เกิน 100", "a percentage cannot exceed 100"),
            ZeroDenominator => Text::new("ตัวหารต้องมากกว่า 0", "the denominator must be above 0"),
            NumeratorAboveDenominator => Text::new(
                "ตัวตั้งต้องไม่มากกว่าตัวหาร",
                "the numerator cannot exceed the denominator",
            ),
            AboveMaximum { max } => {
                Text::new(format!("ต้องไม่เกิน {max}"), format!("must not exceed {max}"))
            }
            LevelOutOfRange => Text::new(
                "ระดับต้องอยู่ระหว่าง 1 ถึง 5",
                "the level must be between 1 and 5",
            ),
            ChoiceNotInList { typed, allowed } => Text::new(
                format!("“{typed}” ไม่อยู่ในรายการที่เลือกได้ ({})", allowed.join(", ")),
                format!(
                    "“{typed}” is not one of the choices ({})",
                    allowed.join(", ")
                ),
            ),
            NotYesNo { typed } => Text::new(
                format!("“{typed}” ต้องตอบ ใช่/ไม่ใช่ (มี/ไม่มี)"),
                format!("“{typed}” must be yes or no"),
            ),
            WrongType { expected, got } => {
                let expected = expected.text();
                Text::new(
                    format!("ต้องเป็น{} แต่ได้รับ {got}", expected.th),
                    format!("must be {}, got {got}", expected.en),
                )
            }
            UnknownIndicator => Text::new(
                "ไม่มีตัวชี้วัดนี้ในเกณฑ์ที่เลือก",
                "no such indicator in this framework",
            ),
            UnknownMatrixIndicator => Text::new(
                "ไม่มีตัวชี้วัดนี้ในแบบประเมินผล (evaluation matrix)",
                "no such indicator in the evaluation matrix",
            ),
            UnknownReportItem => Text::new("ไม่มีข้อนี้ในแบบรายงาน", "no such item in the report form"),
            UnknownDetail => Text::new("แบบรายงานไม่มีช่องนี้", "the report form has no such blank"),
            AnswerGivenTwice => Text::new(
                "ให้คำตอบไว้สองที่ (answer และ value): โปรดเหลือไว้ที่เดียว",
                "the answer is given twice (answer and value): keep one",
            ),
            RoundNotInEdition { round, allowed } => {
                let list = allowed
                    .iter()
                    .map(|r| r.to_string())
                    .collect::<Vec<_>>()
                    .join(", ");
                Text::new(
                    format!("ครั้งที่ “{round}” ไม่มีในฉบับนี้ (เลือกได้: {list})"),
                    format!("round “{round}” is not in this edition (allowed: {list})"),
                )
            }
            BadDate { typed } => Text::new(
                format!("“{typed}” ไม่ใช่วันที่ที่ถูกต้อง (เช่น 20/11/2567 หรือ 20 พ.ย. 2567)"),
                format!(
                    "“{typed}” is not a valid date (e.g. 20/11/2567 or 20 Nov 2567, Buddhist era)"
                ),
            ),
            ChristianEraYear { typed } => Text::new(
                format!("“{typed}” ดูเหมือนเป็นปี ค.ศ. โปรดใช้ปี พ.ศ."),
                format!("“{typed}” looks like a Christian-era year; use the Buddhist era"),
            ),
            NotAFiscalYear => Text::new(
                "ปีงบประมาณต้องเป็นปี พ.ศ. 4 หลัก เช่น 2568",
                "a fiscal year is a Buddhist-era year such as 2568",
            ),
            TooManyUnits { max } => Text::new(
                format!("มีหน่วยงานเกิน {max} แห่ง"),
                format!("more than {max} units"),
            ),
        }
    }
}

/// A failure that stops scoring altogether.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// The request is not a JSON object, or not JSON at all.
    MalformedRequest {
        detail: String,
    },
    /// The request names no framework.
    MissingFramework,
    UnknownFramework {
        id: String,
        known: Vec<String>,
    },
    UnknownEdition {
        framework: String,
        edition: String,
        known: Vec<String>,
    },
    /// A rubric file failed validation when loaded.
    /// Boxed: a rubric's error is the largest, and every call returns the type.
    InvalidFramework(Box<FrameworkError>),
    /// A user's rubric under the id of a built-in, or of another rubric
    /// already opened, with different content: it never shadows one silently.
    RubricIdTaken {
        id: String,
        built_in: bool,
    },
    /// A change to a part of a request that a change cannot set.
    BadPath {
        path: String,
    },
    /// A file carries a rubric, and its request names another framework.
    RubricNotNamed {
        named: String,
        rubric: String,
    },
    /// The request nests lists or objects deeper than any request can.
    TooDeep {
        max: usize,
    },
    /// A file's bytes are not text in any encoding Thai files come in.
    NotText,
    /// A function of the API was called with an argument of the wrong kind.
    WrongArgument {
        function: &'static str,
        argument: &'static str,
        expected: Expected,
        got: String,
    },
}

impl Error {
    /// A request that is another JSON value than an object.
    pub fn not_an_object(request: &crate::raw::Raw) -> Error {
        Error::MalformedRequest {
            detail: format!("expected a JSON object, got {}", request.kind_name()),
        }
    }

    /// A request that could not be read: too deep, or not a request at all.
    pub fn unreadable(detail: String) -> Error {
        if detail.contains(crate::raw::TOO_DEEP) {
            Error::TooDeep {
                max: crate::raw::MAX_DEPTH,
            }
        } else {
            Error::MalformedRequest { detail }
        }
    }

    pub fn text(&self) -> Text {
        match self {
            Error::MalformedRequest { detail } => Text::new(
                format!("คำขอไม่ถูกต้อง: {detail}"),
                format!("malformed request: {detail}"),
            ),
            Error::MissingFramework => Text::new(
                "คำขอไม่ได้ระบุเกณฑ์การประเมิน (framework)",
                "the request names no framework",
            ),
            Error::UnknownFramework { id, known } => Text::new(
                format!("ไม่รู้จักเกณฑ์การประเมิน “{id}” (มี: {})", known.join(", ")),
                format!("unknown framework “{id}” (known: {})", known.join(", ")),
            ),
            Error::UnknownEdition {
                framework,
                edition,
                known,
            } => Text::new(
                format!(
                    "เกณฑ์ “{framework}” ไม่มีฉบับ “{edition}” (มี: {})",
                    known.join(", ")
                ),
                format!(
                    "framework “{framework}” has no edition “{edition}” (known: {})",
                    known.join(", ")
                ),
            ),
            Error::InvalidFramework(err) => err.text(),
            Error::RubricIdTaken { id, built_in: true } => Text::new(
                format!("เกณฑ์ที่เปิดใช้รหัส “{id}” ซ้ำกับเกณฑ์ในเครื่องมือแต่เนื้อหาต่างกัน: ตั้งรหัสใหม่ให้เกณฑ์ของท่าน"),
                format!("this rubric uses the id “{id}” of a built-in framework but differs from it: give your rubric an id of its own"),
            ),
            Error::RubricIdTaken { id, built_in: false } => Text::new(
                format!("เปิดเกณฑ์รหัส “{id}” ไว้แล้วแต่เนื้อหาต่างกัน: ลบเกณฑ์เดิมก่อน หรือตั้งรหัสใหม่"),
                format!("a different rubric with the id “{id}” is already open: remove it first, or give this one an id of its own"),
            ),
            Error::BadPath { path } => Text::new(
                format!("แก้ “{path}” ไม่ได้: แก้ได้เฉพาะ /answers/<รหัส>, /unit/<ช่อง>, /remarks/<รหัส>, /shared/<รหัส>, /remark และ /edition"),
                format!("cannot set “{path}”: only /answers/<id>, /unit/<field>, /remarks/<id>, /shared/<id>, /remark and /edition can be set"),
            ),
            Error::RubricNotNamed { named, rubric } => Text::new(
                format!("ไฟล์ระบุเกณฑ์ “{named}” แต่เกณฑ์ที่แนบมาคือ “{rubric}”"),
                format!("the file names the framework “{named}” but carries the rubric “{rubric}”"),
            ),
            Error::TooDeep { max } => Text::new(
                format!("คำขอซ้อนกันลึกเกิน {max} ชั้น จึงไม่ใช่แบบประเมินที่อ่านได้"),
                format!("the request nests more than {max} levels deep, so it is not an assessment"),
            ),
            Error::NotText => Text::new(
                "ไฟล์นี้ไม่ใช่ข้อความแบบ UTF-8, UTF-16 หรือ TIS-620 (ภาษาไทยของ Windows รุ่นเก่า): โปรดบันทึกใหม่เป็น \"CSV UTF-8\" หรือ JSON",
                "this file is not text in UTF-8, UTF-16 or TIS-620 (older Thai Windows): save it again as \"CSV UTF-8\" or JSON",
            ),
            Error::WrongArgument {
                function,
                argument,
                expected,
                got,
            } => {
                let expected = expected.text();
                Text::new(
                    format!("{function}: “{argument}” ต้องเป็น{} แต่ได้รับ {got}", expected.th),
                    format!("{function}: “{argument}” must be {}, got {got}", expected.en),
                )
            }
        }
    }
}

impl Error {
    /// A stable name for the kind of failure, for code that tells them apart.
    pub fn code(&self) -> &'static str {
        match self {
            Error::MalformedRequest { .. } => "malformed_request",
            Error::MissingFramework => "missing_framework",
            Error::UnknownFramework { .. } => "unknown_framework",
            Error::UnknownEdition { .. } => "unknown_edition",
            Error::InvalidFramework(_) => "invalid_framework",
            Error::RubricIdTaken { .. } => "rubric_id_taken",
            Error::RubricNotNamed { .. } => "rubric_not_named",
            Error::BadPath { .. } => "bad_path",
            Error::TooDeep { .. } => "too_deep",
            Error::NotText => "not_text",
            Error::WrongArgument { .. } => "wrong_argument",
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = self.text();
        write!(f, "{} — {}", text.en, text.th)
    }
}

impl std::error::Error for Error {}

/// A rubric that cannot be used, and where in its file the problem is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrameworkError {
    pub framework: String,
    /// Where in the rubric: a path (`rubric.banded.categories.0`), or an
    /// indicator or item by its id.
    pub at: String,
    /// The line and column of the file it was read at, when it is read
    /// from text and the place is known.
    pub place: Option<(usize, usize)>,
    pub problem: FrameworkProblem,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FrameworkProblem {
    Parse {
        detail: String,
    },
    UnsupportedFormat {
        format: u32,
    },
    NoEditions,
    DuplicateId {
        id: String,
    },
    BadNumber {
        text: String,
    },
    NoBands,
    BandPointsOutOfOrder,
    BandUnreachable {
        points: u32,
    },
    BandWithoutChoice {
        points: u32,
    },
    ChoiceInTwoBands {
        choice: String,
    },
    ChoiceWithoutBand {
        choice: String,
    },
    LevelsDoNotCover {
        from: u32,
        to: u32,
    },
    ThresholdCount {
        got: usize,
    },
    ThresholdsOutOfOrder,
    NamedLevelCount {
        got: usize,
    },
    WeightsDoNotSum {
        expected: String,
        got: String,
    },
    NonPositiveWeight,
    UnknownReference {
        id: String,
    },
    NoChildrenNorScoring,
    /// A rubric, or one of its categories, with nothing to score.
    NoIndicators,
    /// The highest total the bands allow does not fit the points' type.
    TotalTooLarge,
    /// A percentage threshold or target outside 0–100.
    PercentOutOfRange {
        value: String,
    },
    /// A written range whose maximum lies below its minimum (or that holds no value).
    WrittenRangeReversed,
    /// A count given as a percentage of itself.
    PercentOfItself {
        id: String,
    },
    /// A choice without two options, or options on a detail that is no choice.
    DetailOptions,
    /// A detail asked only with one answer, on an item that has no yes/no.
    DetailWhen,
    /// An id that is empty, padded with spaces, or a name every object in
    /// the browser inherits (`constructor`, `toString`, `__proto__`…).
    BadId {
        id: String,
    },
    /// A detail's id is empty, or one the item's answer already uses.
    ReservedDetailId {
        id: String,
    },
    /// A choice's option that typing cannot tell from another (ids alike
    /// but for case, or one's label another's id).
    AmbiguousOption {
        option: String,
    },
    CaseFailed {
        input: String,
        expected: String,
        got: String,
    },
    /// A field the format does not have: a typo must not pass silently.
    UnknownField {
        field: String,
        known: Vec<&'static str>,
    },
    MissingField {
        field: &'static str,
    },
    /// A value of another kind than the field holds: text where a list belongs.
    WrongKind {
        expected: Expected,
        got: &'static str,
    },
    /// A kind (of input, scoring, target…) the format does not have.
    UnknownKind {
        got: String,
        known: Vec<&'static str>,
    },
    /// A kind that carries data, named alone: `"banded"` for `{"banded": {…}}`.
    KindWithoutData {
        kind: String,
    },
    /// A field given twice in one object: which one was meant cannot be told.
    DuplicateField {
        field: String,
    },
    /// A whole number beyond what the field holds (points, levels, rounds).
    NumberOutOfRange {
        text: String,
        max: u64,
    },
}

impl FrameworkError {
    pub fn text(&self) -> Text {
        let problem = self.problem.text();
        let (th, en) = match (self.at.as_str(), self.place) {
            ("", None) => ("ไฟล์".to_owned(), "the file".to_owned()),
            (at, None) => (at.to_owned(), at.to_owned()),
            ("", Some((line, column))) => (
                format!("บรรทัด {line} คอลัมน์ {column}"),
                format!("line {line}, column {column}"),
            ),
            (at, Some((line, column))) => (
                format!("{at} (บรรทัด {line} คอลัมน์ {column})"),
                format!("{at} (line {line}, column {column})"),
            ),
        };
        Text::new(
            format!("เกณฑ์ “{}” ใช้ไม่ได้ ที่ {th}: {}", self.framework, problem.th),
            format!(
                "framework “{}” is invalid at {en}: {}",
                self.framework, problem.en
            ),
        )
    }
}

impl FrameworkProblem {
    pub fn text(&self) -> Text {
        use FrameworkProblem::*;
        match self {
            Parse { detail } => Text::new(
                format!("อ่านไฟล์ไม่ได้: {detail}"),
                format!("cannot read the file: {detail}"),
            ),
            UnsupportedFormat { format } => Text::new(
                format!("ไม่รองรับรูปแบบไฟล์รุ่น {format}"),
                format!("unsupported format version {format}"),
            ),
            NoEditions => Text::new("ต้องมีอย่างน้อยหนึ่งฉบับ", "needs at least one edition"),
            DuplicateId { id } => {
                Text::new(format!("รหัส “{id}” ซ้ำ"), format!("id “{id}” is used twice"))
            }
            BadNumber { text } => Text::new(
                format!("“{text}” ไม่ใช่ตัวเลขทศนิยม"),
                format!("“{text}” is not a decimal number"),
            ),
            NoBands => Text::new("ต้องมีเกณฑ์อย่างน้อยสองช่วง", "needs at least two bands"),
            BandPointsOutOfOrder => Text::new(
                "คะแนนของแต่ละช่วงต้องเรียงจากน้อยไปมาก",
                "band points must ascend",
            ),
            BandUnreachable { points } => Text::new(
                format!("ช่วงคะแนน {points} ไม่มีทางได้ (เกณฑ์ไม่เรียงลำดับ)"),
                format!("the {points}-point band can never be reached (thresholds out of order)"),
            ),
            BandWithoutChoice { points } => Text::new(
                format!("ช่วงคะแนน {points} ไม่มีตัวเลือก"),
                format!("the {points}-point band has no choice"),
            ),
            ChoiceInTwoBands { choice } => Text::new(
                format!("ตัวเลือก “{choice}” อยู่ในสองช่วง"),
                format!("choice “{choice}” is in two bands"),
            ),
            ChoiceWithoutBand { choice } => Text::new(
                format!("ตัวเลือก “{choice}” ไม่อยู่ในช่วงใด"),
                format!("choice “{choice}” is in no band"),
            ),
            LevelsDoNotCover { from, to } => Text::new(
                format!("ระดับต้องครอบคลุมคะแนนรวม {from}–{to} โดยไม่ขาดไม่ซ้อน"),
                format!("levels must cover totals {from}–{to} without gaps or overlaps"),
            ),
            ThresholdCount { got } => Text::new(
                format!("ต้องมีเกณฑ์ 5 ระดับ (มี {got})"),
                format!("needs 5 thresholds (has {got})"),
            ),
            ThresholdsOutOfOrder => Text::new(
                "เกณฑ์ 5 ระดับต้องเพิ่มขึ้นหรือลดลงตลอด",
                "the 5 thresholds must strictly ascend or strictly descend",
            ),
            NamedLevelCount { got } => Text::new(
                format!("ต้องมีชื่อระดับ 5 ชื่อ (มี {got})"),
                format!("needs 5 named levels (has {got})"),
            ),
            WeightsDoNotSum { expected, got } => Text::new(
                format!("น้ำหนักรวมต้องเท่ากับ {expected} (ได้ {got})"),
                format!("weights must sum to {expected} (they sum to {got})"),
            ),
            NonPositiveWeight => Text::new("น้ำหนักต้องมากกว่า 0", "weights must be above 0"),
            UnknownReference { id } => Text::new(
                format!("อ้างถึง “{id}” ซึ่งไม่มีอยู่"),
                format!("refers to “{id}”, which does not exist"),
            ),
            NoChildrenNorScoring => Text::new(
                "ต้องมีหัวข้อย่อยหรือวิธีให้คะแนนอย่างใดอย่างหนึ่ง",
                "needs either children or a scoring rule, not both or neither",
            ),
            BadId { id } => Text::new(
                format!("ใช้ “{id}” เป็นรหัสไม่ได้ (ว่าง มีช่องว่างหัวท้าย หรือเป็นคำสงวนของเบราว์เซอร์)"),
                format!("“{id}” cannot be an id (empty, padded with spaces, or a name browsers reserve)"),
            ),
            NoIndicators => Text::new(
                "ไม่มีตัวชี้วัดให้ประเมิน",
                "has no indicators to score",
            ),
            TotalTooLarge => Text::new(
                "คะแนนรวมสูงสุดเกินกว่าที่นับได้ (4,294,967,295)",
                "the highest total is larger than points can count (4,294,967,295)",
            ),
            PercentOutOfRange { value } => Text::new(
                format!("ร้อยละ {value} อยู่นอกช่วง 0–100"),
                format!("the percentage {value} lies outside 0–100"),
            ),
            WrittenRangeReversed => Text::new(
                "ช่วงที่เขียนไว้มีค่าสูงสุดน้อยกว่าค่าต่ำสุด (หรือไม่มีค่าใดอยู่ในช่วง)",
                "the written range's max lies below its min (or it holds no value)",
            ),
            PercentOfItself { id } => Text::new(
                format!("“{id}” คิดเป็นร้อยละของตัวเองไม่ได้"),
                format!("“{id}” cannot be a percentage of itself"),
            ),
            DetailOptions => Text::new(
                "รายละเอียดแบบเลือกต้องมีตัวเลือกอย่างน้อย 2 ตัว ชนิดอื่นต้องไม่มีตัวเลือก",
                "a choice detail needs two options or more, and other kinds none",
            ),
            DetailWhen => Text::new(
                "“when” ใช้ได้เฉพาะรายละเอียดของข้อที่ตอบ มี/ไม่มี",
                "“when” is allowed only on a detail of an item answered yes or no",
            ),
            ReservedDetailId { id } => Text::new(
                format!("ใช้ “{id}” เป็นรหัสรายละเอียดไม่ได้ (ว่าง หรือซ้ำกับส่วนของคำตอบ)"),
                format!("“{id}” cannot be a detail id (empty, or taken by the answer itself)"),
            ),
            AmbiguousOption { option } => Text::new(
                format!("ตัวเลือก “{option}” แยกไม่ออกจากตัวเลือกอื่นเมื่อพิมพ์ (รหัสต่างกันแค่ตัวพิมพ์ หรือชื่อซ้ำกับรหัสของอีกตัว)"),
                format!("the option “{option}” cannot be told from another when typed (ids differing only in case, or its label another's id)"),
            ),
            CaseFailed {
                input,
                expected,
                got,
            } => Text::new(
                format!("ตัวอย่าง {input} ควรได้ {expected} แต่ได้ {got}"),
                format!("example {input} should give {expected} but gives {got}"),
            ),
            UnknownField { field, known } => Text::new(
                format!("ไม่มีช่อง “{field}” ในรูปแบบไฟล์ (มี: {})", known.join(", ")),
                format!("the format has no field “{field}” (it has: {})", known.join(", ")),
            ),
            MissingField { field } => Text::new(
                format!("ขาดช่อง “{field}”"),
                format!("the field “{field}” is missing"),
            ),
            WrongKind { expected, got } => {
                let expected = expected.text();
                Text::new(
                    format!("ต้องเป็น{} แต่ได้รับ {got}", expected.th),
                    format!("must be {}, got {got}", expected.en),
                )
            }
            UnknownKind { got, known } => Text::new(
                format!("ไม่รู้จักชนิด “{got}” (มี: {})", known.join(", ")),
                format!("unknown kind “{got}” (known: {})", known.join(", ")),
            ),
            KindWithoutData { kind } => Text::new(
                format!("ชนิด “{kind}” ต้องมีข้อมูลของชนิดด้วย: {{\"{kind}\": {{…}}}}"),
                format!("the kind “{kind}” needs its data: {{\"{kind}\": {{…}}}}"),
            ),
            DuplicateField { field } => Text::new(
                format!("ช่อง “{field}” ซ้ำกันในชุดข้อมูลเดียว"),
                format!("the field “{field}” is given twice in one object"),
            ),
            NumberOutOfRange { text, max } => Text::new(
                format!("“{text}” ต้องเป็นจำนวนเต็มตั้งแต่ 0 ถึง {max}"),
                format!("“{text}” must be a whole number from 0 to {max}"),
            ),
        }
    }
}
