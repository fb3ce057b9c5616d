//! Saved: bookmarked lessons and lessons with notes.

use crate::components::link::Link;
use crate::content::CURRICULUM;
use crate::state::Learner;
use leptos::prelude::*;

/// Bookmarked lessons and the learner's notes, in curriculum order.
#[component]
pub fn SavedPage() -> impl IntoView {
    crate::set_page_title("Saved");
    let learner = Learner::get();
    let bookmarks = move || {
        learner.progress.with(|p| {
            (0..CURRICULUM.lessons.len() as u32)
                .filter(|&i| p.bookmarks.contains(CURRICULUM.lesson(i).id))
                .collect::<Vec<_>>()
        })
    };
    let notes = move || {
        learner.progress.with(|p| {
            (0..CURRICULUM.lessons.len() as u32)
                .filter_map(|i| p.notes.get(CURRICULUM.lesson(i).id).map(|n| (i, n.clone())))
                .collect::<Vec<_>>()
        })
    };
    let title = |ix: u32| {
        let l = CURRICULUM.lesson(ix);
        view! { <Link href=format!("/lesson/{}", l.number)><span class="lesson-number">{l.number}</span>" "{l.title}</Link> }
    };
    view! {
        <section class="container section prose saved">
            <h1>"Saved"</h1>
            <h2>"Bookmarked lessons"</h2>
            {move || {
                let list = bookmarks();
                if list.is_empty() {
                    view! { <p class="muted">"No bookmarks yet. Use “Bookmark” on a lesson to keep it here."</p> }.into_any()
                } else {
                    view! { <ul class="saved-list">{list.into_iter().map(|ix| view! { <li>{title(ix)}</li> }).collect_view()}</ul> }.into_any()
                }
            }}
            <h2>"Your notes"</h2>
            {move || {
                let list = notes();
                if list.is_empty() {
                    view! { <p class="muted">"No notes yet. Each lesson has a private note field under its masterclass."</p> }.into_any()
                } else {
                    view! {
                        <ul class="saved-list">
                            {list.into_iter().map(|(ix, note)| view! { <li>{title(ix)}<p class="note-text">{note}</p></li> }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
        </section>
    }
}
