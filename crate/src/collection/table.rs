//! A CSV file as rows of cells, read as Excel and LibreOffice write it:
//! with or without a byte-order mark, CRLF or LF, quoted cells with commas,
//! quotes and line breaks, and ";" instead of "," in locales whose decimal
//! mark is a comma. Rows may differ in length.

use std::convert::Infallible;
use std::sync::Mutex;

/// A CSV text, read a few rows at a time: a sheet of 10,000 rows is never
/// all held as cells.
#[derive(Debug)]
pub struct Table {
    /// The text after any byte-order mark.
    text: String,
    delimiter: u8,
    /// Whether the text has a quote: without one, rows are lines cut at
    /// the delimiter, read without the parser (most sheets).
    quoted: bool,
    /// A parser kept between reads: building one costs as much as reading
    /// a few rows, and a sheet is read a batch at a time. (`csv_core`'s
    /// `Clone` of a parser loses its state machine: it is taken, not cloned.)
    parser: Mutex<Option<csv_core::Reader>>,
}

/// Room for a row's cells, grown when a row needs more.
struct Cells {
    bytes: Vec<u8>,
    ends: Vec<usize>,
    /// How much of each is filled.
    len: usize,
    count: usize,
}

/// What reading the next row gave.
enum Next {
    Row,
    End,
}

impl Table {
    pub fn new(text: &str) -> Table {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        Table {
            delimiter: delimiter(text),
            quoted: text.contains('"'),
            text: text.to_owned(),
            parser: Mutex::new(None),
        }
    }

    /// The kept parser, or a new one while it is in use.
    fn take_parser(&self) -> csv_core::Reader {
        let kept = self.parser.lock().ok().and_then(|mut kept| kept.take());
        match kept {
            Some(mut parser) => {
                parser.reset();
                parser
            }
            None => csv_core::ReaderBuilder::new()
                .delimiter(self.delimiter)
                .build(),
        }
    }

    fn keep_parser(&self, parser: csv_core::Reader) {
        if let Ok(mut kept) = self.parser.lock() {
            *kept = Some(parser);
        }
    }

    /// Hands `visit` the cells, trimmed, of each row from byte `at` (0, or
    /// a position this returned), while it returns true. Returns where the
    /// next row starts, or why a row is not CSV.
    pub fn rows_from(
        &self,
        at: usize,
        mut visit: impl FnMut(&[&str]) -> bool,
    ) -> Result<usize, String> {
        self.rows_with_start(at, |cells, _| visit(cells))
    }

    /// As `rows_from`, handing `visit` also where each row starts.
    pub fn rows_with_start(
        &self,
        at: usize,
        visit: impl FnMut(&[&str], usize) -> bool,
    ) -> Result<usize, String> {
        match self.quoted {
            false => Ok(self.lines_with_start(at, visit)),
            true => self.parsed_rows_with_start(at, visit),
        }
    }

    /// The rows from `at`, read by the parser.
    fn parsed_rows_with_start(
        &self,
        at: usize,
        mut visit: impl FnMut(&[&str], usize) -> bool,
    ) -> Result<usize, String> {
        self.each_row(at, |cells, start| Ok(visit(&cells.texts()?, start)))
    }

    /// The rows from `at` of a text without quotes, as the parser reads them
    /// but without it: a row is a line with something on it (a line ends at
    /// "\r", "\n" or both), its cells the line cut at the delimiter, each a
    /// slice of the text (already UTF-8: nothing copied or checked again).
    fn lines_with_start(&self, at: usize, mut visit: impl FnMut(&[&str], usize) -> bool) -> usize {
        let text = self.text.as_str();
        let is_break = |b: &u8| *b == b'\n' || *b == b'\r';
        let mut at = at.min(text.len());
        let mut cells = Vec::new();
        loop {
            let start = at;
            let rest = self.read_from(at);
            let blank = rest.bytes().take_while(is_break).count();
            let line = rest.get(blank..).unwrap_or_default();
            if line.is_empty() {
                return text.len();
            }
            // One pass over the line's bytes: its cells and its end.
            cells.clear();
            let (mut from, mut length) = (0, line.len());
            for (i, byte) in line.bytes().enumerate() {
                if byte == self.delimiter {
                    cells.push(cell_text(line.get(from..i).unwrap_or_default()));
                    from = i + 1;
                } else if is_break(&byte) {
                    length = i;
                    break;
                }
            }
            cells.push(cell_text(line.get(from..length).unwrap_or_default()));
            // Past the line and the one break byte that ended it, as the parser.
            at = text.len() - line.len() + (length + 1).min(line.len());
            if !visit(&cells, start) {
                return at;
            }
        }
    }

    /// The text a read from byte `at` sees: from the very start, without a
    /// second byte-order mark, which the parser drops where a read starts
    /// (and only there: see `next_row`).
    fn read_from(&self, at: usize) -> &str {
        let rest = self.text.get(at..).unwrap_or_default();
        match at {
            0 => rest.strip_prefix('\u{feff}').unwrap_or(rest),
            _ => rest,
        }
    }

    /// How many rows there are from byte `at`.
    pub fn count_from(&self, at: usize) -> usize {
        let rest = self.read_from(at).as_bytes();
        // Without a quote a row is a line with something on it, as the
        // parser reads it: counted without parsing (most sheets).
        if !rest.contains(&b'"') {
            let lines = rest.split(|&b| b == b'\n' || b == b'\r');
            return lines.filter(|line| !line.is_empty()).count();
        }
        self.count_parsed(at)
    }

    fn count_parsed(&self, at: usize) -> usize {
        let mut count = 0;
        let counted = self.each_row(at, |_, _| {
            count += 1;
            Ok::<bool, Infallible>(true)
        });
        counted.unwrap_or_else(|never| match never {});
        count
    }

    /// Reads the rows from byte `at` with the kept parser, handing `each`
    /// every row's cells and where the row starts, while it says to go on.
    /// Returns where the next row starts.
    fn each_row<E>(
        &self,
        at: usize,
        mut each: impl FnMut(&Cells, usize) -> Result<bool, E>,
    ) -> Result<usize, E> {
        let mut parser = self.take_parser();
        let mut cells = Cells::new();
        let mut at = at.min(self.text.len());
        // The parser drops a byte-order mark where a read starts; mid-text
        // that would make a row's cells depend on where a batch began.
        let mut keep_mark = at > 0;
        let read = loop {
            let start = at;
            let next = self.next_row(&mut parser, &mut at, &mut cells, keep_mark);
            keep_mark = false;
            match next {
                Next::End => break Ok(at),
                Next::Row => match each(&cells, start) {
                    Ok(true) => {}
                    Ok(false) => break Ok(at),
                    Err(err) => break Err(err),
                },
            }
        };
        self.keep_parser(parser);
        read
    }

    /// Reads the row from byte `at` into `cells`, moving `at` past it; with
    /// `keep_mark`, a byte-order mark where it starts is kept as text.
    fn next_row(
        &self,
        parser: &mut csv_core::Reader,
        at: &mut usize,
        cells: &mut Cells,
        keep_mark: bool,
    ) -> Next {
        use csv_core::ReadRecordResult as Read;
        cells.len = 0;
        cells.count = 0;
        let mut first = true;
        loop {
            let mut input = self.text.as_bytes().get(*at..).unwrap_or_default();
            // The parser's first input cut shorter than a mark: it keeps it.
            if keep_mark && std::mem::take(&mut first) {
                input = input.get(..2).unwrap_or(input);
            }
            let (read, nin, nout, nend) = parser.read_record(
                input,
                cells.bytes.get_mut(cells.len..).unwrap_or_default(),
                cells.ends.get_mut(cells.count..).unwrap_or_default(),
            );
            *at += nin;
            // The parser counts ends from the row's start, across calls.
            cells.len += nout;
            cells.count += nend;
            match read {
                Read::Record => return Next::Row,
                Read::End => return Next::End,
                Read::OutputFull => cells.bytes.resize(cells.bytes.len() * 2, 0),
                Read::OutputEndsFull => cells.ends.resize(cells.ends.len() * 2, 0),
                // All the text was given: the next call, with none, ends it.
                Read::InputEmpty => {}
            }
        }
    }
}

impl Cells {
    fn new() -> Cells {
        Cells {
            bytes: vec![0; 1024],
            ends: vec![0; 64],
            len: 0,
            count: 0,
        }
    }

    /// The row's cells as text, trimmed.
    fn texts(&self) -> Result<Vec<&str>, String> {
        let mut texts = Vec::with_capacity(self.count);
        let ends = self.ends.get(..self.count).unwrap_or_default();
        // Cells are the text cut at ASCII quotes and delimiters: still UTF-8,
        // but checked rather than assumed, the row at once (not cell by cell).
        let used = self.bytes.get(..ends.last().copied().unwrap_or(0));
        let row = std::str::from_utf8(used.unwrap_or_default()).map_err(|e| e.to_string())?;
        let mut from = 0;
        for &end in ends {
            let text = row
                .get(from..end)
                .ok_or_else(|| format!("a cell ends inside a character (byte {end})"))?;
            texts.push(cell_text(text));
            from = end;
        }
        Ok(texts)
    }
}

/// A cell as rows hand it out: trimmed, without a byte-order mark starting
/// it (never data: two saved files joined, a mark pasted in), as the parser
/// drops one where a read starts.
fn cell_text(cell: &str) -> &str {
    // A mark's first byte, looked at before searching for the mark.
    let cell = match cell.as_bytes().first() {
        Some(0xEF) => cell.trim_start_matches('\u{feff}'),
        _ => cell,
    };
    crate::text::trim(cell)
}

/// "," unless the first line, outside quotes, has more ";" than ",".
fn delimiter(text: &str) -> u8 {
    let (mut commas, mut semicolons, mut quoted) = (0, 0, false);
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => commas += 1,
            ';' if !quoted => semicolons += 1,
            '\n' if !quoted => break,
            _ => {}
        }
    }
    if semicolons > commas {
        b';'
    } else {
        b','
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Result<Vec<Vec<String>>, String> {
        let mut rows = Vec::new();
        Table::new(text).rows_from(0, |cells| {
            rows.push(cells.iter().map(|cell| (*cell).to_owned()).collect());
            true
        })?;
        Ok(rows)
    }

    #[test]
    fn reads_what_excel_writes() {
        let text =
            "\u{feff}a,b,c\r\n\"ต.บุ่งไหม, วาริน\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n1,2\r\n";
        assert_eq!(
            rows(text).unwrap(),
            [
                vec!["a", "b", "c"],
                vec!["ต.บุ่งไหม, วาริน", "say \"hi\"", "two\nlines"],
                vec!["1", "2"],
            ]
        );
        assert_eq!(
            rows("a;b\n1,5;2\n").unwrap(),
            [vec!["a", "b"], vec!["1,5", "2"]]
        );
    }

    #[test]
    fn reads_a_few_rows_at_a_time() {
        let table = Table::new("\u{feff}h1,h2\r\n\"a\nb\",1\r\nc,2\r\nd,3\r\n");
        let mut seen = Vec::new();
        let mut at = 0;
        loop {
            let mut read = 0;
            let next = table
                .rows_from(at, |cells| {
                    seen.push(cells.join("|"));
                    read += 1;
                    read < 2
                })
                .unwrap();
            if read == 0 {
                break;
            }
            at = next;
        }
        assert_eq!(seen, ["h1|h2", "a\nb|1", "c|2", "d|3"]);
        assert_eq!(table.count_from(0), 4);
        assert_eq!(table.count_from(at), 0);
    }

    #[test]
    fn grows_for_long_rows_and_reads_a_last_row_without_line_end() {
        let long = "ก".repeat(2_000);
        let wide: Vec<String> = (0..300).map(|i| i.to_string()).collect();
        let text = format!("h\n\"{long}\",x\n{}\n\nlast, row ", wide.join(","));
        let read = rows(&text).unwrap();
        assert_eq!(read.len(), 4, "the blank line is no row");
        assert_eq!(read[1], [long.as_str(), "x"]);
        assert_eq!(read[2], wide);
        assert_eq!(read[3], ["last", "row"]);
        assert_eq!(Table::new(&text).count_from(0), 4);
    }

    #[test]
    fn counts_lines_without_quotes_as_the_parser_reads_them() {
        for text in [
            "a,b\n1,2\n",
            "a,b\r\n1,2\r\n\r\n3,4",
            "a\r\rb\n\n c \n",
            "\n\n",
            "",
            "x\n\u{feff}\ny\n",
            "\u{feff}\r\nz",
        ] {
            let table = Table::new(text);
            for at in 0..=text.len() {
                if text.is_char_boundary(at) {
                    assert_eq!(
                        table.count_from(at),
                        table.count_parsed(at),
                        "{text:?} from {at}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_mark_starting_a_cell_is_dropped_wherever_a_read_starts() {
        // Two Excel files joined: the second's mark starts a row; a line
        // of a mark alone is a blank row, counted as the spreadsheet does.
        let text = "\u{feff}h\r\na\r\n\u{feff}h\r\n\u{feff}\r\nb";
        let table = Table::new(text);
        let read_from = |at| {
            let mut rows = Vec::new();
            table
                .rows_from(at, |cells| {
                    rows.push(cells.join("|"));
                    true
                })
                .unwrap();
            rows
        };
        assert_eq!(read_from(0), ["h", "a", "h", "", "b"]);
        let third = "h\r\na\r\n".len();
        assert_eq!(read_from(third), ["h", "", "b"]);
        assert_eq!(table.count_from(third), 3);
        let fourth = "h\r\na\r\n\u{feff}h\r\n".len();
        assert_eq!(read_from(fourth), ["", "b"]);
        assert_eq!(table.count_from(fourth), 2);
    }

    /// The table reads what the csv crate (which it replaced) read: the
    /// same rows, cells, and where each read ends, whole or a row at a time.
    mod reads_as_the_csv_crate_did {
        use super::*;
        use proptest::prelude::*;

        fn text() -> impl Strategy<Value = String> {
            let piece = prop_oneof![
                Just("a"),
                Just("ก"),
                Just(","),
                Just(";"),
                Just("\""),
                Just("\r"),
                Just("\n"),
                Just("\r\n"),
                Just(" "),
                Just("1,5"),
                Just("\u{feff}"),
            ];
            proptest::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
        }

        /// The rows from `at` and where the read ended, as the csv crate read them.
        fn by_csv_crate(table: &Table, at: usize) -> (Vec<Vec<String>>, usize) {
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .delimiter(table.delimiter)
                .from_reader(&table.text.as_bytes()[at..]);
            let mut record = csv::StringRecord::new();
            let mut rows = Vec::new();
            while reader.read_record(&mut record).unwrap() {
                // The table drops a mark starting a cell, which the csv
                // crate kept mid-text (and dropped where a read started).
                let cell = |c: &str| c.trim_start_matches('\u{feff}').trim().to_owned();
                rows.push(record.iter().map(cell).collect());
            }
            (rows, at + reader.position().byte() as usize)
        }

        /// What a read from `at` hands out and where it ends: every row's
        /// cells and start while `rows` last, read by `read`.
        type Read = (Vec<(Vec<String>, usize)>, usize);

        fn read_with(
            at: usize,
            rows: usize,
            read: impl FnOnce(usize, &mut dyn FnMut(&[&str], usize) -> bool) -> usize,
        ) -> Read {
            let mut seen = Vec::new();
            let end = read(at, &mut |cells, start| {
                seen.push((cells.iter().map(|c| (*c).to_owned()).collect(), start));
                seen.len() < rows
            });
            (seen, end)
        }

        proptest! {
            /// Without a quote, rows are read as lines, not parsed: the same
            /// rows, starts and ends as the parser gives, from any place a
            /// read may start, whole or a row at a time.
            #[test]
            fn lines_read_as_the_parser_reads_them(text in text()) {
                let text = text.replace('"', "");
                let table = Table::new(&text);
                prop_assert!(!table.quoted);
                for at in (0..=table.text.len()).filter(|at| table.text.is_char_boundary(*at)) {
                    for rows in [1, 2, usize::MAX] {
                        let lines = read_with(at, rows, |at, visit| table.lines_with_start(at, visit));
                        let parsed = read_with(at, rows, |at, visit| {
                            table.parsed_rows_with_start(at, visit).unwrap()
                        });
                        prop_assert_eq!(lines, parsed, "from {}, {} rows", at, rows);
                    }
                }
            }

            #[test]
            fn same_rows_whole_and_one_at_a_time(text in text()) {
                let table = Table::new(&text);
                let (expected, end) = by_csv_crate(&table, 0);
                let mut whole = Vec::new();
                let read_end = table.rows_from(0, |cells| {
                    whole.push(cells.iter().map(|c| (*c).to_owned()).collect::<Vec<_>>());
                    true
                });
                prop_assert_eq!(read_end, Ok(end));
                prop_assert_eq!(&whole, &expected);
                prop_assert_eq!(table.count_from(0), expected.len());
                // A row at a time, each read from where the last one ended.
                let mut at = 0;
                let mut one_by_one = Vec::new();
                loop {
                    let mut row = None;
                    let next = table.rows_from(at, |cells| {
                        row = Some(cells.iter().map(|c| (*c).to_owned()).collect::<Vec<_>>());
                        false
                    }).unwrap();
                    match row {
                        None => break,
                        Some(row) => {
                            prop_assert_eq!(table.count_from(at), expected.len() - one_by_one.len());
                            one_by_one.push(row);
                            at = next;
                        }
                    }
                }
                prop_assert_eq!(&one_by_one, &expected);
            }
        }
    }
}
