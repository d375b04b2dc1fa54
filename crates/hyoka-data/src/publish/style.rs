//! The site's one stylesheet, written into every page (no file to fetch, so a CMS can take a page alone).
//!
//! After the Digital Agency's design system (デジタル庁デザインシステム): the fonts the reader's
//! system has (Noto Sans JP first; no web font), body text #1a1a1a on white, links #0017c1, focus as
//! a black ring on yellow (#ffd43d), borders #767676 — every text at 4.5:1 or more. Tables as
//! GOV.UK's: a caption, headings on a grey ground, numbers right-aligned in tabular figures. Japanese
//! lines break by the strict rules (no line starts with ー, 、 or a small kana), names stay whole.
//! On a phone the table's rows stand as cards, each cell named. Printed: A4 landscape, the header rows on every page, a row kept on one page where it fits.

pub(super) const STYLE: &str = r#"
:root { color-scheme: light; }
html { font-family: "Noto Sans JP", "Noto Sans CJK JP", "Hiragino Kaku Gothic ProN", "Hiragino Sans", "Yu Gothic", YuGothic, Meiryo, sans-serif;
       -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; color: #1a1a1a; background: #fff; font-size: 1rem; line-height: 1.7;
       line-break: strict; word-break: normal; overflow-wrap: anywhere; }
a { color: #0017c1; text-decoration: underline; text-underline-offset: .2em; }
a:hover { text-decoration-thickness: .125em; }
a:focus-visible, [tabindex]:focus-visible { outline: 4px solid #000; outline-offset: 2px; background: #ffd43d; color: #000; }
.skip { position: absolute; left: .5rem; top: -20rem; padding: .5rem 1rem; background: #ffd43d; color: #000; z-index: 1; }
.skip:focus { top: .5rem; }
header.site { border-bottom: 4px solid #0017c1; }
.bar, main, footer.site { max-width: 80rem; margin: 0 auto; padding: 0 1rem; }
.site-name { margin: 0; padding: .75rem 0; font-weight: bold; font-size: 1.125rem; }
.site-name a { color: #1a1a1a; text-decoration: none; }
nav.crumbs ol { list-style: none; margin: .75rem 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0 .5rem; font-size: .9375rem; }
nav.crumbs li + li::before { content: "›" / ""; margin-right: .5rem; color: #595959; }
h1 { font-size: 1.75rem; line-height: 1.4; margin: 1.25rem 0 1rem; }
h2 { font-size: 1.375rem; line-height: 1.5; margin: 2rem 0 .75rem; }
h1, h2, caption, th { word-break: keep-all; overflow-wrap: anywhere; }
p { margin: 0 0 1rem; }
dl.legend { display: flex; flex-wrap: wrap; gap: .25rem 2rem; margin: 0; }
dl.legend div { display: flex; gap: .5rem; }
dl.legend dt { font-weight: bold; }
dl.legend dd { margin: 0; }
ul.links { margin: 0; padding-left: 1.5rem; }
.table-wrap { overflow-x: auto; margin: 1.5rem 0; }
table { border-collapse: collapse; }
caption { text-align: left; font-weight: bold; font-size: 1.125rem; padding: 0 0 .5rem; }
th, td { border: 1px solid #767676; padding: .375rem .5rem; vertical-align: top; text-align: left; }
thead th { background: #f2f2f2; vertical-align: middle; text-align: center; }
thead th .note { display: block; font-weight: normal; font-size: .875rem; }
table.goals { width: 100%; min-width: 52rem; table-layout: fixed; font-size: .9375rem; line-height: 1.6; }
table.goals tbody th { background: #fff; }
tr.division th { background: #e8f1fe; }
td.rating { text-align: center; vertical-align: middle; }
td.rating .mark { font-size: 1.5rem; line-height: 1.2; }
td.rating .goal-marks { font-size: .9375rem; }
.goal, .bullet { padding-left: 1em; text-indent: -1em; }
.notes p { margin: 0; }
.num { text-align: right; font-variant-numeric: tabular-nums; overflow-wrap: normal; }
table.counts tbody th, table.index th, table.index td { white-space: nowrap; }
tr.total th, tr.total td { font-weight: bold; border-top: 3px double #1a1a1a; }
.none { color: #595959; }
figure { margin: 1rem 0; }
figcaption { font-weight: bold; margin-bottom: .5rem; }
svg.chart { display: block; max-width: 100%; height: auto; }
.vh { position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0;
      overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
footer.site { margin-top: 3rem; padding-top: .5rem; padding-bottom: 1.5rem; border-top: 1px solid #767676; }
.stack .label { display: none; }
@media (max-width: 40rem) {
  h1 { font-size: 1.5rem; }
  h2 { font-size: 1.25rem; }
  .stack, .stack caption, .stack tbody, .stack tr, .stack th, .stack td { display: block; }
  .stack thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  table.goals { min-width: 0; }
  .stack tbody { margin-bottom: 1.5rem; }
  .stack tr { border: 1px solid #767676; border-top: 0; margin-bottom: 1rem; }
  table.goals tr { margin-bottom: 0; }
  table.goals tr.division th { border: 1px solid #767676; }
  .stack th, .stack td { border: 0; border-top: 1px solid #767676; }
  .stack td.rating { text-align: left; }
  .stack .label { display: block; font-weight: bold; font-size: .875rem; }
  table.counts td { display: flex; justify-content: space-between; gap: 1rem; }
  table.counts .label { font-weight: normal; font-size: 1rem; }
  table.index .label { display: inline; margin-right: 1em; }
  tr.total th, tr.total td { border-top: 1px solid #767676; }
  tr.total th { border-top: 3px double #1a1a1a; }
}
@page { size: A4 landscape; margin: 10mm; }
@media print {
  body { font-size: 9pt; line-height: 1.5; }
  .skip, header.site, nav.crumbs, nav.years, section.data, footer.site { display: none; }
  main { max-width: none; padding: 0; }
  h1 { font-size: 14pt; margin: 0 0 .25rem; }
  h2 { font-size: 10.5pt; margin: .5rem 0 .25rem; }
  p { margin: 0 0 .25rem; }
  a { color: #1a1a1a; text-decoration: none; }
  .table-wrap { overflow: visible; margin: .5rem 0; }
  table.goals { min-width: 0; font-size: 9pt; line-height: 1.5; }
  td.rating .mark { font-size: 13pt; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  tr.division { break-after: avoid; page-break-after: avoid; }
  thead th, tr.division th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  figure, table.counts { break-inside: avoid; page-break-inside: avoid; }
}
"#;
