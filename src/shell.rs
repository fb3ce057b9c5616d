//! The app's side of assets/app-shell.js, which registers the service worker: the events the
//! app sends it and the values it leaves on `window` for the app.

use wasm_bindgen::JsValue;

/// Sends `event` (such as `storewise-ready`) to the shell script, which listens on `window`.
pub fn tell(event: &str) {
    if let Some(window) = web_sys::window() {
        if let Ok(event) = web_sys::CustomEvent::new(event) {
            let _ = window.dispatch_event(&event);
        }
    }
}

/// What the shell script left on `window` under `name`; undefined when it did not.
pub fn value(name: &str) -> JsValue {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &name.into()).ok())
        .unwrap_or(JsValue::UNDEFINED)
}

/// Removes what is left of index.html's static first screen (`#boot`), once the app shows
/// its own version of it.
pub fn remove_static_screen() {
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        boot.remove();
    }
}
