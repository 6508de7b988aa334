// IrrigationSource: where the season runner gets each day's irrigation — recorded events (a
// pyfao56 .irr file, a farm log) or a scheduling strategy (refill at MAD, fixed interval, deficit,
// ET replacement; written elsewhere on this interface). It holds the interface, the decision
// record and the two simplest sources (none, recorded events); no strategy logic.
//
// Protocol. For every day D of the season, in date order, the runner calls
//     decision = source.irrigation_for(query)
// BEFORE it computes D's step. The query carries the state at the END of day D−1 (for the first
// day: the initial state), D's inputs (reference ET, rain — a forecast when scheduling ahead —,
// wind, RHmin), and the parameters and options of the field. The source answers with D's gross
// application:
//
// | field           | meaning                                                          | unit |
// |-----------------|------------------------------------------------------------------|------|
// | depth_mm        | gross depth applied (0: no irrigation)                           | mm   |
// | fw              | fraction of the surface wetted, FAO-56 Table 20; NaN keeps the   | -    |
// |                 | current fw (as pyfao56 does on days without an .irr line)         |      |
// | efficiency_pct  | application efficiency; (100 − eff) % of depth is lost (IrrLoss) | %    |
//
// A source may keep memory between calls (days since its last irrigation, say): it is called
// once per day, in order, and never for a day twice. Sources must not allocate per call on
// their hot path; RecordedIrrigation walks a sorted list with a cursor.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "egin/agromet/weather.hpp"
#include "egin/core/date.hpp"
#include "egin/fieldwater/day_inputs.hpp"
#include "egin/fieldwater/model_options.hpp"
#include "egin/fieldwater/parameters.hpp"

namespace egin::fieldwater {

struct WaterBalanceState;

struct IrrigationDecision {
  double depth_mm = 0.0;
  double fw = agromet::kMissing;
  double efficiency_pct = 100.0;
};

/// What a source is told each day (all references valid only during the call).
struct IrrigationQuery {
  const WaterBalanceState& state;  // end of the previous day
  const DayInputs& day;            // today's inputs
  const WaterBalanceParameters& params;
  const WaterBalanceOptions& options;
};

class IrrigationSource {
 public:
  virtual ~IrrigationSource() = default;
  /// Today's irrigation; see the protocol above.
  virtual IrrigationDecision irrigation_for(const IrrigationQuery& query) = 0;
};

/// Rain-fed: never irrigates.
class NoIrrigation final : public IrrigationSource {
 public:
  IrrigationDecision irrigation_for(const IrrigationQuery& query) override;
};

/// One recorded application.
struct IrrigationEvent {
  Date date;
  double depth_mm = 0.0;
  double fw = 1.0;
  double efficiency_pct = 100.0;
  int line = 0;  // source line, for messages
};

/// Recorded events, at most one per date. A listed date sets fw even with depth 0 (pyfao56).
class RecordedIrrigation final : public IrrigationSource {
 public:
  /// Throws std::invalid_argument if dates are not strictly increasing (readers check first).
  explicit RecordedIrrigation(std::vector<IrrigationEvent> events);

  IrrigationDecision irrigation_for(const IrrigationQuery& query) override;

  [[nodiscard]] const std::vector<IrrigationEvent>& events() const { return events_; }
  /// Back to the first event (for running the same season again).
  void rewind() { cursor_ = 0; }

 private:
  std::vector<IrrigationEvent> events_;
  std::size_t cursor_ = 0;
};

}  // namespace egin::fieldwater
