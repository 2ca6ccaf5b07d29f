#!/usr/bin/env python3
"""Check the built book (target/book) the way a reader's browser would see it.

For every chapter page (not print.html, 404.html, toc.html):
  mermaid  every <pre class="mermaid"> was rendered by headless Chromium into an <svg> that is
           not mermaid's error picture (a syntax error still yields an <svg>, with
           aria-roledescription="error", and nothing on the console);
  images   every <img src> in the chapter text is a file in the book; an SVG must parse as XML
           with an <svg> root that draws something;
  links    every internal link in the chapter text points to a file in the book and, with a
           #fragment, to an element with that id;
  widths   in a 1280-px-wide window, with every <details> opened, no <pre> (code listing,
           program output, diagram) is wider than its box: nothing is cut off at the right or
           needs scrolling (the <code> inside a <pre> is what scrolls in mdBook).
Prints one line per check, then "N passed, N failed"; exits 1 on any failure.

  scripts/check_book.py [--book DIR] [--window-width PX]
  scripts/check_book.py --screenshot PAGE OUT.png   (a picture of one page, for humans)
"""

import argparse
import concurrent.futures
import functools
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
SKIP_PAGES = {"print.html", "404.html", "toc.html"}
CHROMIUM = shutil.which("chromium")
EXTERNAL = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:|//")  # has a scheme (http:, mailto:, data:...)
# Offline, no first-run or background work; --no-sandbox because CI runs as root.
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--virtual-time-budget=10000"]
WINDOW_WIDTH = 1280  # a normal laptop browser window; --window-width changes it
# Injected into a copy of each chapter page: after load, and again every half second until
# Chromium dumps the DOM (mermaid renders asynchronously), opens every <details> and records on
# <body data-widths> every <pre> whose content is wider than its box, with its longest line.
MEASURE = """<script>
(() => {
  const measure = () => {
    document.querySelectorAll('main details').forEach(d => { d.open = true; });
    const pres = [...document.querySelectorAll('main pre')];
    const report = {count: pres.length, widest: 0, bad: []};
    pres.forEach((pre, i) => {
      const box = pre.querySelector(':scope > code') || pre;
      const lines = box.innerText.split('\\n');
      const longest = lines.reduce((a, b) => (b.length > a.length ? b : a), '');
      report.widest = Math.max(report.widest, longest.length);
      const over = Math.max(box.scrollWidth - box.clientWidth, pre.scrollWidth - pre.clientWidth);
      if (over > 0) report.bad.push({i: i + 1, over, chars: longest.length, line: longest});
    });
    document.body.setAttribute('data-widths', JSON.stringify(report));
  };
  window.addEventListener('load', () => { measure(); setInterval(measure, 500); });
})();
</script>"""


class Page(HTMLParser):
    """What the checks need from one HTML document: ids, and links/images/diagrams in <main>."""

    def __init__(self, text):
        super().__init__()
        self.ids, self.links, self.images, self.mermaid = set(), [], [], []
        self._in_main, self._pre = 0, None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "main":
            self._in_main += 1
        elif self._in_main and tag == "a" and a.get("href"):
            self.links.append(a["href"])
        elif self._in_main and tag == "img" and a.get("src"):
            self.images.append(a["src"])
        elif tag == "pre" and "mermaid" in (a.get("class") or "").split():
            self._pre = {"source": "", "role": None}
            self.mermaid.append(self._pre)
        elif tag == "svg" and self._pre is not None and self._pre["role"] is None:
            self._pre["role"] = a.get("aria-roledescription") or "missing"

    def handle_endtag(self, tag):
        if tag == "main":
            self._in_main -= 1
        elif tag == "pre":
            self._pre = None

    def handle_data(self, data):
        if self._pre is not None and self._pre["role"] is None:
            self._pre["source"] += data


@functools.cache
def parse(path):
    return Page(path.read_text(encoding="utf-8"))


def count(n, one, many):
    return f"{n} {one if n == 1 else many}"


def unique(items):
    return list(dict.fromkeys(items))


def resolve(page, url):
    """The file an internal URL of `page` points to (a directory means its index.html)."""
    path = unquote(urlsplit(url).path)
    target = (page.parent / path).resolve() if path else page
    return target / "index.html" if target.is_dir() else target


def link_problem(book, page, href):
    target = resolve(page, href)
    if not target.is_relative_to(book):
        return "outside the book"
    if not target.is_file():
        return "no such file"
    fragment = unquote(urlsplit(href).fragment)
    if fragment and target.suffix == ".html" and fragment not in parse(target).ids:
        return f"no id '{fragment}' in {target.relative_to(book)}"
    return None


def image_problem(book, page, src):
    if src.startswith("data:"):
        return None
    if EXTERNAL.match(src):
        return "not a file in the book (the book must work offline)"
    target = resolve(page, src)
    if not target.is_relative_to(book) or not target.is_file():
        return "no such file"
    if target.stat().st_size == 0:
        return "empty file"
    if target.suffix.lower() == ".svg":
        try:
            root = ET.parse(target).getroot()
        except ET.ParseError as e:
            return f"not valid XML: {e}"
        if root.tag.rsplit("}", 1)[-1] != "svg":
            return f"root element is <{root.tag}>, not <svg>"
        if len(root) == 0:
            return "<svg> has no child elements"
    return None


def render(page, width):
    """The DOM of `page` (a copy with MEASURE injected) after its scripts ran (mermaid renders
    on load) in a `width`-px-wide window, or raises RuntimeError."""
    with tempfile.TemporaryDirectory(prefix="check_book-") as profile:
        try:
            run = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}",
                                  f"--window-size={width},900", "--dump-dom", page.as_uri()],
                                 capture_output=True, text=True, timeout=90)
        except subprocess.TimeoutExpired:
            raise RuntimeError("chromium timed out after 90 s")
    if run.returncode != 0 or "<html" not in run.stdout:
        last = (run.stderr.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"chromium failed (exit {run.returncode}): {last}")
    return run.stdout


class Widths(HTMLParser):
    """The report MEASURE left on <body data-widths>, or None."""

    def __init__(self, text):
        super().__init__()
        self.report = None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        if tag == "body" and dict(attrs).get("data-widths"):
            self.report = json.loads(dict(attrs)["data-widths"])


def measured_copy(book, copy, page):
    """The copy of `page` in the copied book `copy`, with MEASURE injected."""
    target = copy / page.relative_to(book)
    text = page.read_text(encoding="utf-8")
    if "</body>" not in text:
        raise RuntimeError("no </body> to inject the measuring script before")
    target.write_text(text.replace("</body>", MEASURE + "</body>", 1), encoding="utf-8")
    return target


def check_page(book, copy, page, width):
    """[(ok, message)] for one page: one check per kind of thing the page contains."""
    name, static, results = page.relative_to(book), parse(page), []

    def report(what, problems):  # one status line; each problem on its own indented line
        results.append((not problems, f"{name}: {what}" + "".join(f"\n       {p}" for p in problems)))

    links = [h for h in unique(static.links)
             if not h.startswith("#") and not EXTERNAL.match(h)]
    if links:
        bad = [f"{h}: {p}" for h in links if (p := link_problem(book, page, h))]
        report(f"{len(bad)} of {len(links)} internal links broken" if bad else
               count(len(links), "internal link resolves", "internal links resolve"), bad)

    images = unique(static.images)
    if images:
        bad = [f"{s}: {p}" for s in images if (p := image_problem(book, page, s))]
        report(f"{len(bad)} of {len(images)} images broken" if bad else
               count(len(images), "image loads", "images load"), bad)

    if not CHROMIUM:
        return results
    try:
        dom = render(measured_copy(book, copy, page), width)
    except RuntimeError as e:
        report("not rendered: mermaid diagrams and widths not checked", [str(e)])
        return results

    widths = Widths(dom).report
    if widths is None:
        report(f"widths not measured at {width} px", ["the measuring script left no report"])
    elif widths["count"]:
        bad = [f"block {b['i']}: {b['over']} px too wide; its longest line, {b['chars']} "
               f"characters: {b['line'][:120]!r}" for b in widths["bad"]]
        n = widths["count"]
        report(f"{len(bad)} of {n} listings wider than the page at {width} px" if bad else
               f"{count(n, 'listing fits', 'listings fit')} at {width} px "
               f"(longest line {widths['widest']} characters)", bad)

    if static.mermaid:
        rendered = Page(dom).mermaid
        bad = []
        for i, block in enumerate(static.mermaid):
            role = rendered[i]["role"] if i < len(rendered) else None
            if role in (None, "missing", "error"):
                first = (block["source"].strip().splitlines() or [""])[0][:40]
                why = {None: "no <svg> rendered", "missing": "<svg> has no aria-roledescription",
                       "error": "mermaid shows a syntax error"}[role]
                bad.append(f"diagram {i + 1} ({first!r}): {why}")
        n = len(static.mermaid)
        report(f"{len(bad)} of {n} mermaid diagrams not rendered" if bad else
               count(n, "mermaid diagram", "mermaid diagrams") + " rendered", bad)
    return results


def check(book, width):
    pages = sorted(p for p in book.rglob("*.html") if str(p.relative_to(book)) not in SKIP_PAGES)
    if not (book / "index.html").is_file():
        print(f"FAIL {book}/index.html missing: run scripts/book build first")
        print("0 passed, 1 failed")
        return 1
    if not CHROMIUM:
        print("SKIP: chromium not installed — browser checks not run")
    passed = failed = 0
    workers = min(4, os.cpu_count() or 2)  # each worker drives one Chromium
    # The width check renders a copy of each page with a script added; the copy sits in a copy
    # of the whole book, so that its stylesheets, scripts and images load as in the original.
    with tempfile.TemporaryDirectory(prefix="check_book-copy-") as tmp, \
            concurrent.futures.ThreadPoolExecutor(workers) as pool:
        copy = Path(tmp) / "book"
        shutil.copytree(book, copy)
        for results in pool.map(lambda p: check_page(book, copy, p, width), pages):
            for ok, message in results:
                print(("ok   " if ok else "FAIL ") + message, flush=True)
                passed, failed = passed + ok, failed + (not ok)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


def screenshot(book, page, out):
    if not CHROMIUM:
        sys.exit("chromium not installed: apt-get install chromium")
    target = page if page.is_file() else book / page
    if not target.is_file():
        sys.exit(f"no such page: {target}")
    out = out.resolve()
    with tempfile.TemporaryDirectory(prefix="check_book-") as profile:
        subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--hide-scrollbars",
                        "--window-size=1100,2000", f"--screenshot={out}", target.resolve().as_uri()],
                       capture_output=True, timeout=90)
    if not out.is_file():
        sys.exit(f"chromium wrote no screenshot to {out}")
    print(f"wrote {out}")
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--book", type=Path, default=ROOT / "target" / "book",
                    help="the built book (default: target/book)")
    ap.add_argument("--screenshot", nargs=2, type=Path, metavar=("PAGE", "OUT.png"),
                    help="save a 1100x2000 picture of PAGE (e.g. ch01.html) and exit")
    ap.add_argument("--window-width", type=int, default=WINDOW_WIDTH, metavar="PX",
                    help=f"the browser window's width for the width check (default {WINDOW_WIDTH})")
    args = ap.parse_args()
    book = args.book.resolve()
    if args.screenshot:
        return screenshot(book, *args.screenshot)
    return check(book, args.window_width)


if __name__ == "__main__":
    sys.exit(main())
