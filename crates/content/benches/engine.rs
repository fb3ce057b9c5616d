//! Benchmark of the diagnostic engine: scoring (assess + score + gap report) and roadmap
//! planning, on the real curriculum and on generated curricula of 1k, 10k and 100k lessons.
//! Reports the median of repeated runs and how cost grows with size; it asserts nothing.
//!
//!   cargo bench -p academy-content --bench engine

use academy_content::{load, Rules};
use academy_core::curriculum::Curriculum;
use academy_core::diagnostic::{assess, score, Answers};
use academy_core::progress::Progress;
use academy_core::roadmap::{gap_report, plan};
use academy_core::synthetic::{answer_all, curriculum};
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

/// Median time of `f` over enough runs to fill about half a second (at least 5).
fn median(mut f: impl FnMut()) -> Duration {
    let start = Instant::now();
    f();
    let once = start.elapsed().max(Duration::from_nanos(1));
    let runs = (Duration::from_millis(500).as_nanos() / once.as_nanos()).clamp(5, 2_000) as usize;
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn generated(lessons: usize) -> (&'static Curriculum, Answers) {
    // Each lesson needs up to two of the ten lessons before it; a checkpoint per 8 lessons.
    let prereqs = (0..lessons)
        .map(|i| {
            let mut p = Vec::new();
            if i >= 3 && i % 3 != 0 {
                p.push((i - 1 - i % 10 / 3) as u32);
            }
            if i >= 10 && i % 4 == 0 {
                p.push((i - 10) as u32);
            }
            p
        })
        .collect();
    let minutes = (0..lessons).map(|i| 10 + (i % 25) as u16).collect();
    let c = curriculum(lessons, (lessons / 8).max(1), prereqs, minutes);
    let ticks: Vec<u8> = (0..c.questions.len())
        .map(|i| (i * 37 % 251) as u8)
        .collect();
    let answers = answer_all(c, true, &ticks);
    (c, answers)
}

fn main() {
    let real = load(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content"),
        Rules::default(),
    )
    .unwrap_or_else(|p| panic!("{p:?}"))
    .to_core();
    let real_answers = {
        let ticks: Vec<u8> = (0..real.questions.len())
            .map(|i| (i * 37 % 251) as u8)
            .collect();
        let mut a = Answers::default();
        for (i, q) in real.questions.iter().enumerate() {
            let chosen = q
                .options
                .iter()
                .enumerate()
                .filter(|(j, _)| ticks[i] >> (j % 8) & 1 == 1)
                .map(|(_, o)| o.id.to_string());
            let chosen: Vec<String> = if q.program.is_none() {
                q.options.iter().take(1).map(|o| o.id.to_string()).collect()
            } else {
                chosen.collect()
            };
            a.set(q, academy_core::diagnostic::Answer::Chose(chosen));
        }
        a
    };
    let mut cases = vec![("real curriculum".to_string(), real, real_answers)];
    for n in [1_000, 10_000, 100_000] {
        let (c, a) = generated(n);
        cases.push((format!("generated {n}"), c, a));
    }

    println!(
        "{:<18} {:>8} {:>11} {:>12} {:>14} {:>14}",
        "curriculum", "lessons", "checkpoints", "questions", "scoring", "roadmap"
    );
    let mut first: Option<(usize, Duration, Duration)> = None;
    for (name, c, answers) in &cases {
        let scoring = median(|| {
            let results = assess(c, answers);
            black_box(score(c, &results));
            black_box(gap_report(c, &results));
        });
        let results = assess(c, answers);
        let progress = Progress::default();
        let roadmap = median(|| {
            black_box(plan(c, &results, &progress, 180));
        });
        println!(
            "{:<18} {:>8} {:>11} {:>12} {:>14?} {:>14?}",
            name,
            c.lessons.len(),
            c.checkpoints.len(),
            c.questions.len(),
            scoring,
            roadmap
        );
        if name.starts_with("generated") {
            match first {
                None => first = Some((c.lessons.len(), scoring, roadmap)),
                Some((n0, s0, r0)) => println!(
                    "{:<18} {:>8} x{:<10} {:>12} {:>13.1}x {:>13.1}x",
                    "  growth vs 1k",
                    "",
                    c.lessons.len() / n0,
                    "",
                    scoring.as_secs_f64() / s0.as_secs_f64(),
                    roadmap.as_secs_f64() / r0.as_secs_f64()
                ),
            }
        }
    }
}
