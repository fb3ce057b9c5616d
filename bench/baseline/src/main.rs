//! Hello world with a router: what any Leptos app here starts from.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

/// The one page.
#[component]
fn Hello() -> impl IntoView {
    view! { <main><h1>"Hello, world"</h1></main> }
}

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(|| {
        view! {
            <Router>
                <Routes fallback=|| "Not found">
                    <Route path=path!("/") view=Hello/>
                </Routes>
            </Router>
        }
    });
}
