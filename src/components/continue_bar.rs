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
    let links = RwSignal::new(CONTINUE.ready());
    Effect::new(move |_| {
        let something = learner.progress.with(|p| p.last_opened.is_some())
            || learner.diagnostic.with(|d| !d.attempts.is_empty());
        if something && links.get_untracked().is_none() {
            leptos::task::spawn_local(async move {
                // Without their code (offline on a first visit) the header simply has no links.
                if let Ok(page) = CONTINUE.ensure().await {
                    let _ = links.try_set(Some(page));
                }
            });
        }
    });
    move || links.get().map(untrack)
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
    let elsewhere = move |ix: Option<u32>| {
        ix.filter(|&ix| {
            let path = format!("{}/lesson/{}", crate::BASE, CURRICULUM.lesson(ix).number);
            here.with(|h| *h != path)
        })
    };
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
