//! The district's progress report on the ศอช. (แบบประเมินผลความก้าวหน้าใน
//! การดำเนินงาน ศอช., seed 001, SPEC §1): items (1)–(6) as counts of
//! tambons, districts and provinces, committees and people; problems and
//! suggestions; the reporter. A district fills one and sends it to the
//! province, which adds the districts' reports up (`sum`).
//!
//! A request: `{"form": "sorsochot-progress", "unit": {"province",
//! "district", "fiscal_year"}, "counts": {"<row id>": "12", …}, "problems",
//! "suggestions", "reporter", "position"}`. Counts are whole numbers typed
//! as officers type them (Thai digits, "1,005"); a blank count is not yet
//! reported, not zero.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::error::{Error, Field, FieldPath, InputError, InputProblem};
use crate::exact::Exact;
use crate::input::{self, NumberRule};
use crate::raw::Raw;
use crate::result::{FieldError, Number};
use crate::text::Text;

/// The form's name in a request.
pub const FORM: &str = "sorsochot-progress";

/// One item of the form: its number, what was done, and the counts asked.
struct Item {
    item: u8,
    title: (&'static str, &'static str),
    rows: &'static [(&'static str, &'static str, &'static str)],
}

/// Each level's count, committees and people (items 1 and 2).
const EVERY_LEVEL: [(&str, &str, &str); 9] = [
    ("tambon.count", "ตำบล (จำนวนตำบล)", "tambons"),
    ("tambon.committees", "ตำบล (จำนวนคณะ)", "tambon committees"),
    (
        "tambon.people",
        "ตำบล (จำนวนคน)",
        "tambon committee members",
    ),
    ("district.count", "อำเภอ (จำนวนอำเภอ)", "districts"),
    (
        "district.committees",
        "อำเภอ (จำนวนคณะ)",
        "district committees",
    ),
    (
        "district.people",
        "อำเภอ (จำนวนคน)",
        "district committee members",
    ),
    ("province.count", "จังหวัด (จำนวนจังหวัด)", "provinces"),
    (
        "province.committees",
        "จังหวัด (จำนวนคณะ)",
        "provincial committees",
    ),
    (
        "province.people",
        "จังหวัด (จำนวนคน)",
        "provincial committee members",
    ),
];

const ITEMS: [Item; 6] = [
    Item {
        item: 1,
        title: (
            "มีการจัดทำ/ปรับปรุงฐานข้อมูลคณะกรรมการศูนย์ประสานงานองค์การชุมชน (ศอช.) ทุกระดับ",
            "The databases of the ศอช. committees, every level, made or updated",
        ),
        rows: &EVERY_LEVEL,
    },
    Item {
        item: 2,
        title: (
            "มีการทบทวนคำสั่งแต่งตั้งคณะกรรมการศูนย์ประสานงานองค์การชุมชน (ศอช.) ทุกระดับ",
            "The orders appointing the ศอช. committees, every level, reviewed",
        ),
        rows: &EVERY_LEVEL,
    },
    Item {
        item: 3,
        title: (
            "มีการจัดประชุมคณะกรรมการศูนย์ประสานงานองค์การชุมชน (ศอช.) แต่ละระดับ อย่างน้อย ๒ ครั้ง/ปี",
            "ศอช. committee meetings held at least twice a year, at each level",
        ),
        rows: &[
            ("tambon", "จำนวนตำบล", "tambons"),
            ("district", "จำนวนอำเภอ", "districts"),
            ("province", "จำนวนจังหวัด", "provinces"),
        ],
    },
    Item {
        item: 4,
        title: (
            "มีการจัดทำ/ทบทวนคำสั่งแต่งตั้งคณะกรรมการบริหารงานตำบลแบบบูรณาการ (ก.บ.ต.)",
            "The orders appointing the integrated tambon administration committees (ก.บ.ต.) made or reviewed",
        ),
        rows: &[("tambon", "จำนวนตำบล", "tambons")],
    },
    Item {
        item: 5,
        title: (
            "มีการประเมินผลการจัดระดับการพัฒนาศูนย์ประสานงานองค์การชุมชนระดับตำบล (ศอช.ต.)",
            "The development levels of the tambon centres (ศอช.ต.) assessed",
        ),
        rows: &[("tambon", "จำนวนตำบล", "tambons")],
    },
    Item {
        item: 6,
        title: (
            "มีการส่งเสริมให้ ศอช.ต. เป็นกลไกในการขับเคลื่อนโครงการตำบลเข้มแข็งตามปณิธานของเศรษฐกิจพอเพียง และผลักดันให้อยู่ในแผนพัฒนาตำบล",
            "ศอช.ต. promoted as the mechanism driving the strong-tambon programme of the sufficiency economy, and put in the tambon development plan",
        ),
        rows: &[
            ("tambon", "จำนวนตำบล", "tambons"),
            ("activities", "จำนวนกิจกรรม", "activities"),
        ],
    },
];

/// A report read: every count with its label, the free text, and what
/// could not be read.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ProgressReport {
    #[cfg_attr(feature = "typescript", ts(type = "\"sorsochot-progress\""))]
    pub form: &'static str,
    /// The request as received: reading it again gives this report.
    #[cfg_attr(feature = "typescript", ts(type = "ProgressRequest"))]
    pub request: Raw,
    pub province: String,
    pub district: String,
    pub fiscal_year: Option<u32>,
    pub items: Vec<ItemCounts>,
    pub problems: String,
    pub suggestions: String,
    pub reporter: String,
    pub position: String,
    /// Every count is given and none has an error.
    pub complete: bool,
    pub errors: Vec<FieldError>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ItemCounts {
    pub item: u8,
    pub title: Text,
    pub rows: Vec<Count>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Count {
    /// "1.tambon.count", "6.activities".
    pub id: String,
    pub label: Text,
    /// None while not reported.
    pub count: Option<Number>,
}

/// The form's items and rows, every count blank.
fn blank_items() -> Vec<ItemCounts> {
    ITEMS
        .iter()
        .map(|item| ItemCounts {
            item: item.item,
            title: Text::new(item.title.0, item.title.1),
            rows: item
                .rows
                .iter()
                .map(|(key, th, en)| Count {
                    id: format!("{}.{key}", item.item),
                    label: Text::new(*th, *en),
                    count: None,
                })
                .collect(),
        })
        .collect()
}

/// Reads a progress report. A count or text that cannot be read is listed
/// with its field and left blank; only a request that is not an object fails.
pub fn read(request: &Raw) -> Result<ProgressReport, Error> {
    let map = request
        .as_map()
        .ok_or_else(|| Error::not_an_object(request))?;
    let mut errors = Vec::new();
    let empty = BTreeMap::new();
    let object = |key: &str, errors: &mut Vec<InputError>| {
        let path = || FieldPath::of([key]);
        input::object(map.get(key), path, || Text::new(key, key), errors).unwrap_or(&empty)
    };
    let unit = object("unit", &mut errors);
    let counts = object("counts", &mut errors);
    let mut text = |raw: Option<&Raw>, path: &[&str], th: &str, en: &str| {
        let field = Field::new(FieldPath::of(path.iter().copied()), Text::new(th, en));
        input::free_text(raw, &field).unwrap_or_else(|err| {
            errors.push(err);
            String::new()
        })
    };
    let province = text(
        unit.get("province"),
        &["unit", "province"],
        "จังหวัด",
        "province",
    );
    let district = text(
        unit.get("district"),
        &["unit", "district"],
        "อำเภอ",
        "district",
    );
    let problems = text(
        map.get("problems"),
        &["problems"],
        "ปัญหาและอุปสรรค",
        "problems",
    );
    let suggestions = text(
        map.get("suggestions"),
        &["suggestions"],
        "ข้อเสนอแนะ",
        "suggestions",
    );
    let reporter = text(map.get("reporter"), &["reporter"], "ผู้รายงาน", "reporter");
    let position = text(map.get("position"), &["position"], "ตำแหน่ง", "position");
    let fiscal_year = unit
        .get("fiscal_year")
        .filter(|r| !r.is_blank())
        .and_then(|raw| {
            let path = FieldPath::of(["unit", "fiscal_year"]);
            let field = Field::new(path, Text::new("ปีงบประมาณ", "fiscal year"));
            crate::request::typed_fiscal_year(raw, &field)
                .map_err(|err| errors.push(err))
                .ok()
        });
    let mut items = blank_items();
    for item in &mut items {
        for row in &mut item.rows {
            let Some(raw) = counts.get(&row.id).filter(|r| !r.is_blank()) else {
                continue;
            };
            let field = Field::new(
                FieldPath::of(["counts", &row.id]),
                Text::new(
                    format!("ข้อ ({}) {}", item.item, row.label.th),
                    format!("item ({}) {}", item.item, row.label.en),
                ),
            );
            row.count = input::number(raw, &field, NumberRule::Count)
                .map_err(|err| errors.push(err))
                .ok()
                .map(Number);
        }
    }
    let complete = items
        .iter()
        .flat_map(|i| &i.rows)
        .all(|r| r.count.is_some());
    for key in counts.keys() {
        let known = items.iter().flat_map(|i| &i.rows).any(|r| &r.id == key);
        if !known {
            errors.push(InputError::new(
                &Field::new(
                    FieldPath::of(["counts", key]),
                    Text::new(format!("รายการ “{key}”"), format!("count “{key}”")),
                ),
                InputProblem::UnknownIndicator,
            ));
        }
    }
    Ok(ProgressReport {
        form: FORM,
        request: request.clone(),
        province,
        district,
        fiscal_year,
        items,
        problems,
        suggestions,
        reporter,
        position,
        complete: complete && errors.is_empty(),
        errors: errors.into_iter().map(FieldError::from).collect(),
    })
}

/// The districts' reports added up, for the province.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ProgressSum {
    /// "อำเภอ, จังหวัด" of each report added, in the order given.
    pub districts: Vec<String>,
    /// The provinces and fiscal years of the reports, each once, in order:
    /// more than one year is for the user to check.
    pub provinces: Vec<String>,
    pub fiscal_years: Vec<u32>,
    pub items: Vec<ItemCounts>,
    /// Reports with a count missing or an error: their counts are added as
    /// far as they go, and they are named here.
    pub incomplete: Vec<String>,
}

/// Adds the counts of `reports`, row by row (exactly); a blank count adds nothing.
pub fn sum(reports: &[ProgressReport]) -> ProgressSum {
    // "วารินชำราบ (อุบลราชธานี)": the district, and its province when given.
    let name = |r: &ProgressReport| match (r.district.as_str(), r.province.as_str()) {
        (district, "") => district.to_owned(),
        ("", province) => format!("({province})"),
        (district, province) => format!("{district} ({province})"),
    };
    let mut items = blank_items();
    for row in items.iter_mut().flat_map(|i| &mut i.rows) {
        let total = reports
            .iter()
            .flat_map(|r| r.items.iter().flat_map(|i| &i.rows))
            .filter(|r| r.id == row.id)
            .filter_map(|r| r.count.as_ref())
            .fold(Exact::zero(), |sum, n| sum.plus(n.exact()));
        row.count = Some(Number(total));
    }
    let mut provinces: Vec<String> = Vec::new();
    let mut fiscal_years: Vec<u32> = Vec::new();
    for report in reports {
        if !report.province.is_empty() && !provinces.contains(&report.province) {
            provinces.push(report.province.clone());
        }
        if let Some(year) = report.fiscal_year.filter(|y| !fiscal_years.contains(y)) {
            fiscal_years.push(year);
        }
    }
    ProgressSum {
        districts: reports.iter().map(name).collect(),
        provinces,
        fiscal_years,
        items,
        incomplete: reports.iter().filter(|r| !r.complete).map(name).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(json: &str) -> ProgressReport {
        read(&serde_json::from_str(json).unwrap()).unwrap()
    }

    #[test]
    fn counts_are_read_as_officers_type_them_and_bad_ones_are_named() {
        let r = report(
            r#"{"form":"sorsochot-progress","unit":{"province":"อุบลราชธานี","district":"วารินชำราบ","fiscal_year":"๒๕๖๗"},
                "counts":{"1.tambon.count":"๑๖","1.tambon.people":"1,005","5.tambon":"-2","9.x":"1"},
                "problems":"งบประมาณจำกัด","reporter":"นางสาวสมศรี ใจดี"}"#,
        );
        assert_eq!(r.fiscal_year, Some(2567));
        let count = |id: &str| {
            r.items
                .iter()
                .flat_map(|i| &i.rows)
                .find(|c| c.id == id)
                .and_then(|c| c.count.as_ref().map(ToString::to_string))
        };
        assert_eq!(count("1.tambon.count").as_deref(), Some("16"));
        assert_eq!(count("1.tambon.people").as_deref(), Some("1005"));
        assert_eq!(count("5.tambon"), None);
        let paths: Vec<&str> = r.errors.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(paths, ["/counts/5.tambon", "/counts/9.x"]);
        assert!(!r.complete);
        assert_eq!(r.items.iter().map(|i| i.rows.len()).sum::<usize>(), 25);
    }

    #[test]
    fn the_province_adds_the_districts_up() {
        let a = report(
            r#"{"form":"sorsochot-progress","unit":{"district":"วารินชำราบ"},"counts":{"5.tambon":"16","6.activities":"40"}}"#,
        );
        let b = report(
            r#"{"form":"sorsochot-progress","unit":{"district":"เมือง"},"counts":{"5.tambon":"11"}}"#,
        );
        let total = sum(&[a, b]);
        let row = |id: &str| {
            total
                .items
                .iter()
                .flat_map(|i| &i.rows)
                .find(|c| c.id == id)
                .and_then(|c| c.count.as_ref().map(ToString::to_string))
        };
        assert_eq!(row("5.tambon").as_deref(), Some("27"));
        assert_eq!(row("6.activities").as_deref(), Some("40"));
        assert_eq!(row("4.tambon").as_deref(), Some("0"));
        assert_eq!(total.districts, ["วารินชำราบ", "เมือง"]);
        assert!(total.provinces.is_empty() && total.fiscal_years.is_empty());
        assert_eq!(total.incomplete, ["วารินชำราบ", "เมือง"]);
    }
}
