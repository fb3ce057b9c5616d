//! The gap analysis: overall score, mastery per program as bars and a radar chart, top
//! priorities with the answers behind them, missing lessons by program, mastered
//! checkpoints, a comparison with the previous attempt, sharing and printing.

use crate::components::disclosure::Disclosure;
use crate::components::later::Later;
use crate::components::link::Link;
use crate::components::radar::Radar;
use crate::content::CURRICULUM;
use crate::state::Learner;
use academy_core::curriculum::CheckpointIx;
use academy_core::date::Day;
use academy_core::diagnostic::{assess, score, Answers, CheckState, CheckpointResult, Score};
use academy_core::roadmap::{gap_report, gap_weight, GapReport};
use academy_core::share::{decode, encode};
use leptos::prelude::*;

/// How many gaps the results call top priorities.
const TOP_PRIORITIES: usize = 5;

/// The learner's latest results, or an invitation to take the diagnostic.
#[component]
pub fn ResultsPage() -> impl IntoView {
    crate::set_page_title("Your results");
    let learner = Learner::get();
    // The last two attempts, compared by value: answers saved for a new diagnostic (in
    // another tab, say) change the diagnostic state but must not rebuild these results.
    let attempts = Memo::new(move |_| {
        learner.diagnostic.with(|d| {
            let n = d.attempts.len();
            (
                d.attempts.last().cloned(),
                n.checked_sub(2).map(|i| d.attempts[i].clone()),
            )
        })
    });
    move || {
        attempts.with(|(latest, previous)| match latest {
            None => view! {
                <section class="container section prose">
                    <h1>"Your results"</h1>
                    <p>"There are no results yet. The diagnostic takes about five minutes; your gap analysis and roadmap appear here as soon as you finish it."</p>
                    <div class="actions"><Link href="/diagnostic" attr:class="button primary">"Take the diagnostic"</Link></div>
                </section>
            }
            .into_any(),
            Some(latest) => {
                let previous = previous
                    .as_ref()
                    .map(|a| (Day(a.day), score(&CURRICULUM, &assess(&CURRICULUM, &a.answers))));
                view! { <ResultsView answers=latest.answers.clone() day=Day(latest.day) previous=previous shared=false/> }.into_any()
            }
        })
    }
}

/// Results carried in a link's fragment (`/shared#r=...`), read-only.
#[component]
pub fn SharedResultsPage() -> impl IntoView {
    crate::set_page_title("Shared results");
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    let code = hash
        .trim_start_matches('#')
        .strip_prefix("r=")
        .unwrap_or("")
        .to_string();
    match decode(&CURRICULUM, &code) {
        Ok((answers, day)) => view! {
            <div class="container shared-note" role="note">
                <p>"You are looking at results someone shared with you. They are read-only and not saved in this browser."</p>
            </div>
            <ResultsView answers=answers day=day previous=None shared=true/>
        }
        .into_any(),
        Err(error) => view! {
            <section class="container section prose">
                <h1>"This results link cannot be opened"</h1>
                <p class="error-message" role="alert">{error.message()}</p>
                <div class="actions">
                    <Link href="/diagnostic" attr:class="button primary">"Take the diagnostic yourself"</Link>
                    <Link href="/" attr:class="button secondary">"Go to Home"</Link>
                </div>
            </section>
        }
        .into_any(),
    }
}

/// The results of the answers given so far, built only to be thrown away (see
/// `split::rehearse_results`): the browser compiles the results code while the learner
/// answers, so the real results appear at once after the last answer.
#[component]
pub fn Rehearsal() -> impl IntoView {
    let answers = Learner::get()
        .diagnostic
        .with_untracked(|d| d.current.clone());
    view! { <ResultsView answers=answers day=Day(0) previous=None shared=false/> }
}

#[component]
fn ResultsView(
    answers: Answers,
    day: Day,
    previous: Option<(Day, Score)>,
    shared: bool,
) -> impl IntoView {
    let results = assess(&CURRICULUM, &answers);
    let s = score(&CURRICULUM, &results);
    let report = gap_report(&CURRICULUM, &results);
    let share_code = encode(&CURRICULUM, &answers, day);
    let copied = RwSignal::new(None::<String>);
    let share = move |_| {
        let Some(window) = web_sys::window() else {
            return;
        };
        let link = format!("{}/shared#r={share_code}", crate::app_url());
        let clipboard = window.navigator().clipboard();
        let _ = clipboard.write_text(&link);
        copied.set(Some(link));
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };

    let change = previous.as_ref().map(|(when, before)| {
        let delta = s.overall as i64 - before.overall as i64;
        let words = match delta {
            d if d > 0 => format!("up {d} points"),
            d if d < 0 => format!("down {} points", -d),
            _ => "unchanged".to_string(),
        };
        format!("{words} since your previous diagnostic on {}", when.human())
    });

    let priorities: Vec<_> = report.gaps.iter().take(TOP_PRIORITIES).copied().collect();
    let (values, before) = (
        s.programs.clone(),
        previous.as_ref().map(|(_, b)| b.programs.clone()),
    );
    let missing = report.missing_lessons.clone();
    view! {
        <section class="container section results">
            <header class="results-header">
                <p class="eyebrow">{format!("Gap analysis · {}", day.human())}</p>
                <h1>{if shared { "Shared results" } else { "Your results" }}</h1>
            </header>
            <div class="score-grid">
                <div class="score-card">
                    <p class="score-label">"Overall mastery"</p>
                    <p class="score-value">{format!("{}%", s.overall)}</p>
                    {change.map(|c| view! { <p class="score-change">{c}</p> })}
                    <ul class="score-counts">
                        <li>{format!("{} mastered", s.mastered)}</li>
                        <li>{format!("{} partly in place", s.partial)}</li>
                        <li>{format!("{} missing", s.missing)}</li>
                        <li>{format!("{} not sure or skipped", s.unknown)}</li>
                    </ul>
                </div>
                <Radar values=s.programs.clone() previous=previous.as_ref().map(|(_, p)| p.programs.clone())/>
            </div>
            <div class="actions no-print">
                {(!shared).then(|| view! { <Link href="/roadmap" attr:class="button primary">"See your roadmap"</Link> })}
                <button type="button" class="button" on:click=share>"Copy a share link"</button>
                <button type="button" class="button" on:click=print>"Print the report"</button>
                {(!shared).then(|| view! { <Link href="/diagnostic" attr:class="button">"Retake the diagnostic"</Link> })}
            </div>
            <p role="status" class="share-status">
                {move || copied.get().map(|link| view! { "Share link copied: " <a href=link.clone()>{link.clone()}</a> })}
            </p>

            // Below the first screen: on a shared link opened cold, each part is built in a
            // task of its own (see Later); after the last answer, at once.
            <Later only_at_start=true>
                <ProgramBars values=values.clone() before=before.clone()/>
            </Later>
            <Later only_at_start=true>
                <TopPriorities priorities=priorities.clone() results=results.clone()/>
                <PlanReach lessons=missing.clone()/>
            </Later>
            <Later only_at_start=true>
                <GapLists report=report.clone()/>
            </Later>
        </section>
    }
}

/// Mastery per program as bars, with the previous attempt's figure when there is one.
#[component]
fn ProgramBars(values: Vec<u32>, before: Option<Vec<u32>>) -> impl IntoView {
    view! {
        <div class="results-part">
            <h2>"Mastery by program"</h2>
            <ol class="bars">
                {(0..CURRICULUM.programs.len()).map(|p| {
                    let value = values[p];
                    let before = before.as_ref().map(|b| b[p]);
                    view! {
                        <li class="bar-row">
                            <span class="bar-label">{format!("{}. {}", p + 1, CURRICULUM.programs[p].title)}</span>
                            <span class="bar-track" aria-hidden="true"><span class="bar-fill" style=format!("width: {value}%")></span></span>
                            <span class="bar-value">
                                {format!("{value}%")}
                                {before.map(|b| format!(" (was {b}%)"))}
                            </span>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </div>
    }
}

/// The heaviest gaps, with the answers behind them and where to start.
#[component]
fn TopPriorities(priorities: Vec<CheckpointIx>, results: Vec<CheckpointResult>) -> impl IntoView {
    view! {
        <div class="results-part">
            <h2>"Top priorities"</h2>
            {if priorities.is_empty() {
                view! { <p>"Every checkpoint is mastered. Keep the habits, and retake the diagnostic when your store changes."</p> }.into_any()
            } else {
                view! {
                    <ol class="priorities">
                        {priorities.iter().copied().map(|k| {
                            let r = results[k as usize];
                            let checkpoint = &CURRICULUM.checkpoints[k as usize];
                            let lesson = CURRICULUM.lessons_teaching(k).next().map(|l| CURRICULUM.lesson(l));
                            view! {
                                <li class="priority">
                                    <p class="priority-statement"><strong>{checkpoint.statement}</strong></p>
                                    <p class="muted">
                                        {format!("{} · {}", r.state.label(), CURRICULUM.programs[usize::from(checkpoint.program)].title)}
                                        {r.evidence.map(|e| format!(" · {}.", e.describe(&CURRICULUM)))}
                                    </p>
                                    {lesson.map(|l| view! {
                                        <p>"Start with " <Link href=format!("/lesson/{}", l.number)>{format!("{} {}", l.number, l.title)}</Link></p>
                                    })}
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
        </div>
    }
}

/// The missing lessons by program and the mastered checkpoints, both folded away.
#[component]
fn GapLists(report: GapReport) -> impl IntoView {
    view! {
        <div class="results-part">
            <h2>{format!("Missing lessons ({})", report.missing_lessons.len())}</h2>
            <p class="muted">"Lessons that teach a checkpoint you have not mastered, by program."</p>
            <div class="missing-by-program">
                {(0..CURRICULUM.programs.len()).filter_map(|p| {
                    let lessons: Vec<_> = report.missing_lessons.iter().copied().filter(|&l| usize::from(CURRICULUM.lesson(l).position[0]) == p).collect();
                    (!lessons.is_empty()).then(|| {
                        let summary = format!("{} ({} lessons)", CURRICULUM.programs[p].title, lessons.len());
                        view! {
                            <Disclosure class="missing-program" summary=summary>
                                <ul>
                                    {lessons.iter().map(|&l| {
                                        let lesson = CURRICULUM.lesson(l);
                                        view! { <li><Link href=format!("/lesson/{}", lesson.number)><span class="lesson-number">{lesson.number}</span>" "{lesson.title}</Link></li> }
                                    }).collect_view()}
                                </ul>
                            </Disclosure>
                        }
                    })
                }).collect_view()}
            </div>

            <h2>{format!("Mastered checkpoints ({})", report.mastered.len())}</h2>
            {if report.mastered.is_empty() {
                view! { <p class="muted">"None yet: every checkpoint is a place to grow."</p> }.into_any()
            } else {
                let mastered = report.mastered.clone();
                view! {
                    <Disclosure class="mastered" summary="Show the checkpoints you have mastered".to_string()>
                        <ul>{mastered.iter().map(|&k| view! { <li>{CURRICULUM.checkpoints[k as usize].statement}</li> }).collect_view()}</ul>
                    </Disclosure>
                }.into_any()
            }}
            <p class="muted small">
                {format!(
                    "How the score works: a mastered checkpoint counts 1, one partly in place counts ½, missing or unsure counts 0. Priorities weigh missing gaps {}, unsure {} and partial {}.",
                    gap_weight(CheckState::Missing), gap_weight(CheckState::Unknown), gap_weight(CheckState::Partial)
                )}
            </p>
        </div>
    }
}

/// How many of the missing lessons are readable now, and how many each plan would open.
#[component]
fn PlanReach(lessons: Vec<u32>) -> impl IntoView {
    let learner = Learner::get();
    move || {
        let readable = |plan: usize| learner.can_read(plan);
        let open_now = lessons
            .iter()
            .filter(|&&l| readable(usize::from(CURRICULUM.lesson(l).plan)))
            .count();
        let offers: Vec<String> = (1..CURRICULUM.plans.len())
            .filter(|&p| !readable(p))
            .map(|p| {
                let more = lessons
                    .iter()
                    .map(|&l| usize::from(CURRICULUM.lesson(l).plan))
                    .filter(|&needed| {
                        !readable(needed) && CURRICULUM.plan_covers(p as u8, needed as u8)
                    })
                    .count();
                format!(
                    "the {} plan would open {more} more",
                    CURRICULUM.plans[p].name
                )
            })
            .collect();
        let sentence = if offers.is_empty() {
            format!(
                "You can read the masterclass of all {} of your missing lessons.",
                lessons.len()
            )
        } else {
            format!(
                "You can read the masterclass of {open_now} of your {} missing lessons now; {}.",
                lessons.len(),
                offers.join(", and ")
            )
        };
        view! {
            <p class="plan-reach">{sentence}" "<Link href="/settings">"Enter an access code"</Link></p>
        }
    }
}
