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

#[derive(Serialize, Deserialize)]
struct Settings {
    v: u32,
    theme: ThemeChoice,
}

/// The stored theme, or `System` when nothing (readable) is stored.
pub fn load_theme() -> ThemeChoice {
    match LocalStorage::get::<Settings>(SETTINGS_KEY) {
        Ok(settings) if settings.v == SETTINGS_VERSION => settings.theme,
        _ => ThemeChoice::System,
    }
}

/// Remembers the theme. Returns false when the browser refused to store it.
pub fn save_theme(theme: ThemeChoice) -> bool {
    LocalStorage::set(
        SETTINGS_KEY,
        Settings {
            v: SETTINGS_VERSION,
            theme,
        },
    )
    .is_ok()
}

const PROGRESS_KEY: &str = "storewise.progress";
const PROGRESS_VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct StoredProgress {
    v: u32,
    #[serde(flatten)]
    progress: academy_core::progress::Progress,
}

/// The stored progress, or an empty one when nothing readable is stored.
pub fn load_progress() -> academy_core::progress::Progress {
    match LocalStorage::get::<StoredProgress>(PROGRESS_KEY) {
        Ok(stored) if stored.v == PROGRESS_VERSION => stored.progress,
        _ => Default::default(),
    }
}

/// Saves progress. Returns false when the browser refused to store it.
pub fn save_progress(progress: &academy_core::progress::Progress) -> bool {
    LocalStorage::set(
        PROGRESS_KEY,
        StoredProgress {
            v: PROGRESS_VERSION,
            progress: progress.clone(),
        },
    )
    .is_ok()
}

const DIAGNOSTIC_KEY: &str = "storewise.diagnostic";
const DIAGNOSTIC_VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct StoredDiagnostic {
    v: u32,
    #[serde(flatten)]
    state: academy_core::progress::DiagnosticState,
}

/// The diagnostic in progress and past attempts, or a fresh state when nothing readable is stored.
pub fn load_diagnostic() -> academy_core::progress::DiagnosticState {
    match LocalStorage::get::<StoredDiagnostic>(DIAGNOSTIC_KEY) {
        Ok(stored) if stored.v == DIAGNOSTIC_VERSION => stored.state,
        _ => Default::default(),
    }
}

/// Saves the diagnostic. Returns false when the browser refused to store it.
pub fn save_diagnostic(state: &academy_core::progress::DiagnosticState) -> bool {
    LocalStorage::set(DIAGNOSTIC_KEY, StoredDiagnostic { v: DIAGNOSTIC_VERSION, state: state.clone() }).is_ok()
}
