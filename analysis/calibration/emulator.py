"""Gaussian-process emulator of a stochastic simulator: one GP per output, on unit inputs.

Why this shape (Andrianakis et al. 2015, PLoS Comput Biol 11:e1003968; Vernon et al. 2010):
- A stochastic simulator answers differently at every seed. Runs repeated at one point
  (replicates) measure that noise directly, so each GP is fitted to the per-point means with a
  known nugget per point: the replicate variance pooled over all points, over the number of
  replicates at that point. Without any replicates the noise is estimated with the kernel,
  by a WhiteKernel.
- The outputs trend strongly across the box. An ordinary least squares linear mean takes the
  trend and leaves the GP (constant * ARD RBF) a smaller, smoother residual; far from the
  design the emulator falls back to the trend rather than to a constant.
- Inputs are on the priors' unit scale, so one set of length-scale bounds fits every problem.
- `predict` gives the emulator's own (latent) variance, the uncertainty about the mean output.
  It is the variance of the predictor actually used, OLS trend plus GP on the residuals: the
  GP's variance plus r(u)' Var(beta_OLS) r(u), r(u) = h(u) - H' K^-1 k(u), the error of the
  estimated trend where the GP cannot correct it. The GP's variance alone takes the trend as
  known and is too small away from the design.
  The simulator's single-run variance is kept apart, as `noise_var`, because history matching
  and the likelihood add it as a separate term.
Residuals are standardized here rather than by normalize_y, because scikit-learn adds `alpha`
after its own normalization: the nugget must be on the scale of what the GP actually sees.
"""

import warnings
from dataclasses import dataclass

import numpy as np
from scipy.linalg import cho_solve, solve_triangular
from sklearn.exceptions import ConvergenceWarning
from sklearn.gaussian_process import GaussianProcessRegressor
from sklearn.gaussian_process.kernels import RBF, ConstantKernel, WhiteKernel

LENGTH_SCALE_BOUNDS = (1e-2, 1e2)   # on unit inputs: from sub-percent wiggles to "irrelevant"
AMPLITUDE_BOUNDS = (1e-4, 1e2)      # on standardized residuals
NOISE_BOUNDS = (1e-8, 1e1)          # WhiteKernel, on standardized residuals
JITTER = 1e-10                      # least nugget, for outputs that replicate exactly


@dataclass
class Replicates:
    """One output's finite runs grouped by design point."""
    points: np.ndarray       # (p, k) distinct inputs
    mean: np.ndarray         # (p,) mean output at each point
    count: np.ndarray        # (p,) runs at each point
    pooled_var: float        # single-run variance pooled over points; nan without replicates


@dataclass
class _OutputFit:
    coef: np.ndarray         # linear mean: intercept, then one slope per input
    scale: float             # sd of the OLS residuals the GP was fitted to
    gp: GaussianProcessRegressor
    noise_var: float         # single-run simulator variance
    white: bool              # whether the noise was estimated by a WhiteKernel
    trend_cov: np.ndarray    # (q, q) covariance of the OLS coefficients, standardized
    kinv_h: np.ndarray       # (p, q) K^-1 H, K the GP covariance of the point means


def group_replicates(U, y):
    """Groups the finite values of one output y (n,) by identical rows of U (n, k)."""
    keep = np.isfinite(y)
    points, index = np.unique(U[keep], axis=0, return_inverse=True)
    index = index.ravel()
    count = np.bincount(index)
    mean = np.bincount(index, weights=y[keep]) / count
    dof = np.sum(count - 1)
    squares = np.sum((y[keep] - mean[index]) ** 2)
    return Replicates(points, mean, count, squares / dof if dof > 0 else np.nan)


def _design_matrix(U):
    return np.column_stack([np.ones(len(U)), U])


def _kernel(k, white):
    kernel = ConstantKernel(1.0, AMPLITUDE_BOUNDS) * RBF(np.full(k, 0.3), LENGTH_SCALE_BOUNDS)
    return kernel + WhiteKernel(0.1, NOISE_BOUNDS) if white else kernel


def _nugget(reps, scale):
    """Per-point variance of the standardized means; None when a WhiteKernel must find it."""
    if np.isnan(reps.pooled_var):
        return None
    return np.maximum(reps.pooled_var / reps.count / scale**2, JITTER)


def _fit_gp(points, residual, nugget, seed, restarts):
    """A GP on standardized residuals; bounds reached are answers (e.g. an idle input)."""
    white = nugget is None
    gp = GaussianProcessRegressor(_kernel(points.shape[1], white),
                                  alpha=JITTER if white else nugget,
                                  n_restarts_optimizer=restarts, random_state=seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        return gp.fit(points, residual)


def _fit_output(U, y, seed, restarts, column):
    reps = group_replicates(U, y)
    if len(reps.mean) < U.shape[1] + 2:
        raise ValueError(f"output {column}: {len(reps.mean)} points with a finite value, "
                         f"need at least {U.shape[1] + 2} for a linear mean and a GP")
    H = _design_matrix(reps.points)
    ols = np.linalg.pinv(H)
    coef = ols @ reps.mean
    scale = float(np.std(reps.mean - H @ coef)) or 1.0
    nugget = _nugget(reps, scale)
    gp = _fit_gp(reps.points, (reps.mean - H @ coef) / scale, nugget, seed, restarts)
    white = nugget is None
    noise = gp.kernel_.k2.noise_level * scale**2 if white else reps.pooled_var
    trend_cov = ols @ gp.L_ @ gp.L_.T @ ols.T          # Var(P ybar) = P K P'
    kinv_h = cho_solve((gp.L_, True), H)
    return _OutputFit(coef, scale, gp, float(noise), white, trend_cov, kinv_h)


def _latent_kernel(fit):
    """The fitted kernel without its WhiteKernel: the covariance of the mean output."""
    return fit.gp.kernel_.k1 if fit.white else fit.gp.kernel_


def _parts(fit, U):
    """Mean, GP solve V = L^-1 k(u) (p, N), and trend residual r(u) (N, q) at the rows of U."""
    cross = _latent_kernel(fit)(U, fit.gp.X_train_)
    h = _design_matrix(U)
    V = solve_triangular(fit.gp.L_, cross.T, lower=True, check_finite=False)
    mean = h @ fit.coef + fit.scale * (cross @ fit.gp.alpha_)
    return mean, V, h - cross @ fit.kinv_h


def _predict_output(fit, U):
    """Mean and latent variance of one output: k(u, u) - |V|^2 + r' Var(beta) r."""
    mean, V, r = _parts(fit, U)
    var = (_latent_kernel(fit).diag(U) - np.sum(V * V, axis=0)
           + np.sum((r @ fit.trend_cov) * r, axis=1))
    return mean, fit.scale**2 * np.maximum(var, 0.0)


def _covariance_output(fit, U):
    """Mean and latent covariance (N, N) of one output at the rows of U."""
    mean, V, r = _parts(fit, U)
    cov = _latent_kernel(fit)(U) - V.T @ V + r @ fit.trend_cov @ r.T
    return mean, fit.scale**2 * cov


def _checked(U, Y):
    U = np.atleast_2d(np.asarray(U, dtype=float))
    Y = np.asarray(Y, dtype=float)
    Y = Y[:, None] if Y.ndim == 1 else Y
    if len(U) != len(Y):
        raise ValueError(f"inputs have {len(U)} rows but outputs have {len(Y)}")
    if not np.all(np.isfinite(U)):
        raise ValueError("inputs contain a value that is not finite")
    return U, Y


def point_means(index, Y, n_points):
    """Per-point mean (nan where none) and count of the finite values of each output column."""
    finite = np.isfinite(Y)
    count = np.stack([np.bincount(index[f], minlength=n_points) for f in finite.T], axis=1)
    total = np.stack([np.bincount(index[f], weights=y[f], minlength=n_points)
                      for y, f in zip(Y.T, finite.T)], axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return total / count, count


class Emulator:
    """GP emulators of every output column of Y (n, m), fitted on unit-scale inputs U (n, k).

    Rows of U that repeat are replicates (one point, several simulator seeds). A nan in Y
    drops that row from that output's GP only.
    """

    def __init__(self, U, Y, seed=0, restarts=2):
        U, Y = _checked(U, Y)
        self._fits = [_fit_output(U, Y[:, j], seed, restarts, j) for j in range(Y.shape[1])]
        self.noise_var = np.array([fit.noise_var for fit in self._fits])

    def predict(self, U):
        """Emulator mean and latent variance at U (N, k): two (N, m) arrays."""
        U = np.atleast_2d(np.asarray(U, dtype=float))
        parts = [_predict_output(fit, U) for fit in self._fits]
        return np.column_stack([p[0] for p in parts]), np.column_stack([p[1] for p in parts])

    def predict_cov(self, U):
        """Emulator mean (N, m) and latent covariance between the points (m, N, N)."""
        U = np.atleast_2d(np.asarray(U, dtype=float))
        parts = [_covariance_output(fit, U) for fit in self._fits]
        return np.column_stack([p[0] for p in parts]), np.stack([p[1] for p in parts])

    def standardized_errors(self, U_test, Y_test):
        """(Y - mean) / sqrt(var + noise_var) for single runs Y_test (N, m): about N(0, 1)."""
        mean, var = self.predict(U_test)
        return (_checked(U_test, Y_test)[1] - mean) / np.sqrt(var + self.noise_var)

    @classmethod
    def cross_validate(cls, U, Y, folds=5, seed=0, restarts=2):
        """Standardized errors of each design point's mean when its fold is held out.

        Folds are of points, so a point's replicates are never split between fitting and
        testing. Returns (p, m) for the p distinct points in np.unique order: the error of the
        mean of a point's r runs, (ybar - mean) / sqrt(var + noise_var / r), each about N(0, 1)
        when the emulator is right (errors within a fold share the fold's emulator error).
        """
        U, Y = _checked(U, Y)
        points, index = np.unique(U, axis=0, return_inverse=True)
        index = index.ravel()
        means, counts = point_means(index, Y, len(points))
        fold_of = np.random.default_rng(seed).permutation(len(points)) % folds
        errors = np.full(means.shape, np.nan)
        for fold in range(folds):
            held = fold_of == fold
            emulator = cls(U[~held[index]], Y[~held[index]], seed, restarts)
            mean, var = emulator.predict(points[held])
            noise = emulator.noise_var / np.maximum(counts[held], 1)   # no runs: nan mean
            errors[held] = (means[held] - mean) / np.sqrt(var + noise)
        return errors
