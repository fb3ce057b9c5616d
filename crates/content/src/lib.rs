//! The content compiler: reads the curriculum's data files, checks that they are consistent,
//! and writes them out as static Rust data for the app. Every problem is reported with the
//! file it is in, in words an author understands.

mod codegen;
mod core_view;
mod files;
mod lesson_file;
pub mod markdown;
pub mod pages;
pub use codegen::FILES_DIR;

use academy_core::body::{body_text, word_count};
use academy_core::Body;
use files::*;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

/// One thing wrong with the content, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Path relative to the content folder's parent, e.g. `content/checkpoints.toml`.
    pub file: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.message)
    }
}

/// Minimum and maximum sizes of what an author writes.
pub const PREVIEW_WORDS: (usize, usize) = (100, 300);
pub const MASTERCLASS_WORDS: (usize, usize) = (400, 1000);
pub const MIN_ANSWERED_QUESTIONS: usize = 2;
/// Paragraphs at least this long must not appear in two lessons.
const SHARED_PARAGRAPH_WORDS: usize = 12;

#[derive(Clone, Debug)]
pub struct Named {
    pub id: String,
    pub name: String,
    pub description: String,
}

#[derive(Clone, Debug)]
pub struct Plan {
    pub id: String,
    pub name: String,
    pub description: String,
    pub includes: Vec<usize>,
}

#[derive(Clone, Debug)]
pub struct Program {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub missions: Vec<Mission>,
}

#[derive(Clone, Debug)]
pub struct Mission {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub modules: Vec<Module>,
}

#[derive(Clone, Debug)]
pub struct Module {
    pub id: String,
    pub title: String,
    pub lessons: Vec<usize>,
}

#[derive(Clone, Debug)]
pub struct Checkpoint {
    pub id: String,
    pub program: usize,
    pub statement: String,
}

#[derive(Clone, Debug)]
pub struct Lesson {
    pub id: String,
    pub number: String,
    pub position: [u16; 4],
    pub file: String,
    pub title: String,
    pub subtitle: String,
    pub summary: String,
    pub objectives: Vec<String>,
    pub difficulty: usize,
    pub path: usize,
    pub plan: usize,
    pub minutes: u16,
    pub checkpoints: Vec<usize>,
    pub prerequisites: Vec<usize>,
    pub preview: Body,
    pub masterclass: Option<Body>,
    pub questions: Vec<(String, Body)>,
    pub words: usize,
}

impl Lesson {
    /// Preview, masterclass and at least two answered questions are all written.
    pub fn fully_written(&self) -> bool {
        self.masterclass.is_some() && self.questions.len() >= MIN_ANSWERED_QUESTIONS
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Single,
    Multi,
    Scale,
}

#[derive(Clone, Debug)]
pub struct Question {
    pub id: String,
    pub program: Option<usize>,
    pub kind: Kind,
    pub prompt: String,
    pub help: String,
    pub show_if: Vec<usize>,
    pub skipped_means_mastered: bool,
    pub options: Vec<AnswerOption>,
}

#[derive(Clone, Debug)]
pub struct AnswerOption {
    pub id: String,
    pub label: String,
    pub mastered: Vec<usize>,
    pub partial: Vec<usize>,
    pub missing: Vec<usize>,
    pub sets: Vec<usize>,
}

/// The whole curriculum, resolved and checked.
#[derive(Clone, Debug)]
pub struct Content {
    pub programs: Vec<Program>,
    pub lessons: Vec<Lesson>,
    pub checkpoints: Vec<Checkpoint>,
    pub difficulties: Vec<Named>,
    pub paths: Vec<Named>,
    pub plans: Vec<Plan>,
    pub facts: Vec<String>,
    pub questions: Vec<Question>,
    pub moved: Vec<(String, usize)>,
    /// The lesson Home shows as a place to start (`featured` in curriculum.toml).
    pub featured: Option<usize>,
    /// Every file read, so a build script can ask to be rerun when one changes.
    pub sources: Vec<PathBuf>,
}

/// The operator's secret, from which plan keys and access codes derive. It never ships:
/// only what it seals does.
pub struct Secret {
    pub bytes: Vec<u8>,
    /// True when no secret was given and the development one in the repository is used.
    pub development: bool,
}

/// Public on purpose: it only protects development builds and test runs.
const DEVELOPMENT_SECRET: &str = "storewise development secret: not for production";

impl Secret {
    /// `ACADEMY_SECRET` from the environment (at least 24 characters), or the development
    /// secret when it is not set.
    pub fn from_env() -> Result<Secret, String> {
        match std::env::var("ACADEMY_SECRET") {
            Ok(value) if value.chars().count() >= 24 => Ok(Secret { bytes: value.into_bytes(), development: false }),
            Ok(_) => Err("ACADEMY_SECRET is set but shorter than 24 characters: use a long random value, e.g. `openssl rand -base64 32`".into()),
            Err(_) => Ok(Secret { bytes: DEVELOPMENT_SECRET.as_bytes().to_vec(), development: true }),
        }
    }
}

/// How strict the checks are.
#[derive(Clone, Copy, Debug)]
pub struct Rules {
    /// Every lesson must have its masterclass and at least two answered questions.
    pub require_complete: bool,
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            require_complete: true,
        }
    }
}

/// Reads and checks the content folder (`content/`).
pub fn load(dir: &Path, rules: Rules) -> Result<Content, Vec<Problem>> {
    let mut loader = Loader {
        dir: dir.to_path_buf(),
        problems: Vec::new(),
        sources: Vec::new(),
    };
    let content = loader.load(rules);
    if loader.problems.is_empty() {
        content.ok_or_else(|| vec![loader.problem("content", "could not be read")])
    } else {
        loader.problems.sort_by(|a, b| a.file.cmp(&b.file));
        loader.problems.dedup();
        Err(loader.problems)
    }
}

struct Loader {
    dir: PathBuf,
    problems: Vec<Problem>,
    sources: Vec<PathBuf>,
}

fn index_of<T>(items: &[T], id: &str, key: impl Fn(&T) -> &str) -> Option<usize> {
    items.iter().position(|item| key(item) == id)
}

fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
}

/// Words that mark unfinished writing. Matched case-insensitively, as whole words.
const PLACEHOLDERS: [&str; 6] = [
    "todo",
    "tbd",
    "lorem ipsum",
    "coming soon",
    "fixme",
    "[insert",
];

/// The placeholder phrase a text contains, if any.
pub fn placeholder_in(text: &str) -> Option<&'static str> {
    let lower = text.to_lowercase();
    PLACEHOLDERS.into_iter().find(|p| {
        lower.match_indices(p).any(|(at, _)| {
            let before = lower[..at].chars().next_back();
            let after = lower[at + p.len()..].chars().next();
            let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
            boundary(before) && (p.starts_with('[') || boundary(after))
        })
    })
}

impl Loader {
    fn rel(&self, path: &Path) -> String {
        let base = self.dir.parent().unwrap_or(&self.dir);
        path.strip_prefix(base)
            .unwrap_or(path)
            .display()
            .to_string()
    }

    fn problem(&self, file: impl AsRef<Path>, message: impl Into<String>) -> Problem {
        let file = file.as_ref();
        let file = if file.is_absolute() {
            self.rel(file)
        } else {
            file.display().to_string()
        };
        Problem {
            file,
            message: message.into(),
        }
    }

    fn report(&mut self, file: impl AsRef<Path>, message: impl Into<String>) {
        let problem = self.problem(file, message);
        self.problems.push(problem);
    }

    fn read(&mut self, path: &Path) -> Option<String> {
        self.sources.push(path.to_path_buf());
        match std::fs::read_to_string(path) {
            Ok(text) => Some(text),
            Err(e) => {
                self.report(path, format!("cannot be read ({e})"));
                None
            }
        }
    }

    fn read_toml<T: serde::de::DeserializeOwned>(&mut self, path: &Path) -> Option<T> {
        let text = self.read(path)?;
        match toml::from_str(&text) {
            Ok(value) => Some(value),
            Err(e) => {
                let message = e.message().to_string();
                let line = e.span().map(|s| text[..s.start].lines().count().max(1));
                let at = line.map(|l| format!(" (line {l})")).unwrap_or_default();
                self.report(path, format!("{message}{at}"));
                None
            }
        }
    }

    fn load(&mut self, rules: Rules) -> Option<Content> {
        let dir = self.dir.clone();
        let root_file = dir.join("curriculum.toml");
        let root: CurriculumFile = self.read_toml(&root_file)?;

        let difficulties = self.vocabulary(&root_file, "difficulty", root.difficulties);
        let paths = self.vocabulary(&root_file, "path", root.paths);
        let plans = self.plans(&root_file, root.plans);
        let facts = root.facts;

        // Programs and their outline give every lesson its number.
        let mut programs = Vec::new();
        let mut outline: Vec<(String, [u16; 4], PathBuf)> = Vec::new();
        let mut structure_ids: HashMap<String, PathBuf> = HashMap::new();
        for (p, program_id) in root.programs.iter().enumerate() {
            let file = dir.join("programs").join(program_id).join("program.toml");
            let Some(program) = self.read_toml::<ProgramFile>(&file) else {
                continue;
            };
            if &program.id != program_id {
                self.report(
                    &file,
                    format!(
                        "its id is `{}` but curriculum.toml lists it as `{program_id}`",
                        program.id
                    ),
                );
            }
            let mut missions = Vec::new();
            for (m, mission) in program.missions.into_iter().enumerate() {
                self.claim_id(&mut structure_ids, &mission.id, &file, "mission");
                let mut modules = Vec::new();
                for (d, module) in mission.modules.into_iter().enumerate() {
                    self.claim_id(&mut structure_ids, &module.id, &file, "module");
                    if module.lessons.is_empty() {
                        self.report(&file, format!("module `{}` has no lessons", module.id));
                    }
                    for (l, lesson) in module.lessons.iter().enumerate() {
                        let position = [p, m, d, l].map(|i| u16::try_from(i).unwrap_or(u16::MAX));
                        outline.push((lesson.clone(), position, file.clone()));
                    }
                    modules.push((module.id, module.title, module.lessons));
                }
                if modules.is_empty() {
                    self.report(&file, format!("mission `{}` has no modules", mission.id));
                }
                missions.push((mission.id, mission.title, mission.summary, modules));
            }
            if missions.is_empty() {
                self.report(&file, "the program has no missions");
            }
            self.claim_id(&mut structure_ids, &program.id, &file, "program");
            programs.push((program.id, program.title, program.summary, missions));
        }
        if programs.len() != root.programs.len() {
            return None;
        }

        // Checkpoints, in one file.
        let checkpoints_file = dir.join("checkpoints.toml");
        let mut checkpoints = Vec::new();
        if let Some(file) = self.read_toml::<CheckpointsFile>(&checkpoints_file) {
            let mut seen = HashSet::new();
            for c in file.checkpoint {
                if !seen.insert(c.id.clone()) {
                    self.report(
                        &checkpoints_file,
                        format!("the checkpoint id `{}` is used twice", c.id),
                    );
                }
                if !is_slug(&c.id) {
                    self.report(
                        &checkpoints_file,
                        format!("the checkpoint id `{}` must use only a-z, 0-9 and -", c.id),
                    );
                }
                if let Some(p) = placeholder_in(&c.statement) {
                    self.report(
                        &checkpoints_file,
                        format!("checkpoint `{}` contains the placeholder \"{p}\"", c.id),
                    );
                }
                match index_of(&programs, &c.program, |p| &p.0) {
                    Some(program) => checkpoints.push(Checkpoint {
                        id: c.id,
                        program,
                        statement: c.statement,
                    }),
                    None => self.report(
                        &checkpoints_file,
                        format!(
                            "checkpoint `{}` names the unknown program `{}`",
                            c.id, c.program
                        ),
                    ),
                }
            }
        }

        // Lesson files.
        let mut files: BTreeMap<String, (PathBuf, usize)> = BTreeMap::new();
        for (p, program_id) in root.programs.iter().enumerate() {
            let lessons_dir = dir.join("programs").join(program_id).join("lessons");
            let Ok(entries) = std::fs::read_dir(&lessons_dir) else {
                self.report(&lessons_dir, "the lessons folder is missing");
                continue;
            };
            let mut paths: Vec<PathBuf> =
                entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
            paths.sort();
            for path in paths {
                if path.extension().and_then(|e| e.to_str()) != Some("md") {
                    continue;
                }
                let stem = path
                    .file_stem()
                    .and_then(|s| s.to_str())
                    .unwrap_or_default()
                    .to_string();
                if let Some((other, _)) = files.get(&stem) {
                    let other = self.rel(other);
                    self.report(
                        &path,
                        format!("the lesson id `{stem}` is also used by {other}"),
                    );
                    continue;
                }
                files.insert(stem, (path, p));
            }
        }

        // Order lessons by the outline; every file must be reached exactly once.
        let mut order: Vec<(String, [u16; 4])> = Vec::new();
        let mut placed: HashMap<String, String> = HashMap::new();
        for (id, position, program_file) in &outline {
            let number = number_of(*position);
            match files.get(id) {
                None => self.report(
                    program_file,
                    format!("lesson `{id}` (number {number}) has no file lessons/{id}.md"),
                ),
                Some((path, p)) if usize::from(position[0]) != *p => {
                    let path = self.rel(path);
                    self.report(program_file, format!("lesson `{id}` is listed here but its file is {path}, in another program"))
                }
                Some(_) => {
                    if let Some(first) = placed.get(id) {
                        self.report(program_file, format!("lesson `{id}` is listed twice, as {first} and {number}: a lesson has one number"));
                    } else {
                        placed.insert(id.clone(), number);
                        order.push((id.clone(), *position));
                    }
                }
            }
        }
        for (id, (path, _)) in &files {
            if !placed.contains_key(id) {
                let path = path.clone();
                self.report(&path, "this lesson is not listed in any module of its program.toml, so learners cannot reach it");
            }
        }
        if order.len() > u32::MAX as usize {
            self.report(&dir, "more lessons than the app can number");
            return None;
        }

        let lesson_ix: HashMap<&str, usize> = order
            .iter()
            .enumerate()
            .map(|(i, (id, _))| (id.as_str(), i))
            .collect();
        let mut lessons = Vec::new();
        for (id, position) in &order {
            let (path, _) = files[id].clone();
            if let Some(lesson) = self.lesson(
                &path,
                id,
                *position,
                &lesson_ix,
                &checkpoints,
                &difficulties,
                &paths,
                &plans,
                rules,
            ) {
                lessons.push(lesson);
            }
        }
        if lessons.len() != order.len() {
            return None;
        }
        self.check_prerequisite_cycles(&lessons);
        self.check_shared_paragraphs(&lessons);
        for (c, checkpoint) in checkpoints.iter().enumerate() {
            if !lessons.iter().any(|l| l.checkpoints.contains(&c)) {
                self.report(
                    &checkpoints_file,
                    format!(
                        "no lesson teaches the checkpoint `{}`: add it to a lesson's `checkpoints`",
                        checkpoint.id
                    ),
                );
            }
        }

        let questions = self.questions(&dir, &root.programs, &checkpoints, &facts);

        let programs = programs
            .into_iter()
            .map(|(id, title, summary, missions)| Program {
                id,
                title,
                summary,
                missions: missions
                    .into_iter()
                    .map(|(id, title, summary, modules)| Mission {
                        id,
                        title,
                        summary,
                        modules: modules
                            .into_iter()
                            .map(|(id, title, ids)| Module {
                                id,
                                title,
                                lessons: ids
                                    .iter()
                                    .filter_map(|l| lesson_ix.get(l.as_str()).copied())
                                    .collect(),
                            })
                            .collect(),
                    })
                    .collect(),
            })
            .collect();

        let moved = self.moved_numbers(&dir, &lessons);
        let featured = root.featured.as_deref().and_then(|id| {
            let ix = lessons.iter().position(|l| l.id == id);
            if ix.is_none() {
                self.report(
                    &root_file,
                    format!("`featured` names `{id}`, which is not a lesson id"),
                );
            }
            ix
        });

        Some(Content {
            programs,
            lessons,
            checkpoints,
            difficulties,
            paths,
            plans,
            facts,
            questions,
            moved,
            featured,
            sources: std::mem::take(&mut self.sources),
        })
    }

    fn claim_id(&mut self, seen: &mut HashMap<String, PathBuf>, id: &str, file: &Path, what: &str) {
        if !is_slug(id) {
            self.report(
                file,
                format!("the {what} id `{id}` must use only a-z, 0-9 and -"),
            );
        }
        if let Some(other) = seen.insert(id.to_string(), file.to_path_buf()) {
            let other = self.rel(&other);
            self.report(
                file,
                format!("the {what} id `{id}` is already used in {other}"),
            );
        }
    }

    fn vocabulary(&mut self, file: &Path, what: &str, items: Vec<NamedFile>) -> Vec<Named> {
        let mut seen = HashSet::new();
        for item in &items {
            if !seen.insert(item.id.clone()) {
                self.report(file, format!("the {what} `{}` is declared twice", item.id));
            }
        }
        if items.is_empty() {
            self.report(file, format!("no {what} is declared"));
        }
        items
            .into_iter()
            .map(|n| Named {
                id: n.id,
                name: n.name,
                description: n.description,
            })
            .collect()
    }

    fn plans(&mut self, file: &Path, items: Vec<PlanFile>) -> Vec<Plan> {
        let ids: Vec<String> = items.iter().map(|p| p.id.clone()).collect();
        if ids.is_empty() {
            self.report(file, "no plan is declared; the first plan is the free one");
        }
        let mut plans = Vec::new();
        for (i, plan) in items.into_iter().enumerate() {
            if ids[..i].contains(&plan.id) {
                self.report(file, format!("the plan `{}` is declared twice", plan.id));
            }
            let mut includes = Vec::new();
            for inc in &plan.includes {
                match ids.iter().position(|id| id == inc) {
                    Some(j) if j != i => includes.push(j),
                    Some(_) => self.report(file, format!("the plan `{}` includes itself", plan.id)),
                    None => self.report(
                        file,
                        format!("the plan `{}` includes the unknown plan `{inc}`", plan.id),
                    ),
                }
            }
            plans.push(Plan {
                id: plan.id,
                name: plan.name,
                description: plan.description,
                includes,
            });
        }
        plans
    }

    #[allow(clippy::too_many_arguments)]
    fn lesson(
        &mut self,
        path: &Path,
        id: &str,
        position: [u16; 4],
        lesson_ix: &HashMap<&str, usize>,
        checkpoints: &[Checkpoint],
        difficulties: &[Named],
        paths: &[Named],
        plans: &[Plan],
        rules: Rules,
    ) -> Option<Lesson> {
        let text = self.read(path)?;
        let parsed = match lesson_file::split(&text) {
            Ok(parsed) => parsed,
            Err(e) => {
                self.report(path, e);
                return None;
            }
        };
        let front: FrontMatter = match toml::from_str(parsed.front_matter) {
            Ok(front) => front,
            Err(e) => {
                self.report(path, format!("in the front matter: {}", e.message()));
                return None;
            }
        };
        let before = self.problems.len();
        if front.id != id {
            self.report(
                path,
                format!(
                    "the front matter says id = \"{}\" but the file is named {id}.md",
                    front.id
                ),
            );
        }
        if !is_slug(id) {
            self.report(
                path,
                format!("the lesson id `{id}` must use only a-z, 0-9 and -"),
            );
        }
        for (field, value) in [
            ("title", &front.title),
            ("subtitle", &front.subtitle),
            ("summary", &front.summary),
        ] {
            if value.trim().is_empty() {
                self.report(path, format!("`{field}` is empty"));
            }
        }
        if front.objectives.is_empty() {
            self.report(
                path,
                "`objectives` is empty: list what the learner will be able to do",
            );
        }
        if !(1..=240).contains(&front.minutes) {
            self.report(
                path,
                format!(
                    "`minutes` is {}: use the real time, 1 to 240",
                    front.minutes
                ),
            );
        }
        let mut lookup =
            |what: &str, value: &str, index: Option<usize>, known: &dyn Fn() -> String| {
                if index.is_none() {
                    self.problems.push(self.problem(
                        path,
                        format!("unknown {what} `{value}`; known: {}", known()),
                    ));
                }
                index.unwrap_or(0)
            };
        let difficulty = lookup(
            "difficulty",
            &front.difficulty,
            index_of(difficulties, &front.difficulty, |d| &d.id),
            &|| {
                difficulties
                    .iter()
                    .map(|d| d.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            },
        );
        let path_ix = lookup(
            "path",
            &front.path,
            index_of(paths, &front.path, |d| &d.id),
            &|| {
                paths
                    .iter()
                    .map(|d| d.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            },
        );
        let plan = lookup(
            "plan",
            &front.plan,
            index_of(plans, &front.plan, |d| &d.id),
            &|| {
                plans
                    .iter()
                    .map(|d| d.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            },
        );
        let mut lesson_checkpoints = Vec::new();
        for c in &front.checkpoints {
            match index_of(checkpoints, c, |c| &c.id) {
                Some(ix) => lesson_checkpoints.push(ix),
                None => self.report(
                    path,
                    format!("unknown checkpoint `{c}`: it is not in content/checkpoints.toml"),
                ),
            }
        }
        if front.checkpoints.is_empty() {
            self.report(
                path,
                "`checkpoints` is empty: every lesson teaches at least one checkpoint",
            );
        }
        let mut prerequisites = Vec::new();
        for p in &front.prerequisites {
            match lesson_ix.get(p.as_str()) {
                Some(&ix) if p == id => {
                    let _ = ix;
                    self.report(path, "the lesson lists itself as a prerequisite")
                }
                Some(&ix) => prerequisites.push(ix),
                None => self.report(
                    path,
                    format!("unknown prerequisite `{p}`: no lesson has that id"),
                ),
            }
        }

        let mut body = |section: &str, source: Option<&str>| -> Option<Body> {
            let source = source?;
            if source.trim().is_empty() {
                self.problems
                    .push(self.problem(path, format!("the `=== {section}` section is empty")));
                return None;
            }
            match markdown::parse(source) {
                Ok(body) => Some(body),
                Err(e) => {
                    self.problems
                        .push(self.problem(path, format!("in `=== {section}`: {e}")));
                    None
                }
            }
        };
        let preview = body("preview", parsed.preview);
        let masterclass = body("masterclass", parsed.masterclass);
        let mut questions = Vec::new();
        for (q, a) in &parsed.questions {
            if let Some(answer) = body("questions", Some(a)) {
                questions.push((q.to_string(), answer));
            }
        }
        if parsed.preview.is_none() {
            self.report(
                path,
                "the `=== preview` section is missing: every lesson has a free preview",
            );
        }
        if rules.require_complete {
            if parsed.masterclass.is_none() {
                self.report(path, "the `=== masterclass` section is missing");
            }
            if parsed.questions.len() < MIN_ANSWERED_QUESTIONS {
                self.report(path, format!("it has {} answered question(s); every lesson needs at least {MIN_ANSWERED_QUESTIONS}", parsed.questions.len()));
            }
        }
        let preview = preview?;
        let preview_words = word_count(&preview);
        if preview_words < PREVIEW_WORDS.0 || preview_words > PREVIEW_WORDS.1 {
            self.report(
                path,
                format!(
                    "the preview has {preview_words} words; write {} to {}",
                    PREVIEW_WORDS.0, PREVIEW_WORDS.1
                ),
            );
        }
        let masterclass_words = masterclass.as_deref().map(word_count).unwrap_or(0);
        if masterclass.is_some()
            && (masterclass_words < MASTERCLASS_WORDS.0 || masterclass_words > MASTERCLASS_WORDS.1)
        {
            self.report(
                path,
                format!(
                    "the masterclass has {masterclass_words} words; write {} to {}",
                    MASTERCLASS_WORDS.0, MASTERCLASS_WORDS.1
                ),
            );
        }

        // Placeholders anywhere a learner reads.
        let mut all = format!(
            "{}\n{}\n{}\n{}\n",
            front.title,
            front.subtitle,
            front.summary,
            front.objectives.join("\n")
        );
        body_text(&preview, &mut all);
        if let Some(m) = &masterclass {
            body_text(m, &mut all);
        }
        for (q, a) in &questions {
            all.push_str(q);
            body_text(a, &mut all);
        }
        if let Some(p) = placeholder_in(&all) {
            self.report(
                path,
                format!("contains the placeholder \"{p}\": write the real text"),
            );
        }
        if self.problems.len() > before {
            return None;
        }
        Some(Lesson {
            id: id.to_string(),
            number: number_of(position),
            position,
            file: self.rel(path),
            title: front.title,
            subtitle: front.subtitle,
            summary: front.summary,
            objectives: front.objectives,
            difficulty,
            path: path_ix,
            plan,
            minutes: front.minutes,
            checkpoints: lesson_checkpoints,
            prerequisites,
            preview,
            masterclass,
            questions,
            words: preview_words + masterclass_words,
        })
    }

    fn check_prerequisite_cycles(&mut self, lessons: &[Lesson]) {
        // Depth-first search; a grey node met again closes a cycle.
        #[derive(Clone, Copy, PartialEq)]
        enum Mark {
            White,
            Grey,
            Black,
        }
        fn visit(
            i: usize,
            lessons: &[Lesson],
            marks: &mut [Mark],
            stack: &mut Vec<usize>,
        ) -> Option<Vec<usize>> {
            marks[i] = Mark::Grey;
            stack.push(i);
            for &p in &lessons[i].prerequisites {
                match marks[p] {
                    Mark::Grey => {
                        let start = stack.iter().position(|&s| s == p).unwrap_or(0);
                        return Some(stack[start..].to_vec());
                    }
                    Mark::White => {
                        if let Some(cycle) = visit(p, lessons, marks, stack) {
                            return Some(cycle);
                        }
                    }
                    Mark::Black => {}
                }
            }
            stack.pop();
            marks[i] = Mark::Black;
            None
        }
        let mut marks = vec![Mark::White; lessons.len()];
        for i in 0..lessons.len() {
            if marks[i] == Mark::White {
                let mut stack = Vec::new();
                if let Some(cycle) = visit(i, lessons, &mut marks, &mut stack) {
                    let mut names: Vec<&str> =
                        cycle.iter().map(|&c| lessons[c].id.as_str()).collect();
                    names.push(names[0]);
                    let file = lessons[cycle[0]].file.clone();
                    self.report(
                        file,
                        format!(
                            "prerequisites go round in a circle: {}",
                            names.join(" needs ")
                        ),
                    );
                    return;
                }
            }
        }
    }

    fn check_shared_paragraphs(&mut self, lessons: &[Lesson]) {
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (i, lesson) in lessons.iter().enumerate() {
            let mut paragraphs = Vec::new();
            let bodies = std::iter::once(&lesson.preview)
                .chain(lesson.masterclass.iter())
                .chain(lesson.questions.iter().map(|(_, a)| a));
            for body in bodies {
                collect_paragraphs(body, &mut paragraphs);
            }
            for paragraph in paragraphs {
                let normal: String = paragraph
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .to_lowercase();
                if normal.split(' ').count() < SHARED_PARAGRAPH_WORDS {
                    continue;
                }
                match seen.get(&normal) {
                    Some(&other) if other != i => {
                        let message = format!(
                            "a paragraph is the same as one in {}: \"{}...\"",
                            lessons[other].file,
                            &normal.chars().take(60).collect::<String>()
                        );
                        self.report(lesson.file.clone(), message);
                    }
                    Some(_) => {}
                    None => {
                        seen.insert(normal, i);
                    }
                }
            }
        }
    }

    fn questions(
        &mut self,
        dir: &Path,
        program_ids: &[String],
        checkpoints: &[Checkpoint],
        facts: &[String],
    ) -> Vec<Question> {
        let mut files = vec![(dir.join("diagnostic.toml"), None)];
        for (p, id) in program_ids.iter().enumerate() {
            files.push((
                dir.join("programs").join(id).join("questions.toml"),
                Some(p),
            ));
        }
        let mut questions = Vec::new();
        let mut seen = HashSet::new();
        for (file, program) in files {
            let Some(parsed) = self.read_toml::<QuestionsFile>(&file) else {
                continue;
            };
            if program.is_some() && parsed.question.is_empty() {
                self.report(&file, "the program has no diagnostic question");
            }
            for q in parsed.question {
                if !seen.insert(q.id.clone()) {
                    self.report(&file, format!("the question id `{}` is used twice", q.id));
                }
                if let Some(name) = &q.program {
                    let expected = program.map(|p| program_ids[p].as_str());
                    if Some(name.as_str()) != expected {
                        self.report(&file, format!("question `{}` says program = \"{name}\" but sits in another program's file", q.id));
                    }
                }
                let kind = match q.kind.as_str() {
                    "single" => Kind::Single,
                    "multi" => Kind::Multi,
                    "scale" => Kind::Scale,
                    other => {
                        self.report(&file, format!("question `{}` has the unknown kind `{other}`: use single, multi or scale", q.id));
                        continue;
                    }
                };
                let fact = |loader: &mut Loader, name: &str| -> Option<usize> {
                    let ix = facts.iter().position(|f| f == name);
                    if ix.is_none() {
                        loader.report(&file, format!("question `{}` uses the unknown fact `{name}`; facts are declared in curriculum.toml", q.id));
                    }
                    ix
                };
                let show_if = q.show_if.iter().filter_map(|f| fact(self, f)).collect();
                let skipped_means_mastered = match q.skipped_means.as_deref() {
                    None | Some("missing") => false,
                    Some("mastered") => true,
                    Some(other) => {
                        self.report(&file, format!("question `{}`: skipped_means must be missing or mastered, not `{other}`", q.id));
                        false
                    }
                };
                if q.options.len() < 2 {
                    self.report(
                        &file,
                        format!("question `{}` needs at least two options", q.id),
                    );
                }
                let mut options = Vec::new();
                let mut option_ids = HashSet::new();
                for o in q.options {
                    if !option_ids.insert(o.id.clone()) {
                        self.report(
                            &file,
                            format!("question `{}` has two options with the id `{}`", q.id, o.id),
                        );
                    }
                    let resolve = |loader: &mut Loader, list: &[String]| -> Vec<usize> {
                        list.iter()
                            .filter_map(|c| {
                                let ix = index_of(checkpoints, c, |c| &c.id);
                                if ix.is_none() {
                                    loader.report(&file, format!("question `{}` option `{}` names the unknown checkpoint `{c}`", q.id, o.id));
                                }
                                ix
                            })
                            .collect()
                    };
                    let mastered = resolve(self, &o.mastered);
                    let partial = resolve(self, &o.partial);
                    let missing = resolve(self, &o.missing);
                    let sets = o
                        .sets
                        .iter()
                        .filter_map(|f| fact(self, f))
                        .collect::<Vec<_>>();
                    if kind == Kind::Multi && mastered.is_empty() && partial.is_empty() {
                        self.report(&file, format!("question `{}` option `{}` shows no checkpoint: a ticked option must list `mastered` or `partial`", q.id, o.id));
                    }
                    options.push(AnswerOption {
                        id: o.id,
                        label: o.label,
                        mastered,
                        partial,
                        missing,
                        sets,
                    });
                }
                questions.push(Question {
                    id: q.id,
                    program,
                    kind,
                    prompt: q.prompt,
                    help: q.help,
                    show_if,
                    skipped_means_mastered,
                    options,
                });
            }
        }
        for (c, checkpoint) in checkpoints.iter().enumerate() {
            let assessed = questions.iter().flat_map(|q| &q.options).any(|o| {
                o.mastered.contains(&c) || o.partial.contains(&c) || o.missing.contains(&c)
            });
            if !assessed {
                self.report(
                    dir.join("checkpoints.toml"),
                    format!(
                        "no diagnostic question assesses the checkpoint `{}`",
                        checkpoint.id
                    ),
                );
            }
        }
        questions
    }

    fn moved_numbers(&mut self, dir: &Path, lessons: &[Lesson]) -> Vec<(String, usize)> {
        let file = dir.join("numbers.toml");
        if !file.exists() {
            return Vec::new();
        }
        let Some(numbers) = self.read_toml::<NumbersFile>(&file) else {
            return Vec::new();
        };
        numbers
            .numbers
            .into_iter()
            .filter(|(number, _)| !lessons.iter().any(|l| &l.number == number))
            .filter_map(|(number, id)| {
                lessons
                    .iter()
                    .position(|l| l.id == id)
                    .map(|ix| (number, ix))
            })
            .collect()
    }
}

fn number_of(position: [u16; 4]) -> String {
    let [p, m, d, l] = position.map(|i| u32::from(i) + 1);
    format!("{p}.{m}.{d}.{l}")
}

fn collect_paragraphs(body: &[academy_core::Block], out: &mut Vec<String>) {
    use academy_core::Block;
    for block in body {
        match block {
            Block::Paragraph(content) => {
                let mut text = String::new();
                academy_core::body::inline_text(content, &mut text);
                out.push(text);
            }
            Block::List { items, .. } => items.iter().for_each(|i| collect_paragraphs(i, out)),
            Block::Callout { content, .. } | Block::Quote(content) => {
                collect_paragraphs(content, out)
            }
            _ => {}
        }
    }
}

impl Content {
    /// Figures for `curriculum -- stats`.
    pub fn stats(&self) -> serde_json::Value {
        let missions: usize = self.programs.iter().map(|p| p.missions.len()).sum();
        let modules: usize = self
            .programs
            .iter()
            .flat_map(|p| &p.missions)
            .map(|m| m.modules.len())
            .sum();
        serde_json::json!({
            "programs": self.programs.len(),
            "missions": missions,
            "modules": modules,
            "lessons": self.lessons.len(),
            "checkpoints": self.checkpoints.len(),
            "questions": self.lessons.iter().map(|l| l.questions.len()).sum::<usize>(),
            "diagnostic_questions": self.questions.len(),
            // Screens before any profile answer hides some: the most a learner sees.
            "diagnostic_screens": academy_core::diagnostic::asked(self.to_core(), &Default::default()).len(),
            "lessons_fully_written": self.lessons.iter().filter(|l| l.fully_written()).count(),
            "words": self.lessons.iter().map(|l| l.words).sum::<usize>(),
        })
    }

    /// The Rust source of the compiled curriculum for the app's build script, and the files
    /// it names (lesson texts, sealed masterclasses, the search index) as (path under the
    /// app's root, bytes). `curriculum emit` writes those files into the built site.
    pub fn to_rust(&self, secret: &Secret) -> (String, Vec<(String, Vec<u8>)>) {
        codegen::rust_source(self, secret)
    }
}
