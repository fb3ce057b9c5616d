//! The curriculum's structure as one compact file, which the app fetches instead of holding
//! it in its wasm: Home needs none of it, so a first visit does not download it.
//!
//! The format is private to one build (the file name carries a hash of its bytes): a magic
//! tag, then every field in declaration order, integers as LEB128 and text as a length and
//! UTF-8 bytes. Decoding borrows the text from the file's bytes, which the app keeps for the
//! life of the page, so a decoded curriculum has the same `&'static` shape as a compiled-in
//! one and every part of the engine reads it unchanged.

use crate::curriculum::*;

const MAGIC: &[u8; 4] = b"SWC2";
const DETAILS_MAGIC: &[u8; 4] = b"SWD1";

/// Writes a curriculum in the format [`decode`] reads.
pub fn encode(c: &Curriculum) -> Vec<u8> {
    let mut w = Writer(MAGIC.to_vec());
    w.list(c.programs, |w, p| {
        w.text(p.id);
        w.text(p.title);
        w.text(p.summary);
        w.list(p.missions, |w, m| {
            w.text(m.id);
            w.text(m.title);
            w.text(m.summary);
            w.list(m.modules, |w, d| {
                w.text(d.id);
                w.text(d.title);
                w.numbers(d.lessons.iter().map(|&i| u64::from(i)));
            });
        });
    });
    w.list(c.lessons, |w, l| {
        w.text(l.id);
        w.text(l.number);
        w.numbers(l.position.iter().map(|&i| u64::from(i)));
        w.text(l.title);
        w.text(l.summary);
        w.number(u64::from(l.difficulty));
        w.number(u64::from(l.path));
        w.number(u64::from(l.plan));
        w.number(u64::from(l.minutes));
        w.numbers(l.checkpoints.iter().map(|&i| u64::from(i)));
        w.numbers(l.prerequisites.iter().map(|&i| u64::from(i)));
        w.text(l.file);
        match l.masterclass {
            None => w.number(0),
            Some(Masterclass::Open) => w.number(1),
            Some(Masterclass::Sealed(file)) => {
                w.number(2);
                w.text(file);
            }
        }
        w.number(u64::from(l.words));
    });
    w.list(c.checkpoints, |w, k| {
        w.text(k.id);
        w.number(u64::from(k.program));
        w.text(k.statement);
    });
    for named in [c.difficulties, c.paths] {
        w.list(named, |w, n| {
            w.text(n.id);
            w.text(n.name);
            w.text(n.description);
        });
    }
    w.list(c.plans, |w, p| {
        w.text(p.id);
        w.text(p.name);
        w.text(p.description);
        w.bytes(p.includes);
        w.bytes(p.key_check);
        w.list(p.included_keys, |w, k| w.bytes(k));
    });
    w.list(c.facts, |w, f| w.text(f));
    w.list(c.questions, |w, q| {
        w.text(q.id);
        w.number(q.program.map_or(0, |p| u64::from(p) + 1));
        w.number(match q.kind {
            QuestionKind::Single => 0,
            QuestionKind::Multi => 1,
            QuestionKind::Scale => 2,
        });
        w.text(q.prompt);
        w.text(q.help);
        w.numbers(q.show_if.iter().map(|&i| u64::from(i)));
        w.number(match q.skipped_means {
            SkippedMeans::Missing => 0,
            SkippedMeans::Mastered => 1,
        });
        w.list(q.options, |w, o| {
            w.text(o.id);
            w.text(o.label);
            for ixs in [o.mastered, o.partial, o.missing] {
                w.numbers(ixs.iter().map(|&i| u64::from(i)));
            }
            w.numbers(o.sets.iter().map(|&i| u64::from(i)));
        });
    });
    w.list(c.moved, |w, (old, ix)| {
        w.text(old);
        w.number(u64::from(*ix));
    });
    w.0
}

/// Reads a file written by [`encode`]. `None` when the bytes are not a whole, consistent
/// curriculum (a damaged download, or a file from another build): every index in it must
/// point inside the curriculum, since the engine indexes without checking.
pub fn decode(bytes: &'static [u8]) -> Option<Curriculum> {
    let mut r = Reader {
        bytes: bytes.strip_prefix(MAGIC)?,
    };
    let programs = r.list(|r| {
        Some(Program {
            id: r.text()?,
            title: r.text()?,
            summary: r.text()?,
            missions: r.list(|r| {
                Some(Mission {
                    id: r.text()?,
                    title: r.text()?,
                    summary: r.text()?,
                    modules: r.list(|r| {
                        Some(Module {
                            id: r.text()?,
                            title: r.text()?,
                            lessons: r.numbers()?,
                        })
                    })?,
                })
            })?,
        })
    })?;
    let lessons = r.list(|r| {
        Some(Lesson {
            id: r.text()?,
            number: r.text()?,
            position: r.numbers::<u16>()?.try_into().ok()?,
            title: r.text()?,
            summary: r.text()?,
            difficulty: r.number()?,
            path: r.number()?,
            plan: r.number()?,
            minutes: r.number()?,
            checkpoints: r.numbers()?,
            prerequisites: r.numbers()?,
            file: r.text()?,
            masterclass: match r.number::<u8>()? {
                0 => None,
                1 => Some(Masterclass::Open),
                2 => Some(Masterclass::Sealed(r.text()?)),
                _ => return None,
            },
            words: r.number()?,
        })
    })?;
    let checkpoints = r.list(|r| {
        Some(Checkpoint {
            id: r.text()?,
            program: r.number()?,
            statement: r.text()?,
        })
    })?;
    let named = |r: &mut Reader| {
        r.list(|r| {
            Some(Named {
                id: r.text()?,
                name: r.text()?,
                description: r.text()?,
            })
        })
    };
    let difficulties = named(&mut r)?;
    let paths = named(&mut r)?;
    let plans = r.list(|r| {
        Some(Plan {
            id: r.text()?,
            name: r.text()?,
            description: r.text()?,
            includes: r.bytes()?,
            key_check: r.bytes()?,
            included_keys: r.list(Reader::bytes)?,
        })
    })?;
    let facts = r.list(Reader::text)?;
    let questions = r.list(|r| {
        Some(Question {
            id: r.text()?,
            program: match r.number::<u16>()? {
                0 => None,
                p => Some(p - 1),
            },
            kind: match r.number::<u8>()? {
                0 => QuestionKind::Single,
                1 => QuestionKind::Multi,
                2 => QuestionKind::Scale,
                _ => return None,
            },
            prompt: r.text()?,
            help: r.text()?,
            show_if: r.numbers()?,
            skipped_means: match r.number::<u8>()? {
                0 => SkippedMeans::Missing,
                1 => SkippedMeans::Mastered,
                _ => return None,
            },
            options: r.list(|r| {
                Some(AnswerOption {
                    id: r.text()?,
                    label: r.text()?,
                    mastered: r.numbers()?,
                    partial: r.numbers()?,
                    missing: r.numbers()?,
                    sets: r.numbers()?,
                })
            })?,
        })
    })?;
    let moved = r.list(|r| Some((r.text()?, r.number()?)))?;
    let c = Curriculum {
        programs,
        lessons,
        checkpoints,
        difficulties,
        paths,
        plans,
        facts,
        questions,
        moved,
    };
    (r.bytes.is_empty() && consistent(&c)).then_some(c)
}

/// Writes the lessons' details (see [`LessonDetails`]) in the format [`decode_details`]
/// reads: a second file, which only the reading pages fetch.
pub fn encode_details(details: &[LessonDetails]) -> Vec<u8> {
    let mut w = Writer(DETAILS_MAGIC.to_vec());
    w.list(details, |w, d| {
        w.text(d.subtitle);
        w.list(d.objectives, |w, o| w.text(o));
        w.list(d.questions, |w, q| w.text(q));
    });
    w.0
}

/// Reads a file written by [`encode_details`] for a curriculum of `lessons` lessons; `None`
/// when it is damaged or has another number of lessons (a file from another build).
pub fn decode_details(bytes: &'static [u8], lessons: usize) -> Option<&'static [LessonDetails]> {
    let mut r = Reader {
        bytes: bytes.strip_prefix(DETAILS_MAGIC)?,
    };
    let details = r.list(|r| {
        Some(LessonDetails {
            subtitle: r.text()?,
            objectives: r.list(Reader::text)?,
            questions: r.list(Reader::text)?,
        })
    })?;
    (r.bytes.is_empty() && details.len() == lessons).then_some(details)
}

/// Every index points inside the curriculum.
fn consistent(c: &Curriculum) -> bool {
    let lesson = |&i: &LessonIx| (i as usize) < c.lessons.len();
    let checkpoint = |&i: &CheckpointIx| (i as usize) < c.checkpoints.len();
    let fact = |&i: &u16| usize::from(i) < c.facts.len();
    let plan = |i: u8| usize::from(i) < c.plans.len();
    let modules = c.programs.iter().all(|p| {
        p.missions
            .iter()
            .all(|m| m.modules.iter().all(|d| d.lessons.iter().all(lesson)))
    });
    let lessons = c.lessons.iter().all(|l| {
        let [p, m, d, _] = l.position.map(usize::from);
        let placed = c
            .programs
            .get(p)
            .and_then(|p| p.missions.get(m))
            .is_some_and(|m| d < m.modules.len());
        placed
            && usize::from(l.difficulty) < c.difficulties.len()
            && usize::from(l.path) < c.paths.len()
            && plan(l.plan)
            && l.checkpoints.iter().all(checkpoint)
            && l.prerequisites.iter().all(lesson)
    });
    let programs = c.programs.len();
    let checkpoints = c
        .checkpoints
        .iter()
        .all(|k| usize::from(k.program) < programs);
    let plans = c
        .plans
        .iter()
        .all(|p| p.includes.iter().all(|&i| plan(i)) && p.included_keys.len() == p.includes.len());
    let questions = c.questions.iter().all(|q| {
        q.program.is_none_or(|p| usize::from(p) < programs)
            && q.show_if.iter().all(fact)
            && q.options.iter().all(|o| {
                [o.mastered, o.partial, o.missing]
                    .iter()
                    .all(|ixs| ixs.iter().all(checkpoint))
                    && o.sets.iter().all(fact)
            })
    });
    let moved = c.moved.iter().all(|(_, ix)| lesson(ix));
    modules && lessons && checkpoints && plans && questions && moved
}

struct Writer(Vec<u8>);

impl Writer {
    fn number(&mut self, mut n: u64) {
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.0.push(byte);
                return;
            }
            self.0.push(byte | 0x80);
        }
    }

    fn bytes(&mut self, b: &[u8]) {
        self.number(b.len() as u64);
        self.0.extend_from_slice(b);
    }

    fn text(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }

    fn numbers(&mut self, items: impl ExactSizeIterator<Item = u64>) {
        self.number(items.len() as u64);
        for n in items {
            self.number(n);
        }
    }

    fn list<T>(&mut self, items: &[T], mut each: impl FnMut(&mut Writer, &T)) {
        self.number(items.len() as u64);
        for item in items {
            each(self, item);
        }
    }
}

struct Reader {
    bytes: &'static [u8],
}

impl Reader {
    fn number<T: TryFrom<u64>>(&mut self) -> Option<T> {
        let mut n: u64 = 0;
        for shift in (0..64).step_by(7) {
            let (&byte, rest) = self.bytes.split_first()?;
            self.bytes = rest;
            n |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return T::try_from(n).ok();
            }
        }
        None
    }

    fn bytes(&mut self) -> Option<&'static [u8]> {
        let len: usize = self.number()?;
        if len > self.bytes.len() {
            return None;
        }
        let (taken, rest) = self.bytes.split_at(len);
        self.bytes = rest;
        Some(taken)
    }

    fn text(&mut self) -> Option<&'static str> {
        std::str::from_utf8(self.bytes()?).ok()
    }

    /// A length, then that many items. The length is checked against the bytes left (each
    /// item takes at least one), so a damaged length cannot ask for a huge allocation.
    fn list<T>(&mut self, mut each: impl FnMut(&mut Reader) -> Option<T>) -> Option<&'static [T]> {
        let len: usize = self.number()?;
        if len > self.bytes.len() {
            return None;
        }
        let items = (0..len).map(|_| each(self)).collect::<Option<Vec<T>>>()?;
        Some(Box::leak(items.into_boxed_slice()))
    }

    fn numbers<T: TryFrom<u64>>(&mut self) -> Option<&'static [T]> {
        self.list(Reader::number)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn packed() -> (&'static Curriculum, &'static [u8]) {
        let c =
            crate::synthetic::curriculum(6, 3, vec![vec![], vec![0], vec![0, 1]], vec![5, 10, 15]);
        (c, Box::leak(encode(c).into_boxed_slice()))
    }

    #[test]
    fn a_curriculum_reads_back_as_written() {
        let (c, bytes) = packed();
        let read = decode(bytes).expect("decodes");
        assert_eq!(format!("{read:?}"), format!("{c:?}"));
        // And it is the same file when written again.
        assert_eq!(encode(&read), bytes);
    }

    #[test]
    fn a_damaged_or_cut_file_is_refused() {
        let (_, bytes) = packed();
        for len in [0, 3, 4, bytes.len() / 2, bytes.len() - 1] {
            assert!(decode(&bytes[..len]).is_none(), "cut at {len}");
        }
        let mut longer = bytes.to_vec();
        longer.push(0);
        assert!(decode(Box::leak(longer.into_boxed_slice())).is_none());
        let mut other = bytes.to_vec();
        other[0] = b'X';
        assert!(decode(Box::leak(other.into_boxed_slice())).is_none());
    }

    #[test]
    fn an_index_outside_the_curriculum_is_refused() {
        let c = crate::synthetic::curriculum(2, 2, vec![], vec![]);
        let lessons: Vec<Lesson> = c
            .lessons
            .iter()
            .map(|l| Lesson {
                masterclass: None,
                prerequisites: &[9_999],
                ..*l
            })
            .collect();
        let broken = Curriculum {
            lessons: Box::leak(lessons.into_boxed_slice()),
            ..*c
        };
        let bytes = Box::leak(encode(&broken).into_boxed_slice());
        assert!(decode(bytes).is_none());
    }

    fn details() -> Vec<LessonDetails> {
        vec![
            LessonDetails {
                subtitle: "Why the numbers disagree",
                objectives: &["Reconcile two reports", "Name the gap"],
                questions: &["Which report is right?"],
            },
            LessonDetails {
                subtitle: "",
                objectives: &[],
                questions: &[],
            },
        ]
    }

    #[test]
    fn details_read_back_as_written() {
        let written = details();
        let bytes = Box::leak(encode_details(&written).into_boxed_slice());
        let read = decode_details(bytes, 2).expect("decodes");
        assert_eq!(format!("{read:?}"), format!("{written:?}"));
    }

    #[test]
    fn details_for_another_curriculum_or_damaged_are_refused() {
        let bytes: &'static [u8] = Box::leak(encode_details(&details()).into_boxed_slice());
        // Another build's curriculum with another number of lessons.
        assert!(decode_details(bytes, 3).is_none());
        for len in [0, 3, 4, bytes.len() / 2, bytes.len() - 1] {
            assert!(decode_details(&bytes[..len], 2).is_none(), "cut at {len}");
        }
        // The curriculum file is not a details file.
        let (_, curriculum) = packed();
        assert!(decode_details(curriculum, 6).is_none());
    }
}
