//! Not found: any address the app does not know, with a way back.

use crate::components::link::Link;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// A friendly page for unknown addresses.
#[component]
pub fn NotFound() -> impl IntoView {
    crate::set_page_title("Page not found");
    let location = use_location();
    view! {
        <section class="container section prose">
            <h1>"Page not found"</h1>
            <p>
                "There is no page at "
                <code>{move || location.pathname.get()}</code>
                ". The link may be mistyped, or the page may have moved."
            </p>
            <div class="actions">
                <Link href="/" attr:class="button primary">"Back to Home"</Link>
                <Link href="/curriculum" attr:class="button secondary">"Browse the curriculum"</Link>
            </div>
        </section>
    }
}
