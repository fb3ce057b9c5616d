//! Full-text search over the curriculum. The index is built by the content compiler and
//! compiled in: terms are stored as 32-bit hashes, so text that is locked is searchable
//! without being readable, and its matches only count for learners who can read it.

use crate::curriculum::{Curriculum, LessonDetails, LessonIx};

/// Words too common to help a search.
const STOPWORDS: [&str; 60] = [
    "the", "and", "for", "are", "but", "not", "you", "your", "with", "this", "that", "from",
    "they", "have", "has", "was", "were", "will", "can", "its", "it's", "into", "than", "then",
    "them", "their", "there", "what", "when", "which", "who", "how", "why", "all", "any", "each",
    "more", "most", "some", "such", "only", "own", "same", "too", "very", "just", "one", "per",
    "our", "out", "over", "also", "about", "a", "an", "of", "to", "in", "on", "is",
];

/// Splits text into lowercase search words (letters and digits; apostrophes dropped).
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .map(|w| w.trim_matches('\'').to_lowercase().replace('\'', ""))
        .filter(|w| w.chars().count() >= 2)
}

/// Folds simple English plurals so "margins" finds "margin".
pub fn stem(word: &str) -> &str {
    if word.len() > 4 && word.ends_with('s') && !word.ends_with("ss") {
        &word[..word.len() - 1]
    } else {
        word
    }
}

/// Search words of a text, stemmed, without stopwords.
pub fn terms(text: &str) -> impl Iterator<Item = String> + '_ {
    words(text)
        .filter(|w| !STOPWORDS.contains(&w.as_str()))
        .map(|w| stem(&w).to_string())
}

/// FNV-1a, 32 bits.
pub fn hash(term: &str) -> u32 {
    term.bytes().fold(0x811c_9dc5u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// Where a term occurs, and how much that counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Posting {
    pub lesson: u16,
    pub weight: u16,
    /// The occurrence is in a masterclass that needs a plan: it counts only for learners
    /// who can read that masterclass.
    pub locked: bool,
}

/// Field weights: a word in a title says more than one in a body.
pub const TITLE: u16 = 12;
pub const SUMMARY: u16 = 6;
pub const CHECKPOINT: u16 = 5;
pub const QUESTION: u16 = 3;
pub const BODY: u16 = 1;
/// One field adds at most this many times its weight, so long bodies do not drown titles.
const MAX_REPEATS: u16 = 4;

/// The index: sorted term hashes; the postings of term `i` are
/// `postings[offsets[i]..offsets[i + 1]]`, each packed by [`Posting::pack`]. It ships as a
/// file of its own, loaded when the learner first searches.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct SearchIndex {
    pub terms: Vec<u32>,
    pub offsets: Vec<u32>,
    pub postings: Vec<u32>,
}

impl Posting {
    /// Lesson in the high 16 bits, weight in the next 15, locked in the lowest.
    pub fn pack(self) -> u32 {
        u32::from(self.lesson) << 16
            | u32::from(self.weight.min(0x7fff)) << 1
            | u32::from(self.locked)
    }

    pub fn unpack(packed: u32) -> Posting {
        Posting {
            lesson: (packed >> 16) as u16,
            weight: (packed >> 1 & 0x7fff) as u16,
            locked: packed & 1 == 1,
        }
    }
}

impl SearchIndex {
    /// From [`build`]'s output.
    pub fn new(built: &[(u32, Vec<Posting>)]) -> SearchIndex {
        let mut index = SearchIndex {
            offsets: vec![0],
            ..SearchIndex::default()
        };
        for (term, list) in built {
            index.terms.push(*term);
            index.postings.extend(list.iter().map(|p| p.pack()));
            index.offsets.push(index.postings.len() as u32);
        }
        index
    }

    /// The file format: little-endian u32s, the term count, the posting count, then the
    /// terms, the offsets and the postings.
    pub fn to_bytes(&self) -> Vec<u8> {
        let head = [self.terms.len() as u32, self.postings.len() as u32];
        head.iter()
            .chain(&self.terms)
            .chain(&self.offsets)
            .chain(&self.postings)
            .flat_map(|n| n.to_le_bytes())
            .collect()
    }

    /// Reads [`SearchIndex::to_bytes`]; `None` for a damaged or truncated file.
    pub fn from_bytes(bytes: &[u8]) -> Option<SearchIndex> {
        if !bytes.len().is_multiple_of(4) {
            return None;
        }
        let words: Vec<u32> = bytes
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        let (&terms, &postings) = (words.first()?, words.get(1)?);
        let (terms, postings) = (terms as usize, postings as usize);
        if words.len() != 2 + terms + (terms + 1) + postings {
            return None;
        }
        let index = SearchIndex {
            terms: words[2..2 + terms].to_vec(),
            offsets: words[2 + terms..3 + 2 * terms].to_vec(),
            postings: words[3 + 2 * terms..].to_vec(),
        };
        let sorted = index.terms.windows(2).all(|w| w[0] < w[1]);
        let ordered = index.offsets.windows(2).all(|w| w[0] <= w[1]);
        let bounded =
            index.offsets.first() == Some(&0) && index.offsets.last() == Some(&(postings as u32));
        (sorted && ordered && bounded).then_some(index)
    }

    fn postings_of(&self, term: usize) -> impl Iterator<Item = Posting> + '_ {
        let (from, to) = (self.offsets[term] as usize, self.offsets[term + 1] as usize);
        self.postings[from..to].iter().map(|&p| Posting::unpack(p))
    }
}

/// Builds an index from (lesson, weight, locked, text) entries. Used at build time.
pub fn build(entries: &[(u16, u16, bool, String)]) -> Vec<(u32, Vec<Posting>)> {
    use std::collections::BTreeMap;
    // Term hash -> (lesson, locked) -> summed weight.
    type Weights = BTreeMap<(u16, bool), u16>;
    let mut map: BTreeMap<u32, Weights> = BTreeMap::new();
    for (lesson, weight, locked, text) in entries {
        let mut counts: BTreeMap<u32, u16> = BTreeMap::new();
        for term in terms(text) {
            *counts.entry(hash(&term)).or_default() += 1;
        }
        for (h, n) in counts {
            let slot = map
                .entry(h)
                .or_default()
                .entry((*lesson, *locked))
                .or_default();
            *slot = slot.saturating_add(weight * n.min(MAX_REPEATS));
        }
    }
    map.into_iter()
        .map(|(h, lessons)| {
            let postings = lessons
                .into_iter()
                .map(|((lesson, locked), weight)| Posting {
                    lesson,
                    weight,
                    locked,
                })
                .collect();
            (h, postings)
        })
        .collect()
}

/// One result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub lesson: LessonIx,
    pub score: u32,
}

/// Lessons matching every word of the query, best first. The last word also matches as
/// the start of a title or summary word, so results come while it is being typed.
/// `can_read(plan)` says whether locked occurrences count for this learner.
pub fn search(
    c: &Curriculum,
    index: &SearchIndex,
    query: &str,
    can_read: impl Fn(usize) -> bool,
) -> Vec<Hit> {
    let query_words: Vec<String> = words(query)
        .filter(|w| !STOPWORDS.contains(&w.as_str()))
        .collect();
    if query_words.is_empty() {
        return Vec::new();
    }
    let mut scores = vec![0u32; c.lessons.len()];
    let mut matched = vec![0usize; c.lessons.len()];
    for (i, word) in query_words.iter().enumerate() {
        let last = i + 1 == query_words.len();
        let mut this = vec![0u32; c.lessons.len()];
        if let Ok(at) = index.terms.binary_search(&hash(stem(word))) {
            for p in index.postings_of(at) {
                let lesson = usize::from(p.lesson);
                if !p.locked || can_read(usize::from(c.lessons[lesson].plan)) {
                    this[lesson] += u32::from(p.weight);
                }
            }
        }
        if last && word.chars().count() >= 2 {
            for (l, lesson) in c.lessons.iter().enumerate() {
                let starts = |text: &str| words(text).any(|w| w.starts_with(word.as_str()));
                if starts(lesson.title) {
                    this[l] += u32::from(TITLE);
                } else if starts(lesson.summary) {
                    this[l] += u32::from(SUMMARY);
                }
            }
        }
        for l in 0..c.lessons.len() {
            if this[l] > 0 {
                scores[l] += this[l];
                matched[l] += 1;
            }
        }
    }
    let mut hits: Vec<Hit> = (0..c.lessons.len())
        .filter(|&l| matched[l] == query_words.len())
        .map(|l| Hit {
            lesson: l as LessonIx,
            score: scores[l],
        })
        .collect();
    hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.lesson.cmp(&b.lesson)));
    hits
}

/// Splits text into (piece, highlighted) runs, highlighting words that match the query
/// (the last query word also as a prefix).
pub fn highlight(text: &str, query: &str) -> Vec<(String, bool)> {
    let query_words: Vec<String> = words(query)
        .filter(|w| !STOPWORDS.contains(&w.as_str()))
        .collect();
    let last = query_words.last().cloned().unwrap_or_default();
    let hit = |word: &str| {
        let w = word.to_lowercase();
        query_words.iter().any(|q| stem(&w) == stem(q))
            || (!last.is_empty() && w.starts_with(&last))
    };
    let mut out: Vec<(String, bool)> = Vec::new();
    let mut word = String::new();
    let push = |piece: String, marked: bool, out: &mut Vec<(String, bool)>| match out.last_mut() {
        Some((prev, m)) if *m == marked => prev.push_str(&piece),
        _ => out.push((piece, marked)),
    };
    for ch in text.chars() {
        if ch.is_alphanumeric() {
            word.push(ch);
        } else {
            if !word.is_empty() {
                let marked = hit(&word);
                push(std::mem::take(&mut word), marked, &mut out);
            }
            push(ch.to_string(), false, &mut out);
        }
    }
    if !word.is_empty() {
        let marked = hit(&word);
        push(word, marked, &mut out);
    }
    out
}

/// Seeded questions related to a text being typed: (lesson, question index), best first,
/// those of `lesson` before the rest of the curriculum. `details` are the curriculum's
/// lessons' details, indexed like its lessons.
pub fn related_questions(
    details: &[LessonDetails],
    lesson: LessonIx,
    text: &str,
    limit: usize,
) -> Vec<(LessonIx, usize)> {
    let wanted: Vec<String> = terms(text).collect();
    if wanted.is_empty() {
        return Vec::new();
    }
    let mut scored: Vec<(u32, bool, LessonIx, usize)> = Vec::new();
    for (l, les) in details.iter().enumerate() {
        for (q, question) in les.questions.iter().enumerate() {
            let have: Vec<String> = terms(question).collect();
            let score = wanted.iter().filter(|w| have.contains(w)).count() as u32;
            if score > 0 {
                scored.push((score, l as LessonIx == lesson, l as LessonIx, q));
            }
        }
    }
    scored.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then(b.0.cmp(&a.0))
            .then(a.2.cmp(&b.2))
            .then(a.3.cmp(&b.3))
    });
    scored
        .into_iter()
        .take(limit)
        .map(|(_, _, l, q)| (l, q))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_terms_and_highlights() {
        assert_eq!(
            words("Break-even ROAS, it's 2.5x!").collect::<Vec<_>>(),
            ["break", "even", "roas", "its", "5x"]
        );
        assert_eq!(
            terms("The margins of your orders").collect::<Vec<_>>(),
            ["margin", "order"]
        );
        let marked: Vec<String> = highlight("Contribution margin per order", "margins contri")
            .into_iter()
            .filter(|(_, m)| *m)
            .map(|(t, _)| t)
            .collect();
        assert_eq!(marked, ["Contribution", "margin"]);
    }

    #[test]
    fn index_weights_fields_and_caps_repeats() {
        let built = build(&[
            (0, TITLE, false, "Margin".into()),
            (
                1,
                BODY,
                false,
                "margin margin margin margin margin margin".into(),
            ),
            (1, BODY, true, "secret".into()),
        ]);
        let margin = built.iter().find(|(h, _)| *h == hash("margin")).unwrap();
        assert_eq!(
            margin.1,
            vec![
                Posting {
                    lesson: 0,
                    weight: TITLE,
                    locked: false
                },
                Posting {
                    lesson: 1,
                    weight: 4,
                    locked: false
                }
            ]
        );
        let secret = built.iter().find(|(h, _)| *h == hash("secret")).unwrap();
        assert!(secret.1[0].locked);
    }

    #[test]
    fn the_index_file_round_trips_and_damage_is_refused() {
        let built = build(&[
            (0, TITLE, false, "Contribution margin".into()),
            (1, BODY, true, "Break-even ROAS".into()),
        ]);
        let index = SearchIndex::new(&built);
        let bytes = index.to_bytes();
        assert_eq!(SearchIndex::from_bytes(&bytes), Some(index));
        assert_eq!(SearchIndex::from_bytes(&bytes[..bytes.len() - 4]), None);
        assert_eq!(SearchIndex::from_bytes(&bytes[..3]), None);
        assert_eq!(SearchIndex::from_bytes(b"<!DOCTYPE html>\n"), None);
        assert_eq!(SearchIndex::from_bytes(&[]), None);
    }
}
