# shellcheck shell=bash
# Sourced by scripts/book, scripts/test and .ci/run: the one place that pins and installs the
# book's tools. Checks are local (`--version`), so a machine that has them never touches the network.

MDBOOK_VERSION=0.5.4
MERMAID_VERSION=0.17.1 # 0.17.x is the mdbook-mermaid line that works with mdbook 0.5.x

# `cargo install` puts binaries here; put it first so a stray older mdbook elsewhere loses.
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# have CMD "exact --version line"
have() { command -v "$1" >/dev/null && "$1" --version 2>/dev/null | grep -qxF "$2"; }

# install_pinned CMD CRATE VERSION "expected --version line"
install_pinned() {
  have "$1" "$4" && return 0
  echo "installing $2 $3 with cargo install --locked (takes a minute or two)..."
  cargo install --quiet --locked "$2@$3" || { echo "error: cargo install $2@$3 failed" >&2; return 1; }
  have "$1" "$4" || { echo "error: '$1 --version' is not '$4' after install; check PATH" >&2; return 1; }
}

ensure_book_tools() {
  install_pinned mdbook mdbook "$MDBOOK_VERSION" "mdbook v$MDBOOK_VERSION" &&
    install_pinned mdbook-mermaid mdbook-mermaid "$MERMAID_VERSION" "mdbook-mermaid $MERMAID_VERSION"
}

have_browser_tools() {
  command -v chromium >/dev/null && command -v rsvg-convert >/dev/null &&
    command -v pdftotext >/dev/null && command -v pdfinfo >/dev/null
}

# Installs Chromium (render checks, the PDF), rsvg-convert and poppler-utils (pdftotext and
# pdfinfo, to check the PDF) when missing; only possible as root.
# Returns 1 if the install failed, 2 if it was not attempted (not root).
ensure_browser_tools() {
  have_browser_tools && return 0
  if [ "$(id -u)" != 0 ]; then
    echo "SKIP: chromium/rsvg-convert/pdftotext missing and not root — install them with:" \
      "sudo apt-get install chromium librsvg2-bin poppler-utils"
    return 2
  fi
  echo "installing chromium, librsvg2-bin and poppler-utils with apt-get..."
  apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium librsvg2-bin poppler-utils \
      >/dev/null &&
    have_browser_tools
}

# Installs valgrind (callgrind, for `scripts/bench profile`) when missing; only possible as root.
# Returns 1 if the install failed, 2 if it was not attempted (not root).
ensure_valgrind() {
  command -v valgrind >/dev/null && command -v callgrind_annotate >/dev/null && return 0
  if [ "$(id -u)" != 0 ]; then
    echo "SKIP: valgrind missing and not root — install it with: sudo apt-get install valgrind"
    return 2
  fi
  echo "installing valgrind with apt-get..."
  { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind >/dev/null 2>&1 ||
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind >/dev/null; }; } &&
    command -v valgrind >/dev/null
}

# seconds_since T0: wall time since T0 (an $EPOCHREALTIME value), for the step timings.
seconds_since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }
