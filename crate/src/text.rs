//! Bilingual text: every label, criterion and message exists in Thai and English.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// Shared, not copied: a rubric's names and criteria appear in every result
/// scored against it, so a clone is a count, not an allocation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
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
