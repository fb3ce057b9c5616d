//! The content compiler against a small curriculum written into a temporary folder: the valid
//! one compiles, and each kind of broken file is refused with a message naming the file.

use academy_content::{load, Content, Problem, Rules};
use std::fs;
use std::path::{Path, PathBuf};

/// Distinct filler-free text: every word carries the seed, so no two bodies share a paragraph.
fn prose(seed: &str, words: usize) -> String {
    (0..words)
        .map(|i| format!("{seed}{i}"))
        .collect::<Vec<_>>()
        .join(" ")
}

fn lesson(id: &str, checkpoints: &str, prerequisites: &str, extra: &str) -> String {
    format!(
        "+++\nid = \"{id}\"\ntitle = \"Title of {id}\"\nsubtitle = \"Subtitle\"\nsummary = \"Summary.\"\n\
         difficulty = \"beginner\"\npath = \"lab\"\nminutes = 12\nplan = \"free\"\n\
         checkpoints = [{checkpoints}]\nprerequisites = [{prerequisites}]\nobjectives = [\"Do a thing\"]\n+++\n\
         === preview\n{}\n\n=== masterclass\n## Steps\n\n{}\n\n> [!TIP]\n> {}\n{extra}\n=== questions\nQ: First {id}?\nA: {}\n\nQ: Second {id}?\nA: {}\n",
        prose(&format!("{id}p"), 120),
        prose(&format!("{id}m"), 400),
        prose(&format!("{id}t"), 5),
        prose(&format!("{id}a"), 20),
        prose(&format!("{id}b"), 20),
    )
}

struct Fixture {
    dir: PathBuf,
}

impl Fixture {
    fn new(name: &str) -> Fixture {
        let dir = std::env::temp_dir()
            .join(format!("academy-fixture-{}-{name}", std::process::id()))
            .join("content");
        let _ = fs::remove_dir_all(&dir);
        let f = Fixture { dir };
        f.write(
            "curriculum.toml",
            r#"
programs = ["alpha", "beta"]
facts = ["stage:idea", "stage:new"]
[[difficulties]]
id = "beginner"
name = "Beginner"
[[difficulties]]
id = "hero"
name = "Hero"
[[paths]]
id = "lab"
name = "Lab"
[[plans]]
id = "free"
name = "Free"
description = "Free."
[[plans]]
id = "pro"
name = "Pro"
description = "Paid."
includes = ["free"]
"#,
        );
        f.write(
            "checkpoints.toml",
            r#"
[[checkpoint]]
id = "alpha-one"
program = "alpha"
statement = "You do one."
[[checkpoint]]
id = "beta-two"
program = "beta"
statement = "You do two."
"#,
        );
        f.write(
            "diagnostic.toml",
            r#"
[[question]]
id = "profile-stage"
kind = "single"
prompt = "Stage?"
[[question.options]]
id = "idea"
label = "Idea"
sets = ["stage:idea"]
[[question.options]]
id = "new"
label = "New"
sets = ["stage:new"]
"#,
        );
        f.write(
            "programs/alpha/program.toml",
            r#"
id = "alpha"
title = "Alpha"
summary = "First."
[[missions]]
id = "alpha-m"
title = "Mission"
summary = "M."
[[missions.modules]]
id = "alpha-m-a"
title = "Module A"
lessons = ["alpha-first", "alpha-second"]
[[missions.modules]]
id = "alpha-m-b"
title = "Module B"
lessons = ["alpha-third"]
"#,
        );
        f.write(
            "programs/alpha/lessons/alpha-first.md",
            &lesson("alpha-first", "\"alpha-one\"", "", ""),
        );
        f.write(
            "programs/alpha/lessons/alpha-second.md",
            &lesson("alpha-second", "\"alpha-one\"", "\"alpha-first\"", ""),
        );
        f.write(
            "programs/alpha/lessons/alpha-third.md",
            &lesson("alpha-third", "\"alpha-one\"", "\"alpha-second\"", ""),
        );
        f.write(
            "programs/alpha/questions.toml",
            &question("alpha", "alpha-one"),
        );
        f.write(
            "programs/beta/program.toml",
            r#"
id = "beta"
title = "Beta"
summary = "Second."
[[missions]]
id = "beta-m"
title = "Mission"
summary = "M."
[[missions.modules]]
id = "beta-m-a"
title = "Module"
lessons = ["beta-first"]
"#,
        );
        f.write(
            "programs/beta/lessons/beta-first.md",
            &lesson("beta-first", "\"beta-two\"", "\"alpha-third\"", ""),
        );
        f.write(
            "programs/beta/questions.toml",
            &question("beta", "beta-two"),
        );
        f
    }

    fn write(&self, path: &str, text: &str) {
        let path = self.dir.join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }

    fn edit(&self, path: &str, from: &str, to: &str) {
        let text = fs::read_to_string(self.dir.join(path)).unwrap();
        assert!(text.contains(from), "{path} does not contain {from:?}");
        self.write(path, &text.replacen(from, to, 1));
    }

    fn remove(&self, path: &str) {
        fs::remove_file(self.dir.join(path)).unwrap();
    }

    fn load(&self) -> Result<Content, Vec<Problem>> {
        load(&self.dir, Rules::default())
    }

    /// Loading fails with a problem in `file` whose message contains `needle`.
    fn fails(&self, file: &str, needle: &str) {
        let problems = self.load().expect_err("the broken content was accepted");
        assert!(
            problems
                .iter()
                .any(|p| p.file == format!("content/{file}") && p.message.contains(needle)),
            "no problem in content/{file} mentions {needle:?}; got:\n{}",
            problems
                .iter()
                .map(|p| p.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(self.dir.parent().unwrap());
    }
}

fn question(program: &str, checkpoint: &str) -> String {
    format!(
        "[[question]]\nid = \"{program}-q\"\nprogram = \"{program}\"\nkind = \"multi\"\nprompt = \"Which?\"\n\
         show_if = [\"stage:new\"]\n[[question.options]]\nid = \"a\"\nlabel = \"A\"\nmastered = [\"{checkpoint}\"]\n\
         [[question.options]]\nid = \"b\"\nlabel = \"B\"\npartial = [\"{checkpoint}\"]\n"
    )
}

fn _assert_path(_: &Path) {}

#[test]
fn valid_content_compiles_with_numbers_from_positions() {
    let f = Fixture::new("valid");
    let content = f.load().unwrap_or_else(|p| panic!("{p:?}"));
    let numbers: Vec<&str> = content.lessons.iter().map(|l| l.number.as_str()).collect();
    assert_eq!(numbers, ["1.1.1.1", "1.1.1.2", "1.1.2.1", "2.1.1.1"]);
    assert_eq!(content.lessons[3].prerequisites, [2]);
    let stats = content.stats();
    assert_eq!(stats["programs"], 2);
    assert_eq!(stats["lessons_fully_written"], 4);
    assert_eq!(stats["questions"], 8);
    // The generated Rust names the packed curriculum, which names every lesson's file.
    let secret = academy_content::Secret {
        bytes: b"fixture secret".to_vec(),
        development: false,
    };
    let (rust, files) = content.to_rust(&secret);
    let packed = files
        .iter()
        .find(|(name, _)| name.starts_with("content/curriculum."))
        .expect("a packed curriculum");
    assert!(rust.contains(&format!("CURRICULUM_FILE: &str = {:?}", packed.0)));
    let packed: &'static [u8] = Box::leak(packed.1.clone().into_boxed_slice());
    let c = academy_core::pack::decode(packed).expect("it reads back");
    assert_eq!(c.lessons.len(), 4);
    assert_eq!(c.lessons[0].id, "alpha-first");
    // One text file per lesson, the search index, the curriculum and the lessons' details,
    // each named by the source or the curriculum. Every lesson of the fixture is free:
    // nothing is sealed.
    assert_eq!(files.len(), 7);
    assert!(files
        .iter()
        .all(|(name, _)| rust.contains(&format!("{name:?}"))
            || c.lessons.iter().any(|l| l.file == name)));
    assert!(!files.iter().any(|(name, _)| name.ends_with(".sealed")));
}

#[test]
fn inserting_a_lesson_renumbers_those_after_it() {
    let f = Fixture::new("insert");
    f.write(
        "programs/alpha/lessons/alpha-new.md",
        &lesson("alpha-new", "\"alpha-one\"", "", ""),
    );
    f.edit(
        "programs/alpha/program.toml",
        "[\"alpha-first\",",
        "[\"alpha-new\", \"alpha-first\",",
    );
    let content = f.load().unwrap();
    let second = content
        .lessons
        .iter()
        .find(|l| l.id == "alpha-second")
        .unwrap();
    assert_eq!(second.number, "1.1.1.3");
}

#[test]
fn old_numbers_point_to_lessons_that_moved() {
    let f = Fixture::new("moved");
    f.write(
        "numbers.toml",
        "[numbers]\n\"1.1.2.5\" = \"alpha-third\"\n\"1.1.1.1\" = \"alpha-first\"\n",
    );
    let content = f.load().unwrap();
    assert_eq!(content.moved, [("1.1.2.5".to_string(), 2)]);
}

#[test]
fn duplicate_lesson_ids_are_refused() {
    let f = Fixture::new("dup-id");
    f.write(
        "programs/beta/lessons/alpha-first.md",
        &lesson("alpha-first", "\"beta-two\"", "", ""),
    );
    f.fails(
        "programs/beta/lessons/alpha-first.md",
        "also used by content/programs/alpha/lessons/alpha-first.md",
    );
}

#[test]
fn a_lesson_listed_twice_would_have_two_numbers() {
    let f = Fixture::new("dup-number");
    f.edit(
        "programs/alpha/program.toml",
        "[\"alpha-third\"]",
        "[\"alpha-third\", \"alpha-first\"]",
    );
    f.fails("programs/alpha/program.toml", "listed twice");
}

#[test]
fn duplicate_checkpoint_ids_are_refused() {
    let f = Fixture::new("dup-checkpoint");
    f.edit(
        "checkpoints.toml",
        "id = \"beta-two\"",
        "id = \"alpha-one\"",
    );
    f.fails("checkpoints.toml", "used twice");
}

#[test]
fn unknown_prerequisites_are_refused() {
    let f = Fixture::new("unknown-prereq");
    f.edit(
        "programs/alpha/lessons/alpha-second.md",
        "prerequisites = [\"alpha-first\"]",
        "prerequisites = [\"alpha-zero\"]",
    );
    f.fails(
        "programs/alpha/lessons/alpha-second.md",
        "unknown prerequisite `alpha-zero`",
    );
}

#[test]
fn cyclic_prerequisites_are_refused() {
    let f = Fixture::new("cycle");
    f.edit(
        "programs/alpha/lessons/alpha-first.md",
        "prerequisites = []",
        "prerequisites = [\"alpha-third\"]",
    );
    let problems = f.load().unwrap_err();
    let cycle = problems
        .iter()
        .find(|p| p.message.contains("in a circle"))
        .expect("a cycle problem");
    assert!(
        cycle.message.contains("alpha-first") && cycle.message.contains("alpha-third"),
        "{cycle}"
    );
}

#[test]
fn unknown_vocabulary_is_refused() {
    for (field, from, to, needle) in [
        (
            "checkpoint",
            "checkpoints = [\"alpha-one\"]",
            "checkpoints = [\"alpha-nine\"]",
            "unknown checkpoint `alpha-nine`",
        ),
        (
            "difficulty",
            "difficulty = \"beginner\"",
            "difficulty = \"legend\"",
            "unknown difficulty `legend`",
        ),
        (
            "path",
            "path = \"lab\"",
            "path = \"garden\"",
            "unknown path `garden`",
        ),
        (
            "plan",
            "plan = \"free\"",
            "plan = \"gold\"",
            "unknown plan `gold`",
        ),
    ] {
        let f = Fixture::new(field);
        f.edit("programs/alpha/lessons/alpha-first.md", from, to);
        f.fails("programs/alpha/lessons/alpha-first.md", needle);
    }
}

#[test]
fn a_checkpoint_no_lesson_teaches_is_refused() {
    let f = Fixture::new("untaught");
    f.write("checkpoints.toml", &format!("{}\n[[checkpoint]]\nid = \"alpha-orphan\"\nprogram = \"alpha\"\nstatement = \"You do nothing.\"\n", fs::read_to_string(f.dir.join("checkpoints.toml")).unwrap()));
    f.fails(
        "checkpoints.toml",
        "no lesson teaches the checkpoint `alpha-orphan`",
    );
}

#[test]
fn a_checkpoint_no_question_assesses_is_refused() {
    let f = Fixture::new("unassessed");
    f.edit(
        "programs/beta/questions.toml",
        "mastered = [\"beta-two\"]",
        "mastered = [\"alpha-one\"]",
    );
    f.edit(
        "programs/beta/questions.toml",
        "partial = [\"beta-two\"]",
        "partial = [\"alpha-one\"]",
    );
    f.fails(
        "checkpoints.toml",
        "no diagnostic question assesses the checkpoint `beta-two`",
    );
}

#[test]
fn missing_required_fields_are_refused() {
    let f = Fixture::new("missing-field");
    f.edit(
        "programs/alpha/lessons/alpha-first.md",
        "title = \"Title of alpha-first\"\n",
        "",
    );
    f.fails(
        "programs/alpha/lessons/alpha-first.md",
        "missing field `title`",
    );
    let g = Fixture::new("missing-program-field");
    g.edit("programs/beta/program.toml", "summary = \"Second.\"\n", "");
    g.fails("programs/beta/program.toml", "missing field `summary`");
}

#[test]
fn empty_and_placeholder_bodies_are_refused() {
    let f = Fixture::new("empty");
    let text = fs::read_to_string(f.dir.join("programs/alpha/lessons/alpha-first.md")).unwrap();
    let start = text.find("=== preview\n").unwrap() + "=== preview\n".len();
    let end = text.find("=== masterclass").unwrap();
    f.write(
        "programs/alpha/lessons/alpha-first.md",
        &format!("{}{}", &text[..start], &text[end..]),
    );
    f.fails(
        "programs/alpha/lessons/alpha-first.md",
        "`=== preview` section is empty",
    );

    for phrase in ["TODO", "Lorem ipsum", "Coming soon", "TBD"] {
        let g = Fixture::new("placeholder");
        g.edit(
            "programs/alpha/lessons/alpha-first.md",
            "## Steps",
            &format!("## Steps\n\n{phrase}: write this part."),
        );
        g.fails("programs/alpha/lessons/alpha-first.md", "placeholder");
    }
}

#[test]
fn unlisted_and_missing_lesson_files_are_refused() {
    let f = Fixture::new("unlisted");
    f.write(
        "programs/alpha/lessons/alpha-stray.md",
        &lesson("alpha-stray", "\"alpha-one\"", "", ""),
    );
    f.fails(
        "programs/alpha/lessons/alpha-stray.md",
        "not listed in any module",
    );
    let g = Fixture::new("no-file");
    g.remove("programs/alpha/lessons/alpha-third.md");
    g.fails(
        "programs/alpha/program.toml",
        "has no file lessons/alpha-third.md",
    );
}

#[test]
fn incomplete_and_repeated_lessons_are_refused() {
    let f = Fixture::new("no-masterclass");
    let text = fs::read_to_string(f.dir.join("programs/alpha/lessons/alpha-first.md")).unwrap();
    let start = text.find("=== masterclass").unwrap();
    let end = text.find("=== questions").unwrap();
    f.write(
        "programs/alpha/lessons/alpha-first.md",
        &format!("{}{}", &text[..start], &text[end..]),
    );
    f.fails(
        "programs/alpha/lessons/alpha-first.md",
        "`=== masterclass` section is missing",
    );
    // Authors may still build while writing: the masterclass is then simply not offered.
    assert!(load(
        &f.dir,
        Rules {
            require_complete: false
        }
    )
    .is_ok());

    let g = Fixture::new("short");
    g.edit(
        "programs/alpha/lessons/alpha-first.md",
        "Q: Second alpha-first?",
        "Q: Only?",
    );
    let text = fs::read_to_string(g.dir.join("programs/alpha/lessons/alpha-first.md")).unwrap();
    let cut = text.find("\nQ: Only?").unwrap();
    g.write("programs/alpha/lessons/alpha-first.md", &text[..cut]);
    g.fails("programs/alpha/lessons/alpha-first.md", "at least 2");

    let h = Fixture::new("shared");
    let shared = "This exact paragraph of advice appears in two different lessons, which the compiler must refuse.";
    h.edit(
        "programs/alpha/lessons/alpha-first.md",
        "## Steps",
        &format!("## Steps\n\n{shared}"),
    );
    h.edit(
        "programs/alpha/lessons/alpha-second.md",
        "## Steps",
        &format!("## Steps\n\n{shared}"),
    );
    h.fails(
        "programs/alpha/lessons/alpha-second.md",
        "same as one in content/programs/alpha/lessons/alpha-first.md",
    );

    let i = Fixture::new("too-short");
    i.edit(
        "programs/alpha/lessons/alpha-first.md",
        "=== masterclass\n## Steps\n\n",
        "=== masterclass\n## Steps\n\nShort.\n\n=== unused\n",
    );
    i.fails("programs/alpha/lessons/alpha-first.md", "unknown section");
}

#[test]
fn questions_with_unknown_checkpoints_or_facts_are_refused() {
    let f = Fixture::new("bad-question");
    f.edit(
        "programs/alpha/questions.toml",
        "show_if = [\"stage:new\"]",
        "show_if = [\"stage:moon\"]",
    );
    f.fails("programs/alpha/questions.toml", "unknown fact `stage:moon`");
    let g = Fixture::new("bad-question-checkpoint");
    g.edit(
        "programs/alpha/questions.toml",
        "partial = [\"alpha-one\"]",
        "partial = [\"alpha-nine\"]",
    );
    g.fails(
        "programs/alpha/questions.toml",
        "unknown checkpoint `alpha-nine`",
    );
}

#[test]
fn locked_masterclasses_are_sealed_and_their_text_is_not_in_the_source() {
    use academy_core::access::PlanKey;
    let f = Fixture::new("sealed");
    f.edit(
        "programs/alpha/lessons/alpha-second.md",
        "plan = \"free\"",
        "plan = \"pro\"",
    );
    let content = f.load().unwrap();
    let secret = academy_content::Secret {
        bytes: b"fixture secret".to_vec(),
        development: false,
    };
    let (rust, files) = content.to_rust(&secret);
    let sealed: Vec<_> = files
        .iter()
        .filter(|(n, _)| n.ends_with(".sealed"))
        .collect();
    assert_eq!(sealed.len(), 1);
    let readable: Vec<u8> = files
        .iter()
        .filter(|(n, _)| !n.ends_with(".sealed"))
        .flat_map(|(_, bytes)| bytes.iter().copied())
        .chain(rust.bytes())
        .collect();
    let has = |needle: &str| {
        readable
            .windows(needle.len())
            .any(|w| w == needle.as_bytes())
    };
    assert!(has("alpha-firstm1 "), "a free masterclass stays readable");
    assert!(
        !has("alpha-secondm1 "),
        "the locked masterclass must not be in any readable file"
    );
    assert!(has("alpha-secondp1 "), "its preview stays free");
    let key = PlanKey::derive(b"fixture secret", "pro");
    let json = key.open(&sealed[0].1).expect("the plan key opens it");
    assert!(String::from_utf8(json).unwrap().contains("alpha-secondm1 "));
    assert!(PlanKey::derive(b"another secret", "pro")
        .open(&sealed[0].1)
        .is_none());
}

#[test]
fn lesson_pages_carry_the_preview_in_the_built_page_and_never_a_locked_masterclass() {
    let f = Fixture::new("pages");
    f.edit(
        "programs/alpha/lessons/alpha-second.md",
        "plan = \"free\"",
        "plan = \"pro\"",
    );
    let content = f.load().unwrap();
    let template = "<html><head><title>Site</title>\n<meta name=\"description\" content=\"About the site\">\n</head><body><div id=\"boot\"><header>nav</header>\n<!-- boot-main -->\n<main>Home</main>\n<!-- /boot-main -->\n</div></body></html>";
    let pages = academy_content::pages::lesson_pages(&content, template, "/academy/").unwrap();
    assert_eq!(pages.len(), content.lessons.len());
    let (path, html) = &pages[1];
    let lesson = &content.lessons[1];
    assert_eq!(path, &format!("lesson/{}.html", lesson.number));
    assert!(html.contains(&format!(
        "<title>{} {} · Site</title>",
        lesson.number, lesson.title
    )));
    assert!(html.contains(&format!("content=\"{}\"", lesson.summary)));
    assert!(html.contains("<header>nav</header>") && !html.contains("<main>Home</main>"));
    assert!(
        html.contains("alpha-secondp1 "),
        "the preview is in the page"
    );
    assert!(
        !html.contains("alpha-secondm1 "),
        "the locked masterclass is not"
    );
    assert!(html.contains("href=\"/academy/curriculum\""));
    assert!(html.contains("<link rel=\"preload\" href=\"/academy/content/alpha-second."));
    let broken = template.replace("<!-- /boot-main -->", "");
    assert!(academy_content::pages::lesson_pages(&content, &broken, "/").is_err());
}
