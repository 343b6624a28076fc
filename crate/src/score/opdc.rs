//! The OPDC conversion of a result to a 1–5 score (SPEC §2): linear between
//! the five level thresholds, ascending or descending, exact throughout.

use crate::exact::Exact;
use crate::framework::BelowLevelOne;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Converted {
    pub score: Exact,
    /// The whole level reached, 0 when below level 1.
    pub level: u32,
    /// The result did not reach the level-1 threshold (Decision F applied).
    pub below_level_one: bool,
}

/// Converts `result` against strictly monotone thresholds (five, as
/// validation requires). `None` only for fewer than two thresholds.
pub fn convert(result: &Exact, thresholds: &[Exact], floor: BelowLevelOne) -> Option<Converted> {
    let [t1, .., t5] = thresholds else {
        return None;
    };
    let ascending = t1 < t5;
    // "At or beyond" in the direction of improvement.
    let reaches = |t: &Exact| if ascending { result >= t } else { result <= t };
    if reaches(t5) {
        return Some(Converted {
            score: Exact::int(thresholds.len() as i64),
            level: thresholds.len() as u32,
            below_level_one: false,
        });
    }
    for k in (0..thresholds.len() - 1).rev() {
        let (low, high) = (&thresholds[k], &thresholds[k + 1]);
        if reaches(low) {
            // k+1 + (R − Tk) / (Tk+1 − Tk); the same expression serves the
            // descending case since numerator and denominator change sign
            // together. Strictly monotone thresholds never differ by zero.
            let step = result.minus(low).over(&high.minus(low))?;
            let level = k as u32 + 1;
            return Some(Converted {
                score: Exact::int(i64::from(level)).plus(&step),
                level,
                below_level_one: false,
            });
        }
    }
    Some(Converted {
        score: floor.score(),
        level: 0,
        below_level_one: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(values: [i64; 5]) -> Vec<Exact> {
        values.into_iter().map(Exact::int).collect()
    }

    fn score(r: &str, thresholds: &[Exact], floor: BelowLevelOne) -> String {
        let r = Exact::parse_decimal(r).unwrap();
        convert(&r, thresholds, floor).unwrap().score.to_fixed(4)
    }

    #[test]
    fn kpi_3_2_thresholds() {
        let kpi = t([60, 65, 70, 75, 80]);
        let z = BelowLevelOne::Zero;
        assert_eq!(score("60", &kpi, z), "1.0000");
        assert_eq!(score("62.5", &kpi, z), "1.5000");
        assert_eq!(score("65", &kpi, z), "2.0000");
        assert_eq!(score("72.89", &kpi, z), "3.5780");
        assert_eq!(score("79.99", &kpi, z), "4.9980");
        assert_eq!(score("80", &kpi, z), "5.0000");
        assert_eq!(score("100", &kpi, z), "5.0000");
        assert_eq!(score("59.99", &kpi, z), "0.0000");
        assert_eq!(score("59.99", &kpi, BelowLevelOne::One), "1.0000");
        // 640 of 878 municipalities: the SPEC's 3.5786, contributing 0.1789 at weight 5.
        let r = Exact::ratio(64000, 878).unwrap();
        let s = convert(&r, &kpi, z).unwrap().score;
        assert_eq!(s.to_fixed(4), "3.5786");
        let contribution = s.times(&Exact::int(5)).over(&Exact::hundred()).unwrap();
        assert_eq!(contribution.to_fixed(4), "0.1789");
    }

    #[test]
    fn every_threshold_gives_its_whole_level() {
        for thresholds in [
            t([60, 65, 70, 75, 80]),
            t([50, 60, 70, 80, 100]),
            t([20, 18, 15, 12, 10]),
        ] {
            for (k, threshold) in thresholds.iter().enumerate() {
                let converted = convert(threshold, &thresholds, BelowLevelOne::Zero).unwrap();
                assert_eq!(converted.score, Exact::int(k as i64 + 1));
                assert_eq!(converted.level, k as u32 + 1);
                assert!(!converted.below_level_one);
            }
        }
    }

    #[test]
    fn uneven_steps_between_levels() {
        let vfm = t([50, 60, 70, 80, 100]);
        assert_eq!(score("90", &vfm, BelowLevelOne::Zero), "4.5000");
        assert_eq!(score("85", &vfm, BelowLevelOne::Zero), "4.2500");
        assert_eq!(score("99.99", &vfm, BelowLevelOne::Zero), "4.9995");
    }

    #[test]
    fn descending_thresholds_mirror() {
        // Lower is better: 20 days is level 1, 10 days level 5.
        let days = t([20, 18, 15, 12, 10]);
        let z = BelowLevelOne::Zero;
        assert_eq!(score("20", &days, z), "1.0000");
        assert_eq!(score("19", &days, z), "1.5000");
        assert_eq!(score("16", &days, z), "2.6667");
        assert_eq!(score("10", &days, z), "5.0000");
        assert_eq!(score("3", &days, z), "5.0000");
        assert_eq!(score("20.5", &days, z), "0.0000");
        assert_eq!(score("21", &days, BelowLevelOne::One), "1.0000");
    }

    #[test]
    fn rounding_at_the_fourth_decimal_is_half_up() {
        // 60 + 5 × 0.00005 → exactly 1.00005 → 1.0001.
        let kpi = t([60, 65, 70, 75, 80]);
        assert_eq!(score("60.00025", &kpi, BelowLevelOne::Zero), "1.0001");
        assert_eq!(score("60.000249", &kpi, BelowLevelOne::Zero), "1.0000");
    }
}
