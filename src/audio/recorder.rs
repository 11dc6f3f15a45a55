//! A WAV file written as the audio arrives, safe against crashes.
//!
//! Samples go to disk as 16-bit PCM. At least twice a second the buffered samples
//! are written out, the RIFF and data sizes in the header are patched to cover them
//! and the file is synced, so a crash or `kill -9` leaves a valid WAV missing at
//! most the last half second. Beside it, in the recordings directory, a small marker
//! (`NAME.recording.json`, locked while the recording runs) says a recording is in
//! progress; a marker that is not locked belongs to an interrupted recording, which
//! [`recover`] repairs on the next start.

use std::fs::{self, File};
use std::io::{BufWriter, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use serde::{Deserialize, Serialize};

use crate::private;

const HEADER_LEN: u64 = 44;
const MARKER_SUFFIX: &str = ".recording.json";
const RECOVERED_SUFFIX: &str = ".recovered.json";
/// Takes that may share a name (same second, same question) before giving up.
const MAX_SAME_NAME: u32 = 1000;

/// What a recording is for, kept beside it so an interrupted one can be analysed
/// against the right question.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RecordingMeta {
    /// The WAV file (absolute).
    pub path: PathBuf,
    pub question_id: Option<String>,
    /// RFC 3339 start time.
    pub started_at: String,
}

pub struct Recorder {
    out: BufWriter<File>,
    path: PathBuf,
    rate: u32,
    samples: u64,
    unsynced: u64,
    marker: Option<(PathBuf, File)>,
}

/// A finished (or recovered) recording.
#[derive(Debug, Clone, PartialEq)]
pub struct Recording {
    pub path: PathBuf,
    pub samples: u64,
    pub rate: u32,
}

impl Recording {
    pub fn duration_s(&self) -> f64 {
        self.samples as f64 / self.rate as f64
    }
}

impl Recorder {
    /// Creates (or truncates) `meta.path`, 16-bit mono at `rate`, and, when
    /// `journal_dir` is given, the in-progress marker there. For a file the user
    /// named (`barraiser record --out`).
    pub fn create(meta: &RecordingMeta, rate: u32, journal_dir: Option<&Path>) -> Result<Recorder> {
        if let Some(parent) = meta.path.parent().filter(|p| !p.as_os_str().is_empty()) {
            fs::create_dir_all(parent)
                .with_context(|| format!("cannot create the directory {}", parent.display()))?;
        }
        let created = Recorder::open(meta, rate, journal_dir, false)?;
        Ok(created.expect("a file that may be truncated is always created"))
    }

    /// Creates a new recording `STEM.wav` in `dir` (`STEM-2.wav` and so on when that
    /// exists), journaled in `dir`: never an existing file, so two takes started in
    /// the same second, even by two processes, each get their own file and marker.
    pub fn create_new_in(
        dir: &Path,
        stem: &str,
        meta: &RecordingMeta,
        rate: u32,
    ) -> Result<Recorder> {
        private::create_dir_all(dir)
            .with_context(|| format!("cannot create the directory {}", dir.display()))?;
        for n in 1..=MAX_SAME_NAME {
            let name = if n == 1 { format!("{stem}.wav") } else { format!("{stem}-{n}.wav") };
            let meta = RecordingMeta { path: dir.join(name), ..meta.clone() };
            if let Some(recorder) = Recorder::open(&meta, rate, Some(dir), true)? {
                return Ok(recorder);
            }
        }
        bail!("cannot create a new recording in {}: {MAX_SAME_NAME} named {stem}", dir.display())
    }

    /// Writes the marker, then the file; `None` when `exclusive` and the file exists.
    fn open(
        meta: &RecordingMeta,
        rate: u32,
        journal_dir: Option<&Path>,
        exclusive: bool,
    ) -> Result<Option<Recorder>> {
        let path = meta.path.clone();
        let marker = match journal_dir {
            Some(dir) => Some(create_marker(dir, &path)?),
            None => None,
        };
        let file = match if exclusive { private::create_new(&path) } else { private::create(&path) }
        {
            Ok(file) => file,
            Err(e) if exclusive && e.kind() == std::io::ErrorKind::AlreadyExists => {
                if let Some((marker, _)) = marker {
                    let _ = fs::remove_file(marker);
                }
                return Ok(None);
            }
            Err(e) => {
                if let Some((marker, _)) = &marker {
                    let _ = fs::remove_file(marker);
                }
                return Err(e)
                    .with_context(|| format!("cannot create the recording {}", path.display()));
            }
        };
        if let Some((marker_path, marker_file)) = &marker {
            let record = Marker { meta: meta.clone(), file: file_id(&path) };
            let mut writer = marker_file;
            serde_json::to_writer(&mut writer, &record)
                .map_err(std::io::Error::from)
                .and_then(|_| marker_file.sync_all())
                .with_context(|| {
                    format!("cannot write the recording marker {}", marker_path.display())
                })?;
        }
        let mut out = BufWriter::with_capacity(64 * 1024, file);
        out.write_all(&header(rate, 0))
            .and_then(|_| out.flush())
            .with_context(|| format!("cannot write the recording {}", path.display()))?;
        Ok(Some(Recorder { out, path, rate, samples: 0, unsynced: 0, marker }))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn duration_s(&self) -> f64 {
        self.samples as f64 / self.rate as f64
    }

    /// Appends samples in [-1, 1]; makes the file valid on disk every half second of audio.
    pub fn write(&mut self, samples: &[f32]) -> Result<()> {
        for &s in samples {
            let v = (s.clamp(-1.0, 1.0) * i16::MAX as f32).round() as i16;
            self.out.write_all(&v.to_le_bytes()).with_context(|| {
                format!("cannot write the recording {} (disk full?)", self.path.display())
            })?;
        }
        self.samples += samples.len() as u64;
        self.unsynced += samples.len() as u64;
        if self.unsynced >= self.rate as u64 / 2 {
            self.sync()?;
        }
        Ok(())
    }

    /// Writes out what is buffered and patches the header to cover it.
    pub fn sync(&mut self) -> Result<()> {
        let what = || format!("cannot write the recording {} (disk full?)", self.path.display());
        self.out.flush().with_context(what)?;
        let data_bytes = self.samples * 2;
        let file = self.out.get_mut();
        patch_sizes(file, data_bytes).with_context(what)?;
        file.seek(SeekFrom::End(0)).with_context(what)?;
        file.sync_data().with_context(what)?;
        self.unsynced = 0;
        Ok(())
    }

    /// Completes the file and removes the in-progress marker.
    pub fn finish(mut self) -> Result<Recording> {
        self.sync()?;
        if let Some((marker, _lock)) = self.marker.take() {
            let _ = fs::remove_file(marker);
        }
        Ok(Recording { path: self.path.clone(), samples: self.samples, rate: self.rate })
    }
}

fn header(rate: u32, data_bytes: u32) -> [u8; HEADER_LEN as usize] {
    let mut h = [0u8; HEADER_LEN as usize];
    h[0..4].copy_from_slice(b"RIFF");
    h[4..8].copy_from_slice(&(36 + data_bytes).to_le_bytes());
    h[8..16].copy_from_slice(b"WAVEfmt ");
    h[16..20].copy_from_slice(&16u32.to_le_bytes());
    h[20..22].copy_from_slice(&1u16.to_le_bytes()); // PCM
    h[22..24].copy_from_slice(&1u16.to_le_bytes()); // mono
    h[24..28].copy_from_slice(&rate.to_le_bytes());
    h[28..32].copy_from_slice(&(rate * 2).to_le_bytes());
    h[32..34].copy_from_slice(&2u16.to_le_bytes());
    h[34..36].copy_from_slice(&16u16.to_le_bytes());
    h[36..40].copy_from_slice(b"data");
    h[40..44].copy_from_slice(&data_bytes.to_le_bytes());
    h
}

fn patch_sizes(file: &mut File, data_bytes: u64) -> std::io::Result<()> {
    let data = u32::try_from(data_bytes).unwrap_or(u32::MAX - 36);
    file.seek(SeekFrom::Start(4))?;
    file.write_all(&(36 + data).to_le_bytes())?;
    file.seek(SeekFrom::Start(40))?;
    file.write_all(&data.to_le_bytes())
}

/// What a marker holds: the recording's purpose, and which file it is, so that a
/// file replaced since (a user's own file under the same name) is never touched.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Marker {
    #[serde(flatten)]
    meta: RecordingMeta,
    #[serde(default)]
    file: Option<FileId>,
}

/// A file's identity on its file system (device and inode).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct FileId {
    dev: u64,
    ino: u64,
}

#[cfg(unix)]
fn file_id(path: &Path) -> Option<FileId> {
    use std::os::unix::fs::MetadataExt;
    fs::metadata(path).ok().map(|m| FileId { dev: m.dev(), ino: m.ino() })
}

#[cfg(not(unix))]
fn file_id(path: &Path) -> Option<FileId> {
    path.exists().then_some(FileId { dev: 0, ino: 0 })
}

/// Creates a marker of its own for `wav` (`NAME.recording.json`, or `NAME-2...`
/// when another take uses that name) and keeps it locked while the recording runs,
/// so a second barraiser started meanwhile does not take a live recording for an
/// interrupted one.
fn create_marker(dir: &Path, wav: &Path) -> Result<(PathBuf, File)> {
    private::create_dir_all(dir)
        .with_context(|| format!("cannot create the directory {}", dir.display()))?;
    let name = wav.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    for n in 1..=MAX_SAME_NAME {
        let path = match n {
            1 => dir.join(format!("{name}{MARKER_SUFFIX}")),
            _ => dir.join(format!("{name}-{n}{MARKER_SUFFIX}")),
        };
        let file = match private::create_new(&path) {
            Ok(file) => file,
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => {
                return Err(e).with_context(|| {
                    format!("cannot create the recording marker {}", path.display())
                })
            }
        };
        file.lock().with_context(|| format!("cannot lock {}", path.display()))?;
        return Ok((path, file));
    }
    bail!("cannot create a recording marker in {}: {MAX_SAME_NAME} for {name}", dir.display())
}

/// A recording that was cut short by a crash and has been repaired.
#[derive(Debug, Clone, PartialEq)]
pub struct Recovered {
    pub meta: RecordingMeta,
    pub recording: Recording,
    /// The note that keeps it on offer until it is analysed or discarded.
    pub note: PathBuf,
}

/// What recovery found: recordings awaiting analysis, and one line for each file
/// it left alone.
#[derive(Debug, Default)]
pub struct Recovery {
    pub pending: Vec<Recovered>,
    pub left_alone: Vec<String>,
}

/// Repairs every interrupted recording journaled in `dir` and returns the
/// recordings awaiting analysis (repaired now or on an earlier start).
///
/// Only a file barraiser created is touched: one that was replaced since its
/// marker was written, or no longer holds barraiser's header, is left as it is
/// (and named in `left_alone`); one in `dir` that holds no audio is removed.
pub fn recover(dir: &Path) -> Result<Recovery> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Ok(Recovery::default());
    };
    let mut names: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    names.sort();
    let mut left_alone = Vec::new();
    for marker in names.iter().filter(|p| has_suffix(p, MARKER_SUFFIX)) {
        let Ok(file) = File::open(marker) else { continue };
        if file.try_lock().is_err() {
            continue; // another barraiser is recording into it right now
        }
        let Ok(Ok(Marker { meta, file: id })) =
            fs::read(marker).map(|b| serde_json::from_slice::<Marker>(&b))
        else {
            // A marker cut short before its first write names nothing to recover.
            let _ = fs::remove_file(marker);
            continue;
        };
        let wav = &meta.path;
        let current = file_id(wav);
        let replaced = current.is_some() && id.is_some() && current != id;
        let repaired = if replaced {
            Err(anyhow::anyhow!(
                "it is no longer the file barraiser was recording (replaced since)"
            ))
        } else if current.is_none() {
            Err(anyhow::anyhow!("it no longer exists"))
        } else {
            repair_wav(wav)
        };
        match repaired {
            Ok(rec) if rec.samples > 0 => {
                let note = with_suffix(marker, MARKER_SUFFIX, RECOVERED_SUFFIX);
                fs::rename(marker, &note)
                    .with_context(|| format!("cannot update {}", marker.display()))?;
                continue;
            }
            Ok(_) if in_dir(wav, dir) => {
                let _ = fs::remove_file(wav); // our own empty recording
            }
            Ok(_) => {}
            Err(_) if current.is_none() => {}
            Err(why) => left_alone.push(format!("left {} alone: {why:#}", wav.display())),
        }
        let _ = fs::remove_file(marker);
    }
    Ok(Recovery { pending: pending_recovered(dir)?, left_alone })
}

/// Whether `path` is directly inside `dir` (both resolved, so `./data` and
/// `/home/me/data` agree).
fn in_dir(path: &Path, dir: &Path) -> bool {
    let parent = path.parent().and_then(|p| fs::canonicalize(p).ok());
    parent.is_some() && parent == fs::canonicalize(dir).ok()
}

/// The recovered recordings not yet analysed or discarded.
pub fn pending_recovered(dir: &Path) -> Result<Vec<Recovered>> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Ok(Vec::new());
    };
    let mut notes: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| has_suffix(p, RECOVERED_SUFFIX))
        .collect();
    notes.sort();
    let mut out = Vec::new();
    for note in notes {
        let bytes = fs::read(&note).with_context(|| format!("cannot read {}", note.display()))?;
        let Marker { meta, .. } = serde_json::from_slice(&bytes)
            .with_context(|| format!("{}: not a recording note", note.display()))?;
        match wav_length(&meta.path) {
            Ok(recording) if recording.samples > 0 => out.push(Recovered { meta, recording, note }),
            _ => {
                let _ = fs::remove_file(&note); // the recording itself was removed by hand
            }
        }
    }
    Ok(out)
}

impl Recovered {
    /// Takes it off the list; the WAV stays unless `delete_audio`.
    pub fn settle(&self, delete_audio: bool) -> Result<()> {
        if delete_audio {
            fs::remove_file(&self.meta.path)
                .with_context(|| format!("cannot remove {}", self.meta.path.display()))?;
        }
        fs::remove_file(&self.note)
            .with_context(|| format!("cannot remove {}", self.note.display()))
    }
}

/// Rewrites the header sizes of one of our WAV files to cover every whole sample on disk.
pub fn repair_wav(path: &Path) -> Result<Recording> {
    let mut file = File::options()
        .read(true)
        .write(true)
        .open(path)
        .with_context(|| format!("cannot open the interrupted recording {}", path.display()))?;
    let rate = read_rate(&mut file, path)?;
    let len = file.metadata().with_context(|| format!("cannot read {}", path.display()))?.len();
    let data_bytes = len.saturating_sub(HEADER_LEN) / 2 * 2;
    file.set_len(HEADER_LEN + data_bytes)
        .and_then(|_| patch_sizes(&mut file, data_bytes))
        .and_then(|_| file.sync_all())
        .with_context(|| format!("cannot repair the interrupted recording {}", path.display()))?;
    Ok(Recording { path: path.to_path_buf(), samples: data_bytes / 2, rate })
}

fn wav_length(path: &Path) -> Result<Recording> {
    let reader = hound::WavReader::open(path)
        .with_context(|| format!("{}: not a readable WAV file", path.display()))?;
    let spec = reader.spec();
    Ok(Recording {
        path: path.to_path_buf(),
        samples: reader.duration() as u64,
        rate: spec.sample_rate,
    })
}

/// The sample rate of a file that still has exactly the header barraiser writes
/// (PCM, mono, 16-bit, data at byte 44); anything else is not ours to repair.
fn read_rate(file: &mut File, path: &Path) -> Result<u32> {
    use std::io::Read;
    let mut h = [0u8; HEADER_LEN as usize];
    file.read_exact(&mut h)
        .with_context(|| format!("{}: too short to be a recording", path.display()))?;
    let rate = u32::from_le_bytes([h[24], h[25], h[26], h[27]]);
    let ours = &h[0..4] == b"RIFF"
        && &h[8..16] == b"WAVEfmt "
        && h[16..24] == [16, 0, 0, 0, 1, 0, 1, 0]
        && h[32..36] == [2, 0, 16, 0]
        && &h[36..40] == b"data"
        && (super::limits::MIN_RATE..=super::limits::MAX_RATE).contains(&rate);
    if !ours {
        bail!("{}: not a barraiser recording (unexpected WAV header)", path.display());
    }
    Ok(rate)
}

fn has_suffix(path: &Path, suffix: &str) -> bool {
    path.file_name().is_some_and(|n| n.to_string_lossy().ends_with(suffix))
}

fn with_suffix(path: &Path, old: &str, new: &str) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    path.with_file_name(format!("{}{new}", name.trim_end_matches(old)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(dir: &Path, name: &str) -> RecordingMeta {
        RecordingMeta {
            path: dir.join(name),
            question_id: Some("beh-ownership-1".into()),
            started_at: "2026-01-01T00:00:00Z".into(),
        }
    }

    fn pending(dir: &Path) -> Vec<Recovered> {
        recover(dir).unwrap().pending
    }

    /// A recording cut short: written, never finished, its marker's lock released.
    fn crashed(m: &RecordingMeta, journal: &Path, samples: usize) {
        let mut rec = Recorder::create(m, 16_000, Some(journal)).unwrap();
        rec.write(&vec![0.1; samples]).unwrap();
        drop(rec);
    }

    #[test]
    fn finished_recording_is_a_valid_wav() {
        let dir = tempfile::tempdir().unwrap();
        let m = meta(dir.path(), "a.wav");
        let mut rec = Recorder::create(&m, 16_000, Some(dir.path())).unwrap();
        rec.write(&vec![0.25; 20_000]).unwrap();
        let done = rec.finish().unwrap();
        assert_eq!(done.samples, 20_000);
        let reader = hound::WavReader::open(&m.path).unwrap();
        assert_eq!(reader.duration(), 20_000);
        assert_eq!(reader.spec().sample_rate, 16_000);
        assert!(pending(dir.path()).is_empty());
    }

    #[test]
    fn header_is_valid_while_recording() {
        let dir = tempfile::tempdir().unwrap();
        let m = meta(dir.path(), "b.wav");
        let mut rec = Recorder::create(&m, 16_000, None).unwrap();
        rec.write(&vec![0.1; 16_000]).unwrap();
        // Without finishing, the file on disk already reads as (at least) the synced part.
        let reader = hound::WavReader::open(&m.path).unwrap();
        assert_eq!(reader.duration(), 16_000);
        drop(rec);
    }

    #[test]
    fn interrupted_recording_is_repaired_once_and_kept_on_offer() {
        let dir = tempfile::tempdir().unwrap();
        let m = meta(dir.path(), "c.wav");
        crashed(&m, dir.path(), 16_000);
        // The header lags behind the data, and half a sample trails, as after kill -9.
        let mut bytes = fs::read(&m.path).unwrap();
        bytes[40..44].copy_from_slice(&3_200u32.to_le_bytes());
        bytes.push(0);
        fs::write(&m.path, bytes).unwrap();

        let found = pending(dir.path());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].recording.samples, 16_000);
        assert_eq!(found[0].meta.question_id.as_deref(), Some("beh-ownership-1"));
        assert!(!dir.path().join("c.wav.recording.json").exists());
        assert_eq!(hound::WavReader::open(&m.path).unwrap().duration(), 16_000);

        // Still on offer at the next start, until settled.
        assert_eq!(pending(dir.path()).len(), 1);
        found[0].settle(false).unwrap();
        assert!(pending(dir.path()).is_empty());
        assert!(m.path.exists());
    }

    #[test]
    fn live_recording_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let m = meta(dir.path(), "d.wav");
        let mut rec = Recorder::create(&m, 16_000, Some(dir.path())).unwrap();
        rec.write(&vec![0.1; 4_000]).unwrap();
        assert!(pending(dir.path()).is_empty());
        rec.finish().unwrap();
    }

    #[test]
    fn a_replaced_file_outside_the_data_directory_is_left_alone() {
        let journal = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        let m = meta(elsewhere.path(), "answer.wav");
        crashed(&m, journal.path(), 8_000);
        // The user puts another file (say, a FLAC) in its place.
        let replacement = elsewhere.path().join("new.flac");
        fs::write(&replacement, b"fLaC not a recording of ours").unwrap();
        fs::rename(&replacement, &m.path).unwrap();

        let found = recover(journal.path()).unwrap();
        assert!(found.pending.is_empty());
        assert_eq!(found.left_alone.len(), 1, "{:?}", found.left_alone);
        assert!(found.left_alone[0].contains("answer.wav alone"), "{:?}", found.left_alone);
        assert_eq!(fs::read(&m.path).unwrap(), b"fLaC not a recording of ours");
        assert_eq!(fs::read_dir(journal.path()).unwrap().count(), 0, "the marker is settled");
    }

    #[test]
    fn a_file_overwritten_in_place_is_left_alone_too() {
        let journal = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        let m = meta(elsewhere.path(), "answer.wav");
        crashed(&m, journal.path(), 8_000);
        fs::write(&m.path, b"fLaC the same inode, other bytes").unwrap();
        let found = recover(journal.path()).unwrap();
        assert!(found.pending.is_empty());
        assert_eq!(found.left_alone.len(), 1);
        assert_eq!(fs::read(&m.path).unwrap(), b"fLaC the same inode, other bytes");
    }

    #[test]
    fn takes_named_alike_get_their_own_files_and_markers() {
        let dir = tempfile::tempdir().unwrap();
        let m = RecordingMeta { path: PathBuf::new(), ..meta(dir.path(), "") };
        let a = Recorder::create_new_in(dir.path(), "take", &m, 16_000).unwrap();
        let b = Recorder::create_new_in(dir.path(), "take", &m, 16_000).unwrap();
        assert_eq!(a.path(), dir.path().join("take.wav"));
        assert_eq!(b.path(), dir.path().join("take-2.wav"));
        let markers = fs::read_dir(dir.path())
            .unwrap()
            .filter(|e| has_suffix(&e.as_ref().unwrap().path(), MARKER_SUFFIX))
            .count();
        assert_eq!(markers, 2);
        a.finish().unwrap();
        b.finish().unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn recordings_and_markers_are_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let journal = dir.path().join("recordings");
        let m = RecordingMeta { path: PathBuf::new(), ..meta(dir.path(), "") };
        let rec = Recorder::create_new_in(&journal, "take", &m, 16_000).unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&journal), 0o700);
        assert_eq!(mode(rec.path()), 0o600);
        assert_eq!(mode(&journal.join("take.wav.recording.json")), 0o600);
        rec.finish().unwrap();
    }

    #[test]
    fn not_a_recording_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("text.wav");
        fs::write(&path, b"hello, this is not audio at all, not even close to it....").unwrap();
        let err = repair_wav(&path).unwrap_err();
        assert!(format!("{err:#}").contains("text.wav"));
    }
}
