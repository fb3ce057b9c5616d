//! Links to the app's own pages, under its base path (see [`crate::BASE`]). The router's
//! own `A` leaves absolute paths as they are, so every internal link goes through here.

use leptos::prelude::*;
use leptos_router::components::A;

/// An `<a>` to an app page given from the app's root (`/lesson/8.9.3.2`), with the router's
/// client-side navigation and `aria-current="page"` on the current page.
#[component]
pub fn Link(#[prop(into)] href: String, children: Children) -> impl IntoView {
    view! { <A href=format!("{}{href}", crate::BASE)>{children()}</A> }
}
