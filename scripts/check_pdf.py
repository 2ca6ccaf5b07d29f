#!/usr/bin/env python3
"""Check the book's PDF (scripts/book pdf) against the book it was printed from.

The PDF's text (pdftotext, from poppler-utils) must contain:
  chapters  every chapter title of book/SUMMARY.md, and every heading of the print page
            (target/pdf/book/print.html), chapter by chapter, in the book's order: no chapter or
            section is missing or out of place;
  diagrams  no mermaid diagram's source: a diagram that did not render prints as its source text
            ("flowchart LR" and its first statement), a rendered one as a picture;
  plots     for every SVG image, the first text it draws (its title): an image that did not load
            prints as its alt text, not as its drawing.
Prints the page count, one line per check, then "N passed, N failed"; exits 1 on any failure.

  scripts/check_pdf.py [--pdf FILE] [--source PRINT.HTML]
"""

import argparse
import re
import shutil
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def norm(text):
    """Text as pdftotext and the HTML both give it, compared loosely: ligatures and typographic
    quotes and dashes folded, all whitespace one space."""
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(str.maketrans("‘’“”–—\u00ad", "''\"\"--\n"))
    return " ".join(text.replace("\n", " ").split())


class PrintPage(HTMLParser):
    """From print.html's <main>: headings in order, mermaid sources, and <img> sources."""

    def __init__(self, text):
        super().__init__()
        self.headings, self.mermaid, self.images = [], [], []
        self._main, self._heading, self._pre, self._hidden = 0, None, None, 0
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "main":
            self._main += 1
        if not self._main:
            return
        if tag in HEADINGS:
            self._heading = [tag, ""]
        elif tag == "pre" and "mermaid" in (a.get("class") or "").split():
            self._pre = ""
        elif tag == "img" and a.get("src"):
            self.images.append(a["src"])

    def handle_endtag(self, tag):
        if tag == "main":
            self._main -= 1
        elif tag in HEADINGS and self._heading:
            self.headings.append((self._heading[0], norm(self._heading[1])))
            self._heading = None
        elif tag == "pre" and self._pre is not None:
            self.mermaid.append(self._pre)
            self._pre = None

    def handle_data(self, data):
        if self._heading is not None:
            self._heading[1] += data
        if self._pre is not None:
            self._pre += data


def summary_titles():
    text = (ROOT / "book" / "SUMMARY.md").read_text(encoding="utf-8")
    return [norm(t) for t in re.findall(r"\[([^\]]+)\]\([^)]+\.md\)", text)]


def svg_title(path):
    """The first non-blank text an SVG draws, or None."""
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError):
        return None
    for el in root.iter():
        if el.tag.rsplit("}", 1)[-1] == "text":
            text = norm("".join(el.itertext()))
            if text:
                return text
    return None


def check(pdf, source):
    results = []

    def report(ok, message, problems=()):
        results.append((ok, message + "".join(f"\n       {p}" for p in problems)))

    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True)
    pages = re.search(r"^Pages:\s+(\d+)", info.stdout, re.M)
    if info.returncode != 0 or not pages:
        report(False, f"{pdf}: not a PDF pdfinfo can read", [info.stderr.strip()])
        return results
    text_run = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"],
                              capture_output=True, text=True)
    text = norm(text_run.stdout)
    report(int(pages.group(1)) > 0 and text_run.returncode == 0 and bool(text),
           f"{pdf.relative_to(ROOT) if pdf.is_relative_to(ROOT) else pdf}: "
           f"{pages.group(1)} pages of text")

    page = PrintPage(source.read_text(encoding="utf-8"))

    # Chapters: each SUMMARY.md title is in the PDF; the print page's headings, split into
    # chapters at each <h1>, are all in the PDF text in order.
    titles = summary_titles()
    chapters = []
    for level, heading in page.headings:
        if level == "h1" or not chapters:
            chapters.append([])
        chapters[-1].append(heading)
    at = 0
    for headings in chapters:
        missing = []
        for heading in headings:
            found = text.find(heading, at)
            if found < 0:
                missing.append(f"heading {heading!r} not found after the previous one")
            else:
                at = found + len(heading)
        report(not missing, f"chapter {headings[0]!r}: " + (
            f"{len(missing)} of {len(headings)} headings missing or out of order" if missing
            else f"all {len(headings)} headings, in order"), missing)
    h1s = [h for level, h in page.headings if level == "h1"]
    absent = [t for t in titles if t not in text]
    unprinted = [t for t in titles if t not in h1s]
    report(not absent and not unprinted and len(titles) > 0,
           f"{len(titles) - len(absent)} of {len(titles)} SUMMARY.md chapter titles in the PDF",
           [f"{t!r}: not in the PDF text" for t in absent] +
           [f"{t!r}: no chapter of print.html has it as its title" for t in unprinted])

    # Diagrams: a diagram that did not render shows its source; a rendered one does not.
    shown = []
    for i, source_text in enumerate(page.mermaid):
        lines = [norm(line) for line in source_text.splitlines() if line.strip()]
        head = " ".join(lines[:2])
        if head and head in text:
            shown.append(f"diagram {i + 1}: its source {head[:60]!r} is printed as text")
    n = len(page.mermaid)
    report(not shown and n > 0, f"{n - len(shown)} of {n} mermaid diagrams rendered as pictures",
           shown)

    # Plots: the drawing's own text is in the PDF (an image that failed shows only its alt).
    svgs = list(dict.fromkeys(s for s in page.images if s.lower().endswith(".svg")))
    bad = []
    for src in svgs:
        title = svg_title(source.parent / src)
        if title is None:
            bad.append(f"{src}: no text to look for (missing or not an SVG with <text>)")
        elif title not in text:
            bad.append(f"{src}: its text {title[:60]!r} is not in the PDF")
    report(not bad, f"{len(svgs) - len(bad)} of {len(svgs)} SVG images drawn", bad)
    return results


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pdf", type=Path,
                    default=ROOT / "target" / "pdf" / "how-python-manages-memory.pdf")
    ap.add_argument("--source", type=Path, default=ROOT / "target" / "pdf" / "book" / "print.html",
                    help="the page it was printed from (default: target/pdf/book/print.html)")
    args = ap.parse_args()
    if not (shutil.which("pdftotext") and shutil.which("pdfinfo")):
        print("SKIP: pdftotext/pdfinfo missing — PDF not checked (apt-get install poppler-utils)")
        print("0 passed, 0 failed")
        return 0
    for path in (args.pdf, args.source):
        if not path.is_file():
            print(f"FAIL {path} missing: run scripts/book pdf first")
            print("0 passed, 1 failed")
            return 1
    results = check(args.pdf.resolve(), args.source.resolve())
    for ok, message in results:
        print(("ok   " if ok else "FAIL ") + message)
    passed = sum(ok for ok, _ in results)
    print(f"{passed} passed, {len(results) - passed} failed")
    return 0 if passed == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
