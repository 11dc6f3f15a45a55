//! Takes the database could not save (locked too long, disk full, its WAL gone):
//! each is kept as a file beside its recording, with its transcript and report,
//! and saved at the next start, so a finished take is never lost.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

use super::{NewAttempt, Store};

const KEPT_SUFFIX: &str = ".take.json";

#[derive(Serialize, Deserialize)]
struct KeptTake {
    #[serde(flatten)]
    attempt: NewAttempt,
    transcript: Option<serde_json::Value>,
    report: Option<serde_json::Value>,
}

/// A kept take saved at last.
#[derive(Debug, Clone, PartialEq)]
pub struct SavedKept {
    pub file: PathBuf,
    pub attempt_id: i64,
}

/// Writes `attempt` to a new file in `dir` (0600) named after its recording, and
/// returns where.
pub fn keep_unsaved(dir: &Path, attempt: &NewAttempt) -> Result<PathBuf> {
    crate::private::create_dir_all(dir)
        .with_context(|| format!("cannot create the directory {}", dir.display()))?;
    let stem = attempt
        .audio_path
        .as_deref()
        .and_then(Path::file_stem)
        .map_or_else(|| "take".to_string(), |s| s.to_string_lossy().into_owned());
    let kept = KeptTake {
        attempt: attempt.clone(),
        transcript: attempt.transcript.clone(),
        report: attempt.report.clone(),
    };
    let bytes = serde_json::to_vec(&kept).context("cannot encode the take")?;
    for n in 1..=1000 {
        let name = match n {
            1 => format!("{stem}{KEPT_SUFFIX}"),
            _ => format!("{stem}-{n}{KEPT_SUFFIX}"),
        };
        let path = dir.join(name);
        let mut file = match crate::private::create_new(&path) {
            Ok(file) => file,
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e).with_context(|| format!("cannot create {}", path.display())),
        };
        use std::io::Write;
        file.write_all(&bytes)
            .and_then(|_| file.sync_all())
            .with_context(|| format!("cannot write {} (disk full?)", path.display()))?;
        return Ok(path);
    }
    anyhow::bail!("cannot keep the take in {}: too many kept takes named {stem}", dir.display())
}

impl Store {
    /// Saves the takes kept in the recordings directory by an earlier failed save;
    /// each file is removed once its take is in the database. A file that does not
    /// parse is left where it is and reported.
    pub fn save_kept(&mut self) -> Result<Vec<SavedKept>> {
        let dir = self.recordings_dir();
        let Ok(entries) = std::fs::read_dir(&dir) else { return Ok(Vec::new()) };
        let mut files: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.to_string_lossy().ends_with(KEPT_SUFFIX))
            .collect();
        files.sort();
        let mut saved = Vec::new();
        for file in files {
            let bytes =
                std::fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?;
            let kept: KeptTake = serde_json::from_slice(&bytes)
                .with_context(|| format!("{}: not a kept take", file.display()))?;
            let attempt =
                NewAttempt { transcript: kept.transcript, report: kept.report, ..kept.attempt };
            let attempt_id = self.insert_attempt(&attempt)?;
            std::fs::remove_file(&file).with_context(|| {
                format!("saved as session {attempt_id}, but cannot remove {}", file.display())
            })?;
            saved.push(SavedKept { file, attempt_id });
        }
        Ok(saved)
    }
}
