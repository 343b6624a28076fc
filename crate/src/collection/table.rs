//! A CSV file as rows of cells, read as Excel and LibreOffice write it:
//! with or without a byte-order mark, CRLF or LF, quoted cells with commas,
//! quotes and line breaks, and ";" instead of "," in locales whose decimal
//! mark is a comma. Rows may differ in length.

/// Hands `visit` each row's index (the header is 0) and its cells, trimmed,
/// one row at a time: a sheet of 10,000 rows is never all held as cells.
/// Stops at the first row that is not CSV.
pub fn each_row(text: &str, mut visit: impl FnMut(usize, &[&str])) -> Result<(), String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter(text))
        .from_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    for index in 0.. {
        if !reader.read_record(&mut record).map_err(|e| e.to_string())? {
            break;
        }
        let cells: Vec<&str> = record.iter().map(str::trim).collect();
        visit(index, &cells);
    }
    Ok(())
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
        each_row(text, |_, cells| {
            rows.push(cells.iter().map(|cell| (*cell).to_owned()).collect())
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
}
