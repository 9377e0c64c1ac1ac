//! Files from other hosts in a handbook's own theme stylesheets: `url(https://…)` (a font, a
//! background image) and `@import "https://…"`. The pages' Content-Security-Policy loads
//! nothing from other hosts, so each is a warning at the stylesheet's `file:line:column`.

use crate::error::{Diagnostic, line_col};
use std::path::Path;

/// The warnings for `css`, the text of the theme stylesheet shown as `display`.
pub fn warnings(display: &Path, css: &str) -> Vec<Diagnostic> {
    remote_urls(css)
        .into_iter()
        .map(|(offset, url)| {
            let (line, column) = line_col(css, offset);
            Diagnostic::warning(
                display,
                line,
                format!("a stylesheet file from another host will not load: {url}"),
            )
            .with_column(column)
            .with_hint(
                "the built site loads nothing from other hosts: download the file (font, image or stylesheet) into the theme's static/ folder and refer to it by a relative path, e.g. `url(../fonts/name.woff2)`",
            )
        })
        .collect()
}

/// The URLs on other hosts in `css` that a browser would load, with their byte offsets:
/// `url(…)` and `@import "…"`, outside comments.
fn remote_urls(css: &str) -> Vec<(usize, &str)> {
    let lower = css.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut i = 0;
    while i < css.len() {
        let rest = &lower[i..];
        if rest.starts_with("/*") {
            i = rest.find("*/").map_or(css.len(), |e| i + e + 2);
            continue;
        }
        let value_at = if rest.starts_with("url(") {
            Some(i + 4)
        } else if rest.starts_with("@import") && !lower[i + 7..].trim_start().starts_with("url(") {
            Some(i + 7)
        } else {
            None
        };
        let Some(at) = value_at else {
            i += rest.chars().next().map_or(1, char::len_utf8);
            continue;
        };
        let start = at + (css[at..].len() - css[at..].trim_start().len());
        let (from, to) = match css[start..].chars().next() {
            Some(q @ ('"' | '\'')) => {
                let end = css[start + 1..]
                    .find(q)
                    .map_or(css.len(), |e| start + 1 + e);
                (start + 1, end)
            }
            _ => {
                let end = css[start..]
                    .find(|c: char| c == ')' || c == ';' || c.is_whitespace())
                    .map_or(css.len(), |e| start + e);
                (start, end)
            }
        };
        let url = css[from..to].trim();
        if crate::html::is_remote(url) {
            out.push((from, url));
        }
        i = to.max(i + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_fonts_images_and_imports_from_other_hosts() {
        let css = "@import \"https://fonts.example.org/css?family=X\";\n\
                   /* url(https://in.a.comment/x.png) */\n\
                   @font-face { src: URL( 'https://fonts.example.org/x.woff2' ) format(\"woff2\"); }\n\
                   .hero { background: url(//cdn.example.org/bg.jpg) no-repeat; }\n\
                   .local { background: url(../img/bg.png); mask: url(\"data:image/svg+xml,x\"); }\n\
                   @import url(https://x.example.org/more.css);\n";
        let urls: Vec<&str> = remote_urls(css).into_iter().map(|(_, u)| u).collect();
        assert_eq!(
            urls,
            [
                "https://fonts.example.org/css?family=X",
                "https://fonts.example.org/x.woff2",
                "//cdn.example.org/bg.jpg",
                "https://x.example.org/more.css",
            ]
        );
        let d = warnings(Path::new("themes/default/static/css/extra.css"), css);
        assert_eq!(d.len(), 4);
        assert_eq!((d[0].line, d[1].line, d[2].line, d[3].line), (1, 3, 4, 6));
        assert!(d[0].message.contains("will not load") && d[0].hint.is_some());
    }

    #[test]
    fn a_stylesheet_of_its_own_files_is_quiet() {
        assert!(
            remote_urls(".a { background: url(a.png) } .b::after { content: \"url(\" }").is_empty()
        );
        assert!(remote_urls("").is_empty());
        assert!(remote_urls("url(").is_empty());
        assert!(remote_urls("@import").is_empty());
    }
}
