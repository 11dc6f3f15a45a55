//! `model fetch`: downloads an official model file into `NAME.partial` with a
//! progress bar, resumes with an HTTP Range request after a cut, gives up with a
//! clear error when no byte arrives for a while (keeping the partial file for the
//! next try), checks the SHA-1 and only then renames the file into place.

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{anyhow, bail, Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use sha1::{Digest, Sha1};

/// The official whisper.cpp model files.
pub const DEFAULT_BASE_URL: &str = "https://huggingface.co/ggerganov/whisper.cpp/resolve/main";

/// How to download; [`FetchOptions::from_env`] reads the overrides tests use.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    pub base_url: String,
    /// No byte for this long means the transfer has stalled.
    pub stall: Duration,
    /// Connections tried in one run; after a cut the next one resumes.
    pub attempts: u32,
}

impl FetchOptions {
    /// `BARRAISER_MODEL_BASE_URL` and `BARRAISER_FETCH_STALL_SECS` (default 30).
    pub fn from_env() -> Self {
        let base_url = std::env::var("BARRAISER_MODEL_BASE_URL")
            .ok()
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| DEFAULT_BASE_URL.to_owned());
        let stall = std::env::var("BARRAISER_FETCH_STALL_SECS")
            .ok()
            .and_then(|s| s.parse::<f64>().ok())
            .filter(|s| *s > 0.0)
            .unwrap_or(30.0);
        Self { base_url, stall: Duration::from_secs_f64(stall), attempts: 3 }
    }
}

/// Why a download did not produce a file.
#[derive(Debug)]
pub enum DownloadError {
    /// The host could not be reached at all (DNS or connection failure): the caller
    /// may try another source.
    Unreachable(String),
    Failed(anyhow::Error),
}

impl From<anyhow::Error> for DownloadError {
    fn from(e: anyhow::Error) -> Self {
        Self::Failed(e)
    }
}

/// The path of the in-progress download for `dest`.
pub fn partial_path(dest: &Path) -> PathBuf {
    let mut name = dest.file_name().unwrap_or_default().to_os_string();
    name.push(".partial");
    dest.with_file_name(name)
}

/// Downloads `url` to `dest` through `dest.partial`, checking the SHA-1.
pub fn download(
    url: &str,
    dest: &Path,
    sha1: &str,
    opts: &FetchOptions,
) -> Result<(), DownloadError> {
    let partial = partial_path(dest);
    let agent = ureq::AgentBuilder::new()
        .timeout_connect(opts.stall.max(Duration::from_secs(5)))
        .timeout_read(opts.stall)
        .build();
    let mut attempt = 0;
    loop {
        attempt += 1;
        match transfer(&agent, url, &partial, opts) {
            Ok(()) => break,
            Err(Attempt::Unreachable(e)) => return Err(DownloadError::Unreachable(e)),
            Err(Attempt::Cut { got, total, progressed, why }) => {
                if progressed && attempt < opts.attempts {
                    eprintln!("connection lost at {got} of {total} bytes ({why}); resuming");
                    continue;
                }
                return Err(anyhow!(
                    "download of {url} stopped at {got} of {total} bytes: {why}; the partial file {} is kept, run the command again to resume",
                    partial.display()
                )
                .into());
            }
            Err(Attempt::Fatal(e)) => return Err(e.into()),
        }
    }
    let actual = file_sha1(&partial)?;
    if actual != sha1 {
        // A complete file with the wrong content cannot be repaired by resuming.
        let _ = std::fs::remove_file(&partial);
        return Err(anyhow!(
            "checksum mismatch for {url}: SHA-1 {actual}, expected {sha1}; the download was discarded"
        )
        .into());
    }
    std::fs::rename(&partial, dest)
        .with_context(|| format!("cannot rename {} to {}", partial.display(), dest.display()))?;
    Ok(())
}

enum Attempt {
    Unreachable(String),
    Cut { got: u64, total: u64, progressed: bool, why: String },
    Fatal(anyhow::Error),
}

/// One connection: asks for the bytes not yet in `partial` and appends them.
fn transfer(
    agent: &ureq::Agent,
    url: &str,
    partial: &Path,
    opts: &FetchOptions,
) -> Result<(), Attempt> {
    let have = std::fs::metadata(partial).map(|m| m.len()).unwrap_or(0);
    let mut req = agent.get(url);
    if have > 0 {
        req = req.set("Range", &format!("bytes={have}-"));
    }
    let resp = match req.call() {
        Ok(r) => r,
        // The partial file already holds everything: the checksum decides.
        Err(ureq::Error::Status(416, _)) if have > 0 => return Ok(()),
        Err(ureq::Error::Status(code, r)) => {
            return Err(Attempt::Fatal(anyhow!("{url}: HTTP {code} {}", r.status_text())));
        }
        Err(ureq::Error::Transport(t)) => {
            use ureq::ErrorKind::*;
            let msg = match t.message() {
                Some(m) => format!("{}: {m}", t.kind()),
                None => t.kind().to_string(),
            };
            return Err(match t.kind() {
                Dns | ConnectionFailed | ProxyConnect => Attempt::Unreachable(msg),
                _ => Attempt::Cut { got: have, total: 0, progressed: false, why: msg },
            });
        }
    };
    let resumed = resp.status() == 206;
    let start = if resumed { have } else { 0 };
    if resumed {
        let from = resp
            .header("Content-Range")
            .and_then(|v| v.strip_prefix("bytes ")?.split('-').next()?.parse::<u64>().ok());
        if from != Some(have) {
            return Err(Attempt::Fatal(anyhow!(
                "{url}: asked to resume at byte {have}, the server answered with range {:?}",
                resp.header("Content-Range").unwrap_or("none")
            )));
        }
    }
    let length: Option<u64> = resp.header("Content-Length").and_then(|v| v.parse().ok());
    let total = length.map(|l| l + start).unwrap_or(0);

    let mut file = OpenOptions::new()
        .create(true)
        .write(true)
        .append(resumed)
        .truncate(!resumed)
        .open(partial)
        .map_err(|e| Attempt::Fatal(anyhow!("cannot write {}: {e}", partial.display())))?;
    if resumed {
        eprintln!("resuming {url} at byte {start}");
    } else {
        eprintln!("downloading {url}");
    }
    let bar = progress_bar(total, start);
    let mut body = resp.into_reader();
    let mut got = start;
    let mut buf = vec![0u8; 1 << 16];
    let outcome = loop {
        match body.read(&mut buf) {
            Ok(0) => break None,
            Ok(n) => {
                if let Err(e) = file.write_all(&buf[..n]) {
                    bar.abandon();
                    return Err(Attempt::Fatal(anyhow!("cannot write {}: {e}", partial.display())));
                }
                got += n as u64;
                bar.set_position(got);
            }
            Err(e) if matches!(e.kind(), io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock) => {
                break Some(format!("no data for {:.0} s", opts.stall.as_secs_f64()));
            }
            Err(e) => break Some(e.to_string()),
        }
    };
    bar.finish_and_clear();
    file.flush().map_err(|e| Attempt::Fatal(anyhow!("cannot write {}: {e}", partial.display())))?;
    let short = length.is_some() && got < total;
    match outcome {
        None if !short => Ok(()),
        why => Err(Attempt::Cut {
            got,
            total,
            progressed: got > start,
            why: why.unwrap_or_else(|| "the server closed the connection early".to_owned()),
        }),
    }
}

fn progress_bar(total: u64, start: u64) -> ProgressBar {
    let bar = if total > 0 { ProgressBar::new(total) } else { ProgressBar::new_spinner() };
    let style =
        ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {bytes_per_sec} eta {eta}")
            .expect("valid template");
    bar.set_style(style);
    bar.set_position(start);
    bar
}

/// The SHA-1 of a file as lowercase hex.
pub fn file_sha1(path: &Path) -> Result<String> {
    let mut file = File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let mut hasher = Sha1::new();
    io::copy(&mut file, &mut hasher).with_context(|| format!("cannot read {}", path.display()))?;
    Ok(hasher.finalize().iter().map(|b| format!("{b:02x}")).collect())
}

/// Fails early with a clear message when `dir` cannot hold downloads.
pub fn ensure_dir(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir)
        .with_context(|| format!("cannot create model directory {}", dir.display()))?;
    if !dir.is_dir() {
        bail!("{} is not a directory", dir.display());
    }
    Ok(())
}
