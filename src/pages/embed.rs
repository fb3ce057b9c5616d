//! Pages for frames on other sites (no app chrome): the diagnostic's result with a handoff
//! to the full app, a lesson preview card; and the full app's side of the handoff.

use crate::app_url;
use crate::components::badges::LessonBadges;
use crate::components::body::BodyView;
use crate::components::link::Link;
use crate::content::CURRICULUM;
use crate::pages::lesson::{with_text, TextResource};
use crate::state::Learner;
use academy_core::date::Day;
use academy_core::diagnostic::{assess, score};
use academy_core::share::{decode, encode};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

/// The end of the embedded diagnostic: the score, and a link that opens the full app with
/// the answers in the address (a frame's storage is separate from the app's own).
#[component]
pub fn EmbedResultPage() -> impl IntoView {
    crate::set_page_title("Your results");
    let learner = Learner::get();
    // A memo, so a storage event that leaves the last attempt as it was (another frame of
    // the same site writing) does not rebuild the card under the learner's pointer.
    let last = Memo::new(move |_| learner.diagnostic.with(|d| d.attempts.last().cloned()));
    move || {
        last.with(|attempt| match attempt {
            None => view! {
                <section class="embed-card">
                    <h1>"No results yet"</h1>
                    <p><Link href="/embed/diagnostic">"Take the five-minute diagnostic"</Link></p>
                </section>
            }
            .into_any(),
            Some(attempt) => {
                let s = score(&CURRICULUM, &assess(&CURRICULUM, &attempt.answers));
                let code = encode(&CURRICULUM, &attempt.answers, Day(attempt.day));
                let href = format!("{}/handoff#r={code}", app_url());
                view! {
                    <section class="embed-card">
                        <p class="eyebrow">"Your gap analysis"</p>
                        <h1>{format!("{}% mastery", s.overall)}</h1>
                        <p>{format!("{} checkpoints mastered, {} partly in place, {} missing, {} to check.", s.mastered, s.partial, s.missing, s.unknown)}</p>
                        <a class="button primary" href=href target="_blank" rel="noopener">"See your full roadmap"<span class="visually-hidden">" (opens in a new tab)"</span></a>
                    </section>
                }
                .into_any()
            }
        })
    }
}

/// A lesson preview card for a frame.
#[component]
pub fn EmbedLessonPage() -> impl IntoView {
    let location = use_location();
    move || {
        let key = location.pathname.with(|p| crate::split::key_of(p));
        match CURRICULUM.find_lesson(&key).map(|l| (l.ix, CURRICULUM.lesson(l.ix))) {
            None => view! { <section class="embed-card"><h1>"Lesson not found"</h1><p>{format!("No lesson has the number {key}.")}</p></section> }.into_any(),
            Some((ix, lesson)) => {
                crate::set_page_title(&format!("{} {}", lesson.number, lesson.title));
                let href = format!("{}/lesson/{}", app_url(), lesson.number);
                view! {
                    <article class="embed-card">
                        <p class="lesson-number">{format!("Lesson {}", lesson.number)}</p>
                        <h1>{lesson.title}</h1>
                        <LessonBadges lesson=lesson/>
                        <div class="prose"><EmbedPreview ix=ix/></div>
                        <a class="button primary" href=href target="_blank" rel="noopener">"Read the full lesson"<span class="visually-hidden">" (opens in a new tab)"</span></a>
                    </article>
                }
                .into_any()
            }
        }
    }
}

/// The lesson's free preview, loaded from its file, with the lesson page's loading line and
/// Try again.
#[component]
fn EmbedPreview(ix: academy_core::curriculum::LessonIx) -> impl IntoView {
    let text: TextResource = LocalResource::new(move || crate::loader::lesson_text(ix));
    with_text(text, |t| view! { <BodyView blocks=&t.preview/> })
}

/// `/handoff#r=...`: results from an embedded diagnostic join this browser's history, then
/// the results page opens. A damaged link is explained and changes nothing.
#[component]
pub fn HandoffPage() -> impl IntoView {
    crate::set_page_title("Your results");
    let learner = Learner::get();
    let navigate = use_navigate();
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    let code = hash
        .trim_start_matches('#')
        .strip_prefix("r=")
        .unwrap_or("")
        .to_string();
    match decode(&CURRICULUM, &code) {
        Ok((answers, day)) => {
            learner.update_diagnostic(|d| {
                if !d.attempts.iter().any(|a| a.answers == answers && a.day == day.0) {
                    d.attempts.push(academy_core::progress::Attempt { day: day.0, answers });
                    d.attempts.sort_by_key(|a| a.day);
                }
            });
            request_animation_frame(move || navigate("/results", NavigateOptions { replace: true, ..Default::default() }));
            view! { <section class="container section"><h1>"Opening your results…"</h1></section> }.into_any()
        }
        Err(error) => view! {
            <section class="container section prose">
                <h1>"These results cannot be opened"</h1>
                <p class="error-message" role="alert">{error.message()}</p>
                <div class="actions"><Link href="/diagnostic" attr:class="button primary">"Take the diagnostic"</Link></div>
            </section>
        }
        .into_any(),
    }
}
