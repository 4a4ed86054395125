//! What formatting one text did, measured from outside: the unit of the
//! formatting sweep and of the corpus test.

use super::promise::{self, Refusal};
use unlsp_syntax::{Document, Lang};

/// What formatting one text did, measured from outside [`super::format`]:
/// the sweep's and the corpus test's unit.
#[derive(Debug, Clone, Default)]
pub struct Audit {
    /// `fmt` refused (exit 2, nothing written), and why.
    pub refused: Option<Refusal>,
    /// The text changed.
    pub changed: bool,
    /// The full format would have broken the promise: the cautious one was
    /// written.
    pub cautious: Option<Refusal>,
    /// The output broke a property all the same: its first difference.
    pub characters: Option<Refusal>,
    pub outline: Option<Refusal>,
    pub not_idempotent: bool,
}

impl Audit {
    pub fn of(text: &str, lang: Option<Lang>) -> Audit {
        let (out, level) = match super::format_with_level(text, lang) {
            Ok(out) => out,
            Err(why) => {
                return Audit {
                    refused: Some(why),
                    ..Audit::default()
                };
            }
        };
        let (before, after) = (
            Document::with_lang(text, lang),
            Document::with_lang(&out, lang),
        );
        Audit {
            refused: None,
            changed: out != text,
            cautious: (level == super::Level::Cautious && out != text)
                .then(|| super::full_format_breaks(text, lang))
                .flatten(),
            characters: promise::same_characters(&before, &after).err(),
            outline: promise::same_outline(&before, &after).err(),
            not_idempotent: super::format(&out, lang).map_or(true, |again| again != out),
        }
    }

    /// The output kept every property (a refusal keeps them too: nothing is written).
    pub fn kept(&self) -> bool {
        self.characters.is_none() && self.outline.is_none() && !self.not_idempotent
    }
}
