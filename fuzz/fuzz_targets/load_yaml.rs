//! Any bytes as a data file: loading must answer (document or located errors), never panic,
//! and a document that loads must come back the same after writing it out, whole or spliced
//! into the very bytes it was read from (the way a save writes it).
#![no_main]

use hyoka::store::{decode, emit_document, parse_document, rewrite};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = decode(bytes) else { return };
    match parse_document(&text) {
        Ok(doc) => {
            let written = emit_document(&doc);
            assert_eq!(parse_document(&written).ok().as_ref(), Some(&doc), "save then load gives the document back");
            let mut edited = doc.clone();
            if let Some(section) = edited.section_mut(0, 0) {
                section.reflection.push('\u{FFFE}');
                // With its mark, if it has one: as the goals pane removes a goal.
                if let Some(last) = section.goals.len().checked_sub(1) {
                    section.remove_goal(last);
                }
            }
            let (spliced, _) = rewrite(Some((&text, &doc)), &edited);
            assert_eq!(parse_document(&spliced).ok(), Some(edited), "a spliced save loads as the edited document");
        }
        Err(problems) => assert!(problems.iter().all(|p| p.position.is_some())),
    }
});
