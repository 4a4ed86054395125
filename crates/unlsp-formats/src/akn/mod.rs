//! Akoma Ntoso 3.0 in the UN's AKN4UN profile, written from a document's
//! text and tree, following the Secretariat's own files:
//!
//! * `<statement name="resolution">` for the Assembly and the Council alike;
//! * FRBR identification `/akn/un/statement/deliberation/{unga|unsc}/{adoption
//!   date}/{79-100 | 2618-2022}/`, expressions `…/{eng|fra|spa|rus|ara|zho}@/`.
//!   **A draft** (no number, no adoption date) is identified as
//!   `/akn/un/statement/draft/{organ}/{masthead date}/{A-80-L.1}/`: the
//!   draft symbol with `/` as `-`, the date of the masthead (`FRBRdate
//!   name="masthead"`), and it has no `<conclusions>`;
//! * `<coverPage>` (symbol, organ, distribution, date, session, agenda item,
//!   adoption line, committee report); the Assembly's `<preface>` with
//!   `<docNumber>` and `<docTitle>`, none for the Council;
//! * `<preamble>`: the enacting formula and one `<container name="{lead}">`
//!   per preambular paragraph; `<mainBody>`: `<paragraph><num>`,
//!   `<list><intro><point>`, sections with headings, preambular paragraphs
//!   of a section as `<crossHeading refersTo="#preamble">`;
//!   `<conclusions>` (meeting, `<docDate>`); annexes as `<attachments>`.
//!
//! eIds follow the AKN naming convention (`para_3__list_1__point_a`); every
//! one is unique in the document.
//!
//! [`read`] reads the UN's own AKN4UN XML back into a plain model of the
//! resolution it marks up.

mod body;
mod ident;
mod inline;
pub mod read;
mod xml;

use inline::Ctx;
use unlsp_syntax::tree::Tree;

/// The AKN XML of a document, with the XML declaration.
pub fn write(text: &str, tree: &Tree) -> String {
    let mut cx = Ctx::new(text, tree);
    let id = ident::Ident::of(tree);
    let mut st = xml::El::new("statement").attr("name", "resolution");
    st.push(ident::meta(&id, tree));
    st.push(ident::cover(&mut cx, &id));
    if !id.council
        && let Some(p) = ident::preface(&mut cx)
    {
        st.push(p);
    }
    let mut ids = body::Ids::default();
    if let Some(p) = body::preamble(&mut cx, &mut ids) {
        st.push(p);
    }
    st.push(body::main_body(&mut cx, &mut ids));
    if !id.draft
        && let Some(c) = ident::conclusions(&mut cx)
    {
        st.push(c);
    }
    if let Some(a) = body::attachments(&mut cx, &mut ids, &id) {
        st.push(a);
    }
    let root = xml::El::new("akomaNtoso")
        .attr("xmlns", "http://docs.oasis-open.org/legaldocml/ns/akn/3.0")
        .attr("xmlns:akn4un", "http://un.org/akn4un")
        .child(st);
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    root.write(&mut out, 0, false);
    out.push('\n');
    out
}
