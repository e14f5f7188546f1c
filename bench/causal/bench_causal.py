"""Using the causal representation, checked against the synthetic truth (the experiments are defined in notebook 09,
cadvae_nb.interventions: counterfactual_check, graph_recovery, TRUTH_PLANS):

    python bench/causal/bench_causal.py counterfactual [--tiny]   # do(director) recommendations against the counterfactual clicks
    python bench/causal/bench_causal.py graph [--tiny]            # learned concept graph: fixed penalty weight vs augmented Lagrangian

`counterfactual` trains (or reloads) CaD-VAE and the same model without the causal layer (causal=False, A = 0) on the
default synthetic data with `cadvae train`'s preset, and scores their recommendations under do(director = a target
director) and without against the synthetic counterfactual clicks; with the genre block's share of the explanations.
`graph` trains CaD-VAE with a learnable structure, acyclicity `fixed` and `lagrangian`, training seeds 0-2, and
records each learned graph against the truth (notebook 02 shows it).

Runs go to bench/out/ (a finished run is reloaded, not retrained). Results: bench/causal/causal_counterfactual.json and
bench/causal/causal_graph.json; with --tiny (a check that the script works: 400 users, 2 epochs, d = 8) they go to
bench/out/*_tiny.json instead, so that no toy number is committed as a result.
"""
import shlex, json, sys, time, argparse
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))   # bench/, for the scripts' shared _common.py
from _common import OUT, machine
from cadvae_nb.interventions import counterfactual_check, graph_recovery

HERE = Path(__file__).parent
RUNS = {'counterfactual': (counterfactual_check, 'causal_counterfactual'), 'graph': (graph_recovery, 'causal_graph')}

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('what', choices=list(RUNS))
    ap.add_argument('--tiny', action='store_true', help='a check that the script works, written to bench/out/')
    a = ap.parse_args()
    run, name = RUNS[a.what]
    tiny = a.tiny
    rec = run(OUT, 'tiny' if tiny else 'full', log=lambda *a: print(*a, flush=True))
    path = (OUT / f'{name}_tiny.json') if tiny else (HERE / f'{name}.json')
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps({'machine': machine(), 'when': time.strftime('%Y-%m-%d'),
                                'command': shlex.join(['python'] + sys.argv), **rec}, indent=1))
    print('wrote', path)
