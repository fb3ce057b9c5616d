//! Links to the app's own pages, under its base path (see [`crate::BASE`]). The router's
//! own `A` leaves absolute paths as they are, so every internal link goes through here.

use leptos::prelude::*;
use leptos_router::components::A;

/// An `<a>` to an app page given from the app's root (`/lesson/8.9.3.2`). A plain element:
/// the router navigates client-side on any click of a link inside it, and long lists of
/// lessons (results, roadmap) render many of these.
#[component]
pub fn Link(#[prop(into)] href: String, children: Children) -> impl IntoView {
    view! { <a href=format!("{}{href}", crate::BASE)>{children()}</a> }
}

/// A navigation link: like [`Link`], plus `aria-current="page"` while its page is shown.
#[component]
pub fn NavLink(#[prop(into)] href: String, children: Children) -> impl IntoView {
    view! { <A href=format!("{}{href}", crate::BASE)>{children()}</A> }
}
