#!/usr/bin/env python3
"""Scores Parallax's reader-view extraction against Mozilla Readability's test pages.

usage: Tests/Scripts/eval-extraction.py PARALLAX DIR [--min-f1 F] [--min-title T] [--worst N]

DIR is ../shared/data/html/readability (or its test-pages folder): one folder per page with
source.html, expected.html (the article Readability extracts) and expected-metadata.json.
PARALLAX is the built executable; it is run once as `PARALLAX extract --format jsonl FILES`.

For every page: word-level precision, recall and F1 of Parallax's text against the visible
text of expected.html (words are lowercased runs of letters and digits, compared as
multisets), whether the title matches exactly after folding whitespace, whether the byline
does, and whether Parallax's article judgement agrees with `readerable`. Prints the means,
the judgement's confusion counts and the worst pages by F1. With --min-f1/--min-title,
exits 1 when a mean is under its floor.
"""
import argparse
import collections
import html.parser
import json
import os
import re
import subprocess
import sys


class TextOf(html.parser.HTMLParser):
    """Visible text of an HTML fragment: block elements and line breaks separate words,
    inline elements do not (`<b>foo</b>bar` is one word, as a browser renders it)."""

    SKIP = {"script", "style", "noscript", "template"}
    BLOCK = {
        "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "td", "th", "tr", "ul",
        "img", "iframe", "video", "audio", "math",
    }

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skipping += 1
        if tag in self.BLOCK:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1
        if tag in self.BLOCK:
            self.parts.append(" ")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def visible_text(markup):
    parser = TextOf()
    parser.feed(markup)
    parser.close()
    return "".join(parser.parts)


WORD = re.compile(r"\w+", re.UNICODE)


def words(text):
    return WORD.findall(text.lower())


def fold(text):
    return " ".join((text or "").split())


def prf(ours, expected):
    a, b = collections.Counter(ours), collections.Counter(expected)
    if not a and not b:
        return 1.0, 1.0, 1.0
    overlap = sum((a & b).values())
    p = overlap / sum(a.values()) if a else 0.0
    r = overlap / sum(b.values()) if b else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("parallax")
    ap.add_argument("dir")
    ap.add_argument("--min-f1", type=float)
    ap.add_argument("--min-title", type=float)
    ap.add_argument("--worst", type=int, default=10)
    args = ap.parse_args()

    root = args.dir
    if os.path.isdir(os.path.join(root, "test-pages")):
        root = os.path.join(root, "test-pages")
    names = sorted(n for n in os.listdir(root) if os.path.isfile(os.path.join(root, n, "source.html")))
    if not names:
        sys.exit(f"no test pages in {args.dir}")
    sources = [os.path.join(root, n, "source.html") for n in names]
    run = subprocess.run([args.parallax, "extract", "--format", "jsonl", *sources], capture_output=True, text=True)
    if run.returncode != 0:
        sys.stderr.write(run.stderr)
        sys.exit(f"{args.parallax} extract failed with status {run.returncode}")
    results = {}
    for line in run.stdout.splitlines():
        entry = json.loads(line)
        results[entry["path"]] = entry

    rows = []
    confusion = collections.Counter()
    bylines_expected = bylines_right = bylines_extra = 0
    for name, source in zip(names, sources):
        entry = results.get(source)
        if entry is None:
            sys.exit(f"no result for {source}")
        folder = os.path.join(root, name)
        with open(os.path.join(folder, "expected.html"), encoding="utf-8") as f:
            expected_text = visible_text(f.read())
        with open(os.path.join(folder, "expected-metadata.json"), encoding="utf-8") as f:
            meta = json.load(f)
        p, r, f1 = prf(words(entry.get("text") or ""), words(expected_text))
        title_ok = fold(entry.get("title")) == fold(meta.get("title"))
        expected_byline = fold(meta.get("byline"))
        ours_byline = fold(entry.get("byline"))
        if expected_byline:
            bylines_expected += 1
            bylines_right += ours_byline == expected_byline
        elif ours_byline:
            bylines_extra += 1
        readerable = meta.get("readerable")
        if readerable is not None:
            confusion[(bool(readerable), bool(entry.get("is_article")))] += 1
        rows.append((name, p, r, f1, title_ok, entry.get("title"), meta.get("title")))

    n = len(rows)
    mean = lambda i: sum(row[i] for row in rows) / n
    title_rate = sum(1 for row in rows if row[4]) / n
    agree = confusion[(True, True)] + confusion[(False, False)]
    judged = sum(confusion.values())
    print(f"pages: {n}")
    print(f"text: precision {mean(1):.3f}, recall {mean(2):.3f}, F1 {mean(3):.3f} (means over pages)")
    print(f"title: {title_rate:.3f} exact after folding whitespace ({sum(1 for row in rows if row[4])}/{n})")
    if bylines_expected:
        print(
            f"byline: {bylines_right}/{bylines_expected} exact where the page has one "
            f"({bylines_right / bylines_expected:.3f}); {bylines_extra} given where none is expected"
        )
    if judged:
        print(
            f"article judgement vs readerable: {agree}/{judged} agree ({agree / judged:.3f}); "
            f"articles missed {confusion[(True, False)]}, non-articles taken as articles {confusion[(False, True)]}"
        )
    print(f"worst {args.worst} pages by F1:")
    for name, p, r, f1, title_ok, ours, theirs in sorted(rows, key=lambda row: row[3])[: args.worst]:
        print(f"  {name:40} F1 {f1:.3f}  P {p:.3f}  R {r:.3f}  title {'ok' if title_ok else 'differs'}")
    for name, p, r, f1, title_ok, ours, theirs in rows:
        if not title_ok:
            print(f"  title differs: {name}: {ours!r} vs {theirs!r}", file=sys.stderr)
    failed = False
    if args.min_f1 is not None and mean(3) < args.min_f1:
        print(f"FAIL: mean F1 {mean(3):.3f} < {args.min_f1}")
        failed = True
    if args.min_title is not None and title_rate < args.min_title:
        print(f"FAIL: title rate {title_rate:.3f} < {args.min_title}")
        failed = True
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
