"""Render the documentation pages in headless Chromium and report what looks broken.

Quarto cannot be installed on the development machines, so this renders what Quarto would: nbdev's processed
notebooks (`nbdev_proc_nbs` writes them to `_proc/`), turned into HTML by nbconvert with Quarto's cell options
applied (`echo: false` drops the code, `output: false` the outputs, `include: false` the cell), math by a local
MathJax, and loads every page in Chromium (QtWebEngine, offscreen). After MathJax has finished it checks:

- math that did not render: MathJax errors (primes are written `^{\\prime}` first: the local MathJax 2 fails on `'`,
  which Quarto's MathJax 3 renders), and `$`, `\\(` or `\\begin{` left in the text outside code;
- markdown that did not render: `**`, backtick fences, `](` or table pipes left in the text;
- images that did not load; links to a documentation page or anchor that does not exist;
- stderr and error outputs (warnings, tracebacks, progress bars) shown on the page;
- blocks wider than the page (a horizontal scroll bar on a table, a code line or a figure), and table cells that
  pandas cut short (ending in `...`).

It writes OUT/report.md (one section per page, what it found), OUT/PAGE.html and screenshots OUT/PAGE-N.png (the page
in 1600-pixel slices), and exits 1 if anything was found. Set up once, in a separate environment (PyQt6's wheels
carry Chromium as QtWebEngine):

    python -m venv /tmp/docsvenv && /tmp/docsvenv/bin/pip install PyQt6-WebEngine nbconvert jupyter-server-mathjax pyyaml
    nbdev_proc_nbs                                         # in the project's environment: writes _proc/
    /tmp/docsvenv/bin/python tools/check_docs.py [--out _docs_check] [PAGE ...]
"""
import argparse, os, re, sys
from pathlib import Path

os.environ.setdefault('QT_QPA_PLATFORM', 'offscreen')
os.environ.setdefault('QTWEBENGINE_DISABLE_SANDBOX', '1')   # Chromium's sandbox refuses to start as root in a container

SITE = 'https://cadvae-nb.github.io/cadvae_nb/'
WIDTH, SLICE = 1100, 1600
ATTRS = re.compile(r'(\]\([^)]*\))\{[^}]*\}')   # [text](url){target="_blank"}: Pandoc attributes, which Quarto reads
MATH = re.compile(r'(\$\$?)(.+?)\1', re.S)
OPTION = re.compile(r'^#\|\s*([\w-]+)\s*:\s*(.*?)\s*$')


def cell_options(src):
    "Quarto's `#| key: value` lines at the top of a code cell."
    opts = {}
    for line in src.splitlines():
        m = OPTION.match(line)
        if not m: break
        opts[m[1]] = m[2]
    return opts


def front_matter(src):
    "title, description and output-file of the raw YAML cell nbdev puts first."
    import yaml
    return yaml.safe_load(src.strip().strip('-')) or {}


def primes(md):
    "g' written g^{\\prime} inside math: the local MathJax 2 fails on `'` (a font it cannot load), Quarto's MathJax 3 does not."
    return MATH.sub(lambda m: m[1] + m[2].replace("'", '^{\\prime}') + m[1], md)


def to_html(nb_path, mathjax):
    "The page Quarto would make of a processed notebook, as nbconvert HTML, and its output file name."
    import nbformat
    from nbconvert import HTMLExporter
    nb = nbformat.read(nb_path, as_version=4)
    meta, cells = {}, []
    for c in nb.cells:
        if c.cell_type == 'raw' and c.source.startswith('---'):
            meta = front_matter(c.source)
            head = f"# {meta.get('title', nb_path.stem)}\n\n" + (f"> {meta['description']}\n" if meta.get('description') else '')
            cells.append(nbformat.v4.new_markdown_cell(head))
            continue
        if c.cell_type == 'markdown': c.source = primes(ATTRS.sub(r'\1', c.source))
        if c.cell_type == 'code':
            o = cell_options(c.source)
            if o.get('include') == 'false': continue
            if o.get('output') == 'false': c.outputs = []
            if o.get('echo') == 'false': c.source = ''
            else: c.source = '\n'.join(l for l in c.source.splitlines() if not OPTION.match(l))
            if o.get('output') == 'asis':   # show_doc: its markdown output becomes page text
                text = ''.join(''.join(x.get('data', {}).get('text/markdown', '')) for x in c.outputs)
                if text: cells.append(nbformat.v4.new_markdown_cell(ATTRS.sub(r'\1', text))); continue
            if not c.source and not c.outputs: continue
        cells.append(c)
    nb.cells = cells
    html, _ = HTMLExporter(template_name='lab', mathjax_url=f'file://{mathjax}?config=TeX-AMS-MML_HTMLorMML-full').from_notebook_node(nb)
    return html, meta.get('output-file', nb_path.stem + '.html')


# runs in the page once MathJax has typeset it
PROBE = r"""
(() => {
  const skip = el => el.closest('pre, code, script, style, textarea, .MathJax, .MathJax_Display, .MathJax_Preview, .jp-OutputArea-output[data-mime-type="text/plain"]');
  const texts = [];
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n; (n = walk.nextNode());) if (n.nodeValue.trim() && !skip(n.parentElement)) texts.push(n.nodeValue);
  const raw = (re) => texts.filter(t => re.test(t)).map(t => t.trim().slice(0, 120));
  const wide = [...document.querySelectorAll('pre, table, img, .jp-OutputArea-output, .jp-RenderedHTMLCommon > *')]
    .filter(e => e.scrollWidth > e.clientWidth + 2 && getComputedStyle(e).overflowX !== 'visible' || e.getBoundingClientRect().right > window.innerWidth + 2)
    .map(e => `${e.tagName.toLowerCase()} at y=${Math.round(e.getBoundingClientRect().top + window.scrollY)} (${e.scrollWidth} px wide): ` + (e.innerText || e.getAttribute('src') || '').trim().split('\n')[0].slice(0, 80));
  return {
    height: document.documentElement.scrollHeight,
    math_errors: [...document.querySelectorAll('.MathJax_Error, merror')].map(e => e.textContent.slice(0, 120)),
    raw_math: raw(/\$[^\s$]|\\\(|\\\[|\\begin\{/),
    raw_markdown: raw(/\*\*\S|```|\]\(|^\s*\|.*\|\s*$/),
    broken_images: [...document.images].filter(i => !i.naturalWidth).map(i => (i.getAttribute('src') || '').slice(0, 80)),
    links: [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href')),
    anchors: [...document.querySelectorAll('[id]')].map(e => e.id.toLowerCase()),
    stderr: [...document.querySelectorAll('[data-mime-type="application/vnd.jupyter.stderr"], .jp-OutputArea-output.jp-RenderedText[data-mime-type*="error"]')]
      .map(e => e.innerText.trim().split('\n')[0].slice(0, 120)),
    wide: [...new Set(wide)],
    truncated: [...document.querySelectorAll('td, th')].filter(c => /(\.\.\.|…)$/.test(c.textContent.trim()))
      .map(c => c.textContent.trim().slice(-60)),
    tables: document.querySelectorAll('table').length,
    figures: document.images.length,
    equations: document.querySelectorAll('.MathJax_Display, .MathJax').length,
  };
})()
"""


def render(pages, out):
    "Load each (name, html file) in Chromium; returns {name: probe result} and writes the screenshots."
    from PyQt6.QtCore import QUrl, QTimer
    from PyQt6.QtWidgets import QApplication
    from PyQt6.QtWebEngineWidgets import QWebEngineView
    app = QApplication.instance() or QApplication(sys.argv)
    view = QWebEngineView(); view.resize(WIDTH, SLICE); view.show()
    results, todo = {}, list(pages)

    def next_page():
        if not todo: return app.quit()
        name, path = todo[0]
        view.load(QUrl.fromLocalFile(str(path.resolve())))

    def loaded(ok):
        # MathJax 2 typesets asynchronously: queue a flag behind its work, then poll for it
        view.page().runJavaScript("window.__done = false; if (window.MathJax && MathJax.Hub) MathJax.Hub.Queue(() => { window.__done = true; }); else window.__done = true;")
        QTimer.singleShot(300, poll)

    tries = {'n': 0}
    def poll():
        tries['n'] += 1
        view.page().runJavaScript('window.__done', lambda d: probe() if d or tries['n'] > 200 else QTimer.singleShot(300, poll))

    def probe():
        tries['n'] = 0
        view.page().runJavaScript(PROBE, shoot)

    def shoot(r):
        name, _ = todo[0]
        results[name] = r
        shots = []
        def slice_(i):
            if i * SLICE >= min(r['height'], 30 * SLICE): return finish(shots)
            view.page().runJavaScript(f'window.scrollTo(0, {i * SLICE})', lambda _: QTimer.singleShot(250, lambda: grab(i)))
        def grab(i):
            p = out / f'{name}-{i:02d}.png'; view.grab().save(str(p)); shots.append(p.name); slice_(i + 1)
        slice_(0)

    def finish(shots):
        results[todo.pop(0)[0]]['screenshots'] = shots
        next_page()

    view.loadFinished.connect(loaded)
    QTimer.singleShot(0, next_page)
    app.exec()
    return results


def link_problems(r, pages_anchors):
    "Links to a page of the site (or a local .html/.ipynb) that does not exist, or to an anchor it does not have (None: not known)."
    bad = []
    for href in r['links']:
        if href.startswith(SITE): target = href[len(SITE):]
        elif href.startswith(('http', 'mailto:', '#', 'data:')) or not re.search(r'\.(html|ipynb)(#|$)', href): continue
        else: target = href
        page, _, anchor = target.partition('#')
        page = page.replace('.ipynb', '.html') or 'index.html'
        if page not in pages_anchors: bad.append(f'{href} (no page {page})')
        elif anchor and pages_anchors[page] is not None and anchor.lower() not in pages_anchors[page]: bad.append(f'{href} (no anchor #{anchor} on {page})')
    return sorted(set(bad))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('pages', nargs='*', help='notebook names (default: every notebook in _proc/)')
    ap.add_argument('--proc', default='_proc', type=Path); ap.add_argument('--out', default='_docs_check', type=Path)
    a = ap.parse_args()
    import jupyter_server_mathjax
    mathjax = Path(jupyter_server_mathjax.__file__).parent / 'static' / 'MathJax.js'
    if not a.proc.is_dir(): sys.exit(f'{a.proc}: not found; run nbdev_proc_nbs first')
    nbs = sorted(p for p in a.proc.glob('*.ipynb') if not a.pages or p.stem in a.pages)
    a.out.mkdir(parents=True, exist_ok=True)
    pages, files = [], {}
    for nb in nbs:
        html, file = to_html(nb, mathjax)
        path = a.out / file
        path.write_text(html); pages.append((nb.stem, path)); files[nb.stem] = file
    results = render(pages, a.out)
    anchors = {files[n]: set(r['anchors']) for n, r in results.items()}
    if a.pages:   # checking some pages: the others exist as pages, their anchors are not known
        import nbformat
        for p in a.proc.glob('*.ipynb'):
            first = nbformat.read(p, as_version=4).cells[0]
            anchors.setdefault(front_matter(first.source).get('output-file', p.stem + '.html') if first.cell_type == 'raw' else p.stem + '.html', None)
    lines, n_bad = ['# Rendered documentation: what looks broken', ''], 0
    for name, r in results.items():
        r['bad_links'] = link_problems(r, anchors)
        found = {k: r[k] for k in ('math_errors', 'raw_math', 'raw_markdown', 'broken_images', 'bad_links', 'stderr', 'wide', 'truncated') if r[k]}
        n_bad += sum(map(len, found.values()))
        lines += [f'## {name} ({files[name]})', '',
                  f"{r['height']} px high, {r['equations']} math elements, {r['tables']} tables, {r['figures']} images; "
                  f"screenshots {', '.join(r['screenshots'])}", '']
        lines += [f'- {k}: ' + '; '.join(f'`{v}`' for v in vs) for k, vs in found.items()] or ['- nothing found']
        lines.append('')
    (a.out / 'report.md').write_text('\n'.join(lines))
    print('\n'.join(lines))
    print(f'{n_bad} problems on {len(results)} pages; report in {a.out / "report.md"}')
    sys.exit(1 if n_bad else 0)


if __name__ == '__main__': main()
