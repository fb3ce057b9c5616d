//! About: what the academy is, how the diagnostic and roadmap work, and how data is kept.

use crate::branding::{CONTACT_EMAIL, PRODUCT_NAME};
use crate::content::CURRICULUM;
use leptos::prelude::*;

/// How the academy works and what it does with the learner's data.
#[component]
pub fn About() -> impl IntoView {
    crate::set_page_title("About");
    let ladder = CURRICULUM
        .difficulties
        .iter()
        .map(|d| d.name)
        .collect::<Vec<_>>()
        .join(" → ");
    let mailto = format!("mailto:{CONTACT_EMAIL}");
    view! {
        <article class="container prose section">
            <h1>{format!("About {PRODUCT_NAME}")}</h1>
            <p>
                "An academy for people who run online stores: founders, operators and the first hires around them. "
                "It teaches the work itself (margins, ads, email, fulfilment, analytics, AI tools) through short, numbered lessons written by operators for operators."
            </p>
            <h2>"How it works"</h2>
            <ol>
                <li><strong>"Diagnose. "</strong>"A short questionnaire compares how you run the store today with the skill checkpoints of the curriculum."</li>
                <li><strong>"Prescribe. "</strong>"Your answers become a gap analysis and a roadmap: the lessons you are missing, ordered so each one builds on what came before."</li>
                <li><strong>"Teach. "</strong>"Every lesson has a free preview; the full masterclass explains the method with worked numbers, common mistakes and a checklist for the week."</li>
            </ol>
            <h2>"Reading a lesson number"</h2>
            <p>
                "A lesson such as 8.9.3.2 sits in program 8, mission 9 of that program, module 3 of that mission, and is the module's second lesson. "
                {format!("Each lesson has a difficulty on the ladder {ladder}, and a path: ")}
                {CURRICULUM.paths.iter().map(|p| p.name).collect::<Vec<_>>().join(", ")}
                "."
            </p>
            <h2>"Your data stays with you"</h2>
            <p>
                "Everything runs in your browser. Your progress and settings are kept in this browser's local storage and are not sent anywhere. "
                "Clearing your browser data removes them."
            </p>
            <h2>"Contact"</h2>
            <p>"Questions, corrections or ideas for a lesson: " <a href=mailto>{CONTACT_EMAIL}</a>"."</p>
        </article>
    }
}
