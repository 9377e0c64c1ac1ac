//! Indexing time of the search index (issue 7) alone, without the rest of the build: loads and
//! renders a handbook once, then times `search::generate` (build the index and its files)
//! several times and prints the best and median wall time and the output size.
//!
//! ```text
//! cargo bench --bench search_index -- /path/to/handbook [runs]
//! ```
//!
//! Default: the bundled handbook, 5 runs. `bench/search.sh` reports the same step inside real
//! builds (`HANDBOOK_SEARCH_STATS`).

use handbook::{content, markdown, search};
use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let root = args
        .first()
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    let runs: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(5);
    let handbook = content::load(&root).expect("load the handbook");
    let rendered: Vec<_> = (0..handbook.pages.len())
        .map(|i| {
            markdown::render_page_with(
                &handbook,
                i,
                handbook::theme::builtin(),
                handbook::i18n::Catalog::english(),
            )
        })
        .collect();
    let mut times = Vec::new();
    let mut bytes = 0;
    let mut files = 0;
    for _ in 0..runs.max(1) {
        let started = Instant::now();
        let out = search::generate(&handbook, &rendered);
        times.push(started.elapsed().as_secs_f64() * 1e3);
        bytes = out.iter().map(|(_, b)| b.len()).sum::<usize>();
        files = out.len();
    }
    times.sort_by(f64::total_cmp);
    println!(
        "search index of {} ({} pages): best {:.0} ms, median {:.0} ms over {} runs; {files} files, {bytes} bytes",
        root.display(),
        handbook.pages.len(),
        times[0],
        times[times.len() / 2],
        times.len(),
    );
}
