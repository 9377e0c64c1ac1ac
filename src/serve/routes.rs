//! Routing for `serve`: turns one request into one response, from the site held in memory
//! (never from the disk), after checking its `Host` and method.
//!
//! - `Host` must name this server ([`host_allowed`]): otherwise `421 Misdirected Request`.
//! - Only `GET` and `HEAD`: otherwise `405`.
//! - `/__handbook/reload.js`, `/__handbook/events` (the live-reload stream, see [`EventStream`])
//!   and `/__handbook/status` (JSON, for tests and benches) are the server's own.
//! - Anything else is a file of the built site: HTML gets the reload script, folders their
//!   `index.html`, missing files the site's `404.html`.

use super::http::{
    BadPath, Bytes, Ctx, PREFIX, Resolved, decode_path, error_page, host_allowed, inject,
    mime_type, percent_decode, resolve,
};
use super::live::{Catchup, RELOAD_JS};
use http_body::Frame;
use http_body_util::{BodyExt, Full, combinators::UnsyncBoxBody};
use hyper::header::{self, HeaderValue};
use hyper::{Method, Request, Response, StatusCode};
use std::convert::Infallible;
use std::net::IpAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::sync::mpsc::Receiver;
use tokio::time::{Instant, Sleep};

/// The body of every response.
pub type Body = UnsyncBoxBody<Bytes, Infallible>;

/// How often an idle event stream gets a comment, so a vanished page is noticed.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// Answers `request`, which came from `peer` to a server listening on `bound`.
pub fn route<B>(request: &Request<B>, ctx: &Ctx, peer: IpAddr, bound: IpAddr) -> Response<Body> {
    let hosts = request.headers().get_all(header::HOST);
    let mut names = hosts.iter();
    let host = match (names.next(), names.next()) {
        (Some(host), None) => host.to_str().unwrap_or(""),
        (None, _) if request.uri().authority().is_some() => "",
        _ => {
            return text(
                StatusCode::BAD_REQUEST,
                "400 Bad Request: one Host header needed\n",
            );
        }
    };
    let authority = request.uri().authority().map(|a| a.as_str());
    let named = [Some(host), authority]
        .into_iter()
        .flatten()
        .filter(|h| !h.is_empty());
    if named.clone().next().is_none() || !named.clone().all(|h| host_allowed(h, bound)) {
        return text(
            StatusCode::MISDIRECTED_REQUEST,
            "421 Misdirected Request: this preview answers only to localhost, a loopback \
             address or the address it listens on (open it as http://localhost:PORT/)\n",
        );
    }
    let method = request.method();
    if method != Method::GET && method != Method::HEAD {
        let mut response = text(
            StatusCode::METHOD_NOT_ALLOWED,
            "405 Method Not Allowed: the preview serves GET and HEAD\n",
        );
        response
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return response;
    }
    let path = request.uri().path();
    let query = request.uri().query();
    if let Some(own) = path.strip_prefix(PREFIX) {
        return own_endpoint(ctx, own, query, peer);
    }
    site_file(ctx, path, query)
}

/// A file of the published site (or the error page while no build succeeded).
fn site_file(ctx: &Ctx, path: &str, query: Option<&str>) -> Response<Body> {
    let (segments, slash) = match decode_path(path) {
        Ok(s) => s,
        Err(BadPath(why)) => {
            return text(
                StatusCode::BAD_REQUEST,
                &format!("400 Bad Request: {why}\n"),
            );
        }
    };
    let snapshot = ctx.snapshot();
    if let Some(diagnostics) = &snapshot.no_site {
        let page = error_page(diagnostics, &snapshot.language);
        let body = inject(page.as_bytes(), "", 0, &ctx.instance, false);
        return reply(
            StatusCode::INTERNAL_SERVER_ERROR,
            "text/html; charset=utf-8",
            body.into(),
        );
    }
    match resolve(&snapshot.files, &segments, slash, query) {
        Resolved::File(key) => {
            let Some(data) = snapshot.files.get(&key) else {
                return text(StatusCode::NOT_FOUND, "404 Not Found\n");
            };
            let mime = mime_type(&key);
            if mime.starts_with("text/html") {
                let body = inject(data, &key, snapshot.generation, &ctx.instance, false);
                reply(StatusCode::OK, mime, body.into())
            } else {
                reply(StatusCode::OK, mime, data.clone())
            }
        }
        Resolved::Redirect(location) => {
            let mut response = text(StatusCode::MOVED_PERMANENTLY, "301 Moved Permanently\n");
            match HeaderValue::from_str(&location) {
                Ok(value) => {
                    response.headers_mut().insert(header::LOCATION, value);
                    response
                }
                Err(_) => text(StatusCode::NOT_FOUND, "404 Not Found\n"),
            }
        }
        Resolved::NotFound => match snapshot.files.get("404.html") {
            Some(page) => {
                let body = inject(
                    page,
                    "404.html",
                    snapshot.generation,
                    &ctx.instance,
                    segments.len() > 1,
                );
                reply(
                    StatusCode::NOT_FOUND,
                    "text/html; charset=utf-8",
                    body.into(),
                )
            }
            None => text(StatusCode::NOT_FOUND, "404 Not Found\n"),
        },
    }
}

/// `/__handbook/reload.js`, `/__handbook/events`, `/__handbook/status`.
fn own_endpoint(ctx: &Ctx, name: &str, query: Option<&str>, peer: IpAddr) -> Response<Body> {
    match name {
        "reload.js" => reply(
            StatusCode::OK,
            "text/javascript; charset=utf-8",
            Bytes::from_static(RELOAD_JS.as_bytes()),
        ),
        "events" => {
            let catchup = parse_catchup(query.unwrap_or(""));
            match ctx.hub.subscribe(peer, &catchup) {
                Some(rx) => {
                    let mut response = Response::new(EventStream::new(rx).boxed_unsync());
                    common(&mut response, "text/event-stream; charset=utf-8");
                    // A stream that ends (replaced, or the server stopping) frees its
                    // connection at once rather than leaving it idle.
                    response
                        .headers_mut()
                        .insert(header::CONNECTION, HeaderValue::from_static("close"));
                    response
                }
                None => text(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "503 Service Unavailable: the server is stopping\n",
                ),
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
                "connections": ctx.connections.load(Ordering::SeqCst),
            });
            reply(
                StatusCode::OK,
                "application/json",
                status.to_string().into(),
            )
        }
        _ => text(StatusCode::NOT_FOUND, "404 Not Found\n"),
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

/// The headers every response carries.
fn common(response: &mut Response<Body>, mime: &'static str) {
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
}

/// A response with `body` (shared with the published site: never copied).
fn reply(status: StatusCode, mime: &'static str, body: Bytes) -> Response<Body> {
    let mut response = Response::new(Full::new(body).boxed_unsync());
    *response.status_mut() = status;
    common(&mut response, mime);
    response
}

fn text(status: StatusCode, body: &str) -> Response<Body> {
    reply(
        status,
        "text/plain; charset=utf-8",
        Bytes::copy_from_slice(body.as_bytes()),
    )
}

/// A live-reload stream: `retry: 1000`, then each event the hub queues, and a comment after
/// every [`KEEP_ALIVE`] without one. Ends when the hub drops the stream.
pub struct EventStream {
    rx: Receiver<Arc<str>>,
    started: bool,
    idle: Pin<Box<Sleep>>,
}

impl EventStream {
    /// A stream of the events `rx` receives. Needs a tokio runtime (a timer).
    pub fn new(rx: Receiver<Arc<str>>) -> Self {
        EventStream {
            rx,
            started: false,
            idle: Box::pin(tokio::time::sleep(KEEP_ALIVE)),
        }
    }
}

impl http_body::Body for EventStream {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        if !self.started {
            self.started = true;
            return Poll::Ready(Some(Ok(Frame::data(Bytes::from_static(
                b"retry: 1000\n\n",
            )))));
        }
        match self.rx.poll_recv(cx) {
            Poll::Ready(Some(message)) => {
                self.idle.as_mut().reset(Instant::now() + KEEP_ALIVE);
                let data = Bytes::copy_from_slice(message.as_bytes());
                return Poll::Ready(Some(Ok(Frame::data(data))));
            }
            Poll::Ready(None) => return Poll::Ready(None),
            Poll::Pending => {}
        }
        if self.idle.as_mut().poll(cx).is_ready() {
            self.idle.as_mut().reset(Instant::now() + KEEP_ALIVE);
            return Poll::Ready(Some(Ok(Frame::data(Bytes::from_static(
                b": keep-alive\n\n",
            )))));
        }
        Poll::Pending
    }
}
