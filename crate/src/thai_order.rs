//! The order a Thai reader (and a spreadsheet) expects names listed in: a
//! leading vowel (เ แ โ ใ ไ) sorts by the consonant written after it, and
//! tone marks and other signs above or below a letter count only when the
//! names are otherwise the same. "เมืองอุบลราชธานี" comes before
//! "วารินชำราบ" (ม before ว), though by code point เ comes after every
//! consonant. Not a full collation (no ICU in the wasm): enough for the
//! names of provinces, districts, tambons and organisations in a summary
//! (digits, Latin letters and signs by code point).

use std::cmp::Ordering;

/// Compares two names in Thai dictionary order; names equal in it are
/// ordered by their text, so that the order is total.
pub fn compare(a: &str, b: &str) -> Ordering {
    primary(a).cmp(primary(b)).then_with(|| a.cmp(b))
}

/// Units by province, then district, then place (`[province, district,
/// place]`), each in Thai dictionary order: as attachment 3 lists them, and
/// a spreadsheet would sort them. Names are mostly the same from one unit
/// to the next: those are told equal at once.
pub fn units(a: [&str; 3], b: [&str; 3]) -> Ordering {
    let name = |a: &str, b: &str| match a == b {
        true => Ordering::Equal,
        false => compare(a, b),
    };
    name(a[0], b[0])
        .then_with(|| name(a[1], b[1]))
        .then_with(|| name(a[2], b[2]))
}

/// `items` in `units`' order of their `names` (`[province, district,
/// place]`); items named alike keep their order. Every list of units the
/// core writes is sorted by this one index sort: each sort the compiler
/// makes anew is ~5 KB of WebAssembly (for 10,000 units a sort in place
/// was ~2 ms sooner, for 7 KB more).
pub fn sort_units<T>(items: Vec<T>, names: impl Fn(&T) -> [&str; 3]) -> Vec<T> {
    let order = {
        let names: Vec<[&str; 3]> = items.iter().map(names).collect();
        units_order(&names)
    };
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    // `order` holds each index once, so every item is taken once.
    order
        .iter()
        .filter_map(|&i| slots.get_mut(i)?.take())
        .collect()
}

fn units_order(names: &[[&str; 3]]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..names.len()).collect();
    order.sort_by(|&a, &b| units(names[a], names[b]));
    order
}

/// The letters as they are ordered: each leading vowel after the letter
/// that follows it, the signs that only mark tone or sound left out.
fn primary(name: &str) -> impl Iterator<Item = char> + Clone + '_ {
    let mut chars = name.chars().filter(|c| !is_sign(*c)).peekable();
    let mut held: Option<char> = None;
    std::iter::from_fn(move || {
        if let Some(vowel) = held.take() {
            return Some(vowel);
        }
        let c = chars.next()?;
        if is_leading_vowel(c) {
            if let Some(&next) = chars.peek() {
                if is_consonant(next) {
                    chars.next();
                    held = Some(c);
                    return Some(next);
                }
            }
        }
        Some(c)
    })
}

fn is_leading_vowel(c: char) -> bool {
    ('\u{0E40}'..='\u{0E44}').contains(&c)
}

fn is_consonant(c: char) -> bool {
    ('\u{0E01}'..='\u{0E2E}').contains(&c)
}

/// Tone marks (่ ้ ๊ ๋), the short-vowel and silent signs (็ ์) and the
/// signs above (ํ ๎): they order names only when all else is equal.
fn is_sign(c: char) -> bool {
    ('\u{0E47}'..='\u{0E4E}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each row: names in the order a Thai reader lists them.
    const ORDERED: &[&[&str]] = &[
        // A leading vowel sorts by the consonant after it.
        &["เมืองอุบลราชธานี", "วารินชำราบ"],
        &["กุดลาด", "แจระแม", "ไร่น้อย"],
        &["โนนผึ้ง", "บุ่งไหม", "ปทุม"],
        // Tone marks count last: a name without comes first, then by the mark.
        &["กา", "ก่า", "ก้า", "ขา"],
        // Latin and digits as by code point; names equal otherwise by text.
        &["1", "10", "2", "A", "B", "ก"],
        &["", "ก"],
    ];

    #[test]
    fn names_in_the_order_a_thai_reader_lists_them() {
        for names in ORDERED {
            for pair in names.windows(2) {
                assert_eq!(
                    compare(pair[0], pair[1]),
                    Ordering::Less,
                    "{} before {}",
                    pair[0],
                    pair[1]
                );
                assert_eq!(compare(pair[1], pair[0]), Ordering::Greater);
            }
            for name in *names {
                assert_eq!(compare(name, name), Ordering::Equal);
            }
        }
    }

    // Sorting with an order that is not total may panic (Rust's sorts check):
    // for any names, it must be antisymmetric and transitive.
    proptest::proptest! {
        #[test]
        fn it_is_a_total_order(names in proptest::collection::vec("[กขงจเแโใไมวอ่้๊๋็์าะ1 A]{0,6}", 3)) {
            let (a, b, c) = (&names[0], &names[1], &names[2]);
            proptest::prop_assert_eq!(compare(a, b), compare(b, a).reverse());
            proptest::prop_assert_eq!(compare(a, b) == Ordering::Equal, a == b);
            if compare(a, b) != Ordering::Greater && compare(b, c) != Ordering::Greater {
                proptest::prop_assert_ne!(compare(a, c), Ordering::Greater);
            }
        }
    }

    #[test]
    fn units_by_province_then_district_then_place() {
        let names = [
            ["อุบลราชธานี", "วารินชำราบ", "แสนสุข"],
            ["อุบลราชธานี", "เมืองอุบลราชธานี", "ในเมือง"],
            ["ขอนแก่น", "เมืองขอนแก่น", "ในเมือง"],
            ["อุบลราชธานี", "วารินชำราบ", "คำน้ำแซบ"],
        ];
        assert_eq!(units_order(&names), [2, 1, 3, 0]);
        let items: Vec<(char, [&str; 3])> = "abcd".chars().zip(names).collect();
        let sorted: String = sort_units(items, |(_, n)| *n)
            .iter()
            .map(|(c, _)| c)
            .collect();
        assert_eq!(sorted, "cbda");
        assert_eq!(units_order(&[]), Vec::<usize>::new());
        // Named alike: kept in the order given.
        let same = vec![(1, ["ก", "ข", "ค"]), (2, ["ก", "ข", "ค"])];
        assert_eq!(sort_units(same, |(_, n)| *n)[0].0, 1);
    }

    #[test]
    fn a_leading_vowel_at_the_end_or_before_a_vowel_stays_where_it_is() {
        assert_eq!(primary("เ").collect::<String>(), "เ");
        assert_eq!(primary("กเ").collect::<String>(), "กเ");
        assert_eq!(primary("เอา").collect::<String>(), "อเา");
        assert_eq!(primary("แก่น").collect::<String>(), "กแน");
    }
}
