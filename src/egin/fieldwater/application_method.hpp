// ApplicationMethod: how a field is irrigated (furrow, drip, sprinkler, …), with the two numbers
// the water balance needs from it — the fraction of the surface an irrigation wets (fw, FAO-56
// Table 20) and a default field application efficiency — each with its source; plus the net ↔
// gross depth and volume arithmetic. It holds method data and that arithmetic only: no
// scheduling rule (irrigation_strategies.hpp) and no file format (field_config.hpp).
//
// | method            | fw   | FAO-56 Table 20 row                          | efficiency | source |
// |-------------------|------|----------------------------------------------|------------|--------|
// | furrow            | 0.8  | furrow, every furrow, narrow bed: 0.6–1.0    | 60 %       | (a)    |
// | furrow-wide-bed   | 0.5  | furrow, every furrow, wide bed: 0.4–0.6      | 60 %       | (a)    |
// | furrow-alternate  | 0.4  | furrow, alternated furrows: 0.3–0.5          | 60 %       | (a)    |
// | basin             | 1.0  | basin: 1.0                                   | 60 %       | (a)    |
// | border            | 1.0  | border: 1.0                                  | 60 %       | (a)    |
// | sprinkler         | 1.0  | sprinkler, field crops: 1.0                  | 75 %       | (a)    |
// | sprinkler-orchard | 0.85 | sprinkler, orchards: 0.7–1.0                 | 75 %       | (a)    |
// | micro-sprinkler   | 0.5  | none (between trickle 0.3–0.4 and sprinkler) | 85 %       | (b)    |
// | drip              | 0.35 | trickle (drip): 0.3–0.4                      | 90 %       | (a)    |
// fw is the midpoint of the Table 20 range. (a) FAO Irrigation Water Management Training
// Manual No. 4, Irrigation Scheduling (Brouwer, Prins, Heibloem 1989), field application
// efficiency: surface irrigation (border, furrow, basin) 60 %, sprinkler 75 %, drip 90 %.
// (b) No FAO figure: egin's estimate between FAO's sprinkler and drip values — set the field's
// efficiency_pct and fw when measured. Both numbers are overridable per field.
//
// Depths: gross = net / (efficiency / 100); the loss (gross − net) leaves the field (runoff,
// percolation below the roots, drift). Volume: 1 mm on 1 ha is 10 m³.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace egin::fieldwater {

enum class ApplicationMethod {
  kFurrow,
  kFurrowWideBed,
  kFurrowAlternate,
  kBasin,
  kBorder,
  kSprinkler,
  kSprinklerOrchard,
  kMicroSprinkler,
  kDrip,
};

struct ApplicationMethodInfo {
  ApplicationMethod method;
  const char* name;         // as written in field files, e.g. "furrow-alternate"
  const char* description;  // for people
  double fw;                // fraction of the surface wetted, FAO-56 Table 20
  const char* fw_source;
  double efficiency_pct;  // default field application efficiency
  const char* efficiency_source;
};

/// Every method, in the order of the table above.
std::span<const ApplicationMethodInfo> application_methods();

/// The entry of `method`.
const ApplicationMethodInfo& application_method_info(ApplicationMethod method);

/// The method called `name` (case, '_' and '-' ignored; "trickle" = drip, "micro" and
/// "microsprinkler" = micro-sprinkler); nullptr when unknown.
const ApplicationMethodInfo* find_application_method(std::string_view name);

/// The method names joined by ", " (for messages).
std::string application_method_names();

/// Gross depth that delivers `net_mm` at `efficiency_pct` (0 < eff ≤ 100): net / (eff / 100).
[[nodiscard]] double gross_depth_mm(double net_mm, double efficiency_pct);

/// Net depth delivered by `gross_mm`: gross · eff / 100.
[[nodiscard]] double net_depth_mm(double gross_mm, double efficiency_pct);

/// Volume of `depth_mm` over `area_ha`: 1 mm · 1 ha = 10 m³.
[[nodiscard]] double volume_m3(double depth_mm, double area_ha);

}  // namespace egin::fieldwater
