//! The curriculum browser: programs expanding to missions, modules and lessons, with filters
//! by path, difficulty and completion kept in the address so a filtered view can be shared.

use crate::components::badges::{LessonBadges, LockMark};
use crate::components::link::Link;
use crate::content::CURRICULUM;
use crate::state::Learner;
use academy_core::curriculum::LessonIx;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

#[derive(Clone, Copy, PartialEq)]
enum Status {
    Any,
    Todo,
    Done,
}

/// Every program with its missions, modules and lessons, and the filters.
#[component]
pub fn CurriculumPage() -> impl IntoView {
    crate::set_page_title("Curriculum");
    let learner = Learner::get();
    let query = use_query_map();
    let navigate = use_navigate();

    let path = Memo::new(move |_| {
        query
            .read()
            .get("path")
            .and_then(|p| CURRICULUM.paths.iter().position(|x| x.id == p))
    });
    let difficulty = Memo::new(move |_| {
        query
            .read()
            .get("difficulty")
            .and_then(|d| CURRICULUM.difficulties.iter().position(|x| x.id == d))
    });
    let status = Memo::new(move |_| match query.read().get("status").as_deref() {
        Some("todo") => Status::Todo,
        Some("done") => Status::Done,
        _ => Status::Any,
    });
    let filtering =
        move || path.get().is_some() || difficulty.get().is_some() || status.get() != Status::Any;

    let shown = move |ix: LessonIx| {
        let lesson = CURRICULUM.lesson(ix);
        let done = learner.progress.with(|p| p.is_complete(lesson.id));
        path.get().is_none_or(|p| usize::from(lesson.path) == p)
            && difficulty
                .get()
                .is_none_or(|d| usize::from(lesson.difficulty) == d)
            && match status.get() {
                Status::Any => true,
                Status::Todo => !done,
                Status::Done => done,
            }
    };
    let shown_count = move || {
        (0..CURRICULUM.lessons.len())
            .filter(|&i| shown(i as LessonIx))
            .count()
    };

    // Changing a filter rewrites the query string; the page reads it back. No name clears all.
    let set_filter = move |name: Option<&'static str>, value: String| {
        let mut params = query.get_untracked();
        match name {
            None => params = Default::default(),
            Some(name) if value.is_empty() => {
                params.remove(name);
            }
            Some(name) => params.replace(name, value),
        }
        let search = params.to_query_string();
        navigate(
            &format!("/curriculum{search}"),
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
    };
    let set_path = set_filter.clone();
    let set_difficulty = set_filter.clone();
    let set_status = set_filter.clone();
    let clear = set_filter;

    view! {
        <section class="container section">
            <h1>"Curriculum"</h1>
            <p class="lead">
                {format!("{} programs, each split into missions, modules and numbered lessons.", CURRICULUM.programs.len())}
            </p>
            <form class="filters" role="search" aria-label="Filter lessons" on:submit=|ev| ev.prevent_default()>
                <label>
                    "Path"
                    <select on:change=move |ev| set_path(Some("path"), event_target_value(&ev))
                        prop:value=move || path.get().map(|p| CURRICULUM.paths[p].id).unwrap_or("")>
                        <option value="">"All paths"</option>
                        {CURRICULUM.paths.iter().map(|p| view! { <option value=p.id>{p.name}</option> }).collect_view()}
                    </select>
                </label>
                <label>
                    "Difficulty"
                    <select on:change=move |ev| set_difficulty(Some("difficulty"), event_target_value(&ev))
                        prop:value=move || difficulty.get().map(|d| CURRICULUM.difficulties[d].id).unwrap_or("")>
                        <option value="">"All difficulties"</option>
                        {CURRICULUM.difficulties.iter().map(|d| view! { <option value=d.id>{d.name}</option> }).collect_view()}
                    </select>
                </label>
                <label>
                    "Completion"
                    <select on:change=move |ev| set_status(Some("status"), event_target_value(&ev))
                        prop:value=move || match status.get() { Status::Any => "", Status::Todo => "todo", Status::Done => "done" }>
                        <option value="">"All lessons"</option>
                        <option value="todo">"Not completed"</option>
                        <option value="done">"Completed"</option>
                    </select>
                </label>
                <Show when=filtering>
                    <button type="button" class="button secondary small" on:click={
                        let clear = clear.clone();
                        move |_| clear(None, String::new())
                    }>"Clear filters"</button>
                </Show>
            </form>
            <p class="result-count" role="status">
                {move || format!("Showing {} of {} lessons", shown_count(), CURRICULUM.lessons.len())}
            </p>
            <ol class="program-list">
                {CURRICULUM.programs.iter().enumerate().map(|(p, program)| {
                    let lessons: Vec<LessonIx> = CURRICULUM.program_lessons(p).collect();
                    let any_shown = {
                        let lessons = lessons.clone();
                        move || lessons.iter().any(|&ix| shown(ix))
                    };
                    let tally = {
                        let lessons = lessons.clone();
                        move || learner.progress.with(|pr| pr.tally(&CURRICULUM, lessons.iter().copied()))
                    };
                    view! {
                        <li class="program" class:hidden=move || !any_shown()>
                            <details open=filtering>
                                <summary>
                                    <span class="program-number">{format!("Program {}", p + 1)}</span>
                                    <span class="program-title">{program.title}</span>
                                    <span class="program-progress">{move || { let (d, t) = tally(); format!("{d} of {t} complete") }}</span>
                                </summary>
                                <p class="program-summary">{program.summary}</p>
                                {program.missions.iter().enumerate().map(|(m, mission)| view! {
                                    <section class="mission" class:hidden=move || !mission.modules.iter().flat_map(|d| d.lessons).any(|&ix| shown(ix))>
                                        <h2 class="mission-title">{format!("{}.{} {}", p + 1, m + 1, mission.title)}<Tally lessons=mission.modules.iter().flat_map(|d| d.lessons.iter().copied()).collect()/></h2>
                                        {mission.modules.iter().enumerate().map(|(d, module)| view! {
                                            <div class="module" class:hidden=move || !module.lessons.iter().any(|&ix| shown(ix))>
                                                <h3 class="module-title">{format!("{}.{}.{} {}", p + 1, m + 1, d + 1, module.title)}<Tally lessons=module.lessons.to_vec()/></h3>
                                                <ul class="lesson-list">
                                                    {module.lessons.iter().map(|&ix| lesson_row(ix, shown)).collect_view()}
                                                </ul>
                                            </div>
                                        }).collect_view()}
                                    </section>
                                }).collect_view()}
                            </details>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}

fn lesson_row(
    ix: LessonIx,
    shown: impl Fn(LessonIx) -> bool + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let learner = Learner::get();
    let lesson = CURRICULUM.lesson(ix);
    let done = move || learner.progress.with(|p| p.is_complete(lesson.id));
    let href = format!("/lesson/{}", lesson.number);
    view! {
        <li class="lesson-row" class:hidden=move || !shown(ix) class:done=done>
            <span class="lesson-number">{lesson.number}</span>
            <span class="lesson-main">
                <Link href=href>{lesson.title}</Link>
                <LockMark lesson=lesson/>
                <Show when=done><span class="done-mark">"Completed"</span></Show>
            </span>
            <LessonBadges lesson=lesson/>
        </li>
    }
}

/// "2 of 5 complete" for a mission or module.
#[component]
fn Tally(lessons: Vec<LessonIx>) -> impl IntoView {
    let learner = Learner::get();
    move || {
        let (done, total) = learner
            .progress
            .with(|p| p.tally(&CURRICULUM, lessons.iter().copied()));
        view! { <span class="tally">{format!("{done} of {total} complete")}</span> }
    }
}
