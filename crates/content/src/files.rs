//! The shapes of the data files as authors write them, before anything is resolved.

use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CurriculumFile {
    pub programs: Vec<String>,
    pub difficulties: Vec<NamedFile>,
    pub paths: Vec<NamedFile>,
    pub plans: Vec<PlanFile>,
    pub facts: Vec<String>,
    /// The id of the lesson Home shows as a place to start.
    #[serde(default)]
    pub featured: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NamedFile {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanFile {
    pub id: String,
    pub name: String,
    pub description: String,
    #[serde(default)]
    pub includes: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgramFile {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub missions: Vec<MissionFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MissionFile {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub modules: Vec<ModuleFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModuleFile {
    pub id: String,
    pub title: String,
    pub lessons: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckpointsFile {
    #[serde(default)]
    pub checkpoint: Vec<CheckpointFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckpointFile {
    pub id: String,
    pub program: String,
    pub statement: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionsFile {
    #[serde(default)]
    pub question: Vec<QuestionFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionFile {
    pub id: String,
    #[serde(default)]
    pub program: Option<String>,
    pub kind: String,
    pub prompt: String,
    #[serde(default)]
    pub help: String,
    #[serde(default)]
    pub show_if: Vec<String>,
    #[serde(default)]
    pub skipped_means: Option<String>,
    pub options: Vec<OptionFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptionFile {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub mastered: Vec<String>,
    #[serde(default)]
    pub partial: Vec<String>,
    #[serde(default)]
    pub missing: Vec<String>,
    #[serde(default)]
    pub sets: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub id: String,
    pub title: String,
    pub subtitle: String,
    pub summary: String,
    pub difficulty: String,
    pub path: String,
    pub minutes: u16,
    pub plan: String,
    pub checkpoints: Vec<String>,
    #[serde(default)]
    pub prerequisites: Vec<String>,
    pub objectives: Vec<String>,
}

/// `content/numbers.toml`: every number a lesson was published under.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct NumbersFile {
    #[serde(default)]
    pub numbers: std::collections::BTreeMap<String, String>,
}
