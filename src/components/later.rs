//! Parts of a page built one task after the rest: below the first screen (a lesson's
//! tools and Q&A), so that starting the app on a long page is two shorter tasks rather than
//! one long one that blocks input. Not worth it for small parts: each deferred part costs
//! the browser another style and layout pass (measured: deferring the footer made Home's
//! start block longer, not shorter).

use leptos::prelude::*;

/// Renders its children once the browser has run the task that builds the page. Nothing
/// above them moves when they appear: use it only for what comes after the visible part.
#[component]
pub fn Later(children: ChildrenFn) -> impl IntoView {
    let ready = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        crate::split::next_task().await;
        // The learner may have left the page meanwhile.
        let _ = ready.try_set(true);
    });
    move || ready.get().then(|| children())
}
