use super::*;
use unlsp_syntax::Document;

const RES: &str = "The General Assembly,\n\nRecalling its resolution 61/100 of 14 December 2006,\n\nNoting with concern the situation in the region,\n\n1. Urges all States to cooperate fully with the Special Rapporteur;\n\n2. Requests the Secretary-General to report on the implementation of the present resolution;\n\n3. Decides to remain seized of the matter.\n";

fn run(a: &str, b: &str) -> Comparison {
    let (da, db) = (Document::new(a), Document::new(b));
    compare(
        (da.text(), da.tree()),
        (db.text(), db.tree()),
        &mut Work::new(),
    )
}

fn kinds(c: &Comparison) -> Vec<&'static str> {
    c.changes().map(|e| e.kind.unwrap().name()).collect()
}

#[test]
fn the_same_text_rewrapped_is_the_same() {
    let rewrapped = RES.replace("cooperate fully", "cooperate\nfully");
    let c = run(RES, &rewrapped);
    assert!(c.same(), "{:?}", c.entries);
    assert_eq!(c.old.len(), 5);
}

#[test]
fn a_word_changed_is_one_changed_paragraph() {
    let c = run(RES, &RES.replace("Urges", "Encourages"));
    assert_eq!(kinds(&c), ["changed"]);
    let e = c.changes().next().unwrap();
    assert_eq!(words_changed(&e.words), 1);
    assert!(
        e.words
            .iter()
            .any(|w| w.op == Op::Delete && w.text.contains("Urges"))
    );
}

#[test]
fn a_deletion_renumbers_the_paragraphs_after_it() {
    let b = RES
        .replace(
            "1. Urges all States to cooperate fully with the Special Rapporteur;\n\n",
            "",
        )
        .replace("2. Requests", "1. Requests")
        .replace("3. Decides", "2. Decides");
    let c = run(RES, &b);
    assert_eq!(kinds(&c), ["deleted", "renumbered", "renumbered"]);
}

#[test]
fn a_deletion_without_renumbering_leaves_a_gap() {
    let b = RES.replace("2. Requests the Secretary-General to report on the implementation of the present resolution;\n\n", "");
    let c = run(RES, &b);
    assert_eq!(kinds(&c), ["deleted"], "{:?}", c.entries);
}

#[test]
fn a_copy_is_added_and_a_move_is_moved() {
    let copy = RES.replace(
        "3. Decides",
        "3. Urges all States to cooperate fully with the Special Rapporteur;\n\n4. Decides",
    );
    assert_eq!(kinds(&run(RES, &copy)), ["added", "renumbered"]);
    let moved = "The General Assembly,\n\nRecalling its resolution 61/100 of 14 December 2006,\n\nNoting with concern the situation in the region,\n\n1. Requests the Secretary-General to report on the implementation of the present resolution;\n\n2. Urges all States to cooperate fully with the Special Rapporteur;\n\n3. Decides to remain seized of the matter.\n";
    let c = run(RES, moved);
    assert_eq!(kinds(&c), ["renumbered", "moved"], "{:?}", c.entries);
}

#[test]
fn split_and_merge() {
    let split = RES.replace(
        "2. Requests the Secretary-General to report on the implementation of the present resolution;",
        "2. Requests the Secretary-General to report;\n\n3. Also requests on the implementation of the present resolution;",
    ).replace("3. Decides", "4. Decides");
    let c = run(RES, &split);
    assert_eq!(kinds(&c), ["split", "renumbered"], "{:?}", c.entries);
    let c = run(&split, RES);
    assert_eq!(kinds(&c), ["merged", "renumbered"], "{:?}", c.entries);
}

#[test]
fn chinese_is_compared_by_character() {
    let a = "大会，\n\n1. 决定继续处理此案。\n";
    let b = "大会，\n\n1. 决定继续积极处理此案。\n";
    let c = run(a, b);
    assert_eq!(kinds(&c), ["changed"]);
    let ins: Vec<_> = c
        .changes()
        .next()
        .unwrap()
        .words
        .iter()
        .filter(|w| w.op == Op::Insert)
        .map(|w| w.text.clone())
        .collect();
    assert_eq!(ins, ["积极"]);
}

#[test]
fn the_first_two_paragraphs_merged() {
    let merged = RES.replace("14 December 2006,\n\nNoting", "14 December 2006, noting");
    let c = run(RES, &merged);
    assert_eq!(kinds(&c), ["merged"], "{:?}", c.entries);
}
