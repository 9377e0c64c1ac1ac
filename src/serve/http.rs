//! The HTTP side of `serve`: maps a request to a file of the built site held in memory.
//!
//! Only the files of the built site exist for the server: a URL is percent-decoded once, and
//! any `.` or `..` segment, backslash or NUL is refused (`400`) before the path is looked up
//! in the in-memory map. Nothing on disk is ever opened for a request, so path traversal and
//! symbolic links cannot reach other files.

use super::live::{Catchup, Hub, RELOAD_JS};
use crate::error::Diagnostics;
use crate::markdown::escape;
use std::collections::HashMap;
use std::io::{Cursor, Read, Write};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, RwLock};
use tiny_http::{Header, Method, Request, Response, StatusCode};

/// URL prefix of the server's own endpoints. They take precedence over a site file of the
/// same path (a content folder named `__handbook`), which nothing else produces.
pub const PREFIX: &str = "/__handbook/";

/// A file's bytes, shared between the published site and the responses reading it.
pub type Bytes = Arc<[u8]>;

/// The site being served.
#[derive(Default)]
pub struct Snapshot {
    /// Counts published builds (0: none yet).
    pub generation: u64,
    /// Output path (`alliance/index.html`) to bytes.
    pub files: HashMap<String, Bytes>,
    /// The diagnostics while no build has succeeded yet (every page shows them).
    pub no_site: Option<Diagnostics>,
}

/// What request handlers share.
pub struct Ctx {
    /// The published site.
    pub site: RwLock<Arc<Snapshot>>,
    /// The live-reload streams.
    pub hub: Hub,
    /// This server run's id (in injected scripts).
    pub instance: String,
    /// Rebuilds and background refreshes under way or queued.
    pub busy: AtomicUsize,
}

impl Ctx {
    /// The current snapshot.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.site
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }
}

/// Where a URL path leads.
#[derive(Debug, PartialEq, Eq)]
pub enum Resolved {
    /// A file of the site (its output path).
    File(String),
    /// A folder asked for without its trailing slash: redirect to this location.
    Redirect(String),
    /// Nothing there.
    NotFound,
}

/// Why a URL path was refused.
#[derive(Debug, PartialEq, Eq)]
pub struct BadPath(pub &'static str);

/// Decodes the path part of a request target (`/a/b%20c.html`) into the segments of a site
/// path, refusing what could name anything outside the site.
pub fn decode_path(raw: &str) -> Result<(Vec<String>, bool), BadPath> {
    if !raw.starts_with('/') {
        return Err(BadPath("the path must start with /"));
    }
    let bytes = percent_decode(raw).ok_or(BadPath("malformed percent-encoding"))?;
    let text = String::from_utf8(bytes).map_err(|_| BadPath("the path is not UTF-8"))?;
    if text.contains('\\') || text.contains('\0') {
        return Err(BadPath("backslashes and NUL are not allowed"));
    }
    let mut segments = Vec::new();
    for segment in text.split('/') {
        match segment {
            "" => {}
            "." | ".." => return Err(BadPath("`.` and `..` segments are not allowed")),
            s => segments.push(s.to_string()),
        }
    }
    Ok((segments, text.ends_with('/')))
}

/// Decodes `%XX` escapes; `None` when one is malformed.
pub fn percent_decode(s: &str) -> Option<Vec<u8>> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            let hex = std::str::from_utf8(hex).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(out)
}

/// Looks a decoded path up in `files`: folders serve their `index.html`, a folder without
/// its trailing slash redirects (keeping `query`).
pub fn resolve(
    files: &HashMap<String, Bytes>,
    segments: &[String],
    trailing_slash: bool,
    raw_path: &str,
    query: Option<&str>,
) -> Resolved {
    let joined = segments.join("/");
    if joined.is_empty() {
        return if files.contains_key("index.html") {
            Resolved::File("index.html".into())
        } else {
            Resolved::NotFound
        };
    }
    if trailing_slash {
        let index = format!("{joined}/index.html");
        return if files.contains_key(&index) {
            Resolved::File(index)
        } else {
            Resolved::NotFound
        };
    }
    if files.contains_key(&joined) {
        return Resolved::File(joined);
    }
    if files.contains_key(&format!("{joined}/index.html")) {
        let mut location = format!("{}/", raw_path.trim_end_matches('/'));
        if let Some(q) = query {
            location.push('?');
            location.push_str(q);
        }
        return Resolved::Redirect(location);
    }
    Resolved::NotFound
}

/// The `Content-Type` for an output path.
pub fn mime_type(path: &str) -> &'static str {
    let ext = path
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" | "map" => "application/json",
        "xml" => "application/xml",
        "txt" | "md" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "pdf" => "application/pdf",
        "zip" => "application/zip",
        "wasm" => "application/wasm",
        "mp4" => "video/mp4",
        "webm" => "video/webm",
        "mp3" => "audio/mpeg",
        "ogg" => "audio/ogg",
        "wav" => "audio/wav",
        "vtt" => "text/vtt; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Adds the reload script to an HTML document, before its last `</body>` (or at the end).
/// `base` adds `<base href="/">` first (the 404 page, served at any depth).
pub fn inject(html: &[u8], page: &str, generation: u64, instance: &str, base: bool) -> Vec<u8> {
    let tag = format!(
        "<script src=\"{PREFIX}reload.js\" data-page=\"{}\" data-generation=\"{generation}\" \
         data-instance=\"{}\" defer></script>",
        escape(page),
        escape(instance)
    );
    let mut out = Vec::with_capacity(html.len() + tag.len() + 32);
    let mut rest = html;
    if base && let Some(at) = find_ci(html, b"<head>", false) {
        let end = at + b"<head>".len();
        out.extend_from_slice(&html[..end]);
        out.extend_from_slice(b"\n<base href=\"/\">");
        rest = &html[end..];
    }
    match find_ci(rest, b"</body>", true) {
        Some(at) => {
            out.extend_from_slice(&rest[..at]);
            out.extend_from_slice(tag.as_bytes());
            out.extend_from_slice(&rest[at..]);
        }
        None => {
            out.extend_from_slice(rest);
            out.extend_from_slice(tag.as_bytes());
        }
    }
    out
}

/// The first (or last) position of `needle` in `hay`, ignoring ASCII case.
fn find_ci(hay: &[u8], needle: &[u8], last: bool) -> Option<usize> {
    let matches = |i: &usize| hay[*i..*i + needle.len()].eq_ignore_ascii_case(needle);
    if hay.len() < needle.len() {
        return None;
    }
    let range = 0..=hay.len() - needle.len();
    if last {
        range.rev().find(matches)
    } else {
        range.into_iter().find(matches)
    }
}

/// Handles one request.
pub fn handle(request: Request, ctx: &Ctx) {
    let url = request.url().to_string();
    let (raw_path, query) = match url.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (url.as_str(), None),
    };
    let raw_path = raw_path.split('#').next().unwrap_or("");
    let head = *request.method() == Method::Head;
    if !head && *request.method() != Method::Get {
        let response = text(
            405,
            "405 Method Not Allowed: the preview serves GET and HEAD\n",
        )
        .with_header(header("Allow", "GET, HEAD"));
        let _ = request.respond(response);
        return;
    }
    if let Some(own) = raw_path.strip_prefix(PREFIX) {
        return own_endpoint(request, ctx, own, query);
    }
    let (segments, slash) = match decode_path(raw_path) {
        Ok(s) => s,
        Err(BadPath(why)) => {
            let _ = request.respond(text(400, &format!("400 Bad Request: {why}\n")));
            return;
        }
    };
    let snapshot = ctx.snapshot();
    if let Some(diagnostics) = &snapshot.no_site {
        let page = error_page(diagnostics);
        let body = inject(page.as_bytes(), "", 0, &ctx.instance, false);
        let response = bytes(500, "text/html; charset=utf-8", body);
        let _ = request.respond(response);
        return;
    }
    match resolve(&snapshot.files, &segments, slash, raw_path, query) {
        Resolved::File(key) => {
            let data = snapshot.files[&key].clone();
            let mime = mime_type(&key);
            let _ = if mime.starts_with("text/html") {
                let body = inject(&data, &key, snapshot.generation, &ctx.instance, false);
                request.respond(bytes(200, mime, body))
            } else {
                request.respond(shared(200, mime, data))
            };
        }
        Resolved::Redirect(location) => {
            let response =
                text(301, "301 Moved Permanently\n").with_header(header("Location", &location));
            let _ = request.respond(response);
        }
        Resolved::NotFound => {
            let response = match snapshot.files.get("404.html") {
                Some(page) => {
                    let body = inject(
                        page,
                        "404.html",
                        snapshot.generation,
                        &ctx.instance,
                        segments.len() > 1,
                    );
                    bytes(404, "text/html; charset=utf-8", body)
                }
                None => text(404, "404 Not Found\n"),
            };
            let _ = request.respond(response);
        }
    }
}

/// `/__handbook/reload.js`, `/__handbook/events`, `/__handbook/status`.
fn own_endpoint(request: Request, ctx: &Ctx, name: &str, query: Option<&str>) {
    match name {
        "reload.js" => {
            let response = bytes(
                200,
                "text/javascript; charset=utf-8",
                RELOAD_JS.as_bytes().to_vec(),
            );
            let _ = request.respond(response);
        }
        "events" => {
            let catchup = parse_catchup(query.unwrap_or(""));
            let writer = request.into_writer();
            if let Err(mut writer) = ctx.hub.subscribe(writer, &catchup) {
                let _ = writer.write_all(
                    b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\
                      Connection: close\r\n\r\n",
                );
                let _ = writer.flush();
            }
        }
        "status" => {
            let snapshot = ctx.snapshot();
            let failure = ctx.hub.failure();
            let status = serde_json::json!({
                "instance": ctx.instance,
                "generation": snapshot.generation,
                "ok": failure.is_none() && snapshot.no_site.is_none(),
                "busy": ctx.busy.load(Ordering::SeqCst) > 0,
                "files": snapshot.files.len(),
                "clients": ctx.hub.clients(),
            });
            let _ = request.respond(bytes(
                200,
                "application/json",
                status.to_string().into_bytes(),
            ));
        }
        _ => {
            let _ = request.respond(text(404, "404 Not Found\n"));
        }
    }
}

/// Reads `page`, `since` and `instance` from an event-stream request's query.
fn parse_catchup(query: &str) -> Catchup {
    let mut c = Catchup::default();
    for pair in query.split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let value = percent_decode(&value.replace('+', " "))
            .and_then(|v| String::from_utf8(v).ok())
            .unwrap_or_default();
        match key {
            "page" => c.page = value,
            "since" => c.since = value.parse().ok(),
            "instance" if !value.is_empty() => c.instance = Some(value),
            _ => {}
        }
    }
    c
}

/// The page every URL shows while no build has succeeded yet.
pub fn error_page(diagnostics: &Diagnostics) -> String {
    let mut items = String::new();
    for d in &diagnostics.0 {
        items.push_str(&format!(
            "<li><code>{}</code><p>{}</p>{}</li>\n",
            escape(&d.location().replace('\\', "/")),
            escape(&d.message),
            d.hint
                .as_deref()
                .map(|h| format!("<p class=\"hint\">hint: {}</p>", escape(h)))
                .unwrap_or_default()
        ));
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>Build failed · handbook serve</title>\n</head>\n<body>\n<main>\n\
         <h1>The handbook does not build yet</h1>\n\
         <p>Fix the problems below and save; this page reloads by itself.</p>\n\
         <ol>\n{items}</ol>\n</main>\n</body>\n</html>\n"
    )
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("valid header")
}

fn common<R: Read>(response: Response<R>, mime: &str) -> Response<R> {
    response
        .with_header(header("Content-Type", mime))
        .with_header(header("Cache-Control", "no-store"))
        .with_header(header("X-Content-Type-Options", "nosniff"))
}

fn text(status: u16, body: &str) -> Response<Cursor<Vec<u8>>> {
    bytes(
        status,
        "text/plain; charset=utf-8",
        body.as_bytes().to_vec(),
    )
}

fn bytes(status: u16, mime: &str, body: Vec<u8>) -> Response<Cursor<Vec<u8>>> {
    common(
        Response::from_data(body).with_status_code(StatusCode(status)),
        mime,
    )
}

/// A response reading a published file without copying it.
fn shared(status: u16, mime: &str, data: Bytes) -> Response<Cursor<Bytes>> {
    let len = data.len();
    common(
        Response::new(
            StatusCode(status),
            Vec::new(),
            Cursor::new(data),
            Some(len),
            None,
        ),
        mime,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(names: &[&str]) -> HashMap<String, Bytes> {
        names
            .iter()
            .map(|n| (n.to_string(), Bytes::from(&b"x"[..])))
            .collect()
    }

    fn lookup(files: &HashMap<String, Bytes>, raw: &str) -> Result<Resolved, BadPath> {
        let (segments, slash) = decode_path(raw)?;
        Ok(resolve(files, &segments, slash, raw, None))
    }

    #[test]
    fn traversal_is_refused_before_lookup() {
        let f = files(&["index.html"]);
        for bad in [
            "/../Cargo.toml",
            "/%2e%2e/Cargo.toml",
            "/%2E%2E/Cargo.toml",
            "/..%2fCargo.toml",
            "/..%2FCargo.toml",
            "/a/../../etc/passwd",
            "/..\\Cargo.toml",
            "/%5c..%5cCargo.toml",
            "/a/%00",
            "/%zz",
            "/%2",
            "relative",
            "/./index.html",
        ] {
            assert!(lookup(&f, bad).is_err(), "{bad} must be refused");
        }
        assert_eq!(lookup(&f, "//etc/passwd"), Ok(Resolved::NotFound));
        assert_eq!(lookup(&f, "/C:/Windows/win.ini"), Ok(Resolved::NotFound));
    }

    #[test]
    fn folders_serve_index_and_redirect_without_slash() {
        let f = files(&["index.html", "a/index.html", "a/b.html", "a b/c.png"]);
        assert_eq!(lookup(&f, "/"), Ok(Resolved::File("index.html".into())));
        assert_eq!(lookup(&f, "/a/"), Ok(Resolved::File("a/index.html".into())));
        assert_eq!(lookup(&f, "/a"), Ok(Resolved::Redirect("/a/".into())));
        assert_eq!(
            lookup(&f, "/a/b.html"),
            Ok(Resolved::File("a/b.html".into()))
        );
        assert_eq!(
            lookup(&f, "/a%20b/c.png"),
            Ok(Resolved::File("a b/c.png".into()))
        );
        assert_eq!(lookup(&f, "/a/b.html/"), Ok(Resolved::NotFound));
        assert_eq!(
            resolve(&f, &["a".into()], false, "/a", Some("x=1")),
            Resolved::Redirect("/a/?x=1".into())
        );
    }

    #[test]
    fn mime_types() {
        for (path, mime) in [
            ("a.html", "text/html; charset=utf-8"),
            ("a.CSS", "text/css; charset=utf-8"),
            ("a.js", "text/javascript; charset=utf-8"),
            ("a.svg", "image/svg+xml"),
            ("a.png", "image/png"),
            ("a.jpg", "image/jpeg"),
            ("a.jpeg", "image/jpeg"),
            ("a.gif", "image/gif"),
            ("a.webp", "image/webp"),
            ("a.json", "application/json"),
            ("a.woff2", "font/woff2"),
            ("a.pdf", "application/pdf"),
            ("a.txt", "text/plain; charset=utf-8"),
            ("a.xml", "application/xml"),
            ("favicon.ico", "image/x-icon"),
            ("noext", "application/octet-stream"),
        ] {
            assert_eq!(mime_type(path), mime, "{path}");
        }
    }

    #[test]
    fn script_goes_before_the_last_body_end() {
        let html = b"<html><head></head><body><p>&lt;/body&gt;</p></BODY></html>";
        let out = String::from_utf8(inject(html, "a/\"b.html", 7, "i", false)).unwrap();
        assert!(out.ends_with(
            "<script src=\"/__handbook/reload.js\" data-page=\"a/&quot;b.html\" \
             data-generation=\"7\" data-instance=\"i\" defer></script></BODY></html>"
        ));
        let out =
            String::from_utf8(inject(b"<html><head><title>", "404.html", 1, "i", true)).unwrap();
        assert!(out.starts_with("<html><head>\n<base href=\"/\">"));
        assert!(out.ends_with("defer></script>"));
    }

    #[test]
    fn error_page_escapes_diagnostics() {
        let d = Diagnostics(vec![crate::error::Diagnostic::error(
            "content/<a>.md",
            2,
            "bad <script>",
        )]);
        let page = error_page(&d);
        assert!(page.contains("content/&lt;a&gt;.md:2"));
        assert!(page.contains("bad &lt;script&gt;"));
        assert!(!page.contains("<script>"));
    }
}
