"""Does the synthetic generator's do() identify the concept order that CaD-VAE's `order` option assumes?

    python bench/causal/graph_interventions.py [--seeds 0 1 2 3 4] [--tiny]

The observational concept labels cannot orient the graph (graph_labels.py); interventions can. For each generator
seed s (the synthetic data of `make_synthetic(seed=s)`, split as `prepare` splits it) and each concept k, the
training users' clicks are regenerated with do(k = a value drawn uniformly for each user) (notebook 09's
`counterfactual_clicks`: the same users, catalogue and random draws), and each concept's label (`concentration`,
the model's default, notebook 04) is compared with the same users' factual label: the mean shift in units of the
factual label's standard deviation, and a paired t-test. Rule, fixed before the run: k is an ancestor of j when the
shift of j's label under do(k) is at least 0.1 standard deviations and significant at p < 0.01 / 12 (Bonferroni
over the 12 ordered pairs). The graph read off is the transitive reduction of that ancestor relation (an edge
k -> j unless some m has k -> m -> j) when the relation has no cycle, else the relation itself; it is scored by SHD
against the generator's graph. No model is trained.
Result: bench/causal/graph_interventions.json (bench/out/graph_interventions_tiny.json with --tiny: 400 users).
"""
import shlex, json, sys, time, argparse
from pathlib import Path
import numpy as np, torch
from scipy import stats
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))   # bench/, for the scripts' shared _common.py
from _common import OUT, machine
from causal.truth import TINY
from cadvae_nb.data import make_synthetic, binarize, split_users, attach_concepts
from cadvae_nb.blocks import Batch
from cadvae_nb.causal import shd, partial_order, acyclicity
from cadvae_nb.losses import ConceptLabels
from cadvae_nb.interventions import counterfactual_clicks, concept_values

HERE = Path(__file__).parent
MIN_SHIFT, ALPHA = 0.1, 0.01


def synthetic_split_of(seed, tiny=False):
    "The synthetic data of generator seed `seed`, binarized and split as `prepare('synthetic')` does."
    raw = make_synthetic(seed=seed, **(TINY['syn'] if tiny else {}))
    clicks, _ = binarize(raw.ratings, name='synthetic')
    s = split_users(clicks, heldout=0.1, name='synthetic')
    attach_concepts(s, raw.concepts)
    s.truth = raw.truth
    return s


def label_shifts(split, seed) -> dict:
    "Per intervened concept: each concept label's mean shift (in factual standard deviations) and paired-test p value."
    labels = ConceptLabels(split, 'concentration')
    factual = labels(Batch.from_csr(split.train)).numpy().astype(np.float64)
    rng, out = np.random.default_rng(seed), {}
    for concept in split.stats['concepts']:
        _, names = concept_values(split, concept)
        values = list(rng.choice(names, size=split.train.shape[0]))
        do = labels(Batch.from_csr(counterfactual_clicks(split, concept, values, part='train'))).numpy().astype(np.float64)
        diff = do - factual
        out[concept] = {'shift_sd': (diff.mean(0) / factual.std(0)).round(4).tolist(),
                        'p': [float(stats.ttest_rel(do[:, j], factual[:, j]).pvalue) for j in range(diff.shape[1])]}
    return out


def read_graph(shifts, concepts) -> tuple[np.ndarray, np.ndarray]:
    "(ancestor relation, the graph read off: its transitive reduction, or itself when it has a cycle) from the label shifts, by the rule above."
    k = len(concepts)
    anc = np.zeros((k, k), int)
    for i, c in enumerate(concepts):
        for j in range(k):
            if j != i and abs(shifts[c]['shift_sd'][j]) >= MIN_SHIFT and shifts[c]['p'][j] < ALPHA / (k * (k - 1)): anc[i, j] = 1
    return anc, anc if has_cycle(anc) else anc * ((anc @ anc) == 0)


def has_cycle(G) -> bool:
    "Whether the binary graph G has a directed cycle: NOTEARS' h(G) > 0 (notebook 02; a 2-cycle alone gives about 1)."
    return float(acyclicity(torch.as_tensor(G, dtype=torch.float64))) > 1e-6


if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--seeds', type=int, nargs='+', default=[0, 1, 2, 3, 4])
    ap.add_argument('--tiny', action='store_true', help='a check that the script works, written to bench/out/')
    a = ap.parse_args()
    runs = []
    for seed in a.seeds[:1] if a.tiny else a.seeds:
        split = synthetic_split_of(seed, a.tiny)
        concepts, truth = split.stats['concepts'], np.asarray(split.truth['graph'])
        shifts = label_shifts(split, seed)
        anc, graph = read_graph(shifts, concepts)
        runs.append({'seed': seed, 'users': split.train.shape[0], 'shifts': shifts, 'ancestors': anc.tolist(),
                     'cyclic': has_cycle(anc),
                     'order_found': bool((anc == partial_order(truth).numpy()).all()), 'graph': graph.tolist(),
                     'shd': shd(graph, truth)})
        print('seed', seed, 'ancestors', anc.tolist(), 'SHD', runs[-1]['shd'], flush=True)
    path = (OUT / 'graph_interventions_tiny.json') if a.tiny else (HERE / 'graph_interventions.json')
    path.write_text(json.dumps({'machine': machine(), 'when': time.strftime('%Y-%m-%d'), 'command': shlex.join(['python'] + sys.argv),
                                'concepts': concepts, 'truth': truth.tolist(), 'min_shift': MIN_SHIFT, 'alpha': ALPHA,
                                'runs': runs}, indent=1))
    print('wrote', path)
