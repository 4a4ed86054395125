use super::*;
use crate::lang::Lang;

fn lead(lang: Lang, s: &str) -> Option<&str> {
    preambular_lead(lang, s).map(|n| &s[..n])
}

#[test]
fn unlisted_leads_by_their_grammar() {
    assert_eq!(lead(Lang::En, "Honouring the memory of"), Some("Honouring"));
    assert_eq!(
        lead(Lang::Fr, "Profondément\u{a0}préoccupé par"),
        Some("Profondément\u{a0}préoccupé")
    );
    assert_eq!(
        lead(Lang::En, "Solemnly proclaiming the need"),
        Some("Solemnly proclaiming")
    );
    assert_eq!(
        lead(Lang::En, "Seriously concerned that"),
        Some("Seriously concerned")
    );
    assert_eq!(lead(Lang::En, "Trusting also that"), Some("Trusting also"));
    assert_eq!(
        lead(Lang::En, "Having heard the statement"),
        Some("Having heard")
    );
    assert_eq!(
        lead(Lang::Fr, "Ayant examiné le rapport"),
        Some("Ayant examiné")
    );
    assert_eq!(
        lead(Lang::Es, "Habiendo examinado el informe"),
        Some("Habiendo examinado")
    );
    assert_eq!(
        lead(Lang::Ru, "с интересом ожидая проведения"),
        Some("с интересом ожидая")
    );
    assert_eq!(lead(Lang::Ar, "وقد نظرت في مسألة"), Some("وقد نظرت"));
    assert_eq!(
        lead(Lang::Es, "Esforzándose por adoptar"),
        Some("Esforzándose")
    );
    assert_eq!(lead(Lang::Es, "Conocedora de que"), Some("Conocedora"));
    assert_eq!(lead(Lang::Zh, "认定刚果民主共和国局势"), Some("认定"));
    assert_eq!(lead(Lang::Zh, "还感到震惊的是，"), Some("还感到震惊"));
    assert_eq!(lead(Lang::Zh, "意识到必须继续"), Some("意识到"));
    assert_eq!(lead(Lang::Zh, "严重地关切由于"), Some("严重地关切"));
    assert_eq!(
        lead(Lang::Zh, "深为关切地注意到用于"),
        Some("深为关切地注意到")
    );
    assert_eq!(lead(Lang::Zh, "在这方面回顾其决议"), Some("在这方面回顾"));
    assert_eq!(
        lead(Lang::Zh, "在这方面**重申**有必要"),
        Some("在这方面**重申")
    );
}

/// Operative paragraphs of the UN's AKN (GA 79, SC 2022) whose verb the
/// lexicon does not list; the lead is the UN's emphasis.
#[test]
fn unlisted_operative_verbs_by_their_grammar() {
    fn op<'t>(lang: Lang, organ: Option<&str>, s: &'t str) -> Option<&'t str> {
        operative_lead(lang, s, organ).map(|n| &s[..n])
    }
    let ga = Some("GA");
    assert_eq!(
        op(Lang::Ar, ga, "تعيد تأكيد حق شعب برمودا"),
        Some("تعيد تأكيد")
    );
    assert_eq!(op(Lang::Ar, ga, "تقر بأن التعاون بين"), Some("تقر"));
    assert_eq!(
        op(Lang::Ar, ga, "تعرب عن قلقها البالغ إزاء"),
        Some("تعرب عن قلقها البالغ")
    );
    assert_eq!(
        op(Lang::Ar, Some("SC"), "يكرر تأكيد التزامه"),
        Some("يكرر تأكيد")
    );
    assert_eq!(
        op(
            Lang::Ru,
            ga,
            "с признательностью принимает к сведению доклад"
        ),
        Some("с признательностью принимает к сведению")
    );
    assert_eq!(op(Lang::Ru, ga, "учреждает Фонд"), Some("учреждает"));
    assert_eq!(
        op(Lang::Ru, ga, "выражает свою признательность Комиссии"),
        Some("выражает свою признательность")
    );
    assert_eq!(
        op(Lang::Ru, ga, "выражает удовлетворение в связи"),
        Some("выражает удовлетворение")
    );
    assert_eq!(
        op(Lang::Ru, ga, "вновь просит Генерального"),
        Some("вновь просит")
    );
    assert_eq!(
        op(Lang::Ru, ga, "отмечает с удовлетворением работу"),
        Some("отмечает с удовлетворением")
    );
    assert_eq!(
        op(Lang::En, ga, "Expresses its grave concern at the"),
        Some("Expresses its grave concern")
    );
    assert_eq!(op(Lang::En, ga, "Establishes a fund"), Some("Establishes"));
    assert_eq!(
        op(Lang::Fr, ga, "Exprime sa profonde gratitude au"),
        Some("Exprime sa profonde gratitude")
    );
    assert_eq!(
        op(Lang::Fr, ga, "Fait siennes les conclusions"),
        Some("Fait siennes")
    );
    assert_eq!(op(Lang::Fr, ga, "Constitue un groupe"), Some("Constitue"));
    assert_eq!(
        op(Lang::Es, ga, "Hace suyas las conclusiones"),
        Some("Hace suyas")
    );
    assert_eq!(op(Lang::Es, ga, "Establece un fondo"), Some("Establece"));
    assert_eq!(op(Lang::Zh, ga, "肯定各国为"), Some("肯定"));
}

#[test]
fn operative_openings_that_are_not_the_authors_verb() {
    fn op(lang: Lang, organ: Option<&str>, s: &str) -> bool {
        operative_lead(lang, s, organ).is_some()
    }
    let ga = Some("GA");
    // verbal nouns, the first person, the other organ's agreement
    assert!(!op(Lang::Ar, ga, "تعزيز التعاون الدولي"));
    assert!(!op(Lang::Ar, ga, "يساورنا قلق عميق"));
    assert!(!op(Lang::Ar, ga, "يقرر أن يبقي المسألة"));
    assert!(op(Lang::Ar, Some("SC"), "يقرر أن يبقي المسألة"));
    assert!(!op(Lang::En, ga, "The Secretary-General shall"));
    assert!(!op(Lang::En, ga, "This resolution"));
    assert!(!op(Lang::Fr, ga, "Le Secrétaire général"));
    assert!(!op(Lang::Es, ga, "La Asamblea General"));
    assert!(!op(Lang::Ru, ga, "Генеральная Ассамблея"));
    assert!(!op(Lang::En, ga, "2030 Agenda"));
    assert!(!op(Lang::En, ga, "Sponsors are responsible for"));
}

#[test]
fn nouns_articles_and_numbers_are_not_leads() {
    assert_eq!(lead(Lang::En, "The Secretary-General has"), None);
    assert_eq!(lead(Lang::En, "Governing Council of the"), None);
    assert_eq!(lead(Lang::En, "2030 Agenda for"), None);
    assert_eq!(lead(Lang::Fr, "Le Conseil"), None);
    assert_eq!(lead(Lang::Ar, "الجمعية العامة"), None);
    assert_eq!(lead(Lang::Zh, "这些措施"), None);
    assert_eq!(emphasised_extent(Lang::Ar, "تشدد على"), "تشدد".len());
    fn tail(lang: Lang, s: &str) -> &str {
        &s[..lead_tail(lang, s)]
    }
    assert_eq!(
        tail(Lang::Fr, " avec satisfaction du rapport"),
        " avec satisfaction"
    );
    assert_eq!(tail(Lang::Fr, " fermement les attaques"), " fermement");
    assert_eq!(tail(Lang::Fr, " l’attachement de tous"), "");
    assert_eq!(
        tail(
            Lang::Fr,
            " dans les termes les plus énergiques les attaques"
        ),
        " dans les termes les plus énergiques"
    );
    assert_eq!(tail(Lang::Es, " con aprecio el informe"), " con aprecio");
    assert_eq!(tail(Lang::Es, " una vez más que"), " una vez más");
    assert_eq!(
        tail(Lang::En, " with serious concern that"),
        " with serious concern"
    );
    assert_eq!(tail(Lang::En, " with the report"), "");
    assert_eq!(
        tail(Lang::En, " deeply concerned that"),
        " deeply concerned"
    );
    fn object<'s>(lang: Lang, lead: &str, s: &'s str) -> &'s str {
        &s[..lead_object(lang, lead, s)]
    }
    assert_eq!(
        object(Lang::En, "Expressing", " deep concern at the"),
        " deep concern"
    );
    assert_eq!(
        object(Lang::En, "Reiterating", " its concern also about"),
        " its concern also"
    );
    assert_eq!(object(Lang::En, "Reiterating", " the need to"), "");
    assert_eq!(object(Lang::En, "Expressing", " the hope that"), "");
    assert_eq!(object(Lang::En, "Recalling", " its commitment to"), "");
    assert_eq!(
        object(Lang::Es, "Expresando", " profunda preocupación por el"),
        " profunda preocupación"
    );
    assert_eq!(
        object(
            Lang::Ru,
            "выражая",
            " признательность Генеральному секретарю за"
        ),
        ""
    );
    assert_eq!(
        tail(Lang::Fr, " avec une vive préoccupation que"),
        " avec une vive préoccupation"
    );
    assert_eq!(emphasised_extent(Lang::En, "Guided by"), "Guided".len());
    assert_eq!(emphasised_extent(Lang::Fr, "Guidée par"), "Guidée".len());
    assert_eq!(tail(Lang::En, " the report of"), "");
    assert_eq!(tail(Lang::Ar, " مع التقدير بتقرير"), " مع التقدير");
    assert_eq!(tail(Lang::Ar, " بقلق بالغ أن"), " بقلق بالغ");
    assert_eq!(tail(Lang::Ar, " ببالغ القلق استمرار"), " ببالغ القلق");
    assert_eq!(tail(Lang::Ar, " بتقرير الأمين العام"), "");
    assert_eq!(
        object(Lang::Ar, "وإذ تعرب", " عن بالغ القلق إزاء"),
        " عن بالغ القلق"
    );
    assert_eq!(
        emphasised_extent(Lang::En, "Calls upon"),
        "Calls upon".len()
    );
    assert_eq!(lead(Lang::Zh, "2030年议程"), None);
    assert_eq!(lead(Lang::Zh, "《公约》缔约方"), None);
}

proptest::proptest! {
    #[test]
    fn any_text_gives_a_lead_on_a_character_boundary(s in "\\PC{0,40}") {
        for lang in [Lang::En, Lang::Fr, Lang::Es, Lang::Ru, Lang::Ar, Lang::Zh] {
            if let Some(n) = preambular_lead(lang, &s) {
                proptest::prop_assert!(s.is_char_boundary(n) && n <= s.len());
            }
        }
    }
}
