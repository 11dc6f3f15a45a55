//! Stories in the store: add, read, update, remove, import.

use std::collections::HashMap;

use anyhow::{bail, Result};
use rusqlite::{params, OptionalExtension, Row, Transaction};

use super::columns::{from_json, now_text, to_json};
use super::Store;
use crate::bank::Story;

const COLUMNS: &str = "id, title, principles, situation, metrics, notes";

/// What `import_stories` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportCount {
    pub added: usize,
    pub updated: usize,
}

impl Store {
    /// Saves a new story and returns its id.
    pub fn add_story(&mut self, story: &Story) -> Result<i64> {
        self.write(|tx| insert(tx, story))
    }

    pub fn story(&self, id: i64) -> Result<Option<Story>> {
        self.read(|c| {
            c.query_row(&format!("SELECT {COLUMNS} FROM stories WHERE id = ?1"), [id], from_row)
                .optional()
        })
    }

    /// All stories, oldest first.
    pub fn stories(&self) -> Result<Vec<Story>> {
        self.read(|c| {
            let mut stmt = c.prepare(&format!("SELECT {COLUMNS} FROM stories ORDER BY id"))?;
            let rows = stmt.query_map([], from_row)?;
            rows.collect()
        })
    }

    /// Replaces story `id`'s content; an unknown id is an error.
    pub fn update_story(&mut self, id: i64, story: &Story) -> Result<()> {
        if self.write(|tx| update(tx, id, story))? == 0 {
            bail!("no story #{id} in {}", self.db_path.display());
        }
        Ok(())
    }

    /// Removes story `id`; returns whether it existed. Attempts that told the story
    /// keep their data and lose only the link.
    pub fn remove_story(&mut self, id: i64) -> Result<bool> {
        let n = self.write(|tx| tx.execute("DELETE FROM stories WHERE id = ?1", [id]))?;
        Ok(n > 0)
    }

    /// Imports stories in one transaction: a story whose title matches an existing
    /// one (ignoring case) updates it, the rest are added. Importing an export of
    /// the same bank therefore changes nothing.
    pub fn import_stories(&mut self, stories: &[Story]) -> Result<ImportCount> {
        self.write(|tx| {
            // Titles in memory: one lookup per story instead of a table scan.
            let mut by_title: HashMap<String, i64> = HashMap::new();
            let mut stmt = tx.prepare("SELECT id, title FROM stories ORDER BY id DESC")?;
            for row in stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))? {
                let (id, title) = row?;
                by_title.insert(title.to_lowercase(), id); // the oldest id wins
            }
            let mut count = ImportCount { added: 0, updated: 0 };
            for story in stories {
                match by_title.get(&story.title.to_lowercase()) {
                    Some(&id) => {
                        update(tx, id, story)?;
                        count.updated += 1;
                    }
                    None => {
                        let id = insert(tx, story)?;
                        by_title.insert(story.title.to_lowercase(), id);
                        count.added += 1;
                    }
                }
            }
            Ok(count)
        })
    }
}

fn insert(tx: &Transaction, s: &Story) -> rusqlite::Result<i64> {
    let now = now_text();
    tx.execute(
        "INSERT INTO stories (title, principles, situation, metrics, notes, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
        params![s.title, to_json(&s.principles), s.situation, to_json(&s.metrics), s.notes, now],
    )?;
    Ok(tx.last_insert_rowid())
}

fn update(tx: &Transaction, id: i64, s: &Story) -> rusqlite::Result<usize> {
    tx.execute(
        "UPDATE stories SET title = ?2, principles = ?3, situation = ?4, metrics = ?5, notes = ?6,
         updated_at = ?7 WHERE id = ?1",
        params![
            id,
            s.title,
            to_json(&s.principles),
            s.situation,
            to_json(&s.metrics),
            s.notes,
            now_text()
        ],
    )
}

fn from_row(r: &Row) -> rusqlite::Result<Story> {
    Ok(Story {
        id: Some(r.get(0)?),
        title: r.get(1)?,
        principles: from_json(r, 2)?,
        situation: r.get(3)?,
        metrics: from_json(r, 4)?,
        notes: r.get(5)?,
    })
}
