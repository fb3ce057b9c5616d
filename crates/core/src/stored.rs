//! What the app keeps in the browser, and how it is versioned: one schema version for every
//! stored part, forward-only migrations from every earlier version, the export file, and how
//! an imported file is checked and merged. Pure: the app's storage layer does the I/O.

use crate::progress::{DiagnosticState, Progress};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

/// The schema version this build writes. Version 1 kept progress as completed lessons only.
pub const SCHEMA: u32 = 2;
/// Largest export file accepted for import.
pub const MAX_IMPORT_BYTES: usize = 2 * 1024 * 1024;
/// Every stored key starts with this.
pub const PREFIX: &str = "storewise.";

/// The stored parts, each under `PREFIX + name`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Part {
    Settings,
    Progress,
    Diagnostic,
    Access,
}

impl Part {
    pub const ALL: [Part; 4] = [
        Part::Settings,
        Part::Progress,
        Part::Diagnostic,
        Part::Access,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Part::Settings => "settings",
            Part::Progress => "progress",
            Part::Diagnostic => "diagnostic",
            Part::Access => "access",
        }
    }

    pub fn key(self) -> String {
        format!("{PREFIX}{}", self.name())
    }

    /// What the learner would call it.
    pub fn label(self) -> &'static str {
        match self {
            Part::Settings => "your settings",
            Part::Progress => "your lesson progress, notes, bookmarks and questions",
            Part::Diagnostic => "your diagnostic answers and results",
            Part::Access => "your unlocked plans",
        }
    }
}

/// The learner's choice of colour theme.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum ThemeChoice {
    /// Follow the device's setting.
    #[default]
    System,
    Light,
    Dark,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    #[serde(default)]
    pub theme: ThemeChoice,
}

/// Unlocked plans: plan id to its key in hex.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Access {
    #[serde(default)]
    pub plans: BTreeMap<String, String>,
}

/// Everything the learner has, as one value.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LearnerData {
    pub settings: Settings,
    pub progress: Progress,
    pub diagnostic: DiagnosticState,
    pub access: Access,
}

/// Why a stored or imported value could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    NotJson,
    /// JSON, but not the fields this part has (the text says which).
    WrongShape(String),
    /// Written by a newer version of the app than this one.
    Newer(u32),
}

impl ReadError {
    pub fn describe(&self) -> String {
        match self {
            ReadError::NotJson => "it is not readable data (it may have been cut off or edited by hand)".into(),
            ReadError::WrongShape(detail) => format!("it does not have the expected fields ({detail})"),
            ReadError::Newer(v) => format!("it was saved by a newer version of the app (data version {v}; this app reads up to {SCHEMA})"),
        }
    }
}

/// Upgrades a stored value of `part`, at any earlier version, to [`SCHEMA`]. Each step
/// moves one version forward; none ever goes back.
pub fn migrate(part: Part, mut value: Value) -> Result<Value, ReadError> {
    let version = value
        .get("v")
        .and_then(Value::as_u64)
        .ok_or_else(|| ReadError::WrongShape("no version number".into()))? as u32;
    if version > SCHEMA {
        return Err(ReadError::Newer(version));
    }
    if version == 0 {
        return Err(ReadError::WrongShape("version 0".into()));
    }
    let object = value
        .as_object_mut()
        .ok_or_else(|| ReadError::WrongShape("not an object".into()))?;
    let mut v = version;
    while v < SCHEMA {
        match (v, part) {
            // 1 -> 2: progress gained bookmarks, notes, the last lesson and questions.
            (1, Part::Progress) => {
                for (field, empty) in [
                    ("bookmarks", json!([])),
                    ("notes", json!({})),
                    ("questions", json!([])),
                ] {
                    object.entry(field).or_insert(empty);
                }
                object.entry("last_opened").or_insert(Value::Null);
            }
            (1, _) => {}
            _ => unreachable!("every version below SCHEMA has a step"),
        }
        v += 1;
    }
    object.insert("v".into(), json!(SCHEMA));
    Ok(value)
}

fn typed<T: serde::de::DeserializeOwned>(value: Value) -> Result<T, ReadError> {
    serde_json::from_value(value).map_err(|e| ReadError::WrongShape(e.to_string()))
}

/// Reads one stored part from its raw text: parse, migrate, check its fields.
pub fn read_part(part: Part, raw: &str) -> Result<Value, ReadError> {
    let value: Value = serde_json::from_str(raw).map_err(|_| ReadError::NotJson)?;
    let value = migrate(part, value)?;
    // Check the shape now, so a wrong value is caught here rather than used.
    match part {
        Part::Settings => typed::<Settings>(value.clone()).map(drop)?,
        Part::Progress => typed::<Progress>(value.clone()).map(drop)?,
        Part::Diagnostic => typed::<DiagnosticState>(value.clone()).map(drop)?,
        Part::Access => typed::<Access>(value.clone()).map(drop)?,
    }
    Ok(value)
}

pub fn settings(value: Value) -> Result<Settings, ReadError> {
    typed(value)
}
pub fn progress(value: Value) -> Result<Progress, ReadError> {
    typed(value)
}
pub fn diagnostic(value: Value) -> Result<DiagnosticState, ReadError> {
    typed(value)
}
pub fn access(value: Value) -> Result<Access, ReadError> {
    typed(value)
}

/// The stored text of a part at the current version.
pub fn write_part<T: Serialize>(value: &T) -> String {
    let mut v = serde_json::to_value(value).expect("stored parts serialise");
    if let Some(object) = v.as_object_mut() {
        object.insert("v".into(), json!(SCHEMA));
    }
    v.to_string()
}

/// The schema version of stored raw text, if it has one.
pub fn version_of(raw: &str) -> Option<u32> {
    serde_json::from_str::<Value>(raw)
        .ok()?
        .get("v")?
        .as_u64()
        .map(|v| v as u32)
}

/// The export file: everything, with the schema version and the day it was made.
pub fn export(data: &LearnerData, day: &str) -> String {
    let part = |v: Value| {
        let mut v = v;
        if let Some(o) = v.as_object_mut() {
            o.insert("v".into(), json!(SCHEMA));
        }
        v
    };
    let mut parts = Map::new();
    parts.insert("settings".into(), part(json!(data.settings)));
    parts.insert("progress".into(), part(json!(data.progress)));
    parts.insert("diagnostic".into(), part(json!(data.diagnostic)));
    parts.insert("access".into(), part(json!(data.access)));
    serde_json::to_string_pretty(
        &json!({"app": "storewise", "schema": SCHEMA, "exported": day, "data": parts}),
    )
    .expect("export serialises")
}

/// Why an import file was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    TooLarge(usize),
    NotJson,
    NotAnExport,
    Newer(u32),
    /// A part has wrong fields: (part, what is wrong).
    WrongFields(&'static str, String),
}

impl ImportError {
    pub fn message(&self) -> String {
        match self {
            ImportError::TooLarge(bytes) => format!("This file is {} KB; an export is at most {} KB. Choose the file this app exported.", bytes / 1024, MAX_IMPORT_BYTES / 1024),
            ImportError::NotJson => "This file is not an export of this app: it is not JSON data. Choose the .json file that “Export” saved.".into(),
            ImportError::NotAnExport => "This JSON file is not an export of this app. Choose the file that “Export” saved.".into(),
            ImportError::Newer(v) => format!("This export was made by a newer version of the app (data version {v}). Reload to get the latest version, then import it again."),
            ImportError::WrongFields(part, detail) => format!("This export is damaged: its {part} do not have the expected fields ({detail}). Nothing was changed."),
        }
    }
}

/// Checks an export file completely; nothing is applied unless everything reads.
pub fn read_export(text: &str) -> Result<LearnerData, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge(text.len()));
    }
    let value: Value = serde_json::from_str(text).map_err(|_| ImportError::NotJson)?;
    if value.get("app").and_then(Value::as_str) != Some("storewise") {
        return Err(ImportError::NotAnExport);
    }
    let schema = value
        .get("schema")
        .and_then(Value::as_u64)
        .ok_or(ImportError::NotAnExport)? as u32;
    if schema > SCHEMA {
        return Err(ImportError::Newer(schema));
    }
    let data = value
        .get("data")
        .and_then(Value::as_object)
        .ok_or(ImportError::NotAnExport)?;
    let get = |part: Part| -> Result<Value, ImportError> {
        let v = data
            .get(part.name())
            .cloned()
            .unwrap_or_else(|| json!({"v": schema}));
        migrate(part, v).map_err(|e| match e {
            ReadError::Newer(v) => ImportError::Newer(v),
            other => ImportError::WrongFields(part.label(), other.describe()),
        })
    };
    let wrong =
        |part: Part| move |e: ReadError| ImportError::WrongFields(part.label(), e.describe());
    Ok(LearnerData {
        settings: settings(get(Part::Settings)?).map_err(wrong(Part::Settings))?,
        progress: progress(get(Part::Progress)?).map_err(wrong(Part::Progress))?,
        diagnostic: diagnostic(get(Part::Diagnostic)?).map_err(wrong(Part::Diagnostic))?,
        access: access(get(Part::Access)?).map_err(wrong(Part::Access))?,
    })
}

/// What an import file holds, for the preview before it is applied.
pub fn summary(data: &LearnerData) -> Vec<String> {
    let p = &data.progress;
    vec![
        format!("{} completed lessons", p.completed.len()),
        format!(
            "{} notes and {} bookmarks",
            p.notes.len(),
            p.bookmarks.len()
        ),
        format!("{} questions you asked", p.questions.len()),
        format!(
            "{} finished diagnostics{}",
            data.diagnostic.attempts.len(),
            if data.diagnostic.in_progress() {
                " and one in progress"
            } else {
                ""
            }
        ),
        format!("{} unlocked plans", data.access.plans.len()),
    ]
}

/// Merges an import into what is here: sets are joined, notes on the same lesson are kept
/// both, questions and diagnostic attempts are joined without duplicates; settings, pace
/// and an in-progress diagnostic stay as they are here unless empty.
pub fn merge(here: &LearnerData, imported: &LearnerData) -> LearnerData {
    let mut out = here.clone();
    let p = &mut out.progress;
    p.completed
        .extend(imported.progress.completed.iter().cloned());
    p.bookmarks
        .extend(imported.progress.bookmarks.iter().cloned());
    for (lesson, note) in &imported.progress.notes {
        match p.notes.get_mut(lesson) {
            Some(mine) if mine != note && !mine.contains(note.as_str()) => {
                mine.push_str("\n\n— imported note —\n");
                mine.push_str(note);
            }
            Some(_) => {}
            None => {
                p.notes.insert(lesson.clone(), note.clone());
            }
        }
    }
    for q in &imported.progress.questions {
        if !p.questions.iter().any(|mine| mine.id == q.id) {
            p.questions.push(q.clone());
        }
    }
    p.questions
        .sort_by(|a, b| a.asked_at.total_cmp(&b.asked_at));
    if p.last_opened.is_none() {
        p.last_opened.clone_from(&imported.progress.last_opened);
    }
    let d = &mut out.diagnostic;
    for a in &imported.diagnostic.attempts {
        if !d
            .attempts
            .iter()
            .any(|mine| mine.day == a.day && mine.answers == a.answers)
        {
            d.attempts.push(a.clone());
        }
    }
    d.attempts.sort_by_key(|a| a.day);
    if !d.in_progress() && imported.diagnostic.in_progress() {
        d.current = imported.diagnostic.current.clone();
        d.position = imported.diagnostic.position;
    }
    for (plan, key) in &imported.access.plans {
        out.access
            .plans
            .entry(plan.clone())
            .or_insert_with(|| key.clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Fixtures of every earlier schema version, kept from the day each was current.
    const FIXTURES: &[(u32, Part, &str)] = &[
        (
            1,
            Part::Settings,
            include_str!("../fixtures/v1/settings.json"),
        ),
        (
            1,
            Part::Progress,
            include_str!("../fixtures/v1/progress.json"),
        ),
        (
            1,
            Part::Diagnostic,
            include_str!("../fixtures/v1/diagnostic.json"),
        ),
        (1, Part::Access, include_str!("../fixtures/v1/access.json")),
    ];

    #[test]
    fn every_earlier_version_migrates_to_the_current_one() {
        for &(version, part, raw) in FIXTURES {
            assert_eq!(version_of(raw), Some(version));
            let value =
                read_part(part, raw).unwrap_or_else(|e| panic!("{part:?} v{version}: {e:?}"));
            assert_eq!(value["v"], json!(SCHEMA));
        }
        let progress = progress(read_part(Part::Progress, FIXTURES[1].2).unwrap()).unwrap();
        assert!(progress.is_complete("finance-landed-cost"));
        assert!(progress.notes.is_empty() && progress.questions.is_empty());
        let diagnostic = diagnostic(read_part(Part::Diagnostic, FIXTURES[2].2).unwrap()).unwrap();
        assert_eq!(diagnostic.attempts.len(), 1);
        assert_eq!(
            settings(read_part(Part::Settings, FIXTURES[0].2).unwrap())
                .unwrap()
                .theme,
            ThemeChoice::Dark
        );
    }

    #[test]
    fn damaged_wrong_and_future_values_are_told_apart() {
        assert_eq!(
            read_part(Part::Progress, "{not json"),
            Err(ReadError::NotJson)
        );
        assert!(matches!(
            read_part(Part::Progress, r#"{"v":2,"completed":"all of them"}"#),
            Err(ReadError::WrongShape(_))
        ));
        assert!(matches!(
            read_part(Part::Progress, r#"{"completed":[]}"#),
            Err(ReadError::WrongShape(_))
        ));
        assert_eq!(
            read_part(Part::Progress, r#"{"v":99,"completed":[]}"#),
            Err(ReadError::Newer(99))
        );
    }

    fn sample() -> LearnerData {
        let mut data = LearnerData::default();
        data.settings.theme = ThemeChoice::Light;
        data.progress.set_complete("a", true);
        data.progress.set_note("a", "mine");
        data.progress.set_bookmark("b", true);
        data.progress.ask("a", "why?", 5.0);
        data.diagnostic.finish(20_000);
        data.access
            .plans
            .insert("core".into(), "00112233445566778899".into());
        data
    }

    #[test]
    fn export_then_import_gives_back_exactly_the_same_data() {
        let data = sample();
        let file = export(&data, "2026-11-27");
        assert_eq!(read_export(&file), Ok(data.clone()));
        assert_eq!(summary(&data)[0], "1 completed lessons");
    }

    #[test]
    fn bad_import_files_are_refused() {
        let good = export(&sample(), "2026-11-27");
        assert_eq!(read_export("hello"), Err(ImportError::NotJson));
        assert_eq!(
            read_export(r#"{"lessons":[]}"#),
            Err(ImportError::NotAnExport)
        );
        assert_eq!(
            read_export(&good.replace("\"schema\": 2", "\"schema\": 7")),
            Err(ImportError::Newer(7))
        );
        assert!(matches!(
            read_export(&good.replace("\"completed\": [", "\"completed\": 3, \"x\": [")),
            Err(ImportError::WrongFields(..))
        ));
        assert!(matches!(
            read_export(&" ".repeat(MAX_IMPORT_BYTES + 1)),
            Err(ImportError::TooLarge(_))
        ));
    }

    #[test]
    fn merge_keeps_both_sides() {
        let here = sample();
        let mut other = LearnerData::default();
        other.progress.set_complete("c", true);
        other.progress.set_note("a", "theirs");
        other.progress.set_note("d", "new");
        other.progress.ask("c", "how?", 1.0);
        other.diagnostic.finish(19_000);
        other
            .access
            .plans
            .insert("pro".into(), "ffeeddccbbaa99887766".into());
        let merged = merge(&here, &other);
        assert!(merged.progress.is_complete("a") && merged.progress.is_complete("c"));
        assert_eq!(
            merged.progress.notes["a"],
            "mine\n\n— imported note —\ntheirs"
        );
        assert_eq!(merged.progress.notes["d"], "new");
        assert_eq!(merged.progress.questions.len(), 2);
        assert_eq!(
            merged
                .diagnostic
                .attempts
                .iter()
                .map(|a| a.day)
                .collect::<Vec<_>>(),
            [19_000, 20_000]
        );
        assert_eq!(merged.access.plans.len(), 2);
        assert_eq!(merged.settings.theme, ThemeChoice::Light);
        // Merging the same file twice changes nothing more.
        assert_eq!(merge(&merged, &other), merged);
    }
}
