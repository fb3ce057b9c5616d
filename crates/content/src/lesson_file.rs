//! Splits a lesson file into its front matter, preview, masterclass and answered questions.

#[derive(Debug)]
pub struct LessonFile<'a> {
    pub front_matter: &'a str,
    pub preview: Option<&'a str>,
    pub masterclass: Option<&'a str>,
    /// (question, answer Markdown) pairs.
    pub questions: Vec<(String, String)>,
}

pub fn split(text: &str) -> Result<LessonFile<'_>, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let rest = text
        .strip_prefix("+++\n")
        .or_else(|| text.strip_prefix("+++\r\n"))
        .ok_or("the file must start with a `+++` line opening the front matter")?;
    let end = rest
        .find("\n+++")
        .ok_or("the front matter is not closed by a `+++` line")?;
    let front_matter = &rest[..end];
    let after = &rest[end + 4..];
    let after = after.split_once('\n').map(|(_, body)| body).unwrap_or("");

    let mut file = LessonFile {
        front_matter,
        preview: None,
        masterclass: None,
        questions: Vec::new(),
    };
    let mut sections: Vec<(&str, usize, usize)> = Vec::new();
    let mut offset = 0;
    for line in after.split_inclusive('\n') {
        if let Some(name) = line.trim_end().strip_prefix("=== ") {
            if let Some(last) = sections.last_mut() {
                last.2 = offset;
            }
            sections.push((name.trim(), offset + line.len(), after.len()));
        } else if sections.is_empty() && !line.trim().is_empty() {
            return Err("text after the front matter must start with a `=== preview` line".into());
        }
        offset += line.len();
    }
    let mut seen = Vec::new();
    for (name, start, end) in sections {
        if seen.contains(&name) {
            return Err(format!("the `=== {name}` section appears twice"));
        }
        seen.push(name);
        let body = &after[start..end];
        match name {
            "preview" => file.preview = Some(body),
            "masterclass" => file.masterclass = Some(body),
            "questions" => file.questions = questions(body)?,
            other => {
                return Err(format!(
                    "unknown section `=== {other}`: use preview, masterclass or questions"
                ))
            }
        }
    }
    Ok(file)
}

fn questions(body: &str) -> Result<Vec<(String, String)>, String> {
    let mut out: Vec<(String, String)> = Vec::new();
    // Lines go to the question until `A:` starts its answer.
    let mut in_answer = false;
    for line in body.lines() {
        if let Some(q) = line.strip_prefix("Q:") {
            out.push((q.trim().to_string(), String::new()));
            in_answer = false;
        } else if let Some(a) = line.strip_prefix("A:") {
            let Some(last) = out.last_mut() else {
                return Err("an `A:` answer comes before any `Q:` question".into());
            };
            if in_answer {
                return Err(format!("the question \"{}\" has two `A:` lines", last.0));
            }
            last.1.push_str(a.trim_start());
            last.1.push('\n');
            in_answer = true;
        } else if let Some(last) = out.last_mut() {
            if in_answer {
                last.1.push_str(line);
                last.1.push('\n');
            } else if !line.trim().is_empty() {
                last.0.push(' ');
                last.0.push_str(line.trim());
            }
        } else if !line.trim().is_empty() {
            return Err("the questions section must start with a `Q:` line".into());
        }
    }
    for (q, a) in &out {
        if q.is_empty() {
            return Err("a `Q:` line has no question".into());
        }
        if a.trim().is_empty() {
            return Err(format!("the question \"{q}\" has no `A:` answer"));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_sections_and_questions() {
        let file = split("+++\nid = \"x\"\n+++\n=== preview\nHello.\n=== masterclass\nBody.\n=== questions\nQ: Why?\nA: Because.\n\nMore.\nQ: How\nlong?\nA: Short.\n").unwrap();
        assert_eq!(file.front_matter, "id = \"x\"");
        assert_eq!(file.preview, Some("Hello.\n"));
        assert_eq!(file.masterclass, Some("Body.\n"));
        assert_eq!(file.questions.len(), 2);
        assert_eq!(file.questions[0].1, "Because.\n\nMore.\n");
        assert_eq!(file.questions[1].0, "How long?");
    }

    #[test]
    fn refuses_missing_front_matter_and_unknown_sections() {
        assert!(split("=== preview\nx").is_err());
        assert!(split("+++\nid=1\n+++\n=== intro\nx\n")
            .unwrap_err()
            .contains("unknown section"));
        assert!(split("+++\nid=1\n+++\n=== questions\nQ: a?\n")
            .unwrap_err()
            .contains("no `A:`"));
    }
}
