//! Live reload: the server-sent event stream (`/__handbook/events`) every open page listens
//! to, and the script (`/__handbook/reload.js`) that `serve` adds to every HTML page it sends.
//!
//! Events (each `data` is one line of JSON):
//!
//! - `hello` `{instance, generation}` when a page connects. A page says which page it is and
//!   which build served it (`?page=..&since=..&instance=..`); when a build it missed changed
//!   it, or another server run served it, it gets a `reload` at once.
//! - `reload` `{generation, all, paths}`: the site changed; a page reloads when `all` is true
//!   or its own output path is in `paths`, keeping its scroll position.
//! - `failed` `{generation, errors, warnings, diagnostics: [{severity, file, line, column,
//!   location, message, hint}]}`: the last build failed; pages show the overlay and keep
//!   showing the last good site.
//! - `ok` `{generation}`: the build is good again; pages remove the overlay.
//!
//! Every stream has its own bounded queue, filled without blocking: a rebuild never waits for a
//! browser. A stream whose queue is full (the page stopped reading), or whose connection closed,
//! is dropped. Each client address may keep [`MAX_PER_CLIENT`] streams and the server
//! [`MAX_CLIENTS`]; a new stream beyond either limit replaces the oldest one (its page, if it is
//! still open, reconnects), so a flood of streams can never lock a real page out.

use crate::error::{Diagnostics, Severity};
use serde::Serialize;
use std::collections::VecDeque;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use tokio::sync::mpsc::{self, Receiver, Sender, error::TrySendError};

/// The reload script added to every HTML page `serve` sends.
pub const RELOAD_JS: &str = include_str!("reload.js");

/// At most this many pages listen at once; a new one replaces the oldest.
pub const MAX_CLIENTS: usize = 256;

/// At most this many pages of one client address listen at once; a new one replaces that
/// client's oldest.
pub const MAX_PER_CLIENT: usize = 32;

/// Events queued for one stream; a page this far behind has stopped reading and is dropped.
const QUEUE: usize = 64;

/// How many builds back a reconnecting page can catch up on.
const LOG_LEN: usize = 256;

/// One diagnostic as the overlay shows it.
#[derive(Serialize)]
struct OverlayDiagnostic {
    severity: &'static str,
    file: String,
    line: usize,
    column: usize,
    location: String,
    message: String,
    hint: Option<String>,
}

/// The connected pages and the state a newly connected page must learn.
pub struct Hub {
    instance: String,
    inner: Mutex<Inner>,
}

struct Inner {
    clients: Vec<Client>,
    generation: u64,
    /// The `failed` event while the last build is broken.
    failure: Option<Arc<str>>,
    /// What the last builds changed: generation and output paths (`None`: everything).
    log: VecDeque<(u64, Option<Vec<String>>)>,
    closed: bool,
}

/// Who is connecting: the page's output path, the build that served it and the server run.
#[derive(Debug, Default, Clone)]
pub struct Catchup {
    /// The page's output path (`alliance/index.html`).
    pub page: String,
    /// The generation of the build the page came from.
    pub since: Option<u64>,
    /// The server run that served the page.
    pub instance: Option<String>,
}

/// A connected page: its stream's queue and its address.
struct Client {
    queue: Sender<Arc<str>>,
    ip: IpAddr,
}

impl Client {
    /// Whether the stream still runs (its connection has not closed).
    fn alive(&self) -> bool {
        !self.queue.is_closed()
    }
}

impl Hub {
    /// A hub for one server run; `instance` tells runs apart.
    pub fn new(instance: String, generation: u64) -> Self {
        Hub {
            instance,
            inner: Mutex::new(Inner {
                clients: Vec::new(),
                generation,
                failure: None,
                log: VecDeque::new(),
                closed: false,
            }),
        }
    }

    /// Opens an event stream for a page at `ip`: the events to send it, beginning with `hello`
    /// (and a `reload` when it missed a build that changed it, and the failure when the last
    /// build failed). `None` when the hub is closed. Makes room by dropping the oldest stream
    /// of the same address, or the oldest of all, when a limit is reached.
    pub fn subscribe(&self, ip: IpAddr, catchup: &Catchup) -> Option<Receiver<Arc<str>>> {
        let (tx, rx) = mpsc::channel::<Arc<str>>(QUEUE);
        let mut inner = lock(&self.inner);
        if inner.closed {
            return None;
        }
        inner.clients.retain(Client::alive);
        // Oldest first: dropping a sender ends that stream.
        if let Some(first) = nth_of(&inner.clients, ip, MAX_PER_CLIENT) {
            inner.clients.remove(first);
        }
        if inner.clients.len() >= MAX_CLIENTS {
            inner.clients.remove(0);
        }
        // Queued under the lock, so no event can come between these and the next ones.
        let hello = serde_json::json!({
            "instance": self.instance,
            "generation": inner.generation,
        });
        let _ = tx.try_send(event("hello", &hello.to_string()));
        if missed(&inner, &self.instance, catchup) {
            let data = serde_json::json!({
                "generation": inner.generation,
                "all": true,
                "paths": [],
            });
            let _ = tx.try_send(event("reload", &data.to_string()));
        }
        if let Some(failure) = &inner.failure {
            let _ = tx.try_send(failure.clone());
        }
        inner.clients.push(Client { queue: tx, ip });
        Some(rx)
    }

    /// Tells every page that build `generation` changed `paths` (output paths), or everything.
    pub fn reload(&self, generation: u64, paths: Option<&[String]>) {
        let data = serde_json::json!({
            "generation": generation,
            "all": paths.is_none(),
            "paths": paths.unwrap_or_default(),
        });
        let mut inner = lock(&self.inner);
        inner.generation = generation;
        inner
            .log
            .push_back((generation, paths.map(<[String]>::to_vec)));
        if inner.log.len() > LOG_LEN {
            inner.log.pop_front();
        }
        let message = event("reload", &data.to_string());
        broadcast(&mut inner, message);
    }

    /// Tells every page (now and later) that the last build failed with `diagnostics`.
    pub fn failed(&self, diagnostics: &Diagnostics) {
        let list: Vec<OverlayDiagnostic> = diagnostics
            .0
            .iter()
            .map(|d| OverlayDiagnostic {
                severity: match d.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                    Severity::Note => "note",
                },
                file: d.path.to_string_lossy().replace('\\', "/"),
                line: d.line,
                column: d.column,
                location: d.location().replace('\\', "/"),
                message: d.message.clone(),
                hint: d.hint.clone(),
            })
            .collect();
        let errors = diagnostics.0.iter().filter(|d| d.is_error()).count();
        let mut inner = lock(&self.inner);
        let data = serde_json::json!({
            "generation": inner.generation,
            "errors": errors,
            "warnings": list.len() - errors,
            "diagnostics": list,
        });
        let message = event("failed", &data.to_string());
        inner.failure = Some(message.clone());
        broadcast(&mut inner, message);
    }

    /// Tells every page that the build is good again (removing the overlay). Does nothing when
    /// the last build did not fail.
    pub fn recovered(&self) {
        let mut inner = lock(&self.inner);
        if inner.failure.take().is_some() {
            let data = serde_json::json!({ "generation": inner.generation });
            let message = event("ok", &data.to_string());
            broadcast(&mut inner, message);
        }
    }

    /// The diagnostics event of the failed last build, if it failed.
    pub fn failure(&self) -> Option<Arc<str>> {
        lock(&self.inner).failure.clone()
    }

    /// How many pages are listening.
    pub fn clients(&self) -> usize {
        lock(&self.inner)
            .clients
            .iter()
            .filter(|c| c.alive())
            .count()
    }

    /// Ends every stream and refuses new ones.
    pub fn close(&self) {
        let mut inner = lock(&self.inner);
        inner.closed = true;
        inner.clients.clear();
    }
}

/// Whether a page connecting with `catchup` missed a build that changed it.
fn missed(inner: &Inner, instance: &str, catchup: &Catchup) -> bool {
    if catchup.instance.as_deref().is_some_and(|i| i != instance) {
        return true;
    }
    let Some(since) = catchup.since else {
        return false;
    };
    if since >= inner.generation {
        return false;
    }
    match inner.log.front() {
        // Older than anything remembered: reload to be safe.
        Some(&(oldest, _)) if since + 1 < oldest => true,
        None => true,
        Some(_) => inner.log.iter().any(|(g, paths)| {
            *g > since && paths.as_ref().is_none_or(|p| p.contains(&catchup.page))
        }),
    }
}

/// The index of the oldest stream of `ip` when `ip` already has `limit` streams.
fn nth_of(clients: &[Client], ip: IpAddr, limit: usize) -> Option<usize> {
    let mine: Vec<usize> = (0..clients.len())
        .filter(|&i| clients[i].ip == ip)
        .collect();
    (mine.len() >= limit).then(|| mine[0])
}

/// Queues `message` for every stream, dropping the closed ones and those too far behind.
fn broadcast(inner: &mut Inner, message: Arc<str>) {
    inner
        .clients
        .retain(|c| match c.queue.try_send(message.clone()) {
            Ok(()) => true,
            Err(TrySendError::Full(_) | TrySendError::Closed(_)) => false,
        });
}

/// One server-sent event. `data` must be a single line (JSON is).
fn event(name: &str, data: &str) -> Arc<str> {
    debug_assert!(!data.contains('\n'));
    Arc::from(format!("event: {name}\ndata: {data}\n\n"))
}

/// Locks `m`, going on with the data even if a thread panicked while holding it.
pub fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Diagnostic;

    const HOME: IpAddr = IpAddr::V4(std::net::Ipv4Addr::LOCALHOST);

    /// Everything queued for a stream so far.
    fn drain(rx: &mut Receiver<Arc<str>>) -> String {
        let mut text = String::new();
        while let Ok(m) = rx.try_recv() {
            text.push_str(&m);
        }
        text
    }

    #[test]
    fn late_subscribers_learn_the_failure_and_recovery_clears_it() {
        let hub = Hub::new("i".into(), 1);
        let d = Diagnostics(vec![
            Diagnostic::error("content/a.md", 3, "bad <b>").with_column(2),
        ]);
        hub.failed(&d);
        let mut rx = hub.subscribe(HOME, &Catchup::default()).unwrap();
        let text = drain(&mut rx);
        assert!(text.starts_with("event: hello\n"), "{text}");
        assert!(text.contains("event: failed"), "{text}");
        assert!(text.contains(r#""location":"content/a.md:3:2""#), "{text}");
        assert!(text.contains(r#""message":"bad <b>""#));
        hub.recovered();
        assert!(drain(&mut rx).contains("event: ok"));
        hub.reload(2, Some(&["a.html".to_string()]));
        let text = drain(&mut rx);
        assert!(text.contains("event: reload"), "{text}");
        assert!(text.contains(r#""paths":["a.html"]"#), "{text}");
        assert!(hub.failure().is_none());
        hub.close();
        assert_eq!(hub.clients(), 0);
        assert!(hub.subscribe(HOME, &Catchup::default()).is_none());
    }

    #[test]
    fn reconnecting_pages_catch_up_only_on_builds_that_changed_them() {
        let hub = Hub::new("run1".into(), 1);
        hub.reload(2, Some(&["a.html".to_string()]));
        hub.reload(3, Some(&["print.html".to_string()]));
        let inner = lock(&hub.inner);
        let page = |p: &str, since: u64, instance: &str| Catchup {
            page: p.into(),
            since: Some(since),
            instance: Some(instance.into()),
        };
        assert!(missed(&inner, "run1", &page("a.html", 1, "run1")));
        assert!(!missed(&inner, "run1", &page("a.html", 2, "run1")));
        assert!(!missed(&inner, "run1", &page("b.html", 1, "run1")));
        assert!(missed(&inner, "run1", &page("b.html", 3, "run0")));
        assert!(!missed(&inner, "run1", &page("b.html", 3, "run1")));
    }

    #[test]
    fn a_flood_of_streams_replaces_the_oldest_and_closed_ones_go() {
        let hub = Hub::new("i".into(), 1);
        let other = IpAddr::V4(std::net::Ipv4Addr::new(192, 0, 2, 7));
        let mut kept = hub.subscribe(other, &Catchup::default()).unwrap();
        let mut flood: Vec<_> = (0..300)
            .map(|_| hub.subscribe(HOME, &Catchup::default()).unwrap())
            .collect();
        assert_eq!(hub.clients(), MAX_PER_CLIENT + 1);
        // The newest streams of the flooding address, and the other address's, still hear.
        hub.reload(2, None);
        assert!(drain(&mut kept).contains("event: reload"));
        assert!(drain(flood.last_mut().unwrap()).contains("event: reload"));
        // The oldest were closed.
        assert!(!drain(&mut flood[0]).contains("event: reload"));
        assert!(flood[0].try_recv().is_err() && flood[0].is_closed());
        // Closed streams leave at once.
        flood.clear();
        assert_eq!(hub.clients(), 1);
    }

    #[test]
    fn a_page_that_stops_reading_is_dropped() {
        let hub = Hub::new("i".into(), 1);
        let _stalled = hub.subscribe(HOME, &Catchup::default()).unwrap();
        for g in 2..2 + QUEUE as u64 {
            hub.reload(g, None);
        }
        assert_eq!(hub.clients(), 0);
    }
}
