//! The proptest runner of the fuzz harnesses (`tests/fuzz*.rs`): a fixed seed, so a run is
//! reproducible, no failure files, and `FUZZ_CASES=N` to run more cases by hand.

use proptest::test_runner::{Config, RngAlgorithm, RngSeed};

/// A runner with `seed` that tries `cases` inputs (or `FUZZ_CASES`).
pub fn runner(seed: u64, cases: u32) -> Config {
    let cases = std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(cases);
    Config {
        cases,
        rng_algorithm: RngAlgorithm::ChaCha,
        rng_seed: RngSeed::Fixed(seed),
        failure_persistence: None,
        max_shrink_iters: 2_000,
        ..Config::default()
    }
}
