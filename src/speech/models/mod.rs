//! Speech models: the catalog, download, import from CTranslate2, verification.
