//! The words of the command line: what each command and argument is for (`--help`) and the names
//! of the values. clap's own frame and its errors are in `cli_errors`.

use super::Lang;
use crate::tr;

/// What a command does: one line, and the longer text of its own `--help` (`command` is the
/// subcommand's name, "" for hyoka itself).
pub fn about(command: &str, lang: Lang) -> Option<(String, Option<String>)> {
    let short = match command {
        "" => tr!(
            lang,
            "評価 hyoka — 所属等の目標・取組状況・目標達成度・振り返りを端末で書く・読む",
            "評価 hyoka — the goals, progress, rating and reflection of each section, in the terminal"
        ),
        "check" => tr!(
            lang,
            "データを検査するだけ（誤りがあれば終了コード1）。git の pre-commit フックにも使えます",
            "validate without opening the screen; exits 1 on any error (also as a git pre-commit hook)"
        ),
        "import" => tr!(
            lang,
            "公表用の表（タブ区切り・カンマ区切りのテキストか Excel .xlsx）を取り込んで YAML を作る",
            "import the published table (tab- or comma-separated text, or .xlsx) into YAML"
        ),
        "keys" => {
            tr!(lang, "使えるキー（設定ファイルの keys: を反映）を表で表示する", "print the key bindings in force")
        }
        "summary" => tr!(
            lang,
            "目標達成度の分布を組織・年度・部ごとに表示する",
            "the distribution of ratings per organisation, year and division"
        ),
        "list" => tr!(lang, "条件に合う課を一覧にする", "list the sections that match"),
        "export" => tr!(
            lang,
            "YAML を HTML・CSV・Markdown・表（TSV）・Excel に書き出す",
            "export YAML as html, csv, md, tsv or xlsx"
        ),
        "publish" => tr!(
            lang,
            "公表用のウェブサイトを書き出す（組織・年度ごとの表、年度ごとの集計、一覧。CSV・Excel 付き）",
            "write the published tables as a static site (a page per organisation and year, a summary per year, an index)"
        ),
        "new-year" => tr!(
            lang,
            "次の年度のファイルを作る（組織・部・課・評価の区分を引き継ぎ、ほかは空。上書きはしない）",
            "write next year's file: same organisation, divisions, sections and scale; never overwrites"
        ),
        "git-setup" => tr!(
            lang,
            "git の設定: データを項目ごとにマージするドライバーとコミット前の検査を入れる（何度実行しても同じ）",
            "set up a git clone: the field-level merge driver and the pre-commit check (safe to run again)"
        ),
        "merge-driver" => tr!(
            lang,
            "git が呼ぶマージドライバー: git merge・git pull でデータファイルを項目ごとにマージする",
            "the merge driver git calls (%O %A %B %P): merges data files field by field"
        ),
        "pre-receive" => tr!(
            lang,
            "サーバーの pre-receive フックが呼ぶ検査: 規則を守らない送信を断る",
            "what the server's pre-receive hook runs: refuses pushes that break the rules"
        ),
        "doctor" => tr!(
            lang,
            "配置を調べ、問題ごとに直すコマンドを示す（問題がなければ終了コード0、あれば1）",
            "check the deployment as this account sees it; each problem with the command that fixes it (exit 0 or 1)"
        ),
        _ => return None,
    };
    Some((short, more(command, lang)))
}

/// The longer text under a command's own `--help`.
fn more(command: &str, lang: Lang) -> Option<String> {
    Some(match command {
        "import" => tr!(
            lang,
            "形式は --format か拡張子（.xlsx .csv、ほかはタブ区切り）で、文字コードは BOM か --encoding で決まります\n（BOM がなければ UTF-8）。最後に、部・課・目標の数と警告をまとめて表示します。フォルダを渡すと、\n中の表をすべて -o のフォルダに 組織名/年度.yaml として取り込みます。",
            "The format comes from --format or the extension (.xlsx, .csv, otherwise tab-separated), the\nencoding from the byte-order mark or --encoding (UTF-8 without either). A summary of what was\nread (divisions, sections, goals, warnings) ends every import. A folder imports every table in\nit into the -o folder, as ORGANISATION/YEAR.yaml."
        ),
        "publish" => tr!(
            lang,
            "公表の段階（stage: published）のファイルだけを載せます（--all ならすべて）。データフォルダの設定\n（.hyoka.yaml）に publish: approved_only とあれば、承認済みの課だけを載せます。読めないファイルや、\n公表用の表に載せられないところ（hyoka check --publishable）があれば何も書きません。サイトは別の\nフォルダに書いてから置き換えるので、途中までのサイトが残ることはありません。\n終了コード: 0 公表した、1 公表しなかった（前の公表はそのまま）、2 使い方の誤り・設定の誤り。\n\n例:\n  hyoka publish data -o site\n  hyoka publish data -o site --all --date 2009-04-30\n  hyoka publish data --since v2025          # 書き出さずに、変わったファイルだけを表示\n  hyoka publish data -o site --since v2025",
            "Only files at the published stage (--all: every file); only approved sections where the data\nfolder's settings say publish: approved_only. A file that does not read, or that the published\ntable cannot carry, stops it; the site is written beside SITE and moved in place whole.\nExit codes: 0 published; 1 refused (the old site is unchanged); 2 usage or settings.\n\nExamples:\n  hyoka publish data -o site\n  hyoka publish data -o site --all --date 2009-04-30\n  hyoka publish data --since v2025          # list only, write nothing\n  hyoka publish data -o site --since v2025"
        ),
        "summary" => tr!(
            lang,
            "終了コード: 0 成功、1 読めないデータファイルがある（ほかは集計）、2 使い方の誤り・データがない。\n\n例:\n  hyoka summary data\n  hyoka summary data --format json > summary.json\n  hyoka summary data/kamigyo --format csv > 上京区.csv",
            "Exit codes: 0 done; 1 a data file could not be read (the others are summed up); 2 usage, or no\ndata files.\n\nExamples:\n  hyoka summary data\n  hyoka summary data --format json > summary.json\n  hyoka summary data/kamigyo --format csv > kamigyo.csv"
        ),
        "list" => tr!(
            lang,
            "終了コード: 0 該当あり、1 読めないデータファイルがある（ほかは一覧）、2 使い方の誤り・データがない、\n3 該当なし。\n\n例:\n  hyoka list data --rating △,×\n  hyoka list data --rating 未評価 --incomplete\n  hyoka list data --search ホームページ --format json\n  hyoka list data --since 2008-11-01 --by tanaka --format tsv\n  hyoka list data --rating × >/dev/null; echo $?   # 0: あり、3: なし",
            "Exit codes: 0 sections listed; 1 a data file could not be read (the others are listed); 2 usage,\nor no data files; 3 no section matches.\n\nExamples:\n  hyoka list data --rating △,×\n  hyoka list data --rating 未評価 --incomplete\n  hyoka list data --search ホームページ --format json\n  hyoka list data --since 2008-11-01 --by tanaka --format tsv\n  hyoka list data --rating × >/dev/null; echo $?   # 0: some, 3: none"
        ),
        "export" => tr!(
            lang,
            "パスが YAML ファイルなら、出力先は書き出すファイルです（- なら標準出力。xlsx は端末には書き出しません）。\nパスがフォルダなら出力先もフォルダで、YAML ファイルごとに同じ相対位置・同じ名前（拡張子だけ違う）で書き出します\n（data/kamigyo/2008.yaml → 出力先/kamigyo/2008.html）。\n読めない YAML は file:行:桁 で知らせて書き出さず、ほかのファイルは書き出します。\n既存のファイルは --force なしには上書きしません。",
            "PATH a YAML file: OUT is the file to write, or - for standard output (xlsx only to a pipe or\na file). PATH a folder: OUT is a folder, with one output per YAML file at the same relative\nplace, named after its stem (data/kamigyo/2008.yaml → OUT/kamigyo/2008.html). Broken YAML files\nare reported as file:line:column and not exported; the others are. Existing files are not\noverwritten without --force."
        ),
        "new-year" => tr!(
            lang,
            "data/kamigyo/2008.yaml → data/kamigyo/2009.yaml。前書きの年度も進めます（平成30年度 → 令和元年度）。\n取組状況の時点は一年後に、段階は goals（年度当初）になります。目標は --keep-goals のときだけ引き継ぎます。\n終了コード: 0 作成、1 そのファイルか年度がもうある・元のファイルが読めない、2 ファイル名に年度がなく -o もない。",
            "data/kamigyo/2008.yaml → data/kamigyo/2009.yaml. The preface's year moves on (平成30年度 →\n令和元年度), the checkpoint a year later, the stage is goals. Exit codes: 0 written; 1 the file or\nthe year exists, or FILE does not load; 2 no year in FILE's name and no -o."
        ),
        _ => return None,
    })
}

/// What one argument is for (`command` as in [`about`]).
pub fn argument(command: &str, arg: &str, lang: Lang) -> Option<String> {
    Some(match (command, arg) {
        (_, "help") => tr!(lang, "この説明を表示する", "print this help"),
        (_, "version") => tr!(lang, "版を表示する", "print the version"),
        (_, "lang") => {
            tr!(lang, "表示の言語（HYOKA_LANG でも）", "the language of the screen and messages (also HYOKA_LANG)")
        }
        ("", "path") => tr!(
            lang,
            "開くデータ: YAML ファイルかフォルダ（中の *.yaml をすべて開く）",
            "the data to open: a YAML file, or a folder whose *.yaml files are all opened"
        ),
        ("", "ambiguous_width") => tr!(
            lang,
            "◎○△×①※→ などを端末が何桁で描くか。auto は端末に尋ねる",
            "the columns the terminal gives ◎○△×①※→ and the like; auto asks it"
        ),
        ("", "read_only") => tr!(
            lang,
            "閲覧専用（部長・企画担当向け）: 書き換え・保存・ロック・記録を一切しない",
            "reviewer mode: no edits, no saves, no lock files, no journal"
        ),
        ("", "commit") => tr!(
            lang,
            "保存するたびに git にコミットする（設定ファイルの git: {{ commit: true }} と同じ）",
            "commit each save to git (as git: {{ commit: true }} in the settings file)"
        ),
        ("check", "path") | ("summary", "path") | ("list", "path") => {
            tr!(lang, "データのフォルダかファイル", "a data folder or file")
        }
        ("check", "publishable") => tr!(
            lang,
            "公表用の表（hyoka export --format tsv）に書き出せないところも報告する",
            "also report what the published table (export --format tsv) would refuse"
        ),
        ("import", "table") => tr!(
            lang,
            "取り込む表（タブ区切り・カンマ区切りのテキストか .xlsx）か、表の入ったフォルダ",
            "the table (tab- or comma-separated text, or an .xlsx workbook), or a folder of them"
        ),
        ("import", "output") => tr!(
            lang,
            "書き出す YAML ファイル（- なら標準出力。「-」という名前のファイルは作りません）。フォルダを取り込むときは書き出し先のフォルダ",
            "the YAML file to write (- for standard output; never a file named -); for a folder, the folder to write into"
        ),
        ("import", "columns") => tr!(
            lang,
            "列の意味（見出しか列の文字で）: 'goals=組織目標,progress=取組内容,rating=評価,reflection=成果'",
            "which column holds which field, by heading or column letter: 'goals=組織目標,progress=取組内容,…'"
        ),
        ("import", "format") => {
            tr!(lang, "表の形式（省略すると拡張子から）", "the table's format; by default from the extension")
        }
        ("import", "encoding") => tr!(
            lang,
            "文字コード（BOM がないとき。Excel の「CSV」「テキスト」は cp932）",
            "the encoding when there is no byte-order mark (Excel's \"CSV\" on Japanese Windows: cp932)"
        ),
        ("import", "sheet") => tr!(
            lang,
            "xlsx のシート名（省略すると表のある最初のシート）",
            "the workbook's sheet; by default the first with the table"
        ),
        ("import", "organization") => {
            tr!(lang, "組織名（前書きから読めないとき）", "the organisation, when the preface does not say")
        }
        ("import", "fiscal_year") => {
            tr!(lang, "年度の西暦（2008 = 平成20年度）", "the fiscal year as a Western year (2008 = 平成20年度)")
        }
        ("import", "force") => tr!(lang, "既存のファイルを上書きする", "overwrite an existing file"),
        ("import", "dry_run") => {
            tr!(lang, "書き込まずに、YAML と要約を表示する", "print the YAML and the summary, write nothing")
        }
        ("summary", "format") | ("list", "format") => tr!(
            lang,
            "出力の形式: text は端末で読む表、json、csv（カンマ区切り）、tsv（タブ区切り）",
            "the output: text (a table to read), json, csv or tsv"
        ),
        ("list", "rating") => {
            tr!(lang, "達成度（カンマ区切り、未評価も）: ◎,○,△,×,未評価", "ratings, comma-separated: ◎,○,△,×,未評価")
        }
        ("list", "incomplete") => tr!(lang, "未記入の項目がある課だけ", "only sections with an empty field"),
        ("list", "search") => tr!(
            lang,
            "この語句を含む課（全角・半角、大文字・小文字を区別しない）",
            "sections holding this text (width and case ignored)"
        ),
        ("list", "kana") => {
            tr!(lang, "--search でひらがなとカタカナを区別しない", "hiragana and katakana alike in --search")
        }
        ("list", "since") => {
            tr!(lang, "この日以降に更新された課（2008-11-30）", "changed on or after this day (2008-11-30)")
        }
        ("list", "by") => tr!(lang, "この人（ログイン名）が最後に更新した課", "last changed by this login name"),
        ("export", "path") => tr!(lang, "書き出す YAML ファイルかフォルダ", "a YAML file or a folder of them"),
        ("export", "output") => tr!(
            lang,
            "書き出し先: ファイル、パスがフォルダならフォルダ、- なら標準出力（「-」という名前のファイルは作りません）",
            "the output file, a folder when PATH is a folder, - for standard output (never a file named -)"
        ),
        ("export", "format") => {
            tr!(lang, "形式（省略すると出力先の拡張子から）", "the format; by default from OUT's extension")
        }
        ("export", "force") => tr!(lang, "既存のファイルを上書きする", "overwrite existing files"),
        ("publish", "path") => tr!(lang, "データのフォルダかファイル", "a data folder or file"),
        ("publish", "output") => tr!(
            lang,
            "書き出すサイトのフォルダ（hyoka が前に書いたものは置き換え）",
            "the site's folder (replaced when hyoka wrote it)"
        ),
        ("publish", "all") => tr!(lang, "段階にかかわらずすべてのファイルを載せる", "every file, whatever its stage"),
        ("publish", "since") => tr!(
            lang,
            "この版（git のタグやコミット）の公表から内容が変わったファイルを一覧にする",
            "list the files whose content changed since this git revision's data (a tag or commit)"
        ),
        ("publish", "date") => tr!(
            lang,
            "各ページに掲載日として載せる日（2009-04-30）。省略すると日付は載せません",
            "the day of publication printed on every page (2009-04-30); none unless given"
        ),
        ("new-year", "file") => tr!(lang, "今年度のファイル", "this year's file"),
        ("new-year", "keep_goals") => tr!(lang, "目標を引き継ぐ", "carry the goals over"),
        ("new-year", "output") => tr!(
            lang,
            "書き出すファイル（省略すると年度を一つ進めた名前、- なら標準出力）",
            "the file to write; by default the name with the year counted on, - for standard output"
        ),
        ("git-setup", "path") => tr!(
            lang,
            "データのフォルダ（この中の .gitattributes に書きます）",
            "the data folder (its .gitattributes is written)"
        ),
        ("git-setup", "server") => tr!(
            lang,
            "サーバーの共有リポジトリ（bare）に、規則を守らない送信を断るフックを入れる",
            "install the pre-receive hook in the server's bare repository, which refuses pushes that break the rules"
        ),
        ("doctor", "path") => tr!(lang, "データのフォルダ", "the data folder"),
        ("doctor", "format") => tr!(
            lang,
            "出力の形式: text は読む一覧、json はスクリプト向け",
            "the output: text (a list to read) or json (for scripts)"
        ),
        ("merge-driver", "base") => tr!(lang, "共通の祖先 (%O)", "the common ancestor (%O)"),
        ("merge-driver", "ours") => tr!(lang, "こちら側、結果もここへ (%A)", "ours, and where the result goes (%A)"),
        ("merge-driver", "theirs") => tr!(lang, "向こう側 (%B)", "theirs (%B)"),
        ("merge-driver", "path") => tr!(lang, "作業ツリーでのパス (%P)", "the path in the work tree (%P)"),
        _ => return None,
    })
}

/// The name of a value in the usage line (`<PATH>`), from clap's name for it.
pub fn value_name(name: &str, lang: Lang) -> String {
    let ja = match name {
        "PATH" => "パス",
        "LANG" => "言語",
        "AMBIGUOUS_WIDTH" => "桁数",
        "TABLE" => "表",
        "OUTPUT" | "OUT" => "出力先",
        "FORMAT" => "形式",
        "ENCODING" => "文字コード",
        "SHEET" => "シート名",
        "ORGANIZATION" => "組織名",
        "FISCAL_YEAR" => "西暦",
        "RATING" => "達成度",
        "SEARCH" => "語句",
        "SINCE" => "日付",
        "BY" => "ログイン名",
        "FILE" => "ファイル",
        "BASE" => "祖先",
        "OURS" => "こちら",
        "THEIRS" => "向こう",
        "FIELD=COLUMN,…" => "項目=列,…",
        "SITE" => "サイト",
        "REV" => "版",
        "DAY" => "日付",
        "REPO.git" => "リポジトリ.git",
        other => other,
    };
    lang.pick(ja, name).to_owned()
}
