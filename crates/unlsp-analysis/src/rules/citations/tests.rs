//! The citation rules on short texts: the fixes they offer and the orders of
//! acts they accept.

mod fix_tests {
    use crate::{Config, Diagnostic, check};
    use unlsp_syntax::Document;

    /// The text after applying the fix of the first `code` diagnostic.
    fn fixed(text: &str, code: &str) -> String {
        let doc = Document::new(text);
        let diags: Vec<Diagnostic> = check(&doc, &Config::default());
        let d = diags
            .iter()
            .find(|d| d.code == code)
            .unwrap_or_else(|| panic!("no {code} in {diags:#?}"));
        let fix = d
            .fix
            .as_ref()
            .unwrap_or_else(|| panic!("{code} without a fix"));
        let mut edits = fix.edits.to_vec();
        edits.sort_by_key(|e| std::cmp::Reverse(e.range.start));
        let mut out = text.to_string();
        for e in edits {
            out.replace_range(e.range.clone(), &e.text);
        }
        out
    }

    const HEAD: &str = "Resolution adopted by the General Assembly on 21 December 2023\n\n78/248. Pattern of conferences\n\nThe General Assembly,\n\n";

    #[test]
    fn un041_writes_the_catalogue_date() {
        // A/RES/78/248 as published: `72/256 of 24 December 2107`
        let t = format!(
            "{HEAD}Recalling its resolutions 71/266 of 23 December 2016, 72/256 of 24 December 2107 and 73/276 of 22 December 2018,\n\n1. Decides to act.\n"
        );
        let f = fixed(&t, "UN041");
        assert!(f.contains("72/256 of 24 December 2017 and"), "{f}");
    }

    /// The fix writes the date as the document's language does: A/RES/80/134
    /// (fr) and A/RES/79/137 (ru) as published, against the Secretariat's
    /// records.
    #[test]
    fn un041_writes_the_date_in_the_documents_language() {
        let fr = "L’Assemblée générale,\n\nRappelant ses résolutions 74/211 du 19 décembre 2019, 76/201 du 17 décembre 2021 et 78/145 du 21 décembre 2023, ainsi que l’ensemble de ses déclarations,\n\n1. Décide d’agir.\n";
        let f = fixed(fr, "UN041");
        assert!(f.contains("et 78/145 du 19 décembre 2023, ainsi"), "{f}");
        let ru = "Генеральная Ассамблея,\n\nссылаясь далее на свою резолюцию 69/131 от 11 декабря 2024 года о Международном дне йоги,\n\n1. постановляет действовать.\n";
        let f = fixed(ru, "UN041");
        assert!(f.contains("69/131 от 11 декабря 2014 года о"), "{f}");
    }

    /// A/RES/79/105 in Arabic as published: `92/78` for 78/92, adopted on the
    /// day the text gives.
    #[test]
    fn un041_reads_a_number_written_backwards() {
        let ar = "إن الجمعية العامة،\n\nوإذ تحيط علما بورقة العمل التي أعدتها الأمانة العامة بشأن غوام، والتي تضمنت المعلومات التي طلبتها الجمعية العامة في قرارها 92/78 المؤرخ 7 كانون الأول/ديسمبر 2023،\n\n1 - تقرر أن تبقي المسألة قيد نظرها.\n";
        let f = fixed(ar, "UN041");
        assert!(f.contains("في قرارها 78/92 المؤرخ 7"), "{f}");
    }

    #[test]
    fn un055_writes_the_year_of_adoption() {
        // S/RES/1445 (2002) with the year of resolution 1325 changed
        let t = format!(
            "{HEAD}Stressing the importance of including a gender perspective in peacekeeping operations, in accordance with Security Council resolution 1325 (2001), and the need,\n\n1. Decides to act.\n"
        );
        let f = fixed(&t, "UN055");
        assert!(f.contains("resolution 1325 (2000), and"), "{f}");
    }

    #[test]
    fn un056_writes_the_catalogue_title() {
        // A/RES/80/142 as published: `resolution 79/1 entitled “The Pact of the Future”`
        let t = format!(
            "{HEAD}Welcoming the convening of the Summit of the Future on 22–23 September 2024 at the United Nations Headquarters in New York at which resolution 79/1 entitled\n“The Pact of the Future” and its annexes were adopted,\n\n1. Decides to act.\n"
        );
        let f = fixed(&t, "UN056");
        assert!(f.contains("entitled\n“The Pact for the Future” and"), "{f}");
    }

    /// The UN056 diagnostics of a text.
    fn un056(text: &str) -> Vec<Diagnostic> {
        check(&Document::new(text), &Config::default())
            .into_iter()
            .filter(|d| d.code == "UN056")
            .collect()
    }

    #[test]
    fn un056_french_writes_the_french_title() {
        // A/RES/80/229 as published: 80/227 quoted under another title
        let t = "L’Assemblée générale,\n\nRappelant ses résolutions 79/313 du 30 juin 2025 sur la lutte contre le trafic d’espèces sauvages, réaffirmant les dispositions de sa résolution 80/227 du 18 décembre 2025, intitulée « Lutter contre les crimes portant atteinte à l’environnement, en particulier le trafic de spécimens de faune et de flore sauvages, l’exploitation minière illégale et le trafic illicite de minéraux et de métaux précieux », et rappelant ses autres résolutions,\n\n1. Décide de poursuivre.\n";
        let f = fixed(t, "UN056");
        assert!(
            f.contains("intitulée « Lutter contre le trafic de faune et de flore sauvages, y compris de bois"),
            "{f}"
        );
        // A/RES/79/198: the right title
        let t = "L’Assemblée générale,\n\nSe félicitant de la tenue du Sommet de l’avenir, les 22 et 23 septembre 2024, au Siège de l’Organisation des Nations Unies, à New York, au cours duquel la résolution 79/1 intitulée « Le Pacte pour l’avenir » et les annexes s’y rapportant ont été adoptées,\n\n1. Décide de poursuivre.\n";
        assert!(un056(t).is_empty(), "{:#?}", un056(t));
        let t = t.replace("Le Pacte pour l’avenir", "Le Pacte de l’avenir");
        assert_eq!(un056(&t).len(), 1);
    }

    #[test]
    fn un056_spanish_writes_the_spanish_title() {
        // A/RES/80/149 as published: the article of “El Pacto para el Futuro” left out
        let t = "La Asamblea General,\n\nAcogiendo con beneplácito también la celebración de la Cumbre del Futuro los días 22 y 23 de septiembre de 2024 en la Sede de las Naciones Unidas (Nueva York), en la que se aprobaron la resolución 79/1, titulada “Pacto para el Futuro”, y sus anexos,\n\n1. Decide seguir.\n";
        let f = fixed(t, "UN056");
        assert!(
            f.contains("titulada “El Pacto para el Futuro”, y sus"),
            "{f}"
        );
        // A/RES/79/198: the right title, after the date
        let t = "La Asamblea General,\n\nAcogiendo con beneplácito la Cumbre del Futuro, celebrada en la Sede de las Naciones Unidas (Nueva York) los días 22 y 23 de septiembre de 2024, en la que se aprobaron la resolución 79/1, de 22 de septiembre de 2024, titulada “El Pacto para el Futuro” y sus anexos,\n\n1. Decide seguir.\n";
        assert!(un056(t).is_empty(), "{:#?}", un056(t));
    }

    #[test]
    fn un056_russian_and_arabic_compare_their_own_titles() {
        // A/RES/79/198 in Russian and Arabic: the right titles (no real
        // mismatch in GA 79-80); one word changed, each is caught
        let ru = "Генеральная Ассамблея,\n\nс удовлетворением отмечая проведение 22 и 23 сентября 2024 года в Центральных учреждениях Организации Объединенных Наций в Нью‑Йорке Саммита будущего, на котором были приняты резолюция 79/1 от 22 сентября 2024 года под названием «Пакт во имя будущего» и приложения к ней,\n\n1. постановляет продолжить.\n";
        assert!(un056(ru).is_empty(), "{:#?}", un056(ru));
        let f = fixed(&ru.replace("«Пакт во имя", "«Пакт для"), "UN056");
        assert!(f.contains("под названием «Пакт во имя будущего» и"), "{f}");
        let ar = "إن الجمعية العامة،\n\nوإذ ترحب بانعقاد مؤتمر قمة المستقبل يومي 22 و 23 أيلول/سبتمبر 2024 في مقر الأمم المتحدة في نيويورك والذي اعتُمد فيه القرار 79/1 المؤرخ 22 أيلول/سبتمبر 2024 المعنون ”ميثاق المستقبل“ ومرفقيه،\n\n1 - تقرر أن تواصل.\n";
        assert!(un056(ar).is_empty(), "{:#?}", un056(ar));
        let f = fixed(&ar.replace("”ميثاق المستقبل“", "”ميثاق الحاضر“"), "UN056");
        assert!(f.contains("المعنون ”ميثاق المستقبل“ ومرفقيه"), "{f}");
    }

    #[test]
    fn un056_chinese_reads_the_title_before_the_number() {
        // A/RES/80/228 as published: 79/286 with its words in another order
        let t = "大会，\n\n欢迎大会2025年4月29日题为“评估《联合国打击人口贩运全球行动计划》大会高级别会议的方式、形式和安排”的第79/286号决议获得通过，其中规定由大会举办该高级别会议并通过一项政治宣言，\n\n1. 决定继续。\n";
        let f = fixed(t, "UN056");
        assert!(
            f.contains("题为“评估《联合国打击贩运人口的全球行动计划》大会高级别会议的方式、形式和安排”的第79/286号"),
            "{f}"
        );
        // wrapped lines: a break between the marks and the words around them
        for (a, b) in [("题为", "题\n为"), ("为“", "为\n“"), ("”的", "”\n的")] {
            assert_eq!(un056(&t.replace(a, b)).len(), 1, "{b}");
        }
        // A/RES/79/198: the right title, the date between it and the number
        let t = "大会，\n\n欢迎2024年9月22日至23日在纽约联合国总部召开未来峰会，会上通过了题为“未来契约”的2024年9月22日第79/1号决议及其附件，\n\n1. 决定继续。\n";
        assert!(un056(t).is_empty(), "{:#?}", un056(t));
        assert_eq!(un056(&t.replace("未来契约", "未来公约")).len(), 1);
    }

    #[test]
    fn un056_never_checks_a_document_against_its_own_title() {
        // the act's own number in its heading, its title quoted after it: the
        // catalogue's title is the document's, never a reference for it
        let t = "Resolution adopted by the General Assembly on 22 September 2024\n\n79/1. The Pact for the Future\n\nThe General Assembly,\n\nRecalling resolution 79/1, entitled “The Pact of the Future”,\n\n1. Decides to act.\n";
        assert!(un056(t).is_empty(), "{:#?}", un056(t));
        // the same citation in another act is checked
        assert_eq!(
            un056(&t.replace("79/1. The Pact", "79/2. The Pact")).len(),
            1
        );
    }

    #[test]
    fn un042_dates_both_mentions_alike() {
        let t = format!(
            "{HEAD}Recalling its resolution 61/295 of 13 September 2007,\n\nRecalling also the United Nations Declaration on the Rights of Indigenous Peoples, adopted in resolution 61/295 of 14 September 2007,\n\n1. Decides to act.\n"
        );
        let f = fixed(&t, "UN042");
        assert!(
            f.contains("resolution 61/295 of 13 September 2007,\n\n1."),
            "{f}"
        );
        assert!(!f.contains("14 September"), "{f}");
    }

    #[test]
    fn un043_sorts_the_list() {
        let t = format!(
            "{HEAD}Recalling its resolutions 71/45 of 5 December 2016, 70/54 of 7 December 2015 and 72/54 of 4 December 2017,\n\n1. Decides to act.\n"
        );
        let f = fixed(&t, "UN043");
        assert!(
            f.contains("resolutions 70/54 of 7 December 2015, 71/45 of 5 December 2016 and 72/54 of 4 December 2017,"),
            "{f}"
        );
    }

    #[test]
    fn un053_writes_the_earlier_catalogue_date() {
        let t = "Resolution adopted by the General Assembly on 5 December 2007\n\n62/57. Convention on Certain Conventional Weapons\n\nThe General Assembly,\n\nRecalling its resolution 61/295 of 13 September 2008,\n\n1. Decides to act.\n";
        let f = fixed(t, "UN053");
        assert!(f.contains("61/295 of 13 September 2007,"), "{f}");
    }

    #[test]
    fn un040_chinese_puts_the_date_before_di() {
        let t = "大会，\n\n回顾其第 61/295 号决议，\n\n1. 决定采取行动。\n";
        let f = fixed(t, "UN040");
        assert!(
            f.contains("回顾其 2007 年 9 月 13 日第 61/295 号决议"),
            "{f}"
        );
    }
}

mod order_tests {
    use crate::{Config, check};
    use unlsp_syntax::Document;

    fn un043(preamble: &str) -> usize {
        let text = format!(
            "The General Assembly,\n\n{preamble}\n\n1. Decides to remain seized of the matter.\n"
        );
        check(&Document::new(&text), &Config::default())
            .iter()
            .filter(|d| d.code == "UN043")
            .count()
    }

    /// Adopted texts list newest first on purpose (GA 78/219) and old sessions
    /// by number (GA 78/73); a plain swap is still a defect.
    #[test]
    fn deliberate_orders_of_adopted_texts_pass_and_a_swap_does_not() {
        assert_eq!(
            un043(
                "Recalling its previous resolutions on the situation of human rights in Myanmar, the most recent of which being resolutions 77/227 of 15 December 2022, 76/180 of 16 December 2021, 75/287 of 18 June 2021 and 75/238 of 31 December 2020,"
            ),
            0
        );
        assert_eq!(
            un043(
                "Recalling its resolutions 194 (III) of 11 December 1948, 212 (III) of 19 November 1948, 302 (IV) of 8 December 1949 and all subsequent related resolutions,"
            ),
            0
        );
        assert_eq!(
            un043(
                "Recalling further its resolutions 75/201 of 21 December 2020 and 70/262 of 27 April 2016 on the review of the United Nations peacebuilding architecture, 72/276 of 26 April 2018 on the follow-up to the report of the Secretary-General,"
            ),
            0
        );
        assert_eq!(
            un043(
                "Recalling its resolutions 75/238 of 31 December 2020, 77/227 of 15 December 2022 and 76/180 of 16 December 2021,"
            ),
            1
        );
    }
}
