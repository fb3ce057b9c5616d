//! The site footer: who runs the academy and how to reach them.

use crate::branding::{CONTACT_EMAIL, OPERATOR};
use leptos::prelude::*;
use leptos_router::components::A;

/// Footer with the operator, a contact link and the About page.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let mailto = format!("mailto:{CONTACT_EMAIL}");
    view! {
        <footer class="site-footer">
            <div class="container footer-row">
                <p>{format!("© 2026 {OPERATOR}")}</p>
                <ul class="footer-links">
                    <li><A href="/about">"About"</A></li>
                    <li><A href="/settings">"Settings"</A></li>
                    <li><a href=mailto>{CONTACT_EMAIL}</a></li>
                </ul>
            </div>
        </footer>
    }
}
