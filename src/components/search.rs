//! The search dialog: results as you type, ranked, matched words highlighted, arrow keys to
//! move and Enter to open; `/` anywhere opens it. The full-text index loads the first time
//! the dialog opens; until it is there, titles and summaries are searched.

use crate::content::CURRICULUM;
use crate::loader::{search_index, LoadError};
use crate::state::Learner;
use academy_core::search::{highlight, search, SearchIndex};
use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

const MAX_RESULTS: usize = 12;

/// Stands in for the full-text index while it loads: titles and summaries still match.
static TITLES_ONLY: SearchIndex = SearchIndex {
    terms: Vec::new(),
    offsets: Vec::new(),
    postings: Vec::new(),
};

type IndexState = Option<Result<&'static SearchIndex, LoadError>>;

fn marked(text: &str, query: &str) -> impl IntoView {
    highlight(text, query)
        .into_iter()
        .map(|(piece, hit)| {
            if hit {
                view! { <mark>{piece}</mark> }.into_any()
            } else {
                piece.into_any()
            }
        })
        .collect_view()
}

/// A "Search" button for the header, and the dialog it opens.
#[component]
pub fn SearchDialog() -> impl IntoView {
    let learner = Learner::get();
    let dialog = NodeRef::<html::Dialog>::new();
    let input = NodeRef::<html::Input>::new();
    let query = RwSignal::new(String::new());
    let active = RwSignal::new(0usize);
    let navigate = StoredValue::new(use_navigate());
    let index = RwSignal::new(IndexState::None);
    let load_index = move || {
        if !matches!(index.get_untracked(), Some(Ok(_))) {
            leptos::task::spawn_local(async move { index.set(Some(search_index().await)) });
        }
    };
    let hits = Memo::new(move |_| {
        let full = match index.get() {
            Some(Ok(full)) => full,
            _ => &TITLES_ONLY,
        };
        // Home starts without the curriculum: opening search fetches it with the index.
        if !crate::content::ready() {
            return Vec::new();
        }
        query.with(|q| {
            let mut hits = search(&CURRICULUM, full, q, |plan| learner.can_read(plan));
            hits.truncate(MAX_RESULTS);
            hits
        })
    });
    // The dialog is built in a task after the rest of the page (it is hidden until opened),
    // so that starting the app is not one long task; opening it first builds it at once.
    let built = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        crate::split::next_task().await;
        let _ = built.try_set(true);
    });
    let show = move || {
        if let Some(d) = dialog.get_untracked() {
            if !d.open() {
                let _ = d.show_modal();
            }
            if let Some(i) = input.get_untracked() {
                let _ = i.focus();
                i.select();
            }
        }
    };
    let open = move || {
        load_index();
        if dialog.get_untracked().is_none() {
            built.set(true);
            // The dialog is in the page once this task's updates have run.
            leptos::task::spawn_local(async move {
                crate::split::next_task().await;
                show();
            });
            return;
        }
        show();
    };
    let close = move || {
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
    };
    let go = move |i: usize| {
        if let Some(hit) = hits.with_untracked(|h| h.get(i).cloned()) {
            close();
            let lesson = CURRICULUM.lesson(hit.lesson);
            navigate.with_value(|n| n(&format!("/lesson/{}", lesson.number), Default::default()));
        }
    };
    // `/` opens search unless the learner is typing somewhere.
    let slash = window_event_listener(ev::keydown, move |e| {
        if e.key() != "/" || e.ctrl_key() || e.meta_key() || e.alt_key() {
            return;
        }
        let typing = e
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|el| {
                matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                    || el.has_attribute("contenteditable")
            });
        if !typing {
            e.prevent_default();
            open();
        }
    });
    on_cleanup(move || slash.remove());
    let keys = move |e: ev::KeyboardEvent| {
        let count = hits.with_untracked(|h| h.len());
        match e.key().as_str() {
            "ArrowDown" if count > 0 => {
                e.prevent_default();
                active.update(|a| *a = (*a + 1) % count);
            }
            "ArrowUp" if count > 0 => {
                e.prevent_default();
                active.update(|a| *a = (*a + count - 1) % count);
            }
            "Enter" => {
                e.prevent_default();
                go(active.get_untracked());
            }
            // A search field would first clear itself on Escape; close at once instead.
            "Escape" => {
                e.prevent_default();
                close();
            }
            _ => {}
        }
    };
    view! {
        <button type="button" class="search-button" on:click=move |_| open() aria-keyshortcuts="/">
            <span aria-hidden="true">"⌕ "</span>"Search"
        </button>
        {move || built.get().then(|| view! {
        <dialog node_ref=dialog class="search-dialog" aria-labelledby="search-title"
            on:click=move |e| {
                // A click on the backdrop (the dialog element itself) closes it.
                if e.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlDialogElement>(t).ok()).is_some() { close(); }
            }>
            <div class="search-box">
                <h2 id="search-title" class="visually-hidden">"Search the curriculum"</h2>
                <div class="search-row">
                    <input node_ref=input type="search" role="combobox" aria-label="Search lessons, checkpoints and answers"
                        aria-expanded=move || (!hits.with(|h| h.is_empty())).to_string()
                        aria-controls="search-results" aria-autocomplete="list"
                        aria-activedescendant=move || (!hits.with(|h| h.is_empty())).then(|| format!("search-hit-{}", active.get()))
                        placeholder="Search lessons, checkpoints and answers"
                        prop:value=move || query.get()
                        on:input=move |ev| { query.set(event_target_value(&ev)); active.set(0); }
                        on:keydown=keys/>
                    <button type="button" class="button small" on:click=move |_| close()>"Close"</button>
                </div>
                <p class="muted small" role="status">
                    {move || (!crate::content::ready()).then(|| match index.get() {
                        Some(Err(e)) => e.message("Search"),
                        _ => "Search is loading…".to_string(),
                    })}
                    {move || crate::content::ready().then(|| {
                        let n = hits.with(|h| h.len());
                        if query.with(|q| q.trim().is_empty()) { "Type to search. Arrow keys move, Enter opens.".to_string() }
                        else if n == 0 { "No lesson matches every word.".to_string() }
                        else { format!("{n} lesson{} found", if n == 1 { "" } else { "s" }) }
                    })}
                    {move || if !crate::content::ready() { None } else { match index.get() {
                        Some(Ok(_)) => None,
                        None => Some(" Titles only for now: the full-text index is loading.".to_string()),
                        Some(Err(e)) => Some(format!(" Titles and summaries only. {}", e.message("The full-text index"))),
                    }}}
                </p>
                <ul id="search-results" role="listbox" aria-label="Results" class="search-results">
                    {move || {
                        let q = query.get();
                        hits.get().into_iter().enumerate().map(|(i, hit)| {
                            let lesson = CURRICULUM.lesson(hit.lesson);
                            let q2 = q.clone();
                            view! {
                                <li id=format!("search-hit-{i}") role="option" aria-selected=move || (active.get() == i).to_string()
                                    class:active=move || active.get() == i
                                    on:mousemove=move |_| active.set(i) on:click=move |_| go(i)>
                                    <span class="lesson-number">{lesson.number}</span>
                                    <span class="hit-title">{marked(lesson.title, &q)}</span>
                                    <span class="hit-summary">{marked(lesson.summary, &q2)}</span>
                                </li>
                            }
                        }).collect_view()
                    }}
                </ul>
            </div>
        </dialog>
        })}
    }
}
