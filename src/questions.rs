//! Sends learners' questions through the channel set in the branding file: an email the
//! learner sends from their own mail app (mailto, the default), or an HTTPS endpoint that
//! receives JSON. With an endpoint, questions wait while offline, failed sends are retried
//! with growing pauses, and nothing is dropped.

use crate::branding::{CONTACT_EMAIL, QUESTIONS_ENDPOINT};
use crate::content::CURRICULUM;
use crate::split::OUTBOX;
use crate::state::{now_ms, Learner};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// Starts the outbox: sends due questions now, when the browser comes back online, and
/// every 15 seconds while any question waits.
pub fn start_outbox() {
    if QUESTIONS_ENDPOINT.is_none() {
        return;
    }
    let learner = Learner::get();
    send_due(learner);
    let online = window_event_listener(leptos::ev::online, move |_| send_due(learner));
    let timer = set_interval_with_handle(
        move || send_due(learner),
        std::time::Duration::from_secs(15),
    );
    on_cleanup(move || {
        online.remove();
        if let Ok(t) = timer {
            t.clear();
        }
    });
}

fn online() -> bool {
    web_sys::window()
        .map(|w| w.navigator().on_line())
        .unwrap_or(false)
}

/// Sends every question that is due, if the browser is online. The sending code and the
/// curriculum (a question names its lesson) load only when a question waits; if they
/// cannot, the questions stay pending for the next try.
pub fn send_due(learner: Learner) {
    if QUESTIONS_ENDPOINT.is_none() || !online() {
        return;
    }
    if learner
        .progress
        .with_untracked(|p| p.due_questions(now_ms()).is_empty())
    {
        return;
    }
    match OUTBOX.ready() {
        Some(send) => send(learner),
        None => leptos::task::spawn_local(async move {
            if let Ok(send) = OUTBOX.ensure().await {
                send(learner);
            }
        }),
    }
}

/// Posts each due question that is not already on its way (the `OUTBOX` chunk's code),
/// once the curriculum is here: a question names its lesson. If it cannot load, the
/// questions stay pending for the next try.
pub fn send_now(learner: Learner) {
    let Some(endpoint) = QUESTIONS_ENDPOINT else {
        return;
    };
    leptos::task::spawn_local(async move {
        if crate::content::load().await.is_ok() {
            send_loaded(learner, endpoint);
        }
    });
}

fn send_loaded(learner: Learner, endpoint: &'static str) {
    let due = learner
        .progress
        .with_untracked(|p| p.due_questions(now_ms()));
    for id in due {
        // A question whose request is still on its way is not sent twice.
        if !IN_FLIGHT.with(|f| f.borrow_mut().insert(id.clone())) {
            continue;
        }
        let Some(question) = learner
            .progress
            .with_untracked(|p| p.questions.iter().find(|q| q.id == id).cloned())
        else {
            continue;
        };
        let lesson = CURRICULUM
            .find_lesson(&question.lesson)
            .map(|l| CURRICULUM.lesson(l.ix));
        let body = serde_json::json!({
            "id": question.id,
            "lesson_id": question.lesson,
            "lesson_number": lesson.map(|l| l.number),
            "lesson_title": lesson.map(|l| l.title),
            "question": question.text,
            "asked_at": question.asked_at,
        })
        .to_string();
        leptos::task::spawn_local(async move {
            let ok = post(endpoint, &body).await;
            learner.update_progress(|p| p.question_sent(&id, ok, now_ms()));
            IN_FLIGHT.with(|f| f.borrow_mut().remove(&id));
        });
    }
}

thread_local! {
    static IN_FLIGHT: std::cell::RefCell<std::collections::HashSet<String>> = Default::default();
}

async fn post(endpoint: &str, body: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_body(&JsValue::from_str(body));
    let headers = web_sys::Headers::new().ok();
    if let Some(h) = &headers {
        let _ = h.set("content-type", "application/json");
        init.set_headers(h);
    }
    let Ok(request) = web_sys::Request::new_with_str_and_init(endpoint, &init) else {
        return false;
    };
    match wasm_bindgen_futures::JsFuture::from(window.fetch_with_request(&request)).await {
        Ok(response) => response
            .dyn_into::<web_sys::Response>()
            .map(|r| r.ok())
            .unwrap_or(false),
        Err(_) => false,
    }
}

/// The mailto address that opens a prefilled email for a question.
pub fn mailto(lesson: &academy_core::Lesson, text: &str) -> String {
    let origin = crate::app_url();
    let subject = format!("Question about lesson {} {}", lesson.number, lesson.title);
    let body = format!("{text}\n\n— asked on {origin}/lesson/{}", lesson.number);
    format!(
        "mailto:{CONTACT_EMAIL}?subject={}&body={}",
        encode(&subject),
        encode(&body)
    )
}

fn encode(text: &str) -> String {
    String::from(js_sys::encode_uri_component(text))
}

/// Asks a question: keeps it, then sends it (endpoint) or opens the learner's mail app.
pub fn ask(learner: Learner, lesson: &'static academy_core::Lesson, text: &str) {
    let now = now_ms();
    let mut id = String::new();
    learner.update_progress(|p| id = p.ask(lesson.id, text, now));
    match QUESTIONS_ENDPOINT {
        Some(_) => send_due(learner),
        None => {
            if let Some(window) = web_sys::window() {
                let _ = window.location().set_href(&mailto(lesson, text));
            }
            learner.update_progress(|p| p.question_emailed(&id, now));
        }
    }
}
