//! Parts of a page built one task after the rest: below the first screen (a lesson's
//! tools and Q&A), so that starting the app on a long page is two shorter tasks rather than
//! one long one that blocks input. Not worth it for small parts: each deferred part costs
//! the browser another style and layout pass (measured: deferring the footer made Home's
//! start block longer, not shorter). Parts below the first screen skip most of that pass
//! anyway: they are laid out only near the viewport (`content-visibility` in the CSS).

use leptos::prelude::*;
use std::cell::Cell;

thread_local! {
    /// Whether the app is building its first page (see [`starting`]).
    static STARTING: Cell<bool> = const { Cell::new(false) };
}

/// Runs `start`, which builds the app's first page: parts marked `only_at_start` wait a
/// task only then.
pub fn starting<T>(start: impl FnOnce() -> T) -> T {
    STARTING.set(true);
    let built = start();
    STARTING.set(false);
    built
}

/// Renders its children once the browser has run the task that builds the page. Nothing
/// above them moves when they appear: use it only for what comes after the visible part.
/// With `only_at_start`, only a page built as the app starts waits: one built later (the
/// results after the diagnostic's last answer) is whole at once.
#[component]
pub fn Later(children: ChildrenFn, #[prop(optional)] only_at_start: bool) -> impl IntoView {
    let ready = ready_now_or_next_task(only_at_start && !STARTING.get());
    move || ready.get().then(|| children())
}

/// A flag that is true at once when `now`, and otherwise from the browser's next task.
pub fn ready_now_or_next_task(now: bool) -> RwSignal<bool> {
    let ready = RwSignal::new(now);
    if !now {
        leptos::task::spawn_local(async move {
            crate::split::next_task().await;
            // The learner may have left the page meanwhile.
            let _ = ready.try_set(true);
        });
    }
    ready
}
