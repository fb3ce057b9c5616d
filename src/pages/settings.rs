//! Settings: the colour theme, the access plans unlocked in this browser (add a code,
//! remove a plan), offline use, and the learner's data.

use crate::components::theme::Theme;
use crate::content::CURRICULUM;
use crate::state::Learner;
use crate::storage::{self, ThemeChoice};
use leptos::prelude::*;

/// The learner's settings.
#[component]
pub fn SettingsPage() -> impl IntoView {
    crate::set_page_title("Settings");
    let learner = Learner::get();
    let Theme(theme) = expect_context::<Theme>();
    let code = RwSignal::new(String::new());
    let feedback = RwSignal::new(None::<Result<String, String>>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        feedback.set(Some(match learner.unlock(&code.get_untracked()) {
            Ok(plans) => {
                code.set(String::new());
                Ok(format!(
                    "The {} plan is unlocked in this browser.",
                    CURRICULUM.plans[plans[0]].name
                ))
            }
            Err(e) => Err(e.message()),
        }));
    };
    let choose = move |choice: ThemeChoice| {
        theme.set(choice);
        storage::save_theme(choice);
    };
    view! {
        <section class="container section prose settings">
            <h1>"Settings"</h1>
            <h2 id="theme-title">"Theme"</h2>
            <fieldset class="theme-choice" aria-labelledby="theme-title">
                {[(ThemeChoice::System, "Follow this device"), (ThemeChoice::Light, "Light"), (ThemeChoice::Dark, "Dark")].map(|(choice, label)| {
                    let id = format!("theme-{label}").replace(' ', "-").to_lowercase();
                    view! {
                        <div class="radio-row">
                            <input type="radio" name="theme" id=id.clone() prop:checked=move || theme.get() == choice on:change=move |_| choose(choice)/>
                            <label for=id>{label}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>

            <h2>"Access plans"</h2>
            <p>"Previews are always free. A plan unlocks its masterclasses in this browser; the code you were given unlocks it again on another device."</p>
            {move || {
                let unlocked: Vec<(usize, &'static str)> = (1..CURRICULUM.plans.len())
                    .filter(|&p| learner.access.with(|a| a.contains_key(CURRICULUM.plans[p].id)))
                    .map(|p| (p, CURRICULUM.plans[p].id))
                    .collect();
                if unlocked.is_empty() {
                    view! { <p class="muted">"No plan is unlocked in this browser."</p> }.into_any()
                } else {
                    view! {
                        <ul class="plan-list">
                            {unlocked.into_iter().map(|(p, id)| {
                                let plan = &CURRICULUM.plans[p];
                                view! {
                                    <li>
                                        <span><strong>{format!("{} plan", plan.name)}</strong>" · "{plan.description}</span>
                                        <button type="button" class="button small" on:click=move |_| learner.remove_plan(id)>
                                            {format!("Remove {}", plan.name)}
                                        </button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
            <form class="code-form" on:submit=submit>
                <label for="settings-code">"Add an access code"</label>
                <div class="code-row">
                    <input id="settings-code" type="text" autocomplete="off" autocapitalize="characters" spellcheck="false"
                        placeholder="CORE-XXXX-XXXX-XXXX-XXXX-XX"
                        prop:value=move || code.get() on:input=move |ev| { code.set(event_target_value(&ev)); feedback.set(None); }/>
                    <button type="submit" class="button">"Unlock"</button>
                </div>
                <p role="status" class="field-ok">{move || feedback.get().and_then(|f| f.ok())}</p>
                <p role="alert" class="field-error">{move || feedback.get().and_then(|f| f.err())}</p>
            </form>
            <OfflineSection/>
            <DataSection/>
        </section>
    }
}

/// Export, import (with a preview and a choice to replace or merge) and reset.
#[component]
fn DataSection() -> impl IntoView {
    use academy_core::stored::{merge, read_export, summary, LearnerData};
    let learner = Learner::get();
    let Theme(theme) = expect_context::<Theme>();
    let pending = RwSignal::new(None::<LearnerData>);
    let import_error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let confirming_reset = RwSignal::new(false);
    let export = move || {
        let day = crate::state::today();
        let (y, m, d) = day.ymd();
        let file = academy_core::stored::export(
            &learner.data(theme.get_untracked()),
            &format!("{y:04}-{m:02}-{d:02}"),
        );
        crate::files::download(
            &format!("storewise-export-{y:04}-{m:02}-{d:02}.json"),
            "application/json",
            &file,
        );
    };
    let picked = move |ev: leptos::ev::Event| {
        done.set(None);
        import_error.set(None);
        pending.set(None);
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        if file.size() > academy_core::stored::MAX_IMPORT_BYTES as f64 {
            import_error.set(Some(
                academy_core::stored::ImportError::TooLarge(file.size() as usize).message(),
            ));
            return;
        }
        leptos::task::spawn_local(async move {
            match crate::files::read_text(file).await {
                None => import_error.set(Some(
                    "This file could not be read. Choose the .json file that “Export” saved."
                        .into(),
                )),
                Some(text) => match read_export(&text) {
                    Ok(data) => pending.set(Some(data)),
                    Err(e) => import_error.set(Some(e.message())),
                },
            }
        });
    };
    let apply = move |replace: bool| {
        if let Some(imported) = pending.get_untracked() {
            let data = if replace {
                imported
            } else {
                merge(&learner.data(theme.get_untracked()), &imported)
            };
            theme.set(data.settings.theme);
            learner.replace(data);
            pending.set(None);
            done.set(Some(if replace {
                "Imported: your data was replaced by the file's.".into()
            } else {
                "Imported: the file's data was merged with yours.".into()
            }));
        }
    };
    let reset = move || {
        crate::storage::remove_all();
        theme.set(Default::default());
        learner.forget();
        confirming_reset.set(false);
        done.set(Some("Everything was deleted from this browser.".into()));
    };
    view! {
        <h2>"Your data"</h2>
        <p>"Everything you do here is kept in this browser only. Export it to keep a copy or to move it to another browser."</p>
        <div class="actions">
            <button type="button" class="button" on:click=move |_| export()>"Export your data"</button>
        </div>
        <label for="import-file" class="file-label">"Import an export file"</label>
        <input id="import-file" type="file" accept="application/json,.json" on:change=picked/>
        <p role="alert" class="field-error">{move || import_error.get()}</p>
        <p role="status" class="field-ok">{move || done.get()}</p>
        {move || pending.get().map(|data| view! {
            <div class="import-preview" role="region" aria-label="Import preview">
                <p><strong>"This file holds:"</strong></p>
                <ul>{summary(&data).into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                <div class="actions">
                    <button type="button" class="button primary" on:click=move |_| apply(false)>"Merge with my data"</button>
                    <button type="button" class="button" on:click=move |_| apply(true)>"Replace my data"</button>
                    <button type="button" class="button" on:click=move |_| pending.set(None)>"Cancel"</button>
                </div>
            </div>
        })}
        <h3>"Reset"</h3>
        {move || if confirming_reset.get() {
            let here = summary(&learner.data(theme.get_untracked()));
            view! {
                <div class="reset-confirm" role="alertdialog" aria-labelledby="reset-title" aria-describedby="reset-text">
                    <p id="reset-title"><strong>"Delete everything from this browser?"</strong></p>
                    <div id="reset-text">
                        <p>"This deletes, with no way back:"</p>
                        <ul>{here.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                        <p>"Export first if you may want it again."</p>
                    </div>
                    <div class="actions">
                        <button type="button" class="button" on:click=move |_| export()>"Export first"</button>
                        <button type="button" class="button danger" on:click=move |_| reset()>"Delete everything"</button>
                        <button type="button" class="button" on:click=move |_| confirming_reset.set(false)>"Cancel"</button>
                    </div>
                </div>
            }.into_any()
        } else {
            view! { <button type="button" class="button" on:click=move |_| confirming_reset.set(true)>"Reset everything…"</button> }.into_any()
        }}
    }
}

/// How far the service worker got saving the app for offline use, as assets/app-shell.js
/// reports it (`window.storewiseOffline`); `None` without a service worker.
fn offline_state() -> Option<String> {
    crate::shell::value("storewiseOffline").as_string()
}

/// What saving everything downloads, from the build (`storewise-offline-kb` in index.html).
fn offline_kb() -> Option<u32> {
    web_sys::window()?
        .document()?
        .query_selector(r#"meta[name="storewise-offline-kb"]"#)
        .ok()??
        .get_attribute("content")?
        .parse()
        .ok()
}

/// Offline use: whether everything is saved, and, when the browser asks to save data (only
/// what was opened is kept) or a file failed, a way to save everything now.
#[component]
fn OfflineSection() -> impl IntoView {
    let state = RwSignal::new(offline_state());
    let listener =
        window_event_listener_untyped("storewise-offline", move |_| state.set(offline_state()));
    on_cleanup(move || listener.remove());
    let save = move |_| crate::shell::tell("storewise-save-all");
    // Tenths of a megabyte in whole numbers: formatting a float would bring the float
    // printing code into the wasm.
    let size = offline_kb()
        .map(|kb| {
            let tenths = (kb * 10 + 512) / 1024;
            format!(
                " Saving everything downloads about {}.{} MB.",
                tenths / 10,
                tenths % 10
            )
        })
        .unwrap_or_default();
    let message = move || {
        match state.get().as_deref() {
        Some("all") => "Everything is saved on this device: every page and every lesson works offline.".to_string(),
        Some("saving") => "Saving every page and lesson on this device for offline use…".to_string(),
        Some("partial") => format!("Some files could not be saved for offline use, so only the pages and lessons you have opened work offline.{size}"),
        Some(_) => format!("Your browser asks to save data, so only the pages and lessons you open are kept for offline use.{size}"),
        None => "This browser cannot keep the app for offline use: it needs an internet connection.".to_string(),
    }
    };
    let offer = move || matches!(state.get().as_deref(), Some("used" | "partial"));
    view! {
        <h2>"Offline use"</h2>
        <p role="status">{message}</p>
        <Show when=offer>
            <div class="actions">
                <button type="button" class="button" on:click=save>"Save everything now"</button>
            </div>
        </Show>
    }
}
