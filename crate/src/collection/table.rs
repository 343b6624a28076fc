//! A CSV file as rows of cells, read as Excel and LibreOffice write it:
//! with or without a byte-order mark, CRLF or LF, quoted cells with commas,
//! quotes and line breaks, and ";" instead of "," in locales whose decimal
//! mark is a comma. Rows may differ in length.

/// A CSV text, read a few rows at a time: a sheet of 10,000 rows is never
/// all held as cells.
#[derive(Clone, Debug)]
pub struct Table {
    /// The text after any byte-order mark.
    text: String,
    delimiter: u8,
}

impl Table {
    pub fn new(text: &str) -> Table {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        Table {
            delimiter: delimiter(text),
            text: text.to_owned(),
        }
    }

    fn reader(&self, at: usize) -> csv::Reader<&[u8]> {
        csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(self.delimiter)
            .from_reader(self.text.as_bytes().get(at..).unwrap_or_default())
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
        mut visit: impl FnMut(&[&str], usize) -> bool,
    ) -> Result<usize, String> {
        let mut reader = self.reader(at);
        let mut record = csv::StringRecord::new();
        let mut start = at;
        while reader.read_record(&mut record).map_err(|e| e.to_string())? {
            let cells: Vec<&str> = record.iter().map(str::trim).collect();
            if !visit(&cells, start) {
                break;
            }
            start = at + reader.position().byte() as usize;
        }
        Ok(at + reader.position().byte() as usize)
    }

    /// How many rows there are from byte `at`.
    pub fn count_from(&self, at: usize) -> Result<usize, String> {
        let mut reader = self.reader(at);
        let mut record = csv::ByteRecord::new();
        let mut count = 0;
        while reader
            .read_byte_record(&mut record)
            .map_err(|e| e.to_string())?
        {
            count += 1;
        }
        Ok(count)
    }
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
        assert_eq!(table.count_from(0).unwrap(), 4);
        assert_eq!(table.count_from(at).unwrap(), 0);
    }
}
