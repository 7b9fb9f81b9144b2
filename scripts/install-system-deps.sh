#!/usr/bin/env bash
# Installs what the app and its tests need from Debian's packages, when the machine lacks it:
# Chromium (PDF export, end-to-end tests) and poppler-utils (pdftotext, to check PDFs), the
# fallback faces every PDF embeds for characters the npm faces lack (fonts-babelstone-han,
# fonts-hanazono: CJK Ext A–G name characters, Greek …; lib/bulletin/font-files.ts), and
# mupdf-tools (mutool trace, to check that no glyph prints as .notdef).
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
[ -f /usr/share/fonts/truetype/babelstone/BabelStoneHan.ttf ] || need+=(fonts-babelstone-han)
[ -f /usr/share/fonts/truetype/hanazono/HanaMinA.ttf ] || need+=(fonts-hanazono)
command -v mutool >/dev/null 2>&1 || need+=(mupdf-tools)
if [ "${#need[@]}" -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "system packages: installing ${need[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
