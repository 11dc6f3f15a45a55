//! Where whisper.cpp's and ggml's own log goes: nowhere by default, stderr with
//! `--verbose`, or a file with `--log FILE` and always while a screen is up, so
//! nothing the library prints can draw over the screen.

use std::ffi::{c_char, c_void, CStr};
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::Path;
use std::sync::Mutex;

use anyhow::{Context, Result};

static LOG_FILE: Mutex<Option<File>> = Mutex::new(None);

/// Appends every later whisper.cpp and ggml log line to `path`, for the life of the
/// process.
pub fn log_to_file(path: &Path) -> Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let file = OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .with_context(|| format!("cannot open the log file {}", path.display()))?;
    *LOG_FILE.lock().unwrap_or_else(|e| e.into_inner()) = Some(file);
    // SAFETY: the callback never unwinds, and the C libraries call it with a
    // NUL-terminated string or null.
    unsafe {
        whisper_rs_sys::whisper_log_set(Some(write_line), std::ptr::null_mut());
        whisper_rs_sys::ggml_log_set(Some(write_line), std::ptr::null_mut());
    }
    Ok(())
}

/// Whether the log already goes to a file (then nothing else may take it).
pub fn logging_to_file() -> bool {
    LOG_FILE.lock().map(|f| f.is_some()).unwrap_or(true)
}

unsafe extern "C" fn write_line(
    _level: whisper_rs_sys::ggml_log_level,
    text: *const c_char,
    _user: *mut c_void,
) {
    if text.is_null() {
        return;
    }
    // SAFETY: non-null, and whisper.cpp and ggml pass NUL-terminated text.
    let bytes = unsafe { CStr::from_ptr(text) }.to_bytes();
    if let Ok(mut guard) = LOG_FILE.lock() {
        if let Some(file) = guard.as_mut() {
            let _ = file.write_all(bytes);
        }
    }
}
