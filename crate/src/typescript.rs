//! The TypeScript names of the values whose JSON is not their Rust shape:
//! exact numbers written as decimal text, and the request as typed (a loose
//! tree). Everything else derives its type from its serde attributes; the
//! declarations are written by `cargo test --features typescript`.

use ts_rs::TS;

macro_rules! written_as {
    ($($ty:ty => $ts:literal),* $(,)?) => { $(
        impl TS for $ty {
            type WithoutGenerics = Self;
            type OptionInnerType = Self;
            fn name() -> String {
                $ts.to_owned()
            }
            fn inline() -> String {
                <Self as TS>::name()
            }
            fn inline_flattened() -> String {
                panic!("{} cannot be flattened", <Self as TS>::name())
            }
            fn decl() -> String {
                panic!("{} is declared by hand", <Self as TS>::name())
            }
            fn decl_concrete() -> String {
                panic!("{} is declared by hand", <Self as TS>::name())
            }
        }
    )* };
}

written_as! {
    crate::exact::Exact => "string",
    crate::result::Score => "string",
    crate::result::Percent => "string",
    crate::result::Number => "string",
    crate::result::Value => "string",
    crate::error::FieldPath => "string",
    // What a user typed: the request types (ScoreRequest, Answer) are
    // documented by hand, as the core reads requests as a loose tree.
    crate::raw::Raw => "unknown",
}
