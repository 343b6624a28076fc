//! A rubric's own pass/fail table (`cases`), run through the scorer when a
//! rubric is loaded: each example answer must earn the points (banded) or
//! the score (weighted) the rubric says. Beside the scorer, so that the
//! framework module checks structure and knows nothing of scoring.

use crate::error::{Error, FrameworkError, FrameworkProblem};
use crate::framework::{Framework, Item, Rubric, WeightedRubric};
use crate::raw::Raw;
use crate::score::{banded, weighted};

impl Framework {
    /// Parses and validates a rubric file, running the examples it carries.
    /// (The built-ins skip the examples at start; the tests run them.)
    pub fn load(json: &str) -> Result<Framework, Error> {
        let framework = Framework::parse(json)?;
        run(&framework).map_err(Error::InvalidFramework)?;
        Ok(framework)
    }
}

/// Runs every example of the rubric; the first that fails is the error.
pub fn run(f: &Framework) -> Result<(), Box<FrameworkError>> {
    let fail = |at: String, input: &Raw, expected: String, got: String| {
        Box::new(FrameworkError {
            framework: f.id.clone(),
            at,
            place: None,
            problem: FrameworkProblem::CaseFailed {
                input: serde_json::to_string(input).unwrap_or_default(),
                expected,
                got,
            },
        })
    };
    match &f.rubric {
        Rubric::Banded(rubric) => {
            for (_, ind) in rubric.indicators() {
                for case in &ind.cases {
                    let earned = banded::indicator(f, ind, &case.input);
                    if let Ok(e) = &earned {
                        if e.points == case.points && e.decisions == case.decisions {
                            continue;
                        }
                    }
                    let got = match earned {
                        Ok(e) => format!("{} {:?}", e.points, e.decisions),
                        Err(err) => err.message().en.to_string(),
                    };
                    let expected = format!("{} {:?}", case.points, case.decisions);
                    return Err(fail(
                        format!("indicator {}", ind.id),
                        &case.input,
                        expected,
                        got,
                    ));
                }
            }
        }
        Rubric::Weighted(rubric) => {
            for (item, _, _) in rubric.all_items() {
                for case in &item.cases {
                    let got = item_score(f, rubric, item, &case.input);
                    if got != case.score {
                        let at = format!("item {}", item.id);
                        return Err(fail(at, &case.input, case.score.clone(), got));
                    }
                }
            }
        }
    }
    Ok(())
}

/// What an item's example scores, as its table writes it: 4 decimals, or
/// the error, or what is missing.
fn item_score(f: &Framework, rubric: &WeightedRubric, item: &Item, input: &Raw) -> String {
    // Structure was checked first: an item with cases and no scoring was refused there.
    let Some(scoring) = &item.scoring else {
        return String::from("no scoring rule");
    };
    let mut errors = Vec::new();
    let mut missing = Vec::new();
    let scored = weighted::leaf(f, rubric, item, scoring, input, &mut errors, &mut missing);
    match (scored.score, errors.first()) {
        (Some(score), None) => score.to_fixed(4),
        (_, Some(err)) => err.message().en.to_string(),
        (None, None) => format!("missing {missing:?}"),
    }
}
