//! Settings: the colour theme, and the access plans unlocked in this browser (add a code,
//! remove a plan).

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
        </section>
    }
}
