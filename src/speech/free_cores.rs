//! How many cores other programs leave free, for choosing whisper's threads.
//!
//! whisper.cpp's worker threads wait for each other at the end of every operation
//! by spinning (ggml's barrier never sleeps), so when one of them shares a core with
//! another program, the others spin until the scheduler gives that core back: on 2
//! cores busy with other work, 2 threads took ten times as long as 1. So whisper gets
//! no more threads than there are cores nobody else is using, measured from
//! `/proc/stat` over a window minus this process's own CPU time.

use std::time::{Duration, Instant};

/// A core counts as free when other programs use less than this share of it.
const BUSY_SHARE: f64 = 0.3;
/// Readings over a shorter window are too coarse (the kernel counts in 10-ms ticks).
const MIN_WINDOW: Duration = Duration::from_millis(100);

/// CPU time counters at one moment.
#[derive(Debug, Clone, Copy)]
struct Sample {
    at: Instant,
    /// Busy and total time of all CPUs, in seconds of CPU time.
    busy_s: f64,
    total_s: f64,
    /// CPU time this process has used.
    own_s: f64,
}

/// Follows the cores free for whisper from one reading to the next.
#[derive(Debug)]
pub struct CoreMeter {
    /// Cores this process may use.
    usable: usize,
    /// CPUs the machine counts in `/proc/stat`.
    cpus: usize,
    last: Option<Sample>,
    free: usize,
}

impl CoreMeter {
    /// Starts measuring now; until a window has passed, all usable cores count as free.
    pub fn start() -> Self {
        let usable = std::thread::available_parallelism().map_or(1, |n| n.get());
        let (cpus, last) = match read_stat() {
            Some((cpus, busy_s, total_s)) => (cpus, sample(busy_s, total_s)),
            None => (usable, None),
        };
        Self { usable, cpus, last, free: usable }
    }

    /// Whole cores free over the window since the last reading (at least 1). A window
    /// shorter than [`MIN_WINDOW`] keeps the previous answer; without `/proc/stat`
    /// every usable core counts as free.
    pub fn free(&mut self) -> usize {
        let Some(prev) = self.last else { return self.free };
        if prev.at.elapsed() < MIN_WINDOW {
            return self.free;
        }
        let Some((_, busy_s, total_s)) = read_stat() else { return self.free };
        let Some(now) = sample(busy_s, total_s) else { return self.free };
        self.free = whole_free(self.usable, self.cpus, others_busy(&prev, &now, self.cpus));
        self.last = Some(now);
        self.free
    }

    /// Waits until the window since the start is long enough to read, then reads it.
    pub fn free_after_window(&mut self) -> usize {
        if let Some(prev) = self.last {
            std::thread::sleep(MIN_WINDOW.saturating_sub(prev.at.elapsed()));
        }
        self.free()
    }
}

fn sample(busy_s: f64, total_s: f64) -> Option<Sample> {
    Some(Sample { at: Instant::now(), busy_s, total_s, own_s: own_cpu_s()? })
}

/// Cores' worth of CPU that other processes used between two samples.
fn others_busy(prev: &Sample, now: &Sample, cpus: usize) -> f64 {
    let total = now.total_s - prev.total_s;
    if total <= 0.0 {
        return 0.0;
    }
    let others = (now.busy_s - prev.busy_s) - (now.own_s - prev.own_s);
    (others / total * cpus as f64).max(0.0)
}

/// The cores left when others use `others` cores' worth, rounded down unless the
/// remainder is nearly a whole core; between 1 and `usable`.
fn whole_free(usable: usize, cpus: usize, others: f64) -> usize {
    let left = (cpus as f64 - others + BUSY_SHARE).floor().max(1.0) as usize;
    left.min(usable).max(1)
}

/// CPUs counted and their busy and total time (seconds) from the first line of
/// `/proc/stat`, or `None` where there is no such file.
fn read_stat() -> Option<(usize, f64, f64)> {
    let text = std::fs::read_to_string("/proc/stat").ok()?;
    parse_stat(&text, clock_ticks()?)
}

fn parse_stat(text: &str, ticks_per_s: f64) -> Option<(usize, f64, f64)> {
    let mut lines = text.lines();
    let fields: Vec<f64> = lines
        .next()?
        .strip_prefix("cpu ")?
        .split_whitespace()
        .map(|f| f.parse::<f64>().ok())
        .collect::<Option<_>>()?;
    // user nice system idle iowait irq softirq steal; guest time is already in user.
    if fields.len() < 8 {
        return None;
    }
    let idle = fields[3] + fields[4];
    let total: f64 = fields[..8].iter().sum();
    let cpus = lines.filter(|l| l.starts_with("cpu")).count().max(1);
    Some((cpus, (total - idle) / ticks_per_s, total / ticks_per_s))
}

fn clock_ticks() -> Option<f64> {
    // SAFETY: sysconf only reads a configuration value.
    let ticks = unsafe { libc::sysconf(libc::_SC_CLK_TCK) };
    (ticks > 0).then_some(ticks as f64)
}

/// CPU time (user and system) used so far by all threads of this process.
fn own_cpu_s() -> Option<f64> {
    // SAFETY: getrusage fills the zeroed struct it is given and reads nothing else.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    if unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) } != 0 {
        return None;
    }
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    Some(secs(usage.ru_utime) + secs(usage.ru_stime))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(busy_s: f64, total_s: f64, own_s: f64) -> Sample {
        Sample { at: Instant::now(), busy_s, total_s, own_s }
    }

    #[test]
    fn another_programs_busy_core_is_not_free() {
        // 2 CPUs over 1 s: 2 s of CPU time, 1 s of it busy, none of it ours.
        let others = others_busy(&at(0.0, 0.0, 0.0), &at(1.0, 2.0, 0.0), 2);
        assert!((others - 1.0).abs() < 1e-9);
        assert_eq!(whole_free(2, 2, others), 1);
    }

    #[test]
    fn this_process_own_work_leaves_cores_free() {
        let others = others_busy(&at(5.0, 10.0, 3.0), &at(7.0, 12.0, 4.9), 2);
        assert!(others < 0.2, "{others}");
        assert_eq!(whole_free(2, 2, others), 2);
    }

    #[test]
    fn a_little_background_work_still_leaves_the_core_free() {
        assert_eq!(whole_free(2, 2, 0.25), 2);
        assert_eq!(whole_free(2, 2, 0.5), 1);
        assert_eq!(whole_free(8, 8, 2.9), 5);
        assert_eq!(whole_free(8, 8, 3.0), 5);
    }

    #[test]
    fn there_is_always_one_core_and_never_more_than_usable() {
        assert_eq!(whole_free(2, 2, 2.0), 1);
        assert_eq!(whole_free(2, 2, 7.5), 1);
        assert_eq!(whole_free(4, 16, 0.0), 4, "an affinity mask or quota of 4");
        assert_eq!(others_busy(&at(1.0, 1.0, 0.0), &at(1.0, 1.0, 0.0), 2), 0.0);
    }

    #[test]
    fn proc_stat_is_read() {
        let text = "cpu  100 0 50 800 50 0 0 0 0 0\ncpu0 50 0 25 400 25 0 0 0 0 0\n\
                    cpu1 50 0 25 400 25 0 0 0 0 0\nintr 1 2 3\n";
        let (cpus, busy, total) = parse_stat(text, 100.0).unwrap();
        assert_eq!(cpus, 2);
        assert!((busy - 1.5).abs() < 1e-9 && (total - 10.0).abs() < 1e-9);
        assert_eq!(parse_stat("intr 1\n", 100.0), None);
        assert_eq!(parse_stat("cpu  1 2 x 4 5 6 7 8\n", 100.0), None);
    }

    #[test]
    fn this_machine_can_be_measured() {
        let mut meter = CoreMeter::start();
        let free = meter.free_after_window();
        let usable = std::thread::available_parallelism().unwrap().get();
        assert!((1..=usable).contains(&free), "{free} of {usable}");
        assert!(read_stat().is_some(), "/proc/stat unreadable");
    }

    #[test]
    fn programs_keeping_every_core_busy_leave_one_for_whisper() {
        use std::process::{Command, Stdio};
        let usable = std::thread::available_parallelism().unwrap().get();
        let mut meter = CoreMeter::start();
        let mut spinners: Vec<_> = (0..usable)
            .map(|_| Command::new("yes").stdout(Stdio::null()).spawn().expect("yes runs"))
            .collect();
        std::thread::sleep(Duration::from_millis(300));
        let free = meter.free();
        for s in &mut spinners {
            let _ = s.kill();
            let _ = s.wait();
        }
        assert_eq!(free, 1, "{usable} cores busy with other processes");
    }
}
