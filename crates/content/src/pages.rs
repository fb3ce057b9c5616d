//! Static lesson pages: the built `index.html` with a lesson's header, objectives and free
//! preview in place of Home's first screen, written as `lesson/<number>.html`. A host that
//! serves `/lesson/8.9.3.2` from that file shows the lesson before the app has loaded, to
//! readers without JavaScript and to search engines; the app then replaces it with the
//! same markup (`src/pages/lesson.rs`, compared by an end-to-end test) and the rest of the
//! lesson. Locked masterclasses never appear here: only previews do.

use crate::{Content, Lesson};
use academy_core::html::{self, escaped as escape};
use std::fmt::Write;

const MAIN_START: &str = "<!-- boot-main -->";
const MAIN_END: &str = "<!-- /boot-main -->";

/// `(path under the site's root, HTML)` of every lesson's page. `template` is the built
/// `index.html`; `base` is the site's public URL ("/" or "/academy/").
pub fn lesson_pages(
    c: &Content,
    template: &str,
    base: &str,
) -> Result<Vec<(String, String)>, String> {
    let start = template
        .find(MAIN_START)
        .ok_or("the page has no `<!-- boot-main -->` marker")?;
    let end = template
        .find(MAIN_END)
        .ok_or("the page has no `<!-- /boot-main -->` marker")?;
    let (title_at, title_end) = template
        .find("<title>")
        .zip(template.find("</title>"))
        .ok_or("the page has no <title>")?;
    let site = &template[title_at + "<title>".len()..title_end];
    let description = "<meta name=\"description\" content=\"";
    let description_at = template
        .find(description)
        .map(|i| i + description.len())
        .ok_or("the page has no meta description")?;
    let description_end = description_at
        + template[description_at..]
            .find('"')
            .ok_or("the meta description is not closed")?;
    if !(title_end < description_at
        && template
            .find("</head>")
            .is_some_and(|h| description_end < h && h < start))
    {
        return Err(
            "the page's <title>, description, </head> and main are not in that order".into(),
        );
    }
    let base = base.trim_end_matches('/');
    Ok(c.lessons
        .iter()
        .map(|l| {
            let mut page = String::with_capacity(template.len() + 8192);
            page.push_str(&template[..title_at]);
            let _ = write!(
                page,
                "<title>{} · {site}</title>",
                escape(&format!("{} {}", l.number, l.title))
            );
            page.push_str(&template[title_end + "</title>".len()..description_at]);
            page.push_str(&escape(&l.summary));
            let head_end = template.find("</head>").unwrap_or(start);
            page.push_str(&template[description_end..head_end]);
            // The app fetches the lesson's text as it starts: have it on the way already.
            let (file, _) = crate::codegen::lesson_text_file(l);
            let _ = writeln!(
                page,
                "<link rel=\"preload\" href=\"{base}/{file}\" as=\"fetch\" crossorigin>"
            );
            page.push_str(&template[head_end..start]);
            page.push_str(&lesson_main(c, l, base));
            page.push_str(&template[end + MAIN_END.len()..]);
            (format!("lesson/{}.html", l.number), page)
        })
        .collect())
}

/// What `LessonView` shows before its masterclass, as HTML: the same head and objectives
/// (`academy_core::html`) and the preview.
fn lesson_main(c: &Content, l: &Lesson, base: &str) -> String {
    let [p, m, d, _] = l.position.map(usize::from);
    let program = &c.programs[p];
    let mission = &program.missions[m];
    let module = &mission.modules[d];
    let head = html::LessonHead {
        base,
        place: [&program.title, &mission.title, &module.title],
        position: [p + 1, m + 1, d + 1],
        number: &l.number,
        title: &l.title,
        subtitle: &l.subtitle,
        badges: html::Badges {
            rung: l.difficulty,
            difficulty: &c.difficulties[l.difficulty].name,
            path_id: &c.paths[l.path].id,
            path: &c.paths[l.path].name,
            minutes: l.minutes,
        },
    };
    let mut out = String::with_capacity(8192);
    let _ = write!(
        out,
        "<main id=\"main\"><article class=\"container lesson\">{}\
         <div class=\"lesson-layout\"><div class=\"lesson-main-column prose\">{}\
         <section aria-labelledby=\"preview-title\"><h2 id=\"preview-title\">Preview</h2>\
         <div class=\"body-text\">{}</div></section></div></div></article></main>",
        head.html(),
        html::objectives(&l.objectives),
        html::body(&l.preview, base)
    );
    out
}
