//! The curriculum: programs, missions, modules and lessons, skill checkpoints, the difficulty
//! ladder, paths, plans and the diagnostic's questions. The app reads the real curriculum from
//! its packed file (`crate::pack`); tests and benchmarks build their own.

use crate::body::Block;
use serde::{Deserialize, Serialize};

/// Index of a lesson in [`Curriculum::lessons`] (curriculum order).
pub type LessonIx = u32;
/// Index of a checkpoint in [`Curriculum::checkpoints`].
pub type CheckpointIx = u32;

#[derive(Debug)]
pub struct Curriculum {
    pub programs: &'static [Program],
    /// Every lesson, in curriculum order: lesson `i + 1` follows lesson `i`.
    pub lessons: &'static [Lesson],
    pub checkpoints: &'static [Checkpoint],
    /// The difficulty ladder, lowest first; the last rung is Hero.
    pub difficulties: &'static [Named],
    pub paths: &'static [Named],
    pub plans: &'static [Plan],
    /// Facts the profile questions establish, such as `stage:idea`.
    pub facts: &'static [&'static str],
    /// The diagnostic's questions in the order they are asked.
    pub questions: &'static [Question],
    /// Numbers lessons were published under before they moved: (old number, lesson).
    pub moved: &'static [(&'static str, LessonIx)],
}

#[derive(Debug)]
pub struct Named {
    pub id: &'static str,
    pub name: &'static str,
    pub description: &'static str,
}

#[derive(Debug)]
pub struct Plan {
    pub id: &'static str,
    pub name: &'static str,
    pub description: &'static str,
    /// Indices of the plans this plan includes (never itself).
    pub includes: &'static [u8],
    /// Tells a right key for this plan from a wrong one (see [`crate::access::PlanKey::check`]).
    pub key_check: &'static [u8],
    /// For each entry of `includes`, that plan's key sealed under this plan's key.
    pub included_keys: &'static [&'static [u8]],
}

#[derive(Debug)]
pub struct Program {
    pub id: &'static str,
    pub title: &'static str,
    pub summary: &'static str,
    pub missions: &'static [Mission],
}

#[derive(Debug)]
pub struct Mission {
    pub id: &'static str,
    pub title: &'static str,
    pub summary: &'static str,
    pub modules: &'static [Module],
}

#[derive(Debug)]
pub struct Module {
    pub id: &'static str,
    pub title: &'static str,
    pub lessons: &'static [LessonIx],
}

#[derive(Debug)]
pub struct Checkpoint {
    pub id: &'static str,
    /// Index of the program this checkpoint belongs to.
    pub program: u16,
    pub statement: &'static str,
}

#[derive(Debug)]
pub struct Lesson {
    /// Stable id: learner progress is keyed by it, never by the number.
    pub id: &'static str,
    /// Position-derived number such as `8.9.3.2`.
    pub number: &'static str,
    /// Zero-based program, mission, module and lesson positions.
    pub position: [u16; 4],
    pub title: &'static str,
    pub summary: &'static str,
    pub difficulty: u8,
    pub path: u8,
    pub plan: u8,
    pub minutes: u16,
    pub checkpoints: &'static [CheckpointIx],
    pub prerequisites: &'static [LessonIx],
    /// The file, beside the app and named by a hash of its contents, that holds the preview,
    /// an open masterclass and the answers: they load when the lesson is opened, so the
    /// first screen never waits for 150,000 words.
    pub file: &'static str,
    /// `None` while the masterclass is not written yet: the app then simply does not offer it.
    pub masterclass: Option<Masterclass>,
    /// Words in the preview and masterclass.
    pub words: u32,
}

/// What only the reading pages show of a lesson, kept apart from [`Lesson`] and shipped
/// in a file of its own (see [`crate::pack::encode_details`]): the diagnostic and results
/// pages never download it. Indexed like [`Curriculum::lessons`].
#[derive(Debug)]
pub struct LessonDetails {
    pub subtitle: &'static str,
    pub objectives: &'static [&'static str],
    /// The seeded questions; their answers are in [`Lesson::file`], in the same order.
    pub questions: &'static [&'static str],
}

/// Where a masterclass is shipped (see [`crate::access`]).
#[derive(Debug)]
pub enum Masterclass {
    /// Readable by everyone: its blocks are in the lesson's file.
    Open,
    /// Serialised as JSON and sealed under its plan's key, in a file of its own that only a
    /// learner holding that key fetches.
    Sealed(&'static str),
}

/// What a lesson's file holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonText {
    pub preview: Vec<Block>,
    /// Present only when the masterclass is open.
    pub masterclass: Option<Vec<Block>>,
    /// The answers to [`LessonDetails::questions`], in order.
    pub answers: Vec<Vec<Block>>,
}

impl LessonText {
    /// Reads a lesson's file, refusing one that does not match the compiled lesson (a file
    /// left from another deployment, or a damaged download).
    pub fn parse(lesson: &Lesson, details: &LessonDetails, bytes: &[u8]) -> Option<LessonText> {
        let text: LessonText = serde_json::from_slice(bytes).ok()?;
        let open = matches!(lesson.masterclass, Some(Masterclass::Open));
        (text.answers.len() == details.questions.len() && text.masterclass.is_some() == open)
            .then_some(text)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuestionKind {
    /// Pick exactly one option.
    Single,
    /// Tick every option that is true ("which of these do you do today?").
    Multi,
    /// A single choice ordered from "never" to "always".
    Scale,
}

/// What a question hidden by its conditions says about its checkpoints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SkippedMeans {
    Missing,
    Mastered,
}

#[derive(Debug)]
pub struct Question {
    pub id: &'static str,
    /// The program whose checkpoints it assesses; `None` for profile questions.
    pub program: Option<u16>,
    pub kind: QuestionKind,
    pub prompt: &'static str,
    pub help: &'static str,
    /// Fact indices: shown when any holds; always shown when empty.
    pub show_if: &'static [u16],
    pub skipped_means: SkippedMeans,
    pub options: &'static [AnswerOption],
}

#[derive(Debug)]
pub struct AnswerOption {
    pub id: &'static str,
    pub label: &'static str,
    pub mastered: &'static [CheckpointIx],
    pub partial: &'static [CheckpointIx],
    pub missing: &'static [CheckpointIx],
    /// Fact indices this option establishes (profile questions).
    pub sets: &'static [u16],
}

impl Curriculum {
    pub fn lesson(&self, ix: LessonIx) -> &'static Lesson {
        &self.lessons[ix as usize]
    }

    pub fn lesson_ix_by_id(&self, id: &str) -> Option<LessonIx> {
        self.lessons.iter().position(|l| l.id == id).map(to_ix)
    }

    pub fn lesson_ix_by_number(&self, number: &str) -> Option<LessonIx> {
        self.lessons
            .iter()
            .position(|l| l.number == number)
            .map(to_ix)
    }

    /// Where an address names a lesson: its current number, its id, or a number it had before
    /// it moved. Tells the caller when the address is not the lesson's canonical one.
    pub fn find_lesson(&self, key: &str) -> Option<LessonLookup> {
        if let Some(ix) = self.lesson_ix_by_number(key) {
            return Some(LessonLookup {
                ix,
                canonical: true,
            });
        }
        if let Some(ix) = self.lesson_ix_by_id(key) {
            return Some(LessonLookup {
                ix,
                canonical: false,
            });
        }
        self.moved
            .iter()
            .find(|(old, _)| *old == key)
            .map(|&(_, ix)| LessonLookup {
                ix,
                canonical: false,
            })
    }

    pub fn previous(&self, ix: LessonIx) -> Option<LessonIx> {
        ix.checked_sub(1)
    }

    pub fn next(&self, ix: LessonIx) -> Option<LessonIx> {
        let next = ix as usize + 1;
        (next < self.lessons.len()).then(|| to_ix(next))
    }

    /// Lessons that list this one as a prerequisite, in curriculum order.
    pub fn unlocked_by(&self, ix: LessonIx) -> impl Iterator<Item = LessonIx> + '_ {
        self.lessons
            .iter()
            .enumerate()
            .filter(move |(_, l)| l.prerequisites.contains(&ix))
            .map(|(i, _)| to_ix(i))
    }

    /// Lessons that teach a checkpoint, in curriculum order.
    pub fn lessons_teaching(
        &self,
        checkpoint: CheckpointIx,
    ) -> impl Iterator<Item = LessonIx> + '_ {
        self.lessons
            .iter()
            .enumerate()
            .filter(move |(_, l)| l.checkpoints.contains(&checkpoint))
            .map(|(i, _)| to_ix(i))
    }

    pub fn program_of(&self, lesson: &Lesson) -> &'static Program {
        &self.programs[usize::from(lesson.position[0])]
    }

    pub fn mission_of(&self, lesson: &Lesson) -> &'static Mission {
        &self.program_of(lesson).missions[usize::from(lesson.position[1])]
    }

    pub fn module_of(&self, lesson: &Lesson) -> &'static Module {
        &self.mission_of(lesson).modules[usize::from(lesson.position[2])]
    }

    /// Whether holding `held` gives access to content that needs `needed`.
    pub fn plan_covers(&self, held: u8, needed: u8) -> bool {
        held == needed || self.plans[usize::from(held)].includes.contains(&needed)
    }

    /// The plan nobody pays for: the first plan, by convention of the content compiler.
    pub fn is_free(&self, plan: u8) -> bool {
        plan == 0
    }

    /// The lessons of a program, in order.
    pub fn program_lessons(&self, program: usize) -> impl Iterator<Item = LessonIx> + '_ {
        self.lessons
            .iter()
            .enumerate()
            .filter(move |(_, l)| usize::from(l.position[0]) == program)
            .map(|(i, _)| to_ix(i))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LessonLookup {
    pub ix: LessonIx,
    /// False when the address used the id or an old number: the app redirects to the number.
    pub canonical: bool,
}

fn to_ix(i: usize) -> LessonIx {
    LessonIx::try_from(i).expect("fewer than 2^32 lessons")
}
