//! `curriculum`: the author's command. Checks the content with the build's rules, prints
//! figures, and shows lessons as JSON.
//!
//! Usage: cargo run --quiet --bin curriculum -- <check|stats|report|lessons|lesson NUMBER|emit DIR>

use academy_content::{load, Content, Lesson, Rules, Secret};
use academy_core::body::body_text;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: curriculum <check | stats | report | lessons | lesson NUMBER-OR-ID | access-code --plan PLAN | emit DIR | pages PAGE DIR BASE | probe>\n\
  check          validate the content with the same rules as the build\n\
  stats          one JSON object with counts and words\n\
  report         a table per program: lessons, words, answered questions, checkpoints\n\
  lessons        one JSON object per line for every lesson\n\
  lesson 8.9.3.2 one lesson as JSON, with its preview and masterclass text\n\
  access-code --plan core   the access code that unlocks a plan (from ACADEMY_SECRET)\n\
  pages PAGE DIR BASE  write DIR/lesson/<number>.html for every lesson from the built page\n\
                 PAGE (its first screen replaced by the lesson's preview); BASE is the public URL\n\
  emit DIR       write the packed curriculum, lesson texts, sealed masterclasses and search index into DIR/content\n\
                 (the built site; the Trunk hook runs it, with the build's ACADEMY_SECRET)\n\
  probe          per lesson, the longest plain-text run of its masterclass (for the locked-text test)\n\
The content folder is ./content, or the one named by ACADEMY_CONTENT.";

fn content_dir() -> PathBuf {
    std::env::var_os("ACADEMY_CONTENT")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../content"))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(command) = args.first() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    if !matches!(
        command.as_str(),
        "check"
            | "stats"
            | "report"
            | "lessons"
            | "lesson"
            | "access-code"
            | "emit"
            | "pages"
            | "probe"
    ) {
        eprintln!("unknown command `{command}`\n{USAGE}");
        return ExitCode::from(2);
    }
    let content = match load(&content_dir(), Rules::default()) {
        Ok(content) => content,
        Err(problems) => {
            eprintln!("The curriculum has {} problem(s):", problems.len());
            for p in &problems {
                eprintln!("  {p}");
            }
            return ExitCode::FAILURE;
        }
    };
    match command.as_str() {
        "check" => {
            let stats = content.stats();
            println!(
                "The curriculum is consistent: {} programs, {} missions, {} lessons, {} checkpoints.",
                stats["programs"], stats["missions"], stats["lessons"], stats["checkpoints"]
            );
        }
        "stats" => println!("{}", content.stats()),
        "report" => print_report(&content),
        "lessons" => {
            for l in &content.lessons {
                println!("{}", summary_json(&content, l));
            }
        }
        "lesson" => {
            let Some(key) = args.get(1) else {
                eprintln!("which lesson? e.g. `curriculum lesson 8.9.3.2`");
                return ExitCode::from(2);
            };
            let Some(lesson) = content
                .lessons
                .iter()
                .find(|l| &l.number == key || &l.id == key)
            else {
                eprintln!("no lesson has the number or id `{key}`");
                return ExitCode::FAILURE;
            };
            let mut json = summary_json(&content, lesson);
            let text = |body: &[academy_core::Block]| {
                let mut s = String::new();
                body_text(body, &mut s);
                s
            };
            json["preview"] = text(&lesson.preview).into();
            json["masterclass"] = lesson.masterclass.as_deref().map(text).into();
            json["questions"] = lesson
                .questions
                .iter()
                .map(|(q, a)| serde_json::json!({"question": q, "answer": text(a)}))
                .collect();
            println!(
                "{}",
                serde_json::to_string_pretty(&json).unwrap_or_default()
            );
        }
        "access-code" => return access_code(&content, &args[1..]),
        "emit" => return emit(&content, args.get(1)),
        "pages" => return pages(&content, &args[1..]),
        "probe" => {
            for l in &content.lessons {
                let longest = l
                    .masterclass
                    .as_deref()
                    .map(longest_text)
                    .unwrap_or_default();
                let plan = &content.plans[l.plan].id;
                println!(
                    "{}",
                    serde_json::json!({"id": l.id, "plan": plan, "free": l.plan == 0, "probe": longest})
                );
            }
        }
        _ => unreachable!("commands are matched above"),
    }
    ExitCode::SUCCESS
}

fn summary_json(content: &Content, l: &Lesson) -> serde_json::Value {
    serde_json::json!({
        "id": l.id,
        "number": l.number,
        "title": l.title,
        "difficulty": content.difficulties[l.difficulty].name,
        "path": content.paths[l.path].name,
        "plan": content.plans[l.plan].id,
        "minutes": l.minutes,
    })
}

fn print_report(content: &Content) {
    println!(
        "{:<4} {:<34} {:>7} {:>7} {:>9} {:>11} {:>7}",
        "#", "program", "lessons", "written", "words", "answered Qs", "checkpts"
    );
    for (p, program) in content.programs.iter().enumerate() {
        let lessons: Vec<&Lesson> = content
            .lessons
            .iter()
            .filter(|l| usize::from(l.position[0]) == p)
            .collect();
        let written = lessons.iter().filter(|l| l.fully_written()).count();
        let words: usize = lessons.iter().map(|l| l.words).sum();
        let questions: usize = lessons.iter().map(|l| l.questions.len()).sum();
        let mut taught: Vec<usize> = lessons
            .iter()
            .flat_map(|l| l.checkpoints.iter().copied())
            .collect();
        taught.sort_unstable();
        taught.dedup();
        let title: String = program.title.chars().take(34).collect();
        println!(
            "{:<4} {:<34} {:>7} {:>7} {:>9} {:>11} {:>7}",
            p + 1,
            title,
            lessons.len(),
            written,
            words,
            questions,
            taught.len()
        );
    }
    let stats = content.stats();
    println!(
        "all: {} lessons, {} fully written, {} words, {} answered questions, {} checkpoints",
        stats["lessons"],
        stats["lessons_fully_written"],
        stats["words"],
        stats["questions"],
        stats["checkpoints"]
    );
}

fn access_code(content: &Content, args: &[String]) -> ExitCode {
    let plan = match args {
        [flag, plan] if flag == "--plan" => plan.to_lowercase(),
        _ => {
            eprintln!(
                "usage: curriculum access-code --plan PLAN   (plans: {})",
                plan_list(content)
            );
            return ExitCode::from(2);
        }
    };
    let Some(index) = content.plans.iter().position(|p| p.id == plan) else {
        eprintln!("there is no plan `{plan}`; plans: {}", plan_list(content));
        return ExitCode::FAILURE;
    };
    if index == 0 {
        eprintln!("`{plan}` is the free plan: it needs no code");
        return ExitCode::FAILURE;
    }
    let secret = match Secret::from_env() {
        Ok(secret) => secret,
        Err(problem) => {
            eprintln!("{problem}");
            return ExitCode::FAILURE;
        }
    };
    if secret.development {
        eprintln!("note: ACADEMY_SECRET is not set; this code only works with development builds.");
    }
    let key = academy_core::access::PlanKey::derive(&secret.bytes, &plan);
    println!("{}", academy_core::access::format_code(&plan, &key));
    ExitCode::SUCCESS
}

fn plan_list(content: &Content) -> String {
    content
        .plans
        .iter()
        .map(|p| p.id.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The longest run of plain text in a body: a sentence that appears verbatim in whatever
/// ships it unencrypted.
fn longest_text(body: &[academy_core::Block]) -> String {
    use academy_core::{Block, Inline};
    fn inlines(content: &[Inline], best: &mut String) {
        for i in content {
            match i {
                Inline::Text(t) if t.len() > best.len() => *best = t.to_string(),
                Inline::Strong(c) | Inline::Emphasis(c) | Inline::Link { content: c, .. } => {
                    inlines(c, best)
                }
                _ => {}
            }
        }
    }
    fn blocks(body: &[Block], best: &mut String) {
        for b in body {
            match b {
                Block::Heading { content, .. } | Block::Paragraph(content) => {
                    inlines(content, best)
                }
                Block::List { items, .. } => items.iter().for_each(|i| blocks(i, best)),
                Block::Callout { content, .. } | Block::Quote(content) => blocks(content, best),
                Block::Table { .. } | Block::Code { .. } => {}
            }
        }
    }
    let mut best = String::new();
    blocks(body, &mut best);
    best
}

/// Writes the files the app's build names, from the same content and secret as the build.
fn emit(content: &Content, dir: Option<&String>) -> ExitCode {
    let Some(dir) = dir else {
        eprintln!("where to? e.g. `curriculum emit dist`");
        return ExitCode::from(2);
    };
    let secret = match Secret::from_env() {
        Ok(secret) => secret,
        Err(problem) => {
            eprintln!("{problem}");
            return ExitCode::FAILURE;
        }
    };
    let (_, files) = content.to_rust(&secret);
    let root = PathBuf::from(dir);
    let bytes = match write_files(&root, &files) {
        Ok(bytes) => bytes,
        Err(code) => return code,
    };
    println!(
        "emit: {} files, {} KB, in {}",
        files.len(),
        bytes / 1024,
        root.join(academy_content::FILES_DIR).display()
    );
    ExitCode::SUCCESS
}

/// Writes the static lesson pages (see `academy_content::pages`).
fn pages(content: &Content, args: &[String]) -> ExitCode {
    let [page, dir, base] = args else {
        eprintln!("usage: curriculum pages dist/index.html dist /");
        return ExitCode::from(2);
    };
    let template = match std::fs::read_to_string(page) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("cannot read {page}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let pages = match academy_content::pages::lesson_pages(content, &template, base) {
        Ok(pages) => pages,
        Err(problem) => {
            eprintln!("{page}: {problem}");
            return ExitCode::FAILURE;
        }
    };
    let root = PathBuf::from(dir);
    if let Err(code) = write_files(&root, &pages) {
        return code;
    }
    println!(
        "pages: {} lesson pages in {}",
        pages.len(),
        root.join("lesson").display()
    );
    ExitCode::SUCCESS
}

/// Writes (path under `root`, contents) pairs, creating folders; the bytes written.
fn write_files(root: &Path, files: &[(String, impl AsRef<[u8]>)]) -> Result<usize, ExitCode> {
    let mut bytes = 0;
    for (name, data) in files {
        let path = root.join(name);
        let written = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&path, data));
        if let Err(e) = written {
            eprintln!("cannot write {}: {e}", path.display());
            return Err(ExitCode::FAILURE);
        }
        bytes += data.as_ref().len();
    }
    Ok(bytes)
}
