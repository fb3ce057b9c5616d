//! "Continue where you left off": the last lesson opened and the next lesson of the roadmap.

use crate::components::link::Link;
use crate::content::CURRICULUM;
use crate::state::Learner;
use leptos::prelude::*;

/// Links to the last lesson opened and the next roadmap lesson, when there are any.
#[component]
pub fn ContinueLinks() -> impl IntoView {
    let learner = Learner::get();
    // Nothing to show until the curriculum is here (Home starts without it).
    let ready = crate::content::ready;
    let last = Memo::new(move |_| ready().then(|| learner.last_opened()).flatten());
    let next = Memo::new(move |_| ready().then(|| learner.next_on_roadmap()).flatten());
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
