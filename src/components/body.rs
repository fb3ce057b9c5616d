//! Renders a lesson body (the core's document tree) with the markup the static lesson pages
//! have (`academy_core::html`, where every text is escaped), parsed by the browser in one
//! call rather than built node by node.

use academy_core::Block;
use leptos::prelude::*;

/// A body: preview, masterclass or answer.
#[component]
pub fn BodyView(blocks: &'static [Block]) -> impl IntoView {
    view! { <div class="body-text" inner_html=academy_core::html::body(blocks, crate::BASE)></div> }
}
