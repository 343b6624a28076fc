//! The district progress report, and the province's sum of them, as CSV:
//! one row per count, then the free text; like every export here, UTF-8 with
//! a byte-order mark, CRLF, Thai headers by default.

use crate::cells::{quote, write_line};
use crate::progress::{ItemCounts, ProgressReport, ProgressSum};
use crate::text::{Lang, Text};

const HEADER: [(&str, &str); 6] = [
    ("จังหวัด", "province"),
    ("อำเภอ", "district"),
    ("ปีงบประมาณ", "fiscal year"),
    ("ข้อ", "item"),
    ("รายการ", "row"),
    ("จำนวน", "count"),
];

fn table(place: [&str; 3], items: &[ItemCounts], texts: &[(Text, &str)], lang: Lang) -> String {
    let mut out = String::from("\u{feff}");
    write_line(
        &mut out,
        HEADER
            .iter()
            .map(|(th, en)| quote(Text::new(*th, *en).get(lang))),
    );
    let prefix = place.map(quote);
    for item in items {
        for row in &item.rows {
            let what = format!("{} — {}", item.title.get(lang), row.label.get(lang));
            let count = row
                .count
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default();
            let cells = [item.item.to_string(), quote(&what), count];
            write_line(&mut out, prefix.iter().cloned().chain(cells));
        }
    }
    for (label, value) in texts {
        let cells = [quote(label.get(lang)), quote(value), String::new()];
        write_line(&mut out, prefix.iter().cloned().chain(cells));
    }
    out
}

/// One district's report.
pub fn write(report: &ProgressReport, lang: Lang) -> String {
    let year = report
        .fiscal_year
        .map(|y| y.to_string())
        .unwrap_or_default();
    let texts = [
        (
            Text::new("ปัญหาและอุปสรรค", "problems"),
            report.problems.as_str(),
        ),
        (
            Text::new("ข้อเสนอแนะ", "suggestions"),
            report.suggestions.as_str(),
        ),
        (Text::new("ผู้รายงาน", "reporter"), report.reporter.as_str()),
        (Text::new("ตำแหน่ง", "position"), report.position.as_str()),
    ];
    table(
        [&report.province, &report.district, &year],
        &report.items,
        &texts,
        lang,
    )
}

/// The province's sum: the districts added are named in the district column.
pub fn write_sum(sum: &ProgressSum, lang: Lang) -> String {
    let districts = Text::new(
        format!("รวม {} อำเภอ", sum.districts.len()),
        format!("{} districts", sum.districts.len()),
    );
    let named = sum.districts.join("; ");
    let texts = [(Text::new("อำเภอที่รวม", "districts added"), named.as_str())];
    let provinces = sum.provinces.join("; ");
    // One fiscal year is named; several are listed, for the reader to see.
    let years = sum
        .fiscal_years
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ");
    table(
        [&provinces, districts.get(lang), &years],
        &sum.items,
        &texts,
        lang,
    )
}
