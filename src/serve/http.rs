//! The request-independent half of `serve`'s HTTP side, all pure functions: decoding a request
//! path, looking it up in the built site held in memory, checking the `Host` header, content
//! types and adding the reload script. The connection handling is in `server`, the routing in
//! `routes`.
//!
//! Only the files of the built site exist for the server: a URL is percent-decoded once, and
//! any `.` or `..` segment, backslash or NUL is refused (`400`) before the path is looked up
//! in the in-memory map. Nothing on disk is ever opened for a request, so path traversal and
//! symbolic links cannot reach other files.

use super::live::Hub;
use crate::error::Diagnostics;
use crate::html::escape;
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::atomic::AtomicUsize;
use std::sync::{Arc, RwLock};

/// URL prefix of the server's own endpoints. They take precedence over a site file of the
/// same path (a content folder named `__handbook`), which nothing else produces.
pub const PREFIX: &str = "/__handbook/";

/// A file's bytes, shared between the published site and the responses reading it (cloning
/// never copies them).
pub type Bytes = bytes::Bytes;

/// The site being served.
#[derive(Default)]
pub struct Snapshot {
    /// Counts published builds (0: none yet).
    pub generation: u64,
    /// Output path (`alliance/index.html`) to bytes.
    pub files: HashMap<String, Bytes>,
    /// The diagnostics while no build has succeeded yet (every page shows them).
    pub no_site: Option<Diagnostics>,
    /// The handbook's language (`handbook.toml`), for the page showing `no_site`; empty:
    /// English.
    pub language: String,
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
    /// HTTP connections open (served or waiting for their turn).
    pub connections: Arc<AtomicUsize>,
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
/// path and whether it ends with `/`, refusing what could name anything outside the site.
/// Empty segments (`//`) are dropped, so `//a` is `/a`. Never panics, whatever the input.
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
/// its trailing slash redirects (keeping `query`) to its canonical path, which always starts
/// with a single `/` (never `//host`, which a browser would take for another server).
pub fn resolve(
    files: &HashMap<String, Bytes>,
    segments: &[String],
    trailing_slash: bool,
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
        let mut location = folder_location(segments);
        if let Some(q) = query {
            location.push('?');
            location.push_str(q);
        }
        return Resolved::Redirect(location);
    }
    Resolved::NotFound
}

/// The canonical URL path of the folder `segments` (`/a%20b/c/`): one `/` before each
/// percent-encoded segment, one at the end.
pub fn folder_location(segments: &[String]) -> String {
    let mut out = String::from("/");
    for segment in segments {
        for &b in segment.as_bytes() {
            if b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@".contains(&b) {
                out.push(char::from(b));
            } else {
                out.push_str(&format!("%{b:02X}"));
            }
        }
        out.push('/');
    }
    out
}

/// Whether a request's `Host` header names this server: `localhost` (or a name under
/// `.localhost`), a loopback address, or the address the server listens on (any address when
/// it listens on every interface), with any port. A DNS name that resolves here does not pass,
/// which stops DNS-rebinding pages from reading the preview. Never panics.
pub fn host_allowed(host: &str, bound: IpAddr) -> bool {
    let (name, port) = match host.strip_prefix('[') {
        Some(rest) => match rest.split_once(']') {
            Some((inside, port)) => (inside, port),
            None => return false,
        },
        // `:` is ASCII, so slicing at it is safe.
        None => match host.find(':') {
            Some(at) => (&host[..at], &host[at..]),
            None => (host, ""),
        },
    };
    let port_ok = port.is_empty()
        || port.strip_prefix(':').is_some_and(|p| {
            !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit())
        });
    if !port_ok {
        return false;
    }
    let name = name.strip_suffix('.').unwrap_or(name).to_ascii_lowercase();
    if name == "localhost" || name.ends_with(".localhost") {
        return true;
    }
    let ip: IpAddr = match name.parse() {
        Ok(ip) => ip,
        Err(_) => return false,
    };
    // `[..]` only around IPv6, and IPv6 only inside `[..]`.
    if ip.is_ipv6() != host.starts_with('[') {
        return false;
    }
    ip.is_loopback() || ip == bound || bound.is_unspecified()
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

/// The page every URL shows while no build has succeeded yet: the default theme's
/// `serve-error.html` (the handbook's own theme may be what fails to build) in the shipped
/// catalogue of `language`, given `diagnostics`: `[ { location, message, hint } ]`, `lang`,
/// `dir` and `english` (the messages are English: marked so on a page in another language).
pub fn error_page(diagnostics: &Diagnostics, language: &str) -> String {
    #[derive(serde::Serialize)]
    struct Shown<'a> {
        location: String,
        message: &'a str,
        hint: Option<&'a str>,
    }
    let shown: Vec<Shown> = diagnostics
        .0
        .iter()
        .map(|d| Shown {
            location: d.location().replace('\\', "/"),
            message: &d.message,
            hint: d.hint.as_deref(),
        })
        .collect();
    let language = if language.trim().is_empty() {
        crate::i18n::REFERENCE
    } else {
        language
    };
    let mut ctx = tera::Context::new();
    ctx.insert("diagnostics", &shown);
    ctx.insert(
        "english",
        &(crate::config::primary_subtag(language) == crate::i18n::REFERENCE),
    );
    match crate::theme::render_builtin_in(language, "serve-error.html", &ctx) {
        Ok(html) => html,
        // Never without a page: the diagnostics as plain text.
        Err(e) => format!(
            "<!DOCTYPE html>\n<meta charset=\"utf-8\">\n<title>Build failed</title>\n<pre>{}\n{}</pre>\n",
            escape(&diagnostics.report()),
            escape(&e.to_string())
        ),
    }
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
        Ok(resolve(files, &segments, slash, None))
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
            resolve(&f, &["a".into()], false, Some("x=1")),
            Resolved::Redirect("/a/?x=1".into())
        );
    }

    #[test]
    fn redirects_never_leave_the_server() {
        let f = files(&["alliance/index.html", "a b/ü/index.html"]);
        for raw in ["//alliance", "///alliance", "/%2Falliance", "//%2falliance"] {
            assert_eq!(
                lookup(&f, raw),
                Ok(Resolved::Redirect("/alliance/".into())),
                "{raw}"
            );
        }
        assert_eq!(
            lookup(&f, "//a%20b//%C3%BC"),
            Ok(Resolved::Redirect("/a%20b/%C3%BC/".into()))
        );
        assert_eq!(folder_location(&["?x#y%".into()]), "/%3Fx%23y%25/");
    }

    #[test]
    fn decoding_never_panics_on_odd_input() {
        for raw in [
            "",
            "/",
            "%",
            "/%",
            "/%f",
            "/%%%",
            "/\u{0}",
            "/%ff%fe",
            "/%c3",
            "/é/%E2%82",
            "/a%2F..%2Fb",
            "/a/%2e",
            "/a/%2E%2e/",
            "////",
            "/%20",
            "/a/./b",
        ] {
            let _ = decode_path(raw);
        }
        assert_eq!(decode_path("////"), Ok((vec![], true)));
        assert!(decode_path("/a%2F..%2Fb").is_err());
        assert!(decode_path("/a/%2e").is_err());
        assert!(decode_path("/%ff").is_err());
    }

    #[test]
    fn only_local_names_and_the_bound_address_pass_the_host_check() {
        let local: IpAddr = "127.0.0.1".parse().unwrap();
        let any: IpAddr = "0.0.0.0".parse().unwrap();
        let lan: IpAddr = "192.0.2.5".parse().unwrap();
        for host in [
            "localhost",
            "localhost:3000",
            "LOCALHOST:3000",
            "localhost.:3000",
            "docs.localhost:3000",
            "127.0.0.1:3000",
            "127.0.0.1",
            "127.1.2.3:8080",
            "[::1]:3000",
            "[::1]",
        ] {
            assert!(host_allowed(host, local), "{host}");
            assert!(host_allowed(host, lan), "{host}");
        }
        for host in [
            "",
            "evil.example:3000",
            "evil.example",
            "localhost.evil.example:3000",
            "127.0.0.1.nip.io:3000",
            "192.0.2.5:3000",
            "::1",
            "[::1",
            "[127.0.0.1]:3000",
            "localhost:",
            "localhost:x",
            "localhost:3000:1",
            "localhost:1234567",
            "[::1]x",
            "localhost@evil.example",
        ] {
            assert!(!host_allowed(host, local), "{host}");
        }
        assert!(host_allowed("192.0.2.5:3000", lan));
        assert!(!host_allowed("192.0.2.6:3000", lan));
        assert!(host_allowed("192.0.2.6:3000", any));
        assert!(host_allowed("[2001:db8::1]:3000", any));
        assert!(!host_allowed("files.lan:3000", any));
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
        let page = error_page(&d, "en");
        assert!(page.contains("content/&lt;a&gt;.md:2"));
        assert!(page.contains("bad &lt;script&gt;"));
        assert!(!page.contains("<script>"));
        assert!(
            page.starts_with("<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">"),
            "{page}"
        );
        assert!(
            page.contains("<h1>The handbook does not build yet</h1>"),
            "{page}"
        );
        assert!(page.contains("<p class=\"hint\">hint: ") || !page.contains("class=\"hint\""));
    }

    #[test]
    fn error_page_speaks_the_handbook_language() {
        let d = Diagnostics(vec![
            crate::error::Diagnostic::error("x.md", 1, "bad").with_hint("fix it"),
        ]);
        let page = error_page(&d, "ar");
        assert!(page.contains("<html lang=\"ar\" dir=\"rtl\">"), "{page}");
        assert!(page.contains("fix it"), "{page}");
        // No catalogue for the configuration that failed to load: English.
        assert!(error_page(&d, "").contains("<html lang=\"en\" dir=\"ltr\">"));
    }

    #[test]
    fn the_english_messages_are_marked_as_english_on_a_page_in_another_language() {
        let d = Diagnostics(vec![
            crate::error::Diagnostic::error("x.md", 1, "bad").with_hint("fix it"),
        ]);
        for lang in ["es", "ar"] {
            let page = error_page(&d, lang);
            assert!(
                page.contains("<p lang=\"en\" dir=\"ltr\">bad</p>"),
                "{page}"
            );
            assert!(
                page.contains("<span lang=\"en\" dir=\"ltr\">fix it</span></p>"),
                "{page}"
            );
        }
        for lang in ["en", "en-GB"] {
            let page = error_page(&d, lang);
            assert!(page.contains("<p>bad</p>"), "{page}");
            assert!(!page.contains("<span lang="), "{page}");
        }
    }
}
