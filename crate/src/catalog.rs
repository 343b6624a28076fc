//! The frameworks a request may name: the built-in ones, and rubrics users
//! bring (SPEC §4: units and agencies have rubrics of their own). A user's
//! rubric is loaded and validated once, never shadows a built-in silently,
//! and travels inside the JSON a result is exported to, so the file
//! re-opens anywhere without the rubric file.

use std::ops::Deref;
use std::sync::Arc;

use crate::error::Error;
use crate::framework::{self, Framework};
use crate::raw::Raw;

/// A framework ready to score with.
#[derive(Clone, Debug)]
pub enum Loaded {
    BuiltIn(&'static Framework),
    /// A user's rubric, shared by every assessment scored with it.
    Own(Arc<Framework>),
}

impl Deref for Loaded {
    type Target = Framework;

    fn deref(&self) -> &Framework {
        match self {
            Loaded::BuiltIn(framework) => framework,
            Loaded::Own(framework) => framework,
        }
    }
}

/// The same framework: one built-in, or one rubric as added.
impl PartialEq for Loaded {
    fn eq(&self, other: &Loaded) -> bool {
        std::ptr::eq::<Framework>(&**self, &**other)
    }
}

impl Loaded {
    /// The rubric an export must carry: a user's own, never a built-in.
    pub fn own(&self) -> Option<&Framework> {
        match self {
            Loaded::BuiltIn(_) => None,
            Loaded::Own(framework) => Some(framework),
        }
    }
}

/// The built-ins and the rubrics added so far.
#[derive(Clone, Debug, Default)]
pub struct Catalog {
    own: Vec<Arc<Framework>>,
}

/// The same rubric: compared as written out, only when two share an id.
fn same(a: &Framework, b: &Framework) -> bool {
    crate::json_text::write_compact(a) == crate::json_text::write_compact(b)
}

impl Catalog {
    /// The framework of this id: a built-in, or a rubric added.
    pub fn find(&self, id: &str) -> Result<Loaded, Error> {
        let wanted = id.trim();
        if let Some(own) = self.own.iter().find(|f| f.id == wanted) {
            return Ok(Loaded::Own(own.clone()));
        }
        framework::find(id).map(Loaded::BuiltIn)
    }

    /// Loads and validates a user's rubric (JSON text) and adds it. The same
    /// rubric again is the one already added; a built-in's exact copy is
    /// that built-in; another rubric under a taken id is refused.
    pub fn add(&mut self, json: &str) -> Result<Loaded, Error> {
        let framework = Framework::load(json)?;
        if let Ok(built_in) = framework::find(&framework.id) {
            return match same(built_in, &framework) {
                true => Ok(Loaded::BuiltIn(built_in)),
                false => Err(Error::RubricIdTaken {
                    id: framework.id,
                    built_in: true,
                }),
            };
        }
        if let Some(own) = self.own.iter().find(|f| f.id == framework.id) {
            return match same(own, &framework) {
                true => Ok(Loaded::Own(own.clone())),
                false => Err(Error::RubricIdTaken {
                    id: framework.id,
                    built_in: false,
                }),
            };
        }
        let framework = Arc::new(framework);
        self.own.push(framework.clone());
        Ok(Loaded::Own(framework))
    }

    /// The rubrics added, in the order they came.
    pub fn own(&self) -> impl Iterator<Item = &Framework> {
        self.own.iter().map(|f| &**f)
    }

    /// A downloaded JSON file (a request, or an exported result) read as the
    /// request to score and the framework to score it with: the rubric the
    /// file carries, else the framework the request names.
    pub fn open(&mut self, text: &str) -> Result<(Loaded, Raw), Error> {
        self.open_value(crate::json_text::parse(text)?)
    }

    /// As `open`, for a value already parsed.
    pub fn open_value(&mut self, raw: Raw) -> Result<(Loaded, Raw), Error> {
        let (raw, rubric) = match raw {
            Raw::Map(mut map) => {
                let rubric = map.remove(RUBRIC);
                (Raw::Map(map), rubric)
            }
            other => (other, None),
        };
        let request = crate::json_text::request_of(raw);
        let named = crate::score::named(&request).map(|id| id.trim().to_owned());
        let Some(rubric) = rubric else {
            return Ok((self.find(&named?)?, request));
        };
        // A file carrying its rubric may leave the framework unnamed.
        let named = match named {
            Err(Error::MissingFramework) => None,
            other => Some(other?),
        };
        let loaded = self
            .add(&crate::json_text::write_compact(&rubric))
            .map_err(carried)?;
        match named {
            Some(id) if id != loaded.id => Err(Error::RubricNotNamed {
                named: id,
                rubric: loaded.id.clone(),
            }),
            _ => Ok((loaded, request)),
        }
    }
}

/// Where an exported result (or a request) carries its rubric.
pub const RUBRIC: &str = "rubric";

/// A rubric carried in a file, refused as it was read: its place is in the
/// one-line copy `open_value` reads, not in the user's file, so the path is
/// given from the file's top (under "rubric") and no line. Problems found
/// past reading (validation, examples) name an indicator or item, and stay.
fn carried(err: Error) -> Error {
    match err {
        Error::InvalidFramework(mut err) if err.place.is_some() => {
            err.place = None;
            err.at = match err.at.as_str() {
                "" => RUBRIC.to_owned(),
                at => format!("{RUBRIC}.{at}"),
            };
            Error::InvalidFramework(err)
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SORSOCHOT: &str = include_str!("../frameworks/sorsochot-23/framework.json");

    fn renamed(id: &str) -> String {
        SORSOCHOT.replacen("\"id\": \"sorsochot-23\"", &format!("\"id\": \"{id}\""), 1)
    }

    #[test]
    fn a_built_in_copy_is_the_built_in_and_a_changed_one_is_refused() {
        let mut catalog = Catalog::default();
        assert!(matches!(catalog.add(SORSOCHOT), Ok(Loaded::BuiltIn(_))));
        let changed = SORSOCHOT.replacen("อ่อนแอ", "อ่อน", 1);
        assert_eq!(
            catalog.add(&changed).unwrap_err(),
            Error::RubricIdTaken {
                id: "sorsochot-23".into(),
                built_in: true
            }
        );
    }

    #[test]
    fn a_rubric_added_twice_is_kept_once_and_its_id_is_then_taken() {
        let mut catalog = Catalog::default();
        let first = catalog.add(&renamed("mine")).unwrap();
        let again = catalog.add(&renamed("mine")).unwrap();
        assert!(matches!((&first, &again), (Loaded::Own(a), Loaded::Own(b)) if Arc::ptr_eq(a, b)));
        assert_eq!(catalog.own().count(), 1);
        let other = renamed("mine").replacen("อ่อนแอ", "อ่อน", 1);
        assert!(matches!(
            catalog.add(&other),
            Err(Error::RubricIdTaken {
                built_in: false,
                ..
            })
        ));
        assert_eq!(catalog.find("mine").unwrap().id, "mine");
    }
}
