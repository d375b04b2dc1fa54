//! Any bytes as a data file: loading must answer (document or located errors), never panic,
//! and a document that loads must come back the same after writing it out.
#![no_main]

use hyoka::store::{decode, emit_document, parse_document};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = decode(bytes) else { return };
    match parse_document(&text) {
        Ok(doc) => {
            let written = emit_document(&doc);
            assert_eq!(parse_document(&written).ok(), Some(doc), "save then load gives the document back");
        }
        Err(problems) => assert!(problems.iter().all(|p| p.position.is_some())),
    }
});
