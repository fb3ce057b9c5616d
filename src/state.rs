//! The learner's state shared by every page, kept in step with storage.

use academy_core::progress::{DiagnosticState, Progress};
use leptos::prelude::*;

/// Completed lessons and the diagnostic, shared through context; every change is saved.
#[derive(Clone, Copy)]
pub struct Learner {
    pub progress: RwSignal<Progress>,
    pub diagnostic: RwSignal<DiagnosticState>,
    /// Unlocked plans: plan id to its key in hex.
    pub access: RwSignal<std::collections::BTreeMap<String, String>>,
}

impl Learner {
    pub fn provide() {
        let progress = RwSignal::new(crate::storage::load_progress());
        let diagnostic = RwSignal::new(crate::storage::load_diagnostic());
        let access = RwSignal::new(crate::storage::load_access());
        provide_context(Learner {
            progress,
            diagnostic,
            access,
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

impl Learner {
    /// Unlocks the plans a code gives (its own and those it includes) and remembers them.
    /// Returns the indices of the unlocked plans, the code's own plan first.
    pub fn unlock(&self, code: &str) -> Result<Vec<usize>, academy_core::access::UnlockError> {
        let keys = academy_core::access::unlock(&crate::content::CURRICULUM, code)?;
        self.access.update(|plans| {
            for (plan, key) in &keys {
                if *plan != 0 {
                    plans.insert(
                        crate::content::CURRICULUM.plans[*plan].id.to_string(),
                        academy_core::access::to_hex(key),
                    );
                }
            }
        });
        self.access.with_untracked(crate::storage::save_access);
        Ok(keys.into_iter().map(|(plan, _)| plan).collect())
    }

    /// Forgets an unlocked plan.
    pub fn remove_plan(&self, plan_id: &str) {
        self.access.update(|plans| {
            plans.remove(plan_id);
        });
        self.access.with_untracked(crate::storage::save_access);
    }

    /// The learner's key for a plan, when unlocked.
    pub fn key_for(&self, plan: usize) -> Option<academy_core::access::PlanKey> {
        let id = crate::content::CURRICULUM.plans.get(plan)?.id;
        self.access.with(|plans| {
            plans
                .get(id)
                .and_then(|hex| academy_core::access::from_hex(hex))
        })
    }

    /// Whether the learner can read masterclasses of this plan.
    pub fn can_read(&self, plan: usize) -> bool {
        crate::content::CURRICULUM.is_free(plan as u8) || self.key_for(plan).is_some()
    }
}

impl Learner {
    /// Changes progress and saves it.
    pub fn update_progress(&self, change: impl FnOnce(&mut Progress)) {
        self.progress.update(change);
        self.progress.with_untracked(crate::storage::save_progress);
    }
}

/// Milliseconds since 1970, from the browser's clock.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

impl Learner {
    /// The first lesson of the roadmap not yet completed, when there is a roadmap.
    pub fn next_on_roadmap(&self) -> Option<academy_core::curriculum::LessonIx> {
        let c = &crate::content::CURRICULUM;
        self.diagnostic.with(|d| {
            let attempt = d.attempts.last()?;
            let results = academy_core::diagnostic::assess(c, &attempt.answers);
            self.progress.with(|p| {
                let roadmap = academy_core::roadmap::plan(c, &results, p, d.minutes_per_week);
                roadmap.items.iter().find(|i| !i.done).map(|i| i.lesson)
            })
        })
    }

    /// The lesson opened last, if it still exists.
    pub fn last_opened(&self) -> Option<academy_core::curriculum::LessonIx> {
        self.progress.with(|p| {
            p.last_opened
                .as_deref()
                .and_then(|id| crate::content::CURRICULUM.lesson_ix_by_id(id))
        })
    }
}
