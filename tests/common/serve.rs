//! Helpers of the `serve` tests: the real binary on a free port, a minimal
//! HTTP/1.1 client over `std::net`, the live-reload event stream, and the hostile clients of
//! issue 19 (stalled readers, unread event streams).

use std::collections::HashMap;
use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::fixture::copy_fixture;

/// How long any single wait may take before the test fails.
pub const WAIT: Duration = Duration::from_secs(120);

/// A running `handbook serve`; killed when dropped.
pub struct Server {
    pub child: Child,
    pub port: u16,
    pub output: Arc<Mutex<String>>,
}

impl Server {
    /// `handbook serve --port 0 --root ROOT`, once it printed its address.
    pub fn start(root: &Path) -> Server {
        Server::start_with(root, &[])
    }

    /// Like [`Server::start`], with more arguments.
    pub fn start_with(root: &Path, args: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_handbook"))
            .args(["serve", "--port", "0", "--root"])
            .arg(root)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let output = Arc::new(Mutex::new(String::new()));
        for stream in [
            Box::new(child.stdout.take().unwrap()) as Box<dyn Read + Send>,
            Box::new(child.stderr.take().unwrap()),
        ] {
            let output = output.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(stream).lines() {
                    let Ok(line) = line else { break };
                    let mut out = output.lock().unwrap();
                    out.push_str(&line);
                    out.push('\n');
                }
            });
        }
        let mut server = Server {
            child,
            port: 0,
            output,
        };
        let text = server.wait_output("http://127.0.0.1:");
        let rest = &text[text.find("http://127.0.0.1:").unwrap() + "http://127.0.0.1:".len()..];
        let port: String = rest.chars().take_while(char::is_ascii_digit).collect();
        server.port = port.parse().unwrap();
        server
    }

    /// Waits until the server has printed `needle`; returns everything it printed.
    pub fn wait_output(&mut self, needle: &str) -> String {
        self.wait_output_after(needle, 0)
    }

    /// Waits until the server has printed `needle` after the first `from` bytes of its
    /// output; returns everything it printed.
    pub fn wait_output_after(&mut self, needle: &str, from: usize) -> String {
        let deadline = Instant::now() + WAIT;
        loop {
            let text = self.output.lock().unwrap().clone();
            if text[from.min(text.len())..].contains(needle) {
                return text;
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                // Let the reader threads drain the pipes, then look once more.
                std::thread::sleep(Duration::from_millis(500));
                let text = self.output.lock().unwrap().clone();
                if text[from.min(text.len())..].contains(needle) {
                    return text;
                }
                panic!("the server exited ({status}) before printing `{needle}`:\n{text}");
            }
            assert!(
                Instant::now() < deadline,
                "the server never printed `{needle}`:\n{text}"
            );
            std::thread::sleep(Duration::from_millis(25));
        }
    }

    /// `GET path`.
    pub fn get(&self, path: &str) -> Reply {
        request(self.port, "GET", path)
    }

    /// The server's `/__handbook/status` (generation, ok, clients).
    pub fn status(&self) -> serde_json::Value {
        serde_json::from_str(&self.get("/__handbook/status").text()).unwrap()
    }

    /// Polls `path` until its body contains `needle`.
    pub fn wait_for_page(&self, path: &str, needle: &str) -> Reply {
        let deadline = Instant::now() + WAIT;
        loop {
            let reply = self.get(path);
            if reply.text().contains(needle) {
                return reply;
            }
            assert!(
                Instant::now() < deadline,
                "{path} never contained `{needle}`:\n{}",
                reply.text()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Opens a live-reload stream (`/__handbook/events` + `query`).
    pub fn events(&self, query: &str) -> Events {
        Events::connect(self.port, query)
    }

    /// Whether the process is still running.
    pub fn alive(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }

    /// Sends the server SIGINT (what Ctrl-C sends) and waits up to `within` for it to exit:
    /// its exit status.
    #[cfg(unix)]
    pub fn interrupt(&mut self, within: Duration) -> std::process::ExitStatus {
        let pid = self.child.id().to_string();
        let sent = Command::new("kill").args(["-INT", &pid]).status().unwrap();
        assert!(sent.success(), "kill -INT {pid}");
        let deadline = Instant::now() + within;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(
                Instant::now() < deadline,
                "the server did not stop within {within:?} of SIGINT"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Serves a copy of the `good` fixture and watches `page` (fetched once: it must answer 200):
/// the folder, the server, the generation the page was built in and an event stream open for
/// it.
pub fn watch_page(page: &str) -> (tempfile::TempDir, Server, u64, Events) {
    let dir = copy_fixture("good");
    let server = Server::start(dir.path());
    assert_eq!(server.get(&format!("/{page}")).status, 200, "{page}");
    let generation = server.status()["generation"].as_u64().unwrap();
    let events = server.events(&format!("?page={page}&since={generation}"));
    (dir, server, generation, events)
}

/// An HTTP response.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: HashMap<String, String>,
    pub body: Vec<u8>,
}

impl Reply {
    /// The body as text.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// A header's value (any case), or "" when absent.
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(&name.to_ascii_lowercase())
            .map_or("", String::as_str)
    }
}

/// Sends one request with the target exactly as given (no normalisation) and reads the reply.
pub fn request(port: u16, method: &str, target: &str) -> Reply {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.set_read_timeout(Some(WAIT)).unwrap();
    write!(
        stream,
        "{method} {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    parse_reply(&raw, method == "HEAD")
}

/// Parses a raw HTTP/1.1 reply (`head`: the answer to a HEAD request, without a body).
pub fn parse_reply(raw: &[u8], head: bool) -> Reply {
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no header end in {:?}", String::from_utf8_lossy(raw)));
    let head_text = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head_text.split("\r\n");
    let status_line = lines.next().unwrap();
    let status = status_line.split(' ').nth(1).unwrap().parse().unwrap();
    let headers: HashMap<String, String> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let rest = &raw[split + 4..];
    let body = if head {
        Vec::new()
    } else if headers
        .get("transfer-encoding")
        .is_some_and(|t| t.contains("chunked"))
    {
        dechunk(rest)
    } else {
        rest.to_vec()
    };
    Reply {
        status,
        headers,
        body,
    }
}

/// Decodes a chunked body.
pub fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(eol) = data.windows(2).position(|w| w == b"\r\n") {
        let size_text = String::from_utf8_lossy(&data[..eol]);
        let size = usize::from_str_radix(size_text.split(';').next().unwrap().trim(), 16).unwrap();
        if size == 0 {
            break;
        }
        let start = eol + 2;
        out.extend_from_slice(&data[start..start + size]);
        data = &data[start + size + 2..];
    }
    out
}

/// One server-sent event.
#[derive(Debug, Clone)]
pub struct Event {
    pub name: String,
    pub data: serde_json::Value,
}

/// A live-reload stream, read on a thread.
pub struct Events {
    pub rx: Receiver<Event>,
    pub seen: Vec<Event>,
}

impl Events {
    /// Connects to `/__handbook/events` + `query` and reads the stream on a thread.
    pub fn connect(port: u16, query: &str) -> Events {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        write!(
            stream,
            "GET /__handbook/events{query} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\
             Accept: text/event-stream\r\n\r\n"
        )
        .unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stream);
            let mut line = String::new();
            let mut name = String::new();
            let mut in_body = false;
            loop {
                line.clear();
                match reader.read_line(&mut line) {
                    Ok(0) | Err(_) => return,
                    Ok(_) => {}
                }
                let l = line.trim_end_matches(['\r', '\n']);
                if !in_body {
                    if l.is_empty() {
                        in_body = true;
                    }
                    continue;
                }
                if let Some(n) = l.strip_prefix("event: ") {
                    name = n.to_string();
                } else if let Some(d) = l.strip_prefix("data: ") {
                    let data = serde_json::from_str(d).unwrap();
                    if tx
                        .send(Event {
                            name: std::mem::take(&mut name),
                            data,
                        })
                        .is_err()
                    {
                        return;
                    }
                }
            }
        });
        let mut events = Events {
            rx,
            seen: Vec::new(),
        };
        events.wait("hello", |_| true);
        events
    }

    /// Waits for an event named `name` whose data satisfies `ok`.
    pub fn wait(&mut self, name: &str, ok: impl Fn(&serde_json::Value) -> bool) -> Event {
        let deadline = Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.rx.recv_timeout(left) {
                Ok(e) => {
                    self.seen.push(e.clone());
                    if e.name == name && ok(&e.data) {
                        return e;
                    }
                }
                Err(_) => panic!("no `{name}` event arrived; got {:#?}", self.seen),
            }
        }
    }
}

/// Whether a reload event concerns `page`.
pub fn reloads(data: &serde_json::Value, page: &str) -> bool {
    data["all"] == true
        || data["paths"]
            .as_array()
            .is_some_and(|p| p.iter().any(|x| x == page))
}
/// Shorter than the server's head and write timeouts (10 s): an answer within it was not
/// waiting for a hostile connection to time out.
pub const PROMPT: Duration = Duration::from_secs(6);

/// Sends `head` (request line and headers, without the final blank line) with `Host` as given
/// and reads the reply.
pub fn request_with(port: u16, head: &str) -> Reply {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.set_read_timeout(Some(WAIT)).unwrap();
    write!(stream, "{head}\r\nConnection: close\r\n\r\n").unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    parse_reply(&raw, false)
}

/// A copy of the `good` fixture with a 4 MB file at `/big.bin`.
pub fn fixture_with_a_large_file() -> tempfile::TempDir {
    let dir = copy_fixture("good");
    let big: Vec<u8> = (0..4 * 1024 * 1024).map(|i| (i % 251) as u8).collect();
    fs::write(dir.path().join("content/big.bin"), big).unwrap();
    dir
}

/// Connections that each pipeline ten requests for the large file and never read.
pub fn stalled_readers(port: u16, count: usize) -> Vec<TcpStream> {
    (0..count)
        .map(|_| {
            let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
            let one = format!("GET /big.bin HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n");
            stream.write_all(one.repeat(10).as_bytes()).unwrap();
            stream
        })
        .collect()
}

/// GETs `path` on a fresh connection, failing if no full answer came within `limit`.
pub fn get_within(port: u16, path: &str, limit: Duration) -> Reply {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.set_read_timeout(Some(limit)).unwrap();
    let started = Instant::now();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    let read = stream.read_to_end(&mut raw);
    assert!(
        read.is_ok() && started.elapsed() < limit,
        "{path} was not answered within {limit:?} ({read:?}, {} bytes)",
        raw.len()
    );
    parse_reply(&raw, false)
}

/// Resident memory of a process, in KiB (Linux).
#[cfg(target_os = "linux")]
pub fn rss_kib(pid: u32) -> u64 {
    let status = fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let line = status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .expect("VmRSS");
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

/// Opens an event stream and never reads it.
pub fn unread_stream(port: u16) -> TcpStream {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        stream,
        "GET /__handbook/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n"
    )
    .unwrap();
    stream
}

/// Polls `done` every 50 ms until it returns `Ok`; fails with its last `Err` (what it saw)
/// once `within` has passed.
#[track_caller]
pub fn wait_until(within: Duration, mut done: impl FnMut() -> Result<(), String>) {
    let deadline = Instant::now() + within;
    loop {
        let seen = match done() {
            Ok(()) => return,
            Err(seen) => seen,
        };
        assert!(Instant::now() < deadline, "after {within:?}: {seen}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Polls the status until `ok` holds for the number of live-reload streams.
#[track_caller]
pub fn wait_clients(server: &Server, within: Duration, ok: impl Fn(u64) -> bool) {
    wait_until(within, || {
        let clients = server.status()["clients"].as_u64().unwrap();
        if ok(clients) {
            Ok(())
        } else {
            Err(format!("{clients} streams still counted"))
        }
    });
}
