//! What `serve` needs before it can run: the `--bind` address, a port to listen on, the URL
//! to show and open, and the error when it cannot start.

use crate::error::Diagnostic;
use std::fmt;
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener};

use super::{DEFAULT_PORT, PORT_TRIES};

/// Why `serve` could not run: the diagnostic to show.
#[derive(Debug)]
pub enum ServeError {
    /// The arguments are wrong (exit code 2).
    Usage(Diagnostic),
    /// The server could not start (exit code 1).
    Failed(Diagnostic),
}

impl ServeError {
    /// The process exit code for this error.
    pub fn exit_code(&self) -> u8 {
        match self {
            ServeError::Usage(_) => 2,
            ServeError::Failed(_) => 1,
        }
    }

    /// What went wrong and what to do.
    pub fn diagnostic(&self) -> &Diagnostic {
        match self {
            ServeError::Usage(d) | ServeError::Failed(d) => d,
        }
    }
}

impl From<Diagnostic> for ServeError {
    /// A failure to start (exit code 1).
    fn from(d: Diagnostic) -> Self {
        ServeError::Failed(d)
    }
}

/// A failure to start that concerns no file: `message`, no hint yet.
pub(super) fn failed(message: impl Into<String>) -> Diagnostic {
    Diagnostic::error("", 0, message)
}

/// The message and its hint, without the "error:" label (the caller adds it).
impl fmt::Display for ServeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.diagnostic();
        if d.path.as_os_str().is_empty() {
            f.write_str(&d.message)?;
        } else {
            write!(f, "{}: {}", d.location(), d.message)?;
        }
        if let Some(hint) = &d.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ServeError {}

/// Turns `--bind` into an address.
pub(super) fn parse_bind(bind: &str) -> Result<IpAddr, ServeError> {
    let bind = bind.trim().trim_start_matches('[').trim_end_matches(']');
    if bind.eq_ignore_ascii_case("localhost") {
        return Ok(IpAddr::V4(Ipv4Addr::LOCALHOST));
    }
    bind.parse().map_err(|_| {
        ServeError::Usage(
            Diagnostic::error("", 0, format!("invalid --bind address `{bind}`")).with_hint(
                "give an IP address such as 127.0.0.1 (the default), ::1 or 0.0.0.0 (every \
                 interface)",
            ),
        )
    })
}

/// Listens on `port`, or on 3000 or the next free port; returns a note when it fell back.
pub(super) fn bind(
    ip: IpAddr,
    port: Option<u16>,
) -> Result<(TcpListener, Option<String>), Diagnostic> {
    if let Some(port) = port {
        return TcpListener::bind((ip, port))
            .map(|l| (l, None))
            .map_err(|e| {
                failed(format!(
                    "cannot listen on {}: {e}",
                    SocketAddr::new(ip, port)
                ))
                .with_hint(format!(
                    "choose another --port, or leave --port out to take {DEFAULT_PORT} or \
                         the next free port"
                ))
            });
    }
    for port in DEFAULT_PORT..DEFAULT_PORT + PORT_TRIES {
        if let Ok(listener) = TcpListener::bind((ip, port)) {
            let note = (port != DEFAULT_PORT)
                .then(|| format!("Port {DEFAULT_PORT} is in use; using port {port}."));
            return Ok((listener, note));
        }
    }
    TcpListener::bind((ip, 0))
        .map(|l| {
            let note = format!(
                "Ports {DEFAULT_PORT}-{} are in use; using a free one.",
                DEFAULT_PORT + PORT_TRIES - 1
            );
            (l, Some(note))
        })
        .map_err(|e| failed(format!("cannot listen on {ip}: {e}")))
}

/// The URL to open for a listening address.
pub(super) fn url_of(addr: SocketAddr) -> String {
    let ip = match addr.ip() {
        IpAddr::V4(v4) if v4.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(v6) if v6.is_unspecified() => IpAddr::V6(std::net::Ipv6Addr::LOCALHOST),
        ip => ip,
    };
    format!("http://{}/", SocketAddr::new(ip, addr.port()))
}

/// Opens `url` in the default browser, saying so if that fails.
pub(super) fn open_browser(url: &str) {
    let mut command = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(windows) {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else {
        std::process::Command::new("xdg-open")
    };
    let spawned = command
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    if let Err(e) = spawned {
        complain!("warning: cannot open a browser ({e}); open {url} yourself");
    }
}
