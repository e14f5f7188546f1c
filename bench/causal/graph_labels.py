"""Why the learned concept graph misses the synthetic truth: what the concept labels that supervise A say about it.

    python bench/causal/graph_labels.py

L_asup (Eq. 14) fits A to the concept labels c of the training users (notebook 05's `ConceptLabels`), so A can find
the generator's graph (director -> genre -> actor; year alone) only if the labels carry its independences. For each
label form, on the default synthetic split, this records the labels' correlations and partial correlations (each pair
given the other two concepts) and, in the true causal order, the least-squares regression of each concept's label on
the labels before it (what an A restricted to that order would fit); and the same for the generator's own per-user
focus on each concept (the variables its graph is drawn on: every user, not only the training ones), and for the
shares of that focus (focus_k / sum of the four: each concept's expected share of a user's clicks, the most any label
computed from clicks can estimate; the shares sum to 1, so they have no partial correlations, only the
correlations and the ordered regressions). Result: bench/causal/graph_labels.json.
"""
import shlex, json, sys, time
from pathlib import Path
import numpy as np
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))   # bench/, for the scripts' shared _common.py
from _common import machine
from causal.truth import synthetic_split
from cadvae_nb.cadvae import ConceptLabels
from cadvae_nb.blocks import Batch

HERE = Path(__file__).parent


def partial_correlations(c: np.ndarray) -> np.ndarray:
    "Each pair's correlation given all other columns, from the inverse correlation matrix."
    P = np.linalg.inv(np.corrcoef(c.T))
    d = np.sqrt(np.diag(P))
    return -P / np.outer(d, d) + 2 * np.eye(len(P))


def ordered_regressions(c: np.ndarray) -> np.ndarray:
    "B[i, j]: the coefficient of concept i's label in the regression of concept j's label on the labels before it."
    k, z = c.shape[1], (c - c.mean(0)) / c.std(0)
    B = np.zeros((k, k))
    for j in range(1, k): B[:j, j] = np.linalg.lstsq(z[:, :j], z[:, j], rcond=None)[0]
    return B


if __name__ == '__main__':
    split = synthetic_split()
    rec = {'machine': machine(), 'when': time.strftime('%Y-%m-%d'), 'command': shlex.join(['python'] + sys.argv),
           'concepts': split.stats['concepts'], 'truth': np.asarray(split.truth['graph']).tolist(),
           'users': split.train.shape[0], 'labels': {}}
    focus = np.array(list(split.truth['user_focus'].values()), dtype=np.float64)
    clicks = np.asarray(split.train.sum(1), dtype=np.float64).ravel()
    sources = {'focus (truth)': focus, 'focus shares (truth)': focus / focus.sum(1, keepdims=True),
               **{form: ConceptLabels(split, form)(Batch.from_csr(split.train)).numpy().astype(np.float64)
                  for form in ('concentration', 'majority')}}
    for form, c in sources.items():
        rec['labels'][form] = {'rows': len(c), 'clicks_correlation': [round(float(np.corrcoef(c[:, j], clicks)[0, 1]), 4)
                                                                        for j in range(c.shape[1])] if len(c) == len(clicks) else None,
                               'correlation': np.corrcoef(c.T).round(4).tolist(),
                               'partial_correlation': None if 'shares' in form else partial_correlations(c).round(4).tolist(),
                               'ordered_regression': ordered_regressions(c).round(4).tolist()}
    path = HERE / 'graph_labels.json'
    path.write_text(json.dumps(rec, indent=1))
    print(json.dumps(rec['labels'], indent=None)[:1500]); print('wrote', path)
