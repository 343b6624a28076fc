//! Reading a file's bytes as text. Thai files come as UTF-8 (with or without
//! a byte-order mark), as UTF-16 from Excel's "Unicode text", or in TIS-620 /
//! Windows-874 from older Thai Windows. Every one is read as what it is, so
//! Thai never turns into "�"; bytes that are none of them are refused.

use serde::Serialize;

use crate::error::Error;

/// The encoding a file was read in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum Encoding {
    Utf8,
    Utf16,
    /// TIS-620, or its Windows-874 superset: converted to Unicode.
    Tis620,
}

/// Text decoded from a file, and the encoding it was in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Decoded {
    pub text: String,
    pub encoding: Encoding,
}

/// Decodes a file's bytes; a byte-order mark is dropped.
pub fn decode(bytes: &[u8]) -> Result<Decoded, Error> {
    let decoded = |text: String, encoding| Ok(Decoded { text, encoding });
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return match std::str::from_utf8(rest) {
            Ok(text) => decoded(text.to_owned(), Encoding::Utf8),
            Err(_) => Err(Error::NotText),
        };
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, u16::from_le_bytes).and_then(|t| decoded(t, Encoding::Utf16));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, u16::from_be_bytes).and_then(|t| decoded(t, Encoding::Utf16));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return decoded(text.to_owned(), Encoding::Utf8);
    }
    let text: Option<String> = bytes.iter().map(|&b| windows_874(b)).collect();
    text.map_or(Err(Error::NotText), |t| decoded(t, Encoding::Tis620))
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, Error> {
    if bytes.len() % 2 != 0 {
        return Err(Error::NotText);
    }
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .map_err(|_| Error::NotText)
}

/// One byte of Windows-874 (TIS-620 with a few punctuation marks added), or
/// `None` for a byte that encoding leaves undefined. NUL and other control
/// characters but tab, CR and LF are refused: no text file has them.
fn windows_874(byte: u8) -> Option<char> {
    match byte {
        b'\t' | b'\n' | b'\r' | 0x20..=0x7E => Some(char::from(byte)),
        0x80 => Some('€'),
        0x85 => Some('…'),
        0x91 => Some('‘'),
        0x92 => Some('’'),
        0x93 => Some('“'),
        0x94 => Some('”'),
        0x95 => Some('•'),
        0x96 => Some('–'),
        0x97 => Some('—'),
        0xA0 => Some('\u{A0}'),
        // ก (0xA1) to ฺ (0xDA), ฿ (0xDF) to ๛ (0xFB): U+0E01 onwards in order.
        0xA1..=0xDA | 0xDF..=0xFB => char::from_u32(0x0E01 + u32::from(byte - 0xA1)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_utf8_with_or_without_a_mark() {
        let plain = decode("ตำบล,1".as_bytes()).unwrap();
        assert_eq!(
            (plain.text.as_str(), plain.encoding),
            ("ตำบล,1", Encoding::Utf8)
        );
        let marked = decode("\u{feff}ตำบล".as_bytes()).unwrap();
        assert_eq!(marked.text, "ตำบล");
    }

    #[test]
    fn converts_tis_620() {
        // "ตำบล บุ่งไหม" in TIS-620.
        let bytes = [
            0xB5, 0xD3, 0xBA, 0xC5, b' ', 0xBA, 0xD8, 0xE8, 0xA7, 0xE4, 0xCB, 0xC1,
        ];
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.text, "ตำบล บุ่งไหม");
        assert_eq!(decoded.encoding, Encoding::Tis620);
        assert_eq!(decode(&[0xA1, 0xFB, 0xDF]).unwrap().text, "ก๛฿");
    }

    #[test]
    fn reads_utf16_from_excel() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "ตำบล".encode_utf16() {
            bytes.extend(unit.to_le_bytes());
        }
        assert_eq!(decode(&bytes).unwrap().text, "ตำบล");
        assert_eq!(decode(&[0xFF, 0xFE, 0x00]), Err(Error::NotText));
    }

    #[test]
    fn refuses_what_is_not_text() {
        for bytes in [
            &[0xDB][..],
            &[0xA1, 0x00],
            &[0xFC, 0xFD],
            b"\xEF\xBB\xBF\xFF",
        ] {
            assert_eq!(decode(bytes), Err(Error::NotText), "{bytes:?}");
        }
    }
}
