//! The diagnostic: one question per screen, a progress bar and time left, back, skip and
//! "not sure", number keys to pick options and Enter to continue. Every answer is saved as
//! it is given, so a reload resumes on the same screen.

use crate::components::link::Link;
use crate::content::CURRICULUM;
use crate::state::{today, Learner};
use academy_core::curriculum::QuestionKind;
use academy_core::diagnostic::{asked, Answer};
use leptos::ev;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// Seconds a typical learner spends on one screen, for the time-left estimate.
const SECONDS_PER_SCREEN: usize = 13;

/// The diagnostic: an introduction, then the questions, then the results.
#[component]
pub fn DiagnosticPage() -> impl IntoView {
    crate::set_page_title("Diagnostic");
    let learner = Learner::get();
    let started = RwSignal::new(learner.diagnostic.with_untracked(|d| d.in_progress()));
    move || {
        if started.get() {
            view! { <QuestionScreen/> }.into_any()
        } else {
            view! { <Intro on_start=move || started.set(true)/> }.into_any()
        }
    }
}

#[component]
fn Intro(on_start: impl Fn() + Send + Sync + 'static) -> impl IntoView {
    let learner = Learner::get();
    let has_results = learner
        .diagnostic
        .with_untracked(|d| !d.attempts.is_empty());
    let screens = asked(&CURRICULUM, &Default::default()).len();
    view! {
        <section class="container section prose">
            <p class="eyebrow">"Competency diagnostic"</p>
            <h1>"How does your store run today?"</h1>
            <p class="lead">
                {format!(
                    "About five minutes: up to {screens} short screens, {} skill checkpoints. Answer for how things are now, not how you plan them.",
                    CURRICULUM.checkpoints.len()
                )}
            </p>
            <ul>
                <li>"The first questions ask about your store's stage, channel and platform; questions that do not apply are left out."</li>
                <li>"Use “Not sure” or “Skip” freely: those checkpoints become things to check on your roadmap."</li>
                <li>"Keyboard: number keys pick options, Enter continues. Your answers are saved as you go."</li>
            </ul>
            <div class="actions">
                <button type="button" class="button primary" on:click=move |_| on_start()>"Start the diagnostic"</button>
                {has_results.then(|| view! { <Link href="/results" attr:class="button secondary">"See your last results"</Link> })}
            </div>
        </section>
    }
}

#[component]
fn QuestionScreen() -> impl IntoView {
    let learner = Learner::get();
    // Kept in a stored value so the handlers below stay `Copy`.
    let navigate = StoredValue::new(use_navigate());
    let state = learner.diagnostic;
    // In a frame on another site the results stay in the frame, with a handoff.
    let embedded = leptos_router::hooks::use_location()
        .pathname
        .with_untracked(|p| crate::is_embed_path(p));
    // Fetch the results page's code while the learner answers, so the last answer opens it
    // at once. A failure is reported by the results page itself.
    let results = if embedded {
        &crate::split::EMBED_RESULT
    } else {
        &crate::split::RESULTS
    };
    // Then, when the browser is idle, run that code once off-screen so it is compiled.
    let owner = Owner::current();
    let alive = StoredValue::new(());
    leptos::task::spawn_local(async move {
        let _ = results.ensure().await;
        if embedded {
            return;
        }
        crate::split::idle().await;
        if let Some(owner) = owner.filter(|_| alive.try_get_value().is_some()) {
            crate::split::rehearse_results(owner).await;
        }
    });
    // Set by the last answer: this screen then stays as it is while the results open,
    // instead of drawing the first question of the next attempt for nothing.
    let finished = StoredValue::new(false);
    let path = Memo::new(move |last: Option<&Vec<usize>>| match last {
        Some(last) if finished.get_value() => last.clone(),
        _ => state.with(|d| asked(&CURRICULUM, &d.current)),
    });
    let position = Memo::new(move |last: Option<&usize>| match last {
        Some(&last) if finished.get_value() => last,
        _ => state
            .with(|d| d.position)
            .min(path.with(|p| p.len().saturating_sub(1))),
    });
    let question = move || &CURRICULUM.questions[path.with(|p| p[position.get()])];
    // The options ticked on this screen, starting from any saved answer.
    let selected = RwSignal::new(Vec::<String>::new());
    Effect::new(move |_| {
        let q = question();
        let saved = state.with_untracked(|d| match d.current.get(q) {
            Some(Answer::Chose(ids)) => ids.clone(),
            _ => Vec::new(),
        });
        selected.set(saved);
    });

    let answer = move |a: Answer| {
        let q = question();
        let at = position.get_untracked();
        let mut done = false;
        // One stored write per answer, the last one included.
        learner.update_diagnostic(|d| {
            d.current.set(q, a);
            d.position = at + 1;
            // Profile answers may lengthen or shorten the path: finished when past its new end.
            if at + 1 >= asked(&CURRICULUM, &d.current).len() {
                d.finish(today().0);
                finished.set_value(true);
                done = true;
            }
        });
        if done {
            let next = if embedded {
                "/embed/result"
            } else {
                "/results"
            };
            navigate.with_value(|go| go(next, Default::default()));
        }
    };
    let can_continue =
        move || question().kind == QuestionKind::Multi || !selected.with(|s| s.is_empty());
    let submit = move || {
        if can_continue() {
            answer(Answer::Chose(selected.get_untracked()));
        }
    };
    let back = move || {
        let at = position.get_untracked();
        if at > 0 {
            learner.update_diagnostic(|d| d.position = at - 1);
        }
    };
    let toggle = move |id: &'static str| {
        let multi = question().kind == QuestionKind::Multi;
        selected.update(|s| {
            if multi {
                if let Some(i) = s.iter().position(|x| x == id) {
                    s.remove(i);
                } else {
                    s.push(id.to_string());
                }
            } else {
                *s = vec![id.to_string()];
            }
        });
    };

    // Number keys pick options; Enter continues (buttons keep their own Enter).
    let keys = window_event_listener(ev::keydown, move |e| {
        if e.ctrl_key() || e.meta_key() || e.alt_key() {
            return;
        }
        let on_button = e
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|el| {
                matches!(
                    el.tag_name().as_str(),
                    "BUTTON" | "A" | "TEXTAREA" | "INPUT"
                ) && el.get_attribute("type").as_deref() != Some("checkbox")
                    && el.get_attribute("type").as_deref() != Some("radio")
            });
        match e.key().as_str() {
            "Enter" if !on_button => {
                e.prevent_default();
                submit();
            }
            digit if digit.len() == 1 && !on_button => {
                if let Some(n) = digit.chars().next().and_then(|c| c.to_digit(10)) {
                    if let Some(option) = (n as usize)
                        .checked_sub(1)
                        .and_then(|i| question().options.get(i))
                    {
                        e.prevent_default();
                        toggle(option.id);
                    }
                }
            }
            _ => {}
        }
    });
    on_cleanup(move || keys.remove());

    let restart = move |_| learner.update_diagnostic(|d| d.restart());

    view! {
        <section class="container section diagnostic">
            <div class="diagnostic-progress">
                <p class="diagnostic-count">
                    {move || format!("Question {} of {}", position.get() + 1, path.with(|p| p.len()))}
                    <span class="time-left">
                        {move || {
                            let left = path.with(|p| p.len()) - position.get();
                            let minutes = (left * SECONDS_PER_SCREEN).div_ceil(60);
                            if minutes <= 1 { " · about a minute left".to_string() } else { format!(" · about {minutes} minutes left") }
                        }}
                    </span>
                </p>
                <progress max=move || path.with(|p| p.len()) value=move || position.get() aria-label="Diagnostic progress"></progress>
            </div>
            {move || {
                let q = question();
                let multi = q.kind == QuestionKind::Multi;
                let legend_id = format!("q-{}", q.id);
                view! {
                    <form class="question" on:submit=move |e| { e.prevent_default(); submit(); }>
                        <fieldset aria-describedby=(!q.help.is_empty()).then(|| format!("{legend_id}-help"))>
                            <legend><h1 id=legend_id.clone()>{q.prompt}</h1></legend>
                            {(!q.help.is_empty()).then(|| view! { <p class="muted" id=format!("{legend_id}-help")>{q.help}</p> })}
                            <p class="hint">{if multi { "Tick all that apply." } else { "Pick one." }}</p>
                            <ul class="options">
                                {q.options.iter().enumerate().map(|(i, o)| {
                                    let id = o.id;
                                    let input_id = format!("opt-{}-{}", q.id, o.id);
                                    let checked = move || selected.with(|s| s.iter().any(|x| x == id));
                                    view! {
                                        <li class="option" class:checked=checked>
                                            <input
                                                type=if multi { "checkbox" } else { "radio" }
                                                name=q.id
                                                id=input_id.clone()
                                                prop:checked=checked
                                                on:change=move |_| toggle(id)
                                            />
                                            <label for=input_id><span class="key" aria-hidden="true">{i + 1}</span>{o.label}</label>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        </fieldset>
                        <div class="question-actions">
                            <button type="submit" class="button primary" disabled=move || !can_continue()>
                                {move || if multi && selected.with(|s| s.is_empty()) { "None of these, continue" } else { "Continue" }}
                            </button>
                            <button type="button" class="button" on:click=move |_| answer(Answer::NotSure)>"Not sure"</button>
                            <button type="button" class="button" on:click=move |_| answer(Answer::Skipped)>"Skip"</button>
                            <button type="button" class="button" on:click=move |_| back() disabled=move || position.get() == 0>"Back"</button>
                        </div>
                    </form>
                }
            }}
            <p class="restart"><button type="button" class="link-button" on:click=restart>"Start again from the first question"</button></p>
        </section>
    }
}
