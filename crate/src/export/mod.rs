//! Writing results for people and spreadsheets: lossless JSON and CSV.

pub mod csv;
pub mod json;
pub mod progress_csv;
pub mod summary_csv;
