//! Badges for a lesson's difficulty, path, plan and length.

use crate::content::CURRICULUM;
use crate::state::Learner;
use academy_core::Lesson;
use leptos::prelude::*;

/// A padlock for a lesson whose masterclass the learner's plans do not open yet.
#[component]
pub fn LockMark(lesson: &'static Lesson) -> impl IntoView {
    let learner = Learner::get();
    let plan = &CURRICULUM.plans[usize::from(lesson.plan)];
    let locked =
        move || lesson.masterclass.is_some() && !learner.can_read(usize::from(lesson.plan));
    view! {
        <Show when=locked>
            <span class="lock-mark" title=format!("Masterclass in the {} plan", plan.name)>
                <span class="icon icon-lock" aria-hidden="true"></span>
                <span class="visually-hidden">{format!(" Locked: masterclass in the {} plan", plan.name)}</span>
            </span>
        </Show>
    }
}

/// The badges of a lesson from the curriculum.
pub fn lesson_badges(lesson: &'static Lesson) -> academy_core::html::Badges<'static> {
    let difficulty = &CURRICULUM.difficulties[usize::from(lesson.difficulty)];
    let path = &CURRICULUM.paths[usize::from(lesson.path)];
    academy_core::html::Badges {
        rung: usize::from(lesson.difficulty),
        difficulty: difficulty.name,
        path_id: path.id,
        path: path.name,
        minutes: lesson.minutes,
    }
}

/// Difficulty, path and minutes of a lesson, as labelled badges.
#[component]
pub fn LessonBadges(lesson: &'static Lesson) -> impl IntoView {
    view! { <Badges badges=lesson_badges(lesson)/> }
}

/// The badges themselves, from names: Home shows them for its compiled-in lesson card. The
/// markup is the static lesson pages' (`academy_core::html`).
#[component]
pub fn Badges(badges: academy_core::html::Badges<'static>) -> impl IntoView {
    view! { <ul class="badges" aria-label="Lesson facts" inner_html=badges.items()></ul> }
}
