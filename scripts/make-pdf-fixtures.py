#!/usr/bin/env python3
"""Make the PDF test fixtures from the team's sample documents, the way users' PDFs are
made: HTML printed by headless Chromium (through the DevTools protocol, with a running
head and page numbers in the page margins) and a flat ODF document exported by
LibreOffice (running head and page-number field, real footnotes at the page foot).

    python3 scripts/make-pdf-fixtures.py [OUT_DIR] [chromium|libreoffice]

OUT_DIR defaults to tests/fixtures/pdf; a producer named last makes only its files.

Needs /usr/bin/chromium (.ci/install-chromium.sh) and, for the LibreOffice files,
soffice (Debian's libreoffice-writer-nogui); a producer that is missing is skipped.
Each document gets one footnote (our own sentence) and a superscript reference mark;
chapters start on a new page, as in printed white papers.
"""
import base64
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(ROOT, "corpora", "digital-governance")

FOOTNOTE = {
    "zh": "本白皮书中的统计数据均为估算值，仅供参考。",
    "en": "All statistics in this white paper are estimates and are given for reference only.",
}
RUNNING_HEAD = {
    "zh": "全球数字治理白皮书（2022年）",
    "en": "White Paper on Global Digital Governance (2022)",
}
# The body paragraph (0-based line of the sample) that carries the footnote mark.
FOOTNOTE_LINE = 4


def heading_level(line, lang):
    """2 for a part (一、 / I.), 3 for a section ((一) / (i)), None for body text."""
    if lang == "zh":
        if re.match(r"^[一二三四五六七八九十]+、", line):
            return 2
        if re.match(r"^（[一二三四五六七八九十]+）", line):
            return 3
    else:
        if re.match(r"^[IVX]+\. ", line):
            return 2
        if re.match(r"^\([ivx]+\) ", line):
            return 3
    return None


def blocks(lang, parts=None):
    """(kind, text) for each line of the sample: title, date, h2, h3 or p; with
    `parts`, only that many parts (一、 / I.)."""
    with open(os.path.join(SAMPLE, f"{lang}.txt"), encoding="utf-8") as f:
        lines = [l.strip() for l in f if l.strip()]
    if parts is not None:
        starts = [i for i, l in enumerate(lines) if heading_level(l, lang) == 2]
        if len(starts) > parts:
            lines = lines[:starts[parts]]
    out = [("title", lines[0]), ("date", lines[1])]
    for line in lines[2:]:
        level = heading_level(line, lang)
        out.append((f"h{level}" if level else "p", line))
    return out


CSS = """
body { font-family: %(font)s; font-size: 11pt; line-height: 1.6; margin: 0; }
h1 { font-size: 20pt; text-align: center; margin: 0 0 6pt; }
p.date { text-align: center; margin: 0 0 24pt; }
h2 { font-size: 15pt; break-before: page; margin: 0 0 10pt; }
h2.first { break-before: auto; }
h3 { font-size: 12.5pt; margin: 12pt 0 6pt; }
p { margin: 0 0 6pt; text-indent: 2em; text-align: justify; }
div.footnote { font-size: 8.5pt; border-top: 0.5pt solid #000; width: 40%%; padding-top: 3pt; margin-top: 12pt; }
div.footnote p { text-indent: 0; }
.columns { column-count: 2; column-gap: 18pt; }
"""


def to_html(lang, columns=False, chapters=None):
    font = "'WenQuanYi Zen Hei', sans-serif" if lang == "zh" else "'DejaVu Serif', serif"
    parts = [
        f"<!DOCTYPE html><html lang={lang}><head><meta charset=utf-8>",
        f"<title>{html.escape(RUNNING_HEAD[lang])}</title>",
        f"<style>{CSS % {'font': font}}</style></head><body>",
    ]
    footnote_pending = False
    first_h2 = True
    body_open = False
    for i, (kind, text) in enumerate(blocks(lang, chapters)):
        t = html.escape(text)
        if kind in ("h2",) and footnote_pending:
            if body_open:
                parts.append("</div>")
                body_open = False
            parts.append(
                f"<div class=footnote><p><sup>1</sup> {html.escape(FOOTNOTE[lang])}</p></div>"
            )
            footnote_pending = False
        if kind == "title":
            parts.append(f"<h1>{t}</h1>")
        elif kind == "date":
            parts.append(f"<p class=date>{t}</p>")
        elif kind == "h2":
            if body_open:
                parts.append("</div>")
                body_open = False
            parts.append(f"<h2{' class=first' if first_h2 else ''}>{t}</h2>")
            first_h2 = False
        else:
            if not body_open:
                parts.append("<div class=columns>" if columns else "<div>")
                body_open = True
            if kind == "h3":
                parts.append(f"<h3>{t}</h3>")
            else:
                mark = "<sup>1</sup>" if i == FOOTNOTE_LINE else ""
                footnote_pending |= i == FOOTNOTE_LINE
                parts.append(f"<p>{t}{mark}</p>")
    if body_open:
        parts.append("</div>")
    parts.append("</body></html>")
    return "".join(parts)


class DevTools:
    """The Chrome DevTools protocol over --remote-debugging-pipe (fds 3 and 4)."""

    def __init__(self, chromium):
        to_child_r, self.to_child = os.pipe()
        self.from_child, from_child_w = os.pipe()
        self.profile = tempfile.mkdtemp(prefix="bitext-chromium-")

        def fds():
            os.dup2(to_child_r, 3)
            os.dup2(from_child_w, 4)

        self.proc = subprocess.Popen(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
             "--no-first-run", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", f"--user-data-dir={self.profile}", "--remote-debugging-pipe",
             "about:blank"],
            pass_fds=(3, 4), preexec_fn=fds,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_child_r)
        os.close(from_child_w)
        self.next_id = 0
        self.buffer = b""

    def send(self, method, params=None, session=None):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self.to_child, json.dumps(msg).encode() + b"\0")
        while True:
            reply = self.read()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply["result"]

    def read(self):
        while b"\0" not in self.buffer:
            chunk = os.read(self.from_child, 1 << 20)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self.buffer += chunk
        msg, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(msg)

    def wait_event(self, name):
        while True:
            if self.read().get("method") == name:
                return

    def print_pdf(self, url, header, footer):
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})[
            "sessionId"]
        self.send("Page.enable", session=session)
        self.send("Page.navigate", {"url": url}, session=session)
        self.wait_event("Page.loadEventFired")
        margin_cm = 2.5 / 2.54
        pdf = self.send("Page.printToPDF", {
            "displayHeaderFooter": True, "headerTemplate": header, "footerTemplate": footer,
            "paperWidth": 8.27, "paperHeight": 11.69, "marginTop": margin_cm,
            "marginBottom": margin_cm, "marginLeft": margin_cm, "marginRight": margin_cm,
            "preferCSSPageSize": False,
        }, session=session)["data"]
        self.send("Target.closeTarget", {"targetId": target})
        return base64.b64decode(pdf)

    def close(self):
        try:
            self.send("Browser.close")
        except RuntimeError:
            pass
        self.proc.wait(timeout=30)
        shutil.rmtree(self.profile, ignore_errors=True)


def margin_box(lang, content):
    font = "WenQuanYi Zen Hei" if lang == "zh" else "DejaVu Sans"
    return (f'<div style="font-family:\'{font}\';font-size:8pt;width:100%;'
            f'text-align:center;margin:0 1cm">{content}</div>')


def chromium_pdfs(out_dir, work):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        print("skipped: no chromium (bash .ci/install-chromium.sh)", file=sys.stderr)
        return
    tools = DevTools(chromium)
    try:
        # The two-column file holds the first two parts only, to keep fixtures small.
        for lang, columns, name in [("zh", False, "zh.chromium.pdf"),
                                    ("en", False, "en.chromium.pdf"),
                                    ("en", True, "en.chromium-2col.pdf")]:
            page = os.path.join(work, f"{lang}{'-2col' if columns else ''}.html")
            with open(page, "w", encoding="utf-8") as f:
                f.write(to_html(lang, columns, 2 if columns else None))
            number = ("第 <span class=pageNumber></span> 页" if lang == "zh"
                      else "<span class=pageNumber></span>")
            pdf = tools.print_pdf("file://" + page,
                                  margin_box(lang, html.escape(RUNNING_HEAD[lang])),
                                  margin_box(lang, number))
            with open(os.path.join(out_dir, name), "wb") as f:
                f.write(pdf)
            print(f"{name}: {len(pdf)} bytes")
    finally:
        tools.close()


def to_fodt(lang):
    font = "WenQuanYi Zen Hei" if lang == "zh" else "DejaVu Serif"
    x = html.escape
    body = []
    for i, (kind, text) in enumerate(blocks(lang)):
        if kind == "title":
            body.append(f'<text:p text:style-name="Title">{x(text)}</text:p>')
        elif kind == "date":
            body.append(f'<text:p text:style-name="Date">{x(text)}</text:p>')
        elif kind in ("h2", "h3"):
            level = int(kind[1]) - 1
            body.append(f'<text:h text:style-name="H{level}" text:outline-level="{level}">'
                        f'{x(text)}</text:h>')
        else:
            note = ""
            if i == FOOTNOTE_LINE:
                note = ('<text:note text:id="n1" text:note-class="footnote"><text:note-citation>1'
                        '</text:note-citation><text:note-body><text:p text:style-name="Footnote">'
                        f'{x(FOOTNOTE[lang])}</text:p></text:note-body></text:note>')
            body.append(f'<text:p text:style-name="Body">{x(text)}{note}</text:p>')
    head = x(RUNNING_HEAD[lang])
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
 <style:font-face style:name="Main" svg:font-family="'{font}'"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:hyphenation-ladder-count="no-limit"/>
  <style:text-properties style:font-name="Main" style:font-name-asian="Main" fo:font-size="11pt"
   style:font-size-asian="11pt" fo:language="{'en' if lang == 'en' else 'zh'}"
   fo:country="{'US' if lang == 'en' else 'CN'}" fo:hyphenate="true"/>
 </style:default-style>
 <style:style style:name="Body" style:family="paragraph">
  <style:paragraph-properties fo:text-align="justify" fo:text-indent="0.8cm" fo:margin-bottom="0.2cm"
   fo:line-height="140%"/>
 </style:style>
 <style:style style:name="Title" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.2cm"/>
  <style:text-properties fo:font-size="20pt" style:font-size-asian="20pt" fo:font-weight="bold"
   style:font-weight-asian="bold"/>
 </style:style>
 <style:style style:name="Date" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.8cm"/>
 </style:style>
 <style:style style:name="H1" style:family="paragraph" style:default-outline-level="1">
  <style:paragraph-properties fo:margin-top="0.6cm" fo:margin-bottom="0.3cm" fo:keep-with-next="always"/>
  <style:text-properties fo:font-size="15pt" style:font-size-asian="15pt" fo:font-weight="bold"
   style:font-weight-asian="bold"/>
 </style:style>
 <style:style style:name="H2" style:family="paragraph" style:default-outline-level="2">
  <style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/>
  <style:text-properties fo:font-size="12.5pt" style:font-size-asian="12.5pt" fo:font-weight="bold"
   style:font-weight-asian="bold"/>
 </style:style>
 <style:style style:name="Footnote" style:family="paragraph">
  <style:text-properties fo:font-size="8.5pt" style:font-size-asian="8.5pt"/>
 </style:style>
 <style:style style:name="Margin" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center"/>
  <style:text-properties fo:font-size="8pt" style:font-size-asian="8pt"/>
 </style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="A4">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.5cm"
   fo:margin-bottom="1.5cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/>
  <style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.5cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.5cm"/></style:footer-style>
 </style:page-layout>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="A4">
  <style:header><text:p text:style-name="Margin">{head}</text:p></style:header>
  <style:footer><text:p text:style-name="Margin"><text:page-number text:select-page="current"/></text:p></style:footer>
 </style:master-page>
</office:master-styles>
<office:body><office:text>
{chr(10).join(body)}
</office:text></office:body></office:document>
"""


def libreoffice_pdfs(out_dir, work):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("skipped: no soffice (apt-get install libreoffice-writer-nogui)", file=sys.stderr)
        return
    profile = tempfile.mkdtemp(prefix="bitext-lo-")
    try:
        for lang in ("zh", "en"):
            src = os.path.join(work, f"{lang}.libreoffice.fodt")
            with open(src, "w", encoding="utf-8") as f:
                f.write(to_fodt(lang))
            subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                            "--convert-to", "pdf", "--outdir", work, src],
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           timeout=300)
            name = f"{lang}.libreoffice.pdf"
            shutil.move(os.path.join(work, f"{lang}.libreoffice.pdf"), os.path.join(out_dir, name))
            print(f"{name}: {os.path.getsize(os.path.join(out_dir, name))} bytes")
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "tests", "fixtures", "pdf")
    os.makedirs(out_dir, exist_ok=True)
    only = sys.argv[2] if len(sys.argv) > 2 else None
    with tempfile.TemporaryDirectory(prefix="bitext-pdf-") as work:
        if only in (None, "chromium"):
            chromium_pdfs(out_dir, work)
        if only in (None, "libreoffice"):
            libreoffice_pdfs(out_dir, work)


if __name__ == "__main__":
    main()
