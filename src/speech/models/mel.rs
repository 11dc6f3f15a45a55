//! The mel filterbank whisper.cpp reads from the model file: what
//! `librosa.filters.mel(sr=16000, n_fft=400, n_mels=N)` returns (Slaney mel scale,
//! Slaney area normalisation), which is what Whisper was trained with.
//!
//! The arithmetic follows librosa step by step in f64, rounding to f32 where librosa
//! stores into its float32 array, so the values match it to the last bit or two.

pub const SAMPLE_RATE: f64 = 16_000.0;
pub const N_FFT: usize = 400;
/// Frequency bins of a real FFT of `N_FFT` samples.
pub const N_BINS: usize = N_FFT / 2 + 1;

const F_SP: f64 = 200.0 / 3.0;
const MIN_LOG_HZ: f64 = 1000.0;
const MIN_LOG_MEL: f64 = MIN_LOG_HZ / F_SP;

fn log_step() -> f64 {
    6.4f64.ln() / 27.0
}

/// Hz to mel on the Slaney scale: linear below 1 kHz, logarithmic above.
pub fn hz_to_mel(hz: f64) -> f64 {
    if hz >= MIN_LOG_HZ {
        MIN_LOG_MEL + (hz / MIN_LOG_HZ).ln() / log_step()
    } else {
        hz / F_SP
    }
}

pub fn mel_to_hz(mel: f64) -> f64 {
    if mel >= MIN_LOG_MEL {
        MIN_LOG_HZ * (log_step() * (mel - MIN_LOG_MEL)).exp()
    } else {
        F_SP * mel
    }
}

/// numpy's `linspace(start, stop, num)`: `i * step + start`, with the end exact.
fn linspace(start: f64, stop: f64, num: usize) -> Vec<f64> {
    let step = (stop - start) / (num - 1) as f64;
    let mut v: Vec<f64> = (0..num).map(|i| i as f64 * step + start).collect();
    v[num - 1] = stop;
    v
}

/// The filterbank as `n_mels` rows of `N_BINS` weights, row-major.
pub fn filterbank(n_mels: usize) -> Vec<f32> {
    let bin_hz = 1.0 / (N_FFT as f64 * (1.0 / SAMPLE_RATE));
    let fft_freqs: Vec<f64> = (0..N_BINS).map(|i| i as f64 * bin_hz).collect();
    let mel_points = linspace(hz_to_mel(0.0), hz_to_mel(SAMPLE_RATE / 2.0), n_mels + 2);
    let mel_f: Vec<f64> = mel_points.into_iter().map(mel_to_hz).collect();

    let mut weights = Vec::with_capacity(n_mels * N_BINS);
    for i in 0..n_mels {
        let (lo, mid, hi) = (mel_f[i], mel_f[i + 1], mel_f[i + 2]);
        let enorm = 2.0 / (hi - lo);
        for &f in &fft_freqs {
            let lower = -(lo - f) / (mid - lo);
            let upper = (hi - f) / (hi - mid);
            // Written as numpy's maximum(0, x), which keeps a -0.0 where x is -0.0.
            let m = lower.min(upper);
            let w = if m < 0.0 { 0.0 } else { m as f32 };
            weights.push((w as f64 * enorm) as f32);
        }
    }
    weights
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mel_scale_round_trips_and_has_its_knee_at_1khz() {
        for hz in [0.0, 200.0, 999.0, 1000.0, 4000.0, 8000.0] {
            assert!((mel_to_hz(hz_to_mel(hz)) - hz).abs() < 1e-9, "{hz}");
        }
        assert!((hz_to_mel(1000.0) - 15.0).abs() < 1e-12);
        assert!((hz_to_mel(8000.0) - 45.245640471924965).abs() < 1e-9);
    }

    #[test]
    fn filterbank_matches_librosa() {
        let fb = filterbank(80);
        assert_eq!(fb.len(), 80 * N_BINS);
        assert!(fb.iter().all(|w| *w >= 0.0 && w.is_finite()));
        // librosa 0.11 / numpy: (row, bin, f32 bits) of librosa.filters.mel(sr=16000,
        // n_fft=400, n_mels=80), which has 391 non-zero weights summing to 1.999024.
        let reference = [
            (0, 1, 1019980964u32),
            (1, 1, 990017651),
            (1, 2, 1018912149),
            (9, 10, 1004770441),
            (30, 29, 1015145605),
            (31, 31, 1010862247),
            (60, 91, 996247059),
            (79, 188, 984240275),
        ];
        for (row, bin, bits) in reference {
            let got = fb[row * N_BINS + bin];
            let want = f32::from_bits(bits);
            assert!((got - want).abs() <= want * 1e-6, "[{row}][{bin}] {got} vs {want}");
        }
        assert_eq!(fb.iter().filter(|w| **w > 0.0).count(), 391);
        let sum: f64 = fb.iter().map(|w| *w as f64).sum();
        assert!((sum - 1.999024092387117).abs() < 1e-6, "sum {sum}");
        // Slaney normalisation gives each triangle unit area in Hz (40 Hz bins).
        let last: f32 = fb[79 * N_BINS..].iter().sum();
        assert!((last * 40.0 - 1.0).abs() < 0.01, "area {}", last * 40.0);
    }
}
