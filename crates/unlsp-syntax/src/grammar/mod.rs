//! Lead phrases by grammar: the Editorial Manual's rule that a preambular
//! paragraph opens with a participle, a participial phrase or an adjective.
//! The lexicon (`grammar/*.tsv`) names the leads it knows; this module finds
//! the extent of one it does not know (`Honouring`, `Solemnly proclaiming`,
//! `Ayant examiné`, `Habiendo examinado`, `с интересом ожидая`, `وقد نظرت`),
//! once layout has already said that a paragraph opens there.

mod emphasis;
mod object;
mod operative;
mod preambular;
mod words;

pub use emphasis::emphasised_extent;
pub(crate) use emphasis::lead_tail;
pub(crate) use object::lead_object;
pub(crate) use operative::operative_lead;
pub(crate) use preambular::preambular_lead;

#[cfg(test)]
mod tests;
