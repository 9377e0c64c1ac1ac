//! Integration tests of `handbook serve`: run the real binary on a free port against a copy of
//! a fixture handbook, talk to it with a minimal HTTP/1.1 client over `std::net`, and read its
//! live-reload event stream.
//!
//! Written for a loaded 2-core machine: every wait polls with a generous deadline, and no test
//! asserts on how long anything took.

use std::collections::HashMap;
use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long any single wait may take before the test fails.
const WAIT: Duration = Duration::from_secs(120);

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Copies a fixture into a fresh temporary folder, so the test can edit it.
fn copy_fixture(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let from = fixture(name);
    for entry in walkdir::WalkDir::new(&from) {
        let entry = entry.unwrap();
        let target = dir.path().join(entry.path().strip_prefix(&from).unwrap());
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
    dir
}

/// A running `handbook serve`; killed when dropped.
struct Server {
    child: Child,
    port: u16,
    output: Arc<Mutex<String>>,
}

impl Server {
    fn start(root: &Path) -> Server {
        Server::start_with(root, &[])
    }

    fn start_with(root: &Path, args: &[&str]) -> Server {
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
    fn wait_output(&mut self, needle: &str) -> String {
        let deadline = Instant::now() + WAIT;
        loop {
            let text = self.output.lock().unwrap().clone();
            if text.contains(needle) {
                return text;
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                // Let the reader threads drain the pipes, then look once more.
                std::thread::sleep(Duration::from_millis(500));
                let text = self.output.lock().unwrap().clone();
                if text.contains(needle) {
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

    fn get(&self, path: &str) -> Reply {
        request(self.port, "GET", path)
    }

    fn status(&self) -> serde_json::Value {
        serde_json::from_str(&self.get("/__handbook/status").text()).unwrap()
    }

    /// Polls `path` until its body contains `needle`.
    fn wait_for_page(&self, path: &str, needle: &str) -> Reply {
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

    fn events(&self, query: &str) -> Events {
        Events::connect(self.port, query)
    }

    fn alive(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An HTTP response.
#[derive(Debug)]
struct Reply {
    status: u16,
    headers: HashMap<String, String>,
    body: Vec<u8>,
}

impl Reply {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    fn header(&self, name: &str) -> &str {
        self.headers
            .get(&name.to_ascii_lowercase())
            .map_or("", String::as_str)
    }
}

/// Sends one request with the target exactly as given (no normalisation) and reads the reply.
fn request(port: u16, method: &str, target: &str) -> Reply {
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

fn parse_reply(raw: &[u8], head: bool) -> Reply {
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

fn dechunk(mut data: &[u8]) -> Vec<u8> {
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
struct Event {
    name: String,
    data: serde_json::Value,
}

/// A live-reload stream, read on a thread.
struct Events {
    rx: Receiver<Event>,
    seen: Vec<Event>,
}

impl Events {
    fn connect(port: u16, query: &str) -> Events {
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
    fn wait(&mut self, name: &str, ok: impl Fn(&serde_json::Value) -> bool) -> Event {
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
fn reloads(data: &serde_json::Value, page: &str) -> bool {
    data["all"] == true
        || data["paths"]
            .as_array()
            .is_some_and(|p| p.iter().any(|x| x == page))
}

#[test]
fn serves_the_site_from_memory_with_the_reload_script() {
    let dir = copy_fixture("good");
    let root = dir.path();
    // A folder made by `build` must survive `serve`.
    fs::create_dir_all(root.join("public")).unwrap();
    fs::write(root.join("public/keep.txt"), "built earlier").unwrap();
    let server = Server::start(root);

    let home = server.get("/");
    assert_eq!(home.status, 200);
    assert_eq!(home.header("content-type"), "text/html; charset=utf-8");
    let html = home.text();
    assert!(html.contains("Welcome"), "{html}");
    let script = html
        .find("<script src=\"/__handbook/reload.js\"")
        .expect("reload script");
    assert!(script < html.rfind("</body>").unwrap());
    assert!(html.contains("data-page=\"index.html\""));

    let redirect = server.get("/alliance");
    assert_eq!(redirect.status, 301);
    assert_eq!(redirect.header("location"), "/alliance/");
    let chapter = server.get("/alliance/");
    assert_eq!(chapter.status, 200);
    assert!(chapter.text().contains("data-page=\"alliance/index.html\""));
    assert_eq!(server.get("/alliance/index.html").status, 200);

    for (path, mime) in [
        ("/alliance/triangle.svg", "image/svg+xml"),
        ("/assets/css/handbook.css", "text/css; charset=utf-8"),
        ("/assets/js/handbook.js", "text/javascript; charset=utf-8"),
        ("/__handbook/reload.js", "text/javascript; charset=utf-8"),
    ] {
        let reply = server.get(path);
        assert_eq!(reply.status, 200, "{path}");
        assert_eq!(reply.header("content-type"), mime, "{path}");
        assert!(!reply.body.is_empty(), "{path}");
    }
    // Query strings (cache busting) are ignored.
    assert_eq!(server.get("/assets/css/handbook.css?v=123").status, 200);
    assert!(
        server
            .get("/__handbook/reload.js")
            .text()
            .contains("sessionStorage")
    );

    let missing = server.get("/no/such/page.html");
    assert_eq!(missing.status, 404);
    assert!(missing.text().contains("Page not found"));
    assert!(missing.text().contains("<base href=\"/\">"));

    let head = request(server.port, "HEAD", "/");
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    let post = request(server.port, "POST", "/");
    assert_eq!(post.status, 405);
    assert_eq!(post.header("allow"), "GET, HEAD");

    assert_eq!(
        fs::read_to_string(root.join("public/keep.txt")).unwrap(),
        "built earlier"
    );
    assert_eq!(fs::read_dir(root.join("public")).unwrap().count(), 1);

    // `build` never adds the script.
    let out = tempfile::tempdir().unwrap();
    let built = Command::new(env!("CARGO_BIN_EXE_handbook"))
        .args(["build", "--quiet", "--root"])
        .arg(root)
        .arg("--out")
        .arg(out.path())
        .output()
        .unwrap();
    assert!(built.status.success());
    for entry in walkdir::WalkDir::new(out.path()) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let text = String::from_utf8_lossy(&fs::read(entry.path()).unwrap()).into_owned();
            assert!(!text.contains("__handbook"), "{}", entry.path().display());
        }
    }
}

#[test]
fn path_traversal_never_reaches_other_files() {
    let dir = copy_fixture("good");
    let root = dir.path();
    fs::write(root.join("secret.txt"), "TOP SECRET").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(root.join("secret.txt"), root.join("public-link")).unwrap();
    let server = Server::start(root);
    for target in [
        "/../Cargo.toml",
        "/%2e%2e/Cargo.toml",
        "/%2E%2E/%2e%2e/Cargo.toml",
        "//etc/passwd",
        "/..%2fCargo.toml",
        "/..%2FCargo.toml",
        "/%2e%2e%2fCargo.toml",
        "/..\\Cargo.toml",
        "/%5c..%5csecret.txt",
        "/alliance/../../secret.txt",
        "/alliance/%2e%2e/%2e%2e/secret.txt",
        "/./secret.txt",
        "/secret.txt",
        "/public-link",
        "/handbook.toml",
        "/content/_index.md",
        "/%00",
        "/%zz",
        &format!("/{}/secret.txt", root.display()),
        &format!("//{}/secret.txt", root.display()),
    ] {
        let reply = request(server.port, "GET", target);
        let body = reply.text();
        assert!(
            reply.status == 400 || reply.status == 404,
            "{target}: {}",
            reply.status
        );
        for leak in ["TOP SECRET", "[package]", "root:x:0"] {
            assert!(!body.contains(leak), "{target} leaked {leak}");
        }
    }
}

#[test]
fn an_edit_reloads_the_page_with_the_new_content() {
    let dir = copy_fixture("good");
    let root = dir.path();
    let server = Server::start(root);
    let page = "alliance/evidence.html";
    let before = server.get(&format!("/{page}"));
    assert_eq!(before.status, 200);
    let generation = server.status()["generation"].as_u64().unwrap();
    let mut events = server.events(&format!("?page={page}&since={generation}"));

    let source = root.join("content/01-alliance/02-evidence.md");
    let text = fs::read_to_string(&source).unwrap();
    fs::write(&source, format!("{text}\nA freshly written sentence.\n")).unwrap();
    let reload = events.wait("reload", |d| reloads(d, page));
    assert!(reload.data["generation"].as_u64().unwrap() > generation);
    let after = server.get(&format!("/{page}"));
    assert!(after.text().contains("A freshly written sentence."));

    // An editor's atomic save: write a temporary file, rename it over the page.
    let tmp = root.join("content/01-alliance/.02-evidence.md.swp");
    fs::write(&tmp, format!("{text}\nSaved atomically.\n")).unwrap();
    fs::rename(&tmp, &source).unwrap();
    events.wait("reload", |d| reloads(d, page));
    server.wait_for_page(&format!("/{page}"), "Saved atomically.");

    // A copied file: its new bytes are served, and pages showing it reload.
    let svg = root.join("content/01-alliance/triangle.svg");
    let drawing = fs::read_to_string(&svg).unwrap();
    fs::write(&svg, drawing.replace("</svg>", "<!-- redrawn --></svg>")).unwrap();
    events.wait("reload", |d| d["all"] == true);
    server.wait_for_page("/alliance/triangle.svg", "redrawn");

    // A new page is a structural change: everything reloads.
    fs::write(
        root.join("content/01-alliance/03-new.md"),
        "# Brand new\n\nHello.\n",
    )
    .unwrap();
    events.wait("reload", |d| d["all"] == true);
    let new = server.wait_for_page("/alliance/new.html", "Brand new");
    assert_eq!(new.status, 200);

    // handbook.toml: a full rebuild with the new title.
    let config = fs::read_to_string(root.join("handbook.toml")).unwrap();
    fs::write(
        root.join("handbook.toml"),
        config.replace("Fixture handbook", "Renamed handbook"),
    )
    .unwrap();
    events.wait("reload", |d| d["all"] == true);
    server.wait_for_page("/", "Renamed handbook");
}

#[test]
fn a_broken_page_shows_the_overlay_and_keeps_the_last_good_site() {
    let dir = copy_fixture("good");
    let root = dir.path();
    let server = Server::start(root);
    let page = "alliance/three-elements.html";
    let good = server.get(&format!("/{page}"));
    assert_eq!(good.status, 200);
    let generation = server.status()["generation"].as_u64().unwrap();
    let mut events = server.events(&format!("?page={page}&since={generation}"));

    let source = root.join("content/01-alliance/01-three-elements.md");
    let text = fs::read_to_string(&source).unwrap();
    fs::write(
        &source,
        format!("+++\ntitle = \"never closed <b>\n+++\n\n{text}\n\nBroken edit.\n"),
    )
    .unwrap();
    let failed = events.wait("failed", |_| true);
    let diagnostics = failed.data["diagnostics"].as_array().unwrap();
    assert!(!diagnostics.is_empty());
    let first = &diagnostics[0];
    assert_eq!(first["file"], "content/01-alliance/01-three-elements.md");
    assert_eq!(first["line"], 2);
    assert!(
        first["location"]
            .as_str()
            .unwrap()
            .starts_with("content/01-alliance/01-three-elements.md:2"),
        "{first}"
    );
    assert!(!first["message"].as_str().unwrap().is_empty());
    assert_eq!(server.status()["ok"], false);

    // The last good page is still served, unchanged.
    let still = server.get(&format!("/{page}"));
    assert_eq!(still.status, 200);
    assert!(!still.text().contains("Broken edit."));
    assert_eq!(server.get("/").status, 200);

    // A page opened now learns of the failure as soon as it connects.
    let mut late = server.events(&format!("?page={page}&since={generation}"));
    late.wait("failed", |d| d["errors"].as_u64() > Some(0));

    // The fix clears the overlay and reloads.
    fs::write(&source, format!("{text}\n\nFixed edit.\n")).unwrap();
    events.wait("ok", |_| true);
    events.wait("reload", |d| reloads(d, page));
    server.wait_for_page(&format!("/{page}"), "Fixed edit.");
    assert_eq!(server.status()["ok"], true);
    let out = server.output.lock().unwrap().clone();
    assert!(
        out.contains("content/01-alliance/01-three-elements.md:2"),
        "the terminal shows the diagnostic:\n{out}"
    );
}

#[test]
fn a_failing_first_build_serves_the_errors_until_fixed() {
    let dir = copy_fixture("good");
    let root = dir.path();
    let source = root.join("content/02-bond/01-listening.md");
    let text = fs::read_to_string(&source).unwrap();
    fs::write(&source, format!("+++\ntitle = <script>\n+++\n{text}")).unwrap();
    let server = Server::start(root);
    let reply = server.get("/");
    assert_eq!(reply.status, 500);
    let html = reply.text();
    assert!(html.contains("content/02-bond/01-listening.md:2"), "{html}");
    assert!(!html.contains("= <script>"), "diagnostics are escaped");
    assert!(html.contains("/__handbook/reload.js"));
    let mut events = server.events("?page=&since=0");
    fs::write(&source, &text).unwrap();
    events.wait("reload", |d| d["all"] == true);
    server.wait_for_page("/", "Welcome");
}

#[test]
fn a_theme_override_rebuilds_everything() {
    let dir = copy_fixture("good");
    let root = dir.path();
    let server = Server::start(root);
    let mut events = server.events("");
    let templates = root.join("themes/default/templates");
    fs::create_dir_all(&templates).unwrap();
    fs::write(
        templates.join("404.html"),
        "<!DOCTYPE html><html><head></head><body>Custom missing page</body></html>",
    )
    .unwrap();
    events.wait("reload", |d| d["all"] == true);
    let reply = server.wait_for_page("/nowhere.html", "Custom missing page");
    assert_eq!(reply.status, 404);
    // The new folder is watched from now on.
    fs::write(
        templates.join("404.html"),
        "<!DOCTYPE html><html><head></head><body>Second version</body></html>",
    )
    .unwrap();
    server.wait_for_page("/nowhere.html", "Second version");
}

#[test]
fn polling_sees_edits_too() {
    let dir = copy_fixture("good");
    let root = dir.path();
    let mut server = Server::start_with(root, &["--poll"]);
    assert!(server.wait_output("Watching").contains("(polling)"));
    let source = root.join("content/02-bond/01-listening.md");
    let text = fs::read_to_string(&source).unwrap();
    fs::write(&source, format!("{text}\nPolled edit.\n")).unwrap();
    server.wait_for_page("/bond/listening.html", "Polled edit.");
    // A second save within the same second is seen too.
    fs::write(&source, format!("{text}\nPolled again.\n")).unwrap();
    server.wait_for_page("/bond/listening.html", "Polled again.");
}

#[test]
fn once_idle_the_served_site_equals_the_built_site() {
    let dir = copy_fixture("good");
    let root = dir.path();
    let server = Server::start(root);
    let source = root.join("content/02-bond/01-listening.md");
    let text = fs::read_to_string(&source).unwrap();
    fs::write(&source, format!("{text}\nListening, edited.\n")).unwrap();
    server.wait_for_page("/bond/listening.html", "Listening, edited.");
    let deadline = Instant::now() + WAIT;
    while server.status()["busy"] == true {
        assert!(Instant::now() < deadline, "the server never became idle");
        std::thread::sleep(Duration::from_millis(50));
    }

    let out = tempfile::tempdir().unwrap();
    let built = Command::new(env!("CARGO_BIN_EXE_handbook"))
        .args(["build", "--quiet", "--root"])
        .arg(root)
        .arg("--out")
        .arg(out.path())
        .output()
        .unwrap();
    assert!(built.status.success());
    let mut files = 0;
    for entry in walkdir::WalkDir::new(out.path()) {
        let entry = entry.unwrap();
        // The marker of a build's output folder is not part of the site.
        if !entry.file_type().is_file() || entry.file_name() == ".handbook-build" {
            continue;
        }
        let rel = entry.path().strip_prefix(out.path()).unwrap();
        let url = format!("/{}", rel.to_string_lossy().replace('\\', "/"));
        let reply = server.get(&url);
        assert_eq!(reply.status, 200, "{url}");
        let mut served = reply.body;
        if let Some(start) = find(&served, b"<script src=\"/__handbook/reload.js\"") {
            let end = start + find(&served[start..], b"</script>").unwrap() + 9;
            served.drain(start..end);
        }
        assert!(
            served == fs::read(entry.path()).unwrap(),
            "{url} differs from the build"
        );
        files += 1;
    }
    assert!(files > 10);
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[test]
fn soak_rapid_edits_and_concurrent_requests() {
    let dir = copy_fixture("good");
    let root = dir.path().to_path_buf();
    let mut server = Server::start(&root);
    let port = server.port;
    let source = root.join("content/01-alliance/02-evidence.md");
    let text = fs::read_to_string(&source).unwrap();

    let editor = {
        let (source, text) = (source.clone(), text.clone());
        std::thread::spawn(move || {
            for i in 0..200 {
                fs::write(&source, format!("{text}\nEdit number {i}.\n")).unwrap();
                if i % 10 == 0 {
                    std::thread::sleep(Duration::from_millis(5));
                }
            }
        })
    };
    // 500 requests at once, while the edits go on.
    let start = Arc::new(std::sync::Barrier::new(500));
    let clients: Vec<_> = (0..500)
        .map(|t| {
            let start = start.clone();
            std::thread::spawn(move || {
                let paths = [
                    "/",
                    "/alliance/evidence.html",
                    "/assets/css/handbook.css",
                    "/print.html",
                    "/missing.html",
                ];
                let path = paths[t % paths.len()];
                start.wait();
                let reply = request(port, "GET", path);
                vec![(path, reply.status, reply.body.len())]
            })
        })
        .collect();
    editor.join().unwrap();
    let mut count = 0;
    for client in clients {
        for (path, status, len) in client.join().unwrap() {
            count += 1;
            let expected = if path == "/missing.html" { 404 } else { 200 };
            assert_eq!(status, expected, "{path}");
            assert!(len > 0, "{path}");
        }
    }
    assert_eq!(count, 500);
    assert!(server.alive(), "the server survived");
    let page = server.wait_for_page("/alliance/evidence.html", "Edit number 199.");
    assert!(!page.text().contains("Edit number 198."));
    assert!(server.alive());
}

#[test]
fn ctrl_c_stops_cleanly() {
    let dir = copy_fixture("good");
    let mut server = Server::start(dir.path());
    let _events = server.events("");
    assert_eq!(server.get("/").status, 200);
    #[cfg(unix)]
    {
        let pid = server.child.id().to_string();
        let sent = Command::new("kill").args(["-INT", &pid]).status().unwrap();
        assert!(sent.success());
        let deadline = Instant::now() + WAIT;
        let status = loop {
            if let Some(status) = server.child.try_wait().unwrap() {
                break status;
            }
            assert!(Instant::now() < deadline, "the server did not stop");
            std::thread::sleep(Duration::from_millis(50));
        };
        assert!(status.success(), "{status}");
        server.wait_output("Stopped.");
    }
}

#[test]
fn a_busy_port_given_explicitly_is_an_error() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let dir = copy_fixture("good");
    let out = Command::new(env!("CARGO_BIN_EXE_handbook"))
        .args(["serve", "--quiet", "--port", &port, "--root"])
        .arg(dir.path())
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("cannot listen"), "{stderr}");

    let bad = Command::new(env!("CARGO_BIN_EXE_handbook"))
        .args(["serve", "--bind", "not-an-address", "--root"])
        .arg(dir.path())
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
}
