//! The question bank (shipped TOML plus user files) and the story bank model.
