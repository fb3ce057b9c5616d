//! Links to the app's own pages, under its base path (see [`crate::BASE`]). The router's
//! own `A` leaves absolute paths as they are, so every internal link goes through here.

use leptos::prelude::*;

/// An `<a>` to an app page given from the app's root (`/lesson/8.9.3.2`). A plain element:
/// the router navigates client-side on any click of a link inside it, and long lists of
/// lessons (results, roadmap) render many of these.
#[component]
pub fn Link(#[prop(into)] href: String, children: Children) -> impl IntoView {
    view! { <a href=format!("{}{href}", crate::BASE)>{children()}</a> }
}

/// A navigation link: like [`Link`], plus `aria-current="page"` while its page, or a page
/// under it, is shown. Not the router's `A`, which does the same with relative paths,
/// queries and case folding this header never needs: 4 KB gzip of the main module, which
/// every first visit downloads.
#[component]
pub fn NavLink(#[prop(into)] href: String, children: Children) -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    let href = format!("{}{href}", crate::BASE);
    let current = {
        let href = href.clone();
        move || {
            location
                .pathname
                .with(|path| is_at(path, &href))
                .then_some("page")
        }
    };
    view! { <a href=href aria-current=current>{children()}</a> }
}

/// Whether the browser path `path` is the page at `href` or a page under it.
fn is_at(path: &str, href: &str) -> bool {
    path.strip_prefix(href)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

#[cfg(test)]
mod tests {
    use super::is_at;

    #[test]
    fn a_link_is_current_on_its_page_and_the_pages_under_it() {
        assert!(is_at("/about", "/about"));
        assert!(is_at("/about/", "/about"));
        assert!(is_at("/academy/results", "/academy/results"));
        assert!(!is_at("/resultsx", "/results"));
        assert!(!is_at("/roadmap", "/results"));
        assert!(!is_at("/", "/about"));
    }
}
