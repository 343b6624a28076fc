//! A CSV file as rows of cells, read as Excel and LibreOffice write it:
//! with or without a byte-order mark, CRLF or LF, quoted cells with commas,
//! quotes and line breaks, and ";" instead of "," in locales whose decimal
//! mark is a comma. Rows may differ in length.

/// The rows of a CSV text; the header is the first row.
pub fn rows(text: &str) -> Result<Vec<Vec<String>>, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter(text))
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| e.to_string())?;
        rows.push(record.iter().map(|cell| cell.trim().to_owned()).collect());
    }
    Ok(rows)
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
