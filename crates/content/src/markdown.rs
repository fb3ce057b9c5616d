//! Turns the Markdown of a lesson body into the core's document tree. Raw HTML is kept as
//! plain text, and links may only point to web pages, mail addresses or pages of the app.

use academy_core::{Block, Body, CalloutKind, Inline};
use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::borrow::Cow;
use std::iter::Peekable;

/// Parses a Markdown body. Errors describe the problem in an author's words.
pub fn parse(source: &str) -> Result<Body, String> {
    let mut events = Parser::new_ext(
        source,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    )
    .peekable();
    let blocks = blocks(&mut events, None)?;
    Ok(Cow::Owned(blocks))
}

type Events<'a> = Peekable<Parser<'a>>;

fn blocks(events: &mut Events<'_>, until: Option<TagEnd>) -> Result<Vec<Block>, String> {
    let mut out = Vec::new();
    // Inline content that appears directly in a block container (tight list items).
    let mut loose: Vec<Inline> = Vec::new();
    while let Some(event) = events.next() {
        match event {
            Event::End(end) if Some(end) == until => break,
            Event::Start(Tag::Paragraph) => {
                flush(&mut loose, &mut out);
                out.push(Block::Paragraph(Cow::Owned(inlines(
                    events,
                    TagEnd::Paragraph,
                )?)));
            }
            Event::Start(Tag::Heading { level, .. }) => {
                flush(&mut loose, &mut out);
                let level = match level {
                    HeadingLevel::H1 | HeadingLevel::H2 => 2,
                    HeadingLevel::H3 => 3,
                    _ => 4,
                };
                let content = inlines(events, TagEnd::Heading(heading_level(level)))?;
                out.push(Block::Heading {
                    level,
                    content: Cow::Owned(content),
                });
            }
            Event::Start(Tag::BlockQuote(kind)) => {
                flush(&mut loose, &mut out);
                let mut content = blocks(events, Some(TagEnd::BlockQuote(kind)))?;
                out.push(match take_callout_marker(&mut content)? {
                    Some(kind) => Block::Callout {
                        kind,
                        content: Cow::Owned(content),
                    },
                    None => Block::Quote(Cow::Owned(content)),
                });
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                flush(&mut loose, &mut out);
                let lang = match kind {
                    CodeBlockKind::Fenced(lang) => lang.to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                let mut code = String::new();
                for event in events.by_ref() {
                    match event {
                        Event::Text(t) => code.push_str(&t),
                        Event::End(TagEnd::CodeBlock) => break,
                        _ => {}
                    }
                }
                let code = code.trim_end_matches('\n').to_string();
                out.push(Block::Code {
                    lang: lang.into(),
                    code: code.into(),
                });
            }
            Event::Start(Tag::List(start)) => {
                flush(&mut loose, &mut out);
                let ordered = start.is_some();
                let mut items = Vec::new();
                loop {
                    match events.next() {
                        Some(Event::Start(Tag::Item)) => {
                            items.push(Cow::Owned(blocks(events, Some(TagEnd::Item))?))
                        }
                        Some(Event::End(TagEnd::List(_))) | None => break,
                        Some(other) => return Err(format!("unexpected {other:?} in a list")),
                    }
                }
                out.push(Block::List {
                    ordered,
                    items: Cow::Owned(items),
                });
            }
            Event::Start(Tag::Table(_)) => {
                flush(&mut loose, &mut out);
                out.push(table(events)?);
            }
            Event::Rule => flush(&mut loose, &mut out),
            Event::Start(Tag::HtmlBlock) => {
                flush(&mut loose, &mut out);
                let mut raw = String::new();
                for event in events.by_ref() {
                    match event {
                        Event::Html(t) | Event::Text(t) => raw.push_str(&t),
                        Event::End(TagEnd::HtmlBlock) => break,
                        _ => {}
                    }
                }
                out.push(Block::Paragraph(Cow::Owned(vec![Inline::Text(
                    raw.trim().to_string().into(),
                )])));
            }
            Event::Start(Tag::Image { .. }) => {
                return Err("images are not supported in lesson bodies".into());
            }
            other => {
                if let Some(inline) = inline_event(other, events)? {
                    loose.push(inline);
                }
            }
        }
    }
    flush(&mut loose, &mut out);
    Ok(out)
}

fn flush(loose: &mut Vec<Inline>, out: &mut Vec<Block>) {
    if !loose.is_empty() {
        out.push(Block::Paragraph(Cow::Owned(std::mem::take(loose))));
    }
}

fn heading_level(level: u8) -> HeadingLevel {
    match level {
        2 => HeadingLevel::H2,
        3 => HeadingLevel::H3,
        _ => HeadingLevel::H4,
    }
}

/// A block quote whose first paragraph starts with `[!TIP]`, `[!WARNING]` or
/// `[!RECOMMENDATION]` is a call-out; the marker itself is removed.
fn take_callout_marker(content: &mut Vec<Block>) -> Result<Option<CalloutKind>, String> {
    let (marker, after) = {
        let Some(Block::Paragraph(first)) = content.first() else {
            return Ok(None);
        };
        let Some(Inline::Text(text)) = first.first() else {
            return Ok(None);
        };
        let Some(rest) = text.strip_prefix("[!") else {
            return Ok(None);
        };
        let Some((marker, after)) = rest.split_once(']') else {
            return Ok(None);
        };
        (marker.to_string(), after.trim_start().to_string())
    };
    let kind = CalloutKind::from_marker(&marker).ok_or_else(|| {
        format!("unknown call-out `[!{marker}]`: use [!TIP], [!WARNING] or [!RECOMMENDATION]")
    })?;
    if let Some(Block::Paragraph(first)) = content.first_mut() {
        let first = first.to_mut();
        if after.is_empty() {
            first.remove(0);
            // The marker sits on its own line: drop the break that followed it.
            while matches!(first.first(), Some(Inline::LineBreak)) {
                first.remove(0);
            }
        } else {
            first[0] = Inline::Text(after.into());
        }
        if first.is_empty() {
            content.remove(0);
        }
    }
    if content.is_empty() {
        return Err(format!("the [!{marker}] call-out is empty"));
    }
    Ok(Some(kind))
}

fn table(events: &mut Events<'_>) -> Result<Block, String> {
    let mut head = Vec::new();
    let mut rows = Vec::new();
    let mut row: Vec<Cow<'static, [Inline]>> = Vec::new();
    while let Some(event) = events.next() {
        match event {
            Event::Start(Tag::TableCell) => {
                // Cells hold inline content; read it up to the cell's end.
                row.push(Cow::Owned(Vec::new()));
            }
            Event::End(TagEnd::TableHead) => head = std::mem::take(&mut row),
            Event::End(TagEnd::TableRow) => rows.push(Cow::Owned(std::mem::take(&mut row))),
            Event::End(TagEnd::Table) => break,
            Event::Start(Tag::TableHead)
            | Event::Start(Tag::TableRow)
            | Event::End(TagEnd::TableCell) => {}
            other => {
                if let Some(inline) = inline_event(other, events)? {
                    match row.last_mut() {
                        Some(cell) => cell.to_mut().push(inline),
                        None => return Err("text outside a table cell".into()),
                    }
                }
            }
        }
    }
    Ok(Block::Table {
        head: Cow::Owned(head),
        rows: Cow::Owned(rows),
    })
}

fn inlines(events: &mut Events<'_>, until: TagEnd) -> Result<Vec<Inline>, String> {
    let mut out = Vec::new();
    while let Some(event) = events.next() {
        match event {
            Event::End(end) if end == until => return Ok(merge_text(out)),
            other => {
                if let Some(inline) = inline_event(other, events)? {
                    out.push(inline);
                }
            }
        }
    }
    Ok(merge_text(out))
}

fn inline_event(event: Event<'_>, events: &mut Events<'_>) -> Result<Option<Inline>, String> {
    Ok(Some(match event {
        Event::Text(t) => Inline::Text(t.to_string().into()),
        Event::Code(t) => Inline::Code(t.to_string().into()),
        Event::Html(t) | Event::InlineHtml(t) => Inline::Text(t.to_string().into()),
        Event::SoftBreak => Inline::Text(" ".into()),
        Event::HardBreak => Inline::LineBreak,
        Event::Start(Tag::Emphasis) => {
            Inline::Emphasis(Cow::Owned(inlines(events, TagEnd::Emphasis)?))
        }
        Event::Start(Tag::Strong) => Inline::Strong(Cow::Owned(inlines(events, TagEnd::Strong)?)),
        Event::Start(Tag::Strikethrough) => {
            Inline::Emphasis(Cow::Owned(inlines(events, TagEnd::Strikethrough)?))
        }
        Event::Start(Tag::Link { dest_url, .. }) => {
            let href = dest_url.to_string();
            check_link(&href)?;
            Inline::Link {
                href: href.into(),
                content: Cow::Owned(inlines(events, TagEnd::Link)?),
            }
        }
        Event::Start(Tag::Image { .. }) => {
            return Err("images are not supported in lesson bodies".into())
        }
        Event::End(_) => return Ok(None),
        other => return Err(format!("unsupported Markdown here: {other:?}")),
    }))
}

/// Adjacent text runs (split by the parser at soft breaks and entities) become one.
fn merge_text(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::with_capacity(inlines.len());
    for inline in inlines {
        match (out.last_mut(), inline) {
            (Some(Inline::Text(prev)), Inline::Text(next)) => prev.to_mut().push_str(&next),
            (_, inline) => out.push(inline),
        }
    }
    out
}

fn check_link(href: &str) -> Result<(), String> {
    let allowed = href.starts_with("https://")
        || href.starts_with("mailto:")
        || (href.starts_with('/') && !href.starts_with("//"))
        || href.starts_with('#');
    if allowed {
        Ok(())
    } else {
        Err(format!(
            "the link `{href}` must start with https://, mailto:, / or #"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text(s.to_string().into())
    }

    #[test]
    fn paragraphs_headings_and_emphasis() {
        let body = parse("## Why\n\nA **bold** and *soft* `code` line\ncontinues.").unwrap();
        assert_eq!(body.len(), 2);
        assert!(matches!(&body[0], Block::Heading { level: 2, .. }));
        let Block::Paragraph(p) = &body[1] else {
            panic!("paragraph expected")
        };
        assert_eq!(p[0], text("A "));
        assert!(matches!(&p[1], Inline::Strong(_)));
        assert!(matches!(&p[5], Inline::Code(c) if c == "code"));
        assert_eq!(p[6], text(" line continues."));
    }

    #[test]
    fn callouts_lose_their_marker() {
        let body = parse("> [!TIP]\n> Start with the cheapest test.").unwrap();
        let Block::Callout { kind, content } = &body[0] else {
            panic!("callout expected")
        };
        assert_eq!(*kind, CalloutKind::Tip);
        assert_eq!(
            content[0],
            Block::Paragraph(Cow::Owned(vec![text("Start with the cheapest test.")]))
        );
    }

    #[test]
    fn unknown_callout_is_an_error() {
        assert!(parse("> [!NOTE]\n> x")
            .unwrap_err()
            .contains("unknown call-out"));
    }

    #[test]
    fn tight_lists_and_tables() {
        let body = parse("- one\n- two **2**\n\n| a | b |\n|---|---|\n| 1 | 2 |\n").unwrap();
        let Block::List {
            ordered: false,
            items,
        } = &body[0]
        else {
            panic!("list expected")
        };
        assert_eq!(items.len(), 2);
        let Block::Table { head, rows } = &body[1] else {
            panic!("table expected")
        };
        assert_eq!(head.len(), 2);
        assert_eq!(rows[0][1][0], text("2"));
    }

    #[test]
    fn html_stays_text_and_script_links_are_refused() {
        let body = parse("Hello <b>there</b>").unwrap();
        let Block::Paragraph(p) = &body[0] else {
            panic!("paragraph expected")
        };
        assert_eq!(p[0], text("Hello <b>there</b>"));
        assert!(parse("[x](javascript:alert(1))").is_err());
    }
}
