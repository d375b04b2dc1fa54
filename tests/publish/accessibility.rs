//! JIS X 8341-3:2016 level AA as a browser checks it: every page of the fixture's site opened in the
//! system's Chromium at a desktop and a phone width, axe-core's WCAG 2.1 A and AA rules (and its best
//! practices) with no violation, the keyboard's way through the page (a skip link first, which goes
//! to the content, and a focus one can see on every stop), and no request outside the site.
//! `browser/check.mjs` drives Chromium; `.ci/run` installs Chromium, Node.js and axe-core.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use super::{files, fixture_site, outside};

/// The folder of the npm packages of `browser/`; where they are not installed the test is ignored
/// (a failure under CI).
fn axe_core() -> PathBuf {
    let browser = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/publish/browser");
    if !browser.join("node_modules/axe-core/axe.min.js").is_file() {
        outside::missing("axe-core (npm ci --prefix tests/publish/browser)");
    }
    browser
}

pub fn every_page_passes_axe_core_at_desktop_and_phone_widths_and_works_by_keyboard() {
    let (chromium, node, browser) = (outside::need("chromium"), outside::need("node"), axe_core());
    let office = fixture_site();
    let site = office.site();
    let pages: Vec<PathBuf> = files(&site).into_keys().filter(|p| p.ends_with(".html")).map(|p| site.join(p)).collect();
    assert_eq!(pages.len(), 10);
    let profile = office.dir.path().join("chromium-profile");
    let out = Command::new(node)
        .arg(browser.join("check.mjs"))
        .arg(chromium)
        .arg(&profile)
        .args(&pages)
        .output()
        .expect("node runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let results: Vec<Value> = serde_json::from_slice(&out.stdout).expect("the check's JSON");
    assert_eq!(results.len(), pages.len() * 2, "each page at two widths");
    let site_url = format!("file://{}/", site.display());
    for result in &results {
        let (page, size) = (result["page"].as_str().unwrap(), result["size"].as_str().unwrap());
        let violations = result["violations"].as_array().unwrap();
        assert!(violations.is_empty(), "{page} at {size}: {}", serde_json::to_string_pretty(violations).unwrap());
        for request in result["requests"].as_array().unwrap() {
            let url = request.as_str().unwrap();
            assert!(url.starts_with(&site_url), "{page} asked for {url}, outside the site");
        }
        let focus = result["focus"].as_array().unwrap();
        assert_eq!(focus[0]["text"], "本文へ移動", "{page}: the skip link comes first");
        for stop in focus {
            assert!(stop.is_object(), "{page} at {size}: Tab reached nothing: {focus:?}");
            assert_eq!(stop["outline"], "solid 4px", "{page} at {size}: no visible focus on {stop}");
            assert_eq!(stop["background"], "rgb(255, 212, 61)", "{page}: {stop}");
            assert_eq!(stop["shown"], true, "{page} at {size}: the focus is out of sight: {stop}");
        }
        assert_eq!(result["skipped"], "main", "{page}: the skip link leads to the content");
    }
}
