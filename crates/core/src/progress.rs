//! What the learner has done: completed lessons, keyed by the lessons' stable ids so that
//! renumbering the curriculum loses nothing.

use crate::curriculum::{Curriculum, LessonIx};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    /// Ids of completed lessons.
    pub completed: BTreeSet<String>,
    /// Ids of bookmarked lessons.
    #[serde(default)]
    pub bookmarks: BTreeSet<String>,
    /// Private notes, by lesson id.
    #[serde(default)]
    pub notes: BTreeMap<String, String>,
    /// The lesson opened last, to offer "continue where you left off".
    #[serde(default)]
    pub last_opened: Option<String>,
    /// Questions the learner asked, oldest first.
    #[serde(default)]
    pub questions: Vec<AskedQuestion>,
}

/// A question the learner asked about a lesson, kept until it is sent, and after.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AskedQuestion {
    /// Unique in this browser: the time it was asked, in milliseconds, and a counter.
    pub id: String,
    pub lesson: String,
    pub text: String,
    /// When it was asked (milliseconds since 1970).
    pub asked_at: f64,
    pub state: QuestionState,
}

/// Where a question is on its way to the academy. Stored as one object with a `state` name
/// and that state's fields: `{"state":"failed","attempts":2,"retry_at":92000.0}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "StoredState", into = "StoredState")]
pub enum QuestionState {
    /// Waiting to be sent (for example while offline).
    Pending,
    /// A send failed; it is tried again from `retry_at` (milliseconds since 1970).
    Failed { attempts: u32, retry_at: f64 },
    /// Received by the academy's endpoint.
    Sent { at: f64 },
    /// Handed to the learner's email app (the mailto channel cannot confirm more).
    Emailed { at: f64 },
}

/// [`QuestionState`] as stored. The same JSON as serde's internally tagged enum, read through
/// a plain struct: the tagged enum's buffering code was the largest single function in the
/// main wasm module (8 KB), and storage is read before the first screen.
#[derive(Serialize, Deserialize)]
struct StoredState {
    state: StateName,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    attempts: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    retry_at: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    at: Option<f64>,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum StateName {
    Pending,
    Failed,
    Sent,
    Emailed,
}

impl TryFrom<StoredState> for QuestionState {
    type Error = &'static str;

    fn try_from(s: StoredState) -> Result<Self, Self::Error> {
        Ok(match (s.state, s.attempts, s.retry_at, s.at) {
            (StateName::Pending, ..) => QuestionState::Pending,
            (StateName::Failed, Some(attempts), Some(retry_at), _) => {
                QuestionState::Failed { attempts, retry_at }
            }
            (StateName::Sent, _, _, Some(at)) => QuestionState::Sent { at },
            (StateName::Emailed, _, _, Some(at)) => QuestionState::Emailed { at },
            (StateName::Failed, ..) => return Err("a failed question needs attempts and retry_at"),
            (StateName::Sent | StateName::Emailed, ..) => return Err("a sent question needs at"),
        })
    }
}

impl From<QuestionState> for StoredState {
    fn from(q: QuestionState) -> Self {
        let (state, attempts, retry_at, at) = match q {
            QuestionState::Pending => (StateName::Pending, None, None, None),
            QuestionState::Failed { attempts, retry_at } => {
                (StateName::Failed, Some(attempts), Some(retry_at), None)
            }
            QuestionState::Sent { at } => (StateName::Sent, None, None, Some(at)),
            QuestionState::Emailed { at } => (StateName::Emailed, None, None, Some(at)),
        };
        StoredState {
            state,
            attempts,
            retry_at,
            at,
        }
    }
}

/// Longest question a learner can send.
pub const QUESTION_MAX_CHARS: usize = 600;

impl Progress {
    /// Keeps a new question as pending and returns its id.
    pub fn ask(&mut self, lesson_id: &str, text: &str, now: f64) -> String {
        let id = format!("{}-{}", now as u64, self.questions.len());
        self.questions.push(AskedQuestion {
            id: id.clone(),
            lesson: lesson_id.to_string(),
            text: text.chars().take(QUESTION_MAX_CHARS).collect(),
            asked_at: now,
            state: QuestionState::Pending,
        });
        id
    }

    /// Questions that should be sent now: pending ones, and failed ones whose retry time came.
    pub fn due_questions(&self, now: f64) -> Vec<String> {
        self.questions
            .iter()
            .filter(|q| match q.state {
                QuestionState::Pending => true,
                QuestionState::Failed { retry_at, .. } => retry_at <= now,
                QuestionState::Sent { .. } | QuestionState::Emailed { .. } => false,
            })
            .map(|q| q.id.clone())
            .collect()
    }

    /// Records the outcome of a send. A failure waits 30 s, doubling up to 30 min.
    pub fn question_sent(&mut self, id: &str, ok: bool, now: f64) {
        if let Some(q) = self.questions.iter_mut().find(|q| q.id == id) {
            q.state = if ok {
                QuestionState::Sent { at: now }
            } else {
                let attempts = match q.state {
                    QuestionState::Failed { attempts, .. } => attempts + 1,
                    _ => 1,
                };
                let wait = (30_000.0 * 2f64.powi(attempts as i32 - 1)).min(1_800_000.0);
                QuestionState::Failed {
                    attempts,
                    retry_at: now + wait,
                }
            };
        }
    }

    pub fn question_emailed(&mut self, id: &str, now: f64) {
        if let Some(q) = self.questions.iter_mut().find(|q| q.id == id) {
            q.state = QuestionState::Emailed { at: now };
        }
    }

    pub fn set_bookmark(&mut self, lesson_id: &str, on: bool) {
        if on {
            self.bookmarks.insert(lesson_id.to_string());
        } else {
            self.bookmarks.remove(lesson_id);
        }
    }

    /// Saves a note; an empty note removes it.
    pub fn set_note(&mut self, lesson_id: &str, text: &str) {
        if text.trim().is_empty() {
            self.notes.remove(lesson_id);
        } else {
            self.notes.insert(lesson_id.to_string(), text.to_string());
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questions_wait_retry_with_backoff_and_are_never_dropped() {
        let mut p = Progress::default();
        let id = p.ask("lesson-a", &"x".repeat(700), 1000.0);
        assert_eq!(p.questions[0].text.len(), QUESTION_MAX_CHARS);
        assert_eq!(p.due_questions(1000.0), vec![id.clone()]);
        p.question_sent(&id, false, 2000.0);
        assert_eq!(
            p.questions[0].state,
            QuestionState::Failed {
                attempts: 1,
                retry_at: 32_000.0
            }
        );
        assert!(p.due_questions(31_999.0).is_empty());
        assert_eq!(p.due_questions(32_000.0), vec![id.clone()]);
        p.question_sent(&id, false, 32_000.0);
        assert_eq!(
            p.questions[0].state,
            QuestionState::Failed {
                attempts: 2,
                retry_at: 92_000.0
            }
        );
        p.question_sent(&id, true, 100_000.0);
        assert_eq!(p.questions[0].state, QuestionState::Sent { at: 100_000.0 });
        assert!(p.due_questions(1e12).is_empty());
        assert_eq!(p.questions.len(), 1);
    }

    #[test]
    fn question_states_keep_their_stored_form() {
        let stored = [
            (QuestionState::Pending, r#"{"state":"pending"}"#),
            (
                QuestionState::Failed {
                    attempts: 2,
                    retry_at: 92_000.5,
                },
                r#"{"state":"failed","attempts":2,"retry_at":92000.5}"#,
            ),
            (
                QuestionState::Sent { at: 5.0 },
                r#"{"state":"sent","at":5.0}"#,
            ),
            (
                QuestionState::Emailed { at: 6.0 },
                r#"{"state":"emailed","at":6.0}"#,
            ),
        ];
        for (state, json) in stored {
            assert_eq!(serde_json::to_string(&state).unwrap(), json);
            assert_eq!(serde_json::from_str::<QuestionState>(json).unwrap(), state);
            // The app reads storage through a `Value` (for migrations).
            let value: serde_json::Value = serde_json::from_str(json).unwrap();
            assert_eq!(
                serde_json::from_value::<QuestionState>(value).unwrap(),
                state
            );
        }
        // Fields in any order, and unknown ones ignored, as before.
        let read: QuestionState =
            serde_json::from_str(r#"{"retry_at":1.0,"extra":true,"attempts":1,"state":"failed"}"#)
                .unwrap();
        assert_eq!(
            read,
            QuestionState::Failed {
                attempts: 1,
                retry_at: 1.0
            }
        );
        for bad in [
            r#"{"state":"failed","attempts":1}"#,
            r#"{"state":"sent"}"#,
            r#"{"state":"lost"}"#,
            r#"{"attempts":1}"#,
            r#""pending""#,
        ] {
            assert!(serde_json::from_str::<QuestionState>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn notes_and_bookmarks() {
        let mut p = Progress::default();
        p.set_note("a", "remember the freight");
        p.set_bookmark("b", true);
        assert_eq!(p.notes["a"], "remember the freight");
        p.set_note("a", "  ");
        assert!(p.notes.is_empty());
        p.set_bookmark("b", false);
        assert!(p.bookmarks.is_empty());
        // Older stored progress without these fields still reads.
        let old: Progress = serde_json::from_str(r#"{"completed":["x"]}"#).unwrap();
        assert!(old.is_complete("x") && old.notes.is_empty());
    }
}
