"""What bench_ablate.py trains: the ablations of a tuned CaD-VAE, each a name and the model options it changes (an
experiment plan, kept in the lab beside the script that runs it). nbs/results/02_ablations.ipynb shows the results."""
from cadvae_nb.losses import ZSUP

__all__ = ['ABLATION_SEEDS', 'ablation_variants', 'decoder_variants', 'l2_variants']
ABLATION_SEEDS = (0, 1, 2)   # paired with the selected model's own seeds 0-2 (its study's final runs)


def ablation_variants(params: dict) -> dict:
    "Each ablation of a tuned CaD-VAE (its selected `params`): a name and the model options it changes."
    v = {'A = 0 (no causal layer)': {'causal': False},
         'without L_asup (gamma1 = 0)': {'gamma1': 0.0},
         'without L_zsup (gamma2 = 0)': {'gamma2': 0.0},
         # every other form of L_zsup; a study that did not fix zsup searched none and used 'parents'
         **{f'L_zsup {z}': {'zsup': z} for z in ZSUP if z != params.get('zsup', 'parents')},
         'objective paper, kl_eps_weight = 1 (Eq. 13)': {'objective': 'paper', 'kl_eps_weight': 1.0},
         'learnable structure': {'learn_structure': True}}
    if params.get('objective') == 'paper': v['objective single'] = {'objective': 'single'}
    return v


def decoder_variants(params: dict, k: int, hidden: int = 100) -> dict:
    "The tuned CaD-VAE with Mult-DAE's one-layer decoder, d such that k d is about the hidden width (the same budget)."
    return {f'linear decoder, d = {hidden // k}': {'decoder': 'linear', 'd': hidden // k}}


def l2_variants(lam: float) -> dict:
    "The tuned CaD-VAE with Mult-DAE's L2 term on its weights, at the weight `lam` Mult-DAE's own study selected."
    return {f"L2 on weights, lam = {lam:.2g} (Mult-DAE's)": {'lam': lam}}
