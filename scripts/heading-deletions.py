#!/usr/bin/env python3
# Each English heading of the bundled sample deleted in turn: does its Chinese heading
# stand alone (a 1-0 bead) and is it reported? usage: scripts/heading-deletions.py BITEXT
import os, re, subprocess, sys, tempfile
B = sys.argv[1]
C = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'corpora', 'digital-governance')
tmp = os.path.join(tempfile.mkdtemp(), 'en.txt')
en = open(f'{C}/en.txt').read().split('\n'); zh = open(f'{C}/zh.txt').read().split('\n')
eh = [i for i, l in enumerate(en) if re.match(r'^(\([ivx]+\)|[IVX]+\.) ', l)]
zhh = [l for l in zh if re.match(r'^(（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、)', l)]
assert len(eh) == len(zhh), (len(eh), len(zhh))
ok, bad, warned = 0, [], 0
for k, i in enumerate(eh):
    open(tmp, 'w').write('\n'.join(en[:i] + en[i+1:]))
    r = subprocess.run([B, 'align', '--format', 'tsv', f'{C}/zh.txt', tmp], capture_output=True, text=True)
    rows = [l.split('\t') for l in r.stdout.splitlines()]
    alone = any(row[0] == zhh[k] and row[1] == '' for row in rows)
    warned += 'heading without' in r.stderr
    if alone: ok += 1
    else: bad.append(i + 1)
print(f'{ok}/{len(eh)} Chinese headings stand alone (1-0) when their English heading is deleted; reported {warned}; not alone: {bad}')
