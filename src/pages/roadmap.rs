//! The roadmap: the missing lessons in study order, grouped into phases at the learner's
//! hours per week, each with the reason it is there; it follows completed lessons and
//! exports as a calendar file.

use crate::branding::PRODUCT_NAME;
use crate::components::link::Link;
use crate::content::CURRICULUM;
use crate::state::{today, Learner};
use academy_core::calendar::to_ics;
use academy_core::diagnostic::assess;
use academy_core::roadmap::{plan, Reason, Roadmap, WEEKS_PER_PHASE};
use leptos::prelude::*;

const HOURS_CHOICES: [u32; 9] = [1, 2, 3, 4, 5, 6, 8, 10, 15];

/// The roadmap built from the latest diagnostic and the lessons completed since.
#[component]
pub fn RoadmapPage() -> impl IntoView {
    crate::set_page_title("Your roadmap");
    let learner = Learner::get();
    let has_attempt = move || learner.diagnostic.with(|d| !d.attempts.is_empty());
    let results = Memo::new(move |_| {
        learner
            .diagnostic
            .with(|d| d.attempts.last().map(|a| assess(&CURRICULUM, &a.answers)))
    });
    let minutes_per_week = Memo::new(move |_| learner.diagnostic.with(|d| d.minutes_per_week));
    let roadmap = Memo::new(move |_| {
        results.with(|r| {
            r.as_ref().map(|r| {
                learner
                    .progress
                    .with(|p| plan(&CURRICULUM, r, p, minutes_per_week.get()))
            })
        })
    });
    let start = today();

    let set_hours = move |ev: leptos::ev::Event| {
        if let Ok(hours) = event_target_value(&ev).parse::<u32>() {
            learner.update_diagnostic(|d| d.minutes_per_week = hours * 60);
        }
    };
    let export = move |_| {
        roadmap.with_untracked(|r| {
            if let Some(r) = r {
                let origin = crate::app_url();
                let ics = to_ics(&CURRICULUM, r, start, PRODUCT_NAME, |number| {
                    format!("{origin}/lesson/{number}")
                });
                crate::files::download(
                    &format!("roadmap-{}.ics", start.compact()),
                    "text/calendar",
                    &ics,
                );
            }
        })
    };

    move || {
        if !has_attempt() {
            return view! {
                <section class="container section prose">
                    <h1>"Your roadmap"</h1>
                    <p>"Your roadmap is built from the diagnostic: the lessons you are missing, in an order that respects prerequisites, paced to your week."</p>
                    <div class="actions"><Link href="/diagnostic" attr:class="button primary">"Take the diagnostic"</Link></div>
                </section>
            }
            .into_any();
        }
        view! {
            <section class="container section roadmap">
                <h1>"Your roadmap"</h1>
                <div class="roadmap-controls no-print">
                    <label>
                        "Study time per week"
                        <select on:change=set_hours prop:value=move || (minutes_per_week.get() / 60).to_string()>
                            {HOURS_CHOICES.map(|h| view! { <option value=h.to_string()>{format!("{h} hour{}", if h == 1 { "" } else { "s" })}</option> }).collect_view()}
                        </select>
                    </label>
                    <button type="button" class="button" on:click=export>"Add to calendar (.ics)"</button>
                    <button type="button" class="button" on:click=move |_| { if let Some(w) = web_sys::window() { let _ = w.print(); } }>"Print"</button>
                </div>
                {move || roadmap.get().map(|r| view! { <RoadmapBody roadmap=r start=start/> })}
            </section>
        }
        .into_any()
    }
}

#[component]
fn RoadmapBody(roadmap: Roadmap, start: academy_core::date::Day) -> impl IntoView {
    let total = roadmap.items.len();
    let done = roadmap.done();
    let finish = start.plus_days(i64::from(roadmap.weeks) * 7);
    let hours = roadmap.remaining_minutes.div_ceil(60);
    let summary = if total == 0 {
        "Your diagnostic found no gaps: there is nothing to schedule.".to_string()
    } else if done == total {
        format!("All {total} lessons of your roadmap are complete.")
    } else {
        format!(
            "{done} of {total} lessons done. About {hours} hours of study remain: at this pace you finish around {}.",
            finish.human()
        )
    };
    let phases = roadmap.phases();
    let done_items: Vec<usize> = (0..roadmap.items.len())
        .filter(|&i| roadmap.items[i].done)
        .collect();
    view! {
        <p class="roadmap-summary" role="status">{summary}</p>
        <progress class="roadmap-progress" max=total.max(1) value=done aria-label="Roadmap progress"></progress>
        {phases.into_iter().map(|(phase, items)| {
            let first = phase * WEEKS_PER_PHASE;
            let last_week = items.iter().filter_map(|&i| roadmap.items[i].week).max().unwrap_or(first);
            let from = start.plus_days(i64::from(first) * 7);
            let to = start.plus_days(i64::from(last_week) * 7 + 6);
            view! {
                <section class="phase" aria-labelledby=format!("phase-{phase}")>
                    <h2 id=format!("phase-{phase}")>
                        {format!("Phase {} · weeks {}–{}", phase + 1, first + 1, last_week + 1)}
                        <span class="phase-dates">{format!("{} – {}", from.human(), to.human())}</span>
                    </h2>
                    <ol class="roadmap-items">
                        {items.into_iter().map(|i| view! { <Item item=roadmap.items[i].clone() start=start/> }).collect_view()}
                    </ol>
                </section>
            }
        }).collect_view()}
        {(!done_items.is_empty()).then(|| view! {
            <section class="phase done-phase" aria-labelledby="phase-done">
                <h2 id="phase-done">{format!("Done ({})", done_items.len())}</h2>
                <ol class="roadmap-items">
                    {done_items.into_iter().map(|i| view! { <Item item=roadmap.items[i].clone() start=start/> }).collect_view()}
                </ol>
            </section>
        })}
    }
}

#[component]
fn Item(item: academy_core::roadmap::RoadmapItem, start: academy_core::date::Day) -> impl IntoView {
    let lesson = CURRICULUM.lesson(item.lesson);
    let when = item
        .week
        .map(|w| format!("Week of {}", start.plus_days(i64::from(w) * 7).human()));
    view! {
        <li class="roadmap-item" class:done=item.done>
            <p class="roadmap-item-title">
                <Link href=format!("/lesson/{}", lesson.number)><span class="lesson-number">{lesson.number}</span>" "{lesson.title}</Link>
                {item.done.then(|| view! { <span class="done-mark">"Completed"</span> })}
                <crate::components::badges::LockMark lesson=lesson/>
            </p>
            <p class="muted">{format!("{} min", lesson.minutes)}{when.map(|w| format!(" · {w}"))}</p>
            <ul class="reasons">
                {item.reasons.iter().map(|reason| match *reason {
                    Reason::Gap { checkpoint, state, evidence } => {
                        let statement = CURRICULUM.checkpoints[checkpoint as usize].statement;
                        let why = evidence.map(|e| e.describe(&CURRICULUM)).unwrap_or_default();
                        view! { <li><strong>{format!("{}: ", state.label())}</strong>{statement}<span class="muted">{format!(" {why}.")}</span></li> }.into_any()
                    }
                    Reason::Prerequisite { of } => {
                        let needed_by = CURRICULUM.lesson(of);
                        view! { <li>{format!("Comes first for {} {}.", needed_by.number, needed_by.title)}</li> }.into_any()
                    }
                }).collect_view()}
            </ul>
        </li>
    }
}
