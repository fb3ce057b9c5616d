//! Entry point: show panics in the browser console, then replace the static first screen
//! with the app and tell the page the app has started (it then registers the service worker).

use wasm_bindgen::JsCast;

fn main() {
    console_error_panic_hook::set_once();
    // On a fast connection the app can be ready before the static first screen has
    // painted: app-shell.js says when it has (`storewisePainted`), and the app waits for it.
    // Meanwhile it fetches the code of the page being opened if that page is a chunk, so the
    // static screen gives way to the finished page, never to a loading line.
    let painted = storewise::shell::value("storewisePainted")
        .dyn_into::<js_sys::Promise>()
        .ok();
    let chunk = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .and_then(|path| storewise::split::for_path(&path));
    // The header shows a returning learner where to continue: those links would otherwise
    // appear after a moment and push the page down.
    let links = storewise::storage::holds_learning().then_some(&storewise::split::CONTINUE);
    wasm_bindgen_futures::spawn_local(async move {
        // A failure shows on the page itself, with Try again; without their code the header
        // simply has no continue links.
        let ensure = |chunk: Option<&'static storewise::split::Chunk>| async move {
            if let Some(chunk) = chunk {
                let _ = chunk.ensure().await;
            }
        };
        futures::future::join(ensure(chunk), ensure(links)).await;
        if let Some(painted) = painted {
            let _ = wasm_bindgen_futures::JsFuture::from(painted).await;
        }
        // The page is built in a task of its own, not in the one that finished compiling
        // and instantiating the wasm: two shorter tasks block input less than one long one.
        storewise::split::next_task().await;
        start();
    });
}

fn start() {
    // The static first screen's page gives way to the app's; its header stays until the
    // app has built its own (see `Shell`).
    let document = web_sys::window().and_then(|w| w.document());
    if let Some(page) = document.and_then(|d| d.query_selector("#boot main").ok().flatten()) {
        page.remove();
    }
    storewise::mount();
    storewise::shell::tell("storewise-ready");
}
