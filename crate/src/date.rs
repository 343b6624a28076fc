//! Buddhist-era dates as Thai officers write them, and as spreadsheets
//! cannot mistake for Gregorian dates.
//!
//! Read: `2567-11-20`, `20/11/2567`, `20/11/67`, `20 พ.ย. 2567`,
//! `20 พฤศจิกายน พ.ศ. 2567`, `๒๐ พ.ย. ๖๗`, `20 Nov 2567 BE`. A two-digit
//! year is the Buddhist era's (67 is 2567). Kept as `YYYY-MM-DD`.

use crate::error::{Field, InputError, InputProblem};
use crate::input::thai_digit_to_ascii;
use crate::text::Lang;

const MONTHS: [(&str, &str, &str); 12] = [
    ("ม.ค.", "มกราคม", "Jan"),
    ("ก.พ.", "กุมภาพันธ์", "Feb"),
    ("มี.ค.", "มีนาคม", "Mar"),
    ("เม.ย.", "เมษายน", "Apr"),
    ("พ.ค.", "พฤษภาคม", "May"),
    ("มิ.ย.", "มิถุนายน", "Jun"),
    ("ก.ค.", "กรกฎาคม", "Jul"),
    ("ส.ค.", "สิงหาคม", "Aug"),
    ("ก.ย.", "กันยายน", "Sep"),
    ("ต.ค.", "ตุลาคม", "Oct"),
    ("พ.ย.", "พฤศจิกายน", "Nov"),
    ("ธ.ค.", "ธันวาคม", "Dec"),
];

/// A month named in Thai (abbreviated, with or without its dots, or in
/// full) or in English (three letters or more), as 1–12.
fn month_named(word: &str) -> Option<u32> {
    let undotted = |s: &str| s.replace('.', "");
    let lower = word.to_ascii_lowercase();
    MONTHS
        .iter()
        .position(|(short, full, en)| {
            // ASCII letters checked first: only then is byte 3 a character boundary.
            let english = lower.chars().all(|c| c.is_ascii_alphabetic())
                && lower.len() >= 3
                && en.to_ascii_lowercase().starts_with(&lower[..3]);
            undotted(word) == undotted(short) || word == *full || english
        })
        .map(|i| i as u32 + 1)
}

/// Reads a date in any of the forms above and returns it as `YYYY-MM-DD`.
pub fn buddhist_date(typed: &str, field: &Field) -> Result<String, InputError> {
    let bad = || {
        InputError::new(
            field,
            InputProblem::BadDate {
                typed: typed.to_owned(),
            },
        )
    };
    let ascii: String = typed.trim().chars().map(thai_digit_to_ascii).collect();
    let (day, month, year) = parts(&ascii).ok_or_else(bad)?;
    let num = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (Some(day), Some(year)) = (num(day), num(year)) else {
        return Err(bad());
    };
    // Two digits are the Buddhist era's (67 is 2567); below 40 they would
    // be years long past, and more likely the Christian era's (24 for 2024).
    let christian = (1900..2300).contains(&year) || year < 40;
    let year = if year < 100 { 2500 + year } else { year };
    if christian {
        return Err(InputError::new(
            field,
            InputProblem::ChristianEraYear {
                typed: typed.to_owned(),
            },
        ));
    }
    if !(2400..=2800).contains(&year) || !(1..=12).contains(&month) {
        return Err(bad());
    }
    if day == 0 || day > days_in(month, year) {
        return Err(bad());
    }
    Ok(iso(year, month, day))
}

/// `YYYY-MM-DD` of a checked date (a 4-digit year, month and day under
/// 100): digits written directly, as every row of a sheet has a date and
/// `format!` cost a fortieth of scoring one.
fn iso(year: u32, month: u32, day: u32) -> String {
    let digit = |n: u32| char::from(b'0' + (n % 10) as u8);
    let mut text = String::with_capacity(10);
    for n in [year / 1000, year / 100, year / 10, year] {
        text.push(digit(n));
    }
    for part in [month, day] {
        text.push('-');
        text.push(digit(part / 10));
        text.push(digit(part));
    }
    text
}

/// Day, month and year as written, in whichever order the form uses.
fn parts(text: &str) -> Option<(&str, u32, &str)> {
    let numeric = |s: &str| s.parse::<u32>().ok();
    if text.contains('/') || text.contains('-') {
        let pieces: Vec<&str> = text.split(['-', '/']).map(str::trim).collect();
        let [a, b, c] = pieces.as_slice() else {
            return None;
        };
        let month = numeric(b).filter(|_| b.len() <= 2)?;
        return Some(if text.contains('/') {
            (a, month, c)
        } else {
            (c, month, a)
        });
    }
    // "20 พ.ย. 2567", "20 พฤศจิกายน พ.ศ. 2567", "20 Nov 2567 BE".
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| !matches!(*w, "พ.ศ." | "พศ" | "พ.ศ" | "BE" | "B.E." | "be" | "b.e."))
        .collect();
    let [day, month, year] = words.as_slice() else {
        return None;
    };
    Some((day, month_named(month)?, year))
}

fn days_in(month: u32, year: u32) -> u32 {
    let ce = year - 543;
    let leap = (ce % 4 == 0 && ce % 100 != 0) || ce % 400 == 0;
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A `YYYY-MM-DD` date as a spreadsheet keeps it as text and a person reads
/// it: "20 พ.ย. พ.ศ. 2566", "20 Nov 2566 BE". The era marker is what stops
/// Excel and LibreOffice from taking it for a Gregorian date.
pub fn spreadsheet_text(iso: &str, lang: Lang) -> String {
    let pieces: Vec<u32> = iso.split('-').filter_map(|p| p.parse().ok()).collect();
    let [year, month @ 1..=12, day] = pieces.as_slice() else {
        return iso.to_owned();
    };
    let (short, _, en) = MONTHS[*month as usize - 1];
    match lang {
        Lang::Th => format!("{day} {short} พ.ศ. {year}"),
        Lang::En => format!("{day} {en} {year} BE"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Text;

    #[test]
    fn iso_is_the_formatted_date() {
        for (y, m, d) in [(2567, 11, 20), (2400, 1, 1), (2800, 12, 31), (2505, 2, 9)] {
            assert_eq!(iso(y, m, d), format!("{y:04}-{m:02}-{d:02}"));
        }
    }

    fn date(text: &str) -> Result<String, InputProblem> {
        let f = Field::new(
            crate::error::FieldPath::of(["unit", "date"]),
            Text::new("วันที่", "date"),
        );
        buddhist_date(text, &f).map_err(|e| *e.problem)
    }

    #[test]
    fn reads_what_thai_officers_type() {
        for typed in [
            "2567-11-20",
            "20/11/2567",
            "20/11/67",
            "๒๐/๑๑/๖๗",
            "20 พ.ย. 2567",
            "20 พ.ย. 67",
            "๒๐ พ.ย. ๖๗",
            "20 พย 2567",
            "20 พฤศจิกายน พ.ศ. 2567",
            "20 พ.ย. พ.ศ. 2567",
            "20 Nov 2567 BE",
            "20 november 2567",
            " 20  พ.ย.  2567 ",
        ] {
            assert_eq!(date(typed).as_deref(), Ok("2567-11-20"), "{typed}");
        }
        assert_eq!(date("2567-2-29").unwrap(), "2567-02-29"); // 2024 is a leap year
    }

    #[test]
    fn refuses_with_the_reason() {
        for bad in [
            "2568-02-29",
            "yesterday",
            "20 พ.x. 2567",
            "32/1/2567",
            "20/13/2567",
            "20 Nov",
        ] {
            assert!(
                matches!(date(bad), Err(InputProblem::BadDate { .. })),
                "{bad}"
            );
        }
        assert!(matches!(
            date("2024-11-20"),
            Err(InputProblem::ChristianEraYear { .. })
        ));
        for christian in ["20 Nov 2024", "20/11/24"] {
            assert!(
                matches!(date(christian), Err(InputProblem::ChristianEraYear { .. })),
                "{christian}"
            );
        }
    }

    #[test]
    fn written_for_spreadsheets_and_read_back() {
        assert_eq!(
            spreadsheet_text("2566-11-20", Lang::Th),
            "20 พ.ย. พ.ศ. 2566"
        );
        assert_eq!(spreadsheet_text("2566-01-05", Lang::En), "5 Jan 2566 BE");
        assert_eq!(spreadsheet_text("", Lang::Th), "");
        for lang in [Lang::Th, Lang::En] {
            let text = spreadsheet_text("2567-02-29", lang);
            assert_eq!(date(&text).as_deref(), Ok("2567-02-29"), "{text}");
        }
    }
}
