//! The engine on the real curriculum in content/: every checkpoint is assessed, typical
//! learners see at most 30 screens, and their roadmaps differ sensibly.

use academy_content::{load, Rules};
use academy_core::curriculum::Curriculum;
use academy_core::diagnostic::{asked, assess, score, Answer, Answers, CheckState, Evidence};
use academy_core::progress::Progress;
use academy_core::roadmap::{gap_report, plan};
use std::path::Path;
use std::sync::OnceLock;

fn curriculum() -> &'static Curriculum {
    static C: OnceLock<&'static Curriculum> = OnceLock::new();
    C.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
        load(&dir, Rules::default())
            .unwrap_or_else(|p| panic!("{p:?}"))
            .to_core()
    })
}

/// A learner: the profile options chosen, and whether they tick every, some or no practice.
fn answer_as(
    c: &Curriculum,
    stage: &str,
    channel: &str,
    platform: &str,
    tick: impl Fn(usize, usize) -> bool,
) -> Answers {
    let mut answers = Answers::default();
    for (qi, q) in c.questions.iter().enumerate() {
        if !asked(c, &answers).contains(&qi) {
            continue;
        }
        let answer = match q.id {
            "profile-stage" => Answer::Chose(vec![stage.into()]),
            "profile-channel" => Answer::Chose(vec![channel.into()]),
            "profile-platform" => Answer::Chose(vec![platform.into()]),
            _ => Answer::Chose(
                q.options
                    .iter()
                    .enumerate()
                    .filter(|&(i, _)| tick(qi, i))
                    .map(|(_, o)| o.id.to_string())
                    .collect(),
            ),
        };
        answers.set(q, answer);
    }
    answers
}

#[test]
fn every_checkpoint_is_assessed_and_there_are_over_100() {
    let c = curriculum();
    assert!(c.checkpoints.len() >= 100);
    let everything = Answers::default();
    let results = assess(c, &everything);
    assert!(
        results.iter().all(|r| r.evidence.is_some()),
        "a checkpoint no question speaks about"
    );
}

#[test]
fn typical_paths_stay_within_30_screens() {
    let c = curriculum();
    for stage in ["idea", "new", "growing", "scaling"] {
        for channel in ["own-store", "marketplaces", "social", "wholesale"] {
            let answers = answer_as(c, stage, channel, "shopify", |_, _| true);
            let screens = asked(c, &answers).len();
            assert!(screens <= 30, "{stage}/{channel}: {screens} screens");
            assert!(screens >= 10, "{stage}/{channel}: only {screens} screens");
        }
    }
    // A pre-launch store is asked fewer questions than a scaling one.
    let idea = asked(
        c,
        &answer_as(c, "idea", "own-store", "shopify", |_, _| true),
    )
    .len();
    let scaling = asked(
        c,
        &answer_as(c, "scaling", "own-store", "shopify", |_, _| true),
    )
    .len();
    assert!(idea < scaling, "{idea} vs {scaling}");
}

#[test]
fn three_learners_get_sensibly_different_results_and_roadmaps() {
    let c = curriculum();
    let beginner = answer_as(c, "idea", "own-store", "other", |_, _| false);
    let middle = answer_as(c, "growing", "own-store", "shopify", |q, i| {
        (q + i) % 2 == 0
    });
    let expert = answer_as(c, "scaling", "marketplaces", "shopify", |_, _| true);
    let scores: Vec<_> = [&beginner, &middle, &expert]
        .iter()
        .map(|a| score(c, &assess(c, a)).overall)
        .collect();
    assert!(scores[0] < scores[1] && scores[1] < scores[2], "{scores:?}");
    let plans: Vec<_> = [&beginner, &middle, &expert]
        .iter()
        .map(|a| plan(c, &assess(c, a), &Progress::default(), 180))
        .collect();
    assert!(
        plans[0].items.len() > plans[1].items.len() && plans[1].items.len() > plans[2].items.len()
    );
    // The expert ticked everything asked: nothing is missing but what was not asked.
    let expert_results = assess(c, &expert);
    assert!(expert_results
        .iter()
        .all(|r| r.state == CheckState::Mastered
            || matches!(r.evidence, Some(Evidence::NotAsked { .. }))));
    // A pre-launch store's roadmap starts with what applies before launch: the first ten
    // lessons close gaps from questions it was asked, not ones skipped as not yet relevant.
    let beginner_results = assess(c, &beginner);
    for item in plans[0].items.iter().take(10) {
        let lesson = c.lesson(item.lesson);
        let asked_gap = lesson.checkpoints.iter().any(|&k| {
            let r = beginner_results[k as usize];
            r.state != CheckState::Mastered
                && !matches!(r.evidence, Some(Evidence::NotAsked { .. }))
        });
        assert!(
            asked_gap,
            "{} {} is early in a pre-launch roadmap",
            lesson.number, lesson.title
        );
    }
    let report = gap_report(c, &assess(c, &beginner));
    assert!(report.missing_lessons.len() >= 140);
}

/// The files the app fetches, as the build emits them: every lesson's text reads back for
/// its compiled lesson, every sealed masterclass opens with its plan's key and no other,
/// and the search index reads back and finds a lesson.
#[test]
fn every_emitted_file_reads_back_in_the_app_s_formats() {
    use academy_core::access::{open_masterclass, PlanKey};
    use academy_core::search::{search, SearchIndex};
    use academy_core::{LessonText, Masterclass};
    use std::collections::HashMap;
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    let content = load(&dir, Rules::default()).unwrap_or_else(|p| panic!("{p:?}"));
    let secret = academy_content::Secret {
        bytes: b"real curriculum test".to_vec(),
        development: false,
    };
    let (rust, files) = content.to_rust(&secret);
    let files: HashMap<String, Vec<u8>> = files.into_iter().collect();
    let named = |constant: &str| {
        let from = rust
            .split(&format!("{constant}: &str = \""))
            .nth(1)
            .unwrap();
        from[..from.find('"').unwrap()].to_string()
    };
    // The app reads the packed structure, which must say what the compiler read.
    let packed: &'static [u8] =
        Box::leak(files[&named("CURRICULUM_FILE")].clone().into_boxed_slice());
    let c = academy_core::pack::decode(packed).expect("the packed curriculum reads back");
    let native = curriculum();
    assert_eq!(c.lessons.len(), native.lessons.len());
    assert_eq!(c.questions.len(), native.questions.len());
    for (shipped, read) in c.lessons.iter().zip(native.lessons) {
        assert_eq!(
            (shipped.id, shipped.number, shipped.title),
            (read.id, read.number, read.title)
        );
        assert_eq!(shipped.file, read.file);
    }
    // The reading pages' second file: every lesson's details, in the same order.
    let details: &'static [u8] =
        Box::leak(files[&named("DETAILS_FILE")].clone().into_boxed_slice());
    let details = academy_core::pack::decode_details(details, c.lessons.len())
        .expect("the lessons' details read back");
    let lesson = c.find_lesson("8.9.3.2").unwrap().ix as usize;
    assert!(!details[lesson].subtitle.is_empty() && !details[lesson].objectives.is_empty());
    let mut sealed = 0;
    for (lesson, details) in c.lessons.iter().zip(details) {
        let text = LessonText::parse(lesson, details, &files[lesson.file])
            .expect("the lesson text reads back");
        assert!(!text.preview.is_empty());
        if let Some(Masterclass::Sealed(name)) = lesson.masterclass {
            let plan = c.plans[usize::from(lesson.plan)].id;
            let key = PlanKey::derive(&secret.bytes, plan);
            assert!(open_masterclass(lesson, &files[name], |_| Some(key)).is_some());
            let wrong = PlanKey::derive(b"another secret", plan);
            assert!(open_masterclass(lesson, &files[name], |_| Some(wrong)).is_none());
            sealed += 1;
        }
    }
    assert!(sealed > 50, "only {sealed} sealed masterclasses");
    // An access code made with the same secret unlocks its plan against the shipped keys.
    let code = academy_core::access::format_code("pro", &PlanKey::derive(&secret.bytes, "pro"));
    let keys = academy_core::access::unlock(&c, &code).expect("the code unlocks");
    assert!(keys.iter().any(|(plan, _)| c.plans[*plan].id == "pro"));
    let index =
        SearchIndex::from_bytes(&files[&named("SEARCH_FILE")]).expect("the index reads back");
    let hits = search(&c, &index, "quantization", |_| true);
    let lesson = c.find_lesson("8.9.3.2").unwrap().ix;
    assert!(hits.iter().any(|h| h.lesson == lesson));
}
