#pragma once
// Mean-field equations of the essay model's well-mixed limit, by class of agent, integrated
// with Eigen vectors and classical Runge-Kutta (RK4).
//
// Setting. Invitations go to a uniform agent of the whole population; no network term
// (w_net = 0), no labour market (all three rates 0), no prospecting, no clubs, no hostile
// firms, no loyalty cost: every term of U then depends on the agent's role only, except the
// salespeople's opportunity, which depends on the member share x = M/N (a function of the
// state). Roles are fixed in time.
//
// Classes. Media awareness depends on the occupation (media factor f_o), utility on the role,
// so the classes are c = (occupation o, employed or not): the employed of occupation o have
// role o; the unemployed of every occupation are job seekers. n_c is the share of the
// population in class c.
//
// State, as shares of each class: U_c (unaware), A_c (aware, never joined), D_c (dormant),
// M_c (active members). With
//   x        = sum_c n_c M_c                                    member share
//   lambda   = sum_c inv[role c] n_c M_c                        invitations received, per agent
//                                                               per year (uniform targets)
//   a_c      = p f_o + lambda                                   awareness hazard of the unaware
//   pi_r     = 1 / (1 + exp(-beta (U_r(x) - theta)))            P(join | evaluation)
//   delta_r  = [U_r < theta - leave_margin]                     members of r leave when they
//                                                               re-evaluate
// the rules of the model give
//   dU_c/dt = -a_c U_c
//   dA_c/dt =  a_c U_c (1 - pi) - (e + lambda) pi A_c
//   dD_c/dt =                   - (e + lambda) pi D_c + delta e M_c
//   dM_c/dt =  a_c U_c pi       + (e + lambda) pi (A_c + D_c) - delta e M_c
// because (1) awareness (media or invitation) is followed at once by an evaluation; (2) an aware
// or dormant non-member evaluates again when it re-evaluates (rate e) or when it is invited (rate
// lambda: an invitation to an aware or dormant agent triggers an evaluation); (3) an active member
// re-evaluates at rate e and goes dormant iff U < theta - margin; an invitation to a member
// does nothing. delta_r must be constant over the run for the ODE to be exact in the limit;
// the caller chooses parameters for which it is.
#include <Eigen/Dense>
#include <array>
#include <cmath>
#include <vector>

namespace essay_validation {

constexpr int kClasses = 6;  // occupation o employed: c = o; occupation o unemployed: c = 3 + o

struct MeanFieldParams {
  std::array<double, kClasses> share{};     // n_c, summing to 1
  double media_rate = 0;                    // p, per year
  std::array<double, 3> media_factor{};     // by occupation
  std::array<double, 4> invitation_rate{};  // by role, per year
  double evaluation_rate = 0;               // e, per year
  double beta = 1, theta = 0, leave_margin = 0;
  std::array<double, 4> base_utility{};  // U_r without the salespeople's opportunity
  double prospect_weight = 0;            // w_opp x prospect_value (salespeople)
};

inline int role_of_class(int c) { return c < 3 ? c : 3; }
inline int occupation_of_class(int c) { return c % 3; }

constexpr int kU = 0, kA = 1, kD = 2, kM = 3;                   // offsets in a class's block of 4
using MeanFieldState = Eigen::Matrix<double, 4 * kClasses, 1>;  // (U, A, D, M) for each c

inline double utility_of_role(const MeanFieldParams& p, int role, double member_share) {
  double u = p.base_utility[role];
  if (role == 1) u += p.prospect_weight * std::log1p(100.0 * member_share);
  return u;
}

inline MeanFieldState mean_field_rhs(const MeanFieldParams& p, const MeanFieldState& y) {
  double x = 0, lambda = 0;
  for (int c = 0; c < kClasses; ++c) {
    x += p.share[c] * y[4 * c + kM];
    lambda += p.invitation_rate[role_of_class(c)] * p.share[c] * y[4 * c + kM];
  }
  MeanFieldState dy;
  for (int c = 0; c < kClasses; ++c) {
    const int r = role_of_class(c);
    const double u = utility_of_role(p, r, x);
    const double pi = 1.0 / (1.0 + std::exp(-p.beta * (u - p.theta)));
    const double delta = u < p.theta - p.leave_margin ? 1.0 : 0.0;
    const double aware = p.media_rate * p.media_factor[occupation_of_class(c)] + lambda;
    const double U = y[4 * c + kU], A = y[4 * c + kA], D = y[4 * c + kD], M = y[4 * c + kM];
    const double again = (p.evaluation_rate + lambda) * pi;  // per aware or dormant agent
    const double leave = delta * p.evaluation_rate * M;
    dy[4 * c + kU] = -aware * U;
    dy[4 * c + kA] = aware * U * (1 - pi) - again * A;
    dy[4 * c + kD] = -again * D + leave;
    dy[4 * c + kM] = aware * U * pi + again * (A + D) - leave;
  }
  return dy;
}

// Integrates from everybody unaware at t = 0 and returns the state at t = 1, 2, ..., years
// (index 0: t = 0). RK4 with h = 1e-3 year: the local error is O(h^5 |y^(5)|) and the rates
// here are at most ~10 per year, so the global error is ~ (10 h)^4 ~ 1e-8, far below the
// statistical tolerances of the comparison (~1e-3).
inline std::vector<MeanFieldState> solve_mean_field(const MeanFieldParams& p, int years) {
  MeanFieldState y = MeanFieldState::Zero();
  for (int c = 0; c < kClasses; ++c) y[4 * c + kU] = 1.0;
  std::vector<MeanFieldState> out{y};
  constexpr int kStepsPerYear = 1000;
  const double h = 1.0 / kStepsPerYear;
  for (int year = 1; year <= years; ++year) {
    for (int k = 0; k < kStepsPerYear; ++k) {
      const MeanFieldState k1 = mean_field_rhs(p, y);
      const MeanFieldState k2 = mean_field_rhs(p, y + h / 2 * k1);
      const MeanFieldState k3 = mean_field_rhs(p, y + h / 2 * k2);
      const MeanFieldState k4 = mean_field_rhs(p, y + h * k3);
      y += h / 6 * (k1 + 2 * k2 + 2 * k3 + k4);
    }
    out.push_back(y);
  }
  return out;
}

}  // namespace essay_validation
