//! What could not load and why, the same way everywhere: a page's code, a lesson's text, a
//! masterclass.

use crate::loader::LoadError;
use leptos::prelude::*;

/// The message, Try again, and, when the server answered with something else than the file
/// (a new version has replaced it), Reload page, which gets that version.
pub fn load_failed(
    error: LoadError,
    what: &str,
    retry: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let reload = |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    };
    view! {
        <div class="load-error" role="alert">
            <p>{error.message(what)}</p>
            <div class="actions">
                <button type="button" class="button small" on:click=move |_| retry()>"Try again"</button>
                {(error == LoadError::Unavailable).then(|| view! {
                    <button type="button" class="button small secondary" on:click=reload>"Reload page"</button>
                })}
            </div>
        </div>
    }
}
