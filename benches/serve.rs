//! Live-reload latency of `handbook serve`: from writing a page to the reload event reaching a
//! listening client, over a generated corpus (default 1,000 pages, 20 edits).
//!
//! ```text
//! cargo bench --bench serve
//! HANDBOOK_BENCH_PAGES=1000 HANDBOOK_BENCH_EDITS=20 cargo bench --bench serve
//! ```
//!
//! The corpus comes from `bench/gen_corpus.py` (`--format plain`; `HANDBOOK_GEN_CORPUS` names
//! another copy). Each edit waits until the server is
//! idle (the previous edit's background refresh finished), then rewrites one page (a different
//! page each time, appending a sentence) with a single write and times the arrival of the
//! `reload` event naming that page on an open `/__handbook/events` stream. It prints the
//! median and the 95th percentile; after them, once, the latency of a title change (a
//! structural edit: every page is rendered again). Last, the HTTP side alone: 8 clients each
//! send 250 requests (one connection each, alternating a page and the stylesheet) and the
//! bench prints requests per second and the median and p95 request time
//! (`HANDBOOK_BENCH_REQUESTS` changes the count per client).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` passes nothing we need to run.
    if !std::env::args().any(|a| a == "--bench") {
        println!("serve latency bench: run with `cargo bench --bench serve`");
        return;
    }
    let pages = env_number("HANDBOOK_BENCH_PAGES", 1000);
    let edits = env_number("HANDBOOK_BENCH_EDITS", 20).max(1);
    let script = std::env::var_os("HANDBOOK_GEN_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("bench/gen_corpus.py"));
    let dir = tempfile::tempdir().expect("temporary folder");
    let corpus = dir.path().join("corpus");
    let generated = Command::new("python3")
        .arg(&script)
        .args(["--pages", &pages.to_string(), "--format", "plain", "--out"])
        .arg(&corpus)
        .stdout(Stdio::null())
        .status()
        .expect("python3 runs gen_corpus.py");
    assert!(generated.success(), "gen_corpus.py failed");

    let mut server = Server::start(&corpus);
    let mut events = Events::connect(server.port);

    let mut sources: Vec<PathBuf> = walkdir::WalkDir::new(&corpus)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| {
            p.extension().is_some_and(|e| e == "md")
                && p.file_name()
                    .is_some_and(|n| n != "index.md" && n != "README.md")
        })
        .collect();
    assert!(!sources.is_empty());
    // Spread the edited pages over the corpus.
    let step = (sources.len() / edits).max(1);
    sources = sources.into_iter().step_by(step).take(edits).collect();

    let mut samples = Vec::with_capacity(edits);
    for (i, source) in sources.iter().cycle().take(edits).enumerate() {
        server.wait_idle();
        let text = std::fs::read_to_string(source).unwrap();
        let new = format!("{text}\nBench edit {i}: one more sentence for the reader.\n");
        let page = out_path(&corpus, source);
        events.drain();
        let started = Instant::now();
        std::fs::write(source, new).unwrap();
        events.wait_reload(&page);
        samples.push(started.elapsed());
        if std::env::var_os("HANDBOOK_BENCH_VERBOSE").is_some() {
            eprintln!(
                "edit {i}: {:.1} ms",
                started.elapsed().as_secs_f64() * 1000.0
            );
        }
    }

    // One structural edit: a changed title renders every page again.
    server.wait_idle();
    let source = &sources[0];
    let text = std::fs::read_to_string(source).unwrap();
    let retitled = match text.split_once('\n') {
        Some((first, rest)) if first.starts_with("# ") => format!("{first} (retitled)\n{rest}"),
        _ => format!("# Retitled\n{text}"),
    };
    events.drain();
    let started = Instant::now();
    std::fs::write(source, retitled).unwrap();
    events.wait_reload(&out_path(&corpus, source));
    let structural = started.elapsed();
    server.wait_idle();
    let page = format!("/{}", out_path(&corpus, &sources[0]));
    let throughput = throughput(
        server.port,
        &page,
        env_number("HANDBOOK_BENCH_REQUESTS", 250),
    );
    server.stop();

    samples.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let median = if samples.len() % 2 == 1 {
        ms(samples[samples.len() / 2])
    } else {
        (ms(samples[samples.len() / 2 - 1]) + ms(samples[samples.len() / 2])) / 2.0
    };
    // Nearest rank.
    let p95 = ms(samples[((samples.len() as f64 * 0.95).ceil() as usize).max(1) - 1]);
    println!(
        "serve: save-to-reload latency over {} edits on a {pages}-page corpus: \
         median {median:.1} ms, p95 {p95:.1} ms (min {:.1} ms, max {:.1} ms)",
        samples.len(),
        ms(samples[0]),
        ms(samples[samples.len() - 1]),
    );
    println!(
        "serve: a title change (every page rendered again): {:.1} ms",
        ms(structural)
    );
    println!("{throughput}");
}

/// 8 clients, `per_client` requests each (a new connection per request): requests per second,
/// median and p95 request time.
fn throughput(port: u16, page: &str, per_client: usize) -> String {
    const CLIENTS: usize = 8;
    let started = Instant::now();
    let threads: Vec<_> = (0..CLIENTS)
        .map(|c| {
            let page = page.to_string();
            std::thread::spawn(move || {
                let mut times = Vec::with_capacity(per_client);
                for i in 0..per_client {
                    let path = if (c + i) % 2 == 0 {
                        page.as_str()
                    } else {
                        "/assets/css/handbook.css"
                    };
                    let t = Instant::now();
                    let reply = get(port, path);
                    assert!(reply.starts_with("HTTP/1.1 200"), "{path}: {reply:.80}");
                    times.push(t.elapsed());
                }
                times
            })
        })
        .collect();
    let mut times: Vec<Duration> = threads
        .into_iter()
        .flat_map(|t| t.join().expect("a client thread"))
        .collect();
    let total = started.elapsed();
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    format!(
        "serve: {} requests from {CLIENTS} clients in {:.2} s: {:.0} requests/s, median {:.2} ms, \
         p95 {:.2} ms",
        times.len(),
        total.as_secs_f64(),
        times.len() as f64 / total.as_secs_f64(),
        ms(times[times.len() / 2]),
        ms(times[((times.len() as f64 * 0.95).ceil() as usize).max(1) - 1]),
    )
}

/// The output path `plain` corpus pages get (`chNNNN-x/pNNNNNN-y.md` → `chNNNN-x/pNNNNNN-y.html`:
/// no numeric prefix to drop).
fn out_path(corpus: &Path, source: &Path) -> String {
    source
        .strip_prefix(corpus)
        .unwrap()
        .with_extension("html")
        .to_string_lossy()
        .replace('\\', "/")
        .to_lowercase()
}

struct Server {
    child: Child,
    port: u16,
}

impl Server {
    fn start(root: &Path) -> Server {
        // HANDBOOK_BENCH_VERBOSE=1 shows the server's own timings.
        let verbose = std::env::var_os("HANDBOOK_BENCH_VERBOSE").is_some();
        let mut child = Command::new(env!("CARGO_BIN_EXE_handbook"))
            .args(["serve", "--port", "0", "--root"])
            .arg(root)
            .arg(if verbose { "--verbose" } else { "--quiet" })
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .spawn()
            .expect("start handbook serve");
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let port = loop {
            let line = lines
                .next()
                .expect("the server prints its URL")
                .expect("read the server's output");
            if let Some(at) = line.find("http://127.0.0.1:") {
                let rest = &line[at + "http://127.0.0.1:".len()..];
                let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
                break digits.parse().expect("a port");
            }
        };
        std::thread::spawn(move || {
            for line in lines.map_while(Result::ok) {
                if verbose {
                    eprintln!("  server: {line}");
                }
            }
        });
        Server { child, port }
    }

    /// Waits until no rebuild or background refresh is under way.
    fn wait_idle(&self) {
        let deadline = Instant::now() + Duration::from_secs(300);
        loop {
            let status = get(self.port, "/__handbook/status");
            if status.contains("\"busy\":false") {
                return;
            }
            assert!(Instant::now() < deadline, "the server never became idle");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn get(port: u16, path: &str) -> String {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut body = String::new();
    let _ = stream.read_to_string(&mut body);
    body
}

/// Reload events as they arrive: (arrival, JSON data).
struct Events {
    rx: Receiver<String>,
}

impl Events {
    fn connect(port: u16) -> Events {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        write!(
            stream,
            "GET /__handbook/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n"
        )
        .unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stream);
            let mut line = String::new();
            let mut reload = false;
            loop {
                line.clear();
                if reader.read_line(&mut line).unwrap_or(0) == 0 {
                    return;
                }
                let l = line.trim_end();
                if let Some(name) = l.strip_prefix("event: ") {
                    reload = name == "reload";
                } else if let Some(data) = l.strip_prefix("data: ")
                    && reload
                    && tx.send(data.to_string()).is_err()
                {
                    return;
                }
            }
        });
        Events { rx }
    }

    fn drain(&mut self) {
        while self.rx.try_recv().is_ok() {}
    }

    /// Waits for the reload event naming `page` (or everything).
    fn wait_reload(&mut self, page: &str) {
        let deadline = Instant::now() + Duration::from_secs(300);
        let quoted = format!("\"{page}\"");
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let data = self
                .rx
                .recv_timeout(left)
                .unwrap_or_else(|_| panic!("no reload event for {page}"));
            if data.contains(&quoted) || data.contains("\"all\":true") {
                return;
            }
        }
    }
}
