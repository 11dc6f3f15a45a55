//! The user's own editor on a draft file: `$VISUAL`, then `$EDITOR`, then vi.

use std::path::Path;
use std::process::Command;

use anyhow::{bail, Context, Result};

/// The editor command line the user chose.
pub fn editor() -> String {
    std::env::var("VISUAL")
        .ok()
        .or_else(|| std::env::var("EDITOR").ok())
        .filter(|e| !e.trim().is_empty())
        .unwrap_or_else(|| "vi".into())
}

/// Opens `path` in the editor and waits for it to close. The file stays whatever
/// happens, so a failed editor loses nothing.
pub fn edit(path: &Path) -> Result<()> {
    let editor = editor();
    // Through the shell, so EDITOR may carry arguments ("code --wait").
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("barraiser-editor")
        .arg(path)
        .status()
        .with_context(|| format!("cannot start the editor '{editor}'"))?;
    if !status.success() {
        bail!("the editor '{editor}' failed ({status}); your text is kept in {}", path.display());
    }
    Ok(())
}
