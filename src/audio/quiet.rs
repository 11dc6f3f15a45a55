//! Keeping the sound libraries' own messages off the screen.

/// Runs `f` with stderr pointed at /dev/null. Probing or opening ALSA devices makes
/// the plugins (jack, oss, pulse) print their failures straight to stderr, which would
/// garble the screen and our one-line errors.
pub(crate) fn without_stderr<T>(f: impl FnOnce() -> T) -> T {
    // SAFETY: plain fd calls; fd 2 is restored before returning.
    unsafe {
        let saved = libc::dup(2);
        let null = libc::open(c"/dev/null".as_ptr(), libc::O_WRONLY);
        if saved < 0 || null < 0 {
            for fd in [saved, null].into_iter().filter(|&fd| fd >= 0) {
                libc::close(fd);
            }
            return f();
        }
        libc::dup2(null, 2);
        libc::close(null);
        let out = f();
        libc::dup2(saved, 2);
        libc::close(saved);
        out
    }
}
