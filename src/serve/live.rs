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
//! Every client has its own writer thread, so a stalled browser never holds up a rebuild.

use crate::error::{Diagnostics, Severity};
use serde::Serialize;
use std::collections::VecDeque;
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// The reload script added to every HTML page `serve` sends.
pub const RELOAD_JS: &str = include_str!("reload.js");

/// At most this many pages listen at once; more get `503`.
const MAX_CLIENTS: usize = 256;

/// How many builds back a reconnecting page can catch up on.
const LOG_LEN: usize = 256;

/// How often an idle stream gets a comment, so dead connections are noticed.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

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

/// A connected page: its writer thread's queue, and whether that thread still runs.
struct Client {
    queue: Sender<Arc<str>>,
    alive: Arc<AtomicBool>,
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

    /// Takes over `writer` (a request's connection) as an event stream. Hands it back
    /// untouched when the hub is closed or full.
    pub fn subscribe(
        &self,
        mut writer: Box<dyn Write + Send>,
        catchup: &Catchup,
    ) -> Result<(), Box<dyn Write + Send>> {
        let (tx, rx) = mpsc::channel::<Arc<str>>();
        let alive = Arc::new(AtomicBool::new(true));
        {
            let mut inner = lock(&self.inner);
            inner.clients.retain(|c| c.alive.load(Ordering::SeqCst));
            if inner.closed || inner.clients.len() >= MAX_CLIENTS {
                return Err(writer);
            }
            // Queued under the lock, so no event can come between these and the next ones.
            let hello = serde_json::json!({
                "instance": self.instance,
                "generation": inner.generation,
            });
            let _ = tx.send(event("hello", &hello.to_string()));
            if missed(&inner, &self.instance, catchup) {
                let data = serde_json::json!({
                    "generation": inner.generation,
                    "all": true,
                    "paths": [],
                });
                let _ = tx.send(event("reload", &data.to_string()));
            }
            if let Some(failure) = &inner.failure {
                let _ = tx.send(failure.clone());
            }
            inner.clients.push(Client {
                queue: tx,
                alive: alive.clone(),
            });
        }
        let alive_in_thread = alive.clone();
        let spawned = std::thread::Builder::new()
            .name("handbook-sse".into())
            .spawn(move || {
                // Marks the client gone however the thread ends.
                struct Gone(Arc<AtomicBool>);
                impl Drop for Gone {
                    fn drop(&mut self) {
                        self.0.store(false, Ordering::SeqCst);
                    }
                }
                let _gone = Gone(alive_in_thread);
                let head = "HTTP/1.1 200 OK\r\n\
                    Content-Type: text/event-stream; charset=utf-8\r\n\
                    Cache-Control: no-store\r\n\
                    X-Content-Type-Options: nosniff\r\n\
                    Connection: keep-alive\r\n\r\n\
                    retry: 1000\n\n";
                if writer
                    .write_all(head.as_bytes())
                    .and_then(|()| writer.flush())
                    .is_err()
                {
                    return;
                }
                loop {
                    let chunk = match rx.recv_timeout(KEEP_ALIVE) {
                        Ok(message) => message,
                        Err(RecvTimeoutError::Timeout) => Arc::from(": keep-alive\n\n"),
                        Err(RecvTimeoutError::Disconnected) => return,
                    };
                    if writer
                        .write_all(chunk.as_bytes())
                        .and_then(|()| writer.flush())
                        .is_err()
                    {
                        return;
                    }
                }
            });
        if spawned.is_err() {
            alive.store(false, Ordering::SeqCst);
        }
        Ok(())
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
            .filter(|c| c.alive.load(Ordering::SeqCst))
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

fn broadcast(inner: &mut Inner, message: Arc<str>) {
    inner
        .clients
        .retain(|c| c.alive.load(Ordering::SeqCst) && c.queue.send(message.clone()).is_ok());
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

    #[derive(Clone, Default)]
    struct Sink(Arc<Mutex<Vec<u8>>>);

    impl Write for Sink {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            lock(&self.0).extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    fn wait_for(sink: &Sink, needle: &str) -> String {
        for _ in 0..500 {
            let text = String::from_utf8_lossy(&lock(&sink.0)).into_owned();
            if text.contains(needle) {
                return text;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        panic!("`{needle}` never arrived");
    }

    #[test]
    fn late_subscribers_learn_the_failure_and_recovery_clears_it() {
        let hub = Hub::new("i".into(), 1);
        let d = Diagnostics(vec![
            Diagnostic::error("content/a.md", 3, "bad <b>").with_column(2),
        ]);
        hub.failed(&d);
        let sink = Sink::default();
        assert!(
            hub.subscribe(Box::new(sink.clone()), &Catchup::default())
                .is_ok()
        );
        let text = wait_for(&sink, "event: failed");
        assert!(text.contains("text/event-stream"));
        assert!(text.contains(r#""location":"content/a.md:3:2""#), "{text}");
        assert!(text.contains(r#""message":"bad <b>""#));
        hub.recovered();
        wait_for(&sink, "event: ok");
        hub.reload(2, Some(&["a.html".to_string()]));
        let text = wait_for(&sink, "event: reload");
        assert!(text.contains(r#""paths":["a.html"]"#), "{text}");
        assert!(hub.failure().is_none());
        hub.close();
        assert_eq!(hub.clients(), 0);
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
}
