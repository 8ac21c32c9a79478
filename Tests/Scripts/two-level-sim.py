#!/usr/bin/env python3
"""Try version and thread rules outside the engine, in seconds instead of a rebuild.

Reads the pairs `parallax-bench pairs CORPUS --edges EDGES.tsv` writes (every kept pair's
score, cosine, fact novelty and new facts, rare names, title overlap, days apart; identical copies as
`copy` rows) and clusters them as GroupingEngine does: versions by average linkage over
the pairs passing the version test, reports into threads by union-find over thread links.
Each run is CORPUS:EDGES[:LABELS]: with a labelled pair set it prints each label's share in
one story and in one thread; without, B-cubed scores against the corpus's `group` field.

  parallax-bench pairs ../shared/data/corpus/bbc2005.jsonl --edges /tmp/bbc.tsv > /dev/null
  python3 Tests/Scripts/two-level-sim.py --nov 0.35 --kadd 2 --rare 1 --tdays 14 \
    ../shared/data/corpus/bbc2005.jsonl:/tmp/bbc.tsv:Tests/Labels/two-level-pairs.tsv
"""
import sys, json, heapq, itertools, collections, argparse

def load_edges(path):
    rows = []
    with open(path) as f:
        head = f.readline().rstrip('\n').split('\t')
        for line in f:
            v = line.rstrip('\n').split('\t')
            d = dict(zip(head, v))
            for k in ('score', 'cosine', 'entityOverlap', 'novelty'):
                d[k] = float(d[k])
            d['sharedNames'] = int(d['sharedNames']); d['rareNames'] = int(d['rareNames'])
            d['days'] = float(d['days']) if d['days'] else None
            d['copy'] = d['conflict'] == 'copy'
            d['leadRare'] = int(d.get('leadRareNames') or 0)
            d['leadOverlap'] = float(d.get('leadOverlap') or 0)
            d['leadWords'] = float(d.get('leadWordOverlap') or 0)
            d['leadShare'] = d['leadWords']
            d['titleDice'] = float(d.get('titleDice') or -1) if d.get('oneOutlet') == '1' else -1
            x = [int(t) for t in d['adds'].split('/')]
            d['minAdded'] = min(x[0], x[2])
            d['conflict'] = d['conflict'] == '1'
            rows.append(d)
    return rows

def avg_link(nodes, edges, conflicts, threshold):
    """edges: dict (a,b)->score over node indices. returns label per node."""
    n = len(nodes)
    nb = [dict() for _ in range(n)]
    for (a, b), s in edges.items():
        if s > 0:
            nb[a][b] = nb[a].get(b, 0) + s
            nb[b][a] = nb[b].get(a, 0) + s
    cl = [set() for _ in range(n)]
    for a, b in conflicts:
        cl[a].add(b); cl[b].add(a)
    size = [1] * n; ver = [0] * n; parent = list(range(n))
    heap = []
    for (a, b), s in edges.items():
        if s >= threshold:
            heapq.heappush(heap, (-s, min(a, b), max(a, b), 0, 0))
    while heap:
        m, a, b, va, vb = heapq.heappop(heap)
        if parent[a] != a or parent[b] != b or ver[a] != va or ver[b] != vb: continue
        if b in cl[a]: continue
        keep, gone = (a, b) if len(nb[a]) >= len(nb[b]) else (b, a)
        ge = nb[gone]; nb[gone] = {}
        nb[keep].pop(gone, None)
        for o, s in ge.items():
            if o == keep: continue
            nb[o].pop(gone, None)
            nb[keep][o] = nb[keep].get(o, 0) + s
            nb[o][keep] = nb[keep][o]
        gc = cl[gone]; cl[gone] = set()
        for o in gc:
            cl[o].discard(gone); cl[o].add(keep); cl[keep].add(o)
        size[keep] += size[gone]; parent[gone] = keep; ver[keep] += 1
        for o, s in nb[keep].items():
            mean = s / (size[keep] * size[o])
            if mean >= threshold:
                x, y = min(keep, o), max(keep, o)
                heapq.heappush(heap, (-mean, x, y, ver[x], ver[y]))
    def root(x):
        while parent[x] != x: x = parent[x]
        return x
    return [root(i) for i in range(n)]

def cluster(edges_rows, ids, P):
    idx0 = {a: i for i, a in enumerate(ids)}
    unit = {a: a for a in ids}
    for e in edges_rows:
        if e['copy']: unit[e['second']] = e['first']
    edges_rows = [e for e in edges_rows if not e['copy']]
    idx = {a: idx0[unit[a]] for a in ids}
    # versions
    ve = {}; vc = []
    for e in edges_rows:
        a, b = idx[e['first']], idx[e['second']]
        dated_far = e['days'] is not None and e['days'] > P.vdays and not (e['score'] >= P.restated and e['novelty'] == 0)
        version = (e['novelty'] <= P.nov or e['score'] >= P.vsure or (e['minAdded'] <= P.kadd and e['novelty'] <= P.knov)) and not dated_far
        if 0 <= e['titleDice'] < P.title and e['score'] < P.retitled: version = False
        if e['conflict']: vc.append((a, b))
        if e['score'] < 0.02: continue
        if version:
            ve[(a, b)] = e['score']
        elif e['score'] >= P.vthr and P.cannot:
            vc.append((a, b))
    vlab = avg_link(ids, ve, vc, P.vthr)
    # threads: over reports
    reps = sorted(set(vlab)); ridx = {r: i for i, r in enumerate(reps)}
    te = {}; tc = []
    for e in edges_rows:
        if e['score'] < P.tmin: continue
        a, b = ridx[vlab[idx[e['first']]]], ridx[vlab[idx[e['second']]]]
        if a == b: continue
        if e['leadOverlap'] < P.tlo and e['score'] < P.tlosc:
            continue
        ok = ((e['score'] >= P.tthr and e['leadRare'] >= P.lrare and e['rareNames'] >= P.rare and e['cosine'] >= P.tcos) or (e['leadRare'] >= P.lrare2 and e['rareNames'] >= P.rare2 and e['cosine'] >= P.cos2)) and (e['days'] is None or e['days'] <= P.tdays)
        # A series (the same template with new figures): a high score and no fact in common.
        if ok and P.series and e['score'] >= P.series and e['novelty'] >= 1 and e['cosine'] >= P.seriescos:
            ok = False
        if ok:
            k = (min(a, b), max(a, b))
            te[k] = max(te.get(k, 0), e['score'])
    if P.topk:
        nb = collections.defaultdict(list)
        for (a, b), sc in te.items(): nb[a].append((sc, b)); nb[b].append((sc, a))
        top = {a: set(x for _, x in sorted(v, reverse=True)[:P.topk]) for a, v in nb.items()}
        te = {(a, b): sc for (a, b), sc in te.items() if b in top[a] or a in top[b]}
    if P.tmode == 'single':
        parent = list(range(len(reps)))
        def f(x):
            while parent[x] != x:
                parent[x] = parent[parent[x]]; x = parent[x]
            return x
        for (a, b) in te:
            ra, rb = f(a), f(b)
            if ra != rb: parent[max(ra, rb)] = min(ra, rb)
        tl = [f(i) for i in range(len(reps))]
    elif P.tmode == 'bridge':
        # Union-find where two components of several reports each merge only when at least
        # P.tlinks distinct report pairs link them (one bridge joins a single report).
        parent = list(range(len(reps))); size = [1] * len(reps)
        def f(x):
            while parent[x] != x:
                parent[x] = parent[parent[x]]; x = parent[x]
            return x
        changed = True
        while changed:
            changed = False
            count = collections.Counter()
            for (a, b) in sorted(te):
                ra, rb = f(a), f(b)
                if ra != rb: count[(min(ra, rb), max(ra, rb))] += 1
            for (ra, rb), n in sorted(count.items()):
                ra, rb = f(ra), f(rb)
                if ra == rb: continue
                if min(size[ra], size[rb]) <= P.tsingle or n >= P.tlinks:
                    lo, hi = min(ra, rb), max(ra, rb)
                    parent[hi] = lo; size[lo] += size[hi]; changed = True
        tl = [f(i) for i in range(len(reps))]
    else:
        # average link with link=1 (count of linked report pairs share)
        w = {k: (1.0 if P.tmode == 'avg1' else v) for k, v in te.items()}
        tl = avg_link(reps, w, [], P.tavg)
    tlab = [tl[ridx[vlab[i]]] for i in range(len(ids))]
    vlab = [vlab[idx[a]] for a in ids]; tlab = [tlab[idx[a]] for a in ids]
    return vlab, tlab

def load_ids(corpus):
    ids = []; groups = {}
    for line in open(corpus):
        d = json.loads(line); ids.append(d['id']); groups[d['id']] = d.get('group')
    return ids, groups

def b3(labels, gold):
    from collections import Counter
    n = len(labels)
    cl = collections.defaultdict(list); gl = collections.defaultdict(list)
    for i in range(n): cl[labels[i]].append(i); gl[gold[i]].append(i)
    P = R = 0
    for i in range(n):
        c = set(cl[labels[i]]); g = set(gl[gold[i]])
        inter = len(c & g); P += inter / len(c); R += inter / len(g)
    P /= n; R /= n
    return P, R, 2 * P * R / (P + R)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--nov', type=float, default=0.35)
    ap.add_argument('--vdays', type=float, default=1.5)
    ap.add_argument('--vsure', type=float, default=9)
    ap.add_argument('--kadd', type=int, default=2)
    ap.add_argument('--knov', type=float, default=1)
    ap.add_argument('--rare2', type=int, default=4)
    ap.add_argument('--cos2', type=float, default=0.2)
    ap.add_argument('--tmin', type=float, default=0.02)
    ap.add_argument('--lrare', type=int, default=1)
    ap.add_argument('--lrare2', type=int, default=2)
    ap.add_argument('--title', type=float, default=0.35)
    ap.add_argument('--retitled', type=float, default=0.6)
    ap.add_argument('--restated', type=float, default=0.8)
    ap.add_argument('--vthr', type=float, default=0.2)
    ap.add_argument('--cannot', type=int, default=0)
    ap.add_argument('--tthr', type=float, default=0.2)
    ap.add_argument('--rare', type=int, default=2)
    ap.add_argument('--tdays', type=float, default=14)
    ap.add_argument('--tcos', type=float, default=0.0)
    ap.add_argument('--tmode', default='single')
    ap.add_argument('--topk', type=int, default=0)
    ap.add_argument('--tavg', type=float, default=0.5)
    ap.add_argument('--tlinks', type=int, default=2)
    ap.add_argument('--series', type=float, default=0)
    ap.add_argument('--seriescos', type=float, default=0)
    ap.add_argument('--tlo', type=float, default=0)
    ap.add_argument('--tlosc', type=float, default=9)
    ap.add_argument('--tsingle', type=int, default=1)
    ap.add_argument('runs', nargs='+')  # corpus:edges[:labels]
    P = ap.parse_args()
    for run in P.runs:
        parts = run.split(':')
        corpus, edges = parts[0], parts[1]
        ids, groups = load_ids(corpus)
        rows = load_edges(edges)
        vlab, tlab = cluster(rows, ids, P)
        idx = {a: i for i, a in enumerate(ids)}
        name = corpus.split('/')[-1]
        if len(parts) > 2:
            tally = collections.defaultdict(lambda: [0, 0, 0])
            for line in open(parts[2]):
                if line.startswith('#') or not line.strip(): continue
                v = line.rstrip('\n').split('\t')
                if v[0] not in idx or v[1] not in idx: continue
                a, b = idx[v[0]], idx[v[1]]
                t = tally[v[2]]; t[0] += 1; t[1] += vlab[a] == vlab[b]; t[2] += tlab[a] == tlab[b]
            print(name, ' '.join(f"{k}: story {t[1]/t[0]:.3f} thread {t[2]/t[0]:.3f} ({t[0]})" for k, t in sorted(tally.items())))
        else:
            gold = [groups[i] for i in ids]
            p, r, f = b3(vlab, gold); tp, tr, tf = b3(tlab, gold)
            print(name, f"versions B3 P {p:.4f} R {r:.4f} F1 {f:.4f} | threads P {tp:.4f} R {tr:.4f} F1 {tf:.4f}")
        sizes = collections.Counter(collections.Counter(tlab).values())
        big = sorted(collections.Counter(tlab).values())[-3:]
        print('   reports', len(set(vlab)), 'threads', len(set(tlab)), 'largest threads', big)

main()
