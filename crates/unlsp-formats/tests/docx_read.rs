//! The .docx reader on files Pandoc made from the UN's AKN texts
//! (`scripts/docx-fixtures.py`): the numbers Word shows, the footnotes, the
//! emphasis, the tracked changes, what is not text, the map back to the
//! paragraphs, the fixes written back, and the bad inputs.

use std::path::PathBuf;
use unlsp_formats::docx::{self, TextEdit};
use unlsp_formats::extracted::{RevisionKind, Style};

fn fixture(name: &str) -> Vec<u8> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/docx")
        .join(name);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn line_starting<'t>(text: &'t str, prefix: &str) -> &'t str {
    text.lines()
        .find(|l| l.starts_with(prefix))
        .unwrap_or_else(|| panic!("no line `{prefix}…`"))
}

#[test]
fn word_numbers_footnotes_and_italic_leads() {
    let x = docx::read(fixture("ga-79-100.en.docx")).unwrap();
    // Word's automatic numbering written out, 1 to 17, one paragraph a line
    for n in 1..=17 {
        line_starting(&x.text, &format!("{n}. "));
    }
    assert!(line_starting(&x.text, "4. ").starts_with("4. Urges that constitutional"));
    // eight real footnotes: markers in the body, texts after the rule
    assert_eq!(x.footnotes.len(), 8);
    let f2 = &x.footnotes[1];
    assert_eq!(&x.text[f2.marker.clone()], "2");
    assert_eq!(&x.text[f2.body.clone()], "A/AC.109/2024/2.");
    assert!(x.text.contains("Secretariat on Anguilla2 and other"));
    assert!(
        x.text
            .contains("\n__________________\n\n1 Official Records")
    );
    // the leads set in italic
    let italic: Vec<&str> = x
        .emphasis
        .iter()
        .filter(|e| e.style == Style::Italic)
        .map(|e| &x.text[e.range.clone()])
        .collect();
    for lead in ["Having considered", "Taking note", "Reaffirms", "Requests"] {
        assert!(italic.contains(&lead), "{lead} in {italic:?}");
    }
    // paragraphs with their styles
    let heading = x
        .paragraphs
        .iter()
        .find(|p| x.text[p.range.clone()].starts_with("79/100."));
    assert_eq!(heading.and_then(|p| p.style.as_deref()), Some("Heading 1"));
}

#[test]
fn offsets_map_back_to_body_paragraphs() {
    let x = docx::read(fixture("ga-79-100.en.docx")).unwrap();
    let at = x.text.find("5. Requests the administering Power").unwrap();
    let word = at + "5. Requests the ".len();
    let s = x.source(word).unwrap();
    let p = x.paragraphs.iter().find(|p| p.range.start == at).unwrap();
    assert_eq!(s.paragraph, p.index);
    // the automatic number is not in the paragraph's characters
    assert_eq!(s.char, "Requests the ".chars().count());
    assert_eq!(s.page, None);
    assert_eq!(x.source(at).unwrap().char, 0);
    // a footnote's text points at its reference
    let f = &x.footnotes[0];
    let s = x.source(f.body.start + 3).unwrap();
    assert_eq!(s.footnote, Some(1));
    assert_eq!(s.paragraph, x.source(f.marker.start).unwrap().paragraph);
}

#[test]
fn tracked_changes_accepted_and_kept_with_author_and_paragraph() {
    let x = docx::read(fixture("tracked.en.docx")).unwrap();
    assert!(line_starting(&x.text, "3. ").contains("the Declaration as well as the relevant"));
    assert!(x.text.contains("Recognizing also that all available"));
    let kinds: Vec<(RevisionKind, &str, &str)> = x
        .revisions
        .iter()
        .map(|r| (r.kind, r.author.as_str(), r.text.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            (RevisionKind::Insertion, "Delegation of Fiji", "also"),
            (RevisionKind::Deletion, "Delegation of Norway", "and"),
            (
                RevisionKind::Insertion,
                "Delegation of Norway",
                "as well as"
            ),
        ]
    );
    let ins = &x.revisions[2];
    assert_eq!(&x.text[ins.range.clone()], "as well as");
    assert_eq!(ins.date.as_deref(), Some("2026-11-02T10:00:00Z"));
    // the paragraph is operative paragraph 3's
    let op3 = x.text.find("3. Further reaffirms").unwrap();
    assert_eq!(ins.paragraph, x.source(op3).unwrap().paragraph);
    assert_eq!(x.revisions_in(ins.paragraph).count(), 2);
}

#[test]
fn comments_tables_and_field_codes_are_not_text() {
    let x = docx::read(fixture("comments-toc.en.docx")).unwrap();
    assert!(!x.text.contains("Please check this paragraph"));
    assert!(!x.text.contains("TOC \\o"));
    assert!(!x.text.contains("Sponsor"));
    assert!(line_starting(&x.text, "2. ").starts_with("2. Also reaffirms that"));
}

#[test]
fn bad_packages_are_named_never_read() {
    for (name, says) in [
        ("bad/renamed-text.docx", "not a zip package"),
        ("bad/truncated.docx", "truncated or damaged"),
        ("bad/bomb.docx", "larger than 64 MB decompressed"),
        ("bad/encrypted.docx", "password-protected"),
        ("bad/zip-password.docx", "password-protected"),
        ("bad/styles.odt", "OpenDocument"),
    ] {
        let e = docx::read(fixture(name)).unwrap_err();
        assert!(e.contains(says), "{name}: {e}");
    }
}

/// On the file Pandoc made and on the same file saved by LibreOffice.
#[test]
fn a_fix_changes_only_its_characters() {
    for name in ["defects.en.docx", "libreoffice/defects.en.docx"] {
        a_fix_changes_only_its_characters_in(name);
    }
}

fn a_fix_changes_only_its_characters_in(name: &str) {
    let bytes = fixture(name);
    let x = docx::read(bytes.clone()).unwrap();
    let at = x.text.find("as soon as possible ;").unwrap() + "as soon as possible".len();
    let edit = TextEdit {
        range: at..at + 1,
        text: String::new(),
    };
    let fixed = docx::apply(bytes.clone(), std::slice::from_ref(&edit)).unwrap();
    let y = docx::read(fixed).unwrap();
    let mut expected = x.text.clone();
    expected.replace_range(edit.range.clone(), "");
    assert_eq!(y.text, expected);
    assert_eq!(
        y.footnotes,
        x.footnotes
            .iter()
            .map(|f| {
                let mut f = f.clone();
                f.body = f.body.start - 1..f.body.end - 1;
                f.marker = if f.marker.start > at {
                    f.marker.start - 1..f.marker.end - 1
                } else {
                    f.marker
                };
                f
            })
            .collect::<Vec<_>>()
    );
    // an edit of a number Word writes itself is refused
    let n = x.text.find("4. Urges").unwrap();
    let e = docx::apply(
        bytes,
        &[TextEdit {
            range: n..n + 1,
            text: "5".into(),
        }],
    )
    .unwrap_err();
    assert!(e.contains("Word writes itself"), "{e}");
}

/// ga-79-100.en.docx with its notes made endnotes: the footnotes part
/// renamed the endnotes part, its notes and references renamed (the same
/// real text, as Word writes endnotes).
fn as_endnotes(bytes: Vec<u8>) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let mut name = f.name().unwrap().to_string();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        if name.ends_with(".xml") || name.ends_with(".rels") {
            let mut s = String::from_utf8(data).unwrap();
            for (a, b) in [
                ("w:footnoteReference", "w:endnoteReference"),
                ("<w:footnotes", "<w:endnotes"),
                ("</w:footnotes>", "</w:endnotes>"),
                ("<w:footnote ", "<w:endnote "),
                ("</w:footnote>", "</w:endnote>"),
                ("footnotes.xml", "endnotes.xml"),
                ("footnotes+xml", "endnotes+xml"),
                ("relationships/footnotes", "relationships/endnotes"),
            ] {
                s = s.replace(a, b);
            }
            data = s.into_bytes();
        }
        if name == "word/footnotes.xml" {
            name = "word/endnotes.xml".into();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&data).unwrap();
    }
    out.finish().unwrap().into_inner()
}

#[test]
fn endnotes_are_read_as_notes_and_fixed_in_their_part() {
    let x = docx::read(fixture("ga-79-100.en.docx")).unwrap();
    let bytes = as_endnotes(fixture("ga-79-100.en.docx"));
    let y = docx::read(bytes.clone()).unwrap();
    assert_eq!(y.text, x.text);
    assert_eq!(y.footnotes, x.footnotes);
    assert_eq!(y.spans, x.spans);
    // a fix in an endnote's text is written into the endnotes part
    let f2 = &y.footnotes[1];
    assert_eq!(&y.text[f2.body.clone()], "A/AC.109/2024/2.");
    let at = f2.body.end - 1;
    let edit = TextEdit {
        range: at..at + 1,
        text: ";".into(),
    };
    let fixed = docx::apply(bytes, std::slice::from_ref(&edit)).unwrap();
    let z = docx::read(fixed).unwrap();
    let mut expected = y.text.clone();
    expected.replace_range(edit.range.clone(), ";");
    assert_eq!(z.text, expected);
}

const LANGS: [&str; 6] = ["en", "fr", "es", "ru", "ar", "zh"];

fn read(name: &str) -> unlsp_formats::Extracted {
    docx::read(fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn part(name: &str, part: &str) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(fixture(name))).unwrap();
    let mut s = String::new();
    zip.by_name(part).unwrap().read_to_string(&mut s).unwrap();
    s
}

/// The Pandoc files saved again by LibreOffice (`soffice --convert-to
/// docx`: its own styles, numbering definitions with start overrides,
/// footnote anchors and separators, bookmarks, `w:noBreakHyphen` for every
/// U+2011) read as the Pandoc files themselves: the same text with the
/// numbers Word shows, the same footnotes, the same italic and bold leads.
#[test]
fn libreoffice_saved_files_read_as_the_pandoc_files() {
    for stem in ["ga-79-100", "sc-2720-2023"] {
        for lang in LANGS {
            let name = format!("{stem}.{lang}.docx");
            let (p, l) = (read(&name), read(&format!("libreoffice/{name}")));
            assert_eq!(l.text, p.text, "{name}");
            assert_eq!(l.footnotes, p.footnotes, "{name}");
            assert_eq!(l.emphasis, p.emphasis, "{name}");
            assert_eq!(l.paragraphs.len(), p.paragraphs.len(), "{name}");
        }
    }
    // the comments and the table of contents (a field in a content
    // control), the tracked changes, the long document
    for name in ["comments-toc.en.docx", "tracked.en.docx", "long.en.docx"] {
        let (p, l) = (read(name), read(&format!("libreoffice/{name}")));
        assert_eq!(l.text, p.text, "{name}");
        assert_eq!(l.footnotes, p.footnotes, "{name}");
        assert_eq!(l.emphasis, p.emphasis, "{name}");
        assert_eq!(l.revisions, p.revisions, "{name}");
    }
    let toc = part("libreoffice/comments-toc.en.docx", "word/document.xml");
    assert!(toc.contains("<w:sdt>") && toc.contains("TOC \\"));
    assert!(
        !read("libreoffice/comments-toc.en.docx")
            .text
            .contains("Please check")
    );
    // the packages are LibreOffice's own
    let ru = part("libreoffice/ga-79-100.ru.docx", "word/document.xml");
    assert!(ru.contains("<w:noBreakHyphen/>"));
    assert!(
        read("libreoffice/ga-79-100.ru.docx")
            .text
            .contains("по\u{2011}прежнему")
    );
    let numbering = part("libreoffice/ga-79-100.en.docx", "word/numbering.xml");
    assert!(numbering.contains("<w:startOverride"));
}

/// The phrase the edited version inserts into operative paragraph 2, per
/// language, as `scripts/docx-fixtures.py` wrote it beside the files.
fn inserted() -> Vec<(String, String)> {
    let t = String::from_utf8(fixture("libreoffice/inserted.tsv")).unwrap();
    let rows: Vec<(String, String)> = (t.lines())
        .filter_map(|l| l.split_once('\t'))
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(rows.len(), 6, "{t}");
    rows
}

/// LibreOffice's compare (`.uno:CompareDocuments`) of GA 79/100 with an
/// edited version, in six languages: accepted, the text is the edited
/// version's; rejected, the original's paragraphs (LibreOffice writes the
/// deleted preambular paragraph after the last one); each change kept
/// with its author, date and paragraph, one change per edit however many
/// runs LibreOffice writes it in.
#[test]
fn libreoffice_compare_kept_as_tracked_changes() {
    for (lang, phrase) in inserted() {
        let c = read(&format!("libreoffice/compared.{lang}.docx"));
        let e = read(&format!("libreoffice/edited.{lang}.docx"));
        let o = read(&format!("libreoffice/ga-79-100.{lang}.docx"));
        assert_eq!(c.text, e.text, "{lang}");
        let sorted = |t: &str| {
            let mut v: Vec<String> = t.lines().map(str::to_string).collect();
            v.sort();
            v
        };
        assert_eq!(sorted(&c.rejected_text()), sorted(&o.text), "{lang}");
        assert!(
            c.revisions
                .iter()
                .all(|r| r.author == "Delegation of Norway" && r.date.is_some()),
            "{lang}"
        );
        let ins = c
            .revisions
            .iter()
            .find(|r| r.kind == RevisionKind::Insertion && r.text.contains(phrase.as_str()))
            .unwrap_or_else(|| panic!("{lang}: {:#?}", c.revisions));
        assert_eq!(c.text[ins.range.clone()], ins.text, "{lang}");
        let at = c.text.find(phrase.as_str()).unwrap();
        assert_eq!(ins.paragraph, c.source(at).unwrap().paragraph, "{lang}");
        // operative paragraph 3, the next: the words between its first two
        // commas deleted (LibreOffice aligns them on words), one change
        let del: Vec<_> = c
            .revisions
            .iter()
            .filter(|r| r.kind == RevisionKind::Deletion && r.paragraph == ins.paragraph + 1)
            .collect();
        assert_eq!(del.len(), 1, "{lang}: {del:#?}");
        assert!(
            del[0].text.chars().count() > 10 && o.text.contains(&del[0].text),
            "{lang}: {:?}",
            del[0].text
        );
        // operative paragraph 5 moved into 4: its mark moved away too
        assert!(
            c.revisions
                .iter()
                .any(|r| r.kind == RevisionKind::Deletion && r.text == "\n\n"),
            "{lang}"
        );
    }
}

/// A paragraph's number as the text writes it (`4. `), taken off.
fn without_number(line: &str) -> &str {
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    match line[digits..].strip_prefix(". ") {
        Some(rest) if digits > 0 => rest,
        _ => line,
    }
}

/// A paragraph mark deleted with Track Changes on (LibreOffice deleting
/// the mark after operative paragraph 4, `lo-uno.py join`): with the
/// change accepted, paragraph 4 runs on into 5 — one line, numbered 4, the
/// numbers after it one less; rejected, the two stand apart, numbered as
/// they were.
#[test]
fn a_deleted_paragraph_mark_joins_the_paragraph_to_the_next() {
    for lang in LANGS {
        let j = read(&format!("libreoffice/joined.{lang}.docx"));
        let o = read(&format!("libreoffice/ga-79-100.{lang}.docx"));
        assert_eq!(j.rejected_text(), o.text, "{lang}");
        let lines = |t: &str| -> Vec<String> {
            t.lines()
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .collect()
        };
        let (lj, lo) = (lines(&j.text), lines(&o.text));
        assert_eq!(lj.len() + 1, lo.len(), "{lang}");
        let k = (0..lj.len()).find(|&i| lj[i] != lo[i]).unwrap();
        let joined = format!("{}{}", lo[k], without_number(&lo[k + 1]));
        assert_eq!(lj[k], joined, "{lang}");
        assert!(lj[k].starts_with('4'), "{lang}: {}", lj[k]);
        for i in k + 1..lj.len() {
            assert_eq!(without_number(&lj[i]), without_number(&lo[i + 1]), "{lang}");
        }
        if lang != "ar" {
            // Word's numbers (the Arabic files write theirs as text)
            assert!(lj[k + 1].starts_with("5. "), "{lang}: {}", lj[k + 1]);
        }
        // the change: the mark of paragraph 4's line, by its author
        let at = j.text.find(&lj[k]).unwrap();
        let mark: Vec<_> = j.revisions.iter().collect();
        assert_eq!(mark.len(), 1, "{lang}: {mark:#?}");
        assert_eq!(
            (mark[0].kind, mark[0].text.as_str(), mark[0].author.as_str()),
            (RevisionKind::Deletion, "\n\n", "Delegation of Norway")
        );
        assert_eq!(mark[0].paragraph, j.source(at).unwrap().paragraph);
        assert_eq!(mark[0].range.start, at + lo[k].len());
    }
}

/// A copy of the package with each named part's text passed through `f`.
fn with_parts(bytes: Vec<u8>, f: impl Fn(&str, String) -> String) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).unwrap();
        let name = file.name().unwrap().to_string();
        let mut data = Vec::new();
        file.read_to_end(&mut data).unwrap();
        if name.ends_with(".xml") {
            data = f(&name, String::from_utf8(data).unwrap()).into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&data).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// ga-79-100.en.docx with the operative list's numbering made a list
/// style, as Word writes one: the list's abstract numbering only links to
/// the numbering style `UNOperative` (`w:numStyleLink`), whose list (a new
/// `w:num`) has the original levels in an abstract numbering that links
/// back (`w:styleLink`).
fn through_a_list_style(bytes: Vec<u8>) -> Vec<u8> {
    const LIST: &str = r#"<w:abstractNum w:abstractNumId="99411">"#;
    with_parts(bytes, |name, xml| {
        match name {
        "word/numbering.xml" => {
            let start = xml.find(LIST).expect("the operative list's definition");
            let end = start + xml[start..].find("</w:abstractNum>").unwrap();
            let levels = &xml[start + LIST.len()..end];
            let defined = format!(
                r#"<w:abstractNum w:abstractNumId="7"><w:styleLink w:val="UNOperative" />{levels}</w:abstractNum>"#
            );
            let linking = r#"<w:nsid w:val="A99411" /><w:multiLevelType w:val="multilevel" /><w:numStyleLink w:val="UNOperative" />"#;
            let mut out = format!("{}{linking}{}", &xml[..start + LIST.len()], &xml[end..]);
            let first_num = out.find("<w:num ").unwrap();
            out.insert_str(first_num, &defined);
            out.replace(
                "</w:numbering>",
                r#"<w:num w:numId="7"><w:abstractNumId w:val="7" /></w:num></w:numbering>"#,
            )
        }
        "word/styles.xml" => xml.replace(
            "</w:styles>",
            r#"<w:style w:type="numbering" w:customStyle="1" w:styleId="UNOperative"><w:name w:val="UN Operative" /><w:pPr><w:numPr><w:numId w:val="7" /></w:numPr></w:pPr></w:style></w:styles>"#,
        ),
        _ => xml,
    }
    })
}

#[test]
fn numbering_linked_through_a_list_style_reads_as_the_list_itself() {
    use std::io::Read;
    let bytes = through_a_list_style(fixture("ga-79-100.en.docx"));
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.clone())).unwrap();
    let mut numbering = String::new();
    (zip.by_name("word/numbering.xml").unwrap())
        .read_to_string(&mut numbering)
        .unwrap();
    // the list the paragraphs name has no levels of its own
    let list = numbering.find(r#"w:abstractNumId="99411">"#).unwrap();
    let list = &numbering[list..list + numbering[list..].find("</w:abstractNum>").unwrap()];
    assert!(
        list.contains("w:numStyleLink") && !list.contains("<w:lvl "),
        "{list}"
    );
    let x = docx::read(fixture("ga-79-100.en.docx")).unwrap();
    let y = docx::read(bytes).unwrap();
    assert_eq!(y.text, x.text);
    assert_eq!(y.paragraphs, x.paragraphs);
    assert_eq!(y.spans, x.spans);
    line_starting(&y.text, "17. ");
}

const BOXED: &str = "Prepared by the Secretariat for information only.";

/// A text box as Word anchors one in a run: a drawing with, beside it for
/// older readers, the same box in VML (`mc:Fallback`); `vml_only`: the VML
/// box alone (`w:pict`), as older files have it.
fn text_box_run(vml_only: bool) -> String {
    let content =
        format!(r#"<w:txbxContent><w:p><w:r><w:t>{BOXED}</w:t></w:r></w:p></w:txbxContent>"#);
    let vml = format!(
        r#"<w:pict><v:shape id="box1" style="width:144pt;height:36pt"><v:textbox>{content}</v:textbox></v:shape></w:pict>"#
    );
    if vml_only {
        return format!("<w:r>{vml}</w:r>");
    }
    format!(
        r#"<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="2" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="1828800" cy="457200"/><wp:wrapSquare wrapText="bothSides"/><wp:docPr id="100" name="Text Box 1"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx>{content}</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback>{vml}</mc:Fallback></mc:AlternateContent></w:r>"#
    )
}

/// The lines of a text that hold words.
fn text_lines(t: &str) -> Vec<String> {
    t.lines()
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// A text box anchored between the words of a paragraph whose mark is
/// deleted (LibreOffice's `joined.en.docx`, operative paragraph 4 run on
/// into 5, with a box put after its lead): with the change accepted, the
/// box's text is a paragraph of its own after the joined paragraph, which
/// reads as without the box; rejected, after paragraph 4. Read once,
/// whether Word wrote the box as a drawing with a VML copy or in VML only.
#[test]
fn a_text_box_in_a_joined_paragraph_stands_after_it() {
    const LEAD: &str = "<w:t>Urges</w:t></w:r>";
    let plain = read("libreoffice/joined.en.docx");
    for vml_only in [false, true] {
        let bytes = with_parts(fixture("libreoffice/joined.en.docx"), |name, xml| {
            if name != "word/document.xml" {
                return xml;
            }
            let at = xml.find(LEAD).expect("operative paragraph 4's lead") + LEAD.len();
            format!("{}{}{}", &xml[..at], text_box_run(vml_only), &xml[at..])
        });
        let x = docx::read(bytes).unwrap();
        let (lx, lp) = (text_lines(&x.text), text_lines(&plain.text));
        let k = lp.iter().position(|l| l.starts_with("4. Urges")).unwrap();
        let mut expected = lp.clone();
        expected.insert(k + 1, BOXED.to_string());
        assert_eq!(lx, expected, "vml only: {vml_only}");
        // the deleted mark is the one change, where it was
        assert_eq!(x.revisions, plain.revisions);
        // rejected: after paragraph 4, which stands apart again
        let (rx, rp) = (
            text_lines(&x.rejected_text()),
            text_lines(&plain.rejected_text()),
        );
        let k = rp.iter().position(|l| l.starts_with("4. Urges")).unwrap();
        let mut expected = rp.clone();
        expected.insert(k + 1, BOXED.to_string());
        assert_eq!(rx, expected, "vml only: {vml_only}");
    }
}

/// Where LibreOffice's compare puts a paragraph deleted whole (GA 79/100's
/// third preambular paragraph, in six languages): after the document's last
/// paragraph, whose mark it marks deleted, so that its deletion runs from
/// the end of that paragraph (the place LibreOffice's own Reject All
/// restores it to). The package keeps no other trace of where it stood (no
/// bookmark, no anchor, the same date and author as every change, ids in
/// the order of the body), so the text with the changes rejected has it
/// last and every other paragraph in the original's order.
#[test]
fn libreoffice_compare_writes_a_deleted_paragraph_last() {
    let body = |t: &str| -> Vec<String> {
        let end = t
            .find(unlsp_formats::extracted::FOOTNOTE_RULE)
            .unwrap_or(t.len());
        text_lines(&t[..end])
    };
    for lang in LANGS {
        let name = format!("libreoffice/compared.{lang}.docx");
        let xml = part(&name, "word/document.xml");
        let paragraphs: Vec<&str> = xml.split("<w:p>").skip(1).collect();
        let (before, last) = (
            paragraphs[paragraphs.len() - 2],
            paragraphs[paragraphs.len() - 1],
        );
        assert!(
            last.contains("<w:delText") && !last.contains("<w:t>") && !last.contains("<w:t "),
            "{lang}: {last}"
        );
        let mark = &before[..before.find("</w:pPr>").unwrap()];
        assert!(mark.contains("<w:rPr><w:del "), "{lang}: {mark}");
        let rejected = body(&read(&name).rejected_text());
        let mut original = body(&read(&format!("libreoffice/ga-79-100.{lang}.docx")).text);
        let deleted = rejected.last().unwrap();
        let k = original.iter().position(|l| l == deleted).unwrap();
        assert!(k < original.len() - 3, "{lang}: {k}");
        original.remove(k);
        assert_eq!(rejected[..rejected.len() - 1], original[..], "{lang}");
    }
}
