//! The core's own JSON reader reads what serde_json read into the loose tree
//! before (issue 9 took serde_json's reader out of the WebAssembly): the same
//! values from the same text, and a refusal where it refused, of the same
//! kind (too deep, or malformed); and files are indented as serde_json's
//! pretty printer indented them. serde_json stays here as the reference.

use khanaen::error::Error;
use khanaen::export::json;
use khanaen::Raw;
use proptest::prelude::*;
use serde_json::Value;

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// How serde_json read text into the loose tree.
fn serde_read(text: &str) -> Result<Raw, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str(text).map_err(|err| Error::unreadable(err.to_string()))
}

fn alike(text: &str) -> Result<(), TestCaseError> {
    match (json::parse(text), serde_read(text)) {
        (Ok(ours), Ok(theirs)) => prop_assert_eq!(ours, theirs, "{:?}", text),
        (Err(Error::TooDeep { .. }), Err(Error::TooDeep { .. })) => {}
        (Err(Error::MalformedRequest { .. }), Err(Error::MalformedRequest { .. })) => {}
        (ours, theirs) => prop_assert!(
            false,
            "{:?}: ours {:?}, serde_json {:?}",
            text,
            ours,
            theirs
        ),
    }
    Ok(())
}

fn number() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<i64>().prop_map(|n| n.to_string()),
        any::<u64>().prop_map(|n| n.to_string()),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| f.to_string()),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| format!("{f:e}")),
        "-?(0|[1-9][0-9]{0,24})(\\.[0-9]{1,20})?([eE][+-]?[0-9]{1,4})?",
    ]
}

fn text() -> impl Strategy<Value = String> {
    "[a-zก-ฮ่้๊๋ะาิีึืุู \\\\\"/\\n\\t\u{1}\u{7f}\u{1F600}]{0,12}"
}

fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        number().prop_map(|n| serde_json::from_str(&n).unwrap_or(Value::Null)),
        text().prop_map(Value::String),
    ];
    leaf.prop_recursive(40, 200, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::btree_map(text(), inner, 0..5)
                .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

/// A change to valid text: a character inserted, removed or replaced by one
/// that matters to JSON.
fn mutated() -> impl Strategy<Value = String> {
    let written = value().prop_flat_map(|v| {
        prop_oneof![
            Just(serde_json::to_string(&v).unwrap()),
            Just(serde_json::to_string_pretty(&v).unwrap()),
        ]
    });
    let piece = prop_oneof![
        Just(""),
        Just(","),
        Just("]"),
        Just("}"),
        Just("["),
        Just("{"),
        Just("\""),
        Just("\\"),
        Just("\\u"),
        Just("\\ud83d"),
        Just(":"),
        Just("0"),
        Just("-"),
        Just("."),
        Just("e"),
        Just(" "),
        Just("ก"),
        Just("\u{1}"),
        Just("nul"),
        Just("true"),
    ];
    (written, any::<prop::sample::Index>(), 0..3usize, piece).prop_map(|(text, at, cut, piece)| {
        let chars: Vec<char> = text.chars().collect();
        let at = at.index(chars.len() + 1);
        let end = (at + cut).min(chars.len());
        let mut out: String = chars[..at].iter().collect();
        out.push_str(piece);
        out.extend(&chars[end..]);
        out
    })
}

proptest! {
    #![proptest_config(config(3000))]

    #[test]
    fn valid_text_reads_alike(v in value(), pretty in any::<bool>()) {
        let text = if pretty { serde_json::to_string_pretty(&v) } else { serde_json::to_string(&v) };
        alike(&text.unwrap())?;
    }

    #[test]
    fn numbers_read_alike(n in number()) {
        alike(&n)?;
        alike(&format!("[{n}]"))?;
    }

    #[test]
    fn broken_text_is_refused_alike(text in mutated()) {
        alike(&text)?;
    }

    #[test]
    fn files_are_indented_as_serde_json_indented_them(v in value()) {
        prop_assert_eq!(json::write(&v), serde_json::to_string_pretty(&v).unwrap() + "\n");
    }
}

#[test]
fn depth_is_refused_alike_at_the_same_level() {
    for depth in 29..34 {
        alike(&format!("{}{}", "[".repeat(depth), "]".repeat(depth))).unwrap();
        alike(&format!(
            "{}1{}",
            "{\"a\":".repeat(depth),
            "}".repeat(depth)
        ))
        .unwrap();
    }
}

#[test]
fn edge_cases_read_alike() {
    for text in [
        "",
        " ",
        "\u{feff}{}",
        "-0",
        "-0.0",
        "1e400",
        "-1e400",
        "1e-400",
        "0e99999",
        "18446744073709551616",
        "-9223372036854775809",
        "9007199254740993.0",
        "\"\\ud83d\\ude00\"",
        "\"\\ude00\"",
        "\"\\ud83d\"",
        "\"\\ud83dx\"",
        "\"\\u00e9\"",
        "{\"a\":1,\"a\":2}",
        "[1 2]",
        "{\"a\" 1}",
        "{1:2}",
        "tru",
        "nulll",
        "[]]",
        "\"\t\"",
    ] {
        alike(text).unwrap();
    }
}
