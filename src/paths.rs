//! Where barraiser keeps things: the data directory (database, recordings, models)
//! and the config directory (user question files, extra word lists).

use std::path::PathBuf;

use directories::ProjectDirs;

fn project_dirs() -> Option<ProjectDirs> {
    ProjectDirs::from("", "", "barraiser")
}

/// The data directory: `--data-dir`, then `BARRAISER_DATA`, then the platform's
/// user data directory (`~/.local/share/barraiser` on Linux).
pub fn data_dir(cli_override: Option<&PathBuf>) -> PathBuf {
    if let Some(dir) = cli_override {
        return dir.clone();
    }
    if let Some(dir) = std::env::var_os("BARRAISER_DATA").filter(|v| !v.is_empty()) {
        return PathBuf::from(dir);
    }
    project_dirs()
        .map(|d| d.data_dir().to_path_buf())
        .unwrap_or_else(|| PathBuf::from(".barraiser"))
}

/// The config directory: `BARRAISER_CONFIG`, then `~/.config/barraiser` on Linux.
pub fn config_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("BARRAISER_CONFIG").filter(|v| !v.is_empty()) {
        return PathBuf::from(dir);
    }
    project_dirs()
        .map(|d| d.config_dir().to_path_buf())
        .unwrap_or_else(|| PathBuf::from(".barraiser-config"))
}
