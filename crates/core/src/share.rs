//! Results carried in a link: the answers, packed into a short URL-safe string with a
//! version, a fingerprint of the question bank and a checksum, so that a damaged, tampered
//! or outdated link is recognised instead of showing wrong results.

use crate::curriculum::{Curriculum, QuestionKind};
use crate::date::Day;
use crate::diagnostic::{Answer, Answers};

const VERSION: u8 = 1;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// Not in the link alphabet, cut short, or the checksum does not match.
    Damaged,
    /// Made by a newer version of the app.
    NewerVersion,
    /// Made with a different set of diagnostic questions.
    OtherQuestions,
}

impl ShareError {
    pub fn message(self) -> &'static str {
        match self {
            ShareError::Damaged => "This results link is damaged: part of it is missing or was changed. Ask for the link again, or copy all of it.",
            ShareError::NewerVersion => "This results link was made by a newer version of the app. Reload the page to get the latest version, then open the link again.",
            ShareError::OtherQuestions => "This results link was made with an earlier set of diagnostic questions, so its answers can no longer be read. Take the diagnostic again to get current results.",
        }
    }
}

/// FNV-1a, 32 bits: small and enough to catch accidental damage.
fn fnv(bytes: impl IntoIterator<Item = u8>) -> u32 {
    bytes.into_iter().fold(0x811c_9dc5u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// Identifies the question bank: ids of questions and options, in order.
pub fn fingerprint(c: &Curriculum) -> u32 {
    let mut text = String::new();
    for q in c.questions {
        text.push_str(q.id);
        text.push('(');
        for o in q.options {
            text.push_str(o.id);
            text.push(',');
        }
        text.push(')');
    }
    fnv(text.bytes())
}

fn push_varint(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn read_varint(bytes: &[u8], at: &mut usize) -> Option<u64> {
    let mut v = 0u64;
    for shift in (0..64).step_by(7) {
        let byte = *bytes.get(*at)?;
        *at += 1;
        v |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Some(v);
        }
    }
    None
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn to_base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 4 / 3 + 3);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

fn from_base64url(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let values: Vec<u32> = text
        .bytes()
        .map(|b| ALPHABET.iter().position(|&a| a == b).map(|v| v as u32))
        .collect::<Option<_>>()?;
    for chunk in values.chunks(4) {
        if chunk.len() == 1 {
            return None;
        }
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &v)| n | v << (18 - 6 * i));
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

/// Packs answers given on `day` into a link-safe string.
pub fn encode(c: &Curriculum, answers: &Answers, day: Day) -> String {
    let mut bytes = vec![VERSION];
    bytes.extend_from_slice(&fingerprint(c).to_le_bytes());
    push_varint(&mut bytes, day.0.max(0) as u64);
    push_varint(&mut bytes, c.questions.len() as u64);
    for q in c.questions {
        let code = match answers.get(q) {
            None => 0,
            Some(Answer::Skipped) => 1,
            Some(Answer::NotSure) => 2,
            Some(Answer::Chose(chosen)) => {
                let picked = |i: usize| chosen.iter().any(|id| id == q.options[i].id);
                let value = match q.kind {
                    QuestionKind::Multi => (0..q.options.len())
                        .filter(|&i| picked(i))
                        .fold(0u64, |m, i| m | 1 << i),
                    QuestionKind::Single | QuestionKind::Scale => {
                        (0..q.options.len()).find(|&i| picked(i)).unwrap_or(0) as u64
                    }
                };
                3 + value
            }
        };
        push_varint(&mut bytes, code);
    }
    let sum = fnv(bytes.iter().copied());
    bytes.extend_from_slice(&sum.to_le_bytes());
    to_base64url(&bytes)
}

/// Unpacks a shared string into answers and the day they were given.
pub fn decode(c: &Curriculum, text: &str) -> Result<(Answers, Day), ShareError> {
    let bytes = from_base64url(text.trim()).ok_or(ShareError::Damaged)?;
    if bytes.len() < 10 {
        return Err(ShareError::Damaged);
    }
    let (body, sum) = bytes.split_at(bytes.len() - 4);
    if fnv(body.iter().copied()).to_le_bytes() != sum {
        return Err(ShareError::Damaged);
    }
    if body[0] > VERSION {
        return Err(ShareError::NewerVersion);
    }
    if body[0] != VERSION {
        return Err(ShareError::Damaged);
    }
    if body[1..5] != fingerprint(c).to_le_bytes() {
        return Err(ShareError::OtherQuestions);
    }
    let mut at = 5;
    let day = read_varint(body, &mut at).ok_or(ShareError::Damaged)?;
    let count = read_varint(body, &mut at).ok_or(ShareError::Damaged)?;
    if count != c.questions.len() as u64 {
        return Err(ShareError::OtherQuestions);
    }
    let mut answers = Answers::default();
    for q in c.questions {
        let code = read_varint(body, &mut at).ok_or(ShareError::Damaged)?;
        let answer = match code {
            0 => continue,
            1 => Answer::Skipped,
            2 => Answer::NotSure,
            value => {
                let value = value - 3;
                let ids = match q.kind {
                    QuestionKind::Multi => {
                        if q.options.len() < 64 && value >> q.options.len() != 0 {
                            return Err(ShareError::Damaged);
                        }
                        (0..q.options.len())
                            .filter(|&i| value >> i & 1 == 1)
                            .map(|i| q.options[i].id.to_string())
                            .collect()
                    }
                    QuestionKind::Single | QuestionKind::Scale => {
                        let option = q.options.get(value as usize).ok_or(ShareError::Damaged)?;
                        vec![option.id.to_string()]
                    }
                };
                Answer::Chose(ids)
            }
        };
        answers.set(q, answer);
    }
    if at != body.len() {
        return Err(ShareError::Damaged);
    }
    Ok((answers, Day(day as i64)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_round_trips_every_length() {
        for len in 0..40u8 {
            let bytes: Vec<u8> = (0..len)
                .map(|i| i.wrapping_mul(37).wrapping_add(5))
                .collect();
            assert_eq!(from_base64url(&to_base64url(&bytes)).unwrap(), bytes);
        }
        assert!(from_base64url("ab*c").is_none());
    }

    #[test]
    fn varints_round_trip() {
        for v in [0u64, 1, 127, 128, 300, 1 << 40, u64::MAX] {
            let mut bytes = Vec::new();
            push_varint(&mut bytes, v);
            let mut at = 0;
            assert_eq!(read_varint(&bytes, &mut at), Some(v));
            assert_eq!(at, bytes.len());
        }
    }
}
