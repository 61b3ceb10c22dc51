#!/usr/bin/env python3
"""Measure `bitext check` on the gold alignments of the dev corpora.

1. Injected errors: copies of the gold-aligned documents (pol-dev, mac-dev, the bundled
   sample) get errors of each kind put in, reproducibly (fixed seed): wrong renderings
   of the reference glossary's terms, forbidden renderings, changed numbers (exact and
   approximate), emptied and untranslated segments, and one of each QA type. The copies
   are written under --out (never into the project); `bitext check --aligned` runs on
   them and each injection counts as found when a new finding of an accepted type at
   the default severity (warning and above) sits on its bead.
2. Noise on the clean text: the default findings on the clean gold alignment, and a
   random sample of them (fixed seed) written out for judging with a fresh eye.

usage: scripts/check-eval.py [--bin target/release/bitext] [--shared ../shared]
                             [--out /tmp/check-eval] [--seed 12] [--sample 30]
"""

import argparse
import collections
import json
import os
import random
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# Words put in place of a word of an approved rendering: ordinary nouns and
# adjectives a careless or machine translation might use.
WRONG_WORDS = [
    "arrangements", "affairs", "endeavours", "undertakings", "matters", "efforts",
    "measures", "activities", "programme", "structure", "practice", "outlook",
    "approach", "venture", "situation", "operation", "framework", "concern",
    "general", "special", "common", "modern", "proper", "formal", "regular",
]
# Whole phrases put in place of a rendering.
WRONG_PHRASES = [
    "the relevant work", "this undertaking", "the overall situation",
    "such arrangements", "the said matter", "related affairs",
]


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return f.read().split("\n")


def ids(s):
    s = s.strip().strip("[]")
    return [int(x) for x in s.split(",") if x.strip()]


def gold_pairs(zh_path, en_path, gold_path):
    """Beads of a gold alignment as pairs, joined as `Bitext::pairs` joins units."""
    zh, en = read_lines(zh_path), read_lines(en_path)
    out = []
    for line in read_lines(gold_path):
        if not line.strip():
            continue
        a, b = line.split(":")
        out.append({
            "id": len(out),
            "zh": "".join(zh[i] for i in ids(a)),
            "en": " ".join(en[i] for i in ids(b)),
        })
    return out


def documents(shared):
    """(name, pairs, glossary files) of each document to measure on."""
    docs = []
    c = os.path.join(shared, "corpora")
    for corpus in ["pol-dev", "mac-dev"]:
        gloss = os.path.join(shared, "glossary", corpus + ".terms.tsv")
        for name in sorted(os.listdir(os.path.join(c, corpus, "zh"))):
            docs.append((f"{corpus}-{name}", gold_pairs(
                os.path.join(c, corpus, "zh", name),
                os.path.join(c, corpus, "en", name),
                os.path.join(c, corpus, "gold", name + ".align")), [gloss]))
    s = os.path.join(ROOT, "corpora", "digital-governance")
    docs.append(("sample", gold_pairs(os.path.join(s, "zh.sentences"),
                                      os.path.join(s, "en.sentences"),
                                      os.path.join(s, "gold.align")), []))
    return docs


def read_glossary(path):
    """zh -> renderings of a reference term list (`zh<TAB>en | en...`)."""
    terms = {}
    for line in read_lines(path)[1:]:
        cells = line.split("\t")
        if len(cells) >= 2 and cells[0].strip():
            terms[cells[0].strip()] = [r.strip() for r in cells[1].split(" | ") if r.strip()]
    return terms


def shipped_glossary():
    terms = {}
    for line in read_lines(os.path.join(ROOT, "glossary", "governance.tsv"))[1:]:
        if line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) >= 2 and cells[0].strip():
            terms.setdefault(cells[0].strip(), []).extend(
                r.strip() for r in cells[1].split(" | ") if r.strip())
    return terms


def find_word_span(text, phrase):
    """Span of `phrase` in `text` as whole words, any case."""
    m = re.search(r"(?<![\w])" + re.escape(phrase) + r"(?![\w])", text, re.IGNORECASE)
    return m.span() if m else None


def term_types(p, old):
    """Finding types that report a term rendering replaced: a Latin code the Chinese
    has too ('WTO' of 世界贸易组织（WTO）) is reported as a missing code as well."""
    types = ["glossary-miss", "forbidden"]
    if old.isascii() and old.isupper() and old in p["zh"]:
        types.append("code")
    return types


class Injector:
    def __init__(self, pairs, terms, rng):
        self.pairs = pairs
        self.terms = terms
        self.rng = rng
        self.used = set()
        self.injections = []  # (bead id, kind, accepted finding types, what)
        self.extra_glossary = []  # rows `zh\ten\tforbidden`
        self.next_id = max(p["id"] for p in pairs) + 1

    def free(self, pred):
        cands = [p for p in self.pairs if p["id"] not in self.used and p["zh"] and p["en"]
                 and pred(p)]
        if not cands:
            return None
        p = self.rng.choice(cands)
        self.used.add(p["id"])
        return p

    def add(self, p, kind, types, what):
        self.injections.append({"bead": p["id"], "kind": kind, "types": types, "what": what})

    def term_occurrence(self, p, one_word=False):
        """(zh term, rendering, span) of a glossary term rendered as listed in `p`
        (with `one_word`, of a term whose rendering there is one word)."""
        for zh in sorted(self.terms, key=len, reverse=True):
            if len(zh) < 2 or zh not in p["zh"]:
                continue
            for r in sorted(self.terms[zh], key=len, reverse=True):
                if one_word and " " in r.strip():
                    continue
                span = find_word_span(p["en"], r)
                if span:
                    return zh, r, span
        return None

    # --- terms ---
    def term_wrong_word(self):
        p = self.free(lambda p: self.term_occurrence(p) is not None)
        if not p:
            return
        zh, r, (s, e) = self.term_occurrence(p)
        words = p["en"][s:e].split()
        # the head word usually: the last one, or a random one of a longer rendering
        k = len(words) - 1 if self.rng.random() < 0.6 else self.rng.randrange(len(words))
        wrong = self.rng.choice([w for w in WRONG_WORDS if w.lower() != words[k].lower()])
        if words[k][:1].isupper():
            wrong = wrong.capitalize()
        words[k] = wrong
        new = " ".join(words)
        p["en"] = p["en"][:s] + new + p["en"][e:]
        self.add(p, "term-wrong-word", ["glossary-miss", "forbidden"], f"{zh}: '{r}' -> '{new}'")

    def term_replaced(self):
        p = self.free(lambda p: self.term_occurrence(p) is not None)
        if not p:
            return
        zh, r, (s, e) = self.term_occurrence(p)
        new = self.rng.choice(WRONG_PHRASES)
        p["en"] = p["en"][:s] + new + p["en"][e:]
        self.add(p, "term-replaced", ["glossary-miss", "forbidden"], f"{zh}: '{r}' -> '{new}'")

    def term_word_replaced(self):
        """A one-word rendering replaced by another word ('market' -> 'arrangements')."""
        p = self.free(lambda p: self.term_occurrence(p, one_word=True) is not None)
        if not p:
            return
        zh, r, (s, e) = self.term_occurrence(p, one_word=True)
        old = p["en"][s:e]
        wrong = self.rng.choice([w for w in WRONG_WORDS if w.lower() != old.lower()])
        if old[:1].isupper():
            wrong = wrong.capitalize()
        p["en"] = p["en"][:s] + wrong + p["en"][e:]
        self.add(p, "term-word-replaced", term_types(p, old), f"{zh}: '{r}' -> '{wrong}'")

    def term_forbidden(self):
        """A spelling or wording the glossary forbids for the term."""
        p = self.free(lambda p: self.term_occurrence(p) is not None)
        if not p:
            return
        zh, r, (s, e) = self.term_occurrence(p)
        words = r.split()
        if len(words) >= 2 and self.rng.random() < 0.5:
            bad = "".join(words) if self.rng.random() < 0.5 else "-".join(words)
        else:
            bad = r + " sector" if self.rng.random() < 0.5 else "so-called " + r
        self.extra_glossary.append(f"{zh}\t{bad}\tforbidden")
        p["en"] = p["en"][:s] + bad + p["en"][e:]
        self.add(p, "term-forbidden", ["forbidden"], f"{zh}: '{r}' -> '{bad}' (forbidden)")

    # --- numbers ---
    def number_digits(self):
        rx = re.compile(r"(?<![\w.,])(\d{2,4})(?![\w.,])")
        p = self.free(lambda p: rx.search(p["en"]) and any(
            m.group(1) in p["zh"] for m in rx.finditer(p["en"])))
        if not p:
            return
        m = [m for m in rx.finditer(p["en"]) if m.group(1) in p["zh"]][0]
        old = m.group(1)
        new = old[:-2] + old[-1] + old[-2] if old[-1] != old[-2] else str(int(old) + 1)
        p["en"] = p["en"][:m.start(1)] + new + p["en"][m.end(1):]
        self.add(p, "number-digits", ["number-mismatch"], f"{old} -> {new}")

    def number_words(self):
        words = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                 "twenty", "thirty", "hundred", "first", "second", "third"]
        zh_of = {"two": "二两", "three": "三", "four": "四", "five": "五", "six": "六",
                 "seven": "七", "eight": "八", "nine": "九", "ten": "十", "twenty": "二十",
                 "thirty": "三十", "hundred": "百", "first": "第一", "second": "第二",
                 "third": "第三"}

        def hit(p):
            for w in words:
                if find_word_span(p["en"], w) and any(c in p["zh"] for c in [zh_of[w]] + list(zh_of[w])):
                    return w
            return None
        p = self.free(lambda p: hit(p) is not None)
        if not p:
            return
        w = hit(p)
        s, e = find_word_span(p["en"], w)
        i = words.index(w)
        new = words[(i + 1) % len(words)] if i not in (11, 14) else words[i - 1]
        if p["en"][s].isupper():
            new = new.capitalize()
        p["en"] = p["en"][:s] + new + p["en"][e:]
        self.add(p, "number-words", ["number-mismatch"], f"{w} -> {new}")

    def number_approximate(self):
        """A number after about/some/nearly/over changed, or its scale word."""
        rx = re.compile(r"\b(about|some|nearly|almost|around|over|more than|approximately) "
                        r"(\d[\d,.]*)( (?:million|billion|trillion|percent))?", re.I)
        p = self.free(lambda p: rx.search(p["en"]))
        if p:
            m = rx.search(p["en"])
            num, scale = m.group(2), m.group(3)
            if scale and scale.strip() in ("million", "billion") and self.rng.random() < 0.5:
                new = " billion" if scale.strip() == "million" else " million"
                p["en"] = p["en"][:m.start(3)] + new + p["en"][m.end(3):]
                self.add(p, "number-approximate", ["number-mismatch"], f"{num}{scale} -> {num}{new}")
                return
            digits = num.rstrip(",.")
            new = digits[::-1] if len(set(digits.replace(",", "").replace(".", ""))) > 1 else digits + "0"
            p["en"] = p["en"][:m.start(2)] + new + p["en"][m.start(2) + len(digits):]
            self.add(p, "number-approximate", ["number-mismatch"], f"{m.group(0)} -> {new}")
            return
        # No approximate number in the text: write one on both sides.
        p = self.free(lambda p: len(p["zh"]) > 8 and p["en"].rstrip().endswith("."))
        if not p:
            return
        n = self.rng.choice([13, 27, 45, 160, 380])
        zh_unit, en_unit, wrong = self.rng.choice([
            ("约{n}%", "about {n} percent", "about {m} percent"),
            ("近{n}万人", "nearly {n}0,000 people", "nearly {m}0,000 people"),
            ("约{n}亿元", "some {n}00 million yuan", "some {n} million yuan"),
        ])
        m = n + 10
        p["zh"] = p["zh"].rstrip("。") + "，涉及" + zh_unit.format(n=n) + "。"
        p["en"] = p["en"].rstrip(".") + ", involving " + wrong.format(n=n, m=m) + "."
        self.add(p, "number-approximate", ["number-mismatch"],
                 f"{zh_unit.format(n=n)} vs {wrong.format(n=n, m=m)}")

    def number_dropped(self):
        rx = re.compile(r"(?<![\w.,])(\d{2,4})(?![\w.,])")
        p = self.free(lambda p: any(m.group(1) in p["zh"] for m in rx.finditer(p["en"])))
        if not p:
            return
        m = [m for m in rx.finditer(p["en"]) if m.group(1) in p["zh"]][0]
        p["en"] = (p["en"][:m.start(1)] + "several" + p["en"][m.end(1):])
        self.add(p, "number-dropped", ["number-mismatch"], f"{m.group(1)} -> several")

    # --- empty / untranslated ---
    def empty(self):
        p = self.free(lambda p: len(p["zh"]) > 6)
        if p:
            p["en"] = ""
            self.add(p, "empty", ["empty"], "English emptied")

    def untranslated(self):
        p = self.free(lambda p: len(p["zh"]) > 6)
        if p:
            p["en"] = p["zh"]
            self.add(p, "untranslated", ["untranslated"], "English = Chinese")

    def partly_untranslated(self):
        p = self.free(lambda p: len(p["zh"]) > 12 and len(p["en"].split()) > 8)
        if p:
            words = p["en"].split()
            k = len(words) // 2
            han = re.sub(r"[，。、；：“”！？（）]", "", p["zh"])[:6]
            p["en"] = " ".join(words[:k] + [han] + words[k + 3:])
            self.add(p, "partly-untranslated", ["untranslated"], f"Chinese '{han}' left in the English")

    # --- QA ---
    def url(self):
        p = self.free(lambda p: p["en"].rstrip().endswith(".") and p["zh"].endswith("。"))
        if not p:
            return
        host = self.rng.choice(["www.example.cn", "data.example.org", "gov.example.net"])
        path = f"/doc/{self.rng.randrange(100, 999)}"
        p["zh"] = p["zh"][:-1] + f"（见https://{host}{path}）。"
        if self.rng.random() < 0.5:
            p["en"] = p["en"].rstrip()[:-1] + f" (see https://{host}{path}x)."
        else:
            p["en"] = p["en"].rstrip()[:-1] + " (see the website)."
        self.add(p, "url", ["url"], "URL changed or dropped")

    def email(self):
        p = self.free(lambda p: p["en"].rstrip().endswith(".") and p["zh"].endswith("。"))
        if not p:
            return
        p["zh"] = p["zh"][:-1] + "（联系：office@example.cn）。"
        p["en"] = p["en"].rstrip()[:-1] + " (contact: ofice@example.cn)."
        self.add(p, "email", ["email", "url"], "e-mail changed")

    def tag(self):
        p = self.free(lambda p: len(p["zh"]) > 6 and len(p["en"].split()) > 4)
        if not p:
            return
        p["zh"] = "<b>" + p["zh"][:4] + "</b>" + p["zh"][4:]
        words = p["en"].split()
        if self.rng.random() < 0.5:
            p["en"] = "<b>" + " ".join(words[:2]) + " " + " ".join(words[2:])  # closing tag lost
        else:
            p["en"] = "<i>" + " ".join(words[:2]) + "</i> " + " ".join(words[2:])
        self.add(p, "tag", ["tag"], "tag lost or changed")

    def code(self):
        rx = re.compile(r"\b([A-Z]{2,}[0-9]*|[A-Z][0-9]+|[0-9]+[A-Z]+)\b")
        p = self.free(lambda p: any(m.group(1) in p["en"] for m in rx.finditer(p["zh"])))
        if p:
            m = [m for m in rx.finditer(p["zh"]) if m.group(1) in p["en"]][0]
            code = m.group(1)
            new = code[:-1] + ("X" if code[-1] != "X" else "Y")
            p["en"] = p["en"].replace(code, new)
            self.add(p, "code", ["code"], f"{code} -> {new}")
            return
        p = self.free(lambda p: p["en"].rstrip().endswith(".") and p["zh"].endswith("。"))
        if p:
            p["zh"] = p["zh"][:-1] + "（GB/T 35273）。"
            p["en"] = p["en"].rstrip()[:-1] + " (GB/T 35237)."
            self.add(p, "code", ["code", "number-mismatch"], "GB/T 35273 -> 35237")

    def repeated_word(self):
        p = self.free(lambda p: len(p["en"].split()) > 5)
        if p:
            words = p["en"].split(" ")
            plain = [k for k in range(1, len(words) - 1) if words[k].isalpha()]
            if not plain:
                return
            k = self.rng.choice(plain)
            words.insert(k, words[k])
            p["en"] = " ".join(words)
            self.add(p, "repeated-word", ["repeated-word"], f"'{words[k]} {words[k]}'")

    def double_space(self):
        p = self.free(lambda p: len(p["en"].split()) > 5 and "  " not in p["en"])
        if p:
            spaces = [m.start() for m in re.finditer(" ", p["en"])]
            k = self.rng.choice(spaces)
            p["en"] = p["en"][:k] + "  " + p["en"][k + 1:]
            self.add(p, "double-space", ["double-space"], "two spaces")

    def whitespace(self):
        p = self.free(lambda p: p["en"] == p["en"].strip() and p["zh"] == p["zh"].strip())
        if p:
            p["en"] = p["en"] + " " if self.rng.random() < 0.5 else " " + p["en"]
            self.add(p, "whitespace", ["whitespace"], "leading/trailing space")

    def unpaired(self):
        p = self.free(lambda p: re.search(r"\([^()]+\)", p["en"]) or
                      re.search(r"[“\"][^“”\"]+[”\"]", p["en"]))
        if p:
            m = re.search(r"\([^()]+\)", p["en"]) or re.search(r"[“\"][^“”\"]+[”\"]", p["en"])
            p["en"] = p["en"][:m.end() - 1] + p["en"][m.end():]
            self.add(p, "unpaired", ["unpaired"], "closing bracket/quote dropped")
            return
        p = self.free(lambda p: len(p["en"].split()) > 5)
        if p:
            words = p["en"].split(" ")
            k = self.rng.randrange(1, len(words) - 1)
            words[k] = "(" + words[k]
            p["en"] = " ".join(words)
            self.add(p, "unpaired", ["unpaired"], "opening bracket added")

    def capital(self):
        p = self.free(lambda p: re.match(r"[A-Z][a-z]", p["en"]) and p["en"].rstrip().endswith(".")
                      and not re.match(r"(I|I'\w+|[A-Z][a-z]+ [A-Z])\b", p["en"]))
        if p:
            p["en"] = p["en"][0].lower() + p["en"][1:]
            self.add(p, "capital", ["capital"], "sentence starts in lower case")

    def insert_after(self, p, new):
        i = self.pairs.index(p)
        j = self.rng.randrange(i + 1, len(self.pairs) + 1)
        self.pairs.insert(j, new)

    def same_zh(self):
        p = self.free(lambda p: len(p["zh"]) > 10 and len(p["en"].split()) > 6
                      and sum(q["zh"] == p["zh"] for q in self.pairs) == 1)
        if not p:
            return
        words = p["en"].split(" ")
        k = self.rng.randrange(1, len(words))
        # a word, not a dash standing alone: the next one with letters
        while k < len(words) - 1 and not any(c.isalpha() for c in words[k]):
            k += 1
        new = {"id": self.next_id, "zh": p["zh"],
               "en": " ".join(words[:k] + words[k + 1:])}
        self.next_id += 1
        self.used.add(new["id"])
        self.insert_after(p, new)
        self.add(new, "same-zh-different-en", ["same-zh-different-en"], f"copy of bead {p['id']}, a word left out")

    def same_en(self):
        p = self.free(lambda p: len(p["en"].split()) > 6
                      and sum(q["en"] == p["en"] for q in self.pairs) == 1)
        q = self.free(lambda q: len(q["zh"]) > 10 and q["zh"] != (p or {}).get("zh"))
        if not p or not q:
            return
        q["en"] = p["en"]
        self.add(q, "same-en-different-zh", ["same-en-different-zh"], f"English of bead {p['id']} pasted")


KINDS = ["term_wrong_word", "term_replaced", "term_word_replaced", "term_forbidden", "number_digits", "number_words",
         "number_approximate", "number_dropped", "empty", "untranslated", "partly_untranslated",
         "url", "email", "tag", "code", "repeated_word", "double_space", "whitespace",
         "unpaired", "capital", "same_zh", "same_en"]


def run_check(bin, path, glossaries, out_json):
    cmd = [bin, "check", "--aligned", path, "--format", "json", "--severity", "info", "-o", out_json]
    for g in glossaries:
        cmd += ["--glossary", g]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)}: exit {r.returncode}: {r.stderr}")
    with open(out_json, encoding="utf-8") as f:
        return json.load(f)["findings"]


def write_jsonl(pairs, path):
    with open(path, "w", encoding="utf-8") as f:
        for p in pairs:
            f.write(json.dumps(p, ensure_ascii=False) + "\n")


DEFAULT = {"warning", "error"}


def finding_key(f):
    return (f["type"], f.get("bead"), f["message"])


def beads_of(f):
    b = set()
    if f.get("bead") is not None:
        b.add(f["bead"])
    for r in f.get("renderings", []):
        b.update(r.get("beads", []))
    b.update(f.get("related", []))
    return b


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "bitext"))
    ap.add_argument("--shared", default=os.environ.get("SHARED", os.path.join(ROOT, "..", "shared")))
    ap.add_argument("--out", default="/tmp/check-eval")
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--sample", type=int, default=30)
    ap.add_argument("--rounds", type=int, default=2, help="injections of each kind per document")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--only", help="measure on the documents whose name starts so (pol-dev)")
    ap.add_argument("--kinds", help="comma-separated injection kinds (term_wrong_word,...)")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    rng = random.Random(args.seed)
    totals = collections.Counter()
    found = collections.Counter()
    missed = []
    noise = {}
    kinds = args.kinds.split(",") if args.kinds else KINDS
    for name, pairs, glossaries in documents(args.shared):
        if args.only and not name.startswith(args.only):
            continue
        clean_path = os.path.join(args.out, name + ".clean.jsonl")
        write_jsonl(pairs, clean_path)
        clean = run_check(args.bin, clean_path, glossaries,
                          os.path.join(args.out, name + ".clean.json"))
        by_id = {p["id"]: p for p in pairs}
        noise[name] = [(f, by_id.get(f.get("bead"))) for f in clean if f["severity"] in DEFAULT]
        terms = {}
        for g in glossaries:
            terms.update(read_glossary(g))
        if not glossaries:
            terms = shipped_glossary()
        inj = Injector([dict(p) for p in pairs], terms, random.Random(rng.random()))
        for _ in range(args.rounds):
            for k in kinds:
                getattr(inj, k)()
        bad_path = os.path.join(args.out, name + ".injected.jsonl")
        write_jsonl(inj.pairs, bad_path)
        gl = list(glossaries)
        if inj.extra_glossary:
            extra = os.path.join(args.out, name + ".forbidden.tsv")
            with open(extra, "w", encoding="utf-8") as f:
                f.write("zh\ten\tstatus\n" + "\n".join(inj.extra_glossary) + "\n")
            gl.append(extra)
        with open(os.path.join(args.out, name + ".injections.json"), "w", encoding="utf-8") as f:
            json.dump(inj.injections, f, ensure_ascii=False, indent=1)
        clean_keys = {finding_key(f) for f in clean}
        got = run_check(args.bin, bad_path, gl, os.path.join(args.out, name + ".injected.json"))
        new = [f for f in got if f["severity"] in DEFAULT and finding_key(f) not in clean_keys]
        for i in inj.injections:
            totals[i["kind"]] += 1
            hit = any(f["type"] in i["types"] and i["bead"] in beads_of(f) for f in new)
            if hit:
                found[i["kind"]] += 1
            else:
                near = [f"{f['type']}/{f['severity']}: {f['message']}" for f in got
                        if f.get("bead") == i["bead"]]
                missed.append((name, i, near))
    print("injected errors found at the default severity (warning and above):")
    for k in totals:
        print(f"  {k:24} {found[k]:3} / {totals[k]}")
    print(f"  {'all':24} {sum(found.values()):3} / {sum(totals.values())}")
    if args.verbose:
        print("\nmissed:")
        for name, i, near in missed:
            print(f"  {name} bead {i['bead']} {i['kind']}: {i['what']}")
            for n in near:
                print(f"      {n}")
    print("\ndefault findings on the clean gold alignments:")
    sample_rng = random.Random(args.seed)
    for name, fs in noise.items():
        by_type = collections.Counter(f["type"] for f, _ in fs)
        print(f"  {name:12} {len(fs):4}  " + ", ".join(f"{t} {n}" for t, n in by_type.most_common()))
    for group in ["pol-dev", "mac-dev"]:
        fs = [x for n, v in noise.items() if n.startswith(group) for x in v]
        pick = sample_rng.sample(fs, min(args.sample, len(fs)))
        path = os.path.join(args.out, f"judge-{group}.txt")
        with open(path, "w", encoding="utf-8") as f:
            for k, (finding, pair) in enumerate(pick):
                f.write(f"### {k + 1}. {finding['type']} [{finding['severity']}] {finding['message']}\n")
                for key in ["term", "hint", "en_span", "evidence"]:
                    if finding.get(key):
                        f.write(f"    {key}: {finding[key]}\n")
                for r in finding.get("renderings", []):
                    f.write(f"    '{r['en']}': beads {r['beads'][:8]}\n")
                if pair:
                    f.write(f"    zh: {pair['zh']}\n    en: {pair['en']}\n")
                f.write("\n")
        print(f"  {len(pick)} random {group} findings to judge: {path}")


if __name__ == "__main__":
    main()
