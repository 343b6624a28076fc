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
use num_traits::{Signed, ToPrimitive};

/// An exact fraction, always in lowest terms with a positive denominator.
///
/// Nearly every value scored is a small fraction (a typed percentage, a count
/// over a count), so those are kept as two machine integers and computed
/// without allocating; a result that does not fit moves to big integers.
/// Which form holds a value depends only on the value, so the derived
/// equality and hash are those of the fraction.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Exact(Repr);

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Repr {
    /// numerator / denominator, in lowest terms, denominator > 0.
    Small(i64, i64),
    /// Only values that do not fit `Small` (boxed: they are rare, and keep
    /// every `Exact` three words long).
    Big(Box<BigRational>),
}

impl Exact {
    pub fn zero() -> Exact {
        Exact::int(0)
    }

    pub fn one() -> Exact {
        Exact::int(1)
    }

    pub fn hundred() -> Exact {
        Exact::int(100)
    }

    pub fn int(value: i64) -> Exact {
        Exact(Repr::Small(value, 1))
    }

    /// The fraction `num / den`, or `None` when `den` is zero.
    pub fn ratio(num: i128, den: i128) -> Option<Exact> {
        if den == 0 {
            return None;
        }
        // i128::MIN has no positive counterpart: leave such values to big integers.
        match (num.checked_abs(), den.checked_abs()) {
            (Some(_), Some(_)) => Some(Exact::reduced(num, den)),
            _ => Some(Exact::big(BigRational::new(
                BigInt::from(num),
                BigInt::from(den),
            ))),
        }
    }

    /// `num / den` (den ≠ 0, neither i128::MIN) in lowest terms.
    fn reduced(num: i128, den: i128) -> Exact {
        let g = gcd(num.unsigned_abs(), den.unsigned_abs());
        // Most values fit machine words: divide there (i128 division is a
        // software routine, in WebAssembly too).
        let (mut n, mut d) = match (i64::try_from(num), i64::try_from(den), i64::try_from(g)) {
            (Ok(n), Ok(d), Ok(g)) => (i128::from(n / g), i128::from(d / g)),
            _ => (num / g as i128, den / g as i128),
        };
        if d < 0 {
            (n, d) = (-n, -d);
        }
        match (i64::try_from(n), i64::try_from(d)) {
            (Ok(n), Ok(d)) => Exact(Repr::Small(n, d)),
            _ => Exact(Repr::Big(Box::new(BigRational::new_raw(
                BigInt::from(n),
                BigInt::from(d),
            )))),
        }
    }

    /// A big fraction, moved to the small form when it fits.
    fn big(value: BigRational) -> Exact {
        match (value.numer().to_i64(), value.denom().to_i64()) {
            (Some(n), Some(d)) => Exact(Repr::Small(n, d)),
            _ => Exact(Repr::Big(Box::new(value))),
        }
    }

    fn to_big(&self) -> BigRational {
        match &self.0 {
            Repr::Small(n, d) => BigRational::new_raw(BigInt::from(*n), BigInt::from(*d)),
            Repr::Big(r) => (**r).clone(),
        }
    }

    pub fn is_zero(&self) -> bool {
        matches!(self.0, Repr::Small(0, _))
    }

    pub fn is_integer(&self) -> bool {
        match &self.0 {
            Repr::Small(_, d) => *d == 1,
            Repr::Big(r) => r.is_integer(),
        }
    }

    pub fn is_negative(&self) -> bool {
        match &self.0 {
            Repr::Small(n, _) => *n < 0,
            Repr::Big(r) => r.is_negative(),
        }
    }

    /// The value as a whole number, when it is one and fits.
    pub fn to_whole(&self) -> Option<u64> {
        match &self.0 {
            Repr::Small(n, 1) => u64::try_from(*n).ok(),
            Repr::Small(..) => None,
            Repr::Big(r) => r.is_integer().then(|| r.numer().to_u64()).flatten(),
        }
    }

    /// The largest whole number not above the value, when it fits.
    pub fn floor_whole(&self) -> Option<u64> {
        match &self.0 {
            Repr::Small(n, d) => u64::try_from(n.div_floor(d)).ok(),
            Repr::Big(r) => r.floor().numer().to_u64(),
        }
    }

    /// Combines two small fractions in i128, or two big ones when either is
    /// big or the small result would overflow.
    fn combine(
        &self,
        other: &Exact,
        small: SmallOp,
        big: fn(&BigRational, &BigRational) -> BigRational,
    ) -> Exact {
        if let (Repr::Small(a, b), Repr::Small(c, d)) = (&self.0, &other.0) {
            let parts = (
                i128::from(*a),
                i128::from(*b),
                i128::from(*c),
                i128::from(*d),
            );
            if let Some((num, den)) = small(parts.0, parts.1, parts.2, parts.3) {
                if den != 0 && num != i128::MIN && den != i128::MIN {
                    return Exact::reduced(num, den);
                }
            }
        }
        Exact::big(big(&self.to_big(), &other.to_big()))
    }

    pub fn plus(&self, other: &Exact) -> Exact {
        self.combine(
            other,
            |a, b, c, d| {
                Some((
                    a.checked_mul(d)?.checked_add(c.checked_mul(b)?)?,
                    b.checked_mul(d)?,
                ))
            },
            |x, y| x + y,
        )
    }

    pub fn minus(&self, other: &Exact) -> Exact {
        self.combine(
            other,
            |a, b, c, d| {
                Some((
                    a.checked_mul(d)?.checked_sub(c.checked_mul(b)?)?,
                    b.checked_mul(d)?,
                ))
            },
            |x, y| x - y,
        )
    }

    pub fn times(&self, other: &Exact) -> Exact {
        self.combine(
            other,
            |a, b, c, d| Some((a.checked_mul(c)?, b.checked_mul(d)?)),
            |x, y| x * y,
        )
    }

    /// `self / other`, or `None` when `other` is zero.
    pub fn over(&self, other: &Exact) -> Option<Exact> {
        (!other.is_zero()).then(|| {
            self.combine(
                other,
                |a, b, c, d| Some((a.checked_mul(d)?, b.checked_mul(c)?)),
                |x, y| x / y,
            )
        })
    }

    /// The value rounded half up (away from zero at .5) to `places` decimals.
    pub fn round_half_up(&self, places: u32) -> Exact {
        if self.is_integer() {
            return self.clone();
        }
        if let Some((negative, units, scale)) = self.small_units(places) {
            let signed = if negative {
                -(units as i128)
            } else {
                units as i128
            };
            return Exact::reduced(signed, scale as i128);
        }
        let value = self.to_big();
        let scale = BigInt::from(10u8).pow(places);
        let (num, den) = (value.numer(), value.denom());
        // floor((2·|n|·s + d) / (2·d)) rounds half up for the magnitude.
        let twice = num.abs() * &scale * 2u8 + den;
        let rounded = twice.div_floor(&(den * 2u8));
        let signed = if num.is_negative() { -rounded } else { rounded };
        Exact::big(BigRational::new(signed, scale))
    }

    /// For a small value: its sign, |value| × 10^places rounded half up, and
    /// 10^places; `None` when that does not fit in 128 bits.
    fn small_units(&self, places: u32) -> Option<(bool, u128, u128)> {
        let Repr::Small(n, d) = self.0 else {
            return None;
        };
        let scale = 10u128.checked_pow(places)?;
        let d = d as u128;
        // floor((2·|n|·s + d) / (2·d)) rounds half up for the magnitude.
        let twice = n.unsigned_abs() as u128;
        let twice = twice.checked_mul(scale)?.checked_mul(2)?.checked_add(d)?;
        Some((n < 0, twice / (d * 2), scale))
    }

    /// Decimal text with exactly `places` decimals, rounded half up.
    pub fn to_fixed(&self, places: u32) -> String {
        let width = places as usize;
        if let Some((negative, units, scale)) = self.small_units(places) {
            let sign = if negative && units != 0 { "-" } else { "" };
            let (whole, frac) = (units / scale, units % scale);
            return match places {
                0 => format!("{sign}{whole}"),
                _ => format!("{sign}{whole}.{frac:0>width$}"),
            };
        }
        let value = self.to_big();
        if value.is_integer() {
            let whole = value.numer();
            return match places {
                0 => whole.to_string(),
                _ => format!("{whole}.{:0>width$}", ""),
            };
        }
        let rounded = self.round_half_up(places).to_big();
        // After rounding the denominator divides 10^places.
        let scale = BigInt::from(10u8).pow(places);
        let units = rounded.numer() * (&scale / rounded.denom());
        let sign = if units.sign() == Sign::Minus { "-" } else { "" };
        let (whole, frac) = units.abs().div_rem(&scale);
        if places == 0 {
            return format!("{sign}{whole}");
        }
        format!("{sign}{whole}.{frac:0>width$}")
    }

    /// Decimal text as short as the value allows: exact when the value is a
    /// finite decimal of at most 10 places, otherwise rounded to 10 places.
    pub fn to_plain(&self) -> String {
        self.to_short(10)
    }

    /// Rounded half up to at most `places` decimals, without trailing zeros.
    pub fn to_short(&self, places: u32) -> String {
        match &self.0 {
            Repr::Small(n, 1) => return n.to_string(),
            Repr::Big(r) if r.is_integer() => return r.numer().to_string(),
            _ => {}
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

    /// At most `places` decimals, never rounded up: a value with more is cut
    /// (toward zero) and marked "…", so that it never reads as a threshold
    /// it did not reach: 3999 of 9998 is "39.997…" %, not "40".
    pub fn to_cut(&self, places: u32) -> String {
        let (digits, whole) = self.cut(places);
        if whole {
            digits
        } else {
            format!("{digits}…")
        }
    }

    /// The value to at most `places` decimals, cut toward zero, and whether
    /// that is all of it: a number cell's text, the exact counts beside it.
    pub fn cut(&self, places: u32) -> (String, bool) {
        if self.round_half_up(places) == *self {
            return (self.to_short(places), true);
        }
        let scale = BigInt::from(10u8).pow(places);
        let units = (self.to_big() * BigRational::from_integer(scale.clone())).trunc();
        let cut = Exact::big(BigRational::new(units.to_integer(), scale));
        (cut.to_fixed(places), false)
    }

    /// Parses plain ASCII decimal text: optional `-`, digits, optional `.` and digits.
    /// At most 15 integer and 10 fractional digits: the documented input limits.
    pub fn parse_decimal(text: &str) -> Option<Exact> {
        let (negative, body) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        // A byte search: the point is ASCII, and this runs for every answer.
        let (int_part, frac_part) = match body.bytes().position(|b| b == b'.') {
            Some(at) => (&body[..at], &body[at + 1..]),
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
        if frac_part.is_empty() {
            // A whole number (most answers): already in lowest terms.
            let whole = significant_int
                .bytes()
                .fold(0i64, |n, b| n * 10 + i64::from(b - b'0'));
            return Some(Exact::int(if negative { -whole } else { whole }));
        }
        // 25 digits at most: an i128 holds them; 18 (most answers), a u64.
        let digits = significant_int.bytes().chain(frac_part.bytes());
        let num: i128 = if significant_int.len() + frac_part.len() <= 18 {
            i128::from(digits.fold(0u64, |n, b| n * 10 + u64::from(b - b'0')))
        } else {
            digits.fold(0i128, |n, b| n * 10 + i128::from(b - b'0'))
        };
        let den = 10i128.pow(frac_part.len() as u32);
        Exact::ratio(if negative { -num } else { num }, den)
    }
}

impl fmt::Display for Exact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_plain())
    }
}

/// Two fractions compared by cross-multiplying, in i128 when both are small.
impl Ord for Exact {
    fn cmp(&self, other: &Exact) -> Ordering {
        match (&self.0, &other.0) {
            // |a·d| < 2^126: no overflow.
            // Equal denominators (whole numbers, mostly) compare directly;
            // else in machine words when the products fit (i128 is emulated
            // in WebAssembly).
            (Repr::Small(a, b), Repr::Small(c, d)) if b == d => a.cmp(c),
            (Repr::Small(a, b), Repr::Small(c, d)) => {
                match (a.checked_mul(*d), c.checked_mul(*b)) {
                    (Some(left), Some(right)) => left.cmp(&right),
                    _ => (i128::from(*a) * i128::from(*d)).cmp(&(i128::from(*c) * i128::from(*b))),
                }
            }
            _ => self.to_big().cmp(&other.to_big()),
        }
    }
}

impl PartialOrd for Exact {
    fn partial_cmp(&self, other: &Exact) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Compares with a whole number without building a fraction for it.
impl PartialEq<i64> for Exact {
    fn eq(&self, other: &i64) -> bool {
        // Values that fit are always small, so a big value is never a whole i64.
        matches!(self.0, Repr::Small(n, 1) if n == *other)
    }
}

impl PartialOrd<i64> for Exact {
    fn partial_cmp(&self, other: &i64) -> Option<Ordering> {
        Some(self.cmp(&Exact::int(*other)))
    }
}

/// In rubric files and results an exact number is decimal text ("72.5");
/// rubric files may also use plain JSON integers (read in `framework::read`).
impl serde::Serialize for Exact {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_plain())
    }
}

/// a/b ∘ c/d as (numerator, denominator), or `None` on overflow.
type SmallOp = fn(i128, i128, i128, i128) -> Option<(i128, i128)>;

/// Stein's algorithm, for any unsigned integer type.
macro_rules! binary_gcd {
    ($a:expr, $b:expr) => {{
        let (mut a, mut b) = ($a, $b);
        if a == 0 || b == 0 {
            a | b
        } else {
            let shift = (a | b).trailing_zeros();
            a >>= a.trailing_zeros();
            while b != 0 {
                b >>= b.trailing_zeros();
                if a > b {
                    std::mem::swap(&mut a, &mut b);
                }
                b -= a;
            }
            a << shift
        }
    }};
}

/// Greatest common divisor (binary), gcd(0, x) = x: in machine words when
/// both fit (u128 arithmetic is emulated, in WebAssembly too).
fn gcd(a: u128, b: u128) -> u128 {
    match (u64::try_from(a), u64::try_from(b)) {
        (Ok(a), Ok(b)) => u128::from(binary_gcd!(a, b)),
        _ => binary_gcd!(a, b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Exact {
        Exact::parse_decimal(text).unwrap()
    }

    #[test]
    fn a_cut_value_is_never_rounded_up() {
        let pct = |n, d| {
            Exact::int(n)
                .times(&Exact::hundred())
                .over(&Exact::int(d))
                .unwrap()
        };
        assert_eq!(pct(3999, 9998).to_cut(3), "39.997…");
        assert_eq!(pct(3999, 9998).cut(3), ("39.997".to_owned(), false));
        assert_eq!(pct(1, 8).to_cut(3), "12.5");
        assert_eq!(pct(7, 10).cut(3), ("70".to_owned(), true));
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

    /// The small form and the big one agree on every operation, at the
    /// edges of the small form too.
    mod small_and_big_agree {
        use super::*;
        use proptest::prelude::*;

        fn part() -> impl Strategy<Value = i128> {
            prop_oneof![
                -1000i128..1000,
                Just(i128::from(i64::MAX)),
                Just(i128::from(i64::MIN)),
                Just(i128::from(i64::MAX) + 1),
                (i128::from(i64::MIN) / 2)..(i128::from(i64::MAX) / 2),
                any::<i128>().prop_map(|x| x / 4),
            ]
        }

        fn fraction() -> impl Strategy<Value = (Exact, BigRational)> {
            (part(), part().prop_filter("non-zero", |d| *d != 0)).prop_map(|(n, d)| {
                let exact = Exact::ratio(n, d).unwrap();
                (exact, BigRational::new(BigInt::from(n), BigInt::from(d)))
            })
        }

        /// The formatting the core used before the small form, on big integers.
        fn fixed(value: &BigRational, places: u32) -> String {
            let scale = BigInt::from(10u8).pow(places);
            let twice = value.numer().abs() * &scale * 2u8 + value.denom();
            let units = twice.div_floor(&(value.denom() * 2u8));
            let sign = if value.is_negative() && !units.is_zero() {
                "-"
            } else {
                ""
            };
            let (whole, frac) = units.div_rem(&scale);
            match places {
                0 => format!("{sign}{whole}"),
                _ => format!("{sign}{whole}.{frac:0>width$}", width = places as usize),
            }
        }

        fn same(exact: &Exact, big: &BigRational) -> Result<(), TestCaseError> {
            prop_assert_eq!(exact.to_big(), big.clone());
            // Canonical: a value that fits is always in the small form.
            prop_assert_eq!(exact, &Exact::big(big.clone()));
            Ok(())
        }

        use num_traits::Zero;

        proptest! {
            #[test]
            fn arithmetic((x, bx) in fraction(), (y, by) in fraction()) {
                same(&x, &bx)?;
                same(&x.plus(&y), &(&bx + &by))?;
                same(&x.minus(&y), &(&bx - &by))?;
                same(&x.times(&y), &(&bx * &by))?;
                match x.over(&y) {
                    Some(q) => same(&q, &(&bx / &by))?,
                    None => prop_assert!(by.is_zero()),
                }
                prop_assert_eq!(x.cmp(&y), bx.cmp(&by));
                prop_assert_eq!(x == y, bx == by);
            }

            #[test]
            fn writing((x, bx) in fraction(), places in 0u32..12) {
                prop_assert_eq!(x.to_fixed(places), fixed(&bx, places));
                let rounded = x.round_half_up(places);
                prop_assert_eq!(rounded.to_fixed(places), fixed(&bx, places));
                prop_assert_eq!(x.is_integer(), bx.is_integer());
                prop_assert_eq!(x.is_negative(), bx.is_negative());
                prop_assert_eq!(x.floor_whole(), bx.floor().numer().to_u64());
                prop_assert_eq!(x.to_whole(), bx.is_integer().then(|| bx.numer().to_u64()).flatten());
                prop_assert_eq!(x == 7, bx == BigRational::from_integer(BigInt::from(7)));
            }
        }
    }
}
