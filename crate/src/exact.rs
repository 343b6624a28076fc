//! Exact rational numbers for scoring.
//!
//! Every percentage, threshold, weight and score is a fraction of two big
//! integers kept in lowest terms, so 7 of 10 is exactly 70 and never
//! 70.000…1, and no input within the documented limits (15 integer digits,
//! 10 decimal places) can overflow however the rubric combines it: the
//! arithmetic has no range to leave. Only division by zero has no answer.

use std::cmp::Ordering;
use std::fmt;

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{Signed, ToPrimitive, Zero};

/// An exact fraction, always in lowest terms with a positive denominator.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Exact(BigRational);

impl Exact {
    pub fn zero() -> Exact {
        Exact(BigRational::zero())
    }

    pub fn one() -> Exact {
        Exact::int(1)
    }

    pub fn hundred() -> Exact {
        Exact::int(100)
    }

    pub fn int(value: i64) -> Exact {
        Exact(BigRational::from_integer(BigInt::from(value)))
    }

    /// The fraction `num / den`, or `None` when `den` is zero.
    pub fn ratio(num: i128, den: i128) -> Option<Exact> {
        (den != 0).then(|| Exact(BigRational::new(BigInt::from(num), BigInt::from(den))))
    }

    pub fn is_zero(&self) -> bool {
        self.0.is_zero()
    }

    pub fn is_integer(&self) -> bool {
        self.0.is_integer()
    }

    pub fn is_negative(&self) -> bool {
        self.0.is_negative()
    }

    /// The value as a whole number, when it is one and fits.
    pub fn to_whole(&self) -> Option<u64> {
        self.is_integer().then(|| self.0.numer().to_u64()).flatten()
    }

    /// The largest whole number not above the value, when it fits.
    pub fn floor_whole(&self) -> Option<u64> {
        self.0.floor().numer().to_u64()
    }

    pub fn plus(&self, other: &Exact) -> Exact {
        Exact(&self.0 + &other.0)
    }

    pub fn minus(&self, other: &Exact) -> Exact {
        Exact(&self.0 - &other.0)
    }

    pub fn times(&self, other: &Exact) -> Exact {
        Exact(&self.0 * &other.0)
    }

    /// `self / other`, or `None` when `other` is zero.
    pub fn over(&self, other: &Exact) -> Option<Exact> {
        (!other.is_zero()).then(|| Exact(&self.0 / &other.0))
    }

    /// The value rounded half up (away from zero at .5) to `places` decimals.
    pub fn round_half_up(&self, places: u32) -> Exact {
        if self.0.is_integer() {
            return self.clone();
        }
        let scale = BigInt::from(10u8).pow(places);
        let (num, den) = (self.0.numer(), self.0.denom());
        // floor((2·|n|·s + d) / (2·d)) rounds half up for the magnitude.
        let twice = num.abs() * &scale * 2u8 + den;
        let rounded = twice.div_floor(&(den * 2u8));
        let signed = if num.is_negative() { -rounded } else { rounded };
        Exact(BigRational::new(signed, scale))
    }

    /// Decimal text with exactly `places` decimals, rounded half up.
    pub fn to_fixed(&self, places: u32) -> String {
        // Most values typed are whole numbers: written without the rounding machinery.
        if self.0.is_integer() {
            let whole = self.0.numer();
            return match places {
                0 => whole.to_string(),
                _ => format!("{whole}.{:0>width$}", "", width = places as usize),
            };
        }
        let rounded = self.round_half_up(places);
        // After rounding the denominator divides 10^places.
        let scale = BigInt::from(10u8).pow(places);
        let units = rounded.0.numer() * (&scale / rounded.0.denom());
        let sign = if units.sign() == Sign::Minus { "-" } else { "" };
        let (whole, frac) = units.abs().div_rem(&scale);
        if places == 0 {
            return format!("{sign}{whole}");
        }
        format!("{sign}{whole}.{frac:0>width$}", width = places as usize)
    }

    /// Decimal text as short as the value allows: exact when the value is a
    /// finite decimal of at most 10 places, otherwise rounded to 10 places.
    pub fn to_plain(&self) -> String {
        self.to_short(10)
    }

    /// Rounded half up to at most `places` decimals, without trailing zeros.
    pub fn to_short(&self, places: u32) -> String {
        if self.0.is_integer() {
            return self.0.numer().to_string();
        }
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

    /// Parses plain ASCII decimal text: optional `-`, digits, optional `.` and digits.
    /// At most 15 integer and 10 fractional digits: the documented input limits.
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
        // 25 digits at most: an i128 holds them.
        let mut num: i128 = 0;
        for b in significant_int.bytes().chain(frac_part.bytes()) {
            num = num * 10 + i128::from(b - b'0');
        }
        let den = 10i128.pow(frac_part.len() as u32);
        Exact::ratio(if negative { -num } else { num }, den)
    }
}

impl fmt::Display for Exact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_plain())
    }
}

/// Compares with a whole number without building a fraction for it.
impl PartialEq<i64> for Exact {
    fn eq(&self, other: &i64) -> bool {
        self.0.is_integer() && *self.0.numer() == BigInt::from(*other)
    }
}

impl PartialOrd<i64> for Exact {
    fn partial_cmp(&self, other: &i64) -> Option<Ordering> {
        Some(self.cmp(&Exact::int(*other)))
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
            .times(&Exact::hundred())
            .over(&Exact::int(10))
            .unwrap();
        assert_eq!(pct, Exact::int(70));
        assert_eq!(pct.cmp(&Exact::int(70)), Ordering::Equal);
        assert!(pct == 70);
    }

    #[test]
    fn rounds_half_up_at_the_fourth_decimal() {
        assert_eq!(d("3.57855").to_fixed(4), "3.5786");
        assert_eq!(d("3.57854999").to_fixed(4), "3.5785");
        assert_eq!(d("0.00005").to_fixed(4), "0.0001");
        assert_eq!(d("-1.25").to_fixed(1), "-1.3");
        assert_eq!(d("-0.00004").to_fixed(4), "0.0000");
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
    fn no_range_to_leave() {
        // Far beyond i128: (10^15)^4 / (10^-10)^3 and back, exactly.
        let big = d("999999999999999.9999999999");
        let tiny = d("0.0000000001");
        let huge = big.times(&big).times(&big).times(&big);
        let back = huge.over(&tiny).unwrap().times(&tiny);
        assert_eq!(back, huge);
        assert!(huge > big);
        assert_eq!(Exact::one().over(&Exact::zero()), None);
        assert_eq!(Exact::ratio(1, 0), None);
        assert_eq!(d("4.9999").floor_whole(), Some(4));
        assert_eq!(d("70").to_whole(), Some(70));
        assert_eq!(d("70.5").to_whole(), None);
    }
}
