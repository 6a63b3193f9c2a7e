#include "netadopt/run/replication.hpp"

#include "netadopt/catalog/catalog.hpp"
#include "recording_observer.hpp"

namespace netadopt::run {

core::RunWindow run_window(const scenario::Scenario& s) {
  const int days = s.date("run.end").days - s.date("run.start").days;
  return core::RunWindow{static_cast<double>(days), s.real("output.interval_days")};
}

std::vector<VariableSpec> output_specs(const scenario::Scenario& s) {
  return models::output_layout(s);
}

ReplicationOutput run_replication(const scenario::Scenario& s, std::uint64_t replication) {
  const auto model = models::make_model(s, replication);
  const core::RunWindow window = run_window(s);
  const auto specs = output_specs(s);
  models::Recorder recorder(specs, window.report_count());
  RecordingObserver observer(*model, recorder);
  core::Simulator sim;
  model->start(sim);
  sim.run(*model, observer, window);
  ReplicationOutput out{{}, sim.events_processed(), sim.fingerprint()};
  for (std::size_t v = 0; v < specs.size(); ++v) {
    const auto series = recorder.series(v);
    out.series.emplace_back(series.begin(), series.end());
  }
  return out;
}

}  // namespace netadopt::run
