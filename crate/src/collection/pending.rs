//! Assessments read from files and not yet scored. A page scores them a
//! batch at a time, to show progress and keep the tab responsive; a sheet's
//! rows stay text until their batch comes, so 10,000 rows are never all
//! held as requests at once.

use std::sync::Arc;

use super::table::Table;
use super::{sheet, Source};
use crate::raw::Raw;
use crate::text::Text;

#[derive(Clone, Debug)]
pub(super) enum Pending {
    Request(Source, Raw),
    Sheet(SheetRows),
}

/// The rows of a sheet after its header, read as they are scored.
#[derive(Clone, Debug)]
pub(super) struct SheetRows {
    pub file: String,
    pub table: Arc<Table>,
    /// Where the next row starts, and its spreadsheet number.
    pub at: usize,
    pub row: usize,
    pub reader: sheet::Reader,
    /// Rows not yet read.
    pub left: usize,
    /// Whether any row held an assessment: a sheet with none is a problem.
    pub any: bool,
}

/// Some rows of a sheet, read.
pub(super) struct Batch {
    /// How many rows were read (blank ones too).
    pub rows: usize,
    /// Why the rest of the sheet could not be read, if it could not.
    pub error: Option<String>,
}

impl SheetRows {
    /// Reads up to `limit` rows (at least one), handing `each` every row
    /// that is not blank as it is read: its spreadsheet number, its cells
    /// (or why they cannot be scored), and where it can be read again. The
    /// rows are read into one `Row`, in turn.
    pub fn next_rows(
        &mut self,
        limit: usize,
        mut each: impl FnMut(usize, Result<&sheet::Row, Text>, sheet::RowAgain),
    ) -> Batch {
        let mut into = sheet::Row::empty();
        let mut rows = 0;
        let (reader, row, table, any) =
            (&mut self.reader, &mut self.row, &self.table, &mut self.any);
        let read = self.table.rows_with_start(self.at, |cells, at| {
            let before = reader.clone();
            if let Some(read) = reader.read_into(cells, &mut into) {
                *any = true;
                let again = sheet::RowAgain {
                    table: table.clone(),
                    at,
                    row: *row,
                    reader: before,
                };
                each(*row, read.map(|()| &into), again);
            }
            *row += 1;
            rows += 1;
            rows < limit
        });
        let error = match read {
            // Fewer rows than asked for: the sheet has ended.
            Ok(at) if rows < limit => {
                self.at = at;
                self.left = 0;
                None
            }
            Ok(at) => {
                self.at = at;
                self.left = self.left.saturating_sub(rows);
                None
            }
            Err(detail) => {
                self.left = 0;
                Some(detail)
            }
        };
        Batch { rows, error }
    }
}
