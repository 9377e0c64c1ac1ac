//! Connections for `serve`: hyper's HTTP/1.1 on a small tokio runtime, with the limits that
//! keep one client from starving the others.
//!
//! - Connections are accepted on a thread of their own (the listen queue never overflows
//!   because the HTTP threads are busy), and every connection is its own task, so a slow or
//!   stalled client holds nothing but itself.
//! - A request head must arrive within [`HEAD_TIMEOUT`] (also how long an idle keep-alive
//!   connection stays open) and be at most [`MAX_HEAD`] bytes: a larger one gets `431` and the
//!   connection closes, without the head ever being held in memory.
//! - A response write that makes no progress for [`WRITE_TIMEOUT`] (a client that stopped
//!   reading, say one that pipelines requests for a large page and never reads) closes the
//!   connection ([`Timed`]).
//! - One client address has at most [`MAX_PER_CLIENT`] connections served at once; more wait
//!   up to [`ADMIT_WAIT`] for a turn, and beyond [`MAX_WAITING`] waiting (or
//!   [`MAX_CONNECTIONS`] in all) a new connection is closed at once.
//! - Stopping drops every connection at once, whatever the clients do ([`Http::stop`]).

use super::http::Ctx;
use super::routes;
use crate::error::Diagnostic;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use std::collections::HashMap;
use std::convert::Infallible;
use std::io;
use std::net::IpAddr;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio::time::Sleep;

/// How long a client has to send a request's head (and how long an idle connection is kept).
pub const HEAD_TIMEOUT: Duration = Duration::from_secs(10);

/// How long a response write may make no progress before the connection is closed.
pub const WRITE_TIMEOUT: Duration = Duration::from_secs(10);

/// The largest request head (request line and headers) read; larger ones get `431`.
pub const MAX_HEAD: usize = 64 * 1024;

/// Connections of one client address served at once.
pub const MAX_PER_CLIENT: usize = 64;

/// Connections of one client address waiting for a turn; more are closed at once.
pub const MAX_WAITING: usize = 1024;

/// How long a waiting connection waits for its turn before it is closed.
pub const ADMIT_WAIT: Duration = Duration::from_secs(15);

/// Connections open at once, from all clients; more are closed at once.
pub const MAX_CONNECTIONS: usize = 4096;

/// The running HTTP server.
pub struct Http {
    runtime: tokio::runtime::Runtime,
}

impl Http {
    /// Serves `ctx` on `listener` (bound to `bound`): connections are accepted on a thread of
    /// their own, so the listen queue is drained promptly however busy the two HTTP threads
    /// are (a full queue loses connections), and served on the runtime.
    pub fn start(
        listener: std::net::TcpListener,
        bound: IpAddr,
        ctx: Arc<Ctx>,
    ) -> Result<Http, Diagnostic> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("handbook-http")
            .enable_io()
            .enable_time()
            .build()
            .map_err(|e| Diagnostic::error("", 0, format!("cannot start the server: {e}")))?;
        let handle = runtime.handle().clone();
        deepen_backlog(&listener);
        std::thread::Builder::new()
            .name("handbook-accept".into())
            .spawn(move || accept(&listener, bound, &ctx, &handle))
            .map_err(|e| Diagnostic::error("", 0, format!("cannot start a thread: {e}")))?;
        Ok(Http { runtime })
    }

    /// Stops at once: every connection is dropped, whatever its client does.
    pub fn stop(self) {
        self.runtime.shutdown_timeout(Duration::from_millis(200));
    }
}

/// The listen queue: a burst of this many connections at once is not lost.
const BACKLOG: i32 = 1024;

/// Lets the kernel queue [`BACKLOG`] connections (the standard library asks for 128), so a
/// burst of new connections is not dropped. Listening again on a listening socket only changes
/// its queue length.
#[cfg(unix)]
fn deepen_backlog(listener: &std::net::TcpListener) {
    use std::os::fd::AsRawFd;
    // SAFETY: `listen` on a socket descriptor this listener owns; failure leaves it as it was.
    unsafe {
        libc::listen(listener.as_raw_fd(), BACKLOG);
    }
}

#[cfg(not(unix))]
fn deepen_backlog(_listener: &std::net::TcpListener) {}

/// Accepts connections for as long as the process runs (a blocking accept on its own thread).
fn accept(
    listener: &std::net::TcpListener,
    bound: IpAddr,
    ctx: &Arc<Ctx>,
    handle: &tokio::runtime::Handle,
) {
    let clients = Arc::new(Clients {
        inner: Mutex::default(),
        open: ctx.connections.clone(),
    });
    loop {
        let (stream, peer) = match listener.accept() {
            Ok(accepted) => accepted,
            // Out of file descriptors, or a connection reset before it was accepted: wait a
            // little rather than spin.
            Err(_) => {
                std::thread::sleep(Duration::from_millis(50));
                continue;
            }
        };
        let ip = peer.ip().to_canonical();
        let Some(ticket) = clients.enter(ip) else {
            drop(stream);
            continue;
        };
        if stream.set_nonblocking(true).is_err() {
            continue;
        }
        let ctx = ctx.clone();
        // After `stop`, the runtime drops what it is given.
        handle.spawn(async move {
            if let Ok(stream) = TcpStream::from_std(stream) {
                connection(stream, ip, bound, ticket, ctx).await;
            }
        });
    }
}

/// Serves one connection once it has its turn.
async fn connection(stream: TcpStream, ip: IpAddr, bound: IpAddr, ticket: Ticket, ctx: Arc<Ctx>) {
    let Some(_turn) = ticket.turn().await else {
        return;
    };
    let _ = stream.set_nodelay(true);
    let io = TokioIo::new(Timed::new(stream, WRITE_TIMEOUT));
    let service = service_fn(move |request| {
        let response = routes::route(&request, &ctx, ip, bound);
        async move { Ok::<_, Infallible>(response) }
    });
    let _ = http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(HEAD_TIMEOUT)
        .max_buf_size(MAX_HEAD)
        .serve_connection(io, service)
        .await;
}

/// The connections open per client address.
#[derive(Default)]
struct Clients {
    inner: Mutex<ClientsInner>,
    /// The total, for the status endpoint.
    open: Arc<AtomicUsize>,
}

#[derive(Default)]
struct ClientsInner {
    by_ip: HashMap<IpAddr, Entry>,
    total: usize,
}

/// One client address: its turns, and its connections (served or waiting).
struct Entry {
    turns: Arc<Semaphore>,
    open: usize,
}

/// A connection counted against its client's limits until dropped.
struct Ticket {
    clients: Arc<Clients>,
    ip: IpAddr,
    turns: Arc<Semaphore>,
}

impl Clients {
    /// Counts a new connection from `ip`; `None` when it must be closed.
    fn enter(self: &Arc<Self>, ip: IpAddr) -> Option<Ticket> {
        let mut inner = super::live::lock(&self.inner);
        if inner.total >= MAX_CONNECTIONS {
            return None;
        }
        let entry = inner.by_ip.entry(ip).or_insert_with(|| Entry {
            turns: Arc::new(Semaphore::new(MAX_PER_CLIENT)),
            open: 0,
        });
        if entry.open >= MAX_PER_CLIENT + MAX_WAITING {
            return None;
        }
        entry.open += 1;
        let turns = entry.turns.clone();
        inner.total += 1;
        self.open.store(inner.total, Ordering::SeqCst);
        Some(Ticket {
            clients: self.clone(),
            ip,
            turns,
        })
    }
}

impl Ticket {
    /// Waits for this client's turn (at most [`ADMIT_WAIT`]).
    async fn turn(&self) -> Option<OwnedSemaphorePermit> {
        tokio::time::timeout(ADMIT_WAIT, self.turns.clone().acquire_owned())
            .await
            .ok()?
            .ok()
    }
}

impl Drop for Ticket {
    fn drop(&mut self) {
        let mut inner = super::live::lock(&self.clients.inner);
        inner.total = inner.total.saturating_sub(1);
        self.clients.open.store(inner.total, Ordering::SeqCst);
        if let Some(entry) = inner.by_ip.get_mut(&self.ip) {
            entry.open = entry.open.saturating_sub(1);
            if entry.open == 0 {
                inner.by_ip.remove(&self.ip);
            }
        }
    }
}

/// A TCP stream whose writes fail with `TimedOut` after making no progress for a while.
pub struct Timed {
    stream: TcpStream,
    limit: Duration,
    /// Running while a write waits for the client to read.
    stalled: Option<Pin<Box<Sleep>>>,
}

impl Timed {
    /// Wraps `stream`; a write may wait `limit` for the client at most.
    pub fn new(stream: TcpStream, limit: Duration) -> Self {
        Timed {
            stream,
            limit,
            stalled: None,
        }
    }

    /// Turns a pending write into a time-out once it has waited too long.
    fn wait<T>(
        &mut self,
        polled: Poll<io::Result<T>>,
        cx: &mut Context<'_>,
    ) -> Poll<io::Result<T>> {
        if polled.is_ready() {
            self.stalled = None;
            return polled;
        }
        let limit = self.limit;
        let timer = self
            .stalled
            .get_or_insert_with(|| Box::pin(tokio::time::sleep(limit)));
        match timer.as_mut().poll(cx) {
            Poll::Ready(()) => Poll::Ready(Err(io::Error::new(
                io::ErrorKind::TimedOut,
                "the client stopped reading",
            ))),
            Poll::Pending => Poll::Pending,
        }
    }
}

impl AsyncRead for Timed {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().stream).poll_read(cx, buf)
    }
}

impl AsyncWrite for Timed {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let polled = Pin::new(&mut this.stream).poll_write(cx, buf);
        this.wait(polled, cx)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let polled = Pin::new(&mut this.stream).poll_write_vectored(cx, bufs);
        this.wait(polled, cx)
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let polled = Pin::new(&mut this.stream).poll_flush(cx);
        this.wait(polled, cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let polled = Pin::new(&mut this.stream).poll_shutdown(cx);
        this.wait(polled, cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::AsyncWriteExt;

    #[test]
    fn a_write_the_client_never_reads_times_out() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            let addr = listener.local_addr().unwrap();
            let _client = TcpStream::connect(addr).await.unwrap();
            let (stream, _) = listener.accept().await.unwrap();
            let mut timed = Timed::new(stream, Duration::from_millis(200));
            let chunk = vec![0u8; 1024 * 1024];
            let outcome = tokio::time::timeout(Duration::from_secs(60), async {
                loop {
                    if let Err(e) = timed.write_all(&chunk).await {
                        return e;
                    }
                }
            })
            .await
            .expect("the stalled write never failed");
            assert_eq!(outcome.kind(), io::ErrorKind::TimedOut);
        });
    }

    #[test]
    fn one_client_address_cannot_take_every_connection() {
        let clients = Arc::new(Clients::default());
        let a: IpAddr = "127.0.0.1".parse().unwrap();
        let b: IpAddr = "192.0.2.1".parse().unwrap();
        let tickets: Vec<Ticket> = (0..MAX_PER_CLIENT + MAX_WAITING)
            .map(|_| clients.enter(a).expect("within the limit"))
            .collect();
        assert!(clients.enter(a).is_none());
        let other = clients.enter(b).expect("another address is not affected");
        drop(tickets);
        assert!(clients.enter(a).is_some());
        drop(other);
        assert!(super::super::live::lock(&clients.inner).by_ip.is_empty());
        assert_eq!(super::super::live::lock(&clients.inner).total, 0);
        assert_eq!(clients.open.load(Ordering::SeqCst), 0);
    }
}
