#pragma once
// Analytic references for the Bass model, in years.
//
// Mean field. With x = A/N, the adopted share obeys dx/dt = f(x) = (1 - x)(p + q x), x(0) = 0,
// whose solution is F(t) = (1 - e^{-(p+q)t}) / (1 + (q/p) e^{-(p+q)t}).
//
// Fluctuations. A(t) is a birth process with jumps +1 at rate N f(A/N). By van Kampen's linear
// noise approximation (Kurtz's theorem), x(t) = phi(t) + N^{-1/2} xi(t) + O(1/N), with
// phi = F and xi Gaussian of variance S(t) solving
//     dS/dt = 2 f'(phi) S + f(phi),  S(0) = 0,   f'(x) = q - p - 2 q x,
// (the drift's linearisation plus the jump variance rate). The mean carries an O(1/N) bias
// m(t)/N with dm/dt = f'(phi) m + f''(phi) S / 2, f'' = -2q, m(0) = 0 (second-order expansion).
// For q = 0 adoptions are independent, A(t) ~ Binomial(N, F), and the equation gives exactly
// S = F (1 - F): the binomial variance, which the LNA generalises to imitation.
//
// So over R independent replications, the mean of x(t) has expectation F + m/N and standard
// error sqrt(S / (N R)). Both equations are integrated by classical Runge-Kutta with a step of
// 1e-3 years (error ~1e-12, far below any tolerance used).
#include <cmath>

namespace netadopt::testing {

inline double bass_F(double p, double q, double t) {
  const double e = std::exp(-(p + q) * t);
  return (1 - e) / (1 + (q / p) * e);
}

struct BassMoments {
  double phi, variance, bias;  // F, S (variance of sqrt(N) x), m (N times the mean's bias)
};

inline BassMoments bass_moments(double p, double q, double t_end) {
  auto f = [&](double x) { return (1 - x) * (p + q * x); };
  auto df = [&](double x) { return q - p - 2 * q * x; };
  auto rhs = [&](const BassMoments& y) {
    return BassMoments{f(y.phi), 2 * df(y.phi) * y.variance + f(y.phi),
                       df(y.phi) * y.bias - q * y.variance};
  };
  auto step = [](const BassMoments& y, const BassMoments& k, double h) {
    return BassMoments{y.phi + h * k.phi, y.variance + h * k.variance, y.bias + h * k.bias};
  };
  BassMoments y{0, 0, 0};
  const int n = static_cast<int>(std::ceil(t_end / 1e-3));
  const double h = t_end / n;
  for (int i = 0; i < n; ++i) {
    const auto k1 = rhs(y), k2 = rhs(step(y, k1, h / 2)), k3 = rhs(step(y, k2, h / 2)),
               k4 = rhs(step(y, k3, h));
    y = BassMoments{
        y.phi + h / 6 * (k1.phi + 2 * k2.phi + 2 * k3.phi + k4.phi),
        y.variance + h / 6 * (k1.variance + 2 * k2.variance + 2 * k3.variance + k4.variance),
        y.bias + h / 6 * (k1.bias + 2 * k2.bias + 2 * k3.bias + k4.bias)};
  }
  return y;
}

}  // namespace netadopt::testing
