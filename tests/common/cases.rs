//! Table-driven tests: every case of a table runs, each under its own name, and the test fails
//! once at the end listing every case that failed and why.

use std::panic::{AssertUnwindSafe, catch_unwind};

/// Runs `check` on each of `cases`, named by `name`; panics at the end with the name and
/// message of every case whose check panicked (the others still ran).
#[track_caller]
pub fn each_case<T>(
    cases: impl IntoIterator<Item = T>,
    name: impl Fn(&T) -> String,
    check: impl Fn(T),
) {
    let mut failures = Vec::new();
    let mut count = 0;
    for case in cases {
        count += 1;
        let label = name(&case);
        if let Err(payload) = catch_unwind(AssertUnwindSafe(|| check(case))) {
            let message = payload
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "(no message)".to_string());
            failures.push(format!("{label}: {message}"));
        }
    }
    assert!(count > 0, "the table has no cases");
    assert!(
        failures.is_empty(),
        "{} of {count} cases failed:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
