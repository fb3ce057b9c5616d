//! The lesson reader: number, title and badges, the free preview, the masterclass or the
//! lock panel, the lesson's place in the curriculum, previous/next, completion and Q&A.

use crate::branding::UPGRADE_URL;
use crate::components::badges::lesson_badges;
use crate::components::body::BodyView;
use crate::components::later::Later;
use crate::components::link::Link;
use crate::components::load_error::load_failed;
use crate::content::{details, CURRICULUM, DETAILS};
use crate::loader::{lesson_text, sealed, LoadError};
use crate::state::Learner;
use academy_core::access::open_masterclass;
use academy_core::curriculum::LessonIx;
use academy_core::{Block, Lesson, LessonDetails, LessonText, Masterclass};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;
use std::cell::RefCell;
use std::collections::HashMap;

/// The lesson's text file, loading when the lesson opens.
pub(crate) type TextResource = LocalResource<Result<&'static LessonText, LoadError>>;

/// A part of the lesson's text once its file has loaded; a short wait before, and what went
/// wrong, with a way to try again, when it could not load.
pub(crate) fn with_text<V: IntoView + 'static>(
    text: TextResource,
    part: impl Fn(&'static LessonText) -> V + Send + Sync + 'static,
) -> impl IntoView {
    move || match text.get() {
        None => view! { <p class="muted loading" role="status">"Loading the lesson text…"</p> }
            .into_any(),
        Some(Ok(t)) => part(t).into_any(),
        Some(Err(e)) => load_failed(e, "This lesson's text", move || text.refetch()).into_any(),
    }
}

fn lesson_href(lesson: &Lesson) -> String {
    format!("/lesson/{}", lesson.number)
}

/// The page at `/lesson/:key`, where the key is a number, an id, or a number the lesson had
/// before it moved (those two redirect to the current number).
#[component]
pub fn LessonPage() -> impl IntoView {
    let location = use_location();
    let key = Memo::new(move |_| location.pathname.with(|p| crate::split::key_of(p)));
    let lookup = Memo::new(move |_| CURRICULUM.find_lesson(&key.get()));
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(found) = lookup.get() {
            if !found.canonical {
                let href = lesson_href(CURRICULUM.lesson(found.ix));
                navigate(
                    &href,
                    NavigateOptions {
                        replace: true,
                        ..Default::default()
                    },
                );
            }
        }
    });
    move || match lookup.get() {
        Some(found) => view! { <LessonView ix=found.ix/> }.into_any(),
        None => view! { <UnknownLesson key=key.get()/> }.into_any(),
    }
}

#[component]
fn LessonView(ix: LessonIx) -> impl IntoView {
    let lesson = CURRICULUM.lesson(ix);
    crate::set_page_title(&format!("{} {}", lesson.number, lesson.title));
    let learner = Learner::get();
    if learner
        .progress
        .with_untracked(|p| p.last_opened.as_deref() != Some(lesson.id))
    {
        learner.update_progress(|p| p.last_opened = Some(lesson.id.to_string()));
    }
    let details = details(ix);
    // The head and objectives as the static lesson page has them (`academy_core::html`),
    // handed to the browser in one call each: built node by node they were a good part of
    // the task that starts the app on a lesson.
    let head = academy_core::html::LessonHead {
        base: crate::BASE,
        place: [
            CURRICULUM.program_of(lesson).title,
            CURRICULUM.mission_of(lesson).title,
            CURRICULUM.module_of(lesson).title,
        ],
        position: [0, 1, 2].map(|i| usize::from(lesson.position[i]) + 1),
        number: lesson.number,
        title: lesson.title,
        subtitle: details.subtitle,
        badges: lesson_badges(lesson),
    };
    let text: TextResource = LocalResource::new(move || lesson_text(ix));
    view! {
        <article class="container lesson">
            <div class="lesson-head" inner_html=head.html()></div>
            <div class="lesson-layout">
                <div class="lesson-main-column prose">
                    <div class="lesson-objectives" inner_html=academy_core::html::objectives(details.objectives)></div>
                    <section aria-labelledby="preview-title">
                        <h2 id="preview-title">"Preview"</h2>
                        {with_text(text, |t| view! { <BodyView blocks=&t.preview/> })}
                    </section>
                    // Below the preview: each part built in a task of its own (see Later).
                    <Later>
                        {lesson.masterclass.is_some().then(|| view! { <MasterclassSection ix=ix text=text/> })}
                        <CompleteButton lesson=lesson/>
                    </Later>
                    <Later><LessonTools lesson=lesson/></Later>
                    <Later><QuestionsAndAnswers lesson=lesson text=text/></Later>
                </div>
                <aside class="lesson-aside" aria-label="Where this lesson sits">
                    <Later><PlaceInCurriculum ix=ix/></Later>
                </aside>
            </div>
            <Later><PreviousNext ix=ix/></Later>
        </article>
    }
}

thread_local! {
    /// Masterclasses opened with the learner's key, decrypted once per page load.
    static OPENED: RefCell<HashMap<LessonIx, &'static [Block]>> = RefCell::new(HashMap::new());
}

/// A sealed masterclass, fetched and opened with the learner's key (they hold one: the
/// caller checked). `Ok(None)` when the key does not open it.
async fn unseal(ix: LessonIx, learner: Learner) -> Result<Option<&'static [Block]>, LoadError> {
    if let Some(blocks) = OPENED.with(|o| o.borrow().get(&ix).copied()) {
        return Ok(Some(blocks));
    }
    let lesson = CURRICULUM.lesson(ix);
    let Some(bytes) = sealed(ix).await? else {
        return Ok(None);
    };
    let Some(blocks) = open_masterclass(lesson, &bytes, |plan| learner.key_for(plan)) else {
        return Ok(None);
    };
    let blocks: &'static [Block] = blocks.leak();
    OPENED.with(|o| o.borrow_mut().insert(ix, blocks));
    Ok(Some(blocks))
}

fn masterclass_view(blocks: &'static [Block]) -> impl IntoView {
    view! {
        <section aria-labelledby="masterclass-title" class="masterclass">
            <h2 id="masterclass-title">"Masterclass"</h2>
            <BodyView blocks=blocks/>
        </section>
    }
}

/// The masterclass, or the lock panel when the learner's plans do not cover it.
#[component]
fn MasterclassSection(ix: LessonIx, text: TextResource) -> impl IntoView {
    let learner = Learner::get();
    let lesson = CURRICULUM.lesson(ix);
    if matches!(lesson.masterclass, Some(Masterclass::Open)) {
        return with_text(text, |t| t.masterclass.as_deref().map(masterclass_view)).into_any();
    }
    // Re-render only when readability changes, so the lock panel keeps its messages when a
    // code unlocks some other plan.
    let plan = usize::from(lesson.plan);
    let can_read = Memo::new(move |_| learner.can_read(plan));
    let opened = LocalResource::new(move || {
        let can = can_read.get();
        async move {
            if can {
                unseal(ix, learner).await
            } else {
                Ok(None)
            }
        }
    });
    (move || match (can_read.get(), opened.get()) {
        (false, _) => view! { <LockPanel lesson=lesson details=details(ix)/> }.into_any(),
        (true, None) => view! { <p class="muted loading" role="status">"Opening the masterclass…"</p> }.into_any(),
        (true, Some(Ok(Some(blocks)))) => masterclass_view(blocks).into_any(),
        (true, Some(Ok(None))) => view! {
            <p class="load-error" role="alert">"Your access code does not open this masterclass: it was probably made for an earlier version of the curriculum. Enter a current code in Settings."</p>
        }
        .into_any(),
        (true, Some(Err(e))) => load_failed(e, "The masterclass", move || opened.refetch()).into_any(),
    })
    .into_any()
}

/// What a locked masterclass covers, which plan opens it, and where to enter a code.
#[component]
fn LockPanel(lesson: &'static Lesson, details: &'static LessonDetails) -> impl IntoView {
    let plan = &CURRICULUM.plans[usize::from(lesson.plan)];
    let learner = Learner::get();
    let code = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match learner.unlock(&code.get_untracked()) {
            Ok(plans) => {
                // A valid code for a plan that does not cover this lesson: say so.
                if !learner.can_read(usize::from(lesson.plan)) {
                    let got = CURRICULUM.plans[plans[0]].name;
                    error.set(Some(format!(
                        "This code unlocks the {got} plan, which does not include this masterclass: it needs the {} plan. The {got} plan stays unlocked for its own lessons.",
                        plan.name
                    )));
                }
            }
            Err(e) => error.set(Some(e.message())),
        }
    };
    view! {
        <section class="lock-panel" aria-labelledby="lock-title">
            <span class="icon icon-lock lock-icon" aria-hidden="true"></span>
            <h2 id="lock-title">"Masterclass: access required"</h2>
            <p>{format!("The full masterclass of lesson {} is part of the {} plan. {}", lesson.number, plan.name, plan.description)}</p>
            <p>"It covers:"</p>
            <ul>{details.objectives.iter().map(|o| view! { <li>{*o}</li> }).collect_view()}</ul>
            <a class="button primary" href=UPGRADE_URL rel="noopener">{format!("See the {} plan", plan.name)}</a>
            <form class="code-form" on:submit=submit>
                <label for="access-code">"Have an access code?"</label>
                <div class="code-row">
                    <input
                        id="access-code"
                        type="text"
                        autocomplete="off"
                        autocapitalize="characters"
                        spellcheck="false"
                        placeholder="CORE-XXXX-XXXX-XXXX-XXXX-XX"
                        aria-describedby="access-code-error"
                        aria-invalid=move || error.with(|e| e.is_some()).to_string()
                        prop:value=move || code.get()
                        on:input=move |ev| { code.set(event_target_value(&ev)); error.set(None); }
                    />
                    <button type="submit" class="button">"Unlock"</button>
                </div>
                <p id="access-code-error" class="field-error" role="alert">{move || error.get()}</p>
            </form>
        </section>
    }
}

/// Marks the lesson complete, or not complete again.
#[component]
fn CompleteButton(lesson: &'static Lesson) -> impl IntoView {
    let learner = Learner::get();
    let done = move || learner.progress.with(|p| p.is_complete(lesson.id));
    view! {
        <div class="complete-row">
            <button type="button" class="button" class:primary=move || !done() aria-pressed=move || done().to_string()
                on:click=move |_| learner.set_complete(lesson.id, !done())>
                {move || if done() { "Completed ✓ (undo)" } else { "Mark lesson complete" }}
            </button>
            <p class="visually-hidden" role="status">{move || if done() { "Lesson marked complete." } else { "" }}</p>
        </div>
    }
}

/// The lesson's own small roadmap: what it builds on, and what it leads to.
#[component]
fn PlaceInCurriculum(ix: LessonIx) -> impl IntoView {
    let lesson = CURRICULUM.lesson(ix);
    let learner = Learner::get();
    let mut after: Vec<LessonIx> = CURRICULUM.unlocked_by(ix).collect();
    if let Some(next) = CURRICULUM.next(ix) {
        if !after.contains(&next) {
            after.insert(0, next);
        }
    }
    let item = move |ix: LessonIx| {
        let l = CURRICULUM.lesson(ix);
        let done = move || learner.progress.with(|p| p.is_complete(l.id));
        view! {
            <li class:done=done>
                <Link href=lesson_href(l)><span class="lesson-number">{l.number}</span>" "{l.title}</Link>
                <Show when=done><span class="visually-hidden">" (completed)"</span></Show>
            </li>
        }
    };
    view! {
        <section class="mini-roadmap" aria-labelledby="place-title">
            <h2 id="place-title">"In the curriculum"</h2>
            <h3>"Builds on"</h3>
            {if lesson.prerequisites.is_empty() {
                view! { <p class="muted">"No prerequisites: you can start here."</p> }.into_any()
            } else {
                view! { <ul class="roadmap-steps">{lesson.prerequisites.iter().map(|&p| item(p)).collect_view()}</ul> }.into_any()
            }}
            <h3>"This lesson"</h3>
            <p class="current-step"><span class="lesson-number">{lesson.number}</span>" "{lesson.title}</p>
            <h3>"Leads to"</h3>
            {if after.is_empty() {
                view! { <p class="muted">"This is the last lesson of the curriculum."</p> }.into_any()
            } else {
                view! { <ul class="roadmap-steps">{after.into_iter().take(4).map(item).collect_view()}</ul> }.into_any()
            }}
        </section>
    }
}

/// Links to the previous and next lessons in curriculum order.
#[component]
fn PreviousNext(ix: LessonIx) -> impl IntoView {
    let link = |ix: Option<LessonIx>, label: &'static str, rel: &'static str| {
        ix.map(|ix| {
            let l = CURRICULUM.lesson(ix);
            view! {
                <Link href=lesson_href(l) attr:class=format!("prev-next-link {rel}") attr:rel=rel>
                    <span class="prev-next-label">{label}</span>
                    <span><span class="lesson-number">{l.number}</span>" "{l.title}</span>
                </Link>
            }
        })
    };
    view! {
        <nav class="prev-next" aria-label="Previous and next lessons">
            {link(CURRICULUM.previous(ix), "Previous lesson", "prev")}
            {link(CURRICULUM.next(ix), "Next lesson", "next")}
        </nav>
    }
}

/// Bookmark and private note for a lesson.
#[component]
fn LessonTools(lesson: &'static Lesson) -> impl IntoView {
    let learner = Learner::get();
    let bookmarked = move || learner.progress.with(|p| p.bookmarks.contains(lesson.id));
    let note = learner
        .progress
        .with_untracked(|p| p.notes.get(lesson.id).cloned().unwrap_or_default());
    let saved = RwSignal::new(false);
    view! {
        <section class="lesson-tools" aria-label="Your bookmark and note">
            <button type="button" class="button small" aria-pressed=move || bookmarked().to_string()
                on:click=move |_| learner.update_progress(|p| p.set_bookmark(lesson.id, !p.bookmarks.contains(lesson.id)))>
                <span aria-hidden="true" class=move || if bookmarked() { "icon icon-star-filled" } else { "icon icon-star" }></span>
                {move || if bookmarked() { "Bookmarked" } else { "Bookmark" }}
            </button>
            <label for="lesson-note" class="note-label">"Your note (private, kept in this browser)"</label>
            <textarea id="lesson-note" rows="3" maxlength="5000"
                on:input=move |ev| { learner.update_progress(|p| p.set_note(lesson.id, &event_target_value(&ev))); saved.set(true); }
            >{note}</textarea>
            <p class="muted small" role="status">{move || saved.get().then_some("Note saved.")}</p>
        </section>
    }
}

/// The lesson's answered questions (searchable), the form to ask one with related
/// questions offered while typing, and the learner's own questions with their state.
#[component]
fn QuestionsAndAnswers(lesson: &'static Lesson, text: TextResource) -> impl IntoView {
    use academy_core::progress::{QuestionState, QUESTION_MAX_CHARS};
    use academy_core::search::related_questions;
    let learner = Learner::get();
    let ix = CURRICULUM
        .find_lesson(lesson.id)
        .map(|l| l.ix)
        .unwrap_or_default();
    let questions = details(ix).questions;
    let count = questions.len();
    let filter = RwSignal::new(String::new());
    let draft = RwSignal::new(String::new());
    let related = Memo::new(move |_| {
        draft.with(|d| {
            if d.trim().len() < 4 {
                Vec::new()
            } else {
                related_questions(&DETAILS, ix, d, 4)
            }
        })
    });
    // Answers count once the lesson's text has loaded; until then questions match alone.
    let matches = move |i: usize| {
        let f = filter.get().to_lowercase();
        f.trim().is_empty() || {
            let mut haystack = questions[i].to_string();
            if let Some(Ok(t)) = text.get() {
                academy_core::body::body_text(&t.answers[i], &mut haystack);
            }
            let haystack = haystack.to_lowercase();
            f.split_whitespace().all(|w| haystack.contains(w))
        }
    };
    let shown = move || (0..count).filter(|&i| matches(i)).count();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = draft.get_untracked();
        if text.trim().is_empty() {
            return;
        }
        crate::questions::ask(learner, lesson, text.trim());
        draft.set(String::new());
    };
    let mine = move || {
        learner.progress.with(|p| {
            p.questions
                .iter()
                .filter(|q| q.lesson == lesson.id)
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="qa" aria-labelledby="qa-title">
            <h2 id="qa-title">{format!("Questions & Answers ({count})")}</h2>
            {(count > 0).then(|| view! {
                <label for="qa-filter" class="visually-hidden">"Search these questions"</label>
                <input id="qa-filter" type="search" class="qa-filter" placeholder="Search these questions"
                    prop:value=move || filter.get() on:input=move |ev| filter.set(event_target_value(&ev))/>
                <p class="muted small" role="status">{move || if filter.with(|f| f.trim().is_empty()) { String::new() } else { format!("{} of {count} questions match", shown()) }}</p>
            })}
            <div class="qa-list">
                {questions.iter().enumerate().map(|(i, question)| view! {
                    <details class="qa-item" class:hidden=move || !matches(i)>
                        <summary>{*question}</summary>
                        <div class="qa-answer">{with_text(text, move |t| view! { <BodyView blocks=&t.answers[i]/> })}</div>
                    </details>
                }).collect_view()}
            </div>

            <form class="ask" on:submit=submit>
                <h3>"Ask a question"</h3>
                <label for="ask-text">"Your question about this lesson"</label>
                <textarea id="ask-text" rows="4" maxlength=QUESTION_MAX_CHARS aria-describedby="ask-count"
                    prop:value=move || draft.get() on:input=move |ev| draft.set(event_target_value(&ev))></textarea>
                <p id="ask-count" class="muted small">{move || format!("{} of {QUESTION_MAX_CHARS} characters", draft.with(|d| d.chars().count()))}</p>
                <Show when=move || !related.with(|r| r.is_empty())>
                    <div class="related" role="region" aria-label="Questions already answered">
                        <p class="small"><strong>"Already answered:"</strong></p>
                        <ul>
                            {move || related.get().into_iter().map(|(l, q)| {
                                let other = CURRICULUM.lesson(l);
                                let here = l == ix;
                                view! {
                                    <li>
                                        <Link href=format!("/lesson/{}#qa-title", other.number)>{details(l).questions[q]}</Link>
                                        {(!here).then(|| view! { <span class="muted small">{format!(" (lesson {})", other.number)}</span> })}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </div>
                </Show>
                <button type="submit" class="button primary" disabled=move || draft.with(|d| d.trim().is_empty())>
                    {if crate::branding::QUESTIONS_ENDPOINT.is_some() { "Send question" } else { "Send question by email" }}
                </button>
            </form>

            <Show when=move || !mine().is_empty()>
                <h3>"Your questions"</h3>
                <ul class="my-questions">
                    {move || mine().into_iter().map(|q| {
                        let state = match q.state {
                            QuestionState::Pending => "Waiting to be sent".to_string(),
                            QuestionState::Failed { attempts, .. } => format!("Not sent yet: tried {attempts} time{}, trying again", if attempts == 1 { "" } else { "s" }),
                            QuestionState::Sent { .. } => "Sent".to_string(),
                            QuestionState::Emailed { .. } => "Opened in your email app".to_string(),
                        };
                        view! {
                            <li class="my-question">
                                <p class="my-question-text">{q.text}</p>
                                <p class="muted small">{state}</p>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Show>
        </section>
    }
}

/// Not found for a lesson address, with the lessons it most likely meant.
#[component]
fn UnknownLesson(key: String) -> impl IntoView {
    crate::set_page_title("Lesson not found");
    let suggestions = suggest(&key);
    view! {
        <section class="container section prose">
            <h1>"Lesson not found"</h1>
            <p>"No lesson has the number or name " <code>{key.clone()}</code> "."</p>
            {(!suggestions.is_empty()).then(|| view! {
                <h2>"Did you mean"</h2>
                <ul class="suggestions">
                    {suggestions.into_iter().map(|ix| {
                        let l = CURRICULUM.lesson(ix);
                        view! { <li><Link href=lesson_href(l)><span class="lesson-number">{l.number}</span>" "{l.title}</Link></li> }
                    }).collect_view()}
                </ul>
            })}
            <div class="actions">
                <Link href="/curriculum" attr:class="button primary">"Browse the curriculum"</Link>
            </div>
        </section>
    }
}

/// Lessons close to a mistyped address: same module, mission or program for a number, or
/// words of the title for a name.
fn suggest(key: &str) -> Vec<LessonIx> {
    let lessons = CURRICULUM.lessons;
    let mut prefix = key.trim_end_matches('.').to_string();
    while let Some(cut) = prefix.rfind('.') {
        prefix.truncate(cut);
        let scope = format!("{prefix}.");
        let found: Vec<LessonIx> = (0..lessons.len())
            .filter(|&i| lessons[i].number.starts_with(&scope))
            .map(|i| i as LessonIx)
            .take(5)
            .collect();
        if !found.is_empty() {
            return found;
        }
    }
    let words: Vec<String> = key
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 2)
        .map(str::to_lowercase)
        .collect();
    let mut scored: Vec<(usize, LessonIx)> = (0..lessons.len())
        .map(|i| {
            let title = lessons[i].title.to_lowercase();
            (
                words
                    .iter()
                    .filter(|w| title.contains(w.as_str()) || lessons[i].id.contains(w.as_str()))
                    .count(),
                i as LessonIx,
            )
        })
        .filter(|(score, _)| *score > 0)
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().take(5).map(|(_, ix)| ix).collect()
}
