#!/usr/bin/env python3
# The project's corpus generator, kept in the repository so that the benches (bench/*.sh,
# benches/serve.rs) run from a fresh clone; it is the same file as shared/bench/gen_corpus.py.
"""Deterministic generator for a handbook-like Markdown corpus (stdlib only).

Usage:
    python3 gen_corpus.py --pages N --out DIR --format {mdbook,zola,plain,hugo} [--seed S]
                          [--per-chapter 20] [--force]

Layout (N = number of regular content pages; each chapter of ~20 pages also
gets one short chapter-overview page, so the total page count is N + ceil(N/20)
+ 1 for the book/site root):

  plain   DIR/README.md, DIR/chNNNN-slug/index.md, DIR/chNNNN-slug/pNNNNNN-slug.md
          every file starts with a "# Title" line.
  mdbook  DIR/book.toml, DIR/src/SUMMARY.md (lists every page), DIR/src/<same tree as plain>
  zola    DIR/config.toml (build_search_index = true), DIR/templates/{index,section,page}.html,
          DIR/content/_index.md, DIR/content/chNNNN-slug/_index.md (section),
          DIR/content/chNNNN-slug/pNNNNNN-slug.md with TOML front matter (+++ title/weight +++).
  hugo    (extra) DIR/hugo.toml, DIR/layouts/..., DIR/content/ as for zola (TOML front matter,
          _index.md per section); a render-link hook resolves the relative .md links with
          GetPage (fails the build on a broken one) and the home page also gets an index.json
          (title/url/plain text of every page) as the stand-in for a search index.

Every regular page is 6-12 KB of Markdown: h2/h3 headings, paragraphs with
emphasis/strong/inline code, bullet lists, one table, one fenced code block,
blockquotes, and ~13 inline links to other pages of the corpus. For plain, mdbook
and hugo the links are relative .md links (e.g. ../ch0003-foo/p000045-bar.md);
for zola they use zola's internal-link form (@/ch0003-foo/p000045-bar.md), its
equivalent of a relative .md link, so zola resolves and checks them.

The same --seed and --pages give byte-identical text bodies for all three
formats (only front matter / title line / link syntax differ).
"""

import argparse
import math
import os
import random
import re
import shutil
import sys

WORDS = (
    "the a an of to and in for on with by from as at is are be was will can should must may "
    "trainee trainer module session assessment onboarding procedure policy safety checklist "
    "supervisor team shift handover incident report escalation customer quality standard "
    "equipment maintenance inspection workflow review feedback objective outcome competency "
    "practice exercise scenario briefing debrief schedule record document template form "
    "approval audit compliance requirement guideline principle process step task role "
    "responsibility communication colleague manager mentor learner course unit lesson topic "
    "example case study evidence criteria rubric score level stage phase milestone progress "
    "goal plan risk hazard control measure emergency response drill evacuation first aid "
    "protective clothing access badge system account password network data privacy security "
    "ticket queue priority deadline response time service agreement metric dashboard tool "
    "software hardware device terminal console configuration deployment release version "
    "change request rollback backup restore monitor alert log entry archive retention "
    "always never usually carefully promptly clearly accurately consistently safely quickly "
    "complete verify confirm submit update notify inform prepare follow check ensure record "
    "identify assess reduce prevent report escalate document review approve assign track "
    "new existing relevant appropriate required optional critical minor major daily weekly "
    "monthly annual initial final current previous next local regional central shared"
).split()

# Real prose has a long-tailed vocabulary (it matters for search-index size): the
# handbook words above are the frequent head; 3000 pseudo-words (fixed seed) form the
# tail, and words are drawn with Zipf weights 1/rank.
_SYL = ("ka", "lo", "mi", "ter", "van", "sol", "ric", "den", "pra", "tum", "zel", "bor", "nis",
        "quo", "fen", "gar", "hul", "jip", "wex", "yor", "ast", "ben", "cor", "dul")
_vr = random.Random(7)
_tail = []
_seen = set(WORDS)
while len(_tail) < 3000:
    w = "".join(_vr.choice(_SYL) for _ in range(_vr.randint(2, 4)))
    if w not in _seen:
        _seen.add(w)
        _tail.append(w)
VOCAB = list(WORDS) + _tail
VOCAB_CUM = []
_acc = 0.0
for _rank in range(len(VOCAB)):
    _acc += 1.0 / (_rank + 1)
    VOCAB_CUM.append(_acc)

TITLE_NOUNS = (
    "Onboarding Basics, Safety Procedures, Incident Handling, Customer Escalations, Shift Handover, "
    "Quality Reviews, Equipment Checks, Access Control, Data Privacy, Emergency Drills, First Aid, "
    "Reporting Lines, Audit Preparation, Risk Assessment, Change Management, Release Process, "
    "Backup and Restore, Monitoring Alerts, Ticket Triage, Service Levels, Mentoring, Feedback Sessions, "
    "Competency Matrix, Practical Exercises, Case Studies, Documentation Standards, Tool Setup, "
    "Account Management, Network Basics, Security Awareness, Maintenance Schedules, Inspection Rounds, "
    "Hazard Controls, Protective Equipment, Communication Skills, Time Management, Escalation Paths, "
    "Record Keeping, Compliance Checks, Assessment Criteria"
).split(", ")
TITLE_PREFIX = ("Introduction to", "Advanced", "Practical", "Reviewing", "Planning", "Understanding",
                "Everyday", "Checklist for", "Guide to", "Troubleshooting", "Working with", "Notes on")
CHAPTER_THEMES = ("Foundations", "Operations", "Safety", "Customer Service", "Systems", "Quality",
                  "Leadership", "Compliance", "Maintenance", "Security", "Communication", "Assessment")
LANGS = ("bash", "python", "yaml", "rust", "json", "toml", "sql", "javascript")
CODE_SNIPPETS = {
    "bash": ["#!/usr/bin/env bash", "set -euo pipefail", "for unit in {units}; do", "  echo \"checking $unit\"",
             "  ./checklist --unit \"$unit\" --level {n}", "done", "grep -c PASS report-{n}.log"],
    "python": ["def score(answers, key):", "    total = 0", "    for a, k in zip(answers, key):",
               "        total += {n} if a == k else 0", "    return total / max(len(key), 1)", "",
               "print(score(['a', 'b'], ['a', 'c']))"],
    "yaml": ["module: {word}", "level: {n}", "steps:", "  - prepare", "  - {word}", "  - review",
             "owners:", "  - team-{n}"],
    "rust": ["fn main() {", "    let units = [{n}, {n2}, {n3}];", "    let sum: u32 = units.iter().sum();",
             "    println!(\"total = {}\", sum);", "}"],
    "json": ["{", "  \"module\": \"{word}\",", "  \"level\": {n},", "  \"passed\": true,",
             "  \"tags\": [\"{word}\", \"training\"]", "}"],
    "toml": ["[module]", "name = \"{word}\"", "level = {n}", "", "[assessment]", "pass_mark = {n2}"],
    "sql": ["SELECT trainee, score", "FROM assessments", "WHERE module = '{word}'", "  AND level >= {n}",
            "ORDER BY score DESC;"],
    "javascript": ["const units = [{n}, {n2}, {n3}];", "const total = units.reduce((a, b) => a + b, 0);",
                   "console.log(`total: ${total}`);"],
}


def slugify(text):
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return s[:40].rstrip("-")


class Gen:
    def __init__(self, seed, pages, per_chapter, fmt):
        self.r = random.Random(seed)
        self.fmt = fmt
        self.chapters = []  # list of dicts: dir, title, pages=[(file, title)]
        n_ch = math.ceil(pages / per_chapter)
        page_no = 0
        for c in range(n_ch):
            theme = CHAPTER_THEMES[c % len(CHAPTER_THEMES)]
            ctitle = f"Chapter {c + 1}: {theme} {c // len(CHAPTER_THEMES) + 1}"
            cdir = f"ch{c + 1:04d}-{slugify(theme)}"
            plist = []
            for _ in range(min(per_chapter, pages - page_no)):
                page_no += 1
                t = f"{self.r.choice(TITLE_PREFIX)} {self.r.choice(TITLE_NOUNS)} ({c + 1}.{len(plist) + 1})"
                plist.append((f"p{page_no:06d}-{slugify(t)}.md", t))
            self.chapters.append({"dir": cdir, "title": ctitle, "pages": plist})
        self.all_pages = [(ch["dir"], f, t) for ch in self.chapters for (f, t) in ch["pages"]]

    # ---- text pieces -------------------------------------------------
    def words(self, n):
        return self.r.choices(VOCAB, cum_weights=VOCAB_CUM, k=n)

    def link(self, from_dir):
        d, f, t = self.r.choice(self.all_pages)
        if self.fmt == "zola":
            target = f"@/{d}/{f}"
        elif d == from_dir:
            target = f
        else:
            target = f"../{d}/{f}"
        return f"[{t}]({target})"

    def sentence(self, from_dir, link_p=0.0):
        w = self.words(self.r.randint(8, 20))
        w[0] = w[0].capitalize()
        i = self.r.randrange(1, len(w))
        roll = self.r.random()
        if roll < 0.25:
            w[i] = f"*{w[i]}*"
        elif roll < 0.40:
            w[i] = f"**{w[i]}**"
        elif roll < 0.50:
            w[i] = f"`{w[i]}_{self.r.randint(1, 99)}`"
        s = " ".join(w)
        if self.r.random() < link_p:
            s += f", see {self.link(from_dir)}"
        return s + self.r.choice((".", ".", ".", "?", "!"))

    def paragraph(self, from_dir, link_p=0.12):
        return " ".join(self.sentence(from_dir, link_p) for _ in range(self.r.randint(3, 7)))

    def bullets(self, from_dir):
        out = []
        for _ in range(self.r.randint(3, 7)):
            if self.r.random() < 0.3:
                out.append(f"- {self.link(from_dir)}: {' '.join(self.words(self.r.randint(4, 10)))}")
            else:
                out.append(f"- {self.sentence(from_dir)}")
        return "\n".join(out)

    def table(self):
        cols = self.r.randint(3, 5)
        head = [w.capitalize() for w in self.words(cols)]
        rows = ["| " + " | ".join(head) + " |", "|" + "|".join(["---"] * cols) + "|"]
        for _ in range(self.r.randint(4, 8)):
            cells = []
            for c in range(cols):
                cells.append(str(self.r.randint(1, 500)) if c == cols - 1 else " ".join(self.words(self.r.randint(1, 3))))
            rows.append("| " + " | ".join(cells) + " |")
        return "\n".join(rows)

    def code(self):
        lang = self.r.choice(LANGS)
        n, n2, n3 = (self.r.randint(1, 99) for _ in range(3))
        word = self.r.choice(WORDS)
        lines = []
        for ln in CODE_SNIPPETS[lang]:
            for k, v in (("{n}", n), ("{n2}", n2), ("{n3}", n3), ("{word}", word), ("{units}", "a b c")):
                ln = ln.replace(k, str(v))
            lines.append(ln)
        return f"```{lang}\n" + "\n".join(lines) + "\n```"

    def quote(self, from_dir):
        kind = self.r.choice(("Note", "Tip", "Warning", "Important"))
        return f"> **{kind}:** {self.sentence(from_dir, 0.3)}\n>\n> {self.sentence(from_dir)}"

    def body(self, from_dir, target_bytes):
        parts = [self.paragraph(from_dir)]
        size = len(parts[0])
        used_h2 = set()
        placed_table = placed_code = False
        sec = 0

        def add(p):
            nonlocal size
            parts.append(p)
            size += len(p) + 2
            return size >= target_bytes

        while size < target_bytes:
            sec += 1
            h = f"{self.r.choice(TITLE_PREFIX)} {self.r.choice(TITLE_NOUNS).lower()}"
            while h in used_h2:
                h += " (cont.)"
            used_h2.add(h)
            add(f"## {sec}. {h}")
            if add(self.paragraph(from_dir)):
                break
            roll = self.r.random()
            if not placed_table and (sec >= 2 or roll < 0.3):
                placed_table = True
                if add(self.table()):
                    break
            elif not placed_code and (sec >= 3 or roll < 0.3):
                placed_code = True
                if add(self.code()):
                    break
            if add(self.bullets(from_dir)):
                break
            for sub in range(self.r.randint(1, 2)):
                add(f"### {sec}.{sub + 1} {' '.join(self.words(3)).capitalize()}")
                if add(self.paragraph(from_dir)):
                    break
                if self.r.random() < 0.35 and add(self.quote(from_dir)):
                    break
        if not placed_table:
            parts.append(self.table())
        if not placed_code:
            parts.append(self.code())
        # guarantee a minimum number of cross-links
        parts.append("### Related pages\n\n" + "\n".join(f"- {self.link(from_dir)}" for _ in range(3)))
        return "\n\n".join(parts) + "\n"


def toml_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)


ZOLA_CONFIG = """base_url = "https://handbook.example.org"
title = "Training Handbook (benchmark corpus)"
compile_sass = false
build_search_index = true
generate_feeds = false
"""

ZOLA_BASE_HEAD = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{% block title %}{{ config.title }}{% endblock title %}</title></head>
<body>
"""

ZOLA_TEMPLATES = {
    "index.html": ZOLA_BASE_HEAD + """<h1>{{ config.title }}</h1>
{{ section.content | safe }}
<ul>
{% for s in section.subsections %}{% set sub = get_section(path=s, metadata_only=true) %}<li><a href="{{ sub.permalink }}">{{ sub.title }}</a></li>
{% endfor %}</ul>
</body></html>
""",
    "section.html": ZOLA_BASE_HEAD + """<h1>{{ section.title }}</h1>
{{ section.content | safe }}
<ul>
{% for p in section.pages %}<li><a href="{{ p.permalink }}">{{ p.title }}</a></li>
{% endfor %}</ul>
</body></html>
""",
    "page.html": ZOLA_BASE_HEAD + """<h1>{{ page.title }}</h1>
{{ page.content | safe }}
</body></html>
""",
}


HUGO_CONFIG = """baseURL = "https://handbook.example.org/"
title = "Training Handbook (benchmark corpus)"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]

[outputs]
home = ["HTML", "JSON"]

[markup.highlight]
codeFences = false
"""

HUGO_HEAD = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body>
"""

HUGO_LAYOUTS = {
    "index.html": HUGO_HEAD + """<h1>{{ .Title }}</h1>
{{ .Content }}
<ul>
{{ range .Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ul>
</body></html>
""",
    "index.json": """[{{ range $i, $p := .Site.RegularPages }}{{ if $i }},{{ end }}"""
                  """{"title":{{ $p.Title | jsonify }},"url":{{ $p.RelPermalink | jsonify }},"""
                  """"body":{{ $p.Plain | jsonify }}}{{ end }}]
""",
    "_default/list.html": HUGO_HEAD + """<h1>{{ .Title }}</h1>
{{ .Content }}
<ul>
{{ range .Pages.ByWeight }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ul>
</body></html>
""",
    "_default/single.html": HUGO_HEAD + """<h1>{{ .Title }}</h1>
{{ .Content }}
</body></html>
""",
    "_default/_markup/render-link.html": """{{- $u := urls.Parse .Destination -}}
{{- $href := .Destination -}}
{{- if and (not $u.IsAbs) (strings.HasSuffix $u.Path ".md") -}}
{{- with $.Page.GetPage $u.Path -}}{{- $href = .RelPermalink -}}
{{- else -}}{{- errorf "broken link %s in %s" $u.Path $.Page.File.Path -}}{{- end -}}
{{- end -}}
<a href="{{ $href | safeURL }}">{{ .Text | safeHTML }}</a>""",
}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--format", choices=("mdbook", "zola", "plain", "hugo"), required=True)
    ap.add_argument("--seed", type=int, default=20240601)
    ap.add_argument("--per-chapter", type=int, default=20)
    ap.add_argument("--force", action="store_true", help="delete --out first if it exists")
    a = ap.parse_args()
    if a.pages < 1:
        sys.exit("--pages must be >= 1")
    if os.path.exists(a.out) and os.listdir(a.out):
        if not a.force:
            sys.exit(f"{a.out} exists and is not empty (use --force)")
        shutil.rmtree(a.out)

    g = Gen(a.seed, a.pages, a.per_chapter, a.format)
    fmt = a.format
    root = {"mdbook": os.path.join(a.out, "src"), "zola": os.path.join(a.out, "content"),
            "hugo": os.path.join(a.out, "content"), "plain": a.out}[fmt]
    total_bytes = 0
    book_title = "Training Handbook (benchmark corpus)"

    def emit(rel, title, body, weight=None, section=False):
        nonlocal total_bytes
        if fmt in ("zola", "hugo"):
            fm = f"+++\ntitle = {toml_str(title)}\n"
            if weight is not None:
                fm += f"weight = {weight}\n"
            if section and fmt == "zola":
                fm += 'sort_by = "weight"\n'
            text = fm + "+++\n\n" + body
        else:
            text = f"# {title}\n\n" + body
        total_bytes += len(text.encode())
        write(os.path.join(root, rel), text)

    intro = g.paragraph("", 0.0) + "\n\n" + g.bullets("") + "\n"
    if fmt == "zola":
        emit("_index.md", book_title, intro, section=True)
    elif fmt == "hugo":
        emit("_index.md", book_title, intro.replace("](../", "]("), section=True)
    else:
        # root page links use paths relative to the root: strip the leading "../"
        emit("README.md", book_title, intro.replace("](../", "]("))

    summary = ["# Summary", "", "[Introduction](README.md)", ""]
    for ci, ch in enumerate(g.chapters):
        cdir = ch["dir"]
        overview = g.paragraph(cdir, 0.0) + "\n\n" + "\n".join(
            f"- [{t}]({'@/' + cdir + '/' + f if fmt == 'zola' else f})" for f, t in ch["pages"]) + "\n"
        emit(f"{cdir}/{'_index.md' if fmt in ('zola', 'hugo') else 'index.md'}", ch["title"], overview,
             weight=ci + 1, section=True)
        summary.append(f"- [{ch['title']}]({cdir}/index.md)")
        for pi, (fname, title) in enumerate(ch["pages"]):
            target = g.r.randint(6 * 1024, 12 * 1024) - 1200  # room for table/code/related list
            emit(f"{cdir}/{fname}", title, g.body(cdir, target), weight=pi + 1)
            summary.append(f"  - [{title}]({cdir}/{fname})")

    if fmt == "mdbook":
        write(os.path.join(root, "SUMMARY.md"), "\n".join(summary) + "\n")
        write(os.path.join(a.out, "book.toml"),
              f'[book]\ntitle = {toml_str(book_title)}\nauthors = ["bench"]\nlanguage = "en"\nsrc = "src"\n\n'
              '[output.html]\n\n[output.html.search]\nenable = true\n')
    elif fmt == "zola":
        write(os.path.join(a.out, "config.toml"), ZOLA_CONFIG)
        for name, text in ZOLA_TEMPLATES.items():
            write(os.path.join(a.out, "templates", name), text)
        os.makedirs(os.path.join(a.out, "static"), exist_ok=True)
    elif fmt == "hugo":
        write(os.path.join(a.out, "hugo.toml"), HUGO_CONFIG)
        for name, text in HUGO_LAYOUTS.items():
            write(os.path.join(a.out, "layouts", name), text)

    n_files = a.pages + len(g.chapters) + 1
    print(f"{fmt}: {a.pages} pages + {len(g.chapters)} chapter pages + 1 root -> {n_files} md files, "
          f"{total_bytes / 1e6:.1f} MB markdown, in {a.out}")


if __name__ == "__main__":
    main()
