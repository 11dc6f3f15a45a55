//! Speech models: the catalog, download, import from CTranslate2, 8-bit copies,
//! verification.

pub mod catalog;
pub mod ct2;
pub mod fetch;
pub mod ggml;
pub mod import;
pub mod install;
pub mod layout;
pub mod mel;
pub mod quantize;
pub mod registry;
pub mod resolve;
pub mod verify;
pub mod vocab;
pub mod weights;

pub use resolve::resolve_model;
pub use verify::{verify, ModelInfo};
