//! The speech model, loaded once on a background thread and kept: the app starts
//! loading it at start-up so the first take need not wait, and no later take loads
//! it again. Each take gets an engine of its own (a fresh decoding state) on the
//! shared weights.

use std::sync::{Arc, Condvar, Mutex};

use anyhow::{anyhow, Result};

use super::engine::Engine;
use super::transcribe::{Prompt, TranscribeOptions};

enum Slot {
    Loading,
    Ready(Engine),
    Failed(String),
}

/// A handle on the one loaded model; clones share it.
#[derive(Clone)]
pub struct SharedModel {
    slot: Arc<(Mutex<Slot>, Condvar)>,
    /// Threads 0: each take's whisper threads follow the free cores.
    follows_free_cores: bool,
    /// What whisper is told before each take's answer.
    prompt: Prompt,
}

impl SharedModel {
    /// Starts loading the model named in `opts` and returns at once.
    pub fn load_in_background(opts: &TranscribeOptions) -> SharedModel {
        let slot = Arc::new((Mutex::new(Slot::Loading), Condvar::new()));
        let follows_free_cores = opts.threads == 0;
        let prompt = opts.prompt.clone();
        let (loading, opts) = (Arc::clone(&slot), opts.clone());
        let spawned = std::thread::Builder::new().name("barraiser-model".into()).spawn(move || {
            let loaded = match Engine::load(&opts.model, opts.threads, opts.verbose) {
                Ok(engine) => Slot::Ready(engine),
                Err(err) => Slot::Failed(format!("{err:#}")),
            };
            let (lock, ready) = &*loading;
            *lock.lock().unwrap_or_else(|e| e.into_inner()) = loaded;
            ready.notify_all();
        });
        if let Err(err) = spawned {
            *slot.0.lock().unwrap_or_else(|e| e.into_inner()) =
                Slot::Failed(format!("cannot start loading the speech model: {err}"));
        }
        SharedModel { slot, follows_free_cores, prompt }
    }

    /// What whisper is told before each take's answer.
    pub fn prompt(&self) -> &Prompt {
        &self.prompt
    }

    /// Whether takes choose their threads from the cores other programs leave free.
    pub fn follows_free_cores(&self) -> bool {
        self.follows_free_cores
    }

    /// An engine for one take or file: waits for the load, then makes a new decoding
    /// state on the loaded weights. A model that failed to load fails every call.
    pub fn engine(&self) -> Result<Engine> {
        let (lock, ready) = &*self.slot;
        let mut slot = lock.lock().unwrap_or_else(|e| e.into_inner());
        loop {
            match &*slot {
                Slot::Loading => slot = ready.wait(slot).unwrap_or_else(|e| e.into_inner()),
                Slot::Ready(engine) => return engine.another(engine.threads()),
                Slot::Failed(why) => return Err(anyhow!("{why}")),
            }
        }
    }

    /// Whether the load has ended (well or not), so asking for an engine won't wait.
    pub fn is_loaded(&self) -> bool {
        !matches!(*self.slot.0.lock().unwrap_or_else(|e| e.into_inner()), Slot::Loading)
    }
}
