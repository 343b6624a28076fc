//! Writing results for people and spreadsheets: lossless JSON and CSV.

pub mod csv;
mod csv_reports;
pub mod json;
pub mod progress_csv;
pub mod summary_csv;
