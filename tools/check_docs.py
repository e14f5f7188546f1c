"""Render the documentation pages in headless Chromium and report what looks broken.

Quarto cannot be installed on the development machines, so this renders what Quarto would: nbdev's processed
notebooks (written to `_proc/` by `--process`, run in the project's environment), turned into HTML by nbconvert with
Quarto's cell options applied (`echo: false` drops the code, `output: false` the outputs, `include: false` the cell),
math by a local MathJax, the notebook column as wide as Quarto's body column (PAGE_PX, code in 14 px monospace), and
loads every page (nbs/*.ipynb and nbs/results/*.ipynb) in Chromium (QtWebEngine, offscreen). It reports:

- docs_build: a notebook nbdev cannot process for the docs (it runs the exported, show_doc and import cells);
  docs_exec: cells nbdev runs to build the docs because they import and also do something else (nbdev's "Found cells
  containing imports and other code": they slow the build, and fail it when they use a name an unrun cell defines);
- math that did not render: MathJax errors (primes are written `^{\\prime}` first, inside math only: the local
  MathJax 2 fails on `'`, which Quarto's MathJax 3 renders), and `$`, `\\(` or `\\begin{` left in the text outside code;
- markdown that did not render: `**`, backtick fences, `](` or table pipes left in the text;
- images that did not load; links to a documentation page or anchor that does not exist;
- stderr and error outputs (warnings, tracebacks, progress bars) shown on the page;
- text_tables: tables and dicts printed as text (a DataFrame or Series as text, a markdown pipe table as text, floats
  with 8 or more decimals): a reader wants a styled table (`cadvae_nb.report.table`) or rounded numbers;
- wrapped: output lines wider than the page that the browser wraps (rows of a `pre` beyond its lines);
- long_code: code lines longer than CODE_COLS characters, which Quarto cuts at the page edge behind a scroll bar;
- no_figure: a shown cell that calls a plotting function but whose saved outputs hold no image;
- cut_summary: a title cell nbdev cuts: it keeps the title and the first `> ` line only (the page's description) and
  drops the rest of the cell, so a summary over several `>` lines, or text after it, never reaches the page;
- duplicate_docs: a symbol documented twice on a page: nbdev adds `show_doc` after every exported `@patch` method
  (it does not see that an explicit `show_doc(Class.method)` documents it), so such a cell is `#| exporti`;
- blocks wider than the page (a horizontal scroll bar on a table, a code line or a figure), and table cells that
  pandas cut short (ending in `...`).

It writes OUT/report.md (one section per page, what it found), OUT/PAGE.html and screenshots OUT/PAGE-N.png (the page
in 1600-pixel slices; a results page's name is results-NAME), and exits 1 if anything was found. Set up once, in a
separate environment (PyQt6's wheels carry Chromium as QtWebEngine):

    python -m venv /tmp/docsvenv && /tmp/docsvenv/bin/pip install PyQt6-WebEngine nbconvert jupyter-server-mathjax pyyaml pytest
    python tools/check_docs.py --process                   # in the project's environment: writes _proc/
    /tmp/docsvenv/bin/python tools/check_docs.py [--out _docs_check] [PAGE ...]

(`nbdev_proc_nbs` writes the same `_proc/`, but where Quarto is missing it first installs Quarto and pip-installs the
project into the running environment.) The checks that read notebooks are pure functions, tested without Qt by
`pytest tools`.
"""
import argparse, ast, json, os, posixpath, re, sys
from pathlib import Path

os.environ.setdefault('QT_QPA_PLATFORM', 'offscreen')
os.environ.setdefault('QTWEBENGINE_DISABLE_SANDBOX', '1')   # Chromium's sandbox refuses to start as root in a container

SITE = 'https://cadvae-nb.github.io/cadvae_nb/'
WIDTH, SLICE = 1000, 1600
PAGE_PX = 800            # Quarto's body column: minmax(500px, calc(850px - 3em)) beside the sidebar and the toc
CODE_COLS = 92           # characters of 14 px monospace (8.4 px each) in PAGE_PX, less the code block's padding
ATTRS = re.compile(r'(\]\([^)]*\))\{[^}]*\}')   # [text](url){target="_blank"}: Pandoc attributes, which Quarto reads
# a code span (any number of backticks) is kept as it is; math is `$...$` or `$$...$$` with an unescaped `$`
CODE_OR_MATH = re.compile(r'(?P<code>(?P<ticks>`+)[\s\S]*?(?<!`)(?P=ticks)(?!`))|(?<!\\)(?P<dollars>\$\$?)(?P<math>[\s\S]+?)(?<!\\)(?P=dollars)')
OPTION = re.compile(r'^#\|\s*([\w-]+)\s*:\s*(.*?)\s*$')
STYLE = f"""<style>
.jp-Notebook {{ max-width: {PAGE_PX}px; margin: 0 auto; padding: 0; }}
.jp-InputPrompt, .jp-OutputPrompt {{ display: none; }}
.jp-Cell {{ padding: 4px 0; }}
pre, code {{ font-size: 14px !important; font-family: 'DejaVu Sans Mono', 'Liberation Mono', monospace !important; }}
</style>"""


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
    "g' written g^{\\prime} inside math (not in code spans): the local MathJax 2 fails on `'`, Quarto's MathJax 3 does not."
    def sub(m):
        if m['code']: return m[0]
        return m['dollars'] + m['math'].replace("'", '^{\\prime}') + m['dollars']
    return CODE_OR_MATH.sub(sub, md)


def text_of(out):
    "The text/plain of an output that shows as text (a stream, or a result with no HTML, markdown or image beside it)."
    if out.get('output_type') == 'stream': return ''.join(out.get('text', ''))
    data = out.get('data', {})
    if any(k in data for k in ('text/html', 'text/markdown', 'image/png', 'image/svg+xml', 'text/latex')): return ''
    return ''.join(data.get('text/plain', ''))


LONG_FLOAT = re.compile(r'(?<![\w.])-?\d+\.\d{8,}')
PIPE_ROW, PIPE_RULE = re.compile(r'^\s*\|.*\|\s*$'), re.compile(r'^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$')


def frame_rows(lines):
    """The most table rows in one block of equally long lines (pandas pads every line of a frame to one length): rows are
    lines of two or more fields apart by 2+ spaces, with no brackets (which arrays and tensors print)."""
    best, block, width = 0, 0, None
    for l in lines:
        row = len(re.split(r'\s{2,}', l.strip())) >= 2 and not re.search(r'[\[\](){}]', l)
        if len(l) != width: block, width = 0, len(l)
        block += row
        best = max(best, block)
    return best


def text_table(text):
    "Why `text` (an output shown as text) is a table or a dict printed as text, or None."
    lines = text.splitlines()
    if sum(bool(PIPE_ROW.match(l)) for l in lines) >= 2 and any(PIPE_RULE.match(l) for l in lines):
        return 'a markdown table printed as text'
    if re.search(r'^(Name: .*, )?dtype: \w+$', text, re.M): return 'a pandas Series printed as text'
    if frame_rows(lines) >= 3 or re.search(r'^\[\d+ rows x \d+ columns\]$', text, re.M): return 'a DataFrame printed as text'
    m = LONG_FLOAT.search(text)
    if m: return f'unrounded floats printed as text ({m[0][:14]}...)'
    return None


def long_lines(src, cols=CODE_COLS):
    "(line number, length) of each line of `src` longer than `cols` characters."
    return [(i, len(l)) for i, l in enumerate(src.splitlines(), 1) if len(l.rstrip()) > cols]


PLOT_CALLS = {'figure', 'subplots', 'subplot', 'imshow', 'plot', 'scatter', 'bar', 'barh', 'hist', 'heatmap', 'show',
              'lineplot', 'scatterplot', 'barplot', 'pairplot', 'stripplot', 'boxplot'}


def plot_calls(src):
    "Plotting calls made when the cell runs (not inside a def or a class), less those that only write a file."
    try: tree = ast.parse('\n'.join(l for l in src.splitlines() if not l.lstrip().startswith(('%', '!'))))
    except SyntaxError: return []
    calls = []
    def visit(node):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)): return
        if isinstance(node, ast.Call):
            f = node.func
            name = f.attr if isinstance(f, ast.Attribute) else getattr(f, 'id', '')
            base = f.value.id if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) else ''
            to_file = name == 'savefig' or any(
                isinstance(a, ast.Constant) and isinstance(a.value, str) and re.search(r'\.(png|pdf|svg)$', a.value)
                or isinstance(a, ast.BinOp) and isinstance(a.op, ast.Div) for a in node.args + [k.value for k in node.keywords])
            if not to_file and (name in PLOT_CALLS or name.startswith('plot_') or name.startswith('plot') and base == ''
                                or base in ('plt', 'sns')):
                calls.append(name)
        for child in ast.iter_child_nodes(node): visit(child)
    visit(tree)
    return calls


def has_figure(outputs):
    "Whether the saved outputs hold an image."
    return any(k.startswith('image/') or k == 'text/html' and '<img' in ''.join(v)
               for o in outputs for k, v in o.get('data', {}).items())


IMPORT = (ast.Import, ast.ImportFrom)


def docs_exec(src):
    "Whether nbdev runs this (not exported) cell to build the docs: it imports, and also does something else."
    if re.search(r'^#\|\s*(export|exports|exporti|exec_doc)\b', src, re.M) or 'nbdev_export()' in src: return False
    if re.search(r'^#\|\s*eval:\s*false', src, re.M): return False
    try: tree = ast.parse('\n'.join(l for l in src.splitlines() if not l.lstrip().startswith(('%', '!'))))
    except SyntaxError: return False
    nodes = list(ast.walk(tree))
    return any(isinstance(n, IMPORT) for n in nodes) and any(isinstance(n, (ast.Expr, ast.Assign)) for n in nodes)


def first_line(src): return next((l.strip() for l in src.splitlines() if l.strip() and not OPTION.match(l)), '')[:70]


def cut_summary(src_cells) -> list:
    "What nbdev drops from the title cell (the first markdown cell with a `# ` title): all but the title and one `> ` line."
    cell = next((c for c in src_cells if c['cell_type'] == 'markdown' and re.search(r'^#\s+\S', ''.join(c['source']), re.M)), None)
    if cell is None: return []
    lines = [l for l in ''.join(cell['source']).splitlines() if l.strip()]
    quotes = [l for l in lines if l.startswith('>')]
    rest = [l for l in lines[1:] if not l.startswith('>')]
    return ([f'{len(quotes)} summary lines: only the first reaches the page'] if len(quotes) > 1 else []) + \
           ([f'text after the summary is dropped: {rest[0][:60]}'] if rest else [])


def notebook_problems(nb_cells, src_cells=()):
    """What the notebook itself shows to be wrong: text tables, long code lines and plots without a figure in the
    shown cells of the processed notebook `nb_cells`; cells of the source notebook `src_cells` that nbdev runs for the docs."""
    found = {'text_tables': [], 'long_code': [], 'no_figure': [], 'docs_exec': [], 'duplicate_docs': [],
             'cut_summary': cut_summary(src_cells)}
    docs = [m[1] for c in nb_cells if c['cell_type'] == 'code' for m in re.finditer(r'^show_doc\(([\w.]+)', ''.join(c['source']), re.M)]
    found['duplicate_docs'] = sorted({f'{d} ({docs.count(d)} times)' for d in docs if docs.count(d) > 1})
    for c in nb_cells:
        if c['cell_type'] != 'code': continue
        src = ''.join(c['source']); o = cell_options(src)
        if o.get('include') == 'false': continue
        outs = [] if o.get('output') == 'false' else c.get('outputs', [])
        if o.get('output') != 'asis':
            for out in outs:
                why = text_table(text_of(out))
                if why: found['text_tables'].append(f'{why}, after: {first_line(src)}')
        if o.get('echo') != 'false':
            code = '\n'.join(l for l in src.splitlines() if not OPTION.match(l))
            found['long_code'] += [f'{n} characters: {code.splitlines()[i - 1].strip()[:70]}' for i, n in long_lines(code)]
        if o.get('output') != 'false' and plot_calls(src) and not has_figure(outs):
            found['no_figure'].append(f"{', '.join(sorted(set(plot_calls(src))))} in: {first_line(src)}")
    found['docs_exec'] = [first_line(''.join(c['source'])) for c in src_cells
                          if c['cell_type'] == 'code' and docs_exec(''.join(c['source']))]
    return found


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
            if o.get('echo') == 'false':   # no code and no empty input box: Quarto shows only the outputs
                c.source = ''; c.metadata['transient'] = {'remove_source': True}
            else: c.source = '\n'.join(l for l in c.source.splitlines() if not OPTION.match(l))
            if o.get('output') == 'asis':   # show_doc: its markdown output becomes page text
                text = ''.join(''.join(x.get('data', {}).get('text/markdown', '')) for x in c.outputs)
                if text: cells.append(nbformat.v4.new_markdown_cell(primes(ATTRS.sub(r'\1', text)))); continue
            if not c.source and not c.outputs: continue
        cells.append(c)
    nb.cells = cells
    html, _ = HTMLExporter(template_name='lab', mathjax_url=f'file://{mathjax}?config=TeX-AMS-MML_HTMLorMML-full').from_notebook_node(nb)
    return html.replace('</head>', STYLE + '</head>', 1), meta.get('output-file', nb_path.stem + '.html')


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
  // a pre that wraps (pre-wrap): more rows on the screen than non-empty lines in its text
  const wrapped = [...document.querySelectorAll('pre')].filter(p => /pre-wrap|pre-line|break-spaces/.test(getComputedStyle(p).whiteSpace))
    .map(p => {
      const r = document.createRange(); r.selectNodeContents(p);
      const rows = new Set([...r.getClientRects()].filter(c => c.width > 1).map(c => Math.round(c.bottom))).size;
      const lines = p.innerText.split('\n').filter(l => l.trim());
      if (rows <= lines.length) return null;
      const longest = lines.reduce((a, b) => b.length > a.length ? b : a, '');
      return `${rows - lines.length} extra rows for ${lines.length} lines (longest ${longest.length} characters): ${longest.trim().slice(0, 70)}`;
    }).filter(Boolean);
  return {
    wrapped,
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
            p = out / f"{name.replace('/', '-')}-{i:02d}.png"; view.grab().save(str(p)); shots.append(p.name); slice_(i + 1)
        slice_(0)

    def finish(shots):
        results[todo.pop(0)[0]]['screenshots'] = shots
        next_page()

    view.loadFinished.connect(loaded)
    QTimer.singleShot(0, next_page)
    app.exec()
    return results


PROC_ONE = """
import sys
from pathlib import Path
from nbdev.serve_drv import main
from nbdev.processors import FilterDefaults
main((Path(sys.argv[1]), Path(sys.argv[2]), FilterDefaults))
"""


def docs_error(stderr):
    "The cell and the error of a failed nbdev processing, from its traceback: 'cell N: NameError: ...'."
    cell = re.search(r'Error in notebook: .* in cell (\d+)', stderr)
    errs = re.findall(r'^(\w+(?:Error|Exception): .*)$', stderr, re.M)
    cause = next((e for e in errs if not e.startswith('Exception: Error in notebook')), errs[-1] if errs else stderr.strip()[-200:])
    return (f'cell {cell[1]}: ' if cell else '') + cause[:200]


def process(nbs, proc):
    """nbdev's processing of the notebooks for the docs, as `nbdev_proc_nbs` does it but one notebook at a time, each in
    its own process (one that fails does not stop the rest), and without `nbdev_proc_nbs`'s Quarto install (which
    pip-installs the project into the running environment); writes PROC/errors.json, {page: error} of those that fail."""
    import subprocess
    errors = {}
    for src in sorted(nbs.rglob('*.ipynb')):
        rel = src.relative_to(nbs)
        if any(p.startswith(('.', '_')) for p in rel.parts): continue
        dst = proc / rel; dst.parent.mkdir(parents=True, exist_ok=True); dst.unlink(missing_ok=True)
        r = subprocess.run([sys.executable, '-c', PROC_ONE, str(src), str(dst)], capture_output=True, text=True)
        if r.returncode: errors[rel.with_suffix('').as_posix()] = docs_error(r.stderr)
        print(f"{rel}: {errors.get(rel.with_suffix('').as_posix(), 'processed')}", flush=True)
    (proc / 'errors.json').write_text(json.dumps(errors, indent=1))
    return errors


def link_target(href, page_file, outputs):
    """(page file, anchor) a link on the page `page_file` points to, or None for a link that leaves the site; a link to a
    notebook points to its page (`outputs`: notebook path to page file), as Quarto rewrites it."""
    if href.startswith(SITE): target = href[len(SITE):]
    elif href.startswith(('http', 'mailto:', '#', 'data:', 'file:')) or not re.search(r'\.(html|ipynb)(#|$)', href): return None
    else: target = posixpath.normpath(posixpath.join(posixpath.dirname(page_file), href))
    page, _, anchor = target.partition('#')
    page = outputs.get(page, re.sub(r'\.ipynb$', '.html', page)) or 'index.html'
    return page, anchor


def link_problems(links, page_file, outputs, anchors):
    "Links to a page of the site that does not exist, or to an anchor it does not have (anchors[page] None: not known)."
    bad = []
    for href in links:
        t = link_target(href, page_file, outputs)
        if t is None: continue
        page, anchor = t
        if page not in anchors: bad.append(f'{href} (no page {page})')
        elif anchor and anchors[page] is not None and anchor.lower() not in anchors[page]: bad.append(f'{href} (no anchor #{anchor} on {page})')
    return sorted(set(bad))


def page_name(nb, root): return nb.relative_to(root).with_suffix('').as_posix()


def page_file(nb, root):
    "The page Quarto makes of a processed notebook: its output-file (or its name) in the notebook's folder."
    first = json.loads(nb.read_text())['cells'][0]
    meta = front_matter(''.join(first['source'])) if first['cell_type'] == 'raw' else {}
    rel = nb.relative_to(root)
    return (rel.parent / meta.get('output-file', rel.stem + '.html')).as_posix()


KINDS = ('docs_build', 'docs_exec', 'cut_summary', 'duplicate_docs', 'math_errors', 'raw_math', 'raw_markdown', 'broken_images', 'bad_links', 'stderr',
         'text_tables', 'wrapped', 'long_code', 'no_figure', 'wide', 'truncated')


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('pages', nargs='*', help='page names, e.g. 00_data results/01_table1 (default: every notebook)')
    ap.add_argument('--process', action='store_true', help="process the notebooks into PROC with nbdev (in the project's environment) and stop")
    ap.add_argument('--nbs', default='nbs', type=Path)
    ap.add_argument('--proc', default='_proc', type=Path); ap.add_argument('--out', default='_docs_check', type=Path)
    a = ap.parse_args()
    if a.process: sys.exit(1 if process(a.nbs, a.proc) else 0)
    import jupyter_server_mathjax
    mathjax = Path(jupyter_server_mathjax.__file__).parent / 'static' / 'MathJax.js'
    if not a.proc.is_dir(): sys.exit(f'{a.proc}: not found; run `python tools/check_docs.py --process` first')
    errors = json.loads((a.proc / 'errors.json').read_text()) if (a.proc / 'errors.json').exists() else {}
    every = sorted(p for p in a.proc.rglob('*.ipynb') if not any(q.startswith(('.', '_')) for q in p.relative_to(a.proc).parts))
    outputs = {p.relative_to(a.proc).as_posix(): page_file(p, a.proc) for p in every}
    outputs.update({f'{n}.ipynb': f'{n}.html' for n in errors if f'{n}.ipynb' not in outputs})
    nbs = [p for p in every if not a.pages or page_name(p, a.proc) in a.pages]
    a.out.mkdir(parents=True, exist_ok=True)
    pages, files, found = [], {}, {}
    for nb in nbs:
        name = page_name(nb, a.proc)
        html, _ = to_html(nb, mathjax)
        files[name] = outputs[f'{name}.ipynb']
        path = a.out / files[name]; path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html); pages.append((name, path))
        src = a.nbs / f'{name}.ipynb'
        found[name] = notebook_problems(json.loads(nb.read_text())['cells'], json.loads(src.read_text())['cells'] if src.exists() else [])
    results = render(pages, a.out)
    anchors = {files[n]: set(r['anchors']) for n, r in results.items()}
    for f in outputs.values(): anchors.setdefault(f, None)   # pages not checked now: they exist, their anchors are not known
    for n in errors:
        if n not in results and (not a.pages or n in a.pages): results[n] = {}; files[n] = outputs[f'{n}.ipynb']
    lines, n_bad, counts = ['# Rendered documentation: what looks broken', ''], 0, dict.fromkeys(KINDS, 0)
    for name, r in results.items():
        r = {**{k: [] for k in KINDS}, **r, **found.get(name, {})}
        r['docs_build'] = [errors[name]] if name in errors else []
        if 'links' in r: r['bad_links'] = link_problems(r['links'], files[name], outputs, anchors)
        bad = {k: r[k] for k in KINDS if r[k]}
        for k, v in bad.items(): counts[k] += len(v)
        n_bad += sum(map(len, bad.values()))
        lines += [f'## {name} ({files[name]})', '']
        if 'height' in r:
            lines += [f"{r['height']} px high, {r['equations']} math elements, {r['tables']} tables, {r['figures']} images; "
                      f"screenshots {', '.join(r['screenshots'])}", '']
        lines += [f'- {k}: ' + '; '.join(f'`{v}`' for v in vs) for k, vs in bad.items()] or ['- nothing found']
        lines.append('')
    lines += ['## Counts', '', ', '.join(f'{k} {v}' for k, v in counts.items()), '']
    (a.out / 'report.md').write_text('\n'.join(lines))
    print('\n'.join(lines))
    print(f'{n_bad} problems on {len(results)} pages; report in {a.out / "report.md"}')
    sys.exit(1 if n_bad else 0)


if __name__ == '__main__': main()
