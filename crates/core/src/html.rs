//! Lesson bodies and a lesson's head as HTML: the static lesson pages are written with it at
//! build time, and the reader shows the same markup by handing it to the browser's parser
//! in one call.
//! Built node by node from wasm, a body cost a call across to JavaScript for every element
//! and text, and V8 compiling that view code on first use, all in the task that shows the
//! lesson's text (the reading module is also 4 KB gzip smaller without it).
//!
//! Every piece of text goes through [`escape`], so the tree's text stays text. Links come
//! from the content compiler, which accepts only `https://` and the app's own paths.

use crate::body::{Block, Inline, Inlines};
use std::fmt::Write;

/// Appends `text` with `&`, `<`, `>` and `"` escaped: safe as element text and inside a
/// double-quoted attribute.
pub fn escape(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(at) = rest.find(['&', '<', '>', '"']) {
        out.push_str(&rest[..at]);
        out.push_str(match rest.as_bytes()[at] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            _ => "&quot;",
        });
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
}

/// `text`, escaped.
pub fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape(&mut out, text);
    out
}

/// What a lesson's page shows above its objectives: where it sits, its number, title,
/// subtitle and badges.
pub struct LessonHead<'a> {
    /// The path the app is served under ("" or "/academy").
    pub base: &'a str,
    /// Program, mission and module titles.
    pub place: [&'a str; 3],
    /// The lesson's position among them, counted from 1.
    pub position: [usize; 3],
    pub number: &'a str,
    pub title: &'a str,
    pub subtitle: &'a str,
    pub badges: Badges<'a>,
}

/// A lesson's difficulty (its rung and name), path (id and name) and length.
pub struct Badges<'a> {
    pub rung: usize,
    pub difficulty: &'a str,
    pub path_id: &'a str,
    pub path: &'a str,
    pub minutes: u16,
}

impl LessonHead<'_> {
    /// The breadcrumbs and the lesson's header.
    pub fn html(&self) -> String {
        let [p, m, d] = self.position;
        let mut out = String::with_capacity(1024);
        let _ = write!(
            out,
            "<nav aria-label=\"Breadcrumb\" class=\"breadcrumbs\"><ol><li><a href=\""
        );
        escape(&mut out, self.base);
        let _ = write!(out, "/curriculum\">Curriculum</a></li><li>Program {p}: ");
        escape(&mut out, self.place[0]);
        let _ = write!(out, "</li><li>Mission {p}.{m}: ");
        escape(&mut out, self.place[1]);
        let _ = write!(out, "</li><li>Module {p}.{m}.{d}: ");
        escape(&mut out, self.place[2]);
        out.push_str(
            "</li></ol></nav><header class=\"lesson-header\"><p class=\"lesson-number\">Lesson ",
        );
        escape(&mut out, self.number);
        out.push_str("</p><h1>");
        escape(&mut out, self.title);
        out.push_str("</h1><p class=\"subtitle\">");
        escape(&mut out, self.subtitle);
        out.push_str("</p><ul class=\"badges\" aria-label=\"Lesson facts\">");
        out.push_str(&self.badges.items());
        out.push_str("</ul></header>");
        out
    }
}

impl Badges<'_> {
    /// The badges' list items (the list is `<ul class="badges" aria-label="Lesson facts">`).
    pub fn items(&self) -> String {
        let mut out = String::with_capacity(256);
        let _ = write!(
            out,
            "<li class=\"badge difficulty rung-{}\"><span class=\"badge-label\">Difficulty: </span>",
            self.rung
        );
        escape(&mut out, self.difficulty);
        out.push_str("</li><li class=\"badge path path-");
        escape(&mut out, self.path_id);
        out.push_str("\"><span class=\"badge-label\">Path: </span>");
        escape(&mut out, self.path);
        let _ = write!(
            out,
            "</li><li class=\"badge minutes\">{} min</li>",
            self.minutes
        );
        out
    }
}

/// A lesson's objectives, as their section.
pub fn objectives<S: AsRef<str>>(objectives: &[S]) -> String {
    let mut out = String::from(
        "<section aria-labelledby=\"objectives-title\" class=\"objectives\"><h2 id=\"objectives-title\">You will be able to</h2><ul>",
    );
    for objective in objectives {
        out.push_str("<li>");
        escape(&mut out, objective.as_ref());
        out.push_str("</li>");
    }
    out.push_str("</ul></section>");
    out
}

/// A body (preview, masterclass or answer) as HTML. `base` is the path the app is served
/// under, without a trailing slash ("" or "/academy"), which links to the app's own pages
/// start with.
pub fn body(body: &[Block], base: &str) -> String {
    let mut out = String::with_capacity(4096);
    blocks(&mut out, body, base);
    out
}

fn blocks(out: &mut String, body: &[Block], base: &str) {
    for b in body {
        match b {
            // Bodies sit under the page's own section headings (h2), so `##` becomes h3.
            Block::Heading { level, content } => {
                let h = match level {
                    2 => 3,
                    3 => 4,
                    _ => 5,
                };
                let _ = write!(out, "<h{h}>");
                inlines(out, content, base);
                let _ = write!(out, "</h{h}>");
            }
            Block::Paragraph(content) => tagged(out, "p", content, base),
            Block::List { ordered, items } => {
                let tag = if *ordered { "ol" } else { "ul" };
                let _ = write!(out, "<{tag}>");
                for item in items.iter() {
                    out.push_str("<li>");
                    blocks(out, item, base);
                    out.push_str("</li>");
                }
                let _ = write!(out, "</{tag}>");
            }
            Block::Code { lang, code } => {
                // Focusable, so a keyboard can scroll a long line.
                out.push_str("<pre tabindex=\"0\"");
                if !lang.is_empty() {
                    out.push_str(" aria-label=\"");
                    escape(out, lang);
                    out.push_str(" code\"");
                }
                out.push_str("><code>");
                escape(out, code);
                out.push_str("</code></pre>");
            }
            Block::Table { head, rows } => {
                out.push_str("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Table\"><table><thead>");
                row(out, "<th scope=\"col\">", "</th>", head, base);
                out.push_str("</thead><tbody>");
                for cells in rows.iter() {
                    row(out, "<td>", "</td>", cells, base);
                }
                out.push_str("</tbody></table></div>");
            }
            Block::Callout { kind, content } => {
                let label = kind.label();
                let _ = write!(
                    out,
                    "<aside class=\"callout callout-{}\" aria-label=\"{label}\"><p class=\"callout-title\">{label}</p>",
                    label.to_ascii_lowercase()
                );
                blocks(out, content, base);
                out.push_str("</aside>");
            }
            Block::Quote(content) => {
                out.push_str("<blockquote>");
                blocks(out, content, base);
                out.push_str("</blockquote>");
            }
        }
    }
}

fn inlines(out: &mut String, content: &[Inline], base: &str) {
    for i in content {
        match i {
            Inline::Text(t) => escape(out, t),
            Inline::Code(t) => {
                out.push_str("<code>");
                escape(out, t);
                out.push_str("</code>");
            }
            Inline::Strong(c) => tagged(out, "strong", c, base),
            Inline::Emphasis(c) => tagged(out, "em", c, base),
            Inline::Link { href, content } => {
                let external = href.starts_with("https://");
                out.push_str("<a href=\"");
                // Links to the app's own pages follow its base path.
                if href.starts_with('/') {
                    escape(out, base);
                }
                escape(out, href);
                out.push('"');
                if external {
                    out.push_str(" rel=\"noopener noreferrer\" target=\"_blank\"");
                }
                out.push('>');
                inlines(out, content, base);
                if external {
                    out.push_str("<span class=\"visually-hidden\"> (opens in a new tab)</span>");
                }
                out.push_str("</a>");
            }
            Inline::LineBreak => out.push_str("<br>"),
        }
    }
}

fn tagged(out: &mut String, tag: &str, content: &[Inline], base: &str) {
    let _ = write!(out, "<{tag}>");
    inlines(out, content, base);
    let _ = write!(out, "</{tag}>");
}

/// A table row, each cell between `open` and `close`.
fn row(out: &mut String, open: &str, close: &str, cells: &[Inlines], base: &str) {
    out.push_str("<tr>");
    for cell in cells {
        out.push_str(open);
        inlines(out, cell, base);
        out.push_str(close);
    }
    out.push_str("</tr>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::body::CalloutKind;
    use std::borrow::Cow;

    fn text(t: &'static str) -> Inlines {
        Cow::Owned(vec![Inline::Text(Cow::Borrowed(t))])
    }

    #[test]
    fn text_that_looks_like_markup_stays_text() {
        let b = [Block::Paragraph(text(
            "<script>alert(\"x\")</script> & more",
        ))];
        assert_eq!(
            body(&b, ""),
            "<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more</p>"
        );
    }

    #[test]
    fn attributes_cannot_be_closed_by_their_values() {
        let b = [
            Block::Code {
                lang: Cow::Borrowed("a\" onmouseover=\"x"),
                code: Cow::Borrowed("</code>"),
            },
            Block::Paragraph(Cow::Owned(vec![Inline::Link {
                href: Cow::Borrowed("https://example.com/?q=\"><b>"),
                content: text("x"),
            }])),
        ];
        let html = body(&b, "");
        assert!(!html.contains("\" onmouseover"), "{html}");
        assert!(!html.contains("\"><b>"), "{html}");
        assert!(html.contains("&lt;/code&gt;"), "{html}");
    }

    #[test]
    fn own_links_follow_the_base_path_and_outside_links_open_a_tab() {
        let b = [Block::Paragraph(Cow::Owned(vec![
            Inline::Link {
                href: Cow::Borrowed("/lesson/1.1.1.1"),
                content: text("first"),
            },
            Inline::Link {
                href: Cow::Borrowed("https://example.com/"),
                content: text("out"),
            },
        ]))];
        let html = body(&b, "/academy");
        assert!(
            html.contains("<a href=\"/academy/lesson/1.1.1.1\">first</a>"),
            "{html}"
        );
        assert!(html.contains("<a href=\"https://example.com/\" rel=\"noopener noreferrer\" target=\"_blank\">out<span class=\"visually-hidden\"> (opens in a new tab)</span></a>"), "{html}");
    }

    #[test]
    fn a_lessons_head_escapes_its_titles_and_follows_the_base_path() {
        let head = LessonHead {
            base: "/academy",
            place: ["Store <Foundations>", "Offer & Price", "Proof"],
            position: [1, 2, 3],
            number: "1.2.3.4",
            title: "Prices \"that\" work",
            subtitle: "Why",
            badges: Badges {
                rung: 2,
                difficulty: "Hero",
                path_id: "lab",
                path: "Lab",
                minutes: 30,
            },
        }
        .html();
        assert!(
            head.contains("<a href=\"/academy/curriculum\">Curriculum</a>"),
            "{head}"
        );
        assert!(
            head.contains("<li>Program 1: Store &lt;Foundations&gt;</li>"),
            "{head}"
        );
        assert!(head.contains("<li>Module 1.2.3: Proof</li>"), "{head}");
        assert!(
            head.contains("<h1>Prices &quot;that&quot; work</h1>"),
            "{head}"
        );
        assert!(head.contains("<li class=\"badge difficulty rung-2\"><span class=\"badge-label\">Difficulty: </span>Hero</li>"), "{head}");
        assert!(
            head.ends_with("<li class=\"badge minutes\">30 min</li></ul></header>"),
            "{head}"
        );
        assert_eq!(
            objectives(&["Set <a> price"]),
            "<section aria-labelledby=\"objectives-title\" class=\"objectives\"><h2 id=\"objectives-title\">You will be able to</h2><ul><li>Set &lt;a&gt; price</li></ul></section>"
        );
    }

    #[test]
    fn headings_sit_under_the_pages_sections_and_callouts_say_their_kind() {
        let b = [
            Block::Heading {
                level: 2,
                content: text("Steps"),
            },
            Block::Callout {
                kind: CalloutKind::Warning,
                content: Cow::Owned(vec![Block::Paragraph(text("Check twice."))]),
            },
        ];
        assert_eq!(
            body(&b, ""),
            "<h3>Steps</h3><aside class=\"callout callout-warning\" aria-label=\"Warning\"><p class=\"callout-title\">Warning</p><p>Check twice.</p></aside>"
        );
    }
}
