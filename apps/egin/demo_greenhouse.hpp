// The demo farm's greenhouse (serve_demo.hpp): the twin under the climate computer, built from the
// farm file's design, controller settings and weather, starting at `start_ms`.
#pragma once

#include <memory>

#include "demo_farm_file.hpp"
#include "egin/runtime/site.hpp"
#include "egin/runtime/twin_greenhouse.hpp"

namespace egin::cli {

std::unique_ptr<runtime::TwinGreenhouse> make_demo_greenhouse(const DemoFarmFile& farm,
                                                              const runtime::Site& site,
                                                              TimeMs start_ms);

}  // namespace egin::cli
