//! Pure analysis of a transcript against a question: no I/O, deterministic, fast.
