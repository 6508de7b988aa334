// Climate controllers that drive the twin in a simulation (simulation.hpp), and the two the twin
// ships with:
//
// | controller           | what                                                             |
// |----------------------|------------------------------------------------------------------|
// | GreenLightController | GreenLight's rules (greenlight_rules.hpp), continuous or sampled |
// | ReplayController     | a controls time series (controls_csv.hpp): recorded actuators   |
//
// A Controller decides at the start of every control step from what the sensors show
// (Outputs), like a climate computer; one that can also be written as a function of the state
// offers a ContinuousController the solver evaluates inside the rates. Other controllers (the
// climate computer of control/) implement the same interface.
#pragma once

#include <string_view>

#include "egin/greenhouse/controls_csv.hpp"
#include "egin/greenhouse/greenlight_rules.hpp"
#include "egin/greenhouse/outputs.hpp"
#include "egin/greenhouse/twin.hpp"

namespace egin::greenhouse {

class Controller {
 public:
  virtual ~Controller() = default;
  [[nodiscard]] virtual std::string_view name() const = 0;
  /// The controls to hold over [now.time_utc_s, now.time_utc_s + dt_s).
  [[nodiscard]] virtual Controls decide(const Outputs& now, double dt_s) = 0;
  /// The same controller evaluated inside the model's rates, when it can be; nullptr otherwise.
  [[nodiscard]] virtual const ContinuousController* continuous() const { return nullptr; }
};

class GreenLightController final : public Controller, public ContinuousController {
 public:
  explicit GreenLightController(GreenLightRules rules = {}) : rules_(rules) {}
  [[nodiscard]] std::string_view name() const override { return "greenlight"; }
  [[nodiscard]] Controls decide(const Outputs& now, double dt_s) override;
  [[nodiscard]] const ContinuousController* continuous() const override { return this; }
  [[nodiscard]] Controls controls(const double* x, const OutdoorConditions& w) const override;
  [[nodiscard]] ControlsT<AdScalar> controls(const AdScalar* x,
                                             const OutdoorConditions& w) const override;
  [[nodiscard]] const GreenLightRules& rules() const { return rules_; }

 private:
  GreenLightRules rules_;
};

class ReplayController final : public Controller, public ContinuousController {
 public:
  explicit ReplayController(ControlsSeries series) : series_(std::move(series)) {}
  [[nodiscard]] std::string_view name() const override { return "replay"; }
  [[nodiscard]] Controls decide(const Outputs& now, double dt_s) override;
  [[nodiscard]] const ContinuousController* continuous() const override { return this; }
  [[nodiscard]] Controls controls(const double* x, const OutdoorConditions& w) const override;
  [[nodiscard]] ControlsT<AdScalar> controls(const AdScalar* x,
                                             const OutdoorConditions& w) const override;
  [[nodiscard]] const ControlsSeries& series() const { return series_; }

 private:
  ControlsSeries series_;
};

}  // namespace egin::greenhouse
