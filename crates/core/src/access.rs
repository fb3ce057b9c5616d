//! Access plans made real in a static app: locked masterclasses are sealed at build time
//! with authenticated encryption under their plan's key, and an access code carries that
//! key. A code is short and typeable (Crockford base32, case and hyphens ignored) and ends
//! in two check characters (a CRC-10 over the code) that catch every single-character typo
//! and every swap of neighbours before anything else is tried.
//!
//! What this protects against: reading locked text out of the shipped files, or unlocking
//! it by editing local storage. What it cannot: a code shared with someone else works for
//! them too, and every code of a plan carries the same key, so one plan's codes are revoked
//! together by building with a new secret and issuing new codes.

use chacha20poly1305::aead::{Aead, KeyInit};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};
use hkdf::Hkdf;
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// Bytes of a plan key: 80 bits, out of reach of guessing, short enough to type.
pub const PLAN_KEY_LEN: usize = 10;

/// The key of one plan.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct PlanKey(pub [u8; PLAN_KEY_LEN]);

impl std::fmt::Debug for PlanKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PlanKey(..)")
    }
}

fn hmac(key: &[u8], parts: &[&[u8]]) -> [u8; 32] {
    let mut mac =
        <Hmac<Sha256> as Mac>::new_from_slice(key).expect("HMAC takes keys of any length");
    for part in parts {
        mac.update(part);
    }
    mac.finalize().into_bytes().into()
}

impl PlanKey {
    /// The key of `plan`, derived from the operator's secret.
    pub fn derive(secret: &[u8], plan: &str) -> PlanKey {
        let full = hmac(secret, &[b"storewise plan key v1:", plan.as_bytes()]);
        let mut key = [0; PLAN_KEY_LEN];
        key.copy_from_slice(&full[..PLAN_KEY_LEN]);
        PlanKey(key)
    }

    fn content_key(&self) -> [u8; 32] {
        let mut out = [0; 32];
        Hkdf::<Sha256>::new(Some(b"storewise"), &self.0)
            .expand(b"masterclass v1", &mut out)
            .expect("32 bytes is a valid HKDF output length");
        out
    }

    /// A public value that tells a right key from a wrong one without revealing it.
    pub fn check(&self) -> [u8; 8] {
        let full = hmac(&self.content_key(), &[b"key check"]);
        let mut out = [0; 8];
        out.copy_from_slice(&full[..8]);
        out
    }

    /// Encrypts and authenticates. The nonce is derived from the key and the plaintext, so
    /// sealing is deterministic and a nonce never serves two different texts.
    pub fn seal(&self, plaintext: &[u8]) -> Vec<u8> {
        let key = self.content_key();
        let nonce_bytes = hmac(&key, &[b"nonce", plaintext]);
        let nonce = Nonce::from_slice(&nonce_bytes[..12]);
        let cipher = ChaCha20Poly1305::new(Key::from_slice(&key));
        let sealed = cipher
            .encrypt(nonce, plaintext)
            .expect("encryption of in-memory data succeeds");
        [&nonce_bytes[..12], &sealed[..]].concat()
    }

    /// Decrypts what [`PlanKey::seal`] produced; `None` for a wrong key or changed bytes.
    pub fn open(&self, sealed: &[u8]) -> Option<Vec<u8>> {
        if sealed.len() < 12 + 16 {
            return None;
        }
        let (nonce, ciphertext) = sealed.split_at(12);
        let key = self.content_key();
        ChaCha20Poly1305::new(Key::from_slice(&key))
            .decrypt(Nonce::from_slice(nonce), ciphertext)
            .ok()
    }
}

/// Crockford's base32: no I, L, O or U, so fewer look-alike characters.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

fn symbol_value(c: char) -> Option<u8> {
    let c = match c.to_ascii_uppercase() {
        'O' => '0',
        'I' | 'L' => '1',
        c => c,
    };
    ALPHABET
        .iter()
        .position(|&a| a as char == c)
        .map(|v| v as u8)
}

/// CRC-10 (polynomial x^10 + x^9 + x^5 + x^4 + x + 1) over the 5-bit symbols: any error
/// confined to 10 consecutive bits, such as one wrong character or two neighbours swapped,
/// changes it.
fn crc10(symbols: &[u8]) -> u16 {
    let mut crc: u16 = 0;
    for &s in symbols {
        for bit in (0..5).rev() {
            let input = u16::from(s >> bit & 1);
            let top = (crc >> 9) & 1;
            crc = (crc << 1) & 0x3ff;
            if top ^ input == 1 {
                crc ^= 0x233;
            }
        }
    }
    crc
}

fn plan_symbols(plan: &str) -> Vec<u8> {
    plan.chars().filter_map(symbol_value).collect()
}

/// "CORE-8F3K-M2QX-...-7T": the plan's id, the key in four groups, then the check.
pub fn format_code(plan: &str, key: &PlanKey) -> String {
    // 80 bits = 16 symbols of 5 bits.
    let mut bits: u128 = 0;
    for &b in &key.0 {
        bits = bits << 8 | u128::from(b);
    }
    let mut symbols: Vec<u8> = (0..16)
        .rev()
        .map(|i| (bits >> (5 * i) & 31) as u8)
        .collect();
    let mut checked = plan_symbols(plan);
    checked.extend_from_slice(&symbols);
    let crc = crc10(&checked);
    symbols.push((crc >> 5) as u8);
    symbols.push((crc & 31) as u8);
    let body: String = symbols
        .iter()
        .map(|&s| ALPHABET[usize::from(s)] as char)
        .collect();
    format!(
        "{}-{}-{}-{}-{}-{}",
        plan.to_uppercase(),
        &body[0..4],
        &body[4..8],
        &body[8..12],
        &body[12..16],
        &body[16..18]
    )
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeError {
    /// Not shaped like a code at all.
    Shape,
    /// Shaped right, but the check characters disagree: a typo.
    Typo,
}

/// Reads a typed code: case, spaces and hyphens do not matter. Returns the plan id (lower
/// case) as written in the code, and the key.
pub fn parse_code(text: &str) -> Result<(String, PlanKey), CodeError> {
    let cleaned: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let (plan, rest) = cleaned.split_once('-').ok_or(CodeError::Shape)?;
    if plan.is_empty() || !plan.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(CodeError::Shape);
    }
    let symbols: Vec<u8> = rest
        .chars()
        .filter(|&c| c != '-')
        .map(symbol_value)
        .collect::<Option<_>>()
        .ok_or(CodeError::Shape)?;
    if symbols.len() != 18 {
        return Err(CodeError::Shape);
    }
    let plan = plan.to_lowercase();
    let mut checked = plan_symbols(&plan);
    checked.extend_from_slice(&symbols[..16]);
    let crc = crc10(&checked);
    if symbols[16] != (crc >> 5) as u8 || symbols[17] != (crc & 31) as u8 {
        return Err(CodeError::Typo);
    }
    let bits = symbols[..16]
        .iter()
        .fold(0u128, |b, &s| b << 5 | u128::from(s));
    let mut key = [0; PLAN_KEY_LEN];
    for (i, byte) in key.iter_mut().enumerate() {
        *byte = (bits >> (8 * (PLAN_KEY_LEN - 1 - i)) & 0xff) as u8;
    }
    Ok((plan, PlanKey(key)))
}

/// Hex for storing a key.
pub fn to_hex(key: &PlanKey) -> String {
    key.0.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn from_hex(text: &str) -> Option<PlanKey> {
    if text.len() != PLAN_KEY_LEN * 2 {
        return None;
    }
    let mut key = [0; PLAN_KEY_LEN];
    for (i, byte) in key.iter_mut().enumerate() {
        *byte = u8::from_str_radix(text.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(PlanKey(key))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> PlanKey {
        PlanKey::derive(b"test secret", "core")
    }

    #[test]
    fn codes_round_trip_ignoring_case_spaces_and_look_alikes() {
        let code = format_code("core", &key());
        assert_eq!(code.len(), "CORE-".len() + 4 * 5 + 2);
        assert_eq!(parse_code(&code), Ok(("core".into(), key())));
        let sloppy = code
            .to_lowercase()
            .replace('-', " - ")
            .replace('0', "o")
            .replace('1', "l");
        assert_eq!(parse_code(&sloppy), Ok(("core".into(), key())));
        assert_eq!(from_hex(&to_hex(&key())), Some(key()));
    }

    #[test]
    fn every_single_typo_and_neighbour_swap_is_caught() {
        let code = format_code("pro", &PlanKey::derive(b"s", "pro"));
        let chars: Vec<char> = code.chars().collect();
        let positions: Vec<usize> = (0..chars.len())
            .filter(|&i| i > 3 && chars[i] != '-')
            .collect();
        for &i in &positions {
            for &a in ALPHABET {
                let a = a as char;
                if a == chars[i] {
                    continue;
                }
                let mut typo = chars.clone();
                typo[i] = a;
                let typo: String = typo.into_iter().collect();
                assert_eq!(parse_code(&typo), Err(CodeError::Typo), "{typo}");
            }
        }
        for w in positions.windows(2) {
            let (i, j) = (w[0], w[1]);
            if chars[i] == chars[j] {
                continue;
            }
            let mut swapped = chars.clone();
            swapped.swap(i, j);
            let swapped: String = swapped.into_iter().collect();
            assert_eq!(parse_code(&swapped), Err(CodeError::Typo), "{swapped}");
        }
        assert_eq!(parse_code("hello"), Err(CodeError::Shape));
        assert_eq!(parse_code("CORE-1234"), Err(CodeError::Shape));
    }

    #[test]
    fn sealed_text_opens_only_with_its_key_and_untouched() {
        let sealed = key().seal(b"the masterclass");
        assert_eq!(
            key().open(&sealed).as_deref(),
            Some(&b"the masterclass"[..])
        );
        assert_eq!(PlanKey::derive(b"test secret", "pro").open(&sealed), None);
        for i in 0..sealed.len() {
            let mut tampered = sealed.clone();
            tampered[i] ^= 1;
            assert_eq!(key().open(&tampered), None, "byte {i}");
        }
        assert_ne!(
            key().check(),
            PlanKey::derive(b"test secret", "pro").check()
        );
        // Deterministic: the same text seals the same way.
        assert_eq!(key().seal(b"x"), key().seal(b"x"));
    }
}

use crate::curriculum::{Curriculum, Lesson};
use crate::Block;

/// Why a typed code unlocked nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UnlockError {
    Shape,
    Typo,
    /// The code names a plan this academy does not have.
    UnknownPlan(String),
    /// Well formed, but not a code this academy issued.
    Invalid,
}

impl UnlockError {
    pub fn message(&self) -> String {
        match self {
            UnlockError::Shape => "That does not look like an access code. Codes look like CORE-8F3K-M2QX-4T7V-9BWD-6H: a plan name and 18 letters and digits.".into(),
            UnlockError::Typo => "This code has a typo: one character is wrong or two are swapped. Check it against the original (O and 0, I and 1 count as the same).".into(),
            UnlockError::UnknownPlan(plan) => format!("This code is for a plan called “{}”, which this academy does not offer. Check the first part of the code.", plan.to_uppercase()),
            UnlockError::Invalid => "This code is not valid. Check that you typed the code you were given, or contact us.".into(),
        }
    }
}

/// The plans a code unlocks: its own (first) and every plan that plan includes, with keys.
pub fn unlock(c: &Curriculum, code: &str) -> Result<Vec<(usize, PlanKey)>, UnlockError> {
    let (plan_id, key) = parse_code(code).map_err(|e| match e {
        CodeError::Shape => UnlockError::Shape,
        CodeError::Typo => UnlockError::Typo,
    })?;
    let plan = c
        .plans
        .iter()
        .position(|p| p.id == plan_id)
        .ok_or(UnlockError::UnknownPlan(plan_id))?;
    let p = &c.plans[plan];
    if p.key_check.is_empty() || key.check()[..] != *p.key_check {
        return Err(UnlockError::Invalid);
    }
    let mut keys = vec![(plan, key)];
    for (&included, sealed) in p.includes.iter().zip(p.included_keys) {
        let bytes = key.open(sealed).ok_or(UnlockError::Invalid)?;
        let inner: [u8; PLAN_KEY_LEN] = bytes.try_into().map_err(|_| UnlockError::Invalid)?;
        keys.push((usize::from(included), PlanKey(inner)));
    }
    Ok(keys)
}

/// A sealed masterclass as blocks, when the learner holds its plan's key.
/// `key_for(plan)` gives the learner's key for a plan, if unlocked.
pub fn open_masterclass(
    lesson: &Lesson,
    sealed: &[u8],
    key_for: impl Fn(usize) -> Option<PlanKey>,
) -> Option<Vec<Block>> {
    let key = key_for(usize::from(lesson.plan))?;
    serde_json::from_slice(&key.open(sealed)?).ok()
}
