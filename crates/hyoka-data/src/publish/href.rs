//! Links between the site's pages: relative (so that the site can be put anywhere) and
//! percent-encoded (a data folder named `上京区` or `2008 年度` still gives links that work).

/// The link from the page at `from` to `to`, both site paths (`kamigyo/2008.html`, `index.html`).
pub(super) fn href(from: &str, to: &str) -> String {
    let from_dirs: Vec<&str> = from.split('/').collect();
    let from_dirs = from_dirs.split_last().map_or(&[][..], |(_, dirs)| dirs);
    let target: Vec<&str> = to.split('/').collect();
    let (to_dirs, name) = match target.split_last() {
        Some((name, dirs)) => (dirs, *name),
        None => (&[][..], ""),
    };
    let common = from_dirs.iter().zip(to_dirs).take_while(|(a, b)| a == b).count();
    let up = from_dirs.len() - common;
    let down = to_dirs.iter().skip(common).chain(std::iter::once(&name));
    let mut out: Vec<String> = std::iter::repeat_n("..".to_owned(), up).collect();
    out.extend(down.map(|segment| encode(segment)));
    out.join("/")
}

/// One path segment as a URL writes it: unreserved characters as they are, every other byte as `%XX`.
fn encode(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    for byte in segment.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_relative_and_encoded() {
        assert_eq!(href("index.html", "kamigyo/2008.html"), "kamigyo/2008.html");
        assert_eq!(href("kamigyo/2008.html", "index.html"), "../index.html");
        assert_eq!(href("kamigyo/2008.html", "kamigyo/2007.html"), "2007.html");
        assert_eq!(href("kamigyo/2008.html", "summary/2008.html"), "../summary/2008.html");
        assert_eq!(href("a/b/c.html", "a/d/e.html"), "../d/e.html");
        assert_eq!(
            href("index.html", "上京区/2008 年度#1.html"),
            "%E4%B8%8A%E4%BA%AC%E5%8C%BA/2008%20%E5%B9%B4%E5%BA%A6%231.html"
        );
    }
}
