//! Generated curricula and answers for tests and benchmarks of the engine: any size, with
//! prerequisites, conditional questions and partial options. Leaked, like the real one.

use crate::curriculum::*;
use crate::diagnostic::{Answer, Answers};

fn leak<T>(v: Vec<T>) -> &'static [T] {
    Box::leak(v.into_boxed_slice())
}

fn text(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

/// A curriculum of `lessons` lessons in one program, where lesson `i` teaches checkpoint
/// `i % checkpoints` and needs the lessons in `prereqs[i]` (all earlier, so no cycles).
/// One profile question sets `stage:idea` or `stage:new`; one multi question per group of
/// up to 6 checkpoints, the last group shown only to `stage:new`.
pub fn curriculum(
    lessons: usize,
    checkpoints: usize,
    prereqs: Vec<Vec<u32>>,
    minutes: Vec<u16>,
) -> &'static Curriculum {
    let lesson_list: Vec<Lesson> = (0..lessons)
        .map(|i| Lesson {
            id: text(format!("lesson-{i}")),
            number: text(format!("1.1.1.{}", i + 1)),
            position: [0, 0, 0, i as u16],
            title: "Title",
            summary: "",
            difficulty: 0,
            path: 0,
            plan: 0,
            minutes: minutes.get(i).copied().unwrap_or(10),
            checkpoints: leak(vec![(i % checkpoints) as u32]),
            prerequisites: leak(prereqs.get(i).cloned().unwrap_or_default()),
            file: "",
            masterclass: None,
            words: 0,
        })
        .collect();
    let checkpoint_list: Vec<Checkpoint> = (0..checkpoints)
        .map(|k| Checkpoint {
            id: text(format!("cp-{k}")),
            program: 0,
            statement: "s",
        })
        .collect();
    let mut questions = vec![Question {
        id: "profile",
        program: None,
        kind: QuestionKind::Single,
        prompt: "Stage?",
        help: "",
        show_if: &[],
        skipped_means: SkippedMeans::Missing,
        options: leak(vec![
            AnswerOption {
                id: "idea",
                label: "Idea",
                mastered: &[],
                partial: &[],
                missing: &[],
                sets: &[0],
            },
            AnswerOption {
                id: "new",
                label: "New",
                mastered: &[],
                partial: &[],
                missing: &[],
                sets: &[1],
            },
        ]),
    }];
    let groups: Vec<Vec<u32>> = (0..checkpoints as u32)
        .collect::<Vec<_>>()
        .chunks(6)
        .map(|c| c.to_vec())
        .collect();
    let last = groups.len() - 1;
    for (g, group) in groups.into_iter().enumerate() {
        questions.push(Question {
            id: text(format!("q-{g}")),
            program: Some(0),
            kind: QuestionKind::Multi,
            prompt: "Which?",
            help: "",
            show_if: if g == last && g > 0 { &[1] } else { &[] },
            skipped_means: SkippedMeans::Missing,
            options: leak(
                group
                    .iter()
                    .map(|&k| AnswerOption {
                        id: text(format!("o-{k}")),
                        label: "Option",
                        mastered: if k % 5 == 4 { &[] } else { leak(vec![k]) },
                        partial: if k % 5 == 4 { leak(vec![k]) } else { &[] },
                        missing: &[],
                        sets: &[],
                    })
                    .collect(),
            ),
        });
    }
    Box::leak(Box::new(Curriculum {
        programs: leak(vec![Program {
            id: "p",
            title: "P",
            summary: "",
            missions: leak(vec![Mission {
                id: "m",
                title: "M",
                summary: "",
                modules: leak(vec![Module {
                    id: "d",
                    title: "D",
                    lessons: leak((0..lessons as u32).collect()),
                }]),
            }]),
        }]),
        lessons: leak(lesson_list),
        checkpoints: leak(checkpoint_list),
        difficulties: leak(vec![Named {
            id: "beginner",
            name: "Beginner",
            description: "",
        }]),
        paths: leak(vec![Named {
            id: "lab",
            name: "Lab",
            description: "",
        }]),
        plans: leak(vec![Plan {
            id: "free",
            name: "Free",
            description: "",
            includes: &[],
            key_check: &[],
            included_keys: &[],
        }]),
        facts: &["stage:idea", "stage:new"],
        questions: leak(questions),
        moved: &[],
    }))
}

/// Answers: the profile, then for each question the options at `ticks` (by bit), or not
/// sure / skipped.
pub fn answer_all(c: &Curriculum, stage_new: bool, ticks: &[u8]) -> Answers {
    let mut answers = Answers::default();
    answers.set(
        &c.questions[0],
        Answer::Chose(vec![if stage_new { "new" } else { "idea" }.to_string()]),
    );
    for (i, q) in c.questions.iter().enumerate().skip(1) {
        let t = ticks.get(i).copied().unwrap_or(0);
        let answer = match t % 8 {
            6 => Answer::NotSure,
            7 => Answer::Skipped,
            _ => Answer::Chose(
                q.options
                    .iter()
                    .enumerate()
                    .filter(|(j, _)| (t >> (j % 8)) & 1 == 1)
                    .map(|(_, o)| o.id.to_string())
                    .collect(),
            ),
        };
        answers.set(q, answer);
    }
    answers
}
