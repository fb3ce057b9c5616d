//! What the learner has done: completed lessons, keyed by the lessons' stable ids so that
//! renumbering the curriculum loses nothing.

use crate::curriculum::{Curriculum, LessonIx};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// Ids of completed lessons.
    pub completed: BTreeSet<String>,
}

impl Progress {
    pub fn is_complete(&self, lesson_id: &str) -> bool {
        self.completed.contains(lesson_id)
    }

    /// Marks a lesson complete, or not complete again.
    pub fn set_complete(&mut self, lesson_id: &str, complete: bool) {
        if complete {
            self.completed.insert(lesson_id.to_string());
        } else {
            self.completed.remove(lesson_id);
        }
    }

    /// (completed, total) over some lessons.
    pub fn tally(
        &self,
        curriculum: &Curriculum,
        lessons: impl IntoIterator<Item = LessonIx>,
    ) -> (usize, usize) {
        lessons.into_iter().fold((0, 0), |(done, total), ix| {
            (
                done + usize::from(self.is_complete(curriculum.lesson(ix).id)),
                total + 1,
            )
        })
    }
}

/// One finished diagnostic.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attempt {
    /// The day it was finished (days since 1970-01-01, learner's local calendar).
    pub day: i64,
    pub answers: crate::diagnostic::Answers,
}

/// The diagnostic in progress, earlier attempts, and the learner's pace.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiagnosticState {
    /// Answers of the diagnostic in progress.
    pub current: crate::diagnostic::Answers,
    /// The screen the learner is on: an index into the questions asked.
    pub position: usize,
    /// Finished attempts, oldest first.
    pub attempts: Vec<Attempt>,
    /// Study time the roadmap plans for.
    pub minutes_per_week: u32,
}

impl Default for DiagnosticState {
    fn default() -> Self {
        DiagnosticState {
            current: Default::default(),
            position: 0,
            attempts: Vec::new(),
            minutes_per_week: 180,
        }
    }
}

impl DiagnosticState {
    pub fn in_progress(&self) -> bool {
        self.position > 0 || !self.current.0.is_empty()
    }

    /// Ends the diagnostic in progress as a new attempt.
    pub fn finish(&mut self, day: i64) {
        let answers = std::mem::take(&mut self.current);
        self.attempts.push(Attempt { day, answers });
        self.position = 0;
    }

    /// Starts again from the first question; earlier attempts are kept.
    pub fn restart(&mut self) {
        self.current = Default::default();
        self.position = 0;
    }
}
