"""Calibration of a stochastic simulator: priors, emulators, history matching, posterior.

    import calibration.priors, calibration.emulator
    import calibration.history_matching, calibration.posterior

Everything past the priors works on the priors' unit box, [0, 1]^k (see priors.py).
"""
