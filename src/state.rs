//! The learner's state shared by every page, kept in step with storage and with other tabs.
//! Every change is applied to the freshly read stored value and written back, so two tabs
//! changing different things never erase each other's work.

use crate::storage::{self, Damaged, WriteError};
use academy_core::progress::{DiagnosticState, Progress};
use academy_core::stored::{self, Access, Part};
use leptos::prelude::*;
use serde_json::Value;
use std::collections::BTreeMap;

/// Something about storage the learner should know.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// A stored part could not be read; it is kept under `backup_key`.
    Damaged(Damaged),
    /// The browser refuses storage: nothing will be kept after this tab closes.
    Unavailable,
    /// The last change could not be saved: storage is full.
    Full,
    /// A newer version of the app saved data in another tab: this tab does not save.
    OlderTab,
}

/// Progress, diagnostic, unlocked plans and storage notices, shared through context.
#[derive(Clone, Copy)]
pub struct Learner {
    pub progress: RwSignal<Progress>,
    pub diagnostic: RwSignal<DiagnosticState>,
    /// Unlocked plans: plan id to its key in hex.
    pub access: RwSignal<BTreeMap<String, String>>,
    /// Per plan, whether its masterclasses are readable: decoded once per change of
    /// `access`, since long lists (roadmap, results) ask for every lesson.
    readable: Memo<Vec<bool>>,
    pub notices: RwSignal<Vec<Notice>>,
}

/// The value stored for a part now, if there is a readable one (damage is kept aside by
/// the storage layer and reported at start-up).
fn stored_value<T>(part: Part, typed: fn(Value) -> Result<T, stored::ReadError>) -> Option<T> {
    storage::read(part)
        .ok()
        .flatten()
        .and_then(|v| typed(v).ok())
}

/// Reads a part, noting damage; the default when nothing (readable) is stored.
fn load<T: Default>(
    part: Part,
    notices: &mut Vec<Notice>,
    typed: impl Fn(Value) -> Result<T, stored::ReadError>,
) -> T {
    match storage::read(part) {
        Ok(Some(value)) => typed(value).unwrap_or_default(),
        Ok(None) => T::default(),
        Err(damaged) => {
            notices.push(Notice::Damaged(damaged));
            T::default()
        }
    }
}

impl Learner {
    pub fn provide() {
        let mut notices = Vec::new();
        if !storage::available() {
            notices.push(Notice::Unavailable);
        }
        let progress = RwSignal::new(load(Part::Progress, &mut notices, stored::progress));
        let diagnostic = RwSignal::new(load(Part::Diagnostic, &mut notices, stored::diagnostic));
        let access = RwSignal::new(load(Part::Access, &mut notices, stored::access).plans);
        let readable = Memo::new(move |_| {
            let plans = crate::content::CURRICULUM.plans;
            (0..plans.len())
                .map(|p| {
                    crate::content::CURRICULUM.is_free(p as u8) || key_in(&access, p).is_some()
                })
                .collect()
        });
        let learner = Learner {
            progress,
            diagnostic,
            access,
            readable,
            notices: RwSignal::new(notices),
        };
        provide_context(learner);
        storage::ask_to_persist();
        // Another tab changed something: take its version.
        let listener = window_event_listener(leptos::ev::storage, move |e| {
            let key = e.key().unwrap_or_default();
            learner.refresh(key.as_str());
        });
        on_cleanup(move || listener.remove());
    }

    pub fn get() -> Learner {
        expect_context::<Learner>()
    }

    /// Reloads the part stored under `key` (all parts for an empty key, as after a clear).
    fn refresh(&self, key: &str) {
        let fresh = |part: Part| key.is_empty() || key == part.key();
        if fresh(Part::Progress) {
            self.progress
                .set(stored_value(Part::Progress, stored::progress).unwrap_or_default());
        }
        if fresh(Part::Diagnostic) {
            self.diagnostic
                .set(stored_value(Part::Diagnostic, stored::diagnostic).unwrap_or_default());
        }
        if fresh(Part::Access) {
            self.access.set(
                stored_value(Part::Access, stored::access)
                    .unwrap_or_default()
                    .plans,
            );
        }
    }

    fn note(&self, result: Result<(), WriteError>) {
        let notice = match result {
            Ok(()) => return,
            Err(WriteError::Full) => Notice::Full,
            Err(WriteError::Newer) => Notice::OlderTab,
        };
        self.notices.update(|n| {
            if !n.contains(&notice) {
                n.push(notice);
            }
        });
    }

    /// Applies a change to the latest stored progress (or the one in memory when storage
    /// has nothing readable), saves it and shows it.
    pub fn update_progress(&self, change: impl FnOnce(&mut Progress)) {
        let mut latest = stored_value(Part::Progress, stored::progress)
            .unwrap_or_else(|| self.progress.get_untracked());
        change(&mut latest);
        self.note(storage::write(Part::Progress, &latest));
        self.progress.set(latest);
    }

    /// Changes the diagnostic state the same way.
    pub fn update_diagnostic(&self, change: impl FnOnce(&mut DiagnosticState)) {
        let mut latest = stored_value(Part::Diagnostic, stored::diagnostic)
            .unwrap_or_else(|| self.diagnostic.get_untracked());
        change(&mut latest);
        self.note(storage::write(Part::Diagnostic, &latest));
        self.diagnostic.set(latest);
    }

    /// Changes the unlocked plans the same way.
    pub fn update_access(&self, change: impl FnOnce(&mut BTreeMap<String, String>)) {
        let mut latest = stored_value(Part::Access, stored::access)
            .map(|a| a.plans)
            .unwrap_or_else(|| self.access.get_untracked());
        change(&mut latest);
        self.note(storage::write(
            Part::Access,
            &Access {
                plans: latest.clone(),
            },
        ));
        self.access.set(latest);
    }

    pub fn set_complete(&self, lesson_id: &str, complete: bool) {
        self.update_progress(|p| p.set_complete(lesson_id, complete));
    }

    /// Everything, for export.
    pub fn data(&self, theme: storage::ThemeChoice) -> stored::LearnerData {
        stored::LearnerData {
            settings: stored::Settings { theme },
            progress: self.progress.get_untracked(),
            diagnostic: self.diagnostic.get_untracked(),
            access: Access {
                plans: self.access.get_untracked(),
            },
        }
    }

    /// Forgets everything in memory after storage was cleared (reset): nothing is written.
    pub fn forget(&self) {
        self.progress.set(Default::default());
        self.diagnostic.set(Default::default());
        self.access.set(Default::default());
        self.notices.set(Vec::new());
    }

    /// Replaces everything with `data` (import).
    pub fn replace(&self, data: stored::LearnerData) {
        self.note(storage::write(Part::Settings, &data.settings));
        self.note(storage::write(Part::Progress, &data.progress));
        self.note(storage::write(Part::Diagnostic, &data.diagnostic));
        self.note(storage::write(Part::Access, &data.access));
        self.progress.set(data.progress);
        self.diagnostic.set(data.diagnostic);
        self.access.set(data.access.plans);
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
        self.update_access(|plans| {
            for (plan, key) in &keys {
                if *plan != 0 {
                    plans.insert(
                        crate::content::CURRICULUM.plans[*plan].id.to_string(),
                        academy_core::access::to_hex(key),
                    );
                }
            }
        });
        Ok(keys.into_iter().map(|(plan, _)| plan).collect())
    }

    /// Forgets an unlocked plan.
    pub fn remove_plan(&self, plan_id: &str) {
        self.update_access(|plans| {
            plans.remove(plan_id);
        });
    }

    /// The learner's key for a plan, when unlocked.
    pub fn key_for(&self, plan: usize) -> Option<academy_core::access::PlanKey> {
        key_in(&self.access, plan)
    }

    /// Whether the learner can read masterclasses of this plan.
    pub fn can_read(&self, plan: usize) -> bool {
        self.readable
            .with(|r| r.get(plan).copied())
            .unwrap_or(false)
    }
}

fn key_in(
    access: &RwSignal<BTreeMap<String, String>>,
    plan: usize,
) -> Option<academy_core::access::PlanKey> {
    let id = crate::content::CURRICULUM.plans.get(plan)?.id;
    access.with(|plans| {
        plans
            .get(id)
            .and_then(|hex| academy_core::access::from_hex(hex))
    })
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
