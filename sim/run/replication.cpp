#include "netadopt/run/replication.hpp"

#include "netadopt/models/catalog.hpp"

namespace netadopt::run {

namespace {
// Samples the model into a Recorder at each reporting time.
class RecordingObserver : public core::Observer {
 public:
  RecordingObserver(models::Model& model, models::Recorder& recorder)
      : model_(model), recorder_(recorder) {}
  void sample(std::size_t index, core::Time) override { model_.record(recorder_, index); }

 private:
  models::Model& model_;
  models::Recorder& recorder_;
};
}  // namespace

core::RunWindow run_window(const scenario::Scenario& s) {
  const int days = s.date("run.end").days - s.date("run.start").days;
  return core::RunWindow{static_cast<double>(days), s.real("output.interval_days")};
}

std::vector<VariableSpec> output_specs(const scenario::Scenario& s) {
  return models::make_model(s, 0)->outputs();
}

ReplicationOutput run_replication(const scenario::Scenario& s, std::uint64_t replication) {
  const auto model = models::make_model(s, replication);
  const core::RunWindow window = run_window(s);
  const auto specs = model->outputs();
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
