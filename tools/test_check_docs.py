"The checks of tools/check_docs.py that read notebooks, without Qt: `pytest tools`."
import json, sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).parent))
from check_docs import (cut_summary, primes, text_table, long_lines, plot_calls, has_figure, docs_exec, docs_error, link_target,
                        link_problems, notebook_problems, page_file, CODE_COLS)


def code(src, *outputs): return {'cell_type': 'code', 'source': src, 'outputs': list(outputs)}
def result(**data): return {'output_type': 'execute_result', 'data': data}
def stream(text): return {'output_type': 'stream', 'name': 'stdout', 'text': text}


def test_primes_only_in_math():
    assert primes("$g'$ and $$f'(x)$$") == "$g^{\\prime}$ and $$f^{\\prime}(x)$$"
    # a `$` inside inline code does not open math that a later `$` closes
    md = "`grep -c '^$' f` counts the dataset's empty lines; $h'$"
    assert primes(md) == "`grep -c '^$' f` counts the dataset's empty lines; $h^{\\prime}$"
    assert primes("``a ` $b'`` the model's $c$") == "``a ` $b'`` the model's $c$"
    assert primes(r"costs \$5, the user's \$6") == r"costs \$5, the user's \$6"


def test_text_table():
    frame = '       ndcg@20  recall@20\nmodel                    \nEASE    0.3102     0.2550\nVAE     0.2874     0.2411'
    assert text_table(frame) == 'a DataFrame printed as text'          # str(df), as pandas prints it
    assert text_table('model        EASE     VAE\nndcg@20    0.3102  0.2874\nrecall@20  0.2550  0.2411') == 'a DataFrame printed as text'
    assert text_table("| a | b |\n|---|---|\n| 1 | 2 |") == 'a markdown table printed as text'
    assert text_table("a    1\nb    2\ndtype: int64") == 'a pandas Series printed as text'
    assert text_table("{'ndcg@20': 0.06743282968211665, 'n': 3}").startswith('unrounded floats')
    for fine in ("{'ndcg@20': 0.0674, 'n': 3}", 'tensor([[0.1000, 0.2000],\n        [0.3000, 0.4000]])',
                 'array([[  1,   2],\n       [  3,   4],\n       [  5,   6]])', 'epoch 3  loss 0.25', '3 | 4'):
        assert text_table(fine) is None, fine


def test_long_lines():
    assert long_lines('x = 1\n' + 'y' * (CODE_COLS + 1) + '\n' + 'z' * CODE_COLS) == [(2, CODE_COLS + 1)]


def test_plot_calls():
    assert plot_calls('fig, ax = plt.subplots()\nax.plot([1, 2])') == ['subplots', 'plot']
    assert plot_calls('plot_graph(rec)') == ['plot_graph']
    assert plot_calls("plot_graph(rec, Path(d) / 'graph.png')") == []        # drawn into a file
    assert plot_calls("def f():\n    plt.plot([1])") == []                   # defined, not run
    assert plot_calls('x = 1') == []
    png = result(**{'image/png': 'iVBOR', 'text/plain': '<Figure>'})
    assert has_figure([png]) and not has_figure([result(**{'text/plain': '<Axes: >'})])


def test_docs_exec():
    assert docs_exec("import tempfile\nwith tempfile.TemporaryDirectory() as d: run(d)")
    assert docs_exec("from x import y\nz = y(1)")
    for not_run in ("import os, tempfile", "#| export\nimport os\nX = 1", "x = 1", "import nbdev; nbdev.nbdev_export()"):
        assert not docs_exec(not_run), not_run


def test_docs_error():
    err = ("Traceback...\nNameError: name 'rec' is not defined\n\nThe above exception was the direct cause...\n"
           "Exception: Error in notebook: CaD-VAE in cell 56 :\ntest_eq(rec, 1)\n")
    assert docs_error(err) == "cell 56: NameError: name 'rec' is not defined"


def test_links():
    outputs = {'00_data.ipynb': 'data.html', 'results/01_table1.ipynb': 'results/table1.html'}
    assert link_target('results/01_table1.ipynb#in-short', 'index.html', outputs) == ('results/table1.html', 'in-short')
    assert link_target('../00_data.ipynb', 'results/table1.html', outputs) == ('data.html', '')
    assert link_target('https://cadvae-nb.github.io/cadvae_nb/data.html#split', 'x.html', outputs) == ('data.html', 'split')
    assert link_target('https://pytorch.org/docs', 'x.html', outputs) is None
    anchors = {'data.html': {'split'}, 'results/table1.html': None}
    assert link_problems(['00_data.ipynb#split', '00_data.ipynb#nope', '02_causal_layer.ipynb', 'results/01_table1.ipynb#x'],
                         'index.html', outputs, anchors) == ['00_data.ipynb#nope (no anchor #nope on data.html)',
                                                             '02_causal_layer.ipynb (no page 02_causal_layer.html)']


def test_cut_summary():
    md = lambda s: {'cell_type': 'markdown', 'source': s}
    assert cut_summary([md('# T\n\n> one line')]) == []
    assert cut_summary([md('# T\n\n> two\n> lines')]) == ['2 summary lines: only the first reaches the page']
    assert cut_summary([md('# T\n\n> one\n\nMore text.')]) == ['text after the summary is dropped: More text.']
    assert cut_summary([md('Some text'), md('no title')]) == []


def test_notebook_problems(tmp_path):
    cells = [code('#| echo: false\nplt.plot([1, 2])', result(**{'text/plain': '[<Line2D>]'})),
             code('#| output: false\nplt.plot([1, 2])'),
             code('print(df)', stream("   a  b\n0  1  2\n1  3  4\n")),
             code('df', result(**{'text/html': '<table>', 'text/plain': '   a  b\n0  1  2\n1  3  4\n'})),
             code('#| include: false\n' + 'x' * 200),
             code('f(' + 'a, ' * 40 + ')'),
             code('#| echo: false\n#| output: asis\nshow_doc(Split.parts)'), code('show_doc(Split.parts)')]
    found = notebook_problems(cells, [code('import os\nos.listdir()'), code('import os')])
    assert [len(found[k]) for k in ('text_tables', 'long_code', 'no_figure', 'docs_exec')] == [1, 1, 1, 1]
    assert found['no_figure'] == ['plot in: plt.plot([1, 2])']
    assert found['duplicate_docs'] == ['Split.parts (2 times)']      # nbdev's own show_doc beside an explicit one
    nb = tmp_path / 'results' / '01_table1.ipynb'; nb.parent.mkdir()
    nb.write_text(json.dumps({'cells': [{'cell_type': 'raw', 'source': '---\ntitle: T\noutput-file: table1.html\n---'}]}))
    assert page_file(nb, tmp_path) == 'results/table1.html'
