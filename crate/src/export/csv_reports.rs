//! The CSV rows of a KPI 3.2-style item's unit reports: each unit's
//! verdict, its form's header blanks, and each item as answered with the
//! blanks asked beside it.

use super::csv::{opt_num, text, Cell, Sheet};
use crate::date;
use crate::framework::{DetailKind, Framework, ReportDetail, Reports, Rubric};
use crate::result::{DetailValue, ReportsScore, UnitReportScore};
use crate::text::{Lang, Text};

/// Every unit's rows, labelled from the report form in `framework`.
pub(super) fn unit_reports(
    sheet: &mut Sheet,
    framework: &Framework,
    item: &str,
    scored: &ReportsScore,
) {
    let form = report_form(framework, item);
    for (index, unit) in scored.units.iter().enumerate() {
        let path = format!("{item}/units/{index}");
        sheet.row(
            ("หน่วยที่รายงาน", "unit report"),
            verdict(sheet.lang, &path, unit),
        );
        let header = form.map_or(&[][..], |f| &f.details[..]);
        details(sheet, &format!("{path}/details"), header, &unit.details);
        items(sheet, &path, unit, form);
    }
}

/// The report form behind `item` in `framework`.
fn report_form<'f>(framework: &'f Framework, item: &str) -> Option<&'f Reports> {
    let Rubric::Weighted(rubric) = &framework.rubric else {
        return None;
    };
    rubric
        .report_items()
        .into_iter()
        .find(|(i, _)| i.id == item)
        .map(|(_, reports)| reports)
}

fn verdict(lang: Lang, path: &str, unit: &UnitReportScore) -> [Cell; 12] {
    let verdict = match unit.meets_all {
        Some(true) => Text::new("ผ่านเกณฑ์ครบ", "meets every criterion"),
        Some(false) => Text::new("ไม่ผ่านเกณฑ์", "does not meet the criteria"),
        None => Text::new("ข้อมูลไม่ครบ", "incomplete"),
    };
    let failed: Vec<&str> = unit
        .criteria
        .iter()
        .filter(|c| c.met == Some(false))
        .map(|c| c.id.as_str())
        .collect();
    let mut notes: Vec<String> = Vec::new();
    if !failed.is_empty() {
        notes.push(match lang {
            Lang::Th => format!("ไม่ผ่านเกณฑ์ข้อ {}", failed.join(", ")),
            Lang::En => format!("criteria not met: {}", failed.join(", ")),
        });
    }
    notes.extend(unit.warnings.iter().map(|w| w.text.get(lang).to_owned()));
    let mut cells = blank_cells();
    cells[0] = text(path);
    cells[1] = text(&unit.name);
    cells[10] = text(verdict.get(lang));
    cells[11] = text(notes.join(" | "));
    cells
}

/// Each item as the unit answered it: yes or no, the count, the percentage
/// computed from the counts and the one typed; then its blanks.
fn items(sheet: &mut Sheet, path: &str, unit: &UnitReportScore, form: Option<&Reports>) {
    let lang = sheet.lang;
    for answered in &unit.items {
        let defined = form.and_then(|f| f.items.iter().find(|i| i.id == answered.id));
        let label = defined.map_or("", |d| d.label.get(lang));
        let answer = answered.answer.map_or("", |yes| match (yes, lang) {
            (true, Lang::Th) => "ใช่",
            (false, Lang::Th) => "ไม่ใช่",
            (true, Lang::En) => "yes",
            (false, Lang::En) => "no",
        });
        let typed = answered.reported_percent.as_ref().map(|p| match lang {
            Lang::Th => format!("ร้อยละที่กรอกในแบบ: {p}"),
            Lang::En => format!("percentage typed on the form: {p}"),
        });
        let item_path = format!("{path}/items/{}", answered.id);
        let mut cells = blank_cells();
        cells[0] = text(&item_path);
        cells[1] = text(format!("{}. {label}", answered.id));
        cells[2] = text(answer);
        cells[3] = opt_num(answered.count.clone());
        cells[5] = opt_num(answered.percent.clone());
        cells[11] = text(typed.unwrap_or_default());
        sheet.row(("รายการในรายงาน", "report item"), cells);
        let asked = defined.map_or(&[][..], |d| &d.details[..]);
        details(sheet, &item_path, asked, &answered.details);
    }
}

/// One row per blank filled: its label and its value as a person reads it
/// (a date with its era, a choice by its label).
fn details(sheet: &mut Sheet, path: &str, asked: &[ReportDetail], values: &[DetailValue]) {
    let lang = sheet.lang;
    for value in values {
        let detail = asked.iter().find(|d| d.id == value.id);
        let shown = match detail {
            Some(d) if d.kind == DetailKind::Date => date::spreadsheet_text(&value.value, lang),
            Some(d) if d.kind == DetailKind::Choice => d
                .options
                .iter()
                .find(|o| o.id == value.value)
                .map_or(value.value.clone(), |o| o.label.get(lang).to_owned()),
            _ => value.value.clone(),
        };
        let mut cells = blank_cells();
        cells[0] = text(format!("{path}/{}", value.id));
        cells[1] = text(detail.map_or("", |d| d.label.get(lang)));
        cells[2] = text(shown);
        sheet.row(("รายละเอียดในรายงาน", "report detail"), cells);
    }
}

fn blank_cells() -> [Cell; 12] {
    std::array::from_fn(|_| text(""))
}
