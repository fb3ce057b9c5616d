//! The roadmap: the missing lessons in study order, grouped into phases at the learner's
//! hours per week, each with the reason it is there; it follows completed lessons and
//! exports as a calendar file.

use crate::branding::PRODUCT_NAME;
use crate::components::link::Link;
use crate::content::CURRICULUM;
use crate::state::{today, Learner};
use academy_core::calendar::to_ics;
use academy_core::date::Day;
use academy_core::diagnostic::assess;
use academy_core::roadmap::{plan, Reason, Roadmap, WEEKS_PER_PHASE};
use leptos::prelude::*;

const HOURS_CHOICES: [u32; 9] = [1, 2, 3, 4, 5, 6, 8, 10, 15];

/// The roadmap built from the latest diagnostic and the lessons completed since.
#[component]
pub fn RoadmapPage() -> impl IntoView {
    crate::set_page_title("Your roadmap");
    let learner = Learner::get();
    // A memo: a change of pace must not rebuild the page, only re-plan it.
    let has_attempt = Memo::new(move |_| learner.diagnostic.with(|d| !d.attempts.is_empty()));
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
        if !has_attempt.get() {
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
                <Show when=move || roadmap.with(|r| r.is_some())>
                    <RoadmapBody roadmap=roadmap start=start/>
                </Show>
            </section>
        }
        .into_any()
    }
}

/// One row of the plan: a phase's heading, or a lesson to study.
#[derive(Clone, PartialEq, Eq, Hash)]
enum Row {
    Phase {
        phase: u32,
        heading: String,
        dates: String,
    },
    Lesson {
        lesson: u32,
        reasons: Vec<Reason>,
    },
}

fn rows(roadmap: &Roadmap, start: Day) -> Vec<Row> {
    let mut rows = Vec::new();
    for (phase, items) in roadmap.phases() {
        let first = phase * WEEKS_PER_PHASE;
        let last_week = items
            .iter()
            .filter_map(|&i| roadmap.items[i].week)
            .max()
            .unwrap_or(first);
        let from = start.plus_days(i64::from(first) * 7);
        let to = start.plus_days(i64::from(last_week) * 7 + 6);
        rows.push(Row::Phase {
            phase,
            heading: format!(
                "Phase {} · weeks {}–{}",
                phase + 1,
                first + 1,
                last_week + 1
            ),
            dates: format!("{} – {}", from.human(), to.human()),
        });
        rows.extend(items.into_iter().map(|i| Row::Lesson {
            lesson: roadmap.items[i].lesson,
            reasons: roadmap.items[i].reasons.clone(),
        }));
    }
    rows
}

/// The plan as one keyed list: a new pace moves the phase headings and updates each
/// lesson's week, and keeps every lesson's row as it is (a re-plan stays within a frame).
#[component]
fn RoadmapBody(roadmap: Memo<Option<Roadmap>>, start: Day) -> impl IntoView {
    let summary = move || {
        roadmap.with(|r| {
            let Some(r) = r else { return String::new() };
            let total = r.items.len();
            let done = r.done();
            if total == 0 {
                "Your diagnostic found no gaps: there is nothing to schedule.".to_string()
            } else if done == total {
                format!("All {total} lessons of your roadmap are complete.")
            } else {
                let finish = start.plus_days(i64::from(r.weeks) * 7);
                format!(
                    "{done} of {total} lessons done. About {} hours of study remain: at this pace you finish around {}.",
                    r.remaining_minutes.div_ceil(60),
                    finish.human()
                )
            }
        })
    };
    let total = move || roadmap.with(|r| r.as_ref().map_or(0, |r| r.items.len()));
    let done = move || roadmap.with(|r| r.as_ref().map_or(0, |r| r.done()));
    let plan_rows = Memo::new(move |_| {
        roadmap.with(|r| r.as_ref().map(|r| rows(r, start)).unwrap_or_default())
    });
    let done_items = Memo::new(move |_| {
        roadmap.with(|r| {
            r.as_ref()
                .map(|r| {
                    r.items
                        .iter()
                        .filter(|i| i.done)
                        .cloned()
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    view! {
        <p class="roadmap-summary" role="status">{summary}</p>
        <progress class="roadmap-progress" max=move || total().max(1) value=done aria-label="Roadmap progress"></progress>
        <ol class="roadmap-items roadmap-plan">
            <For each=move || plan_rows.get() key=|row| row.clone() let:row>
                {match row {
                    Row::Phase { phase, heading, dates } => view! {
                        <li class="phase-heading">
                            <h2 id=format!("phase-{phase}")>{heading}<span class="phase-dates">{dates}</span></h2>
                        </li>
                    }
                    .into_any(),
                    Row::Lesson { lesson, reasons } => view! { <Item lesson=lesson reasons=reasons roadmap=roadmap start=start/> }.into_any(),
                }}
            </For>
        </ol>
        {move || {
            let done_items = done_items.get();
            (!done_items.is_empty()).then(|| view! {
                <section class="phase done-phase" aria-labelledby="phase-done">
                    <h2 id="phase-done">{format!("Done ({})", done_items.len())}</h2>
                    <ol class="roadmap-items">
                        {done_items.into_iter().map(|item| view! { <Item lesson=item.lesson reasons=item.reasons roadmap=roadmap start=start/> }).collect_view()}
                    </ol>
                </section>
            })
        }}
    }
}

#[component]
fn Item(
    lesson: u32,
    reasons: Vec<Reason>,
    roadmap: Memo<Option<Roadmap>>,
    start: Day,
) -> impl IntoView {
    let ix = lesson;
    let lesson = CURRICULUM.lesson(ix);
    let item = move || {
        roadmap.with(|r| {
            r.as_ref()
                .and_then(|r| r.items.iter().find(|i| i.lesson == ix))
                .map(|i| (i.done, i.week))
        })
    };
    let done = move || item().is_some_and(|(done, _)| done);
    let when = move || {
        item()
            .and_then(|(_, week)| week)
            .map(|w| format!(" · Week of {}", start.plus_days(i64::from(w) * 7).human()))
    };
    view! {
        <li class="roadmap-item" class:done=done>
            <p class="roadmap-item-title">
                <Link href=format!("/lesson/{}", lesson.number)><span class="lesson-number">{lesson.number}</span>" "{lesson.title}</Link>
                <Show when=done><span class="done-mark">"Completed"</span></Show>
                <crate::components::badges::LockMark lesson=lesson/>
            </p>
            <p class="muted">{format!("{} min", lesson.minutes)}{when}</p>
            <ul class="reasons">
                {reasons.iter().map(|reason| match *reason {
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
