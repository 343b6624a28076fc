//! The summary as a spreadsheet: attachment 3's table, one row per district
//! with the number and percentage of units at each level, then the
//! province's row, for every fiscal year and round. Same conventions as the
//! result CSV: BOM, CRLF, quoting, Thai headers unless English is asked for.

use crate::cells::{quote, write_line};
use crate::summary::{AreaCounts, Summary};
use crate::text::{Lang, Text};

pub fn write(summary: &Summary, lang: Lang) -> String {
    let t = |th: &str, en: &str| Text::new(th, en).get(lang).to_owned();
    let mut out = String::from("\u{feff}");
    let levels: Vec<(u32, String)> = summary
        .rounds
        .first()
        .map(|r| {
            r.total
                .levels
                .iter()
                .map(|l| (l.level, l.name.get(lang).to_owned()))
                .collect()
        })
        .unwrap_or_default();
    let mut header = vec![
        t("เกณฑ์การประเมิน", "framework"),
        t("ปีงบประมาณ", "fiscal year"),
        t("ครั้งที่", "round"),
        t("จังหวัด", "province"),
        t("อำเภอ", "district"),
        t("จำนวนที่ประเมิน", "assessed"),
    ];
    for (level, name) in &levels {
        header.push(format!("{} {level} {name}", t("ระดับ", "level")));
        header.push(format!("{} {level} (%)", t("ร้อยละระดับ", "level")));
    }
    write_line(&mut out, header.iter().map(|h| quote(h)));
    for round in &summary.rounds {
        let lead = [
            quote(&round.framework),
            round
                .fiscal_year
                .map_or_else(String::new, |y| y.to_string()),
            round.round.map_or_else(String::new, |r| r.to_string()),
        ];
        let line = |out: &mut String, province: &str, district: &str, area: &AreaCounts| {
            let mut cells: Vec<String> = lead.to_vec();
            cells.push(quote(province));
            cells.push(quote(district));
            cells.push(area.assessed.to_string());
            for level in &area.levels {
                cells.push(level.count.to_string());
                cells.push(
                    level
                        .percent
                        .as_ref()
                        .map_or_else(String::new, |p| p.exact().to_fixed(2)),
                );
            }
            write_line(out, cells.into_iter());
        };
        for province in &round.provinces {
            for district in &province.districts {
                line(&mut out, &province.name, &district.name, district);
            }
            line(
                &mut out,
                &province.name,
                &t("รวมทั้งจังหวัด", "province total"),
                province,
            );
        }
        if round.provinces.len() > 1 {
            line(
                &mut out,
                &t("รวมทุกจังหวัด", "all provinces"),
                "",
                &round.total,
            );
        }
    }
    out
}
