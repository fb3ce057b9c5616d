//! Renders a lesson body (the core's document tree) as views. Text is always text: nothing
//! here is ever parsed as HTML.

use academy_core::{Block, Inline};
use leptos::prelude::*;

/// A body: preview, masterclass or answer.
#[component]
pub fn BodyView(blocks: &'static [Block]) -> impl IntoView {
    blocks.iter().map(block).collect_view()
}

fn block(b: &'static Block) -> AnyView {
    match b {
        // Bodies sit under the page's own section headings (h2), so `##` becomes h3.
        Block::Heading { level, content } => match level {
            2 => view! { <h3>{inlines(content)}</h3> }.into_any(),
            3 => view! { <h4>{inlines(content)}</h4> }.into_any(),
            _ => view! { <h5>{inlines(content)}</h5> }.into_any(),
        },
        Block::Paragraph(content) => view! { <p>{inlines(content)}</p> }.into_any(),
        Block::List { ordered, items } => {
            let items = items.iter().map(|item| view! { <li>{item.iter().map(block).collect_view()}</li> }).collect_view();
            if *ordered {
                view! { <ol>{items}</ol> }.into_any()
            } else {
                view! { <ul>{items}</ul> }.into_any()
            }
        }
        Block::Code { lang, code } => {
            let label = (!lang.is_empty()).then(|| format!("{lang} code"));
            view! { <pre tabindex="0" aria-label=label><code>{code.as_ref()}</code></pre> }.into_any()
        }
        Block::Table { head, rows } => view! {
            <div class="table-wrap" tabindex="0" role="region" aria-label="Table">
                <table>
                    <thead><tr>{head.iter().map(|cell| view! { <th scope="col">{inlines(cell)}</th> }).collect_view()}</tr></thead>
                    <tbody>
                        {rows.iter().map(|row| view! {
                            <tr>{row.iter().map(|cell| view! { <td>{inlines(cell)}</td> }).collect_view()}</tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any(),
        Block::Callout { kind, content } => {
            let class = format!("callout callout-{}", kind.label().to_lowercase());
            view! {
                <aside class=class aria-label=kind.label()>
                    <p class="callout-title">{kind.label()}</p>
                    {content.iter().map(block).collect_view()}
                </aside>
            }
            .into_any()
        }
        Block::Quote(content) => view! { <blockquote>{content.iter().map(block).collect_view()}</blockquote> }.into_any(),
    }
}

fn inlines(content: &'static [Inline]) -> AnyView {
    content.iter().map(inline).collect_view().into_any()
}

fn inline(i: &'static Inline) -> AnyView {
    match i {
        Inline::Text(t) => t.as_ref().into_any(),
        Inline::Code(t) => view! { <code>{t.as_ref()}</code> }.into_any(),
        Inline::Strong(c) => view! { <strong>{inlines(c)}</strong> }.into_any(),
        Inline::Emphasis(c) => view! { <em>{inlines(c)}</em> }.into_any(),
        Inline::Link { href, content } => {
            let external = href.starts_with("https://");
            // Links to the app's own pages follow its base path.
            let href = if href.starts_with('/') {
                format!("{}{href}", crate::BASE)
            } else {
                href.to_string()
            };
            view! {
                <a href=href rel=external.then_some("noopener noreferrer") target=external.then_some("_blank")>
                    {inlines(content)}
                    {external.then(|| view! { <span class="visually-hidden">" (opens in a new tab)"</span> })}
                </a>
            }
            .into_any()
        }
        Inline::LineBreak => view! { <br/> }.into_any(),
    }
}
