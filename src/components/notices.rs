//! Notices about the learner's stored data: damaged values kept aside, storage that is
//! blocked or full, a newer version in another tab.

use crate::state::{Learner, Notice};
use crate::storage;
use leptos::prelude::*;

/// The notices, each with what it means and what the learner can do.
#[component]
pub fn StorageNotices() -> impl IntoView {
    let learner = Learner::get();
    let dismiss = move |i: usize| {
        learner.notices.update(|n| {
            if i < n.len() {
                n.remove(i);
            }
        })
    };
    view! {
        <div class="container notices" role="region" aria-label="Notices about your data">
            {move || learner.notices.get().into_iter().enumerate().map(|(i, notice)| {
                let (title, text, backup) = match notice {
                    Notice::Damaged(d) => (
                        "Some saved data could not be read".to_string(),
                        format!("We could not read {} because {}. The app started without it; the original is kept safe in this browser, and you can download it.", d.part.label(), d.reason.describe()),
                        Some((d.backup_key, d.part.name())),
                    ),
                    Notice::Unavailable => (
                        "Your progress will not be kept".to_string(),
                        "This browser does not let the site store data (private browsing, blocked storage or an embedded frame). Everything works, but it is lost when you close this tab. Export your data from Settings before you leave.".to_string(),
                        None,
                    ),
                    Notice::Full => (
                        "Your last change was not saved".to_string(),
                        "The browser's storage for this site is full. Everything saved before is safe and the app keeps working; export your data from Settings, then free some space in the browser.".to_string(),
                        None,
                    ),
                    Notice::OlderTab => (
                        "A newer version is open in another tab".to_string(),
                        "Another tab saved your data with a newer version of the app. This tab will not save over it: reload this tab to keep working.".to_string(),
                        None,
                    ),
                };
                view! {
                    <div class="notice" role="alert">
                        <p class="notice-title">{title}</p>
                        <p>{text}</p>
                        <div class="notice-actions">
                            {backup.map(|(key, name)| view! {
                                <button type="button" class="button small" on:click=move |_| {
                                    if let Some(raw) = storage::raw(&key) {
                                        crate::files::download(&format!("storewise-damaged-{name}.json"), "application/json", &raw);
                                    }
                                }>"Download the damaged data"</button>
                            })}
                            <button type="button" class="button small" on:click=move |_| dismiss(i)>"Dismiss"</button>
                        </div>
                    </div>
                }
            }).collect_view()}
        </div>
    }
}
