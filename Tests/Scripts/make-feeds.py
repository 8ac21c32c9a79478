#!/usr/bin/env python3
"""Builds N RSS 2.0 files of M items each from a JSON Lines corpus, for the store benchmark.

Usage: make-feeds.py CORPUS.jsonl[,MORE.jsonl...] OUT-FOLDER [FEEDS=100] [ITEMS=1000] [--reword]

Feed f is an outlet: item i carries corpus article (f * ITEMS + i) mod len(corpus), so each
corpus article is republished by about FEEDS * ITEMS / len(corpus) outlets, each under its
own link. Outlets edit: feeds f % 3 == 1 drop the last paragraph, f % 3 == 2 the first
(when there are three or more), so versions differ as rewrites do. With --reword, feeds
f % 5 == 0 also reword their first paragraph (" said " becomes " stated "), so that more
versions are rewrites rather than identical copies of the lead.
"""
import json, os, sys
from email.utils import format_datetime
from datetime import datetime, timezone
from xml.sax.saxutils import escape

reword = "--reword" in sys.argv
args = [a for a in sys.argv if a != "--reword"]
corpora, out = args[1].split(","), args[2]
feeds = int(args[3]) if len(args) > 3 else 100
items = int(args[4]) if len(args) > 4 else 1000
rows = [json.loads(line) for corpus in corpora for line in open(corpus, encoding="utf-8") if line.strip()]
os.makedirs(out, exist_ok=True)

def rfc822(published):
    try:
        d = datetime.fromisoformat(published.replace("Z", "+00:00"))
        if d.tzinfo is None:
            d = d.replace(tzinfo=timezone.utc)
        return format_datetime(d)
    except Exception:
        return None

def clean(text):
    return "".join(c for c in text if c in "\n\t" or ord(c) >= 32)

for f in range(feeds):
    parts = [f'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Outlet {f:03d}</title>'
             f'<link>https://outlet-{f:03d}.example/</link>']
    for i in range(items):
        row = rows[(f * items + i) % len(rows)]
        paragraphs = [p for p in clean(row.get("text", "")).split("\n\n") if p.strip()]
        if f % 3 == 1 and len(paragraphs) >= 2:
            paragraphs = paragraphs[:-1]
        elif f % 3 == 2 and len(paragraphs) >= 3:
            paragraphs = paragraphs[1:]
        if reword and f % 5 == 0 and paragraphs:
            paragraphs[0] = paragraphs[0].replace(" said ", " stated ", 1)
        body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
        date = rfc822(row.get("published") or "")
        parts.append(
            "<item>"
            f"<title>{escape(clean(row.get('title') or ''))}</title>"
            f"<link>https://outlet-{f:03d}.example/{escape(str(row['id']))}</link>"
            f"<guid>https://outlet-{f:03d}.example/{escape(str(row['id']))}</guid>"
            + (f"<pubDate>{date}</pubDate>" if date else "")
            + f"<description><![CDATA[{body.replace(']]>', ']]&gt;')}]]></description>"
            "</item>")
    parts.append("</channel></rss>\n")
    with open(os.path.join(out, f"outlet-{f:03d}.rss"), "w", encoding="utf-8") as fh:
        fh.write("".join(parts))
print(f"{feeds} feeds x {items} items = {feeds * items} articles from {len(rows)} corpus articles in {out}"
      + (" (reworded)" if reword else ""))
