//! Spreadsheet cells as Excel and LibreOffice read them: RFC 4180 quoting,
//! with a text cell that would run as a formula neutralised; CRLF lines;
//! and the header of the result CSV, which the export writes and the
//! stacked-CSV reader finds its columns by. Below both, so neither depends
//! on the other.

/// The header, in Thai and English: the stacked CSV reader finds its columns by these.
pub const HEADERS: [(&str, &str); 23] = [
    ("เกณฑ์การประเมิน", "framework"),
    ("ฉบับ", "edition"),
    ("จังหวัด", "province"),
    ("อำเภอ", "district"),
    ("ตำบล", "tambon"),
    ("หน่วยงาน", "organisation"),
    ("ครั้งที่", "round"),
    ("ปีงบประมาณ", "fiscal year"),
    ("วันที่ประเมิน", "date"),
    ("ประเภทแถว", "row"),
    ("รหัส", "id"),
    ("รายการ", "item"),
    ("ค่าที่กรอก", "input"),
    ("ตัวตั้ง", "numerator"),
    ("ตัวหาร", "denominator"),
    ("ร้อยละ/ผล", "result"),
    ("คะแนน", "score"),
    ("คะแนนเต็ม/น้ำหนัก", "max or weight"),
    ("คะแนนถ่วงน้ำหนัก", "weighted"),
    ("ผลคูณน้ำหนัก/100", "contribution"),
    ("เกณฑ์ที่ได้/ระดับ", "criterion or level"),
    ("หมายเหตุ", "notes"),
    ("ข้อสังเกตของผู้ประเมิน", "assessor's remark"),
];

/// The column of the assessor's remarks, last.
pub const REMARK: usize = HEADERS.len() - 1;

/// One line of cells already quoted, ended with CRLF.
pub fn write_line(out: &mut String, cells: impl Iterator<Item = String>) {
    out.push_str(&cells.collect::<Vec<_>>().join(","));
    out.push_str("\r\n");
}

/// RFC 4180 quoting, after neutralising a leading formula character.
pub fn quote(value: &str) -> String {
    let neutral = match value.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r' | '\0') => format!("'{value}"),
        _ => value.to_owned(),
    };
    if neutral.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", neutral.replace('"', "\"\""))
    } else {
        neutral
    }
}
