//! The only code that touches browser storage. Every part is stored with its schema version
//! (`academy_core::stored`); a value that cannot be read is copied aside under a backup key
//! before anything else happens; a value written by a newer version is never overwritten;
//! when the browser refuses storage the app keeps working from memory.

use academy_core::stored::{self, Part, ReadError, PREFIX, SCHEMA};
use serde_json::Value;
use std::cell::RefCell;
use std::collections::BTreeMap;

pub use academy_core::stored::ThemeChoice;

thread_local! {
    /// Stands in for local storage when the browser refuses it, so the session still works.
    static MEMORY: RefCell<BTreeMap<String, String>> = const { RefCell::new(BTreeMap::new()) };
}

/// Browser storage, or `None` when it is blocked (private mode, sandboxed frame, settings).
fn local() -> Option<web_sys::Storage> {
    let storage = web_sys::window()?.local_storage().ok()??;
    // Some browsers hand out a storage object that throws on first use.
    storage.length().ok()?;
    Some(storage)
}

/// Whether progress can be kept between visits.
pub fn available() -> bool {
    local().is_some()
}

fn get(key: &str) -> Option<String> {
    match local() {
        Some(s) => s.get_item(key).ok().flatten(),
        None => MEMORY.with(|m| m.borrow().get(key).cloned()),
    }
}

/// Why a write did not happen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WriteError {
    /// The browser's storage for this site is full (or refused the write).
    Full,
    /// Another tab stored this part with a newer version of the app.
    Newer,
}

fn set(key: &str, value: &str) -> Result<(), WriteError> {
    match local() {
        Some(s) => s.set_item(key, value).map_err(|_| WriteError::Full),
        None => {
            MEMORY.with(|m| m.borrow_mut().insert(key.to_string(), value.to_string()));
            Ok(())
        }
    }
}

fn remove(key: &str) {
    match local() {
        Some(s) => {
            let _ = s.remove_item(key);
        }
        None => MEMORY.with(|m| {
            m.borrow_mut().remove(key);
        }),
    }
}

fn keys() -> Vec<String> {
    match local() {
        Some(s) => (0..s.length().unwrap_or(0))
            .filter_map(|i| s.key(i).ok().flatten())
            .collect(),
        None => MEMORY.with(|m| m.borrow().keys().cloned().collect()),
    }
}

/// A part that could not be read, kept aside.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Damaged {
    pub part: Part,
    pub backup_key: String,
    pub reason: ReadError,
}

/// Reads a part: `Ok(None)` when nothing is stored. A value that cannot be used is copied
/// to a new backup key first and reported.
pub fn read(part: Part) -> Result<Option<Value>, Damaged> {
    let Some(raw) = get(&part.key()) else {
        return Ok(None);
    };
    stored::read_part(part, &raw)
        .map(Some)
        .map_err(|reason| Damaged {
            part,
            backup_key: keep_aside(part, &raw),
            reason,
        })
}

/// Copies raw text to `storewise.backup.<part>.<n>`, never over an existing backup.
fn keep_aside(part: Part, raw: &str) -> String {
    let existing = keys();
    let mut n = 1;
    let key = loop {
        let key = format!("{PREFIX}backup.{}.{n}", part.name());
        match existing.iter().find(|k| **k == key) {
            // The same text is already kept: do not copy it again on every start.
            Some(_) if get(&key).as_deref() == Some(raw) => return key,
            Some(_) => n += 1,
            None => break key,
        }
    };
    let _ = set(&key, raw);
    key
}

/// Whether this browser holds a learner's progress or diagnostic: the header then shows
/// where to continue, from the curriculum, so the app loads it before it starts.
pub fn holds_learning() -> bool {
    [Part::Progress, Part::Diagnostic]
        .iter()
        .any(|part| get(&part.key()).is_some())
}

/// The raw text under a key (for downloading a backup).
pub fn raw(key: &str) -> Option<String> {
    get(key)
}

/// Writes a part at the current version, unless a newer version of the app wrote it.
pub fn write<T: serde::Serialize>(part: Part, value: &T) -> Result<(), WriteError> {
    if get(&part.key())
        .and_then(|raw| stored::version_of(&raw))
        .is_some_and(|v| v > SCHEMA)
    {
        return Err(WriteError::Newer);
    }
    set(&part.key(), &stored::write_part(value))
}

/// Deletes everything the app stored, backups included.
pub fn remove_all() {
    for key in keys().into_iter().filter(|k| k.starts_with(PREFIX)) {
        remove(&key);
    }
}

/// Asks the browser not to evict this site's storage under pressure, where it can.
pub fn ask_to_persist() {
    if let Some(storage) = web_sys::window().map(|w| w.navigator().storage()) {
        let _ = storage.persist();
    }
}

/// The stored theme, or `System` when nothing readable is stored.
pub fn load_theme() -> ThemeChoice {
    read(Part::Settings)
        .ok()
        .flatten()
        .and_then(|v| stored::settings(v).ok())
        .map(|s| s.theme)
        .unwrap_or_default()
}

/// Remembers the theme. Returns false when it could not be stored.
pub fn save_theme(theme: ThemeChoice) -> bool {
    write(Part::Settings, &stored::Settings { theme }).is_ok()
}
