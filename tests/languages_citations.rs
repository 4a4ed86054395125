//! Citations of resolutions in French, Spanish, Russian and Arabic, from real
//! sentences (the pages of `../shared/corpus/pages`, copied here so the test runs
//! without the corpus) and the forms of the issue: target, organ, ISO date, list.

use unlsp_syntax::{CitationKind, Document};

/// (target, organ, ISO date, list index) of every resolution citation.
fn cites(text: &str) -> Vec<(String, String, String, u32)> {
    let doc = Document::new(text);
    doc.tree()
        .citations
        .iter()
        .filter(|c| c.kind != CitationKind::Document)
        .map(|c| {
            (
                c.target.clone(),
                c.organ.clone().unwrap_or_default(),
                c.date.map(|d| d.iso()).unwrap_or_default(),
                c.list,
            )
        })
        .collect()
}

/// (target, ISO date) of every resolution citation.
fn dated(text: &str) -> Vec<(String, String)> {
    cites(text).into_iter().map(|(t, _, d, _)| (t, d)).collect()
}

fn t(target: &str, organ: &str, date: &str, list: u32) -> (String, String, String, u32) {
    (target.into(), organ.into(), date.into(), list)
}

#[test]
fn french() {
    // the form, and a list
    let got = cites(
        "L'Assemblée générale,\nRappelant sa résolution 61/100 du 6 décembre 2006 et ses résolutions 56/24 et 57/72,\n",
    );
    assert_eq!(
        got,
        [
            t("61/100", "GA", "2006-12-06", 0),
            t("56/24", "GA", "", 1),
            t("57/72", "GA", "", 1)
        ]
    );
    // sc-draft-iraq-2003 (fr): a dated list of Council resolutions, the first
    // dated without its day as on the page
    let got = cites(
        "Le Conseil de sécurité,\nRappelant ses résolutions 661 (1990) d’août 1990, 678 (1990) du 29 novembre 1990, 686 (1991) du 2 mars 1991 et 1441 (2002) du 8 novembre 2002,\n",
    );
    assert_eq!(
        got,
        [
            t("661 (1990)", "SC", "", 0),
            t("678 (1990)", "SC", "1990-11-29", 0),
            t("686 (1991)", "SC", "1991-03-02", 0),
            t("1441 (2002)", "SC", "2002-11-08", 0)
        ]
    );
}

#[test]
fn spanish() {
    // the form
    let got = cites(
        "La Asamblea General,\nRecordando su resolución 61/100, de 6 de diciembre de 2006, y sus resoluciones 56/24 y 57/72,\n",
    );
    assert_eq!(
        got,
        [
            t("61/100", "GA", "2006-12-06", 0),
            t("56/24", "GA", "", 1),
            t("57/72", "GA", "", 1)
        ]
    );
}

#[test]
fn russian() {
    // ga-res-global-threats-2003 (ru)
    let got = cites(
        "Генеральная Ассамблея,\nссылаясь на свои резолюции 55/162 от 14 декабря 2000 года, 56/95 от 14 декабря 2001 года, 57/144 от 16 декабря 2002 года о последующих мерах по итогам Саммита тысячелетия и на резолюцию 57/145 от 16 декабря 2002 года,\n",
    );
    assert_eq!(
        got,
        [
            t("55/162", "GA", "2000-12-14", 0),
            t("56/95", "GA", "2001-12-14", 0),
            t("57/144", "GA", "2002-12-16", 0),
            t("57/145", "GA", "2002-12-16", 1)
        ]
    );
    // S/RES/1552 (2004): bare Council numbers take the year of their date
    let got = cites(
        "Совет Безопасности,\nссылаясь на свои предыдущие резолюции, в частности резолюции 1493 от 28 июля 2003 года и 1533 от 12 марта 2004 года,\n",
    );
    assert_eq!(
        got,
        [
            t("1493 (2003)", "SC", "2003-07-28", 0),
            t("1533 (2004)", "SC", "2004-03-12", 0)
        ]
    );
    // the form
    let got = cites("Совет Безопасности,\nссылаясь на резолюцию 61/100 от 6 декабря 2006 года,\n");
    assert_eq!(got, [t("61/100", "GA", "2006-12-06", 0)]);
}

#[test]
fn arabic() {
    // S/RES/381 (1975), Arabic: `قرار مجلس الأمن رقم 381 بتاريخ 30 تشرين الثاني (نوفمبر) 1975`
    let got = cites(
        "إن مجلس الأمن،\nإذ يشير إلى قرار مجلس الأمن رقم 381 بتاريخ 30 تشرين الثاني (نوفمبر) 1975،\n",
    );
    assert_eq!(got, [t("381 (1975)", "SC", "1975-11-30", 0)]);
    // Arabic-Indic digits
    let got =
        cites("إن الجمعية العامة،\nإذ تشير إلى قرارها ٦١/١٠٠ المؤرخ ٦ كانون الأول/ديسمبر ٢٠٠٦،\n");
    assert_eq!(got, [t("61/100", "GA", "2006-12-06", 0)]);
    // the official form: `قرارها 61/100 المؤرخ 6 كانون الأول/ديسمبر 2006`, a session
    // in Arabic letters (`1514 (د-15)`), and a list joined with `و`
    let got = cites(
        "إن الجمعية العامة،\nإذ تشير إلى قرارها 61/100 المؤرخ 6 كانون الأول/ديسمبر 2006 وإلى القرار 1514 (د-15) والقرارين 56/24 و57/72،\n",
    );
    assert_eq!(
        got,
        [
            t("61/100", "GA", "2006-12-06", 0),
            t("1514 (XV)", "GA", "", 1),
            t("56/24", "GA", "", 2),
            t("57/72", "GA", "", 2)
        ]
    );
}

/// (target, organ or `-`) of every resolution or decision citation.
fn organs(text: &str) -> Vec<(String, String)> {
    cites(text)
        .into_iter()
        .map(|(t, o, _, _)| (t, if o.is_empty() { "-".into() } else { o }))
        .collect()
}

fn o(target: &str, organ: &str) -> (String, String) {
    (target.into(), organ.into())
}

#[test]
fn other_bodies_are_not_the_general_assembly() {
    // A/RES/78/131: the Commission on Narcotic Drugs, named `Commission`
    let got = organs(
        "The General Assembly,\nRecalling that Member States decided, in Commission resolution\n66/1 of 17 March 2023,9 to convene in 2024 a high-level segment of the Commission,\n",
    );
    assert_eq!(got, [o("66/1", "-")]);
    // A/RES/78/158: ESCAP, named well before a bare `resolution` whose date
    // (May 2016) rules out the Assembly's 72/7 (session 72 is 2017-2018)
    let got = organs(
        "The General Assembly,\nNoting the adoption, by the Economic and Social Commission for Asia and the\nPacific at its seventy-second session, of resolution 72/7 of 19 May 2016 on regional\ncooperation to combat sand and dust storms in Asia and the Pacific,\n",
    );
    assert_eq!(got, [o("72/7", "-")]);
    // A/RES/79/182: the Human Rights Council's list, after the Assembly's own
    let got = organs(
        "The General Assembly,\nRecalling its resolutions 73/264 of 22 December\n2018 and 72/248 of 24 December 2017, and recalling the resolutions and decisions of\nthe Human Rights Council, the most recent of which being resolutions 56/1 of 10 July\n2024,3 55/20 of 4 April 2024,4 53/26 of 14 July 2023,\n",
    );
    assert_eq!(
        got,
        [
            o("73/264", "GA"),
            o("72/248", "GA"),
            o("56/1", "HRC"),
            o("55/20", "HRC"),
            o("53/26", "HRC")
        ]
    );
    // A/RES/80/220: `Council` beside `Assembly` (the Human Rights Council)
    let got = organs(
        "The General Assembly,\nRecalling Assembly\nresolution 79/181 of 17 December 2024 and Council resolution 58/17 of 3 April\n2025,1\n",
    );
    assert_eq!(got, [o("79/181", "GA"), o("58/17", "-")]);
    // the forms of the issue, and A/RES/79/227's Environment Assembly
    let got = organs(
        "The General Assembly,\nRecalling Economic and Social Council resolution 2004/67 of 21 July 2004, Human Rights Council resolution 5/1 of 18 June 2007 and Commission on Human Rights resolution 2005/69 of 20 April 2005, in line with United Nations Environment Assembly resolution 5/1 of 2 March\n2022, and Council resolution 1373 (2001),\n",
    );
    assert_eq!(
        got,
        [
            o("2004/67", "ECOSOC"),
            o("5/1", "HRC"),
            o("2005/69", "-"),
            o("5/1", "-"),
            o("1373 (2001)", "SC")
        ]
    );
}

#[test]
fn shared_dates_and_chinese_lists() {
    // A/RES/78/229: a date after a run of one session's items, inside a longer list
    let got = dated(
        "The General Assembly,\nReaffirming its resolutions 46/152 of 18 December 1991, 60/1 of 16 September\n2005, 67/1 of 19 September 2012, 69/193 and 69/196 of 18 December 2014, 70/178\nand 70/179 of 17 December 2015,\n",
    );
    let dates: Vec<(&str, &str)> = got.iter().map(|(t, d)| (t.as_str(), d.as_str())).collect();
    assert_eq!(
        dates,
        [
            ("46/152", "1991-12-18"),
            ("60/1", "2005-09-16"),
            ("67/1", "2012-09-19"),
            ("69/193", "2014-12-18"),
            ("69/196", "2014-12-18"),
            ("70/178", "2015-12-17"),
            ("70/179", "2015-12-17")
        ]
    );
    // A/RES/78/327: not across a comma (70/1 is of 2015); A/RES/78/24: a
    // two-letter part; A/RES/78/252: the section between the number and its date
    let got = dated(
        "The General Assembly,\nRecalling resolutions 67/290 of 9 July 2013,\n70/1, 70/299 of 29 July 2016 and 75/290 B of 25 June 2021, and its resolutions 52/38 F of 9 December 1997, 53/77 AA of\n4 December 1998, 45/248 B, section VI, of 21 December 1990,\n",
    );
    let dates: Vec<(&str, &str)> = got.iter().map(|(t, d)| (t.as_str(), d.as_str())).collect();
    assert_eq!(
        dates,
        [
            ("67/290", "2013-07-09"),
            ("70/1", ""),
            ("70/299", "2016-07-29"),
            ("75/290 B", "2021-06-25"),
            ("52/38 F", "1997-12-09"),
            ("53/77 AA", "1998-12-04"),
            ("45/248 B", "1990-12-21")
        ]
    );
    // seed 003 (A/RES/62/47) with a `，` between two dated items: one list
    let got = cites(
        "大会，\n回顾其 2001 年 12 月 24 日第 56/24 V 号、2002 年 11 月 22 日第 57/72 号，2003 年 12 月 23 日第 58/241 号和 2006 年 12 月 6 日第 61/66 号决议，\n",
    );
    assert_eq!(
        got,
        [
            t("56/24 V", "GA", "2001-12-24", 0),
            t("57/72", "GA", "2002-11-22", 0),
            t("58/241", "GA", "2003-12-23", 0),
            t("61/66", "GA", "2006-12-06", 0)
        ]
    );
    // a date before `第 a 和 b 号` of one session dates both
    let got = cites("大会，\n回顾其 2007 年 12 月 5 日第 62/57 和 62/58 号决议，\n");
    assert_eq!(
        got,
        [
            t("62/57", "GA", "2007-12-05", 0),
            t("62/58", "GA", "2007-12-05", 0)
        ]
    );
}

#[test]
fn russian_forms() {
    // S/RES/1518 (2003) (ru page): a Council number with its year and date
    let got = cites(
        "Совет Безопасности,\nссылаясь далее на свое прежнее решение в резолюции 1483 (2003) от 22 мая 2003 года ( 995_b43 ) о прекращении деятельности Комитета,\n",
    );
    assert_eq!(got, [t("1483 (2003)", "SC", "2003-05-22", 0)]);
    // one date for a list of one session; `свое решение` (neuter) is the author's
    let got = cites(
        "Генеральная Ассамблея,\nссылаясь на свои резолюции 62/57 и 62/58 от 5 декабря 2007 года и свое решение 60/519, а также на резолюцию 56/24 V,\n",
    );
    assert_eq!(
        got,
        [
            t("62/57", "GA", "2007-12-05", 0),
            t("62/58", "GA", "2007-12-05", 0),
            t("60/519", "GA", "", 1),
            t("56/24 V", "GA", "", 2)
        ]
    );
    let doc = Document::new("Генеральная Ассамблея,\nссылаясь на свое решение 60/519,\n");
    let c = &doc.tree().citations[0];
    assert!(c.own && c.kind == CitationKind::Decision, "{c:?}");
    // the organ after the number (and before the date): `[en] organs`' Russian twin
    let got = cites(
        "Генеральная Ассамблея,\nссылаясь на резолюцию 2231 (2015) Совета Безопасности, резолюцию 5/1 Совета по правам человека от 18 июня 2007 года, резолюцию 2005/3 Экономического и Социального Совета и резолюцию 2005/69 Комиссии по правам человека,\n",
    );
    assert_eq!(
        got,
        [
            t("2231 (2015)", "SC", "", 0),
            t("5/1", "HRC", "2007-06-18", 1),
            t("2005/3", "ECOSOC", "", 2),
            t("2005/69", "", "", 3)
        ]
    );
    // a Council list without dates
    let got = cites(
        "Совет Безопасности,\nссылаясь на свои резолюции 1267 (1999), 1989 (2011) и 2253 (2015),\n",
    );
    assert_eq!(
        got,
        [
            t("1267 (1999)", "SC", "", 0),
            t("1989 (2011)", "SC", "", 0),
            t("2253 (2015)", "SC", "", 0)
        ]
    );
}

#[test]
fn arabic_forms() {
    // GA 52/31 (Arabic), the spec's form: part letters as letter names, `و`
    // before every item
    let got = cites(
        "إن الجمعية العامة،\nإذ تشير إلى قراراتها 40/152 سين المؤرخ 16 كانون الأول/ديسمبر 1985، و 41/86 فاء المؤرخ 4 كانون الأول/ديسمبر 1986،\n",
    );
    assert_eq!(
        got,
        [
            t("40/152 O", "GA", "1985-12-16", 0),
            t("41/86 Q", "GA", "1986-12-04", 0)
        ]
    );
    // one date for two of one session (`المؤرخين`), a spaced number, a decision
    let got = cites(
        "إن الجمعية العامة،\nإذ تشير إلى قراريها 62/57 و 62/58 المؤرخين 5 كانون الأول/ديسمبر 2007 وإلى قرارها 40 / 152 ومقررها 60/519،\n",
    );
    assert_eq!(
        got,
        [
            t("62/57", "GA", "2007-12-05", 0),
            t("62/58", "GA", "2007-12-05", 0),
            t("40/152", "GA", "", 1),
            t("60/519", "GA", "", 2)
        ]
    );
    // organs between the noun and the number; Arabic-Indic digits of a Council
    // number
    let got = cites(
        "إن الجمعية العامة،\nإذ تشير إلى قرار مجلس الأمن 2231 (2015) وقرار مجلس حقوق الإنسان 5/1 المؤرخ 18 حزيران/يونيه 2007 وقرار المجلس الاقتصادي والاجتماعي 2005/3 وقرار لجنة حقوق الإنسان 2005/69 وقرار مجلس الأمن ١٤٨٣ (٢٠٠٣)،\n",
    );
    assert_eq!(
        got,
        [
            t("2231 (2015)", "SC", "", 0),
            t("5/1", "HRC", "2007-06-18", 1),
            t("2005/3", "ECOSOC", "", 2),
            t("2005/69", "", "", 3),
            t("1483 (2003)", "SC", "", 4)
        ]
    );
}

#[test]
fn french_and_spanish_organs_after_the_number() {
    let got = cites(
        "L'Assemblée générale,\nRappelant la résolution 2231 (2015) du Conseil de sécurité et la résolution 5/1 du Conseil des droits de l’homme, en date du 18 juin 2007, ainsi que la résolution 2005/69 de la Commission des droits de l’homme,\n",
    );
    assert_eq!(
        got,
        [
            t("2231 (2015)", "SC", "", 0),
            t("5/1", "HRC", "2007-06-18", 1),
            t("2005/69", "", "", 2)
        ]
    );
    let got = cites(
        "La Asamblea General,\nRecordando sus resoluciones 70/54, de 7 de diciembre de 2015, 71/45, de 5 de diciembre de 2016, y 72/54, de 4 de diciembre de 2017, y la resolución 5/1 del Consejo de Derechos Humanos, de 18 de junio de 2007,\n",
    );
    assert_eq!(
        got,
        [
            t("70/54", "GA", "2015-12-07", 0),
            t("71/45", "GA", "2016-12-05", 0),
            t("72/54", "GA", "2017-12-04", 0),
            t("5/1", "HRC", "2007-06-18", 1)
        ]
    );
}

#[test]
fn chinese_organs_come_from_the_table() {
    // the spec's forms, and the Commission on Human Rights (another body)
    let got = cites(
        "大会，\n回顾人权理事会 2007 年 6 月 18 日第 5/1 号决议，经济及社会理事会第 2005/3 号决议，人权委员会第 2005/69 号决议，安全理事会第 2231(2015)号决议和其 2006 年 12 月 6 日第 61/100 号决议，\n",
    );
    assert_eq!(
        got,
        [
            t("5/1", "HRC", "2007-06-18", 0),
            t("2005/3", "ECOSOC", "", 1),
            t("2005/69", "", "", 2),
            t("2231 (2015)", "SC", "", 3),
            t("61/100", "GA", "2006-12-06", 4)
        ]
    );
    // a second citation with nothing named before it keeps the clause's organ
    let got = cites(
        "大会，
回顾人权理事会第 5/1 号决议和第 6/2 号决议，
",
    );
    assert_eq!(got, [t("5/1", "HRC", "", 0), t("6/2", "HRC", "", 1)]);
}

/// Arabic session abbreviations (real sentences of A/RES/79/306, 80/77 and 79/229):
/// `د` a regular session, `دإ` a special session (S-), `دإط` an emergency special session
/// (ES-), in the parenthesised pre-1976 form and the post-1976 `دإط-10/15` form.
#[test]
fn arabic_special_and_emergency_special_sessions() {
    let targets = |text: &str| -> Vec<String> { cites(text).into_iter().map(|c| c.0).collect() };
    assert_eq!(
        targets(
            "إن الجمعية العامة،\nوإذ تعيد تأكيد المبادئ العامة التي يستند إليها تمويل عمليات الأمم المتحدة لحفظ السلام، حسبما نصت عليه قراراتها 1874 (دإ-4) المؤرخ 27 حزيران/يونيه 1963 و 3101 (د-28) المؤرخ 11 كانون الأول/ديسمبر 1973 و 55/235 المؤرخ 23 كانون الأول/ديسمبر 2000،\n"
        ),
        ["1874 (S-IV)", "3101 (XXVIII)", "55/235"]
    );
    assert_eq!(
        targets(
            "إن الجمعية العامة،\nوإذ تشير إلى قراريها 2252 (دإط-5) المؤرخ 4 تموز/يوليه 1967 و 2341 باء (د-22) المؤرخ 19 كانون الأول/ديسمبر 1967 وإلى جميع القرارات اللاحقة ذات الصلة،\n"
        )[..1],
        ["2252 (ES-V)"]
    );
    assert_eq!(
        targets(
            "إن الجمعية العامة،\nوإذ تشير كذلك إلى قراريها دإط-10/15 المؤرخ 20 تموز/يوليه 2004 ودإط-10/17 المؤرخ 15 كانون الأول/ديسمبر 2006،\n"
        )[..1],
        ["ES-10/15"]
    );
}

/// Another body's acts in every language, real lines of GA 78–80: the
/// body named before `sa résolution`/`su resolución`/`قراره`/`其`, or as the
/// subject after the citation, owns an act dated outside the Assembly's
/// session; the Assembly's own misdated act stays its own.
#[test]
fn other_bodies_in_every_language() {
    let cases: [(&str, &str, &str); 10] = [
        // A/RES/78/203 (en): the subject after the citation, as in French
        (
            "The General Assembly,\n7. Takes note, in this regard, that through its resolution 54/18 of 12 October 2023, the Human Rights Council submitted to the General Assembly the draft;\n",
            "54/18",
            "HRC",
        ),
        // A/RES/79/167 (fr)
        (
            "L’Assemblée générale,\n25. Rappelle la décision prise par le Conseil des droits de l’homme, dans sa résolution 54/15 du 11 octobre 2023, de convoquer une réunion-débat ;\n",
            "54/15",
            "HRC",
        ),
        // A/RES/79/170 (fr): the Council is the subject after the citation
        (
            "L’Assemblée générale,\n7. Note à cet égard que par sa résolution 54/18 du 12 octobre 2023, le Conseil des droits de l’homme a soumis à l’Assemblée générale le projet ;\n",
            "54/18",
            "HRC",
        ),
        // A/RES/79/170 (es)
        (
            "La Asamblea General,\n7. Toma nota a este respecto de que, mediante su resolución 54/18, de 12 de octubre de 2023, el Consejo de Derechos Humanos presentó a la Asamblea General el proyecto;\n",
            "54/18",
            "HRC",
        ),
        // A/RES/80/131 (es): ESCAP, another body
        (
            "La Asamblea General,\nObservando el establecimiento del Grupo de Trabajo de Expertos sobre Conectividad Energética por la Comisión Económica y Social para Asia y el Pacífico en su resolución 73/8, de 19 de mayo de 2017,\n",
            "73/8",
            "-",
        ),
        // A/RES/79/170 (ru): the subject after the date, no comma
        (
            "Генеральная Ассамблея,\n7. принимает к сведению в этой связи, что в своей резолюции 54/18 от 12 октября 2023 года Совет по правам человека представил Генеральной Ассамблее проект;\n",
            "54/18",
            "HRC",
        ),
        // A/RES/79/167 (ar)
        (
            "إن الجمعية العامة،\n25 - تشير إلى ما قرره مجلس حقوق الإنسان، في قراره 54/15 المؤرخ 11 تشرين الأول/أكتوبر 2023، من عقد حلقة نقاش؛\n",
            "54/15",
            "HRC",
        ),
        // A/RES/80/216 (zh): `理事会` alone, after the Human Rights Council
        (
            "大会，\n重申人权理事会以往关于享有安全饮用水和环境卫生的人权的所有决议，尤其是理事会2024年10月10日第57/13号决议，\n",
            "57/13",
            "-",
        ),
        // A/RES/79/275 (fr): the Assembly's own act misdated stays its own
        (
            "L’Assemblée générale,\nRappelant également sa résolution 55/56 du 1er décembre 2001, par laquelle elle a appuyé la création d’un système international de certification,\n",
            "55/56",
            "GA",
        ),
        // A/RES/80/110 (fr): misdated, no other body named
        (
            "L’Assemblée générale,\n331. Rappelle également que, dans sa résolution 78/69 du 5 décembre 2024, elle a décidé que le Processus consultatif se tiendrait ;\n",
            "78/69",
            "GA",
        ),
    ];
    for (text, target, organ) in cases {
        let got = organs(text);
        assert!(got.contains(&o(target, organ)), "{text}\n{got:?}");
    }
}

/// `les résolutions 237 (1967) et 259 (1968) du Conseil de sécurité, en date
/// du 14 juin 1967 et du 27 septembre 1968` (A/RES/80/77): one date each.
#[test]
fn two_dates_joined_are_the_two_items_dates() {
    let got = cites(
        "L’Assemblée générale,\nRappelant également les résolutions 237 (1967) et 259 (1968) du Conseil de sécurité, en date du 14 juin 1967 et du 27 septembre 1968,\n",
    );
    assert_eq!(
        got,
        [
            t("237 (1967)", "SC", "1967-06-14", 0),
            t("259 (1968)", "SC", "1968-09-27", 0)
        ]
    );
}

/// Chinese wrapped as a PDF wraps it (the conformance harness's `wrapped`
/// shape of A/RES/79/227 and 79/127): a line break that cuts a number or a
/// year is no space, so the citation and its date are whole; a footnote
/// marker after punctuation at a line's end stays a marker (A/RES/79/310).
#[test]
fn chinese_numbers_cut_by_a_line_break() {
    let got = dated(
        "大会，\n回顾其2020年12月21日第75/235号、2021年12月17日第76/22\n2号、2022年12月14日第77/186号和2012年12月14日第67/98号、2\n013年12月16日第68/117号决议，\n",
    );
    let dates: Vec<(&str, &str)> = got.iter().map(|(t, d)| (t.as_str(), d.as_str())).collect();
    assert_eq!(
        dates,
        [
            ("75/235", "2020-12-21"),
            ("76/222", "2021-12-17"),
            ("77/186", "2022-12-14"),
            ("67/98", "2012-12-14"),
            ("68/117", "2013-12-16"),
        ]
    );
    let text = "大会，\n11. 表示注意到秘书长关于该特派团预算执行情况的报告；3\n2025年7月1日至2026年6月30日期间预算估计数；\n\n__________________\n3 A/79/589。\n";
    let doc = Document::new(text);
    let markers: Vec<u32> = doc.tree().footnote_refs.iter().map(|r| r.number).collect();
    assert_eq!(markers, [3], "{:?}", doc.tree().footnote_refs);
}
