//! `handbook serve`: a local preview with live reload.
//!
//! ```text
//! watch (notify, debounced) ─► builder thread ─► publish ─► HTTP (hyper on tokio) from memory
//!                                    │              └─► live-reload hub ─► every open page
//!                                    └─► refresher thread (derived files, build id; cancellable)
//! ```
//!
//! - The HTTP side (`server.rs`, `routes.rs`, [`http`]) answers only requests whose `Host` names
//!   this server, bounds every connection (head size and time, write stalls, connections per
//!   client) and stops at once on Ctrl-C, whatever the clients do.
//!
//! - The site is built once, then kept in memory ([`http::Snapshot`]); nothing is written to
//!   disk, so a `public/` folder made by `build` is never touched.
//! - A change under `content/` rebuilds incrementally (`rebuild.rs`); a change of
//!   `handbook.toml` or of the theme rebuilds everything.
//! - A failed build keeps the last good site online; the terminal and every open page (an
//!   overlay) show the diagnostics until the next good build.
//! - Every HTML response gets the reload script (`/__handbook/reload.js`), which listens to
//!   `/__handbook/events` (`live.rs`). `handbook build` never adds it.

/// `say!` that never panics (a closed terminal or pipe must not stop the server).
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

/// `complain!` that never panics.
macro_rules! complain {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

/// Prints a diagnostics report (it ends with a newline) to stderr, never panicking.
fn report(diagnostics: &Diagnostics) {
    use std::io::Write as _;
    let _ = std::io::stderr().write_all(diagnostics.report().as_bytes());
}

pub mod http;
mod live;
mod rebuild;
mod routes;
mod server;
mod sources;
mod start;
mod watch;

use crate::error::Diagnostics;
use http::{Bytes, Ctx, Snapshot};
use live::{Hub, lock};
use rebuild::{Rebuilt, State};
use sources::Sources;
use std::collections::HashMap;
use std::fmt;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};
use watch::{Layout, Trigger, Watcher};

pub use start::ServeError;
use start::{bind, failed, open_browser, parse_bind, url_of};

/// The port tried first when none is given.
pub const DEFAULT_PORT: u16 = 3000;

/// How many ports after [`DEFAULT_PORT`] are tried before the system picks one.
const PORT_TRIES: u16 = 100;

/// How long the refresher waits for more edits before redoing every page.
const REFRESH_DELAY: Duration = Duration::from_millis(100);

/// What `handbook serve` was asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    /// The handbook folder.
    pub root: PathBuf,
    /// The port; `None`: 3000 or the next free one. `Some(0)`: any free port.
    pub port: Option<u16>,
    /// The address to listen on (`127.0.0.1`, `::1`, `0.0.0.0`, `localhost`).
    pub bind: String,
    /// Open the site in the default browser.
    pub open: bool,
    /// Poll for changes instead of native file events (network drives).
    pub poll: bool,
    /// Print only errors and warnings.
    pub quiet: bool,
    /// Print timings and changed files.
    pub verbose: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            root: PathBuf::from("."),
            port: None,
            bind: "127.0.0.1".into(),
            open: false,
            poll: false,
            quiet: false,
            verbose: false,
        }
    }
}

/// Builds the handbook, serves it and rebuilds on every change until Ctrl-C (or SIGTERM).
/// A build error never stops the server.
pub fn serve(options: &Options) -> Result<(), ServeError> {
    let ip = parse_bind(&options.bind)?;
    let root = options.root.canonicalize().map_err(|e| {
        failed(format!(
            "the handbook folder {} cannot be opened: {e}",
            options.root.display()
        ))
        .with_hint("pass --root with the folder that holds handbook.toml and content/")
    })?;
    let out = Printer {
        quiet: options.quiet,
        verbose: options.verbose,
    };
    let stop_rx = catch_ctrl_c();
    let first = first_build(&root, options, out);

    // Listen.
    let (listener, port_note) = bind(ip, options.port)?;
    let addr = listener
        .local_addr()
        .map_err(|e| failed(format!("cannot listen: {e}")))?;
    let instance = format!(
        "{:x}-{:x}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos())
    );
    let ctx = Arc::new(Ctx {
        busy: AtomicUsize::new(0),
        connections: Arc::default(),
        hub: Hub::new(instance.clone(), first.snapshot.generation),
        site: RwLock::new(Arc::new(first.snapshot)),
        instance,
    });
    if let Some(d) = &first.failure {
        ctx.hub.failed(d);
    }

    let running = start_work(&root, options, out, first.good, ctx.clone(), listener, ip)?;
    announce(options, &root, addr, port_note, &running);

    // Wait for Ctrl-C.
    let _ = stop_rx.recv();

    // Stop at once: every connection and stream is dropped, whatever the clients do. Nothing
    // is written to disk, so a build under way can be abandoned.
    if !options.quiet {
        say!("\nStopping ...");
    }
    running.stop.store(true, Ordering::SeqCst);
    ctx.hub.close();
    running.http.stop();
    let deadline = Instant::now() + Duration::from_millis(300);
    while !running.builder.is_finished() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    if !options.quiet {
        say!("Stopped.");
    }
    Ok(())
}

/// Ctrl-C (or SIGTERM) stops the server cleanly from now on (a message on the returned
/// channel); pressed during the first build, it takes effect as soon as the server is up. A
/// second one leaves at once.
fn catch_ctrl_c() -> Receiver<()> {
    let (stop_tx, stop_rx) = mpsc::channel::<()>();
    let pressed = AtomicBool::new(false);
    if let Err(e) = ctrlc::set_handler(move || {
        if pressed.swap(true, Ordering::SeqCst) {
            std::process::exit(130);
        }
        let _ = stop_tx.send(());
    }) {
        complain!("warning: cannot catch Ctrl-C ({e}); the server stops when killed");
    }
    stop_rx
}

/// What the first build left: the state to rebuild from (when it succeeded), the site to
/// serve, and the diagnostics when it failed.
struct FirstBuild {
    good: Option<State>,
    snapshot: Snapshot,
    failure: Option<Diagnostics>,
}

/// Builds once, reporting to the terminal; a failure is served as the error page.
/// The language `handbook.toml` sets, for the error page while the handbook does not build
/// (English when the configuration is what fails).
fn configured_language(root: &std::path::Path) -> String {
    crate::content::layout::settings(root)
        .map(|s| s.config.language)
        .unwrap_or_default()
}

fn first_build(root: &std::path::Path, options: &Options, out: Printer) -> FirstBuild {
    out.info(format_args!("Building {} ...", options.root.display()));
    let started = Instant::now();
    let mut snapshot = Snapshot::default();
    match rebuild::full(root) {
        Ok((state, site)) => {
            out.warnings(&site.warnings);
            out.info(format_args!(
                "Built {} pages ({} files) in {}",
                site.page_count,
                site.files.len(),
                elapsed(started)
            ));
            snapshot.generation = 1;
            snapshot.files = to_bytes(site.files);
            FirstBuild {
                good: Some(state),
                snapshot,
                failure: None,
            }
        }
        Err(diagnostics) => {
            report(&diagnostics);
            complain!("build failed: the server starts anyway and shows these errors");
            snapshot.no_site = Some(diagnostics.clone());
            snapshot.language = configured_language(root);
            FirstBuild {
                good: None,
                snapshot,
                failure: Some(diagnostics),
            }
        }
    }
}

/// The threads of a running server.
struct Running {
    /// Set to stop the builder.
    stop: Arc<AtomicBool>,
    /// The HTTP side.
    http: server::Http,
    /// The builder thread.
    builder: std::thread::JoinHandle<()>,
    /// The handbook's title (empty when the first build failed).
    title: String,
    /// Whether the watcher polls.
    polling: bool,
}

/// Starts watching, the HTTP side on `listener` and the builder and refresher threads.
fn start_work(
    root: &std::path::Path,
    options: &Options,
    out: Printer,
    good: Option<State>,
    ctx: Arc<Ctx>,
    listener: TcpListener,
    ip: IpAddr,
) -> Result<Running, ServeError> {
    // Watch.
    let (tx, rx) = mpsc::channel::<Trigger>();
    let layout = Layout::new(root, good.as_ref().map(|s| &s.handbook.config));
    let (watcher, watch_note) = Watcher::start(layout, options.poll, tx)?;
    if let Some(note) = watch_note {
        complain!("{note}");
    }

    // Work.
    let stop = Arc::new(AtomicBool::new(false));
    let title = good
        .as_ref()
        .map(|s| s.handbook.config.title.clone())
        .unwrap_or_default();
    let polling = watcher.polling;
    let sources = good
        .as_ref()
        .and_then(|s| Sources::read(root, &s.handbook.config, &s.handbook.layout));
    let http = server::Http::start(listener, ip, ctx.clone())?;
    let refresher = Refresher::start(ctx.clone(), out)?;
    let builder = Builder {
        root: root.to_path_buf(),
        good,
        sources,
        rx,
        ctx,
        watcher,
        refresher,
        stop: stop.clone(),
        out,
        again: None,
    };
    let builder = std::thread::Builder::new()
        .name("handbook-build".into())
        .spawn(move || builder.run())
        .map_err(|e| failed(format!("cannot start a thread: {e}")))?;
    Ok(Running {
        stop,
        http,
        builder,
        title,
        polling,
    })
}

/// Says where the site is and what is watched; opens the browser when asked.
fn announce(
    options: &Options,
    root: &std::path::Path,
    addr: SocketAddr,
    port_note: Option<String>,
    running: &Running,
) {
    let url = url_of(addr);
    if !options.quiet {
        if let Some(note) = port_note {
            say!("{note}");
        }
        if running.title.is_empty() {
            say!("Serving the handbook at {url}");
        } else {
            say!("Serving \"{}\" at {url}", running.title);
        }
        if addr.ip().is_unspecified() {
            say!("  (listening on every network interface: other computers can open the site too)");
        }
        let what = if root.join("content").is_dir() {
            "content/, themes/ and handbook.toml"
        } else {
            "the handbook folder"
        };
        let how = if running.polling { " (polling)" } else { "" };
        say!("Watching {what} for changes{how}. Press Ctrl-C to stop.");
    } else {
        // Even quiet, say where the site is: the only way to find a free port's number.
        say!("{url}");
    }
    if options.open {
        open_browser(&url);
    }
}

fn to_bytes(files: std::collections::BTreeMap<String, Vec<u8>>) -> HashMap<String, Bytes> {
    files
        .into_iter()
        .map(|(k, v)| (k, Bytes::from(v)))
        .collect()
}

fn elapsed(since: Instant) -> String {
    let d = since.elapsed();
    if d < Duration::from_secs(1) {
        format!("{} ms", d.as_millis())
    } else {
        format!("{:.2} s", d.as_secs_f64())
    }
}

/// Terminal output by verbosity.
#[derive(Clone, Copy)]
struct Printer {
    quiet: bool,
    verbose: bool,
}

impl Printer {
    fn info(&self, args: fmt::Arguments<'_>) {
        if !self.quiet {
            say!("{args}");
        }
    }

    fn detail(&self, args: fmt::Arguments<'_>) {
        if self.verbose {
            say!("{args}");
        }
    }

    fn warnings(&self, warnings: &[crate::error::Diagnostic]) {
        if !warnings.is_empty() {
            report(&warnings.to_vec().into());
        }
    }
}

/// Publishes a whole new site and tells every page to reload.
fn publish_full(ctx: &Ctx, files: HashMap<String, Bytes>) -> u64 {
    let mut site = ctx
        .site
        .write()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let generation = site.generation + 1;
    *site = Arc::new(Snapshot {
        generation,
        files,
        no_site: None,
        language: String::new(),
    });
    // Under the site lock, so pages hear of builds in order.
    ctx.hub.recovered();
    ctx.hub.reload(generation, None);
    generation
}

/// Publishes changed files on top of generation `base` (`None`: whatever is current); tells the
/// pages in `reload` (`None`: all) to reload. Returns the new generation, or `None` when the
/// site moved past `base` meanwhile (nothing is published then).
fn publish_files(
    ctx: &Ctx,
    base: Option<u64>,
    files: Vec<(String, Vec<u8>)>,
    reload: Option<&[String]>,
) -> Option<u64> {
    let mut site = ctx
        .site
        .write()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if base.is_some_and(|b| b != site.generation) || site.no_site.is_some() {
        return None;
    }
    let generation = site.generation + 1;
    let mut map = site.files.clone();
    for (path, bytes) in files {
        map.insert(path, Bytes::from(bytes));
    }
    *site = Arc::new(Snapshot {
        generation,
        files: map,
        no_site: None,
        language: String::new(),
    });
    ctx.hub.recovered();
    ctx.hub.reload(generation, reload);
    Some(generation)
}

/// The thread that rebuilds on every change.
struct Builder {
    root: PathBuf,
    good: Option<State>,
    sources: Option<Sources>,
    rx: Receiver<Trigger>,
    ctx: Arc<Ctx>,
    watcher: Watcher,
    refresher: Refresher,
    stop: Arc<AtomicBool>,
    out: Printer,
    /// A rebuild to run before waiting for the next change (see [`Builder::rebuild`]).
    again: Option<Trigger>,
}

impl Builder {
    fn run(mut self) {
        loop {
            if self.stop.load(Ordering::SeqCst) {
                return;
            }
            let next = match self.again.take() {
                Some(t) => Ok(t),
                None => self.rx.recv_timeout(Duration::from_millis(200)),
            };
            let mut trigger = match next {
                Ok(t) => t,
                Err(RecvTimeoutError::Timeout) => continue,
                Err(RecvTimeoutError::Disconnected) => return,
            };
            while let Ok(more) = self.rx.try_recv() {
                trigger.merge(more);
            }
            self.ctx.busy.fetch_add(1, Ordering::SeqCst);
            self.rebuild(&trigger);
            self.ctx.busy.fetch_sub(1, Ordering::SeqCst);
        }
    }

    fn rebuild(&mut self, trigger: &Trigger) {
        // A newer build makes any background refresh stale.
        let epoch = self.refresher.epoch.fetch_add(1, Ordering::SeqCst);
        if let Some(state) = &mut self.good
            && let Some(id) = self.refresher.take_build_id(epoch)
        {
            state.build_id = id;
        }
        let changed = describe(&trigger.paths);
        self.out.detail(format_args!("Changed: {changed}"));
        let started = Instant::now();
        let result = if trigger.full || self.good.is_none() {
            rebuild::full(&self.root).map(|(state, site)| {
                self.good = Some(state);
                Rebuilt::Full { site }
            })
        } else {
            rebuild::content_change(
                &self.root,
                &mut self.good,
                &mut self.sources,
                &trigger.paths,
            )
        };
        match result {
            Ok(Rebuilt::Full { site }) => {
                // Watch the folders that appeared (a new `themes/`) before the new site is
                // served, so an edit made as soon as it shows is seen.
                let config = self.good.as_ref().map(|s| s.handbook.config.clone());
                match self.watcher.refresh(config.as_ref()) {
                    // A file written into a new folder after this build read it and before it
                    // was watched would go unseen: build once more, now that it is watched.
                    Ok(true) => {
                        self.again = Some(Trigger {
                            full: true,
                            paths: trigger.paths.clone(),
                        })
                    }
                    Ok(false) => {}
                    // The server keeps running on what it watches already.
                    Err(e) => complain!("{}", e.into_warning()),
                }
                self.out.warnings(&site.warnings);
                let (pages, count) = (site.page_count, site.files.len());
                publish_full(&self.ctx, to_bytes(site.files));
                self.out.info(format_args!(
                    "{changed} changed: rebuilt all {pages} pages ({count} files) in {}",
                    elapsed(started)
                ));
                // The next edit reads only what changed from here.
                self.sources = self.good.as_ref().and_then(|s| {
                    Sources::read(&self.root, &s.handbook.config, &s.handbook.layout)
                });
            }
            Ok(Rebuilt::Partial {
                files,
                pages,
                assets_changed,
                warnings,
            }) => {
                self.out.warnings(&warnings);
                if files.is_empty() {
                    // Back to what is served (an undone edit): only clear a failure.
                    self.ctx.hub.recovered();
                    self.out
                        .detail(format_args!("{changed} changed: nothing to rebuild"));
                    return;
                }
                let reload = (!assets_changed).then_some(pages.as_slice());
                let generation = publish_files(&self.ctx, None, files, reload);
                let what = match pages.len() {
                    0 => "copied files".to_string(),
                    1 => pages[0].clone(),
                    n => format!("{n} pages"),
                };
                self.out.info(format_args!(
                    "{changed} changed: rebuilt {what} in {}",
                    elapsed(started)
                ));
                if let (Some(generation), Some(state), false) =
                    (generation, &self.good, pages.is_empty())
                {
                    self.refresher.schedule(state, epoch + 1, generation);
                }
            }
            Err(diagnostics) => {
                report(&diagnostics);
                let has_site = self.ctx.snapshot().no_site.is_none();
                if has_site {
                    complain!("build failed: still serving the last good build");
                } else {
                    let mut site = self
                        .ctx
                        .site
                        .write()
                        .unwrap_or_else(std::sync::PoisonError::into_inner);
                    *site = Arc::new(Snapshot {
                        generation: site.generation,
                        files: HashMap::new(),
                        no_site: Some(diagnostics.clone()),
                        language: configured_language(&self.root),
                    });
                    complain!("build failed");
                }
                self.ctx.hub.failed(&diagnostics);
            }
        }
    }
}

/// A few changed paths, for the terminal.
fn describe(paths: &std::collections::BTreeSet<PathBuf>) -> String {
    let shown: Vec<String> = paths
        .iter()
        .take(3)
        .map(|p| p.display().to_string().replace('\\', "/"))
        .collect();
    match paths.len() {
        0 => "the handbook".into(),
        n if n > 3 => format!("{} and {} more", shown.join(", "), n - 3),
        _ => shown.join(", "),
    }
}

/// One background refresh: the state of one build.
struct Job {
    handbook: Arc<crate::content::Handbook>,
    theme: Arc<crate::theme::Theme>,
    rendered: Arc<Vec<crate::markdown::RenderedPage>>,
    /// The builder's epoch this job belongs to.
    epoch: u64,
    /// The published generation it starts from.
    generation: u64,
}

/// The background thread that, after an incremental build, redoes the derived files and every
/// page with the new build id. It runs on one core and gives up when a newer build starts.
struct Refresher {
    tx: Sender<Job>,
    epoch: Arc<AtomicU64>,
    /// The build id a finished refresh computed, by epoch.
    build_id: Arc<Mutex<Option<(u64, String)>>>,
    ctx: Arc<Ctx>,
}

impl Refresher {
    fn start(ctx: Arc<Ctx>, out: Printer) -> Result<Self, ServeError> {
        let (tx, rx) = mpsc::channel::<Job>();
        let epoch = Arc::new(AtomicU64::new(0));
        let build_id = Arc::new(Mutex::new(None));
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .thread_name(|_| "handbook-refresh-worker".into())
            .build()
            .map_err(|e| failed(format!("cannot start a thread: {e}")))?;
        let this = Refresher {
            tx,
            epoch: epoch.clone(),
            build_id: build_id.clone(),
            ctx: ctx.clone(),
        };
        std::thread::Builder::new()
            .name("handbook-refresh".into())
            .spawn(move || {
                while let Ok(job) = rx.recv() {
                    pool.install(|| refresh(&ctx, &epoch, &build_id, job, out));
                    ctx.busy.fetch_sub(1, Ordering::SeqCst);
                }
            })
            .map_err(|e| failed(format!("cannot start a thread: {e}")))?;
        Ok(this)
    }

    /// Queues a refresh of `state` (built in `epoch`, published as `generation`).
    fn schedule(&self, state: &State, epoch: u64, generation: u64) {
        let job = Job {
            handbook: state.handbook.clone(),
            theme: state.theme.clone(),
            rendered: state.rendered.clone(),
            epoch,
            generation,
        };
        self.ctx.busy.fetch_add(1, Ordering::SeqCst);
        if self.tx.send(job).is_err() {
            self.ctx.busy.fetch_sub(1, Ordering::SeqCst);
        }
    }

    /// The build id a refresh computed for the build of `epoch`, if it finished.
    fn take_build_id(&self, epoch: u64) -> Option<String> {
        let mut slot = lock(&self.build_id);
        match slot.take() {
            Some((e, id)) if e == epoch => Some(id),
            _ => None,
        }
    }
}

/// Runs one refresh job (see [`rebuild::refresh`]) and publishes what changed.
fn refresh(
    ctx: &Ctx,
    epoch: &AtomicU64,
    build_id: &Mutex<Option<(u64, String)>>,
    job: Job,
    out: Printer,
) {
    let stale = || epoch.load(Ordering::SeqCst) != job.epoch;
    let wait_until = Instant::now() + REFRESH_DELAY;
    while Instant::now() < wait_until {
        if stale() {
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let started = Instant::now();
    let mut generation = job.generation;
    let refreshed = rebuild::refresh(
        &job.handbook,
        &job.theme,
        &job.rendered,
        epoch,
        job.epoch,
        |derived| {
            let current = ctx.snapshot();
            let changed: Vec<(String, Vec<u8>)> = derived
                .iter()
                .filter(|(p, b)| current.files.get(p).is_none_or(|old| **old != **b))
                .cloned()
                .collect();
            if changed.is_empty() {
                return;
            }
            // Derived pages (print, progress) reload. Derived scripts and data (`nav.js`, the
            // progress manifest) change with every build id; open pages pick them up on their
            // next load rather than all reloading a second time after each edit.
            let paths: Vec<String> = changed
                .iter()
                .map(|(p, _)| p.clone())
                .filter(|p| p.ends_with(".html"))
                .collect();
            if let Some(g) = publish_files(ctx, Some(generation), changed, Some(&paths)) {
                generation = g;
            }
        },
    );
    let Some(refreshed) = refreshed else {
        return;
    };
    let current = ctx.snapshot();
    let pages: Vec<(String, Vec<u8>)> = refreshed
        .pages
        .into_iter()
        .filter(|(p, b)| current.files.get(p).is_none_or(|old| **old != **b))
        .collect();
    let count = pages.len();
    if !pages.is_empty() && publish_files(ctx, Some(generation), pages, Some(&[])).is_none() {
        return;
    }
    *lock(build_id) = Some((job.epoch, refreshed.build_id));
    out.detail(format_args!(
        "Refreshed the derived files and {count} pages in {}",
        elapsed(started)
    ));
}
