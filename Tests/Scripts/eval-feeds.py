#!/usr/bin/env python3
"""Scores Parallax's feed reading against gofeed's own test suite.

usage: eval-feeds.py PARALLAX GOFEED_DIR [--failures N] [--json]

GOFEED_DIR is gofeed's repository (or its testdata folder): testdata/translator/* and
testdata/parser/* hold feeds (.xml, .json) beside the JSON gofeed expects from them. Each
feed whose expected result has an item is imported into a store of its own
(`PARALLAX import --store …`), the store is exported (`PARALLAX export`), and the first
article is compared with gofeed's first item, field by field, where gofeed's item has the
field: title, link, visible text, published and updated time, authors, categories,
enclosures. Text is compared as a reader sees it: markup dropped, references decoded,
whitespace folded. Prints the pass rate per format and per field, then the failures.

Where a parser-level expectation names a format's own field only (gofeed's RSS parser
keeps `dc:subject` apart from `category`), Parallax, which merges such fields, passes when
it has everything gofeed lists; translator-level expectations must match exactly.
"""
import argparse
import datetime
import html
import html.parser
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import defaultdict


class _Text(html.parser.HTMLParser):
    SKIP = {"script", "style", "noscript", "iframe", "object", "template", "head", "title"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.skipping = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skipping += 1
        self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1
        self.parts.append(" ")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def fold(text):
    return " ".join(text.split())


def visible(text, markup):
    """What a reader sees of `text`: as HTML when `markup`, else as written."""
    if text is None:
        return None
    if markup:
        parser = _Text()
        parser.feed(text)
        parser.close()
        text = "".join(parser.parts)
    return fold(text.replace("\u00a0", " "))


def looks_like_markup(text):
    return bool(re.search(r"<[A-Za-z/!][^>]*>|&(#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);", text or ""))


def instant(text):
    if not text:
        return None
    try:
        return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(datetime.timezone.utc)
    except ValueError:
        return text


def person_keys(people):
    keys = set()
    for p in people or []:
        if isinstance(p, str):
            p = visible(p, looks_like_markup(p))
            m = re.match(r"^\s*(\S+@\S+)\s*\((.*)\)\s*$", p) or None
            if m:
                keys.add((fold(m.group(2)) or None, m.group(1)))
            elif "@" in p and " " not in p.strip():
                keys.add((None, p.strip()))
            else:
                keys.add((fold(p) or None, None))
        elif isinstance(p, dict):
            name = visible(p.get("name") or "", looks_like_markup(p.get("name"))) or None
            email = (p.get("email") or "").strip() or None
            if name or email:
                keys.add((name, email))
    return keys


def category_key(text):
    return visible(text, looks_like_markup(text))


def enclosure_keys(items):
    return {(e.get("url") or e.get("href") or "").strip() for e in items or [] if (e.get("url") or e.get("href"))}


def expected_fields(kind, item):
    """The checkable fields of gofeed's first item, as (value, how to compare)."""
    fields = {}
    level, fmt = kind.split("/")
    get = item.get
    if level == "translator":
        if get("title") is not None:
            fields["title"] = visible(get("title"), looks_like_markup(get("title")))
        if get("link"):
            fields["link"] = get("link")
        body = get("content") or get("description")
        if body:
            fields["text"] = visible(body, True)
        if get("publishedParsed"):
            fields["published"] = instant(get("publishedParsed"))
        if get("updatedParsed"):
            fields["updated"] = instant(get("updatedParsed"))
        if get("authors"):
            fields["authors"] = ("exact", person_keys(get("authors")))
        if get("categories"):
            fields["categories"] = ("exact", {category_key(c) for c in get("categories")})
        if get("enclosures"):
            fields["enclosures"] = ("exact", enclosure_keys(get("enclosures")))
        return fields
    if fmt == "rss":
        if get("title") is not None:
            fields["title"] = visible(get("title"), looks_like_markup(get("title")))
        if get("link"):
            fields["link"] = get("link")
        body = get("content") or get("description")
        if body:
            fields["text"] = visible(body, True)
        if get("pubDateParsed"):
            fields["published"] = instant(get("pubDateParsed"))
        if get("author"):
            fields["authors"] = ("subset", person_keys([get("author")]))
        if get("categories"):
            fields["categories"] = ("subset", {category_key(c.get("value", "")) for c in get("categories") if c.get("value")})
        enclosures = get("enclosures") or ([get("enclosure")] if get("enclosure") else [])
        if enclosures:
            fields["enclosures"] = ("exact", enclosure_keys(enclosures))
    elif fmt == "atom":
        if get("title") is not None:
            fields["title"] = visible(get("title"), looks_like_markup(get("title")))
        links = [l for l in get("links") or [] if l.get("href")]
        alternates = [l for l in links if (l.get("rel") or "alternate") == "alternate"]
        if alternates:
            fields["link"] = alternates[0]["href"]
        content = get("content")
        body = (content or {}).get("value") if isinstance(content, dict) else content
        body = body or get("summary")
        if body:
            fields["text"] = visible(body, True)
        if get("publishedParsed"):
            fields["published"] = instant(get("publishedParsed"))
        if get("updatedParsed"):
            fields["updated"] = instant(get("updatedParsed"))
        people = (get("authors") or []) + (get("contributors") or [])
        if person_keys(people):
            fields["authors"] = ("subset", person_keys(people))
        categories = {category_key(c.get("label") or c.get("term") or "") for c in get("categories") or []} - {""}
        if categories:
            fields["categories"] = ("subset", categories)
        enclosures = [l for l in links if l.get("rel") == "enclosure"]
        if enclosures:
            fields["enclosures"] = ("exact", enclosure_keys(enclosures))
    elif fmt in ("json", "universal"):
        if get("title") is not None:
            fields["title"] = fold(get("title"))
        if get("url"):
            fields["link"] = get("url")
        body = get("content_html") or get("content_text") or get("summary")
        if body:
            fields["text"] = visible(body, bool(get("content_html")))
        if get("date_published"):
            fields["published"] = instant(get("date_published"))
        authors = get("authors") or ([get("author")] if get("author") else [])
        if person_keys(authors):
            fields["authors"] = ("subset", person_keys(authors))
        if get("tags"):
            fields["categories"] = ("exact", {fold(t) for t in get("tags")})
        if get("attachments"):
            fields["enclosures"] = ("exact", enclosure_keys(get("attachments")))
    return fields


def actual_fields(article):
    authors = set()
    for p in article.get("authors") or []:
        authors.add(((fold(p.get("name") or "") or None), (p.get("email") or "").strip() or None))
    return {
        "title": fold(article.get("title") or ""),
        "link": article.get("url"),
        "text": fold(article.get("text") or article.get("summary") or ""),
        "text+title": fold((article.get("title") or "") + " " + (article.get("text") or "")),
        "published": instant(article.get("published")),
        "updated": instant(article.get("updated")),
        "authors": authors,
        "categories": {fold(c) for c in article.get("categories") or []},
        "enclosures": {e.get("url") for e in article.get("enclosures") or []},
    }


def compare(name, expected, actual):
    if isinstance(expected, tuple):
        how, want = expected
        got = actual[name]
        return want <= got if how == "subset" else want == got
    if name == "text":
        # A body whose first paragraph became the title (or repeated it) still says everything.
        return expected == actual["text"] or expected == actual["text+title"]
    return expected == actual[name]


def cases(root):
    testdata = os.path.join(root, "testdata") if os.path.isdir(os.path.join(root, "testdata")) else root
    for level in ("translator", "parser"):
        base = os.path.join(testdata, level)
        if not os.path.isdir(base):
            continue
        for fmt in sorted(os.listdir(base)):
            folder = os.path.join(base, fmt)
            for name in sorted(os.listdir(folder)):
                stem, ext = os.path.splitext(name)
                if ext != ".json" or name.endswith(".expected.json"):
                    continue
                for feed_ext in (".xml", ".json.feed", ".feed", ".rss", ".atom"):
                    feed = os.path.join(folder, stem + feed_ext)
                    if os.path.exists(feed):
                        break
                else:
                    continue
                yield f"{level}/{fmt}", os.path.join(folder, name), feed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("parallax")
    parser.add_argument("gofeed")
    parser.add_argument("--failures", type=int, default=60, help="failures to list (default 60)")
    args = parser.parse_args()
    totals = defaultdict(lambda: [0, 0])
    by_field = defaultdict(lambda: [0, 0])
    failures = []
    checked_feeds = 0
    with tempfile.TemporaryDirectory() as tmp:
        for n, (kind, expected_path, feed_path) in enumerate(cases(args.gofeed)):
            try:
                with open(expected_path, encoding="utf-8") as f:
                    expected = json.load(f)
            except (ValueError, UnicodeDecodeError):
                continue
            items = expected.get("items") or expected.get("entries") or []
            if not items:
                continue
            # An empty expected value (an item whose text is only an image) checks nothing.
            want = {k: v for k, v in expected_fields(kind, items[0]).items() if v not in ("", None)}
            if not want:
                continue
            checked_feeds += 1
            store = os.path.join(tmp, f"{n}.sqlite")
            # JSON feeds are named .json in gofeed's suite: import reads .json as JSON Feed.
            imported = subprocess.run(
                [args.parallax, "import", "--store", store, feed_path], capture_output=True, text=True, timeout=60
            )
            exported = subprocess.run(
                [args.parallax, "export", "--store", store], capture_output=True, text=True, timeout=60
            )
            lines = [l for l in exported.stdout.splitlines() if l.strip()]
            got = actual_fields(json.loads(lines[0])) if lines else None
            rel = os.path.relpath(feed_path, args.gofeed)
            for field, value in want.items():
                ok = got is not None and compare(field, value, got)
                totals[kind][0] += ok
                totals[kind][1] += 1
                by_field[field][0] += ok
                by_field[field][1] += 1
                if not ok:
                    shown = value[1] if isinstance(value, tuple) else value
                    have = None if got is None else got[field]
                    note = "" if got is not None else " (no article: " + fold(imported.stderr)[:160] + ")"
                    failures.append(f"{rel}: {field}: expected {shown!r}, got {have!r}{note}")
    passed = sum(p for p, _ in totals.values())
    total = sum(t for _, t in totals.values())
    print(f"feeds checked: {checked_feeds}")
    print("per format:")
    for kind in sorted(totals):
        p, t = totals[kind]
        print(f"  {kind:20} {p:4}/{t:<4} {100 * p / t:6.2f} %")
    print("per field:")
    for field in sorted(by_field):
        p, t = by_field[field]
        print(f"  {field:20} {p:4}/{t:<4} {100 * p / t:6.2f} %")
    print(f"all checkable fields: {passed}/{total} = {100 * passed / max(1, total):.2f} %")
    if failures:
        print(f"failures ({len(failures)}; first {min(len(failures), args.failures)}):")
        for line in failures[: args.failures]:
            print("  " + line[:400])
    return 0


if __name__ == "__main__":
    sys.exit(main())
