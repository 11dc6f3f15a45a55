//! Input devices on the default audio host: listing them and choosing one.

use anyhow::{anyhow, Context, Result};
use cpal::traits::{DeviceTrait, HostTrait};
use cpal::{SampleFormat, SupportedStreamConfig};

use super::quiet::without_stderr;

/// An input device as `barraiser devices` shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct InputInfo {
    pub name: String,
    pub is_default: bool,
    /// The device's default configuration, or why it could not be read.
    pub config: Result<ConfigInfo, String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ConfigInfo {
    pub sample_rate: u32,
    pub channels: u16,
    /// The sample format barraiser would record in (see [`best_config`]).
    pub format: String,
}

/// The sample formats we can take, best first: float needs no scaling, and 16-bit
/// integers are what most hardware delivers natively.
const PREFERRED: [SampleFormat; 3] = [SampleFormat::F32, SampleFormat::I16, SampleFormat::I32];

/// Lists the input devices of the default host.
pub fn list_inputs() -> Result<Vec<InputInfo>> {
    let host = cpal::default_host();
    let default_name = host.default_input_device().and_then(|d| d.name().ok());
    let devices = without_stderr(|| host.input_devices().map(|d| d.collect::<Vec<_>>()))
        .context("cannot list the audio input devices")?;
    Ok(devices
        .into_iter()
        .filter_map(|d| {
            let name = d.name().ok()?;
            let config = best_config(&d)
                .map(|c| ConfigInfo {
                    sample_rate: c.sample_rate().0,
                    channels: c.channels(),
                    format: c.sample_format().to_string(),
                })
                .map_err(|e| format!("{e:#}"));
            Some(InputInfo { is_default: Some(&name) == default_name.as_ref(), name, config })
        })
        .collect())
}

/// Finds the input device named `name` (exact match first, then a case-insensitive
/// substring), or the host's default input device when `name` is `None`.
pub fn find_input(name: Option<&str>) -> Result<cpal::Device> {
    let host = cpal::default_host();
    let Some(wanted) = name else {
        return host.default_input_device().ok_or_else(|| {
            anyhow!(
                "no audio input device: connect a microphone (or check that the sound server \
                 is running), then try again; `barraiser devices` lists what is available"
            )
        });
    };
    let devices: Vec<cpal::Device> = without_stderr(|| host.input_devices().map(|d| d.collect()))
        .context("cannot list the audio input devices")?;
    let names: Vec<String> = devices.iter().map(|d| d.name().unwrap_or_default()).collect();
    let lower = wanted.to_lowercase();
    let index = names
        .iter()
        .position(|n| n == wanted)
        .or_else(|| names.iter().position(|n| n.to_lowercase().contains(&lower)));
    match index {
        Some(i) => Ok(devices.into_iter().nth(i).expect("index is in range")),
        None => Err(anyhow!(
            "no input device named '{wanted}' (available: {})",
            if names.is_empty() { "none".to_string() } else { names.join(", ") }
        )),
    }
}

/// The device's default rate and channel count, in the best sample format it offers
/// at that rate.
pub fn best_config(device: &cpal::Device) -> Result<SupportedStreamConfig> {
    let default = device.default_input_config().context("cannot read its default configuration")?;
    let rate = default.sample_rate();
    if default.sample_format() == PREFERRED[0] {
        return Ok(default);
    }
    let ranges: Vec<_> =
        device.supported_input_configs().map(|it| it.collect()).unwrap_or_default();
    for format in PREFERRED {
        let fits = ranges.iter().any(|r| {
            r.sample_format() == format
                && r.channels() == default.channels()
                && r.min_sample_rate() <= rate
                && rate <= r.max_sample_rate()
        });
        if fits || default.sample_format() == format {
            return Ok(SupportedStreamConfig::new(
                default.channels(),
                rate,
                *default.buffer_size(),
                format,
            ));
        }
    }
    Err(anyhow!(
        "the input device offers {} samples only (barraiser takes f32, i16 or i32)",
        default.sample_format()
    ))
}
