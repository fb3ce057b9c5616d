//! The pure core of the academy: the curriculum model, lesson bodies, the diagnostic and its
//! scoring, the roadmap, and the learner's stored progress. Nothing here touches the browser,
//! so all of it is tested natively with `cargo test`.

pub mod access;
pub mod body;
pub mod calendar;
pub mod curriculum;
pub mod date;
pub mod diagnostic;
pub mod html;
pub mod pack;
pub mod progress;
pub mod roadmap;
pub mod search;
pub mod share;
pub mod stored;
pub mod synthetic;

pub use body::{Block, Body, CalloutKind, Inline, Text};
pub use curriculum::{
    AnswerOption, Checkpoint, Curriculum, Lesson, LessonDetails, LessonText, Masterclass, Mission,
    Module, Named, Plan, Program, Question, QuestionKind, SkippedMeans,
};
