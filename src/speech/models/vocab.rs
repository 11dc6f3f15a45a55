//! Whisper's vocabulary as published with CTranslate2 models, turned back into the
//! raw token bytes whisper.cpp expects.
//!
//! Tokens are stored in GPT-2's byte-level form: every byte is shown as a printable
//! character (`Ġ` is a space, `Ċ` a newline). Like the official files, the ggml file
//! gets the first 50,257 tokens (GPT-2's vocabulary size): English-only models end
//! there with `<|endoftext|>`, multilingual ones with an empty placeholder before it.
//! whisper.cpp creates the remaining special tokens (end of text where missing,
//! start, languages, tasks, timestamps) itself.

use std::collections::HashMap;
use std::path::Path;

use anyhow::{bail, Context, Result};

const END_OF_TEXT: &str = "<|endoftext|>";
/// Tokens written to the file, as whisper.cpp's own converter does.
const STORED_TOKENS: usize = 50_257;

/// GPT-2's `bytes_to_unicode` inverted: printable character -> byte.
fn unicode_to_byte() -> HashMap<char, u8> {
    let printable = |b: u8| matches!(b, b'!'..=b'~' | 0xA1..=0xAC | 0xAE..=0xFF);
    let mut map = HashMap::with_capacity(256);
    let mut shifted = 0u32;
    for b in 0..=255u8 {
        let c = if printable(b) {
            char::from(b)
        } else {
            shifted += 1;
            char::from_u32(255 + shifted).expect("below U+0200")
        };
        map.insert(c, b);
    }
    map
}

/// Decodes one byte-level token to its bytes.
pub fn decode_token(token: &str, table: &HashMap<char, u8>) -> Result<Vec<u8>> {
    token
        .chars()
        .map(|c| {
            table
                .get(&c)
                .copied()
                .with_context(|| format!("token {token:?}: {c:?} is not a byte-level character"))
        })
        .collect()
}

/// Reads `vocabulary.txt` (one token a line) or `vocabulary.json` (an array) from a
/// CTranslate2 model directory and returns the text tokens as bytes.
pub fn read_text_tokens(dir: &Path) -> Result<Vec<Vec<u8>>> {
    let txt = dir.join("vocabulary.txt");
    let json = dir.join("vocabulary.json");
    let tokens: Vec<String> = if txt.is_file() {
        let text = std::fs::read_to_string(&txt)
            .with_context(|| format!("cannot read {}", txt.display()))?;
        text.lines().map(str::to_owned).collect()
    } else if json.is_file() {
        let text = std::fs::read_to_string(&json)
            .with_context(|| format!("cannot read {}", json.display()))?;
        serde_json::from_str(&text)
            .with_context(|| format!("{} is not a JSON list of tokens", json.display()))?
    } else {
        bail!("{} has no vocabulary.txt or vocabulary.json", dir.display());
    };
    text_tokens(&tokens).with_context(|| format!("bad vocabulary in {}", dir.display()))
}

/// The first [`STORED_TOKENS`] tokens, decoded to bytes.
pub fn text_tokens(tokens: &[String]) -> Result<Vec<Vec<u8>>> {
    // A Whisper vocabulary has its end-of-text token right at the end of GPT-2's.
    let end = tokens.iter().position(|t| t == END_OF_TEXT);
    if !matches!(end, Some(e) if e + 1 == STORED_TOKENS || e == STORED_TOKENS) {
        bail!("not a Whisper vocabulary: {END_OF_TEXT} is not token 50256 or 50257");
    }
    let table = unicode_to_byte();
    tokens[..STORED_TOKENS].iter().map(|t| decode_token(t, &table)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_level_characters_decode_to_bytes() {
        let t = unicode_to_byte();
        assert_eq!(t.len(), 256);
        assert_eq!(decode_token("Ġhello", &t).unwrap(), b" hello");
        assert_eq!(decode_token("Ċ", &t).unwrap(), b"\n");
        assert_eq!(decode_token("!", &t).unwrap(), b"!");
        // "é" in UTF-8 is C3 A9, which GPT-2 shows as "Ã©".
        assert_eq!(decode_token("Ã©", &t).unwrap(), "é".as_bytes());
        assert!(decode_token("€", &t).is_err());
    }

    #[test]
    fn the_first_50257_tokens_are_stored() {
        let mut english: Vec<String> = (0..50_256).map(|i| format!("t{i}")).collect();
        english.push(END_OF_TEXT.into());
        english.push("<|startoftranscript|>".into());
        let stored = text_tokens(&english).unwrap();
        assert_eq!(stored.len(), 50_257);
        assert_eq!(stored.last().unwrap(), END_OF_TEXT.as_bytes());

        let mut multilingual = english[..50_256].to_vec();
        multilingual.push(String::new());
        multilingual.extend(english[50_256..].iter().cloned());
        let stored = text_tokens(&multilingual).unwrap();
        assert_eq!(stored.len(), 50_257);
        assert_eq!(stored.last().unwrap(), b"");

        assert!(text_tokens(&english[..100]).is_err());
    }
}
