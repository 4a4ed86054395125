use super::*;

#[test]
fn links_name_resolutions() {
    assert_eq!(
        resolution_target("https://undocs.org/en/A/RES/75/118").as_deref(),
        Some("75/118")
    );
    assert_eq!(
        resolution_target("https://undocs.org/en/S/RES/1325(2000)").as_deref(),
        Some("1325 (2000)")
    );
    assert_eq!(
        resolution_target("https://undocs.org/en/A/RES/1514(XV)").as_deref(),
        Some("1514 (XV)")
    );
    assert_eq!(resolution_target("https://undocs.org/en/A/79/23"), None);
}

#[test]
fn a_container_reads_as_a_preambular_paragraph_with_its_note() {
    let xml = r#"<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement name="resolution">
<preface><p><docNumber>79/100.</docNumber><docTitle><span class="bold">	Question of Anguilla</span></docTitle></p></preface>
<preamble><formula name="enactingFormula"><p><span class="italic">The General Assembly</span>,</p></formula>
<container name="Taking note"><p xml:space="preserve">	<span class="italic">Taking note</span> of the paper on Anguilla<authorialNote marker="2" placement="bottom"><p>	 	<a href="https://undocs.org/en/A/AC.109/2024/2">A/AC.109/2024/2</a>.</p></authorialNote> and other
  information, recalling <a href="https://undocs.org/en/A/RES/75/118">75/118</a>,</p></container></preamble>
<mainBody><paragraph><num>1.</num><content><p><span class="italic">Reaffirms</span> that:</p></content>
<list><point><num>(a)</num><content><p>one;</p></content></point><point><num>(b)</num><content><p>two.</p></content></point></list></paragraph></mainBody>
</statement></akomaNtoso>"#;
    let r = parse(xml).unwrap();
    assert_eq!(r.number.as_deref(), Some("79/100"));
    assert_eq!(plain(&r.title), "Question of Anguilla");
    assert_eq!(r.preambular().collect::<Vec<_>>(), ["Taking note"]);
    let Block::Preambular { content, .. } = &r.body[1] else {
        panic!("{:?}", r.body[1]);
    };
    assert_eq!(content[0], Piece::Emph("Taking note".into()));
    assert_eq!(
        plain(content),
        "Taking note of the paper on Anguilla and other information, recalling 75/118,"
    );
    assert_eq!(r.footnote_count(), 1);
    assert_eq!(r.point_count(), 2);
    assert_eq!(r.cited.iter().collect::<Vec<_>>(), ["75/118"]);
    let (num, c, _) = r.operative().next().unwrap();
    assert_eq!(num.as_deref(), Some("1."));
    assert_eq!(Resolution::operative_lead(c), Some("Reaffirms"));
}
