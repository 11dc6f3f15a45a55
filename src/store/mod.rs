//! The SQLite store: stories, practice sessions and attempts, recordings on disk.
