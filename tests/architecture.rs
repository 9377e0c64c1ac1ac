//! The structure rules of `src/` (ARCHITECTURE.md, "Module dependencies"), checked on the
//! sources themselves rather than on the binary:
//!
//! - no cycle between the top-level modules of the library (and of the binary), built from
//!   their `crate::X` paths (and `handbook::X` in the binary, bare `X::` in a crate root),
//!   ignoring comments, doc comments, string literals and `#[cfg(test)]` items;
//! - no file over [`MAX_FILE_LINES`] lines outside `#[cfg(test)]` items (files that are
//!   `#[cfg(test)]` modules themselves are not counted);
//! - no function over [`MAX_FN_LINES`] lines (from its `fn` line to its closing brace),
//!   tests included.
//!
//! The checker is plain text work (a small lexer and brace matching), tested below on
//! in-memory sources so that it is known to fail when a rule is broken.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The longest a source file may be, in lines, outside `#[cfg(test)]` items.
const MAX_FILE_LINES: usize = 800;
/// The longest a function may be, in lines, from `fn` to its closing brace.
const MAX_FN_LINES: usize = 120;

/// One source file: its path relative to `src/` and its text.
struct Source {
    rel: String,
    text: String,
}

/// A dependency between two top-level modules, with the first place that shows it.
type Graph = BTreeMap<String, BTreeMap<String, String>>;

#[test]
fn top_level_modules_have_no_cycle() {
    let sources = read_src();
    let graph = module_graph(&sources);
    // The checker must see the pipeline, or an empty graph would pass.
    for (from, to) in [
        ("site", "markdown"),
        ("markdown", "components"),
        ("lib", "site"),
        ("cmd", "lib"),
        ("main", "cmd"),
    ] {
        assert!(
            graph.get(from).is_some_and(|t| t.contains_key(to)),
            "the checker did not find `{from}` -> `{to}`; graph: {graph:#?}"
        );
    }
    if std::env::var_os("HANDBOOK_PRINT_GRAPH").is_some() {
        // `HANDBOOK_PRINT_GRAPH=1 cargo test --test architecture -- --nocapture`: the graph
        // ARCHITECTURE.md draws, one module and what it uses per line.
        for (from, to) in &graph {
            println!(
                "{from} -> {}",
                to.keys().cloned().collect::<Vec<_>>().join(", ")
            );
        }
    }
    let cycles = cycles(&graph);
    assert!(
        cycles.is_empty(),
        "import cycles between top-level modules of src/ (ARCHITECTURE.md, \"Module \
         dependencies\"):\n{}",
        cycles.join("\n")
    );
}

/// The list ARCHITECTURE.md gives under "Exactly, as ... prints it": its text block.
const DOC_MARK: &str = "Exactly, as `HANDBOOK_PRINT_GRAPH=1";

#[test]
fn architecture_md_lists_the_real_graph() {
    let graph = module_graph(&read_src());
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("ARCHITECTURE.md"))
            .expect("ARCHITECTURE.md is readable");
    let expected = documented_block(&graph);
    let listed = doc
        .split_once(DOC_MARK)
        .and_then(|(_, after)| after.split_once("```text\n"))
        .and_then(|(_, block)| block.split_once("```"))
        .map(|(block, _)| block)
        .expect("ARCHITECTURE.md has the graph's text block after its mark");
    let problems = doc_graph_problems(&graph, listed);
    assert!(
        problems.is_empty(),
        "ARCHITECTURE.md's module list is not the graph of src/:\n{}\n\nA list to paste \
         (each module uses only modules on lower lines):\n{expected}",
        problems.join("\n")
    );
}

/// What is wrong with `listed` (ARCHITECTURE.md's block) as a picture of `graph`: modules
/// whose uses differ, missing or unknown modules, a use of a module on a higher line.
fn doc_graph_problems(graph: &Graph, listed: &str) -> Vec<String> {
    let real = without_error(graph);
    let mut problems = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    let mut lines: Vec<(String, BTreeSet<String>)> = Vec::new();
    for line in listed.lines().filter(|l| !l.trim().is_empty()) {
        let (name, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        let uses: BTreeSet<String> = rest
            .split(',')
            .map(str::trim)
            .filter(|u| !u.is_empty() && *u != "(error only)")
            .map(String::from)
            .collect();
        if name == "leaves" {
            for leaf in uses {
                lines.push((leaf, BTreeSet::new()));
            }
        } else {
            lines.push((name.to_string(), uses));
        }
    }
    for (name, uses) in &lines {
        match real.get(name) {
            None => problems.push(format!("`{name}` is listed but is no module of src/")),
            Some(actual) if actual != uses => problems.push(format!(
                "`{name}` uses {} (listed: {})",
                join(actual),
                join(uses)
            )),
            Some(_) => {}
        }
        seen.push(name.clone());
    }
    for name in real.keys().filter(|n| !seen.contains(n)) {
        problems.push(format!("`{name}` is not listed"));
    }
    for (i, (name, uses)) in lines.iter().enumerate() {
        for used in uses {
            if lines[..=i].iter().any(|(n, _)| n == used) {
                problems.push(format!(
                    "`{name}` uses `{used}`, which is not on a lower line"
                ));
            }
        }
    }
    problems
}

/// Every module of `graph` (targets too) with what it uses, `error` left out.
fn without_error(graph: &Graph) -> BTreeMap<String, BTreeSet<String>> {
    let mut all: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (from, to) in graph {
        for target in to.keys() {
            all.entry(target.clone()).or_default();
        }
        let uses = to.keys().filter(|t| *t != "error").cloned().collect();
        all.insert(from.clone(), uses);
    }
    all.remove("error");
    all
}

/// `graph` as ARCHITECTURE.md lists it: modules that use most first (by depth), one a line,
/// the modules that use nothing (but `error`) on the last line.
fn documented_block(graph: &Graph) -> String {
    let real = without_error(graph);
    fn depth(m: &str, real: &BTreeMap<String, BTreeSet<String>>, seen: usize) -> usize {
        if seen > real.len() {
            return 0; // a cycle: the cycle test says so
        }
        real[m]
            .iter()
            .map(|u| 1 + depth(u, real, seen + 1))
            .max()
            .unwrap_or(0)
    }
    let mut order: Vec<(&String, usize)> = real.keys().map(|m| (m, depth(m, &real, 0))).collect();
    order.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let mut out = String::new();
    let mut leaves = Vec::new();
    for (m, _) in order {
        if real[m].is_empty() {
            if graph.get(m).is_some_and(|t| t.contains_key("error")) {
                out.push_str(&format!("{m:<14}(error only)\n"));
            } else {
                leaves.push(m.as_str());
            }
        } else {
            out.push_str(&format!("{m:<14}{}\n", join(&real[m])));
        }
    }
    out.push_str(&format!("{:<14}{}\n", "leaves", leaves.join(", ")));
    out
}

/// `set` as `a, b, c` (`nothing` when empty).
fn join(set: &BTreeSet<String>) -> String {
    if set.is_empty() {
        return "nothing".into();
    }
    set.iter().cloned().collect::<Vec<_>>().join(", ")
}

#[test]
fn no_file_is_too_long() {
    let long: Vec<String> = production(&read_src())
        .filter_map(|(rel, code)| {
            let lines = code_lines(&code);
            (lines > MAX_FILE_LINES).then(|| format!("src/{rel}: {lines} lines"))
        })
        .collect();
    assert!(
        long.is_empty(),
        "files over {MAX_FILE_LINES} lines outside #[cfg(test)] (split them along the steps \
         they contain):\n{}",
        long.join("\n")
    );
}

#[test]
fn no_function_is_too_long() {
    let mut long = Vec::new();
    for source in read_src() {
        let rel = &source.rel;
        for f in long_fns(&strip(&source.text), MAX_FN_LINES) {
            long.push(format!(
                "src/{rel}:{}: fn {} is {} lines",
                f.line, f.name, f.lines
            ));
        }
    }
    assert!(
        long.is_empty(),
        "functions over {MAX_FN_LINES} lines (cut them along the steps they contain):\n{}",
        long.join("\n")
    );
}

// ---------------------------------------------------------------------------------------
// Reading the sources

/// Every `.rs` file under `src/`, sorted by path.
fn read_src() -> Vec<Source> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    collect(&root, &mut files);
    files.sort();
    files
        .into_iter()
        .map(|path| Source {
            rel: path
                .strip_prefix(&root)
                .expect("under src")
                .to_string_lossy()
                .replace('\\', "/"),
            text: std::fs::read_to_string(&path).expect("readable source"),
        })
        .collect()
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable folder") {
        let path = entry.expect("folder entry").path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The files that are not `#[cfg(test)]` modules, each as code without comments, literals'
/// contents or `#[cfg(test)]` items.
fn production(sources: &[Source]) -> impl Iterator<Item = (String, String)> + '_ {
    let tests = test_files(sources);
    sources
        .iter()
        .filter(move |s| !tests.iter().any(|t| is_under(&s.rel, t)))
        .map(|s| (s.rel.clone(), without_tests(&strip(&s.text)).0))
}

/// The files (or folders, ending in `/`) declared as `#[cfg(test)] mod name;`.
fn test_files(sources: &[Source]) -> Vec<String> {
    let mut out = Vec::new();
    for s in sources {
        let dir = module_dir(&s.rel);
        for name in without_tests(&strip(&s.text)).1 {
            out.push(format!("{dir}{name}.rs"));
            out.push(format!("{dir}{name}/"));
        }
    }
    out
}

fn is_under(rel: &str, test: &str) -> bool {
    if test.ends_with('/') {
        rel.starts_with(test)
    } else {
        rel == test
    }
}

/// The folder a file's child modules live in: `a/b.rs` -> `a/b/`, `a/mod.rs` -> `a/`.
fn module_dir(rel: &str) -> String {
    let (dir, file) = rel.rsplit_once('/').map_or(("", rel), |(d, f)| (d, f));
    let prefix = if dir.is_empty() {
        String::new()
    } else {
        format!("{dir}/")
    };
    match file {
        "mod.rs" | "lib.rs" | "main.rs" => prefix,
        _ => format!("{prefix}{}/", file.trim_end_matches(".rs")),
    }
}

/// The lines a file has outside the `#[cfg(test)]` items (blanked by [`without_tests`] to
/// empty lines), not counting the empty lines they leave at its end.
fn code_lines(code: &str) -> usize {
    code.trim_end().lines().count()
}

// ---------------------------------------------------------------------------------------
// Lexing: comments and literals out, line structure kept

/// `text` with every comment and the contents of every string and character literal
/// replaced by spaces (newlines kept), so that braces and paths can be read off the rest.
fn strip(text: &str) -> String {
    let c: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let blank = |out: &mut String, ch: char| out.push(if ch == '\n' { '\n' } else { ' ' });
    while i < c.len() {
        let prev_ident = i > 0 && (c[i - 1].is_alphanumeric() || c[i - 1] == '_');
        if c[i] == '/' && c.get(i + 1) == Some(&'/') {
            while i < c.len() && c[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c[i] == '/' && c.get(i + 1) == Some(&'*') {
            let mut depth = 0;
            while i < c.len() {
                if c[i] == '/' && c.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    blank(&mut out, c[i]);
                    i += 1;
                }
            }
        } else if let Some(hashes) = (!prev_ident).then(|| raw_string_start(&c, i)).flatten() {
            // r"..", r#".."#, br".."; the prefix and quotes kept, the contents blanked.
            let open = c[i..].iter().position(|&ch| ch == '"').expect("a quote") + i;
            for &ch in &c[i..=open] {
                out.push(ch);
            }
            i = open + 1;
            while i < c.len() {
                if c[i] == '"' && (1..=hashes).all(|k| c.get(i + k) == Some(&'#')) {
                    out.push('"');
                    out.extend(std::iter::repeat_n('#', hashes));
                    i += 1 + hashes;
                    break;
                }
                blank(&mut out, c[i]);
                i += 1;
            }
        } else if c[i] == '"' {
            out.push('"');
            i += 1;
            while i < c.len() && c[i] != '"' {
                if c[i] == '\\' {
                    out.push(' ');
                    i += 1;
                }
                if i < c.len() {
                    blank(&mut out, c[i]);
                    i += 1;
                }
            }
            out.push('"');
            i += 1;
        } else if c[i] == '\'' {
            // A character literal ('x', '\n', '\u{..}', '\'') or a lifetime ('a).
            let end = if c.get(i + 1) == Some(&'\\') {
                (i + 3..c.len()).find(|&k| c[k] == '\'')
            } else if c.get(i + 2) == Some(&'\'') {
                Some(i + 2)
            } else {
                None
            };
            match end {
                Some(end) => {
                    out.push('\'');
                    out.extend(std::iter::repeat_n(' ', end - i - 1));
                    out.push('\'');
                    i = end + 1;
                }
                None => {
                    out.push('\'');
                    i += 1;
                }
            }
        } else {
            out.push(c[i]);
            i += 1;
        }
    }
    out
}

/// The number of `#` of a raw string starting at `i` (`r"`, `r#"`, `br"`), if one does.
fn raw_string_start(c: &[char], i: usize) -> Option<usize> {
    let mut k = i;
    if c.get(k) == Some(&'b') {
        k += 1;
    }
    if c.get(k) != Some(&'r') {
        return None;
    }
    k += 1;
    let hashes = c[k..].iter().take_while(|&&ch| ch == '#').count();
    (c.get(k + hashes) == Some(&'"')).then_some(hashes)
}

/// A token of stripped code: an identifier or keyword, or one punctuation character (`::`
/// is one token), with its 1-based line.
#[derive(Debug, Clone, PartialEq)]
struct Token {
    text: String,
    line: usize,
    /// Character offset of the token in the code.
    at: usize,
}

fn tokens(code: &str) -> Vec<Token> {
    let c: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let (mut i, mut line) = (0, 1);
    while i < c.len() {
        let ch = c[i];
        if ch == '\n' {
            line += 1;
            i += 1;
        } else if ch.is_whitespace() {
            i += 1;
        } else if ch.is_alphanumeric() || ch == '_' {
            let start = i;
            while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
                i += 1;
            }
            let text = c[start..i].iter().collect();
            out.push(Token {
                text,
                line,
                at: start,
            });
        } else if ch == ':' && c.get(i + 1) == Some(&':') {
            out.push(Token {
                text: "::".into(),
                line,
                at: i,
            });
            i += 2;
        } else {
            out.push(Token {
                text: ch.to_string(),
                line,
                at: i,
            });
            i += 1;
        }
    }
    out
}

/// The index of the token closing the bracket opened at `open` (`{`, `(` or `[`).
fn closing(toks: &[Token], open: usize) -> Option<usize> {
    let mut depth = 0i32;
    for (k, t) in toks.iter().enumerate().skip(open) {
        match t.text.as_str() {
            "{" | "(" | "[" => depth += 1,
            "}" | ")" | "]" => {
                depth -= 1;
                if depth == 0 {
                    return Some(k);
                }
            }
            _ => {}
        }
    }
    None
}

/// Stripped code with every `#[cfg(test)]` item blanked (newlines kept), and the names of the
/// `#[cfg(test)] mod name;` declarations (modules in their own file).
fn without_tests(code: &str) -> (String, Vec<String>) {
    let toks = tokens(code);
    let mut cut: Vec<(usize, usize)> = Vec::new();
    let mut files = Vec::new();
    let is = |k: usize, s: &str| toks.get(k).is_some_and(|t| t.text == s);
    let mut k = 0;
    while k < toks.len() {
        let cfg_test = is(k, "#")
            && is(k + 1, "[")
            && is(k + 2, "cfg")
            && is(k + 3, "(")
            && is(k + 4, "test")
            && is(k + 5, ")")
            && is(k + 6, "]");
        if !cfg_test {
            k += 1;
            continue;
        }
        // The item: up to its first `;` outside brackets, or its body's closing brace.
        let mut j = k + 7;
        let mut end = None;
        while j < toks.len() {
            match toks[j].text.as_str() {
                ";" => {
                    end = Some(j);
                    break;
                }
                "{" => {
                    end = closing(&toks, j);
                    break;
                }
                "(" | "[" => j = closing(&toks, j).unwrap_or(toks.len()),
                _ => {}
            }
            j += 1;
        }
        let end = end.unwrap_or(toks.len() - 1);
        if toks[end].text == ";"
            && let Some(m) = (k + 7..end).find(|&m| toks[m].text == "mod")
            && let Some(name) = toks.get(m + 1)
        {
            files.push(name.text.clone());
        }
        let to = toks[end].at + toks[end].text.chars().count();
        cut.push((toks[k].at, to));
        k = end + 1;
    }
    let mut out = String::with_capacity(code.len());
    let mut cuts = cut.iter().peekable();
    for (i, ch) in code.chars().enumerate() {
        while cuts.peek().is_some_and(|c| c.1 <= i) {
            cuts.next();
        }
        let inside = cuts.peek().is_some_and(|c| c.0 <= i);
        out.push(if inside && ch != '\n' { ' ' } else { ch });
    }
    (out, files)
}

// ---------------------------------------------------------------------------------------
// The module graph

/// The graph of top-level modules: for each, the modules it uses, with where.
///
/// Library modules are named as in `src/lib.rs` and its root `lib`; the binary's root is
/// `main` and its modules (declared in `src/main.rs`) keep their names.
fn module_graph(sources: &[Source]) -> Graph {
    let bin_mods = declared_mods(sources, "main.rs");
    let lib_mods = declared_mods(sources, "lib.rs");
    let mut graph = Graph::new();
    for (rel, code) in production(sources) {
        let path: Vec<&str> = module_path(&rel);
        let in_bin = rel == "main.rs" || path.first().is_some_and(|m| bin_mods.contains(*m));
        let own = if in_bin { &bin_mods } else { &lib_mods };
        let from = match path.first() {
            Some(m) => (*m).to_string(),
            None if in_bin => "main".to_string(),
            None => "lib".to_string(),
        };
        for (to, line) in uses(&code, &path, own, in_bin.then_some(&lib_mods)) {
            if to != from {
                graph
                    .entry(from.clone())
                    .or_default()
                    .entry(to)
                    .or_insert_with(|| format!("src/{rel}:{line}"));
            }
        }
    }
    graph
}

/// The module path of a file: `site/nav.rs` -> `[site, nav]`, `search/mod.rs` -> `[search]`,
/// `lib.rs` -> `[]`.
fn module_path(rel: &str) -> Vec<&str> {
    let rel = rel.trim_end_matches(".rs");
    let mut parts: Vec<&str> = rel.split('/').collect();
    if matches!(parts.last(), Some(&"mod")) || matches!(parts[..], ["lib"] | ["main"]) {
        parts.pop();
    }
    parts
}

/// The modules a crate root (`lib.rs`, `main.rs`) declares.
fn declared_mods(sources: &[Source], root: &str) -> BTreeSet<String> {
    let Some(src) = sources.iter().find(|s| s.rel == root) else {
        return BTreeSet::new();
    };
    let (code, _) = without_tests(&strip(&src.text));
    let toks = tokens(&code);
    toks.windows(3)
        .filter(|w| w[0].text == "mod" && (w[2].text == ";" || w[2].text == "{"))
        .map(|w| w[1].text.clone())
        .collect()
}

/// The top-level modules a file's code uses, each with the line of its first use.
///
/// `path` is the file's module path (to resolve `super::`), `own` its crate's top-level
/// modules, `lib` (in the binary) the library's, reached as `handbook::X`.
fn uses(
    code: &str,
    path: &[&str],
    own: &BTreeSet<String>,
    lib: Option<&BTreeSet<String>>,
) -> Vec<(String, usize)> {
    let toks = tokens(code);
    let mut out = Vec::new();
    // The inline `mod x { .. }` around this point: the brace depth inside each.
    let mut inline: Vec<i32> = Vec::new();
    let mut depth = 0i32;
    let text = |k: usize| toks.get(k).map_or("", |t| t.text.as_str());
    for k in 0..toks.len() {
        match text(k) {
            "{" => {
                depth += 1;
                if k >= 2 && text(k - 2) == "mod" {
                    inline.push(depth);
                }
            }
            "}" => {
                if inline.last() == Some(&depth) {
                    inline.pop();
                }
                depth -= 1;
            }
            _ => {}
        }
        if text(k + 1) != "::" || (k > 0 && text(k - 1) == "::") {
            continue;
        }
        let line = toks[k].line;
        // A path into a crate: its top-level module, or the crate root for an item there.
        let named = |first: usize, names: &BTreeSet<String>, root: &str, out: &mut Vec<_>| {
            for name in path_heads(&toks, first) {
                if names.contains(&name) {
                    out.push((name, line));
                } else if name != "self" {
                    out.push((root.to_string(), line));
                }
            }
        };
        let own_root = if lib.is_some() { "main" } else { "lib" };
        match text(k) {
            "crate" => named(k + 2, own, own_root, &mut out),
            "handbook" => {
                if let Some(lib) = lib {
                    named(k + 2, lib, "lib", &mut out);
                }
            }
            "super" => {
                // Count the `super::` run; the module path's length plus the inline modules
                // around this point says how many it takes to reach the crate root.
                let mut n = 1;
                while text(k + 2 * n) == "super" && text(k + 2 * n + 1) == "::" {
                    n += 1;
                }
                if n == path.len() + inline.len() {
                    named(k + 2 * n, own, own_root, &mut out);
                }
            }
            name if path.is_empty() && inline.is_empty() && own.contains(name) => {
                out.push((name.to_string(), line));
            }
            _ => {}
        }
    }
    out
}

/// The first segment of the path starting at token `k`, or of each path in a `{..}` group.
fn path_heads(toks: &[Token], k: usize) -> Vec<String> {
    let Some(first) = toks.get(k) else {
        return Vec::new();
    };
    if first.text != "{" {
        return vec![first.text.clone()];
    }
    let end = closing(toks, k).unwrap_or(toks.len());
    let mut heads = Vec::new();
    let mut depth = 0;
    let mut expect = true;
    for t in &toks[k + 1..end] {
        match t.text.as_str() {
            "{" => depth += 1,
            "}" => depth -= 1,
            "," if depth == 0 => expect = true,
            name if expect && depth == 0 => {
                heads.push(name.to_string());
                expect = false;
            }
            _ => {}
        }
    }
    heads
}

/// Every strongly connected group of two or more modules, as one cycle through it with the
/// place of each step.
fn cycles(graph: &Graph) -> Vec<String> {
    let nodes: BTreeSet<&String> = graph
        .iter()
        .flat_map(|(from, to)| std::iter::once(from).chain(to.keys()))
        .collect();
    let reach = |from: &String| -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from.clone()];
        while let Some(n) = stack.pop() {
            for next in graph.get(&n).into_iter().flat_map(|t| t.keys()) {
                if seen.insert(next.clone()) {
                    stack.push(next.clone());
                }
            }
        }
        seen
    };
    let mut done = BTreeSet::new();
    let mut out = Vec::new();
    for &n in &nodes {
        if done.contains(n) || !reach(n).contains(n) {
            continue;
        }
        let from_n = reach(n);
        let group: BTreeSet<String> = nodes
            .iter()
            .filter(|m| from_n.contains(**m) && reach(m).contains(n))
            .map(|m| (*m).clone())
            .collect();
        done.extend(group.iter().cloned());
        let steps = shortest_cycle(graph, n, &group);
        let cycle = steps
            .iter()
            .map(|(a, b)| format!("  {a} -> {b} ({})", graph[a][b]))
            .collect::<Vec<_>>()
            .join("\n");
        out.push(format!(
            "cycle among {}:\n{cycle}",
            group.into_iter().collect::<Vec<_>>().join(", ")
        ));
    }
    out
}

/// The shortest path from `start` back to itself inside `group`, as its steps.
fn shortest_cycle(graph: &Graph, start: &str, group: &BTreeSet<String>) -> Vec<(String, String)> {
    let mut prev: BTreeMap<String, String> = BTreeMap::new();
    let mut queue = std::collections::VecDeque::from([start.to_string()]);
    while let Some(n) = queue.pop_front() {
        for next in graph.get(&n).into_iter().flat_map(|t| t.keys()) {
            if !group.contains(next) || prev.contains_key(next) {
                continue;
            }
            prev.insert(next.clone(), n.clone());
            if next == start {
                let mut steps = Vec::new();
                let mut at = start.to_string();
                loop {
                    let from = prev[&at].clone();
                    steps.push((from.clone(), at));
                    if from == start {
                        break;
                    }
                    at = from;
                }
                steps.reverse();
                return steps;
            }
            queue.push_back(next.clone());
        }
    }
    Vec::new()
}

// ---------------------------------------------------------------------------------------
// Function length

/// A function found longer than the limit.
#[derive(Debug)]
struct LongFn {
    name: String,
    line: usize,
    lines: usize,
}

/// The functions of stripped `code` longer than `max` lines, from `fn` to the closing brace.
fn long_fns(code: &str, max: usize) -> Vec<LongFn> {
    let toks = tokens(code);
    let mut out = Vec::new();
    for k in 0..toks.len() {
        let name = match toks.get(k + 1) {
            Some(n)
                if toks[k].text == "fn"
                    && n.text.chars().all(|c| c.is_alphanumeric() || c == '_') =>
            {
                n
            }
            _ => continue,
        };
        // The body: the first `{` of the signature outside brackets; a `;` first means none.
        let mut j = k + 2;
        let body = loop {
            match toks.get(j).map(|t| t.text.as_str()) {
                None | Some(";") => break None,
                Some("{") => break Some(j),
                Some("(") | Some("[") => j = closing(&toks, j).unwrap_or(toks.len()),
                _ => {}
            }
            j += 1;
        };
        let Some(end) = body.and_then(|b| closing(&toks, b)) else {
            continue;
        };
        let lines = toks[end].line - toks[k].line + 1;
        if lines > max {
            out.push(LongFn {
                name: name.text.clone(),
                line: toks[k].line,
                lines,
            });
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// The checker's own tests: each rule seen failing on a small source

fn sources(files: &[(&str, &str)]) -> Vec<Source> {
    files
        .iter()
        .map(|(rel, text)| Source {
            rel: rel.to_string(),
            text: text.to_string(),
        })
        .collect()
}

#[test]
fn checker_reports_a_cycle_with_its_places() {
    let src = sources(&[
        ("lib.rs", "pub mod a;\npub mod b;\npub mod c;\nmod leaf;\n"),
        ("a.rs", "use crate::b::Thing;\nuse crate::leaf;\n"),
        ("b/mod.rs", "mod inner;\n"),
        ("b/inner.rs", "fn f() { crate::c::g() }\n"),
        ("c.rs", "use crate::{leaf::X, a::Y};\n"),
        ("leaf.rs", "pub struct X;\n"),
    ]);
    let graph = module_graph(&src);
    let found = cycles(&graph);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("cycle among a, b, c:"), "{}", found[0]);
    assert!(found[0].contains("a -> b (src/a.rs:1)"), "{}", found[0]);
    assert!(
        found[0].contains("b -> c (src/b/inner.rs:1)"),
        "{}",
        found[0]
    );
    assert!(found[0].contains("c -> a (src/c.rs:1)"), "{}", found[0]);
}

#[test]
fn checker_ignores_comments_strings_and_test_items() {
    let src = sources(&[
        ("lib.rs", "pub mod a;\npub mod b;\n"),
        ("a.rs", "use crate::b;\n"),
        (
            "b.rs",
            "// crate::a in a comment\n/// crate::a in a doc comment\n\
             /* crate::a /* nested */ crate::a */\nconst S: &str = \"crate::a\";\n\
             const R: &str = r#\"crate::a \"# ;\nfn f<'a>(x: &'a str) -> char { '\"' }\n\
             #[cfg(test)]\nmod tests {\n    use crate::a;\n}\n\
             #[cfg(test)]\nmod more;\n",
        ),
        ("b/more.rs", "use crate::a;\n"),
    ]);
    let graph = module_graph(&src);
    assert!(cycles(&graph).is_empty(), "{graph:?}");
    assert_eq!(graph["a"].keys().collect::<Vec<_>>(), ["b"]);
    assert!(!graph.contains_key("b"), "{graph:?}");
}

#[test]
fn checker_resolves_super_and_the_crate_roots() {
    let src = sources(&[
        (
            "lib.rs",
            "pub mod a;\npub mod b;\npub fn run() { a::go(); }\n",
        ),
        (
            "a.rs",
            "pub mod deep { pub fn f() { super::super::b::g(); } }\nuse super::b;\n",
        ),
        ("b.rs", "mod n;\n"),
        ("b/n.rs", "use super::super::a;\n"),
        ("main.rs", "mod cmd;\nfn main() { cmd::run(); }\n"),
        ("cmd/mod.rs", "use handbook::b;\nuse crate::cmd;\n"),
    ]);
    let graph = module_graph(&src);
    assert_eq!(graph["lib"].keys().collect::<Vec<_>>(), ["a"]);
    assert_eq!(graph["main"].keys().collect::<Vec<_>>(), ["cmd"]);
    assert_eq!(graph["cmd"].keys().collect::<Vec<_>>(), ["b"]);
    let found = cycles(&graph);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("a -> b (src/a.rs:1)"), "{}", found[0]);
    assert!(found[0].contains("b -> a (src/b/n.rs:1)"), "{}", found[0]);
}

#[test]
fn checker_measures_functions_despite_braces_in_literals() {
    let body = "    let x = 1;\n".repeat(118);
    let long = format!("fn long() {{\n{body}}}\n");
    let tricky = format!(
        "fn tricky() {{\n    let a = '{{';\n    let b = \"}}}}\";\n    // }}\n{body}}}\n\
         trait T {{ fn decl(&self) -> [u8; 4]; }}\nfn after() {{}}\n"
    );
    let found = long_fns(&strip(&long), MAX_FN_LINES);
    assert!(found.is_empty(), "120 lines is allowed: {found:?}");
    let found = long_fns(&strip(&tricky), MAX_FN_LINES);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        (found[0].name.as_str(), found[0].line, found[0].lines),
        ("tricky", 1, 123)
    );
}

#[test]
fn the_documented_list_must_match_and_read_downwards() {
    let graph = module_graph(&sources(&[
        ("lib.rs", "pub mod a;\npub mod b;\npub mod c;\n"),
        ("a.rs", "fn f() { crate::b::g(); }\n"),
        ("b.rs", "fn g() { crate::c::h(); }\n"),
        ("c.rs", "fn h() {}\n"),
    ]));
    let good = "a             b\nb             c\nleaves        c\n";
    assert_eq!(doc_graph_problems(&graph, good), Vec::<String>::new());
    let upwards = "b             c\nleaves        c\na             b\n";
    assert!(
        doc_graph_problems(&graph, upwards)[0]
            .contains("`a` uses `b`, which is not on a lower line")
    );
    let stale = "a             c\nb             c\nleaves        c\n";
    assert!(doc_graph_problems(&graph, stale)[0].contains("`a` uses b (listed: c)"));
    let missing = "b             c\nleaves        c\n";
    assert!(
        doc_graph_problems(&graph, missing)
            .iter()
            .any(|p| p == "`a` is not listed")
    );
}

#[test]
fn checker_counts_file_lines_outside_tests() {
    let code = format!(
        "{}#[cfg(test)]\nmod tests {{\n{}}}\n",
        "fn f() {}\n".repeat(10),
        "    fn g() {}\n".repeat(900)
    );
    let (code, _) = without_tests(&strip(&code));
    assert_eq!(code_lines(&code), 10);
    assert_eq!(
        code_lines(&"x\n".repeat(MAX_FILE_LINES + 1)),
        MAX_FILE_LINES + 1
    );
}
