//! Per-unit report forms behind one item (KPI 3.2): each municipality's
//! answers judged against every criterion, typed-in percentages checked
//! against the counts, and the share of units meeting them all.

use std::collections::BTreeMap;

use crate::error::{Expected, Field, FieldPath, InputError, InputProblem};
use crate::exact::Exact;
use crate::framework::{Condition, ReportItem, ReportItemKind, Reports};
use crate::input::{self, NumberRule};
use crate::raw::Raw;
use crate::result::{
    CriterionScore, DetailValue, Note, Number, Percent, ReportItemScore, ReportsScore,
    UnitReportScore,
};
use crate::score::details;
use crate::text::Text;

/// More units than any province or ministry reports at once.
pub const MAX_UNITS: usize = 10_000;

pub struct Evaluated {
    pub score: ReportsScore,
    pub result: Option<Exact>,
    pub warnings: Vec<Note>,
}

/// One report item as read.
#[derive(Default)]
struct Answered {
    yes: Option<bool>,
    count: Option<Exact>,
    reported: Option<Exact>,
}

pub fn evaluate(
    reports: &Reports,
    raw: &Raw,
    field: &Field,
    errors: &mut Vec<InputError>,
    missing: &mut Vec<FieldPath>,
) -> Evaluated {
    let units_field = field.part("units", "รายงานของแต่ละแห่ง", "unit reports");
    let units: &[Raw] = match raw.get("units") {
        Some(Raw::List(units)) if units.len() <= MAX_UNITS => units,
        Some(Raw::List(_)) => {
            errors.push(InputError::new(
                &units_field,
                InputProblem::TooManyUnits { max: MAX_UNITS },
            ));
            &[]
        }
        other => {
            errors.push(InputError::new(
                &units_field,
                InputProblem::WrongType {
                    expected: Expected::List,
                    got: other.map_or("null", Raw::kind_name),
                },
            ));
            &[]
        }
    };
    let denominator_field = field.part("denominator", "จำนวนที่ประเมินทั้งหมด", "units assessed");
    let denominator = match raw.get("denominator").filter(|d| !d.is_blank()) {
        None => Some(reports.default_denominator.clone()),
        Some(d) => match input::number(d, &denominator_field, NumberRule::Count) {
            Ok(n) if n.is_zero() => {
                errors.push(InputError::new(
                    &denominator_field,
                    InputProblem::ZeroDenominator,
                ));
                None
            }
            Ok(n) => Some(n),
            Err(err) => {
                errors.push(err);
                None
            }
        },
    };
    let mut scored_units = Vec::new();
    let mut all_known = true;
    let mut meeting_all = 0u32;
    for (index, unit) in units.iter().enumerate() {
        let unit_field = Field::new(
            field.path.join("units").join(&index.to_string()),
            Text::new(
                format!("{} แห่งที่ {}", field.label.th, index + 1),
                format!("{}, unit {}", field.label.en, index + 1),
            ),
        );
        let before = missing.len();
        let scored = unit_report(reports, unit, &unit_field, errors, missing);
        all_known &= scored.meets_all.is_some() && missing.len() == before;
        if scored.meets_all == Some(true) {
            meeting_all += 1;
        }
        scored_units.push(scored);
    }
    let mut warnings = Vec::new();
    let meeting = Exact::int(i64::from(meeting_all));
    let result = match &denominator {
        Some(den) if meeting > *den => {
            errors.push(InputError::new(
                &denominator_field,
                InputProblem::NumeratorAboveDenominator,
            ));
            None
        }
        Some(den) if all_known => meeting.times(&Exact::hundred()).over(den),
        _ => None,
    };
    if let Some(den) = &denominator {
        if Exact::int(scored_units.len() as i64) < *den && !units.is_empty() {
            warnings.push(Note::warning(Text::new(
                format!(
                    "มีรายงาน {} แห่ง จากทั้งหมด {} แห่ง: แห่งที่ไม่ได้รายงานนับว่าไม่ผ่านเกณฑ์",
                    scored_units.len(),
                    den.to_plain()
                ),
                format!(
                    "{} reports of {} units: units not reported count as not meeting the criteria",
                    scored_units.len(),
                    den.to_plain()
                ),
            )));
        }
    }
    Evaluated {
        score: ReportsScore {
            reported: scored_units.len() as u32,
            units: scored_units,
            meeting_all,
            denominator: denominator.map(Number),
            percent: result.clone().map(Percent),
        },
        result,
        warnings,
    }
}

fn unit_report(
    reports: &Reports,
    raw: &Raw,
    field: &Field,
    errors: &mut Vec<InputError>,
    missing: &mut Vec<FieldPath>,
) -> UnitReportScore {
    let name = input::free_text(raw.get("name"), &field.part("name", "ชื่อ", "name")).unwrap_or_else(
        |err| {
            errors.push(err);
            String::new()
        },
    );
    let details_label = || Text::new("รายละเอียดของรายงาน", "report details");
    let details_field = || field.part("details", "รายละเอียดของรายงาน", "report details");
    let details_path = || details_field().path;
    let details_raw = input::object(raw.get("details"), details_path, details_label, errors);
    let details = details::read(
        &reports.details,
        details_raw,
        None,
        &[],
        &Field::new(details_path(), details_label()),
        errors,
    );
    let items_raw = match raw.get("items") {
        Some(Raw::Map(map)) => Some(map),
        other => {
            errors.push(InputError::new(
                &field.part("items", "ข้อในแบบรายงาน", "report items"),
                InputProblem::WrongType {
                    expected: Expected::Object,
                    got: other.map_or("null", Raw::kind_name),
                },
            ));
            None
        }
    };
    let mut answered: BTreeMap<&str, Answered> = BTreeMap::new();
    let mut item_details: BTreeMap<&str, Vec<DetailValue>> = BTreeMap::new();
    if let Some(items_raw) = items_raw {
        for key in items_raw.keys() {
            if !reports.items.iter().any(|i| &i.id == key) {
                errors.push(InputError::new(
                    &item_field(field, key),
                    InputProblem::UnknownReportItem,
                ));
            }
        }
        for item in &reports.items {
            let given = items_raw.get(&item.id);
            let item_field = item_field(field, &item.id);
            match given.filter(|r| !main_part(item, r).is_blank()) {
                None => missing.push(item_field.path.clone()),
                Some(r) => match read_item(item, r, &item_field) {
                    Ok(a) => {
                        answered.insert(&item.id, a);
                    }
                    Err(err) => errors.push(err),
                },
            }
            let answer = answered.get(item.id.as_str()).and_then(|a| a.yes);
            let map = given.and_then(Raw::as_map);
            let parts = answer_parts(item);
            let values = details::read(&item.details, map, answer, parts, &item_field, errors);
            item_details.insert(&item.id, values);
        }
    }
    let mut warnings = Vec::new();
    let mut items = Vec::new();
    for item in &reports.items {
        let a = answered.get(item.id.as_str());
        let item_share = share(item, &answered);
        let percent = match &item_share {
            Share::Percent(pct) => Some(pct),
            _ => None,
        };
        if let (Some(pct), Some(reported)) = (percent, a.and_then(|a| a.reported.as_ref())) {
            if !agrees(pct, reported) {
                warnings.push(Note::warning(Text::new(
                    format!(
                        "ข้อ {}: ร้อยละที่กรอก {} ไม่ตรงกับที่คำนวณจากจำนวน {}",
                        item.id,
                        reported.to_plain(),
                        Percent(pct.clone())
                    ),
                    format!(
                        "item {}: the typed percentage {} disagrees with the counts, which give {}",
                        item.id,
                        reported.to_plain(),
                        Percent(pct.clone())
                    ),
                )));
            }
        }
        if let (Some(base), true) = (&item.percent_of, a.is_some_and(|a| a.yes == Some(true))) {
            if answered
                .get(base.as_str())
                .is_some_and(|b| b.yes == Some(false))
            {
                warnings.push(Note::warning(Text::new(
                    format!(
                        "ข้อ {} ตอบว่าดำเนินการแล้ว แต่ข้อ {base} ตอบว่ายังไม่ดำเนินการ: ไม่มีโครงการให้คิดร้อยละ จึงไม่ผ่านเกณฑ์ที่ใช้ข้อ {}",
                        item.id, item.id
                    ),
                    format!(
                        "item {} is yes but item {base} is no: there is nothing to take its percentage of, so the criterion on item {} is not met",
                        item.id, item.id
                    ),
                )));
            }
        }
        if item_share == Share::AboveBase {
            errors.push(InputError::new(
                &item_field(field, &item.id),
                InputProblem::NumeratorAboveDenominator,
            ));
        }
        items.push(ReportItemScore {
            id: item.id.clone(),
            answer: a.and_then(|a| a.yes),
            count: a.and_then(|a| a.count.clone()).map(Number),
            percent: percent.cloned().map(Percent),
            reported_percent: a.and_then(|a| a.reported.clone()).map(Number),
            details: item_details.remove(item.id.as_str()).unwrap_or_default(),
        });
    }
    let criteria: Vec<CriterionScore> = reports
        .criteria
        .iter()
        .map(|c| CriterionScore {
            id: c.id.clone(),
            label: c.label.clone(),
            met: c
                .all
                .iter()
                .map(|cond| condition(reports, cond, &answered))
                .try_fold(true, |all, met| met.map(|m| all && m)),
        })
        .collect();
    let meets_all = criteria
        .iter()
        .try_fold(true, |all, c| c.met.map(|m| all && m));
    UnitReportScore {
        name,
        details,
        items,
        criteria,
        meets_all,
        warnings,
    }
}

fn item_field(unit: &Field, id: &str) -> Field {
    Field::new(
        unit.path.join("items").join(id),
        Text::new(
            format!("{} ข้อ {id}", unit.label.th),
            format!("{}, item {id}", unit.label.en),
        ),
    )
}

/// The names an item's answer may be written under in an object beside its
/// details, in the order they are read: `answer` (a yes or no) or `count`,
/// and `value` for either.
fn answer_names(item: &ReportItem) -> &'static [&'static str] {
    match item.kind {
        ReportItemKind::Count => &["count", "value", "answer"],
        ReportItemKind::YesNo | ReportItemKind::YesCount => &["answer", "value"],
    }
}

/// The keys of an item's object that are its answer, not its details.
fn answer_parts(item: &ReportItem) -> &'static [&'static str] {
    match item.kind {
        ReportItemKind::Count => &["count", "value", "answer"],
        ReportItemKind::YesNo => &["answer", "value"],
        ReportItemKind::YesCount => &["answer", "value", "count", "reported_percent"],
    }
}

/// An item's answer: given bare, or in an object under one of its names.
fn main_part<'r>(item: &ReportItem, raw: &'r Raw) -> &'r Raw {
    let Raw::Map(map) = raw else {
        return raw;
    };
    answer_names(item)
        .iter()
        .find_map(|key| map.get(*key).filter(|r| !r.is_blank()))
        .unwrap_or(&Raw::Null)
}

fn read_item(item: &ReportItem, raw: &Raw, field: &Field) -> Result<Answered, InputError> {
    if let Raw::List(_) = raw {
        return Err(InputError::new(
            field,
            InputProblem::WrongType {
                expected: Expected::Answer,
                got: "list",
            },
        ));
    }
    if let Raw::Map(map) = raw {
        let named = answer_names(item)
            .iter()
            .filter(|k| map.get(**k).is_some_and(|r| !r.is_blank()));
        if named.count() > 1 {
            return Err(InputError::new(field, InputProblem::AnswerGivenTwice));
        }
    }
    let main = main_part(item, raw);
    let count = |r: &Raw, f: &Field| input::number(r, f, NumberRule::Count);
    match item.kind {
        ReportItemKind::Count => Ok(Answered {
            count: Some(count(main, field)?),
            ..Answered::default()
        }),
        ReportItemKind::YesNo => Ok(Answered {
            yes: Some(input::yes_no(main, field)?),
            ..Answered::default()
        }),
        ReportItemKind::YesCount => {
            // A bare yes/no, or {"answer": yes/no, "count": n, "reported_percent": p}.
            let yes = input::yes_no(main, &field.part("answer", "คำตอบ", "answer"))?;
            let mut answered = Answered {
                yes: Some(yes),
                ..Answered::default()
            };
            if yes {
                let f = field.part("count", "จำนวน", "count");
                answered.count = Some(count(raw.get("count").unwrap_or(&Raw::Null), &f)?);
                if let Some(p) = raw.get("reported_percent").filter(|p| !p.is_blank()) {
                    let f = field.part("reported_percent", "ร้อยละที่กรอก", "typed percentage");
                    answered.reported = Some(input::number(p, &f, NumberRule::Percent)?);
                }
            }
            Ok(answered)
        }
    }
}

/// An item's count as a percentage of the count it refers to.
#[derive(Clone, PartialEq)]
enum Share {
    /// Not a percentage item, or a count is missing.
    Unknown,
    /// The base count is zero, or its item was answered "no": there is
    /// nothing to take a percentage of.
    ZeroBase,
    /// The count exceeds its base.
    AboveBase,
    Percent(Exact),
}

fn share(item: &ReportItem, answered: &BTreeMap<&str, Answered>) -> Share {
    // A base answered "no" counts nothing: no share of it can be reached.
    let base_answer = item.percent_of.as_deref().and_then(|id| answered.get(id));
    if base_answer.is_some_and(|a| a.yes == Some(false)) {
        return Share::ZeroBase;
    }
    let count = answered
        .get(item.id.as_str())
        .and_then(|a| a.count.as_ref());
    let base = item
        .percent_of
        .as_deref()
        .and_then(|base_id| answered.get(base_id))
        .and_then(|a| a.count.as_ref());
    let (Some(count), Some(base)) = (count, base) else {
        return Share::Unknown;
    };
    match count.times(&Exact::hundred()).over(base) {
        None => Share::ZeroBase,
        Some(_) if count > base => Share::AboveBase,
        Some(percent) => Share::Percent(percent),
    }
}

/// A typed percentage agrees with the computed one when they match at the
/// precision the officer wrote: 13.89 or 14 agree with 13.888…, 25 does not.
fn agrees(computed: &Exact, typed: &Exact) -> bool {
    let places = typed
        .to_plain()
        .split_once('.')
        .map_or(0, |(_, frac)| frac.len() as u32);
    computed.round_half_up(places) == *typed
}

/// Whether a condition holds; `None` while an answer it needs is missing.
fn condition(
    reports: &Reports,
    cond: &Condition,
    answered: &BTreeMap<&str, Answered>,
) -> Option<bool> {
    match cond {
        Condition::Yes(id) => answered.get(id.as_str())?.yes,
        Condition::PercentAtLeast { item, percent } => {
            if answered.get(item.as_str())?.yes == Some(false) {
                return Some(false);
            }
            let def = reports.items.iter().find(|i| &i.id == item)?;
            match share(def, answered) {
                Share::Percent(pct) => Some(pct >= *percent),
                // Nothing to take a share of: the criterion cannot be met.
                Share::ZeroBase => Some(false),
                Share::AboveBase | Share::Unknown => None,
            }
        }
    }
}
