//! The only code that touches browser storage. Every value carries a schema version; a read
//! that fails never panics and never overwrites what was stored.

use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};

const SETTINGS_KEY: &str = "storewise.settings";
const SETTINGS_VERSION: u32 = 1;

/// The learner's choice of colour theme.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum ThemeChoice {
    /// Follow the device's setting.
    #[default]
    System,
    Light,
    Dark,
}

/// What is stored under a key: the schema version, then the value's own fields.
#[derive(Serialize, Deserialize)]
struct Versioned<T> {
    v: u32,
    #[serde(flatten)]
    value: T,
}

/// The value under `key` if it parses at `version`; otherwise the default.
fn load<T: serde::de::DeserializeOwned + Default>(key: &str, version: u32) -> T {
    match LocalStorage::get::<Versioned<T>>(key) {
        Ok(stored) if stored.v == version => stored.value,
        _ => T::default(),
    }
}

/// Stores `value` under `key` with its version. Returns false when the browser refused.
fn save<T: Serialize>(key: &str, version: u32, value: T) -> bool {
    LocalStorage::set(key, Versioned { v: version, value }).is_ok()
}

#[derive(Serialize, Deserialize, Default)]
struct Settings {
    theme: ThemeChoice,
}

/// The stored theme, or `System` when nothing (readable) is stored.
pub fn load_theme() -> ThemeChoice {
    load::<Settings>(SETTINGS_KEY, SETTINGS_VERSION).theme
}

/// Remembers the theme. Returns false when the browser refused to store it.
pub fn save_theme(theme: ThemeChoice) -> bool {
    save(SETTINGS_KEY, SETTINGS_VERSION, Settings { theme })
}

const PROGRESS_KEY: &str = "storewise.progress";
const PROGRESS_VERSION: u32 = 1;

/// The stored progress, or an empty one when nothing readable is stored.
pub fn load_progress() -> academy_core::progress::Progress {
    load(PROGRESS_KEY, PROGRESS_VERSION)
}

/// Saves progress. Returns false when the browser refused to store it.
pub fn save_progress(progress: &academy_core::progress::Progress) -> bool {
    save(PROGRESS_KEY, PROGRESS_VERSION, progress)
}

const DIAGNOSTIC_KEY: &str = "storewise.diagnostic";
const DIAGNOSTIC_VERSION: u32 = 1;

/// The diagnostic in progress and past attempts, or a fresh state when nothing readable is stored.
pub fn load_diagnostic() -> academy_core::progress::DiagnosticState {
    load(DIAGNOSTIC_KEY, DIAGNOSTIC_VERSION)
}

/// Saves the diagnostic. Returns false when the browser refused to store it.
pub fn save_diagnostic(state: &academy_core::progress::DiagnosticState) -> bool {
    save(DIAGNOSTIC_KEY, DIAGNOSTIC_VERSION, state)
}

const ACCESS_KEY: &str = "storewise.access";
const ACCESS_VERSION: u32 = 1;

/// Unlocked plans: plan id to the plan key in hex.
#[derive(Serialize, Deserialize, Default)]
struct AccessRecord {
    plans: std::collections::BTreeMap<String, String>,
}

/// The plans unlocked in this browser, as plan id to key (hex).
pub fn load_access() -> std::collections::BTreeMap<String, String> {
    load::<AccessRecord>(ACCESS_KEY, ACCESS_VERSION).plans
}

/// Saves the unlocked plans. Returns false when the browser refused to store them.
pub fn save_access(plans: &std::collections::BTreeMap<String, String>) -> bool {
    save(
        ACCESS_KEY,
        ACCESS_VERSION,
        AccessRecord {
            plans: plans.clone(),
        },
    )
}
