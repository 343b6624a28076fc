//! Exact values as the result writes them, for comparing with text.

use std::fmt::Display;

pub trait Shown {
    /// The value as written out ("3.5786"), when there is one.
    fn shown(&self) -> Option<String>;
}

impl<T: Display> Shown for Option<T> {
    fn shown(&self) -> Option<String> {
        self.as_ref().map(ToString::to_string)
    }
}
