"""Using the causal representation, checked against the synthetic truth (the experiments are defined in notebook 09,
cadvae_nb.interventions: counterfactual_check, graph_recovery, TRUTH_PLANS):

    python bench/bench_causal.py counterfactual [--tiny]   # do(director) recommendations against the counterfactual clicks
    python bench/bench_causal.py graph [--tiny]            # learned concept graph: fixed penalty weight vs augmented Lagrangian

`counterfactual` trains (or reloads) CaD-VAE and the same model without the causal layer (causal=False, A = 0) on the
default synthetic data with `cadvae train`'s preset, and scores their recommendations under do(director = a target
director) and without against the synthetic counterfactual clicks; with the genre block's share of the explanations.
`graph` trains CaD-VAE with a learnable structure, acyclicity `fixed` and `lagrangian`, training seeds 0-2, and
records each learned graph against the truth (notebook 02 shows it).

Runs go to bench/out/ (a finished run is reloaded, not retrained). Results: bench/causal_counterfactual.json and
bench/causal_graph.json; with --tiny (a check that the script works: 400 users, 2 epochs, d = 8) they go to
bench/out/*_tiny.json instead, so that no toy number is committed as a result.
"""
import shlex, json, sys, time
from pathlib import Path
from cadvae_nb.interventions import counterfactual_check, graph_recovery
from _common import machine  # bench/ is on sys.path when a script here runs

HERE, OUT = Path(__file__).parent, Path(__file__).parent / 'out'
RUNS = {'counterfactual': (counterfactual_check, 'causal_counterfactual'), 'graph': (graph_recovery, 'causal_graph')}

if __name__ == '__main__':
    cmd, *args = sys.argv[1:]
    run, name = RUNS[cmd]
    tiny = '--tiny' in args
    rec = run(OUT, 'tiny' if tiny else 'full', log=lambda *a: print(*a, flush=True))
    path = (OUT / f'{name}_tiny.json') if tiny else (HERE / f'{name}.json')
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps({'machine': machine(), 'when': time.strftime('%Y-%m-%d'),
                                'command': shlex.join(['python'] + sys.argv), **rec}, indent=1))
    print('wrote', path)
