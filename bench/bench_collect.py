"""The presets shipped in the package: `python bench/bench_collect.py` -> cadvae_nb/presets.json.

From every study recorded here (`studies/*/best.json`), and, for the models without a study, from the protocol of
their benchmark (the batch size, epoch cap, patience and, for DGCF, the learning rate its benchmark chose on
validation), read from the benchmark's JSON file: `dgcf_quality.json`, `sem_macridvae_quality.json` and
`macridvae_quality.json`. A study's winner replaces a protocol preset of the same model and dataset. Only the
folders named DATASET-MODEL are a model's study; `DATASET-MODEL-NAME` holds a variant (`bench_tune.py --variant`),
promoted by moving it to DATASET-MODEL (the study it replaces moves to a variant's name).
"""
import json
from pathlib import Path
from cadvae_nb.tune import collect_presets

HERE = Path(__file__).parent


def protocols() -> dict:
    "Protocol presets (table1 setting) from the benchmarks of the models that keep their own protocol."
    out = {}
    for model, f in [('dgcf', 'dgcf_quality.json'), ('sem-macridvae', 'sem_macridvae_quality.json'), ('macridvae', 'macridvae_quality.json')]:
        if not (HERE / f).exists(): continue
        rec = json.loads((HERE / f).read_text())
        for r in rec['runs']:
            if r['model'] != model or r['seed'] != 0: continue
            cfg = r['config']
            params = {'lr': cfg.get('lr', 1e-3), 'batch_size': cfg['batch_size']}
            how = 'learning rate chosen on validation' if 'validation_ndcg@100_by_lr' in cfg else "the authors' defaults"
            out[f"{model}/{r['dataset']}/table1"] = {
                'params': params, 'epochs': cfg['epochs'], 'patience': cfg['patience'],
                'protocol': f"protocol of bench/{f}: {how}, batch {cfg['batch_size']}, <= {cfg['epochs']} epochs, patience {cfg['patience']}"}
    return out


def model_studies() -> list:
    "The best.json of every model's study: the folders named after their dataset and model, not the variants'."
    files = sorted((HERE / 'studies').glob('*/best.json'))
    return [f for f in files if f.parent.name == '{dataset}-{model}'.format(**json.loads(f.read_text()))]


if __name__ == '__main__':
    presets = collect_presets(model_studies(), HERE.parent / 'cadvae_nb' / 'presets.json', protocols())
    print('presets:', ', '.join(f"{k} ({'tuned' if 'study' in v else 'protocol'})" for k, v in presets.items()))
