//! Resampling mono audio to whisper's 16 kHz with a windowed-sinc filter (rubato),
//! in one go or incrementally as audio arrives.

use anyhow::{anyhow, Context, Result};
use rubato::{
    Resampler, SincFixedIn, SincInterpolationParameters, SincInterpolationType, WindowFunction,
};

/// The rate whisper listens at.
pub const TARGET_RATE: u32 = 16_000;

/// Input frames per resampler call.
const CHUNK: usize = 1024;

/// Converts a stream of mono samples at any rate to 16 kHz. The output has
/// exactly `round(input_len * 16000 / rate)` samples once [`Self::finish`] is called,
/// aligned with the input to within one sample (rubato's sinc resampler
/// compensates its own delay).
pub struct StreamResampler {
    /// `None` when the input is already at 16 kHz.
    sinc: Option<SincFixedIn<f32>>,
    pending: Vec<f32>,
    out_buf: Vec<Vec<f32>>,
    ratio: f64,
    in_total: usize,
    out_total: usize,
}

impl StreamResampler {
    pub fn new(in_rate: u32) -> Result<Self> {
        if in_rate == 0 {
            return Err(anyhow!("sample rate is 0"));
        }
        let ratio = TARGET_RATE as f64 / in_rate as f64;
        let sinc = if in_rate == TARGET_RATE {
            None
        } else {
            let sinc_len = 128;
            let window = WindowFunction::BlackmanHarris2;
            let params = SincInterpolationParameters {
                sinc_len,
                f_cutoff: rubato::calculate_cutoff(sinc_len, window),
                oversampling_factor: 256,
                interpolation: SincInterpolationType::Linear,
                window,
            };
            let r = SincFixedIn::new(ratio, 1.0, params, CHUNK, 1)
                .with_context(|| format!("cannot resample from {in_rate} Hz"))?;
            Some(r)
        };
        let out_buf = sinc.as_ref().map(|s| s.output_buffer_allocate(true)).unwrap_or_default();
        Ok(Self { sinc, pending: Vec::new(), out_buf, ratio, in_total: 0, out_total: 0 })
    }

    /// Resamples what it can of `input`, appending 16-kHz samples to `out`.
    pub fn push(&mut self, input: &[f32], out: &mut Vec<f32>) -> Result<()> {
        self.in_total += input.len();
        if self.sinc.is_none() {
            out.extend_from_slice(input);
            self.out_total += input.len();
            return Ok(());
        }
        self.pending.extend_from_slice(input);
        let mut used = 0;
        while self.pending.len() - used >= CHUNK {
            let chunk = &self.pending[used..used + CHUNK];
            let sinc = self.sinc.as_mut().expect("checked above");
            let (_, n) = sinc.process_into_buffer(&[chunk], &mut self.out_buf, None)?;
            used += CHUNK;
            self.emit(n, out);
        }
        self.pending.drain(..used);
        Ok(())
    }

    /// Flushes the filter: after this, `out` holds the whole resampled stream.
    pub fn finish(&mut self, out: &mut Vec<f32>) -> Result<()> {
        let Some(sinc) = self.sinc.as_mut() else { return Ok(()) };
        let expected = (self.in_total as f64 * self.ratio).round() as usize;
        let rest = std::mem::take(&mut self.pending);
        if !rest.is_empty() {
            let (_, n) =
                sinc.process_partial_into_buffer(Some(&[&rest[..]]), &mut self.out_buf, None)?;
            self.emit(n, out);
        }
        while self.out_total < expected {
            let sinc = self.sinc.as_mut().expect("checked above");
            let (_, n) =
                sinc.process_partial_into_buffer(None::<&[&[f32]]>, &mut self.out_buf, None)?;
            self.emit(n, out);
        }
        out.truncate(out.len() - (self.out_total - expected));
        self.out_total = expected;
        Ok(())
    }

    fn emit(&mut self, n: usize, out: &mut Vec<f32>) {
        out.extend_from_slice(&self.out_buf[0][..n]);
        self.out_total += n;
    }
}

/// Resamples a whole mono signal from `rate` to 16 kHz.
pub fn resample_to_16k(samples: &[f32], rate: u32) -> Result<Vec<f32>> {
    let mut r = StreamResampler::new(rate)?;
    let mut out = Vec::with_capacity((samples.len() as f64 * r.ratio) as usize + 1);
    r.push(samples, &mut out)?;
    r.finish(&mut out)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::f32::consts::PI;

    fn sine(freq: f32, rate: u32, seconds: f32) -> Vec<f32> {
        let n = (rate as f32 * seconds) as usize;
        (0..n).map(|i| (2.0 * PI * freq * i as f32 / rate as f32).sin() * 0.5).collect()
    }

    #[test]
    fn length_and_waveform_are_preserved() {
        for rate in [8_000, 22_050, 44_100, 48_000] {
            let input = sine(440.0, rate, 1.3);
            let out = resample_to_16k(&input, rate).unwrap();
            let expected = sine(440.0, TARGET_RATE, 1.3);
            let want_len = (input.len() as f64 * 16_000.0 / rate as f64).round() as usize;
            assert_eq!(out.len(), want_len, "length at {rate} Hz");
            // Away from the edges the tone is reproduced in phase (within one sample).
            let err = out[2000..18000]
                .iter()
                .zip(&expected[2000..18000])
                .map(|(a, b)| (a - b).abs())
                .fold(0.0, f32::max);
            assert!(err < 0.1, "{rate} Hz: max error {err}");
        }
    }

    #[test]
    fn an_impulse_stays_in_place() {
        for rate in [8_000, 22_050, 44_100, 48_000] {
            let mut input = vec![0.0; rate as usize * 2];
            input[rate as usize] = 1.0;
            let out = resample_to_16k(&input, rate).unwrap();
            let peak = out.iter().enumerate().max_by(|a, b| a.1.total_cmp(b.1)).unwrap().0;
            // Within one output sample (62 µs): rubato's delay compensation is that close.
            assert!(peak.abs_diff(16_000) <= 1, "{rate} Hz: peak at {peak}");
        }
    }

    #[test]
    fn frequencies_above_8_khz_are_filtered_out() {
        let out = resample_to_16k(&sine(12_000.0, 48_000, 1.0), 48_000).unwrap();
        let peak = out[1000..15000].iter().fold(0.0f32, |m, s| m.max(s.abs()));
        assert!(peak < 0.01, "aliasing: peak {peak}");
    }

    #[test]
    fn streaming_in_odd_pieces_equals_one_go() {
        let input = sine(300.0, 44_100, 2.0);
        let whole = resample_to_16k(&input, 44_100).unwrap();
        let mut r = StreamResampler::new(44_100).unwrap();
        let mut out = Vec::new();
        for piece in input.chunks(777) {
            r.push(piece, &mut out).unwrap();
        }
        r.finish(&mut out).unwrap();
        assert_eq!(out, whole);
    }

    #[test]
    fn sixteen_khz_passes_through_and_zero_rate_is_an_error() {
        let input = sine(300.0, 16_000, 0.5);
        assert_eq!(resample_to_16k(&input, 16_000).unwrap(), input);
        assert!(StreamResampler::new(0).is_err());
        assert!(resample_to_16k(&[], 44_100).unwrap().is_empty());
    }
}
