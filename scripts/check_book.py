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
  players  every step-through player of the collector (figure.gc-player), driven through
           Chromium's DevTools protocol: without JavaScript, in print and on print.html every
           frame shows; with it, one frame, and Next, the slider, the keys (only while the
           player has focus) and ?gc-player=ID&gc-step=N each change the picture, without moving
           a node; arrow keys outside a player still turn mdBook's pages; reduced motion turns
           the fade off; captions are readable (contrast) in the light, coal and navy themes.
  widths   in a 1280-px-wide window, with every <details> opened, no <pre> (code listing,
           program output, diagram) is wider than its box: nothing is cut off at the right or
           needs scrolling (the <code> inside a <pre> is what scrolls in mdBook).
Prints one line per check, then "N passed, N failed"; exits 1 on any failure.

  scripts/check_book.py [--book DIR] [--window-width PX]
  scripts/check_book.py --screenshot PAGE OUT.png   (a picture of one page, for humans)
      [--theme light|coal|navy|ayu|rust] [--player ID [--step N]]   (that player, clipped)
"""

import argparse
import base64
import concurrent.futures
import functools
import json
import os
import re
import select
import shutil
import subprocess
import sys
import tempfile
import time
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


class Browser:
    """Headless Chromium driven through its DevTools protocol on a pipe (--remote-debugging-pipe:
    JSON messages ending in a NUL byte, on the child's fds 3 and 4); the standard library only."""

    def __init__(self):
        self._profile = tempfile.TemporaryDirectory(prefix="check_book-", ignore_cleanup_errors=True)
        to_child, self._w = os.pipe()
        self._r, from_child = os.pipe()

        def pipes_to_3_and_4():  # in the child, before exec
            os.dup2(to_child, 3)
            os.dup2(from_child, 4)

        self._proc = subprocess.Popen(
            [CHROMIUM, *(f for f in FLAGS if not f.startswith("--virtual-time")),
             f"--user-data-dir={self._profile.name}",
             "--remote-debugging-pipe", "--window-size=1100,900", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=pipes_to_3_and_4, pass_fds=(3, 4))
        os.close(to_child)
        os.close(from_child)
        self._buffer, self._id, self.events = b"", 0, []

    def close(self):
        self._proc.kill()
        self._proc.wait()
        os.close(self._w)
        os.close(self._r)
        self._profile.cleanup()

    def send(self, method, params=None, session=None, timeout=30):
        self._id += 1
        message = {"id": self._id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._w, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._receive(deadline)
            if reply.get("id") == self._id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error'].get('message')}")
                return reply.get("result", {})
            self.events.append(reply)

    def _receive(self, deadline):
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._r], [], [], left)[0]:
                raise RuntimeError("chromium did not answer in time")
            chunk = os.read(self._r, 1 << 20)
            if not chunk:
                raise RuntimeError("chromium exited")
            self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        return json.loads(message)

    def open(self, url, theme=None, javascript=True, media=None, reduced_motion=False):
        """A new tab showing `url`, loaded; mdBook's theme set first if `theme` is given."""
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        tab = Tab(self, target, self.send("Target.attachToTarget",
                                          {"targetId": target, "flatten": True})["sessionId"])
        tab.send("Emulation.setDeviceMetricsOverride",
                 {"width": 1100, "height": 900, "deviceScaleFactor": 1, "mobile": False})
        tab.send("Page.enable")
        if theme:
            tab.send("Page.addScriptToEvaluateOnNewDocument", {
                "source": f"try {{ localStorage.setItem('mdbook-theme', '{theme}'); }} catch (e) {{}}"})
        if not javascript:
            tab.send("Emulation.setScriptExecutionDisabled", {"value": True})
        features = [{"name": "prefers-reduced-motion", "value": "reduce" if reduced_motion else ""}]
        tab.send("Emulation.setEmulatedMedia", {"media": media or "", "features": features})
        tab.send("Page.navigate", {"url": url})
        tab.wait_until("document.readyState === 'complete'")
        return tab


class Tab:
    def __init__(self, browser, target, session):
        self.browser, self.target, self.session = browser, target, session

    def send(self, method, params=None):
        return self.browser.send(method, params, session=self.session)

    def eval(self, expression):
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression[:60]}…: {result['exceptionDetails'].get('text')}")
        return result["result"].get("value")

    def wait_until(self, expression, timeout=15):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                if self.eval(expression):
                    return True
            except RuntimeError:
                pass  # the page is between documents
            time.sleep(0.1)
        return False

    def key(self, key, code, keycode):
        for kind in ("rawKeyDown", "keyUp"):
            self.send("Input.dispatchKeyEvent", {"type": kind, "key": key, "code": code,
                                                 "windowsVirtualKeyCode": keycode})

    def screenshot(self, out, selector=None):
        params = {"format": "png"}
        if selector:
            self.send("Emulation.setDeviceMetricsOverride",
                      {"width": 1100, "height": 1600, "deviceScaleFactor": 1, "mobile": False})
            box = self.eval(f"""(() => {{ const e = document.querySelector({json.dumps(selector)});
                for (const bar of document.querySelectorAll('#mdbook-menu-bar, #menu-bar'))
                  bar.style.visibility = 'hidden';  // sticky: it would cover the element
                e.scrollIntoView(); const r = e.getBoundingClientRect();
                return [r.left + scrollX, r.top + scrollY, r.width, r.height]; }})()""")
            params["clip"] = {"x": box[0] - 8, "y": box[1] - 8, "width": box[2] + 16,
                              "height": box[3] + 16, "scale": 1}
        out.write_bytes(base64.b64decode(self.send("Page.captureScreenshot", params)["data"]))

    def close(self):
        self.browser.send("Target.closeTarget", {"targetId": self.target})


# JavaScript run in the page: what a player shows right now.
PLAYER_STATE = """((id) => {
  const f = document.getElementById(id);
  if (!f) return {frames: 0, shown: [], picture: '', nodes: '', controls: 0, controlsShown: false,
                  animation: '', path: location.pathname};  // another page: mdBook turned it
  const frames = [...f.querySelectorAll('.gc-frame')];
  const shown = frames.filter(x => x.getClientRects().length > 0);
  const nodes = x => [...x.querySelectorAll('g.gc-node > rect:last-of-type')]
      .map(r => r.getAttribute('x') + ',' + r.getAttribute('y')).join(' ');
  return {frames: frames.length, shown: shown.map(x => Number(x.dataset.step)),
          picture: shown.length ? shown[0].querySelector('svg').outerHTML : '',
          nodes: shown.length ? nodes(shown[0]) : '',
          controls: f.querySelectorAll('.gc-controls button, .gc-controls input[type=range]').length,
          controlsShown: [...f.querySelectorAll('.gc-controls')].some(c => c.getClientRects().length),
          animation: shown.length ? getComputedStyle(shown[0]).animationName : '',
          path: location.pathname};
})"""

# The contrast ratio (WCAG) of a player's caption text against what is behind it.
CAPTION_CONTRAST = """((id) => {
  const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
  const caption = document.getElementById(id).querySelector('.gc-frame.gc-current .gc-caption');
  let e = caption, bg = [255, 255, 255];
  while (e) { const c = rgb(getComputedStyle(e).backgroundColor);
    if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) { bg = c.slice(0, 3); break; }
    e = e.parentElement; }
  const fg = rgb(getComputedStyle(caption).color).slice(0, 3);
  const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
  return [(a + 0.05) / (b + 0.05), document.documentElement.className];
})"""


def check_players(book, pages):
    """[(ok, message)]: the checks of every player on `pages` (see the module's docstring)."""
    results = []
    # Chapter pages (they load the player's script); mdBook also copies the bare fragments.
    with_players = [(p, re.findall(r'<figure class="gc-player" id="([^"]+)"', p.read_text()))
                    for p in pages if re.search(r"theme/gc-player[-.]", p.read_text())]
    with_players = [(p, ids) for p, ids in with_players if ids]
    if not with_players:
        return [(False, "players: no page has a gc-player (bookgen writes them)")]
    if not CHROMIUM:
        return []
    browser = Browser()
    try:
        for page, ids in with_players:
            results += check_players_of(browser, book, page, ids)
        results += check_print_page(browser, book, sum(len(ids) for _, ids in with_players))
    except RuntimeError as e:
        results.append((False, f"players: the browser failed: {e}"))
    finally:
        browser.close()
    return results


def check_players_of(browser, book, page, ids):
    name, url, results = page.relative_to(book), page.as_uri(), []

    def report(what, problems):
        results.append((not problems, f"{name}: {what}" + "".join(f"\n       {p}" for p in problems)))

    for id in ids:
        try:
            check_player(browser, url, id, report)
        except RuntimeError as e:
            report(f"player {id.removeprefix('gc-player-')}: the browser failed", [str(e)])

    # Last, outside any player: the arrow keys still belong to mdBook.
    tab = browser.open(url)
    before = tab.eval("location.pathname")
    tab.eval("document.activeElement && document.activeElement.blur()")
    tab.key("ArrowRight", "ArrowRight", 39)
    turned = tab.wait_until(f"location.pathname !== {json.dumps(before)}", timeout=5)
    report("arrow key outside a player turns the page (mdBook's)",
           [] if turned else ["the page did not change"])
    tab.close()
    return results


def check_player(browser, url, id, report):
    """One player's checks, each reported with `report(what, problems)`."""
    state = lambda tab: tab.eval(f"{PLAYER_STATE}({json.dumps(id)})")
    player = id.removeprefix("gc-player-")

    tab = browser.open(url, javascript=False)
    s = state(tab)
    report(f"player {player}: without JavaScript, a filmstrip of all {s['frames']} frames",
           [f"{len(s['shown'])} of {s['frames']} frames shown"] if len(s["shown"]) != s["frames"]
           else ["fewer than 3 frames"] if s["frames"] < 3 else [])
    tab.close()

    tab = browser.open(url, media="print")
    s = state(tab)
    report(f"player {player}: printed, all frames and no controls",
           ([f"{len(s['shown'])} of {s['frames']} frames print"] if len(s["shown"]) != s["frames"] else [])
           + (["the controls print"] if s["controlsShown"] else []))
    tab.close()

    tab = browser.open(url)
    problems, first = [], state(tab)
    if first["shown"] != [1] or first["controls"] != 3:
        problems.append(f"frames shown {first['shown']}, {first['controls']} controls "
                        "(wanted frame 1 of one, 2 buttons and a slider)")
    if first["animation"] != "gc-fade":
        problems.append(f"frame animation {first['animation']!r}, wanted 'gc-fade'")
    tab.eval(f"document.querySelector('#{id} .gc-controls button:last-of-type').click()")
    after_next = state(tab)
    if after_next["shown"] != [2]:
        problems.append(f"Next: frames shown {after_next['shown']}, wanted [2]")
    if after_next["picture"] == first["picture"]:
        problems.append("Next: the picture did not change")
    tab.eval(f"""(() => {{ const s = document.querySelector('#{id} .gc-slider');
        s.value = s.max; s.dispatchEvent(new Event('input')); }})()""")
    at_end = state(tab)
    if at_end["shown"] != [first["frames"]]:
        problems.append(f"slider to the end: frames shown {at_end['shown']}")
    moved = {s["nodes"] for s in (first, after_next, at_end)}
    if len(moved) != 1:
        problems.append("a node is not at the same place in every frame")
    tab.eval(f"document.getElementById('{id}').focus()")
    tab.key("Home", "Home", 36)
    tab.key("ArrowRight", "ArrowRight", 39)
    tab.key("ArrowRight", "ArrowRight", 39)
    time.sleep(0.5)  # mdBook would change page here if the key reached it
    keyed = state(tab)
    if keyed["shown"] != [3] or keyed["path"] != first["path"]:
        problems.append(f"focused, Home → →: frames shown {keyed['shown']} on {keyed['path']}"
                        " (wanted [3], same page)")
    report(f"player {player}: Next, the slider and the keys step through "
           f"{first['frames']} frames, nodes fixed", problems)
    tab.close()

    tab = browser.open(f"{url}?gc-player={player}&gc-step=4")
    s = state(tab)
    report(f"player {player}: ?gc-step=4 opens at step 4",
           [] if s["shown"] == [4] else [f"frames shown {s['shown']}"])
    tab.close()

    tab = browser.open(url, reduced_motion=True)
    s = state(tab)
    report(f"player {player}: no animation with prefers-reduced-motion",
           [] if s["animation"] == "none" else [f"animation {s['animation']!r}"])
    tab.close()

    bad = []
    for theme in ("light", "coal", "navy"):
        tab = browser.open(url, theme=theme)
        ratio, html_class = tab.eval(f"{CAPTION_CONTRAST}({json.dumps(id)})")
        if theme not in html_class.split() or ratio < 4.5:
            bad.append(f"{theme}: caption contrast {ratio:.1f} (at least 4.5), <html class={html_class!r}>")
        tab.close()
    report(f"player {player}: captions readable in the light, coal and navy themes", bad)


def check_print_page(browser, book, expected):
    tab = browser.open((book / "print.html").as_uri())
    s = tab.eval("""[[...document.querySelectorAll('figure.gc-player')].length,
        [...document.querySelectorAll('.gc-frame')].filter(x => !x.getClientRects().length).length,
        document.querySelectorAll('.gc-controls').length]""")
    tab.close()
    players, hidden, controls = s
    return [(players == expected and hidden == 0 and controls == 0,
             f"print.html: {players} players (of {expected}) as filmstrips, {hidden} frames hidden, "
             f"{controls} controls")]


def check(book, width):
    # Not the chapters: mdBook's own pages, and the HTML fragments under generated/ that the
    # chapters include (mdBook copies them to the build as files of their own).
    pages = sorted(p for p in book.rglob("*.html")
                   if str(p.relative_to(book)) not in SKIP_PAGES
                   and p.relative_to(book).parts[0] != "generated")
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
    # One browser, driven from this thread alone (it is started with a preexec_fn).
    for ok, message in check_players(book, pages):
        print(("ok   " if ok else "FAIL ") + message, flush=True)
        passed, failed = passed + ok, failed + (not ok)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


def screenshot(book, page, out, theme=None, player=None, step=None):
    """A picture of one page (its top, 1100 pixels wide) or, with `player`, of that player."""
    if not CHROMIUM:
        sys.exit("chromium not installed: apt-get install chromium")
    target = page if page.is_file() else book / page
    if not target.is_file():
        sys.exit(f"no such page: {target}")
    out = out.resolve()
    if theme or player:
        url = target.resolve().as_uri()
        if player and step:
            url += f"?gc-player={player}&gc-step={step}"
        browser = Browser()
        try:
            tab = browser.open(url, theme=theme)
            time.sleep(0.5)  # the frame's fade
            tab.screenshot(out, f"#gc-player-{player}" if player else None)
        finally:
            browser.close()
    else:
        with tempfile.TemporaryDirectory(prefix="check_book-") as profile:
            subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--hide-scrollbars",
                            "--window-size=1100,2000", f"--screenshot={out}",
                            target.resolve().as_uri()], capture_output=True, timeout=90)
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
    ap.add_argument("--theme", help="with --screenshot: mdBook's theme (light, coal, navy, ayu, rust)")
    ap.add_argument("--player", metavar="ID",
                    help="with --screenshot: only the player ID (links, resurrection, young)")
    ap.add_argument("--step", type=int, help="with --player: at step N")
    ap.add_argument("--window-width", type=int, default=WINDOW_WIDTH, metavar="PX",
                    help=f"the browser window's width for the width check (default {WINDOW_WIDTH})")
    args = ap.parse_args()
    book = args.book.resolve()
    if args.screenshot:
        return screenshot(book, *args.screenshot, theme=args.theme, player=args.player,
                          step=args.step)
    return check(book, args.window_width)


if __name__ == "__main__":
    sys.exit(main())
