//! Entry point: show panics in the browser console, replace the static first screen with
//! the app, and tell the page the app has started (it then registers the service worker).

fn main() {
    console_error_panic_hook::set_once();
    let document = web_sys::window().and_then(|w| w.document());
    if let Some(boot) = document.as_ref().and_then(|d| d.get_element_by_id("boot")) {
        boot.remove();
    }
    leptos::mount::mount_to_body(storewise::App);
    if let Some(window) = web_sys::window() {
        if let Ok(ready) = web_sys::CustomEvent::new("storewise-ready") {
            let _ = window.dispatch_event(&ready);
        }
    }
}
