//! Lesson bodies as a small document tree. The content compiler builds it from Markdown at
//! build time; `html` writes it out, escaped, for the static pages and the reader.

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// Text that is either compiled into the binary or decoded at run time.
pub type Text = Cow<'static, str>;
/// A sequence of blocks: a preview, a masterclass, an answer.
pub type Body = Cow<'static, [Block]>;
/// Inline content: a paragraph, a heading, a table cell.
pub type Inlines = Cow<'static, [Inline]>;
/// The rows of a table, each a list of cells.
pub type Rows = Cow<'static, [Cow<'static, [Inlines]>]>;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Block {
    Heading {
        level: u8,
        content: Inlines,
    },
    Paragraph(Inlines),
    List {
        ordered: bool,
        items: Cow<'static, [Body]>,
    },
    Code {
        lang: Text,
        code: Text,
    },
    Table {
        head: Cow<'static, [Inlines]>,
        rows: Rows,
    },
    Callout {
        kind: CalloutKind,
        content: Body,
    },
    Quote(Body),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CalloutKind {
    Tip,
    Warning,
    Recommendation,
}

impl CalloutKind {
    /// The label shown above a call-out.
    pub fn label(self) -> &'static str {
        match self {
            CalloutKind::Tip => "Tip",
            CalloutKind::Warning => "Warning",
            CalloutKind::Recommendation => "Recommendation",
        }
    }

    /// The marker an author writes on the first line of a block quote: `[!TIP]`.
    pub fn from_marker(marker: &str) -> Option<Self> {
        match marker {
            "TIP" => Some(CalloutKind::Tip),
            "WARNING" => Some(CalloutKind::Warning),
            "RECOMMENDATION" => Some(CalloutKind::Recommendation),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Inline {
    Text(Text),
    Strong(Inlines),
    Emphasis(Inlines),
    Code(Text),
    Link { href: Text, content: Inlines },
    LineBreak,
}

/// The plain text of inline content, for search, titles and word counts.
pub fn inline_text(content: &[Inline], out: &mut String) {
    for inline in content {
        match inline {
            Inline::Text(t) | Inline::Code(t) => out.push_str(t),
            Inline::Strong(c) | Inline::Emphasis(c) | Inline::Link { content: c, .. } => {
                inline_text(c, out)
            }
            Inline::LineBreak => out.push(' '),
        }
    }
}

/// The plain text of a body, one line per block.
pub fn body_text(body: &[Block], out: &mut String) {
    for block in body {
        match block {
            Block::Heading { content, .. } | Block::Paragraph(content) => inline_text(content, out),
            Block::List { items, .. } => items.iter().for_each(|item| body_text(item, out)),
            Block::Code { code, .. } => out.push_str(code),
            Block::Table { head, rows } => {
                for cell in head.iter().chain(rows.iter().flat_map(|r| r.iter())) {
                    inline_text(cell, out);
                    out.push(' ');
                }
            }
            Block::Callout { content, .. } | Block::Quote(content) => body_text(content, out),
        }
        out.push('\n');
    }
}

/// Number of words in a body.
pub fn word_count(body: &[Block]) -> usize {
    let mut text = String::new();
    body_text(body, &mut text);
    text.split_whitespace().count()
}
