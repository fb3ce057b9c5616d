//! "Continue where you left off": the last lesson opened and the next lesson of the roadmap.
//!
//! Working out the next lesson means assessing the diagnostic and planning the roadmap, code
//! a first visit never needs: the links are in the `settings` module, fetched once the
//! learner has something to continue (`main` fetches it before starting for a returning
//! learner, so the links do not push the page down after a moment).

use crate::components::link::Link;
use crate::content::CURRICULUM;
use crate::split::CONTINUE;
use crate::state::Learner;
use leptos::prelude::*;

/// The links, once there is something to continue and their code is here.
#[component]
pub fn ContinueLinks() -> impl IntoView {
    let learner = Learner::get();
    let location = leptos_router::hooks::use_location();
    let links = RwSignal::new(CONTINUE.ready());
    Effect::new(move |_| {
        // A lesson being read is its own last opened lesson, with no link to show: its
        // page does not fetch the links' code (Home, which starts without the curriculum,
        // has it fetched by `main` already).
        let elsewhere = |id: &str| {
            !crate::content::is_loaded()
                || CURRICULUM
                    .lesson_ix_by_id(id)
                    .is_some_and(|ix| location.pathname.with(|here| !is_page_of(ix, here)))
        };
        // Or soon will be: a diagnostic under way ends with a roadmap, whose link then
        // appears with the results instead of pushing them down a moment later (under the
        // learner's finger, as they reach for "See your roadmap").
        let something = learner
            .progress
            .with(|p| p.last_opened.as_deref().is_some_and(elsewhere))
            || learner
                .diagnostic
                .with(|d| !d.attempts.is_empty() || !d.current.0.is_empty());
        if something && links.get_untracked().is_none() {
            leptos::task::spawn_local(async move {
                // Not on the task that changed the learner's state (the last answer of the
                // diagnostic, say): starting a download is a dozen requests' worth of work.
                crate::split::idle().await;
                // Without their code (offline on a first visit) the header simply has no links.
                if let Ok(page) = CONTINUE.ensure().await {
                    let _ = links.try_set(Some(page));
                }
            });
        }
    });
    move || links.get().map(untrack)
}

/// Whether `path` is the page of lesson `ix`: no link leads to the page being read.
fn is_page_of(ix: u32, path: &str) -> bool {
    path == format!("{}/lesson/{}", crate::BASE, CURRICULUM.lesson(ix).number)
}

/// Links to the last lesson opened and the next roadmap lesson, when there are any.
#[component]
pub fn ContinueNav() -> impl IntoView {
    let learner = Learner::get();
    let last = Memo::new(move |_| learner.last_opened());
    let next = Memo::new(move |_| learner.next_on_roadmap());
    // Not a link to the page the learner is reading.
    let location = leptos_router::hooks::use_location();
    let here = Memo::new(move |_| location.pathname.get());
    let elsewhere = move |ix: Option<u32>| ix.filter(|&ix| here.with(|h| !is_page_of(ix, h)));
    let last = Memo::new(move |_| elsewhere(last.get()));
    let next = Memo::new(move |_| elsewhere(next.get()));
    let link = |ix: u32, label: &'static str| {
        let l = CURRICULUM.lesson(ix);
        view! {
            <li>
                <span class="continue-label">{label}</span>
                <Link href=format!("/lesson/{}", l.number)><span class="lesson-number">{l.number}</span>" "{l.title}</Link>
            </li>
        }
    };
    view! {
        <Show when=move || last.get().is_some() || next.get().is_some()>
            <nav class="continue" aria-label="Continue">
                <ul>
                    {move || last.get().map(|ix| link(ix, "Continue:"))}
                    {move || next.get().filter(|n| Some(*n) != last.get()).map(|ix| link(ix, "Next on your roadmap:"))}
                </ul>
            </nav>
        </Show>
    }
}
