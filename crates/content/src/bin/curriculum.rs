//! `curriculum`: the author's command. Checks the content with the build's rules, prints
//! figures, and shows lessons as JSON.
//!
//! Usage: cargo run --quiet --bin curriculum -- <check|stats|report|lessons|lesson NUMBER>

use academy_content::{load, Content, Lesson, Rules};
use academy_core::body::body_text;
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: curriculum <check | stats | report | lessons | lesson NUMBER-OR-ID>\n\
  check          validate the content with the same rules as the build\n\
  stats          one JSON object with counts and words\n\
  report         a table per program: lessons, words, answered questions, checkpoints\n\
  lessons        one JSON object per line for every lesson\n\
  lesson 8.9.3.2 one lesson as JSON, with its preview and masterclass text\n\
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
        "check" | "stats" | "report" | "lessons" | "lesson"
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
