"""The presets shipped in the package, from the studies recorded here: `python bench/bench_collect.py` -> cadvae_nb/presets.json."""
from pathlib import Path
from cadvae_nb.tune import collect_presets

HERE = Path(__file__).parent

if __name__ == '__main__':
    presets = collect_presets(sorted((HERE / 'studies').glob('*/best.json')), HERE.parent / 'cadvae_nb' / 'presets.json')
    print('presets:', ', '.join(presets))
