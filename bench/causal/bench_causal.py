"""The learned concept graph against the synthetic truth (the runs and the comparison are in bench/causal/truth.py):

    python bench/causal/bench_causal.py graph [--seeds 0 1 2 3 4] [--tiny]   # fixed penalty, augmented Lagrangian, known order

`graph` trains CaD-VAE with `cadvae train`'s preset and a learnable structure: free with acyclicity `fixed` and
`lagrangian`, and held to the prior graph's order (`order`: the edges from a concept to its descendants), training
seeds 0-4 (`--seeds`), on the default synthetic data, and records each learned graph against the truth (notebook 02
derives the penalty, the order and the threshold). Runs go to bench/out/ (a finished run is reloaded, not retrained). Result:
bench/causal/causal_graph.json; with --tiny (a check that the script works: 400 users, 2 epochs, d = 8) it goes to
bench/out/causal_graph_tiny.json instead, so that no toy number is committed as a result. The interventions and
explanations against the synthetic truth are bench_counterfactual.py's.
"""
import shlex, json, sys, time, argparse
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))   # bench/, for the scripts' shared _common.py
from _common import OUT, machine
from causal.truth import graph_recovery

HERE = Path(__file__).parent

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('what', choices=['graph'])
    ap.add_argument('--seeds', type=int, nargs='+', default=[0, 1, 2, 3, 4])
    ap.add_argument('--tiny', action='store_true', help='a check that the script works, written to bench/out/')
    a = ap.parse_args()
    rec = graph_recovery(OUT, seeds=a.seeds[:1] if a.tiny else a.seeds, tiny=a.tiny, log=lambda *m: print(*m, flush=True))
    path = (OUT / 'causal_graph_tiny.json') if a.tiny else (HERE / 'causal_graph.json')
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps({'machine': machine(), 'when': time.strftime('%Y-%m-%d'),
                                'command': shlex.join(['python'] + sys.argv), **rec}, indent=1))
    print('wrote', path)
