//! The diagnostic: which questions a learner is asked, given the answers so far, and what
//! those answers say about every skill checkpoint.

use crate::curriculum::{CheckpointIx, Curriculum, Question, QuestionKind, SkippedMeans};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One answer, keyed in [`Answers`] by the question's stable id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// The ids of the chosen options. For a "which of these" question an empty list means
    /// "none of these".
    Chose(Vec<String>),
    NotSure,
    Skipped,
}

/// Every answer given so far.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answers(pub BTreeMap<String, Answer>);

impl Answers {
    pub fn get(&self, question: &Question) -> Option<&Answer> {
        self.0.get(question.id)
    }

    pub fn set(&mut self, question: &Question, answer: Answer) {
        self.0.insert(question.id.to_string(), answer);
    }
}

/// What the answers say about one checkpoint, weakest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum CheckState {
    /// Not known: the learner was not sure, skipped, or has not answered yet.
    Unknown,
    Missing,
    Partial,
    Mastered,
}

impl CheckState {
    /// Points toward mastery: mastered 2, partial 1, anything else 0 (halves avoid floats).
    pub fn half_points(self) -> u32 {
        match self {
            CheckState::Mastered => 2,
            CheckState::Partial => 1,
            CheckState::Missing | CheckState::Unknown => 0,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            CheckState::Mastered => "Mastered",
            CheckState::Partial => "Partly in place",
            CheckState::Missing => "Missing",
            CheckState::Unknown => "Not sure yet",
        }
    }
}

/// Which answer decided a checkpoint's state.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Evidence {
    /// The learner chose this option.
    Chose {
        question: u32,
        option: u32,
    },
    /// The learner left this option of a "which of these" question unticked.
    LeftOut {
        question: u32,
        option: u32,
    },
    NotSure {
        question: u32,
    },
    Skipped {
        question: u32,
    },
    /// The question was not asked, because of earlier answers (its `skipped_means` applies).
    NotAsked {
        question: u32,
    },
    /// The question is still to come.
    Unanswered {
        question: u32,
    },
}

impl Evidence {
    pub fn question(self) -> u32 {
        match self {
            Evidence::Chose { question, .. }
            | Evidence::LeftOut { question, .. }
            | Evidence::NotSure { question }
            | Evidence::Skipped { question }
            | Evidence::NotAsked { question }
            | Evidence::Unanswered { question } => question,
        }
    }

    /// A sentence saying which answer this was, for "why is this on my roadmap?".
    pub fn describe(self, c: &Curriculum) -> String {
        let q = &c.questions[self.question() as usize];
        match self {
            Evidence::Chose { option, .. } => {
                format!(
                    "You answered “{}” to “{}”",
                    q.options[option as usize].label, q.prompt
                )
            }
            Evidence::LeftOut { option, .. } => {
                format!(
                    "You did not tick “{}” in “{}”",
                    q.options[option as usize].label, q.prompt
                )
            }
            Evidence::NotSure { .. } => format!("You were not sure about “{}”", q.prompt),
            Evidence::Skipped { .. } => format!("You skipped “{}”", q.prompt),
            Evidence::NotAsked { .. } => format!(
                "“{}” was not asked, given your store's stage and channels",
                q.prompt
            ),
            Evidence::Unanswered { .. } => format!("“{}” is not answered yet", q.prompt),
        }
    }
}

/// A checkpoint's state and the answer behind it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckpointResult {
    pub state: CheckState,
    pub evidence: Option<Evidence>,
}

/// For every fact (`stage:idea`...): whether it holds, or is still open because the
/// question that settles it is unanswered, skipped or "not sure". Open facts keep their
/// questions on the path, so the count of screens never hides questions still to come.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Facts {
    pub holds: Vec<bool>,
    pub open: Vec<bool>,
}

pub fn facts(c: &Curriculum, answers: &Answers) -> Facts {
    let mut holds = vec![false; c.facts.len()];
    let mut open = vec![false; c.facts.len()];
    for q in c.questions {
        let chosen = match answers.get(q) {
            Some(Answer::Chose(chosen)) => Some(chosen),
            _ => None,
        };
        for o in q.options {
            for &f in o.sets {
                match chosen {
                    Some(chosen) if chosen.iter().any(|id| id == o.id) => {
                        holds[usize::from(f)] = true
                    }
                    Some(_) => {}
                    None => open[usize::from(f)] = true,
                }
            }
        }
    }
    Facts { holds, open }
}

/// Whether a question applies: it has no condition, or one of its facts holds or is open.
pub fn applies(question: &Question, facts: &Facts) -> bool {
    question.show_if.is_empty()
        || question
            .show_if
            .iter()
            .any(|&f| facts.holds[usize::from(f)] || facts.open[usize::from(f)])
}

/// The questions this learner is asked, in order (indices into `Curriculum::questions`).
pub fn asked(c: &Curriculum, answers: &Answers) -> Vec<usize> {
    let facts = facts(c, answers);
    (0..c.questions.len())
        .filter(|&i| applies(&c.questions[i], &facts))
        .collect()
}

/// The first asked question with no answer yet; `None` when the diagnostic is complete.
pub fn next_unanswered(c: &Curriculum, answers: &Answers) -> Option<usize> {
    asked(c, answers)
        .into_iter()
        .find(|&i| answers.get(&c.questions[i]).is_none())
}

/// The state of every checkpoint (indexed like `Curriculum::checkpoints`). Where several
/// answers speak about one checkpoint, the strongest evidence of mastery wins.
pub fn assess(c: &Curriculum, answers: &Answers) -> Vec<CheckpointResult> {
    let mut results = vec![
        CheckpointResult {
            state: CheckState::Unknown,
            evidence: None
        };
        c.checkpoints.len()
    ];
    let facts = facts(c, answers);
    let mut record = |checkpoint: CheckpointIx, state: CheckState, evidence: Evidence| {
        let slot = &mut results[checkpoint as usize];
        if slot.evidence.is_none() || state > slot.state {
            *slot = CheckpointResult {
                state,
                evidence: Some(evidence),
            };
        }
    };
    for (qi, q) in c.questions.iter().enumerate() {
        let question = qi as u32;
        let every = || {
            q.options
                .iter()
                .flat_map(|o| o.mastered.iter().chain(o.partial).chain(o.missing))
                .copied()
        };
        if !applies(q, &facts) {
            let state = match q.skipped_means {
                SkippedMeans::Missing => CheckState::Missing,
                SkippedMeans::Mastered => CheckState::Mastered,
            };
            every().for_each(|k| record(k, state, Evidence::NotAsked { question }));
            continue;
        }
        match answers.get(q) {
            None => every()
                .for_each(|k| record(k, CheckState::Unknown, Evidence::Unanswered { question })),
            Some(Answer::NotSure) => {
                every().for_each(|k| record(k, CheckState::Unknown, Evidence::NotSure { question }))
            }
            Some(Answer::Skipped) => {
                every().for_each(|k| record(k, CheckState::Unknown, Evidence::Skipped { question }))
            }
            Some(Answer::Chose(chosen)) => {
                for (oi, o) in q.options.iter().enumerate() {
                    let option = oi as u32;
                    let picked = chosen.iter().any(|id| id == o.id);
                    if picked {
                        let evidence = Evidence::Chose { question, option };
                        o.mastered
                            .iter()
                            .for_each(|&k| record(k, CheckState::Mastered, evidence));
                        o.partial
                            .iter()
                            .for_each(|&k| record(k, CheckState::Partial, evidence));
                        o.missing
                            .iter()
                            .for_each(|&k| record(k, CheckState::Missing, evidence));
                    } else if q.kind == QuestionKind::Multi {
                        let evidence = Evidence::LeftOut { question, option };
                        o.mastered
                            .iter()
                            .chain(o.partial)
                            .for_each(|&k| record(k, CheckState::Missing, evidence));
                    }
                }
            }
        }
    }
    results
}

/// Mastery as a percentage, overall and per program.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Score {
    pub overall: u32,
    /// One entry per program: percentage of its checkpoints mastered (partial counts half).
    pub programs: Vec<u32>,
    pub mastered: usize,
    pub partial: usize,
    pub missing: usize,
    pub unknown: usize,
}

pub fn score(c: &Curriculum, results: &[CheckpointResult]) -> Score {
    let percent = |points: u32, count: u32| {
        if count == 0 {
            0
        } else {
            (points * 100 + count) / (count * 2)
        }
    };
    let mut per_program = vec![(0u32, 0u32); c.programs.len()];
    for (k, r) in results.iter().enumerate() {
        let p = &mut per_program[usize::from(c.checkpoints[k].program)];
        p.0 += r.state.half_points();
        p.1 += 1;
    }
    let total: u32 = results.iter().map(|r| r.state.half_points()).sum();
    let count_of = |s: CheckState| results.iter().filter(|r| r.state == s).count();
    Score {
        overall: percent(total, results.len() as u32),
        programs: per_program
            .into_iter()
            .map(|(p, n)| percent(p, n))
            .collect(),
        mastered: count_of(CheckState::Mastered),
        partial: count_of(CheckState::Partial),
        missing: count_of(CheckState::Missing),
        unknown: count_of(CheckState::Unknown),
    }
}
