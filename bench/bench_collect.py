"""The presets shipped in the package: `python bench/bench_collect.py` -> cadvae_nb/presets.json.

From every study recorded here (`studies/*/best.json`), and, for the models without a study, from the protocol of
their benchmark (the batch size, epoch cap, patience and, for DGCF, the learning rate its benchmark chose on
validation), read from the benchmark's JSON file: `dgcf_quality.json`, `sem_macridvae_quality.json` and
`macridvae_quality.json`. A study's winner replaces a protocol preset of the same model and dataset. Only the
folders named DATASET-MODEL are a model's study; `DATASET-MODEL-NAME` holds a variant (`bench_tune.py --variant`),
promoted by moving it to DATASET-MODEL (the study it replaces moves to a variant's name).
"""
from pathlib import Path
from cadvae_nb.tune import collect_presets
from _common import protocols, model_studies  # bench/ is on sys.path when a script here runs

HERE = Path(__file__).parent


if __name__ == '__main__':
    presets = collect_presets(model_studies(), HERE.parent / 'cadvae_nb' / 'presets.json', protocols())
    print('presets:', ', '.join(f"{k} ({'tuned' if 'study' in v else 'protocol'})" for k, v in presets.items()))
