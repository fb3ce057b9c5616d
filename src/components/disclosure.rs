//! A `<details>` whose content is built the first time it opens, or when the page is
//! printed: the results page shows dozens of collapsed lists, and building them all would
//! delay the results themselves.

use leptos::prelude::*;

#[component]
pub fn Disclosure(class: &'static str, summary: String, children: ChildrenFn) -> impl IntoView {
    let built = RwSignal::new(false);
    let printing = window_event_listener(leptos::ev::beforeprint, move |_| built.set(true));
    on_cleanup(move || printing.remove());
    let toggled = move |ev: leptos::ev::Event| {
        let open = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlDetailsElement>(t).ok())
            .is_some_and(|d| d.open());
        if open {
            built.set(true);
        }
    };
    view! {
        <details class=class on:toggle=toggled>
            <summary>{summary}</summary>
            <Show when=move || built.get()>{children()}</Show>
        </details>
    }
}
