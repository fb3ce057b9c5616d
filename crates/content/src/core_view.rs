//! The checked content as the core's `Curriculum`, for native tests and benchmarks of the
//! engine on the real curriculum. The data is leaked: it lives as long as the process, as
//! the compiled-in curriculum does in the app.

use crate::{Content, Kind};
use academy_core::curriculum as core;

fn leak<T>(items: Vec<T>) -> &'static [T] {
    Box::leak(items.into_boxed_slice())
}

fn text(s: &str) -> &'static str {
    Box::leak(s.to_string().into_boxed_str())
}

fn ixs(v: &[usize]) -> &'static [u32] {
    leak(v.iter().map(|&i| i as u32).collect())
}

fn small(v: &[usize]) -> &'static [u16] {
    leak(v.iter().map(|&i| i as u16).collect())
}

impl Content {
    /// The lessons' details (subtitle, objectives, seeded questions), indexed like the
    /// lessons of [`Content::to_core`].
    pub fn to_core_details(&self) -> &'static [core::LessonDetails] {
        leak(
            self.lessons
                .iter()
                .map(|l| core::LessonDetails {
                    subtitle: text(&l.subtitle),
                    objectives: leak(l.objectives.iter().map(|o| text(o)).collect()),
                    questions: leak(l.questions.iter().map(|(q, _)| text(q)).collect()),
                })
                .collect(),
        )
    }

    /// The curriculum in the form the app compiles in (bodies stay in their files).
    pub fn to_core(&self) -> &'static core::Curriculum {
        let programs = self
            .programs
            .iter()
            .map(|p| core::Program {
                id: text(&p.id),
                title: text(&p.title),
                summary: text(&p.summary),
                missions: leak(
                    p.missions
                        .iter()
                        .map(|m| core::Mission {
                            id: text(&m.id),
                            title: text(&m.title),
                            summary: text(&m.summary),
                            modules: leak(
                                m.modules
                                    .iter()
                                    .map(|d| core::Module {
                                        id: text(&d.id),
                                        title: text(&d.title),
                                        lessons: ixs(&d.lessons),
                                    })
                                    .collect(),
                            ),
                        })
                        .collect(),
                ),
            })
            .collect();
        let lessons = self
            .lessons
            .iter()
            .map(|l| core::Lesson {
                id: text(&l.id),
                number: text(&l.number),
                position: l.position,
                title: text(&l.title),
                summary: text(&l.summary),
                difficulty: l.difficulty as u8,
                path: l.path as u8,
                plan: l.plan as u8,
                minutes: l.minutes,
                checkpoints: ixs(&l.checkpoints),
                prerequisites: ixs(&l.prerequisites),
                file: text(&crate::codegen::lesson_text_file(l).0),
                // Natively nothing is fetched, and sealed file names depend on the secret.
                masterclass: l.masterclass.as_ref().map(|_| {
                    if l.plan == 0 {
                        core::Masterclass::Open
                    } else {
                        core::Masterclass::Sealed("")
                    }
                }),
                words: l.words as u32,
            })
            .collect();
        let named = |items: &[crate::Named]| -> &'static [core::Named] {
            leak(
                items
                    .iter()
                    .map(|n| core::Named {
                        id: text(&n.id),
                        name: text(&n.name),
                        description: text(&n.description),
                    })
                    .collect(),
            )
        };
        let questions = self
            .questions
            .iter()
            .map(|q| core::Question {
                id: text(&q.id),
                program: q.program.map(|p| p as u16),
                kind: match q.kind {
                    Kind::Single => core::QuestionKind::Single,
                    Kind::Multi => core::QuestionKind::Multi,
                    Kind::Scale => core::QuestionKind::Scale,
                },
                prompt: text(&q.prompt),
                help: text(&q.help),
                show_if: small(&q.show_if),
                skipped_means: if q.skipped_means_mastered {
                    core::SkippedMeans::Mastered
                } else {
                    core::SkippedMeans::Missing
                },
                options: leak(
                    q.options
                        .iter()
                        .map(|o| core::AnswerOption {
                            id: text(&o.id),
                            label: text(&o.label),
                            mastered: ixs(&o.mastered),
                            partial: ixs(&o.partial),
                            missing: ixs(&o.missing),
                            sets: small(&o.sets),
                        })
                        .collect(),
                ),
            })
            .collect();
        Box::leak(Box::new(core::Curriculum {
            programs: leak(programs),
            lessons: leak(lessons),
            checkpoints: leak(
                self.checkpoints
                    .iter()
                    .map(|k| core::Checkpoint {
                        id: text(&k.id),
                        program: k.program as u16,
                        statement: text(&k.statement),
                    })
                    .collect(),
            ),
            difficulties: named(&self.difficulties),
            paths: named(&self.paths),
            plans: leak(
                self.plans
                    .iter()
                    .map(|p| core::Plan {
                        id: text(&p.id),
                        name: text(&p.name),
                        description: text(&p.description),
                        includes: leak(p.includes.iter().map(|&i| i as u8).collect()),
                        key_check: &[],
                        included_keys: &[],
                    })
                    .collect(),
            ),
            facts: leak(self.facts.iter().map(|f| text(f)).collect()),
            questions: leak(questions),
            moved: leak(
                self.moved
                    .iter()
                    .map(|(n, ix)| (text(n), *ix as u32))
                    .collect(),
            ),
        }))
    }
}
