#pragma once
// Internal to the run module: the observer that samples a model into a Recorder at each
// reporting time, for run_replication and run_replication_resumably alike.
#include <cstddef>

#include "netadopt/core/simulator.hpp"
#include "netadopt/models/model.hpp"
#include "netadopt/models/recorder.hpp"

namespace netadopt::run {

class RecordingObserver : public core::Observer {
 public:
  RecordingObserver(models::Model& model, models::Recorder& recorder)
      : model_(&model), recorder_(recorder) {}
  void sample(std::size_t index, core::Time time) override {
    model_->record(recorder_, index, time);
  }
  void follow(models::Model& model) { model_ = &model; }  // a fork's model takes over

 private:
  models::Model* model_;
  models::Recorder& recorder_;
};

}  // namespace netadopt::run
