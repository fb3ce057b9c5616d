//! "A new version is ready": offered when the service worker has installed a new version.
//! Accepting it lets that version take over, and the page reloads into it.

use leptos::prelude::*;

fn update_waiting() -> bool {
    let worker = crate::shell::value("__storewiseUpdate");
    !worker.is_undefined() && !worker.is_null()
}

/// A bar offering to reload into the new version.
#[component]
pub fn UpdateOffer() -> impl IntoView {
    let ready = RwSignal::new(update_waiting());
    let listener =
        window_event_listener_untyped("storewise-update-ready", move |_| ready.set(true));
    on_cleanup(move || listener.remove());
    let accept = move |_| crate::shell::tell("storewise-update-accept");
    view! {
        {move || ready.get().then(|| view! {
            <div class="container update-offer" role="status">
                <p>"A new version of the app is ready."</p>
                <button type="button" class="button primary small" on:click=accept>"Reload to update"</button>
                <button type="button" class="button small" on:click=move |_| ready.set(false)>"Later"</button>
            </div>
        })}
    }
}
