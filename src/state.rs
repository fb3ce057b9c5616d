//! The learner's state shared by every page, kept in step with storage.

use academy_core::progress::{DiagnosticState, Progress};
use leptos::prelude::*;

/// Completed lessons and the diagnostic, shared through context; every change is saved.
#[derive(Clone, Copy)]
pub struct Learner {
    pub progress: RwSignal<Progress>,
    pub diagnostic: RwSignal<DiagnosticState>,
}

impl Learner {
    pub fn provide() {
        let progress = RwSignal::new(crate::storage::load_progress());
        let diagnostic = RwSignal::new(crate::storage::load_diagnostic());
        provide_context(Learner {
            progress,
            diagnostic,
        });
    }

    pub fn get() -> Learner {
        expect_context::<Learner>()
    }

    pub fn set_complete(&self, lesson_id: &str, complete: bool) {
        self.progress
            .update(|p| p.set_complete(lesson_id, complete));
        self.progress.with_untracked(crate::storage::save_progress);
    }
}

impl Learner {
    /// Changes the diagnostic state and saves it.
    pub fn update_diagnostic(&self, change: impl FnOnce(&mut DiagnosticState)) {
        self.diagnostic.update(change);
        self.diagnostic
            .with_untracked(crate::storage::save_diagnostic);
    }
}

/// Today in the learner's own calendar, as days since 1970-01-01.
pub fn today() -> academy_core::date::Day {
    let now = js_sys::Date::new_0();
    academy_core::date::Day::from_ymd(
        i64::from(now.get_full_year()),
        now.get_month() + 1,
        now.get_date(),
    )
}
