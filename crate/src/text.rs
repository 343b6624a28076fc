//! Bilingual text: every label, criterion and message exists in Thai and English.

use std::sync::Arc;

use serde::Serialize;

/// Shared, not copied: a rubric's names and criteria appear in every result
/// scored against it, so a clone is a count, not an allocation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Text {
    pub th: Arc<str>,
    pub en: Arc<str>,
}

impl Text {
    pub fn new(th: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            th: th.into().into(),
            en: en.into().into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Th => &self.th,
            Lang::En => &self.en,
        }
    }
}

/// The language of exported headers and messages. Thai is the default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Th,
    En,
}

impl Lang {
    pub fn parse(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "th" | "tha" | "thai" | "" => Some(Lang::Th),
            "en" | "eng" | "english" => Some(Lang::En),
            _ => None,
        }
    }
}

/// `str::trim`, answered at once when neither end is white space (most
/// cells and answers, Thai ones too): the walk it saves is a few percent
/// of scoring a sheet in WebAssembly.
pub fn trim(text: &str) -> &str {
    let mut chars = text.chars();
    let kept = |c: Option<char>| c.map_or(true, |c| !c.is_whitespace());
    if kept(chars.next()) && kept(chars.next_back()) {
        text
    } else {
        text.trim()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn trim_is_str_trim() {
        for text in [
            "",
            " ",
            "a",
            " a ",
            "\u{b}1\u{b}",
            "12",
            "1 ",
            "\u{a0}x",
            "x\u{3000}",
            "ก ",
            " ข",
            "\u{85}",
            "a b",
            "ก",
            "กข",
            "\u{2000}ก",
            "ก\u{2029}",
            "\u{1680}",
            "ก\u{202f}ข",
        ] {
            assert_eq!(super::trim(text), text.trim(), "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn trim_is_str_trim_for_any_text(text in "[ \t\r\n\u{b}\u{85}\u{a0}\u{3000}กข1a\u{feff}]{0,6}|\\PC{0,8}") {
            proptest::prop_assert_eq!(super::trim(&text), text.trim());
        }
    }
}
