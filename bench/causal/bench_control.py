"""Control against re-ranking: how far do(concept = value) moves a user's top 10 toward the value, at what NDCG@100
cost, beside the re-ranking baseline (cadvae_nb.control, notebook 09a):

    python bench/causal/bench_control.py ml-100k --seeds 0 1 2 3 4 [--concept genre] [--model macridvae] [--grid] [--tiny]

For each seed it trains the model (CaD-VAE; MacridVAE with --model macridvae; the lab variant of causal/aligned.py,
whose blocks reach the items through their concept values, with --model cadvae-aligned) with the shipped preset (`cadvae
train`'s defaults: the tuned table1 preset of the dataset, the model's defaults where there is none) into
bench/out/control/DATASET/MODEL/seedN (a finished run is reloaded, not retrained), then measures `control_curve`
(MacridVAE: `prototype_curve`, its prototype edit) on the test users for the concept's five commonest values. Results are appended a seed at a time to
bench/causal/control_DATASET.json (a stopped script resumes); with --tiny (400 users, 2 epochs) to bench/out/ instead.
With --grid it measures both edits at once instead, the intervention at every strength with re-ranking at every boost
on top (`control_grid`), into bench/causal/control_grid_DATASET.json.
"""
import shlex, json, sys, time, argparse
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))   # bench/, for the scripts' shared _common.py
from _common import OUT, machine
from causal.truth import preset_run, TINY, PRESET_OF
from causal import aligned   # importing it registers the lab variant cadvae-aligned
from cadvae_nb.datasets import prepare
from cadvae_nb.tune import preset_config
from cadvae_nb.control import control_curve, control_grid, grid_front, prototype_curve

HERE = Path(__file__).parent


def seed_run(split, seed, tiny, log, model='cadvae'):
    "The trained run of `seed` (trained now unless a finished run with the same options is there), its model and preset line."
    run = OUT / 'control' / split.name / model / f"seed{seed}{'-tiny' if tiny else ''}"   # a toy run never takes a real one's place
    metrics, net = preset_run(split, run, seed, tiny, log, model)
    return net, preset_config(PRESET_OF.get(model, model), split, 'table1')[1], metrics


if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('dataset')
    ap.add_argument('--seeds', type=int, nargs='+', default=[0, 1, 2, 3, 4])
    ap.add_argument('--concept', default='genre')
    ap.add_argument('--model', default='cadvae', choices=['cadvae', 'macridvae', 'cadvae-aligned'],
                    help=f"cadvae-aligned: {aligned.__doc__.splitlines()[0]}")
    ap.add_argument('--grid', action='store_true', help='both edits at once (control_grid) into control_grid_DATASET.json')
    ap.add_argument('--tiny', action='store_true', help='a check that the script works, written to bench/out/')
    a = ap.parse_args()
    if a.grid and a.model == 'macridvae': ap.error('--grid measures do() with re-ranking on top: CaD-VAE only')
    syn = TINY['syn'] if a.tiny else {}
    split = prepare(a.dataset, download=False, progress=False, **syn)
    name = f"control{'_grid' if a.grid else ''}_{a.dataset}"
    path = (OUT / f'{name}_tiny.json') if a.tiny else (HERE / f'{name}.json')
    path.parent.mkdir(exist_ok=True)
    rec = json.loads(path.read_text()) if path.exists() else {
        'machine': machine(), 'when': time.strftime('%Y-%m-%d'), 'command': shlex.join(['python'] + sys.argv),
        'dataset': a.dataset, 'concept': a.concept, 'k': 10, 'part': 'test', 'runs': []}
    done = {r['seed'] for r in rec['runs'] if r['concept'] == a.concept and r.get('model', 'cadvae') == a.model}
    measure = control_grid if a.grid else prototype_curve if a.model == 'macridvae' else control_curve
    for seed in a.seeds:
        if seed in done: continue
        model, said, metrics = seed_run(split, seed, a.tiny, print, a.model)
        curve = measure(model, split, a.concept)
        rec['runs'].append({'seed': seed, 'model': a.model, 'concept': a.concept, 'preset': said, 'when': time.strftime('%Y-%m-%d'),
                            'command': shlex.join(['python'] + sys.argv),
                            'test_ndcg@100': metrics['test']['ndcg@100'],
                            'grid' if a.grid else 'curve': curve.to_dict(orient='records')})
        path.write_text(json.dumps(rec, indent=1))
        if a.grid: print(f"{a.dataset} seed {seed}: front\n{grid_front(curve).round(4).to_string(index=False)}", flush=True)
        else:
            best = curve.groupby('method').share.max()
            print(f"{a.dataset} {a.model} seed {seed}: top share " + ', '.join(f'{m} {v:.3f}' for m, v in best.items()), flush=True)
    print('wrote', path)
