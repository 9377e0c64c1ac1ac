#!/usr/bin/env python3
"""Count pages, words and questions in a handbook's content/ folder.

Usage: python3 bench/content_stats.py [content-dir]
Pages: every .md file not marked draft. Words: whitespace-separated tokens of the
Markdown (front matter excluded). Questions: [[question]] tables in exercise blocks
plus [question] tables in srs scenario blocks.
"""
import os, re, sys

root = sys.argv[1] if len(sys.argv) > 1 else "content"
pages = words = questions = scen = 0
per = {}
for d, _, files in os.walk(root):
    for f in sorted(files):
        if not f.endswith(".md"):
            continue
        text = open(os.path.join(d, f), encoding="utf-8").read()
        m = re.match(r"\+\+\+\n.*?\n\+\+\+\n", text, re.S)
        body = text[m.end():] if m else text
        if m and re.search(r"^draft\s*=\s*true", m.group(0), re.M):
            continue
        pages += 1
        w = len(body.split())
        words += w
        q = len(re.findall(r"^\[\[question\]\]", body, re.M))
        s = len(re.findall(r"^\[question\]", body, re.M))
        questions += q + s
        chap = os.path.relpath(d, root)
        c = per.setdefault(chap, [0, 0, 0])
        c[0] += 1; c[1] += w; c[2] += q + s
for k in sorted(per):
    print(f"{k:28} pages {per[k][0]:3} words {per[k][1]:6} questions {per[k][2]:3}")
print(f"TOTAL pages {pages} words {words} questions {questions}")
