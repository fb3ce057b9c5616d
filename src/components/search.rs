//! Search: results as you type, ranked, matched words highlighted, arrow keys to move and
//! Enter to open; `/` anywhere opens it.
//!
//! The button, `/` and the dialog's frame are in the main wasm file; what is inside the
//! dialog (the field, the ranking, the results) is in the `settings` module, fetched the first
//! time the dialog opens (or the pointer comes near the button), so pages start without it.
//! The curriculum and the full-text index load on the first search too; until the index is
//! there, titles and summaries are searched.

use crate::content::CURRICULUM;
use crate::loader::{search_index, LoadError};
use crate::split::{Page, SEARCH};
use crate::state::Learner;
use academy_core::search::{highlight, search, SearchIndex};
use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

const MAX_RESULTS: usize = 12;

/// What the frame shares with the chunk's panel: the dialog, and a count of the times the
/// learner asked for it, which the panel watches to focus its field.
#[derive(Clone, Copy)]
struct Frame {
    dialog: NodeRef<html::Dialog>,
    requests: RwSignal<u32>,
}

impl Frame {
    fn close(self) {
        if let Some(d) = self.dialog.get_untracked() {
            d.close();
        }
    }
}

#[derive(Clone, Copy)]
enum Panel {
    NotFetched,
    Fetching,
    Ready(Page),
    Failed(LoadError),
}

/// A "Search" button for the header, and the dialog it opens.
#[component]
pub fn SearchDialog() -> impl IntoView {
    let frame = Frame {
        dialog: NodeRef::new(),
        requests: RwSignal::new(0),
    };
    provide_context(frame);
    let panel = RwSignal::new(Panel::NotFetched);
    let fetch = move || {
        if matches!(panel.get_untracked(), Panel::Fetching | Panel::Ready(_)) {
            return;
        }
        panel.set(Panel::Fetching);
        leptos::task::spawn_local(async move {
            let state = match SEARCH.ensure().await {
                Ok(page) => Panel::Ready(page),
                Err(failed) => Panel::Failed(failed.reason()),
            };
            let _ = panel.try_set(state);
        });
    };
    let open = move || {
        fetch();
        if let Some(d) = frame.dialog.get_untracked() {
            if !d.open() {
                let _ = d.show_modal();
            }
        }
        frame.requests.update(|n| *n += 1);
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
    let close_button = move || view! { <button type="button" class="button small" on:click=move |_| frame.close()>"Close"</button> };
    view! {
        <button type="button" class="search-button" aria-keyshortcuts="/"
            on:click=move |_| open() on:pointerenter=move |_| fetch() on:focus=move |_| fetch()>
            <span class="icon icon-search" aria-hidden="true"></span>"Search"
        </button>
        <dialog node_ref=frame.dialog class="search-dialog" aria-labelledby="search-title"
            on:click=move |e| {
                // A click on the backdrop (the dialog element itself) closes it.
                if e.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlDialogElement>(t).ok()).is_some() { frame.close(); }
            }>
            <div class="search-box">
                <h2 id="search-title" class="visually-hidden">"Search the curriculum"</h2>
                {move || match panel.get() {
                    Panel::Ready(page) => untrack(page),
                    Panel::NotFetched | Panel::Fetching => view! {
                        <div class="search-row">
                            <p class="muted small search-waiting" role="status">"Search is loading…"</p>
                            {close_button()}
                        </div>
                    }.into_any(),
                    Panel::Failed(error) => view! {
                        {crate::components::load_error::load_failed(error, "Search", fetch)}
                        <div class="search-row">{close_button()}</div>
                    }.into_any(),
                }}
            </div>
        </dialog>
    }
}

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

/// Inside the dialog: the field, a status line and the results (the `search` chunk).
#[component]
pub fn SearchPanel() -> impl IntoView {
    let frame = expect_context::<Frame>();
    let learner = Learner::get();
    let input = NodeRef::<html::Input>::new();
    let query = RwSignal::new(String::new());
    let active = RwSignal::new(0usize);
    let navigate = StoredValue::new(use_navigate());
    let index = RwSignal::new(IndexState::None);
    // Every time the dialog is opened: fetch what is missing and put the cursor in the field.
    Effect::new(move |_| {
        frame.requests.track();
        if !matches!(index.get_untracked(), Some(Ok(_))) {
            leptos::task::spawn_local(async move {
                let _ = index.try_set(Some(search_index().await));
            });
        }
        if let Some(i) = input.get_untracked() {
            let _ = i.focus();
            i.select();
        }
    });
    let hits = Memo::new(move |_| {
        let full = match index.get() {
            Some(Ok(full)) => full,
            _ => &TITLES_ONLY,
        };
        // Home starts without the curriculum: the first search fetches it with the index.
        if !crate::content::ready() {
            return Vec::new();
        }
        query.with(|q| {
            let mut hits = search(&CURRICULUM, full, q, |plan| learner.can_read(plan));
            hits.truncate(MAX_RESULTS);
            hits
        })
    });
    let go = move |i: usize| {
        if let Some(hit) = hits.with_untracked(|h| h.get(i).cloned()) {
            frame.close();
            let lesson = CURRICULUM.lesson(hit.lesson);
            navigate.with_value(|n| n(&format!("/lesson/{}", lesson.number), Default::default()));
        }
    };
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
                frame.close();
            }
            _ => {}
        }
    };
    let status = move || {
        if !crate::content::ready() {
            return match index.get() {
                Some(Err(e)) => e.message("Search"),
                _ => "Search is loading…".to_string(),
            };
        }
        let n = hits.with(|h| h.len());
        let found = if query.with(|q| q.trim().is_empty()) {
            "Type to search. Arrow keys move, Enter opens.".to_string()
        } else if n == 0 {
            "No lesson matches every word.".to_string()
        } else {
            format!("{n} lesson{} found", if n == 1 { "" } else { "s" })
        };
        match index.get() {
            Some(Ok(_)) => found,
            None => format!("{found} Titles only for now: the full-text index is loading."),
            Some(Err(e)) => format!(
                "{found} Titles and summaries only. {}",
                e.message("The full-text index")
            ),
        }
    };
    view! {
        <div class="search-row">
            <input node_ref=input type="search" role="combobox" aria-label="Search lessons, checkpoints and answers"
                aria-expanded=move || (!hits.with(|h| h.is_empty())).to_string()
                aria-controls="search-results" aria-autocomplete="list"
                aria-activedescendant=move || (!hits.with(|h| h.is_empty())).then(|| format!("search-hit-{}", active.get()))
                placeholder="Search lessons, checkpoints and answers"
                prop:value=move || query.get()
                on:input=move |ev| { query.set(event_target_value(&ev)); active.set(0); }
                on:keydown=keys/>
            <button type="button" class="button small" on:click=move |_| frame.close()>"Close"</button>
        </div>
        <p class="muted small" role="status">{status}</p>
        <ul id="search-results" role="listbox" aria-label="Results" class="search-results">
            {move || {
                let q = query.get();
                hits.get().into_iter().enumerate().map(|(i, hit)| {
                    let lesson = CURRICULUM.lesson(hit.lesson);
                    view! {
                        <li id=format!("search-hit-{i}") role="option" aria-selected=move || (active.get() == i).to_string()
                            class:active=move || active.get() == i
                            on:mousemove=move |_| active.set(i) on:click=move |_| go(i)>
                            <span class="lesson-number">{lesson.number}</span>
                            <span class="hit-title">{marked(lesson.title, &q)}</span>
                            <span class="hit-summary">{marked(lesson.summary, &q)}</span>
                        </li>
                    }
                }).collect_view()
            }}
        </ul>
    }
}
