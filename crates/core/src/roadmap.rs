//! The gap analysis and the roadmap built from it.
//!
//! The ordering rule, also stated in the README:
//! 1. Every lesson that teaches a checkpoint the learner has not mastered is a roadmap
//!    lesson, unless it is already completed.
//! 2. Its impact is the sum, over those gap checkpoints, of 3 for a missing one, 2 for one
//!    the learner was not sure about or skipped, and 1 for one partly in place or one whose
//!    question did not apply to the store (retention before launch, say).
//! 3. Prerequisites that are not completed and whose checkpoints are not all mastered join
//!    the roadmap, and carry the highest impact of any lesson that needs them.
//! 4. Lessons are taken highest impact first (ties: curriculum order), but never before
//!    their prerequisites: each step takes the highest-impact lesson whose prerequisites
//!    are all done or already placed.
//! 5. The remaining lessons are laid end to end at the learner's hours per week; a lesson's
//!    week is the week its first minute falls in; phases are blocks of four weeks.

use crate::curriculum::{CheckpointIx, Curriculum, LessonIx};
use crate::diagnostic::{CheckState, CheckpointResult, Evidence};
use crate::progress::Progress;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// Weeks per phase of the roadmap.
pub const WEEKS_PER_PHASE: u32 = 4;

/// The weight of a gap in the impact sum.
pub fn gap_weight(state: CheckState) -> u32 {
    match state {
        CheckState::Missing => 3,
        CheckState::Unknown => 2,
        CheckState::Partial => 1,
        CheckState::Mastered => 0,
    }
}

/// The weight of a checkpoint's result: a gap from a question that was not asked (it does
/// not apply to the store yet, such as retention before launch) weighs 1, like a partial one.
pub fn result_weight(result: &CheckpointResult) -> u32 {
    match result.evidence {
        Some(Evidence::NotAsked { .. }) if result.state != CheckState::Mastered => 1,
        _ => gap_weight(result.state),
    }
}

/// Mastered checkpoints, gaps, and the lessons that close the gaps.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GapReport {
    pub mastered: Vec<CheckpointIx>,
    /// Checkpoints not mastered, heaviest gap first (ties: curriculum order).
    pub gaps: Vec<CheckpointIx>,
    /// Lessons that teach at least one gap, in curriculum order.
    pub missing_lessons: Vec<LessonIx>,
}

pub fn gap_report(c: &Curriculum, results: &[CheckpointResult]) -> GapReport {
    let mastered: Vec<CheckpointIx> = (0..results.len())
        .filter(|&k| results[k].state == CheckState::Mastered)
        .map(|k| k as CheckpointIx)
        .collect();
    let mut gaps: Vec<CheckpointIx> = (0..results.len())
        .filter(|&k| results[k].state != CheckState::Mastered)
        .map(|k| k as CheckpointIx)
        .collect();
    gaps.sort_by_key(|&k| (Reverse(result_weight(&results[k as usize])), k));
    let missing_lessons = (0..c.lessons.len())
        .filter(|&l| {
            c.lessons[l]
                .checkpoints
                .iter()
                .any(|&k| results[k as usize].state != CheckState::Mastered)
        })
        .map(|l| l as LessonIx)
        .collect();
    GapReport {
        mastered,
        gaps,
        missing_lessons,
    }
}

/// Why a lesson is on the roadmap.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Reason {
    /// It teaches a checkpoint that is not mastered, because of this answer.
    Gap {
        checkpoint: CheckpointIx,
        state: CheckState,
        evidence: Option<Evidence>,
    },
    /// A roadmap lesson needs it first.
    Prerequisite { of: LessonIx },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoadmapItem {
    pub lesson: LessonIx,
    pub impact: u32,
    pub reasons: Vec<Reason>,
    pub done: bool,
    /// Zero-based study week, counted from the roadmap's start; `None` when done.
    pub week: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Roadmap {
    /// Lessons in study order: done ones keep their place, so progress shows in context.
    pub items: Vec<RoadmapItem>,
    pub minutes_per_week: u32,
    pub remaining_minutes: u32,
    /// Weeks needed for what remains (0 when everything is done).
    pub weeks: u32,
}

impl Roadmap {
    pub fn done(&self) -> usize {
        self.items.iter().filter(|i| i.done).count()
    }

    /// Phases as (phase number from 0, indices into `items` of its remaining lessons).
    pub fn phases(&self) -> Vec<(u32, Vec<usize>)> {
        let mut phases: Vec<(u32, Vec<usize>)> = Vec::new();
        for (i, item) in self.items.iter().enumerate() {
            if let Some(week) = item.week {
                let phase = week / WEEKS_PER_PHASE;
                match phases.last_mut() {
                    Some((p, items)) if *p == phase => items.push(i),
                    _ => phases.push((phase, vec![i])),
                }
            }
        }
        phases
    }
}

/// Builds the roadmap. `minutes_per_week` is clamped to at least 15.
pub fn plan(
    c: &Curriculum,
    results: &[CheckpointResult],
    progress: &Progress,
    minutes_per_week: u32,
) -> Roadmap {
    let minutes_per_week = minutes_per_week.max(15);
    let n = c.lessons.len();
    let done = |l: usize| progress.is_complete(c.lessons[l].id);
    let gap = |k: CheckpointIx| results[k as usize].state != CheckState::Mastered;

    // 1-2. Lessons that teach gaps, with their impact and reasons.
    let mut impact = vec![0u32; n];
    let mut reasons: Vec<Vec<Reason>> = vec![Vec::new(); n];
    let mut included = vec![false; n];
    for l in 0..n {
        for &k in c.lessons[l].checkpoints.iter().filter(|&&k| gap(k)) {
            let r = results[k as usize];
            impact[l] += result_weight(&r);
            reasons[l].push(Reason::Gap {
                checkpoint: k,
                state: r.state,
                evidence: r.evidence,
            });
            included[l] = true;
        }
    }
    // A lesson whose gaps are all closed by completion stays in, shown as done.

    // 3. Unmet prerequisites join, inheriting the highest impact that needs them. Lessons
    // only depend on acyclic prerequisites (the content compiler checks), so propagate in
    // order of decreasing impact with a work list.
    let mut stack: Vec<usize> = (0..n).filter(|&l| included[l] && !done(l)).collect();
    let mut effective = impact.clone();
    while let Some(l) = stack.pop() {
        for &p in c.lessons[l].prerequisites {
            let p = p as usize;
            let met = done(p) || c.lessons[p].checkpoints.iter().all(|&k| !gap(k));
            if met {
                continue;
            }
            let reason = Reason::Prerequisite { of: l as LessonIx };
            if !reasons[p].contains(&reason) {
                reasons[p].push(reason);
            }
            let newly = !included[p];
            included[p] = true;
            if newly || effective[l] > effective[p] {
                effective[p] = effective[p].max(effective[l]);
                stack.push(p);
            }
        }
    }

    // 4. Highest impact first, prerequisites before the lessons that need them.
    let mut waiting = vec![0u32; n];
    let mut dependents: Vec<Vec<usize>> = vec![Vec::new(); n];
    for l in (0..n).filter(|&l| included[l]) {
        for &p in c.lessons[l].prerequisites {
            let p = p as usize;
            if included[p] {
                waiting[l] += 1;
                dependents[p].push(l);
            }
        }
    }
    let mut ready: BinaryHeap<(u32, Reverse<usize>)> = (0..n)
        .filter(|&l| included[l] && waiting[l] == 0)
        .map(|l| (effective[l], Reverse(l)))
        .collect();
    let mut order = Vec::new();
    while let Some((_, Reverse(l))) = ready.pop() {
        order.push(l);
        for &d in &dependents[l] {
            waiting[d] -= 1;
            if waiting[d] == 0 {
                ready.push((effective[d], Reverse(d)));
            }
        }
    }

    // 5. Weeks at the learner's pace.
    let mut elapsed = 0u32;
    let mut items = Vec::with_capacity(order.len());
    for l in order {
        let is_done = done(l);
        let week = (!is_done).then(|| elapsed / minutes_per_week);
        if !is_done {
            elapsed += u32::from(c.lessons[l].minutes);
        }
        items.push(RoadmapItem {
            lesson: l as LessonIx,
            impact: effective[l],
            reasons: std::mem::take(&mut reasons[l]),
            done: is_done,
            week,
        });
    }
    Roadmap {
        items,
        minutes_per_week,
        remaining_minutes: elapsed,
        weeks: elapsed.div_ceil(minutes_per_week),
    }
}
