"""What the benchmark scripts share: where the lab is (`BENCH`, this folder; `OUT`, its ignored run folder), the
package's `machine()` (notebook 06a), recorded with every result, and the bookkeeping of a results file that grows a
run at a time. The scripts live one folder down, one folder per question (bench/README.md); each puts bench/ on
sys.path before importing this module."""
import json
from pathlib import Path
from cadvae_nb.tune import machine

__all__ = ['BENCH', 'OUT', 'STUDIES', 'ARCHIVE', 'machine', 'defaults_quality', 'protocols', 'model_studies', 'study_dir']
BENCH = Path(__file__).parent
OUT = BENCH / 'out'                             # every run folder (ignored by git)
STUDIES = BENCH / 'table1' / 'studies'          # the current study of each (dataset, model): Table 1's and the presets'
ARCHIVE = BENCH / 'archive' / 'studies'         # the studies a promotion replaced (bench/table1/promotions.json)


def defaults_quality(model, path, command, protocol=None, seeds=(0, 1, 2)):
    "`model` at its published setting under the protocol (bench/baselines/protocols.py) on ML-100k and ML-1M, `seeds`; records appended to `path`."
    from cadvae_nb.datasets import prepare
    from baselines.protocols import VAE_PLAN, protocol_runs            # only the baselines' scripts need the protocol
    rec = json.loads(path.read_text()) if path.exists() else {'machine': machine(), 'command': command, 'runs': []}
    if protocol: rec.setdefault('protocol', protocol)
    done = {(r['dataset'], r['model'], r['setting'], r['seed']) for r in rec['runs']}
    for ds in VAE_PLAN:
        split = prepare(ds, download=False, progress=False)
        for res in protocol_runs(split, OUT, (model,), ('published',), seeds, done):
            rec['runs'].append(res); path.write_text(json.dumps(rec, indent=1))
            print(ds, model, res['seed'], round(res['test']['ndcg@100'], 4), f"{res['seconds_per_epoch']:.2f}s/epoch", flush=True)


def protocols() -> dict:
    "Protocol presets (table1 setting) from the benchmarks of the models that keep their own protocol."
    out = {}
    for model, f in [('dgcf', 'dgcf_quality.json'), ('sem-macridvae', 'sem_macridvae_quality.json'), ('macridvae', 'macridvae_quality.json')]:
        if not (BENCH / 'baselines' / f).exists(): continue
        rec = json.loads((BENCH / 'baselines' / f).read_text())
        for r in rec['runs']:
            if r['model'] != model or r['seed'] != 0: continue
            cfg = r['config']
            params = {'lr': cfg.get('lr', 1e-3), 'batch_size': cfg['batch_size']}
            how = 'learning rate chosen on validation' if 'validation_ndcg@100_by_lr' in cfg else "the authors' defaults"
            out[f"{model}/{r['dataset']}/table1"] = {
                'params': params, 'epochs': cfg['epochs'], 'patience': cfg['patience'],
                'protocol': f"protocol of bench/baselines/{f}: {how}, batch {cfg['batch_size']}, <= {cfg['epochs']} epochs, patience {cfg['patience']}"}
    return out


def model_studies() -> list:
    "The best.json of every model's study: the folders of bench/table1/studies named after their dataset and model, not a variant's still to be promoted."
    files = sorted(STUDIES.glob('*/best.json'))
    return [f for f in files if f.parent.name == '{dataset}-{model}'.format(**json.loads(f.read_text()))]


def study_dir(name: str) -> Path:
    "The folder of the study `name` (DATASET-MODEL[-VARIANT]): a current one, or else one a promotion replaced."
    return STUDIES / name if (STUDIES / name).exists() or not (ARCHIVE / name).exists() else ARCHIVE / name
