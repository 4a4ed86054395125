//! The catalogue of drafting rules: one file per rule, holding its
//! [`RuleDef`](crate::RuleDef) as `RULE` and its check, in a folder per theme;
//! [`CATALOGUE`] lists them in id order.

mod citations;
mod closing;
mod footnotes;
mod hygiene;
mod languages;
mod leads;
mod paragraphs;
mod punctuation;
mod references;
pub(crate) mod shared;
mod structure;
mod symbols;
mod typography;

pub(crate) static CATALOGUE: &[&crate::RuleDef] = &[
    &structure::author_line_missing::RULE,
    &paragraphs::author_line_punctuation::RULE,
    &structure::order_of_elements::RULE,
    &paragraphs::unrecognised_preambular_lead::RULE,
    &structure::numbered_preambular_paragraph::RULE,
    &punctuation::preambular_punctuation::RULE,
    &paragraphs::operative_lead::RULE,
    &structure::operative_numbering::RULE,
    &paragraphs::lone_operative_numbered::RULE,
    &punctuation::operative_punctuation::RULE,
    &paragraphs::missing_colon::RULE,
    &structure::subparagraph_sequence::RULE,
    &paragraphs::subparagraph_punctuation::RULE,
    &paragraphs::subparagraph_label_style::RULE,
    &paragraphs::paragraph_in_wrong_part::RULE,
    &closing::closing_formula_missing::RULE,
    &closing::meeting_ordinal_suffix::RULE,
    &closing::closing_date_mismatch::RULE,
    &closing::closing_order::RULE,
    &closing::number_session_mismatch::RULE,
    &closing::adoption_outside_session::RULE,
    &closing::future_session_in_past::RULE,
    &closing::malformed_ordinal::RULE,
    &closing::issue_before_adoption::RULE,
    &leads::also_without_base::RULE,
    &leads::also_misplaced::RULE,
    &leads::repeated_lead::RULE,
    &leads::further_before_also::RULE,
    &closing::title_presence::RULE,
    &leads::lead_emphasis_consistency::RULE,
    &leads::emphasis_span::RULE,
    &references::this_resolution::RULE,
    &references::dangling_paragraph_reference::RULE,
    &closing::report_from_other_session::RULE,
    &closing::draft_adopted_mismatch::RULE,
    &paragraphs::negotiation_markers::RULE,
    &citations::first_citation_without_date::RULE,
    &citations::date_does_not_fit_number::RULE,
    &citations::same_act_different_dates::RULE,
    &citations::list_not_chronological::RULE,
    &citations::list_punctuation::RULE,
    &citations::act_noun_number::RULE,
    &citations::sc_resolution_without_year::RULE,
    &citations::composite_letter_spacing::RULE,
    &citations::pre_1976_without_session::RULE,
    &citations::its_versus_organ::RULE,
    &citations::resolution_decision_confusion::RULE,
    &citations::abbreviated_organ::RULE,
    &citations::citation_date_format::RULE,
    &citations::cited_act_later::RULE,
    &citations::same_session_higher_number::RULE,
    &citations::nonexistent_act::RULE,
    &citations::title_mismatch::RULE,
    &symbols::symbol_whitespace::RULE,
    &symbols::symbol_component::RULE,
    &symbols::symbol_fullwidth::RULE,
    &symbols::unknown_series::RULE,
    &symbols::orphan_continuation::RULE,
    &typography::ascii_punctuation_in_chinese::RULE,
    &punctuation::unbalanced_delimiters::RULE,
    &punctuation::straight_quotes::RULE,
    &punctuation::impossible_date::RULE,
    &typography::date_format::RULE,
    &punctuation::spacing::RULE,
    &footnotes::footnote_numbering::RULE,
    &footnotes::footnote_mismatch::RULE,
    &footnotes::ibid_without_antecedent::RULE,
    &footnotes::footnote_marker_position::RULE,
    &leads::lead_capitalisation::RULE,
    &languages::arabic_preamble_conjunction::RULE,
    &languages::lead_gender_agreement::RULE,
    &references::acronym_not_spelled_out::RULE,
    &typography::chinese_numeral_style::RULE,
    &hygiene::not_a_resolution::RULE,
    &hygiene::page_furniture::RULE,
    &hygiene::furniture_inconsistency::RULE,
    &typography::agenda_subitem_digit::RULE,
    &structure::markup_mismatch::RULE,
];

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                sources(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }

    /// Every rule names what [`crate::RuleDef::DEFAULT`] leaves empty: its
    /// id, name, summary, explanation and examples.
    #[test]
    fn every_rule_names_what_the_default_leaves_empty() {
        for r in crate::catalogue() {
            let texts = [r.id, r.name, r.summary, r.explanation, r.bad, r.good];
            assert!(texts.iter().all(|t| !t.trim().is_empty()), "{}", r.id);
        }
    }

    /// A rule's id is written once in the sources of this crate, in the file
    /// that defines the rule: a string literal that is exactly a rule id
    /// (`"UN010"`) appears in no other file; elsewhere the rule is named by
    /// its definition (`operative_punctuation::RULE.id`). Test code is
    /// excepted: files named `tests.rs`, and in any file everything from its
    /// first `#[cfg(test)]` on. An id inside a longer text (a message, an
    /// explanation, a comment) is not a literal of the id and is not
    /// checked. The defining file is the one holding `id: "UN010"`; it is
    /// named after the rule (`operative_punctuation.rs` for
    /// `operative-punctuation`) and sits in a folder of `rules/`.
    #[test]
    fn a_rule_id_is_written_only_in_the_file_of_its_rule() {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = Vec::new();
        sources(&src, &mut files);
        files.sort();
        let literal = regex::Regex::new(r#""(UN0\d\d)""#).unwrap();
        let mut problems = Vec::new();
        for r in crate::catalogue() {
            let def = format!("id: \"{}\",", r.id);
            let defining: Vec<&PathBuf> = files
                .iter()
                .filter(|f| std::fs::read_to_string(f).unwrap().contains(&def))
                .collect();
            let [file] = defining[..] else {
                problems.push(format!("{} is defined in {defining:?}", r.id));
                continue;
            };
            let stem = file.file_stem().unwrap().to_string_lossy();
            if stem != r.name.replace('-', "_") || !file.starts_with(src.join("rules")) {
                problems.push(format!("{} ({}) is defined in {file:?}", r.id, r.name));
            }
        }
        for f in &files {
            if f.file_name().is_some_and(|n| n == "tests.rs") {
                continue;
            }
            let text = std::fs::read_to_string(f).unwrap();
            let code = text.split("#[cfg(test)]").next().unwrap();
            for c in literal.captures_iter(code) {
                let def = format!("id: \"{}\",", &c[1]);
                if !code.contains(&def) {
                    problems.push(format!("{f:?} writes {} of another file", &c[0]));
                }
            }
        }
        assert!(problems.is_empty(), "{problems:#?}");
    }
}
