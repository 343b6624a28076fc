//! Exact rational numbers for scoring.
//!
//! Every percentage, threshold, weight and score is a fraction of two `i128`s
//! kept in lowest terms, so 7 of 10 is exactly 70 and never 70.000…1. All
//! arithmetic is checked: an overflow is reported as `None`, never a panic.

use std::cmp::Ordering;
use std::fmt;

/// A fraction `num / den` with `den > 0` and `gcd(num, den) == 1`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Exact {
    num: i128,
    den: i128,
}

fn gcd(mut a: i128, mut b: i128) -> i128 {
    // Operands are never i128::MIN: constructors reject it.
    a = a.abs();
    b = b.abs();
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

impl Exact {
    pub const ZERO: Exact = Exact { num: 0, den: 1 };
    pub const ONE: Exact = Exact { num: 1, den: 1 };
    pub const HUNDRED: Exact = Exact { num: 100, den: 1 };

    /// The fraction `num / den`, or `None` when `den` is zero or a value is out of range.
    pub fn ratio(num: i128, den: i128) -> Option<Exact> {
        if den == 0 || num == i128::MIN || den == i128::MIN {
            return None;
        }
        let g = gcd(num, den);
        let (num, den) = (num / g, den / g);
        Some(if den < 0 {
            Exact {
                num: -num,
                den: -den,
            }
        } else {
            Exact { num, den }
        })
    }

    pub fn int(value: i64) -> Exact {
        Exact {
            num: i128::from(value),
            den: 1,
        }
    }

    pub fn numer(self) -> i128 {
        self.num
    }

    pub fn denom(self) -> i128 {
        self.den
    }

    pub fn is_integer(self) -> bool {
        self.den == 1
    }

    pub fn is_negative(self) -> bool {
        self.num < 0
    }

    pub fn checked_add(self, other: Exact) -> Option<Exact> {
        let g = gcd(self.den, other.den);
        let left = self.num.checked_mul(other.den / g)?;
        let right = other.num.checked_mul(self.den / g)?;
        let den = (self.den / g).checked_mul(other.den)?;
        Exact::ratio(left.checked_add(right)?, den)
    }

    pub fn checked_sub(self, other: Exact) -> Option<Exact> {
        self.checked_add(Exact {
            num: other.num.checked_neg()?,
            den: other.den,
        })
    }

    pub fn checked_mul(self, other: Exact) -> Option<Exact> {
        // Cross-reduce first so that products stay small.
        let g1 = gcd(self.num, other.den).max(1);
        let g2 = gcd(other.num, self.den).max(1);
        let num = (self.num / g1).checked_mul(other.num / g2)?;
        let den = (self.den / g2).checked_mul(other.den / g1)?;
        Exact::ratio(num, den)
    }

    pub fn checked_div(self, other: Exact) -> Option<Exact> {
        if other.num == 0 {
            return None;
        }
        self.checked_mul(Exact {
            num: other.den,
            den: other.num,
        })
        .and_then(|q| Exact::ratio(q.num, q.den))
    }

    /// The value rounded half up (away from zero at .5) to `places` decimals.
    pub fn round_half_up(self, places: u32) -> Option<Exact> {
        let scale = 10i128.checked_pow(places)?;
        let scaled_num = self.num.abs().checked_mul(scale)?;
        // floor((2·n·s + d) / (2·d)) rounds half up for non-negative values.
        let twice = scaled_num.checked_mul(2)?.checked_add(self.den)?;
        let rounded = twice / self.den.checked_mul(2)?;
        let signed = if self.num < 0 { -rounded } else { rounded };
        Exact::ratio(signed, scale)
    }

    /// Decimal text with exactly `places` decimals, rounded half up.
    pub fn to_fixed(self, places: u32) -> String {
        self.round_half_up(places)
            .and_then(|rounded| rounded.decimal_digits(places))
            // Only reachable for values near i128 limits, which inputs cannot produce.
            .unwrap_or_else(|| String::from("NaN"))
    }

    /// Decimal text as short as the value allows: exact when the value is a
    /// finite decimal of at most 10 places, otherwise rounded to 10 places.
    pub fn to_plain(self) -> String {
        self.to_short(10)
    }

    /// Rounded half up to at most `places` decimals, without trailing zeros.
    pub fn to_short(self, places: u32) -> String {
        let mut text = self.to_fixed(places);
        if text.contains('.') {
            while text.ends_with('0') {
                text.pop();
            }
            if text.ends_with('.') {
                text.pop();
            }
        }
        text
    }

    /// Digits of a value whose denominator divides `10^places`.
    fn decimal_digits(self, places: u32) -> Option<String> {
        let scale = 10i128.checked_pow(places)?;
        let units = self.num.abs().checked_mul(scale / self.den)?;
        let sign = if self.num < 0 { "-" } else { "" };
        let whole = units / scale;
        if places == 0 {
            return Some(format!("{sign}{whole}"));
        }
        let frac = units % scale;
        Some(format!(
            "{sign}{whole}.{frac:0width$}",
            width = places as usize
        ))
    }

    /// Parses plain ASCII decimal text: optional `-`, digits, optional `.` and digits.
    /// At most 15 integer and 10 fractional digits, so later arithmetic cannot overflow.
    pub fn parse_decimal(text: &str) -> Option<Exact> {
        let (negative, body) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (int_part, frac_part) = match body.split_once('.') {
            Some((i, f)) => (i, f),
            None => (body, ""),
        };
        if int_part.is_empty() && frac_part.is_empty() {
            return None;
        }
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if !all_digits(int_part) || !all_digits(frac_part) {
            return None;
        }
        let significant_int = int_part.trim_start_matches('0');
        if significant_int.len() > 15 || frac_part.len() > 10 {
            return None;
        }
        let mut num: i128 = 0;
        for b in significant_int.bytes().chain(frac_part.bytes()) {
            num = num * 10 + i128::from(b - b'0');
        }
        let den = 10i128.pow(frac_part.len() as u32);
        Exact::ratio(if negative { -num } else { num }, den)
    }
}

impl Ord for Exact {
    fn cmp(&self, other: &Self) -> Ordering {
        // Compare a/b with c/d by a·d and c·b; fall back to wide division only
        // if the products overflow, which bounded inputs never reach.
        match (
            self.num.checked_mul(other.den),
            other.num.checked_mul(self.den),
        ) {
            (Some(left), Some(right)) => left.cmp(&right),
            _ => {
                let whole = |x: &Exact| x.num.div_euclid(x.den);
                match whole(self).cmp(&whole(other)) {
                    Ordering::Equal => {
                        let frac = |x: &Exact| Exact {
                            num: x.num.rem_euclid(x.den),
                            den: x.den,
                        };
                        // Both fractions lie in [0, 1): compare reciprocals reversed.
                        let (a, b) = (frac(self), frac(other));
                        match (a.num == 0, b.num == 0) {
                            (true, true) => Ordering::Equal,
                            (true, false) => Ordering::Less,
                            (false, true) => Ordering::Greater,
                            (false, false) => Exact {
                                num: b.den,
                                den: b.num,
                            }
                            .cmp(&Exact {
                                num: a.den,
                                den: a.num,
                            }),
                        }
                    }
                    other => other,
                }
            }
        }
    }
}

impl PartialOrd for Exact {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Exact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_plain())
    }
}

/// In rubric files and results an exact number is decimal text ("72.5");
/// rubric files may also use plain JSON integers.
impl serde::Serialize for Exact {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_plain())
    }
}

impl<'de> serde::Deserialize<'de> for Exact {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Exact, D::Error> {
        struct DecimalVisitor;
        impl serde::de::Visitor<'_> for DecimalVisitor {
            type Value = Exact;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a decimal number written as text, such as \"72.5\"")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Exact, E> {
                Exact::parse_decimal(v.trim())
                    .ok_or_else(|| E::custom(format!("“{v}” is not a decimal number")))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Exact, E> {
                Ok(Exact::int(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Exact, E> {
                i64::try_from(v)
                    .map(Exact::int)
                    .map_err(|_| E::custom("number too large"))
            }
        }
        deserializer.deserialize_any(DecimalVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Exact {
        Exact::parse_decimal(text).unwrap()
    }

    #[test]
    fn seven_of_ten_is_exactly_seventy() {
        let pct = Exact::int(7)
            .checked_mul(Exact::HUNDRED)
            .and_then(|x| x.checked_div(Exact::int(10)))
            .unwrap();
        assert_eq!(pct, Exact::int(70));
        assert_eq!(pct.cmp(&Exact::int(70)), Ordering::Equal);
    }

    #[test]
    fn rounds_half_up_at_the_fourth_decimal() {
        assert_eq!(d("3.57855").to_fixed(4), "3.5786");
        assert_eq!(d("3.57854999").to_fixed(4), "3.5785");
        assert_eq!(d("0.00005").to_fixed(4), "0.0001");
        assert_eq!(d("-1.25").to_fixed(1), "-1.3");
        assert_eq!(Exact::ratio(500, 36).unwrap().to_fixed(2), "13.89");
        assert_eq!(Exact::ratio(2, 3).unwrap().to_fixed(0), "1");
        assert_eq!(Exact::int(5).to_fixed(4), "5.0000");
    }

    #[test]
    fn plain_text_is_exact_when_finite() {
        assert_eq!(d("70.50").to_plain(), "70.5");
        assert_eq!(d("0012").to_plain(), "12");
        assert_eq!(Exact::ratio(1, 3).unwrap().to_plain(), "0.3333333333");
        assert_eq!(Exact::ratio(-1, 8).unwrap().to_plain(), "-0.125");
    }

    #[test]
    fn parse_rejects_what_is_not_a_plain_decimal() {
        for bad in ["", "-", ".", "1e5", "1.2.3", "+1", "1,000", "NaN", "inf"] {
            assert_eq!(Exact::parse_decimal(bad), None, "{bad:?}");
        }
        assert_eq!(Exact::parse_decimal("1234567890123456"), None);
        assert_eq!(d(".5"), Exact::ratio(1, 2).unwrap());
        assert_eq!(d("5."), Exact::int(5));
    }

    #[test]
    fn overflow_is_none_not_a_panic() {
        let big = Exact::ratio(i128::MAX / 2, 1).unwrap();
        assert_eq!(big.checked_mul(big), None);
        assert_eq!(big.checked_add(big).and_then(|x| x.checked_add(big)), None);
        assert_eq!(Exact::ONE.checked_div(Exact::ZERO), None);
        assert_eq!(Exact::ratio(1, 0), None);
        let huge = Exact::ratio(i128::MAX, 3).unwrap();
        assert!(huge > Exact::ratio(i128::MAX - 1, 3).unwrap());
    }
}
