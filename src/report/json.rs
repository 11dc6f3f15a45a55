//! The Report JSON contract (docs/report-json.md), pretty-printed.

use crate::analysis::Report;

pub fn render_json(r: &Report) -> String {
    // A Report holds only strings, numbers, bools and maps with string keys.
    serde_json::to_string_pretty(r).expect("a Report always serializes")
}
