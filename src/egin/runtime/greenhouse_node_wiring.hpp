// The wiring `egin node-sim --twin` gives its nodes when nobody names one (the demo farm names
// its own in data/demo/farm.toml [[wiring]]): each slot to the twin's quantity or actuator its
// KS X 3267 device code (ksx3267_codes.hpp, reference §1.4) can only stand for, taken in slot
// order. It reproduces the demo farm's wiring for data/demo/nodes.toml.
//
// | node     | device code              | the n-th slot of that code wires to                      |
// |----------|--------------------------|----------------------------------------------------------|
// | sensor   | 1 temperature            | air_temperature, pipe_temperature, outdoor_temperature   |
// | sensor   | 2 humidity               | relative_humidity                                        |
// | sensor   | 7 radiation              | outdoor_radiation (the greenhouse's own mast)            |
// | sensor   | 11 co2                   | co2                                                      |
// | sensor   | 13 par                   | par                                                      |
// | actuator | 111–113 opener           | vent_lee, vent_wind, screen_energy, screen_shade,        |
// |          |                          | screen_blackout                                          |
// | actuator | 101–103 switch           | co2 (dosing valve), fogging, lamps                       |
//
// Further slots of a code, and other codes, stay unwired (GreenhouseNodeEnvironment: their
// default value; an actuator only remembered by the node). For the Annex A default maps
// (sim_node.hpp: sensor slots 1, 2, 3 temperature, 4 humidity, 9 radiation, 13 CO2, 15 PAR;
// actuator slots 1–16 switches, 17–24 openers) slot 1 is the air, 17 the lee vent, 1 the CO2.
// It must not know Modbus.
#pragma once

#include <vector>

#include "egin/devices/sim_node.hpp"
#include "egin/runtime/greenhouse_node_environment.hpp"

namespace egin::runtime {

/// The wiring of `nodes` by device code (the table above); `manual_hold_s` as given.
GreenhouseNodeWiring wiring_by_device_code(const std::vector<devices::SimNodeConfig>& nodes,
                                           double manual_hold_s);

}  // namespace egin::runtime
