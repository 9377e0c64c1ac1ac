//! Helpers shared by the integration tests in `tests/*.rs`: fixture handbooks copied or
//! written into temporary folders ([`fixture`]), the real `handbook` binary and its output
//! ([`run`]), reading what a build wrote ([`files`]), a running `handbook serve` with a
//! small HTTP client ([`serve`]), table-driven tests that name every failing case
//! ([`cases`]), and the fuzz harnesses' proptest runner ([`fuzz`]).
//!
//! A test file uses them with `mod common;` and `use common::*;` (the serve helpers with
//! `use common::serve::*;`). Write a helper here, not a copy in the test file, when a second
//! file needs it.

// Every test file is its own crate and uses only some of the helpers.
#![allow(dead_code, unused_imports)]

pub mod cases;
pub mod files;
pub mod fixture;
pub mod fuzz;
pub mod run;
pub mod serve;

pub use cases::*;
pub use files::*;
pub use fixture::*;
pub use run::*;
