//! Reading what officers really type: Thai digits (๗๐), a trailing `%`,
//! surrounding spaces, thousands separators (1,005), yes/no in Thai or English.

use std::collections::BTreeMap;

use crate::error::{Expected, Field, FieldPath, InputError, InputProblem};
use crate::exact::Exact;
use crate::raw::Raw;
use crate::text::Text;

/// How a number field is constrained.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberRule {
    /// 0 to 100; a trailing `%` is accepted.
    Percent,
    /// A whole number, 0 or more.
    Count,
    /// Any number, 0 or more.
    NonNegative,
}

/// An optional object of a request: none when absent or null; a value of
/// another kind is an error on the field `path` (named `label`; both built
/// only then) and reads as none.
pub fn object<'r>(
    raw: Option<&'r Raw>,
    path: impl FnOnce() -> FieldPath,
    label: impl FnOnce() -> Text,
    errors: &mut Vec<InputError>,
) -> Option<&'r BTreeMap<String, Raw>> {
    match raw {
        None | Some(Raw::Null) => None,
        Some(Raw::Map(map)) => Some(map),
        Some(other) => {
            errors.push(InputError::new(
                &Field::new(path(), label()),
                InputProblem::WrongType {
                    expected: Expected::Object,
                    got: other.kind_name(),
                },
            ));
            None
        }
    }
}

/// Reads a required number under `rule`.
pub fn number(raw: &Raw, field: &Field, rule: NumberRule) -> Result<Exact, InputError> {
    let fail = |problem| Err(InputError::new(field, problem));
    let value = match raw {
        Raw::Null => return fail(InputProblem::Empty),
        Raw::Int(i) => {
            if i.unsigned_abs() >= 1_000_000_000_000_000 {
                return fail(InputProblem::TooLarge);
            }
            Exact::int(*i)
        }
        Raw::UInt(_) => return fail(InputProblem::TooLarge),
        Raw::Float(f) if !f.is_finite() => return fail(InputProblem::NotFinite),
        // Rust prints the shortest text that reads back as the same f64, never
        // in exponent form: 70.1 stays 70.1, as JavaScript shows it.
        Raw::Float(f) => parse_typed(&format!("{f}"), rule == NumberRule::Percent)
            .map_err(|problem| InputError::new(field, problem))?,
        Raw::Text(text) => parse_typed(text, rule == NumberRule::Percent)
            .map_err(|problem| InputError::new(field, problem))?,
        other => {
            return fail(InputProblem::WrongType {
                expected: Expected::Number,
                got: other.kind_name(),
            })
        }
    };
    if value.is_negative() {
        return fail(InputProblem::Negative);
    }
    match rule {
        NumberRule::Percent if value > 100 => fail(InputProblem::PercentAbove100),
        NumberRule::Count if !value.is_integer() => fail(InputProblem::NotWhole),
        _ => Ok(value),
    }
}

/// A Thai digit (๐–๙) as its ASCII digit; any other character as it is.
pub fn thai_digit_to_ascii(c: char) -> char {
    match c {
        '๐'..='๙' => char::from(b'0' + (c as u32 - '๐' as u32) as u8),
        other => other,
    }
}

/// Turns typed text into an exact number, or says why it is not one.
pub fn parse_typed(typed: &str, percent_sign_allowed: bool) -> Result<Exact, InputProblem> {
    // Most answers are plain decimals: read them without copying.
    let trimmed = crate::text::trim(typed);
    if trimmed.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        if let Some(value) = Exact::parse_decimal(trimmed) {
            return Ok(value);
        }
    }
    let not_a_number = || InputProblem::NotANumber {
        typed: typed.trim().to_owned(),
    };
    let mut text: String = typed
        .trim()
        .chars()
        .map(|c| match thai_digit_to_ascii(c) {
            c @ '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '−' | '–' => '-',
            '％' => '%',
            other => other,
        })
        .collect();
    if text.is_empty() {
        return Err(InputProblem::Empty);
    }
    if let Some(stripped) = text.strip_suffix('%') {
        if !percent_sign_allowed {
            return Err(not_a_number());
        }
        text = stripped.trim_end().to_owned();
    }
    // ASCII only: the words matched are English, and Thai has no case (nor the
    // Unicode case tables a full lowercase would put in the wasm).
    let lowered = text.to_ascii_lowercase();
    let unsigned = lowered.trim_start_matches(['-', '+']);
    if matches!(unsigned, "nan" | "infinity" | "inf" | "∞") {
        return Err(InputProblem::NotFinite);
    }
    let text = strip_thousands(&text).ok_or_else(not_a_number)?;
    if let Some(value) = Exact::parse_decimal(&text) {
        return Ok(value);
    }
    // Well-formed but out of range, or not a number at all.
    let body = text.strip_prefix('-').unwrap_or(&text);
    let (int_part, frac_part) = body.split_once('.').unwrap_or((body, ""));
    let digits_only = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if digits_only(int_part)
        && digits_only(frac_part)
        && !(int_part.is_empty() && frac_part.is_empty())
    {
        if frac_part.len() > 10 {
            return Err(InputProblem::TooManyDecimals);
        }
        return Err(InputProblem::TooLarge);
    }
    Err(not_a_number())
}

/// Removes thousands separators when they group digits by three: "1,005" and
/// "12,345.5" read as numbers; "1,00" or "70,5" are refused rather than guessed.
fn strip_thousands(text: &str) -> Option<String> {
    if !text.contains(',') {
        return Some(text.to_owned());
    }
    let (sign, body) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text),
    };
    let (int_part, frac_part) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let mut groups = int_part.split(',');
    let first = groups.next()?;
    if first.is_empty() || first.len() > 3 || !first.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut digits = first.to_owned();
    for group in groups {
        if group.len() != 3 || !group.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.push_str(group);
    }
    Some(match frac_part {
        Some(frac) => format!("{sign}{digits}.{frac}"),
        None => format!("{sign}{digits}"),
    })
}

/// Reads a yes/no answer: a boolean, or yes/no words in Thai or English.
pub fn yes_no(raw: &Raw, field: &Field) -> Result<bool, InputError> {
    match raw {
        Raw::Null => Err(InputError::new(field, InputProblem::Empty)),
        Raw::Bool(b) => Ok(*b),
        Raw::Int(1) => Ok(true),
        Raw::Int(0) => Ok(false),
        Raw::Text(text) => {
            let word = text.trim().to_ascii_lowercase();
            match word.as_str() {
                "" => Err(InputError::new(field, InputProblem::Empty)),
                "yes" | "y" | "true" | "1" | "มี" | "ใช่" | "ดำเนินการแล้ว" | "ครอบคลุม" | "✓" => {
                    Ok(true)
                }
                "no" | "n" | "false" | "0" | "ไม่มี" | "ไม่ใช่" | "ยังไม่ดำเนินการ" | "ไม่ครอบคลุม" => {
                    Ok(false)
                }
                _ => Err(InputError::new(
                    field,
                    InputProblem::NotYesNo {
                        typed: text.trim().to_owned(),
                    },
                )),
            }
        }
        other => Err(InputError::new(
            field,
            InputProblem::WrongType {
                expected: Expected::Text,
                got: other.kind_name(),
            },
        )),
    }
}

/// One entry of a choice list: its id and its label.
pub struct ChoiceOption<'a> {
    pub id: &'a str,
    pub label: &'a Text,
}

/// Reads a choice given by its id or by its Thai or English label.
/// Returns the index of the option chosen.
pub fn choice<'a>(
    raw: &Raw,
    field: &Field,
    options: impl Iterator<Item = ChoiceOption<'a>> + Clone,
) -> Result<usize, InputError> {
    let typed = match raw {
        Raw::Null => return Err(InputError::new(field, InputProblem::Empty)),
        Raw::Text(text) if crate::text::trim(text).is_empty() => {
            return Err(InputError::new(field, InputProblem::Empty))
        }
        Raw::Text(text) => crate::text::trim(text),
        other => {
            return Err(InputError::new(
                field,
                InputProblem::WrongType {
                    expected: Expected::Text,
                    got: other.kind_name(),
                },
            ))
        }
    };
    let found = options.clone().position(|option| {
        option.id.eq_ignore_ascii_case(typed)
            || option.label.th.trim() == typed
            || option.label.en.trim().eq_ignore_ascii_case(typed)
    });
    found.ok_or_else(|| {
        InputError::new(
            field,
            InputProblem::ChoiceNotInList {
                typed: typed.to_owned(),
                allowed: options.map(|o| o.id.to_owned()).collect(),
            },
        )
    })
}

/// Optional free text (unit details): absent and null are empty; numbers are
/// taken as typed; anything else is a wrong type.
pub fn free_text(raw: Option<&Raw>, field: &Field) -> Result<String, InputError> {
    match raw {
        None | Some(Raw::Null) => Ok(String::new()),
        Some(Raw::Text(text)) => Ok(crate::text::trim(text).to_owned()),
        Some(Raw::Int(i)) => Ok(i.to_string()),
        Some(Raw::UInt(u)) => Ok(u.to_string()),
        Some(other) => Err(InputError::new(
            field,
            InputProblem::WrongType {
                expected: Expected::Text,
                got: other.kind_name(),
            },
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field() -> Field {
        Field::new(
            FieldPath::of(["answers", "1"]),
            Text::new("ตัวชี้วัดที่ 1", "indicator 1"),
        )
    }

    fn pct(text: &str) -> Result<String, InputProblem> {
        number(&Raw::text(text), &field(), NumberRule::Percent)
            .map(|x| x.to_plain())
            .map_err(|e| *e.problem)
    }

    #[test]
    fn accepts_what_officers_type() {
        assert_eq!(pct("๗๐").unwrap(), "70");
        assert_eq!(pct(" 70 % ").unwrap(), "70");
        assert_eq!(pct("๗๐.๕%").unwrap(), "70.5");
        assert_eq!(pct("\u{a0}12.50\u{a0}").unwrap(), "12.5");
        let count = |t: &str| number(&Raw::text(t), &field(), NumberRule::Count).unwrap();
        assert_eq!(count("1,005").to_plain(), "1005");
        assert_eq!(count("๑,๐๐๕").to_plain(), "1005");
        assert_eq!(count("12,345,678").to_plain(), "12345678");
    }

    #[test]
    fn refuses_with_the_reason() {
        assert_eq!(
            pct("abc"),
            Err(InputProblem::NotANumber {
                typed: "abc".into()
            })
        );
        assert_eq!(pct(""), Err(InputProblem::Empty));
        assert_eq!(pct("   "), Err(InputProblem::Empty));
        assert_eq!(pct("-5"), Err(InputProblem::Negative));
        assert_eq!(pct("100.01"), Err(InputProblem::PercentAbove100));
        assert_eq!(pct("NaN"), Err(InputProblem::NotFinite));
        assert_eq!(pct("-Infinity"), Err(InputProblem::NotFinite));
        assert_eq!(
            pct("70,5"),
            Err(InputProblem::NotANumber {
                typed: "70,5".into()
            })
        );
        assert_eq!(pct("1.00000000001"), Err(InputProblem::TooManyDecimals));
        let count =
            |t: &str| number(&Raw::text(t), &field(), NumberRule::Count).map_err(|e| *e.problem);
        assert_eq!(count("2.5"), Err(InputProblem::NotWhole));
        assert_eq!(
            count("5%"),
            Err(InputProblem::NotANumber { typed: "5%".into() })
        );
        assert_eq!(count("9999999999999999"), Err(InputProblem::TooLarge));
        let raw_number =
            |raw: Raw| number(&raw, &field(), NumberRule::NonNegative).map_err(|e| *e.problem);
        assert_eq!(
            raw_number(Raw::Float(f64::NAN)),
            Err(InputProblem::NotFinite)
        );
        assert_eq!(
            raw_number(Raw::Float(f64::INFINITY)),
            Err(InputProblem::NotFinite)
        );
        assert_eq!(raw_number(Raw::Float(70.1)).unwrap().to_plain(), "70.1");
        assert_eq!(
            raw_number(Raw::Bool(true)),
            Err(InputProblem::WrongType {
                expected: Expected::Number,
                got: "boolean"
            })
        );
    }

    #[test]
    fn yes_no_in_both_languages() {
        for yes in ["yes", "มี", "ใช่", " YES "] {
            assert_eq!(yes_no(&Raw::text(yes), &field()), Ok(true));
        }
        for no in ["no", "ไม่มี", "false"] {
            assert_eq!(yes_no(&Raw::text(no), &field()), Ok(false));
        }
        assert!(yes_no(&Raw::text("maybe"), &field()).is_err());
    }
}
