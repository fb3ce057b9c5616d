//! The site footer: who runs the academy and how to reach them.

use crate::branding::{CONTACT_EMAIL, OPERATOR};
use crate::components::link::Link;
use leptos::prelude::*;

/// Footer with the operator, a contact link and the About page.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let mailto = format!("mailto:{CONTACT_EMAIL}");
    view! {
        <footer class="site-footer">
            <div class="container footer-row">
                <p>{format!("© 2026 {OPERATOR}")}</p>
                <ul class="footer-links">
                    <li><Link href="/about">"About"</Link></li>
                    <li><Link href="/settings">"Settings"</Link></li>
                    <li><a href=mailto>{CONTACT_EMAIL}</a></li>
                </ul>
            </div>
        </footer>
    }
}
