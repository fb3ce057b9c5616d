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

/// Difficulty, path and minutes of a lesson, as labelled badges.
#[component]
pub fn LessonBadges(lesson: &'static Lesson) -> impl IntoView {
    let difficulty = &CURRICULUM.difficulties[usize::from(lesson.difficulty)];
    let path = &CURRICULUM.paths[usize::from(lesson.path)];
    view! {
        <Badges
            difficulty=usize::from(lesson.difficulty)
            difficulty_name=difficulty.name
            path_id=path.id
            path_name=path.name
            minutes=lesson.minutes
        />
    }
}

/// The badges themselves, from names: Home shows them for its compiled-in lesson card.
#[component]
pub fn Badges(
    difficulty: usize,
    difficulty_name: &'static str,
    path_id: &'static str,
    path_name: &'static str,
    minutes: u16,
) -> impl IntoView {
    let rung = format!("badge difficulty rung-{difficulty}");
    let path_class = format!("badge path path-{path_id}");
    view! {
        <ul class="badges" aria-label="Lesson facts">
            <li class=rung><span class="badge-label">"Difficulty: "</span>{difficulty_name}</li>
            <li class=path_class><span class="badge-label">"Path: "</span>{path_name}</li>
            <li class="badge minutes">{format!("{minutes} min")}</li>
        </ul>
    }
}
