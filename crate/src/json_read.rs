//! JSON text read by hand: the core's one JSON reader, for requests,
//! results, drafts and rubrics. It reads what serde_json read into `Raw`
//! before (the same values; a refusal where it refused, worded its own way,
//! columns counted in characters), without serde's generic machinery, which
//! was a fifth of the WebAssembly (issue 9).
//!
//! It reads into a light tree of its own, `Json`: objects as lists of
//! fields, texts borrowed from the file where they hold no escape. A rubric
//! is read from that tree into its types; a request becomes `Raw`. (A rubric
//! of 100,000 indicators read into `Raw` took ~450 MB, each small object a
//! map node of eleven places; this tree takes a fraction of it.)

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

use crate::raw::{whole, Raw};

/// A JSON value as read: a number already in `Raw`'s spelling of it; each
/// item of a list and each field of an object with where it starts in the
/// text (a byte offset), for a reader to say where a value is misshapen.
#[derive(Debug)]
pub enum Json<'a> {
    Null,
    Bool(bool),
    Number(Raw),
    Text(Cow<'a, str>),
    List(Vec<(usize, Json<'a>)>),
    /// Fields in the file's order; a name given twice is there twice.
    Object(Vec<Field<'a>>),
}

/// A field's name, where the name starts, and its value.
pub type Field<'a> = (Cow<'a, str>, usize, Json<'a>);

/// The line and column (from 1; columns in characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    // Past a bad escape, an offset may stand inside a Thai letter.
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[..end];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

impl Json<'_> {
    /// The loose tree a request is read as; of a name given twice, the last counts.
    pub fn into_raw(self) -> Raw {
        match self {
            Json::Null => Raw::Null,
            Json::Bool(b) => Raw::Bool(b),
            Json::Number(n) => n,
            Json::Text(text) => Raw::Text(text.into_owned()),
            Json::List(items) => {
                Raw::List(items.into_iter().map(|(_, item)| item.into_raw()).collect())
            }
            Json::Object(fields) => {
                let mut map = BTreeMap::new();
                for (name, _, value) in fields {
                    map.insert(name.into_owned(), value.into_raw());
                }
                Raw::Map(map)
            }
        }
    }

    /// The kind of value, for "expected X, got Y" messages, as `Raw` names it.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "boolean",
            Json::Number(_) => "number",
            Json::Text(_) => "text",
            Json::List(_) => "list",
            Json::Object(_) => "object",
        }
    }
}

/// Where reading stopped, and why; lines and columns count from 1, columns
/// in characters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Syntax {
    pub line: usize,
    pub column: usize,
    pub problem: String,
}

impl fmt::Display for Syntax {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.problem, self.line, self.column
        )
    }
}

/// Reads one JSON value; lists and objects may nest `max_depth` − 1 deep
/// (the value itself is level 1), as `Raw`'s own reader allows.
pub fn parse<'a>(text: &'a str, max_depth: usize, too_deep: &str) -> Result<Json<'a>, Syntax> {
    let mut reader = Reader {
        text,
        at: 0,
        max_depth,
        too_deep,
    };
    let value = reader.value(1)?;
    reader.skip_space();
    if reader.at < text.len() {
        return Err(reader.fail("trailing characters"));
    }
    Ok(value)
}

struct Reader<'a, 'm> {
    text: &'a str,
    at: usize,
    max_depth: usize,
    too_deep: &'m str,
}

impl<'a> Reader<'a, '_> {
    fn fail(&self, problem: &str) -> Syntax {
        let (line, column) = line_column(self.text, self.at);
        Syntax {
            line,
            column,
            problem: problem.to_owned(),
        }
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    fn eat(&mut self, word: &str) -> Result<(), Syntax> {
        if self.text[self.at..].starts_with(word) {
            self.at += word.len();
            Ok(())
        } else {
            Err(self.fail("expected a value"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json<'a>, Syntax> {
        self.skip_space();
        match self.peek() {
            None => Err(self.fail("unexpected end of the text")),
            Some(b'n') => self.eat("null").map(|()| Json::Null),
            Some(b't') => self.eat("true").map(|()| Json::Bool(true)),
            Some(b'f') => self.eat("false").map(|()| Json::Bool(false)),
            Some(b'"') => self.string().map(Json::Text),
            Some(b'-' | b'0'..=b'9') => self.number().map(Json::Number),
            Some(b'[') => {
                self.inner(depth)?;
                self.list(depth + 1).map(Json::List)
            }
            Some(b'{') => {
                self.inner(depth)?;
                self.object(depth + 1).map(Json::Object)
            }
            Some(_) => Err(self.fail("expected a value")),
        }
    }

    /// A list or an object may not stand at the last level.
    fn inner(&self, depth: usize) -> Result<(), Syntax> {
        if depth >= self.max_depth {
            return Err(self.fail(self.too_deep));
        }
        Ok(())
    }

    /// Past an opening bracket: whether `close` follows at once (an empty list or object).
    fn empty(&mut self, close: u8) -> bool {
        self.at += 1;
        self.skip_space();
        let empty = self.peek() == Some(close);
        if empty {
            self.at += 1;
        }
        empty
    }

    /// After an item or a field: whether `close` ends the list or object,
    /// or a comma says another follows.
    fn ends(&mut self, close: u8, expected: &str) -> Result<bool, Syntax> {
        self.skip_space();
        match self.peek() {
            Some(b',') => {
                self.at += 1;
                Ok(false)
            }
            Some(found) if found == close => {
                self.at += 1;
                Ok(true)
            }
            None => Err(self.fail("unexpected end of the text")),
            Some(_) => Err(self.fail(expected)),
        }
    }

    fn list(&mut self, depth: usize) -> Result<Vec<(usize, Json<'a>)>, Syntax> {
        let mut items = Vec::new();
        if self.empty(b']') {
            return Ok(items);
        }
        loop {
            self.skip_space();
            let start = self.at;
            items.push((start, self.value(depth)?));
            if self.ends(b']', "expected “,” or “]”")? {
                return Ok(items);
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Vec<Field<'a>>, Syntax> {
        let mut fields = Vec::new();
        if self.empty(b'}') {
            return Ok(fields);
        }
        loop {
            self.skip_space();
            match self.peek() {
                Some(b'"') => {}
                None => return Err(self.fail("unexpected end of the text")),
                Some(_) => return Err(self.fail("expected a key in quotes")),
            }
            let start = self.at;
            let key = self.string()?;
            self.skip_space();
            if self.peek() != Some(b':') {
                return Err(self.fail("expected “:”"));
            }
            self.at += 1;
            fields.push((key, start, self.value(depth)?));
            if self.ends(b'}', "expected “,” or “}”")? {
                return Ok(fields);
            }
        }
    }

    /// A text; borrowed from the file when it holds no escape (most do).
    fn string(&mut self) -> Result<Cow<'a, str>, Syntax> {
        self.at += 1;
        let plain = self.plain_run();
        if self.peek() == Some(b'"') {
            self.at += 1;
            return Ok(Cow::Borrowed(plain));
        }
        let mut out = String::from(plain);
        loop {
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    self.at += 1;
                    out.push(self.escape()?);
                }
                None => return Err(self.fail("unexpected end of the text in a string")),
                Some(_) => return Err(self.fail("control character in a string")),
            }
            out.push_str(self.plain_run());
        }
    }

    /// Up to the next quote, escape or control character: plain text, as it
    /// stands (the text is UTF-8, and these marks are all ASCII).
    fn plain_run(&mut self) -> &'a str {
        let start = self.at;
        let bytes = self.text.as_bytes();
        while bytes
            .get(self.at)
            .is_some_and(|&b| b != b'"' && b != b'\\' && b >= 0x20)
        {
            self.at += 1;
        }
        &self.text[start..self.at]
    }

    fn escape(&mut self) -> Result<char, Syntax> {
        let Some(b) = self.peek() else {
            return Err(self.fail("unexpected end of the text in a string"));
        };
        self.at += 1;
        Ok(match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode_escape(),
            _ => return Err(self.fail("invalid escape")),
        })
    }

    fn unicode_escape(&mut self) -> Result<char, Syntax> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if !self.text[self.at..].starts_with("\\u") {
                    return Err(self.fail("lone leading surrogate in hex escape"));
                }
                self.at += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(self.fail("lone leading surrogate in hex escape"));
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(self.fail("lone trailing surrogate in hex escape")),
            code => code,
        };
        char::from_u32(code).ok_or_else(|| self.fail("invalid escape"))
    }

    fn hex4(&mut self) -> Result<u32, Syntax> {
        let digits = self.text.get(self.at..self.at + 4);
        match digits.filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit())) {
            Some(digits) => {
                self.at += 4;
                u32::from_str_radix(digits, 16).map_err(|_| self.fail("invalid escape"))
            }
            None => Err(self.fail("invalid escape")),
        }
    }

    /// A number as JSON writes it: whole numbers as integers (beyond 64 bits,
    /// as floats), others as the nearest float; a whole float that
    /// JavaScript holds exactly is an integer, as `Raw` reads it.
    fn number(&mut self) -> Result<Raw, Syntax> {
        let start = self.at;
        let negative = self.peek() == Some(b'-');
        if negative {
            self.at += 1;
        }
        let int_start = self.at;
        match self.peek() {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.fail("invalid number")),
        }
        let int_end = self.at;
        let mut fraction = false;
        if self.peek() == Some(b'.') {
            self.at += 1;
            self.required_digits()?;
            fraction = true;
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.at += 1;
            }
            self.required_digits()?;
            fraction = true;
        }
        if !fraction {
            if let Ok(magnitude) = self.text[int_start..int_end].parse::<u64>() {
                return Ok(whole_number(negative, magnitude));
            }
        }
        match self.text[start..self.at].parse::<f64>() {
            Ok(f) if f.is_finite() => Ok(whole(f).map_or(Raw::Float(f), Raw::Int)),
            _ => Err(self.fail("number out of range")),
        }
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.at += 1;
        }
    }

    fn required_digits(&mut self) -> Result<(), Syntax> {
        if !matches!(self.peek(), Some(b'0'..=b'9')) {
            return Err(self.fail("invalid number"));
        }
        self.digits();
        Ok(())
    }
}

fn whole_number(negative: bool, magnitude: u64) -> Raw {
    match (negative, i64::try_from(magnitude)) {
        (false, Ok(i)) => Raw::Int(i),
        (false, Err(_)) => Raw::UInt(magnitude),
        (true, Ok(i)) => Raw::Int(-i),
        (true, Err(_)) if magnitude == 1 << 63 => Raw::Int(i64::MIN),
        // Below i64's range: a float, as serde_json read it.
        (true, Err(_)) => Raw::Float(-(magnitude as f64)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Raw, Syntax> {
        parse(text, 32, "too deep").map(Json::into_raw)
    }

    #[test]
    fn reads_every_kind_of_value() {
        let raw =
            read(r#" {"a": [1, -2, 2.5, "x\u0e01\n", true, false, null], "b": {}} "#).unwrap();
        let Raw::Map(map) = raw else { panic!() };
        assert_eq!(
            map["a"],
            Raw::List(vec![
                Raw::Int(1),
                Raw::Int(-2),
                Raw::Float(2.5),
                Raw::text("xก\n"),
                Raw::Bool(true),
                Raw::Bool(false),
                Raw::Null
            ])
        );
        assert_eq!(map["b"], Raw::Map(BTreeMap::new()));
    }

    #[test]
    fn numbers_take_the_spelling_raw_gives_them() {
        assert_eq!(read("5.0"), Ok(Raw::Int(5)));
        assert_eq!(read("-0"), Ok(Raw::Int(0)));
        assert_eq!(read("1e2"), Ok(Raw::Int(100)));
        assert_eq!(read("18446744073709551615"), Ok(Raw::UInt(u64::MAX)));
        assert_eq!(read("-9223372036854775808"), Ok(Raw::Int(i64::MIN)));
        assert_eq!(read("1e400").unwrap_err().problem, "number out of range");
    }

    #[test]
    fn refuses_what_json_does_not_allow_and_says_where() {
        for (text, line, column) in [
            ("{ not json", 1, 3),
            ("[1,]", 1, 4),
            ("01", 1, 2),
            ("1.", 1, 3),
            ("{\"a\":1}\nx", 2, 1),
            ("\"\\ud800\"", 1, 8),
            ("\"ก\u{1}\"", 1, 3),
            ("\"\\ก\"", 1, 3),
            ("", 1, 1),
        ] {
            let err = read(text).unwrap_err();
            assert_eq!((err.line, err.column), (line, column), "{text:?}: {err}");
        }
    }

    #[test]
    fn stops_at_the_depth_it_is_given() {
        assert!(read(&format!("{}{}", "[".repeat(31), "]".repeat(31))).is_ok());
        let err = read(&format!("{}{}", "[".repeat(32), "]".repeat(32))).unwrap_err();
        assert_eq!(err.problem, "too deep");
    }
}
