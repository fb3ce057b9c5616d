//! Home: what the academy does for a store, and where to start.

use crate::branding::{PRODUCT_NAME, TAGLINE};
use crate::components::link::Link;
use crate::content::{FEATURED, FIGURES};
use leptos::prelude::*;

/// The landing page: the diagnostic's promise, the curriculum in figures, a featured lesson.
/// It reads only figures compiled into the app, so it needs no curriculum file; once it is
/// shown, the diagnostic's files (its main link) are fetched in idle time.
#[component]
pub fn Home() -> impl IntoView {
    crate::set_page_title("");
    let missions = FIGURES.missions;
    let checkpoints = FIGURES.checkpoints;
    leptos::task::spawn_local(crate::split::prepare("/diagnostic"));
    view! {
        <section class="hero">
            <div class="container hero-grid">
                <div>
                    <p class="eyebrow">"Competency diagnostic for e-commerce operators"</p>
                    <h1>{PRODUCT_NAME}</h1>
                    <p class="lead">{TAGLINE}</p>
                    <p>
                        {format!(
                            "Compare how your store runs today with a curriculum of {} programs and {} missions. \
                             Every skill checkpoint is a plain statement about your business, and every gap points to the lessons that close it.",
                            FIGURES.programs, missions
                        )}
                    </p>
                    <div class="actions">
                        <Link href="/diagnostic" attr:class="button primary">"Start the diagnostic"</Link>
                        <Link href="/curriculum" attr:class="button secondary">"Explore the curriculum"</Link>
                    </div>
                </div>
                <ul class="promise" aria-label="What the diagnostic gives you">
                    <li><strong>"About 5 minutes"</strong><span>"A few screens of questions about how you run the store today."</span></li>
                    <li><strong>{format!("{checkpoints} skill checkpoints")}</strong><span>"Each one scored as mastered, partial or missing."</span></li>
                    <li><strong>"A dynamic roadmap"</strong><span>"The lessons you are missing, in a sensible order, paced to your week."</span></li>
                </ul>
            </div>
        </section>
        <section class="container section" aria-labelledby="figures-title">
            <h2 id="figures-title">"The curriculum in figures"</h2>
            <ul class="figures">
                <li><strong>{FIGURES.programs}</strong>" programs"</li>
                <li><strong>{missions}</strong>" missions"</li>
                <li><strong>{FIGURES.lessons}</strong>" numbered lessons"</li>
                <li><strong>{checkpoints}</strong>" skill checkpoints"</li>
            </ul>
        </section>
        {FEATURED.map(|lesson| {
            let href = format!("/lesson/{}", lesson.number);
            view! {
                <section class="container section" aria-labelledby="featured-title">
                    <h2 id="featured-title">"A lesson to start with"</h2>
                    <article class="card">
                        <p class="lesson-number">{lesson.number}</p>
                        <h3><Link href=href>{lesson.title}</Link></h3>
                        <p>{lesson.summary}</p>
                        <crate::components::badges::Badges badges=academy_core::html::Badges {
                            rung: lesson.difficulty,
                            difficulty: lesson.difficulty_name,
                            path_id: lesson.path_id,
                            path: lesson.path_name,
                            minutes: lesson.minutes,
                        }/>
                    </article>
                </section>
            }
        })}
    }
}
