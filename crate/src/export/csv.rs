//! CSV export for spreadsheets: UTF-8 with a byte-order mark (so Excel reads
//! Thai), CRLF line ends, RFC 4180 quoting, Thai headers by default, numbers
//! as bare numbers, and text cells that a spreadsheet would run as a formula
//! neutralised with a leading apostrophe.
//!
//! Every row repeats the unit's details, so the files of many tambons can be
//! stacked into one table.
//!
//! No cell is one a spreadsheet would rewrite as a date: counts go in their
//! own numerator and denominator columns (never "7/10"), and the Buddhist-era
//! date carries its era ("20 พ.ย. พ.ศ. 2566"), which Excel and LibreOffice
//! keep as text instead of reading a Gregorian year 2566.

use super::csv_reports;
use crate::date;
use crate::framework::Framework;
use crate::result::{
    BandedScores, ItemScore, Note, ScoreResult, Scores, Understood, Value, WeightedScores,
};
use crate::text::{Lang, Text};

pub use crate::cells::{quote, write_line, HEADERS, REMARK};

/// A cell: numbers are written bare; text is quoted when needed and
/// neutralised when it could start a formula.
pub(super) enum Cell {
    Number(String),
    Text(String),
}

pub(super) fn num(value: impl ToString) -> Cell {
    Cell::Number(value.to_string())
}

pub(super) fn opt_num(value: Option<impl ToString>) -> Cell {
    value.map_or(Cell::Text(String::new()), num)
}

pub(super) fn text(value: impl Into<String>) -> Cell {
    Cell::Text(value.into())
}

pub(super) struct Sheet {
    pub(super) lang: Lang,
    prefix: Vec<String>,
    out: String,
}

impl Sheet {
    pub(super) fn row(&mut self, kind: (&str, &str), cells: [Cell; 12]) {
        self.row_with_remark(kind, cells, "");
    }

    fn row_with_remark(&mut self, kind: (&str, &str), cells: [Cell; 12], remark: &str) {
        let kind = match self.lang {
            Lang::Th => kind.0,
            Lang::En => kind.1,
        };
        let mut line: Vec<String> = self.prefix.iter().map(|p| quote(p)).collect();
        line.push(quote(kind));
        line.extend(cells.iter().map(|cell| match cell {
            Cell::Number(n) => n.clone(),
            Cell::Text(t) => quote(t),
        }));
        line.push(quote(remark));
        write_line(&mut self.out, line.into_iter());
    }

    fn t<'a>(&self, text: &'a Text) -> &'a str {
        text.get(self.lang)
    }

    fn notes(&self, notes: &[&Note]) -> Cell {
        text(
            notes
                .iter()
                .map(|n| n.text.get(self.lang))
                .collect::<Vec<_>>()
                .join(" | "),
        )
    }
}

/// How an answer was understood, as three cells: the value typed or the
/// choice's label, then the numerator and the denominator when the answer
/// was given as counts.
fn input_cells(input: Option<&Understood>, lang: Lang) -> [Cell; 3] {
    let Some(input) = input else {
        return [text(""), text(""), text("")];
    };
    if let Some(label) = &input.label {
        return [text(label.get(lang)), text(""), text("")];
    }
    match (&input.numerator, &input.denominator, &input.value) {
        (Some(n), Some(d), _) => [text(""), num(n), num(d)],
        (_, _, Some(v)) => [num(v), text(""), text("")],
        _ => [text(""), text(""), text("")],
    }
}

/// A result as CSV; `framework` is the one it was scored with, whose labels
/// name the rows a result does not carry (a unit report's blanks).
pub fn write(framework: &Framework, result: &ScoreResult, lang: Lang) -> String {
    let unit = &result.unit;
    let mut sheet = Sheet {
        lang,
        prefix: vec![
            result.framework.id.clone(),
            result.framework.edition.clone(),
            unit.province.clone(),
            unit.district.clone(),
            unit.tambon.clone(),
            unit.organisation.clone(),
            unit.round.map_or_else(String::new, |r| r.to_string()),
            unit.fiscal_year.map_or_else(String::new, |y| y.to_string()),
            date::spreadsheet_text(&unit.date, lang),
        ],
        out: String::from("\u{feff}"),
    };
    let header = HEADERS
        .iter()
        .map(|(th, en)| quote(if lang == Lang::Th { th } else { en }));
    write_line(&mut sheet.out, header);
    match &result.scores {
        Scores::Banded(scores) => banded(&mut sheet, scores),
        Scores::Weighted(scores) => weighted(&mut sheet, framework, scores),
    }
    for note in &result.notes {
        let id = note.decision.clone().unwrap_or_default();
        sheet.row(
            ("ข้อตัดสิน", "decision"),
            [
                text(id),
                text(""),
                text(""),
                text(""),
                text(""),
                text(""),
                text(""),
                text(""),
                text(""),
                text(""),
                text(""),
                text(sheet.t(&note.text)),
            ],
        );
    }
    if !result.remark.is_empty() {
        let cells = std::array::from_fn(|_| text(""));
        sheet.row_with_remark(("ข้อสังเกต", "remark"), cells, &result.remark);
    }
    for error in &result.errors {
        sheet.row(
            ("ข้อผิดพลาด", "error"),
            [
                text(error.path.as_str()),
                text(sheet.t(&error.label)),
                text(""),
                text(""),
                text(""),
                text(""),
                text(""),
                text(""),
                text(""),
                text(""),
                text(""),
                text(sheet.t(&error.message)),
            ],
        );
    }
    sheet.out
}

fn banded(sheet: &mut Sheet, scores: &BandedScores) {
    let lang = sheet.lang;
    for ind in &scores.indicators {
        let notes: Vec<&Note> = ind.decisions.iter().collect();
        let [input, numerator, denominator] = input_cells(ind.input.as_ref(), lang);
        let cells = [
            text(&*ind.id),
            text(sheet.t(&ind.name)),
            input,
            numerator,
            denominator,
            opt_num(
                ind.input
                    .as_ref()
                    .filter(|i| i.label.is_none())
                    .and_then(|i| i.value.as_ref())
                    .map(Value::number_text),
            ),
            opt_num(ind.points),
            num(ind.max_points),
            text(""),
            text(""),
            text(ind.criterion.as_ref().map_or("", |c| c.get(lang))),
            sheet.notes(&notes),
        ];
        sheet.row_with_remark(("ตัวชี้วัด", "indicator"), cells, &ind.remark);
    }
    for cat in &scores.categories {
        let scored = match lang {
            Lang::Th => format!("ประเมินแล้ว {} จาก {} ตัวชี้วัด", cat.scored, cat.indicators),
            Lang::En => format!("{} of {} indicators scored", cat.scored, cat.indicators),
        };
        let cells = [
            text(&*cat.id),
            text(sheet.t(&cat.name)),
            text(""),
            text(""),
            text(""),
            text(""),
            num(cat.points),
            num(cat.max_points),
            text(""),
            text(""),
            text(""),
            text(scored),
        ];
        sheet.row(("หมวด", "category"), cells);
    }
    let (level_number, level_name) = match &scores.level {
        Some(level) => (Some(level.level), level.name.get(lang).to_owned()),
        None => (None, String::new()),
    };
    sheet.row(
        ("รวม", "total"),
        [
            text(""),
            text(""),
            text(""),
            text(""),
            text(""),
            text(""),
            opt_num(scores.total),
            num(scores.max_total),
            text(""),
            text(""),
            text(""),
            text(""),
        ],
    );
    sheet.row(
        ("ระดับ", "level"),
        [
            text(""),
            text(""),
            text(""),
            text(""),
            text(""),
            text(""),
            opt_num(level_number),
            text(""),
            text(""),
            text(""),
            text(level_name),
            text(""),
        ],
    );
}

fn weighted(sheet: &mut Sheet, framework: &Framework, scores: &WeightedScores) {
    let lang = sheet.lang;
    for item in &scores.items {
        item_row(sheet, item);
        if let Some(matrix) = &item.matrix {
            for ind in &matrix.indicators {
                let met = match ind.met {
                    Some(true) => Text::new("ผ่าน", "met"),
                    Some(false) => Text::new("ไม่ผ่าน", "not met"),
                    None => Text::new("", ""),
                };
                let target = ind
                    .target
                    .as_ref()
                    .map_or_else(String::new, |t| match lang {
                        Lang::Th => format!("เป้าหมาย {t}"),
                        Lang::En => format!("target {t}"),
                    });
                let notes: Vec<&Note> = ind.decisions.iter().collect();
                let mut note = sheet.notes(&notes);
                if let Cell::Text(n) = &mut note {
                    *n = [target, n.clone()]
                        .into_iter()
                        .filter(|s| !s.is_empty())
                        .collect::<Vec<_>>()
                        .join(" | ");
                }
                let [input, numerator, denominator] = input_cells(ind.input.as_ref(), lang);
                let cells = [
                    text(format!("{}/{}", item.id, ind.id)),
                    text(sheet.t(&ind.name)),
                    input,
                    numerator,
                    denominator,
                    opt_num(ind.value.clone()),
                    text(""),
                    text(""),
                    text(""),
                    text(""),
                    text(met.get(lang)),
                    note,
                ];
                sheet.row(("ตัวชี้วัดย่อย", "matrix indicator"), cells);
            }
        }
        if let Some(reports) = &item.reports {
            csv_reports::unit_reports(sheet, framework, &item.id, reports);
        }
    }
    sheet.row(
        ("รวม", "total"),
        [
            text(""),
            text(""),
            text(""),
            text(""),
            text(""),
            text(""),
            opt_num(scores.weighted_score.clone()),
            num(&scores.total_weight),
            text(""),
            opt_num(scores.contribution.clone()),
            text(""),
            text(""),
        ],
    );
}

fn item_row(sheet: &mut Sheet, item: &ItemScore) {
    let lang = sheet.lang;
    let notes: Vec<&Note> = item.decisions.iter().chain(&item.warnings).collect();
    let level = match (&item.criterion, item.level) {
        (Some(c), _) => c.get(lang).to_owned(),
        (None, Some(l)) => l.to_string(),
        _ => String::new(),
    };
    let [input, numerator, denominator] = input_cells(item.input.as_ref(), lang);
    let cells = [
        text(&item.id),
        text(format!(
            "{}{}",
            "  ".repeat(item.depth),
            sheet.t(&item.name)
        )),
        input,
        numerator,
        denominator,
        opt_num(item.result.clone()),
        opt_num(item.score.clone()),
        num(&item.weight),
        opt_num(item.weighted.clone()),
        opt_num(item.contribution.clone()),
        text(level),
        sheet.notes(&notes),
    ];
    sheet.row_with_remark(("ข้อ", "item"), cells, &item.remark);
}

#[cfg(test)]
mod tests {
    use super::quote;

    #[test]
    fn quotes_by_rfc_4180_and_neutralises_formulas() {
        assert_eq!(quote("plain"), "plain");
        assert_eq!(quote("a,b"), "\"a,b\"");
        assert_eq!(quote("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(quote("line\nbreak"), "\"line\nbreak\"");
        assert_eq!(quote("=1+1"), "'=1+1");
        assert_eq!(quote("+66 81"), "'+66 81");
        assert_eq!(quote("-x"), "'-x");
        assert_eq!(quote("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(quote("\tx"), "'\tx");
        assert_eq!(quote("\rx"), "\"'\rx\"");
        assert_eq!(quote("\0x"), "'\0x");
        assert_eq!(
            quote("=HYPERLINK(\"a\",\"b\")"),
            "\"'=HYPERLINK(\"\"a\"\",\"\"b\"\")\""
        );
        assert_eq!(quote("ตำบลบ้านกลาง"), "ตำบลบ้านกลาง");
    }
}
