// KS X 3267 register addresses: the default register map of Annex A, as register numbers N of
// the standard (not wire addresses: the wire address is N + the node's address offset, see
// address_probe.hpp). Every constant cites the clause and the table of the project's
// reconstruction (reference/ksx3267.md, copied to tests/reference/data/ksx3267/), whose sources
// are tagged [Sn] there. The standard text itself is not public.
//
// Block layouts (offsets inside a block, in registers):
//   node information (§1.3)        1..8:    cert, company, type, product, version, channels,
//                                           serial (uint32, CDAB)
//   device codes (§1.3)            101..100+channels, one uint16 per slot
//   sensor node (§1.5, A.1)        201 node OPID, 202 node status,
//                                  slot i: 203+3(i−1) value (float32 CDAB), 205+3(i−1) status
//   actuator node (§1.6, A.2)      201 node OPID, 202 node status,
//                                  slot i status  203+4(i−1): OPID, status, remain-time (u32 CDAB)
//                                  501 node command, 502 node command OPID,
//                                  slot i command 503+4(i−1): command, OPID, time (u32 CDAB)
// Note the two orders (interop trap §1.9 "status vs command block order"): the status block
// starts with the OPID, the command block with the command.
// It must not hold codes (ksx3267_codes.hpp) or decode values (ksx3267_codec.hpp).
#pragma once

namespace egin::ksx3267 {

// ---- Common node-information block (Annex A, reference §1.3; [S3][S4][S5][S7]) ----
inline constexpr int kRegCertificationAuthority = 1;  // 기관코드: 0 for default-map nodes
inline constexpr int kRegCompanyCode = 2;             // 회사코드: 0 for default-map nodes
inline constexpr int kRegProductType = 3;      // 제품타입: 1 sensor, 2 actuator, 3 integrated
inline constexpr int kRegProductCode = 4;      // 제품코드: vendor-defined
inline constexpr int kRegProtocolVersion = 5;  // 프로토콜 버전: 10 = KS X 3267 (표 9)
inline constexpr int kRegChannelCount = 6;     // 채널수: number of device slots
inline constexpr int kRegSerialNumber = 7;     // 시리얼번호: uint32, regs 7–8, CDAB
inline constexpr int kNodeInfoFirst = kRegCertificationAuthority;
inline constexpr int kNodeInfoLength = 8;  // regs 1–8 (Korea-Digital SDK reads 8 from 1 [S4])

// ---- Device-code list (Annex A, reference §1.3; [S4][S5][S7]) ----
inline constexpr int kRegDeviceCodeFirst = 101;  // slot i at 100 + i; 0 = nothing attached
inline constexpr int kMaxChannels = 100;         // device codes occupy 101..200 (KS X 3286 [S7])

// ---- Node status, both node types (Annex A.1/A.2, reference §1.5–1.6; [S4][S5]) ----
inline constexpr int kRegNodeOpid = 201;    // OPID of the last node command ([S4] 2018 metadata)
inline constexpr int kRegNodeStatus = 202;  // node status code (B.2) [S5][S6c]

// ---- Sensor node, default map (Annex A.1, reference §1.5; [S5][S7]) ----
inline constexpr int kSensorSlots = 30;             // default sensor node: 30 slots [S6c]
inline constexpr int kRegSensorFirst = 203;         // value of slot 1
inline constexpr int kSensorSlotStride = 3;         // [value float32 ×2, status]
inline constexpr int kSensorValueOffset = 0;        // float32, 2 words, CDAB
inline constexpr int kSensorStatusOffset = 2;       // uint16 status (B.2)
inline constexpr int kRegSensorNodeCommand = 401;   // [operation, opid] (2018 metadata [S4];
inline constexpr int kSensorNodeCommandLength = 2;  //  not confirmed for 2022)
/// Value register of sensor slot i (1-based): 203 + 3(i−1).
constexpr int sensor_value_reg(int slot) {
  return kRegSensorFirst + kSensorSlotStride * (slot - 1) + kSensorValueOffset;
}
/// Status register of sensor slot i: 205 + 3(i−1).
constexpr int sensor_status_reg(int slot) {
  return kRegSensorFirst + kSensorSlotStride * (slot - 1) + kSensorStatusOffset;
}

// ---- Actuator node, default map (Annex A.2, reference §1.6; [S4][S5][S6]) ----
inline constexpr int kActuatorSlots = 24;            // 16 switches + 8 openers [S6]
inline constexpr int kDefaultSwitches = 16;          // slots 1–16, device code 102 [S5][S6]
inline constexpr int kDefaultOpeners = 8;            // slots 17–24, device code 112 [S6]
inline constexpr int kRegActuatorStatusFirst = 203;  // switch 1: 203..206; opener 1: 267..270
inline constexpr int kActuatorStride = 4;
inline constexpr int kStatusOpidOffset = 0;           // status block: [OPID,
inline constexpr int kStatusCodeOffset = 1;           //                status,
inline constexpr int kStatusRemainOffset = 2;         //                remain-time uint32 s CDAB]
inline constexpr int kRegNodeCommand = 501;           // A.2.4: node command [S5][S6]
inline constexpr int kRegNodeCommandOpid = 502;       // A.2.4: node command OPID [S5][S6]
inline constexpr int kRegActuatorCommandFirst = 503;  // switch 1: 503..506; opener 1: 567..570
inline constexpr int kCommandCodeOffset = 0;          // command block: [command,
inline constexpr int kCommandOpidOffset = 1;          //                 OPID,
inline constexpr int kCommandTimeOffset = 2;          //                 time uint32 s CDAB]
/// First register of actuator slot i's status block: 203 + 4(i−1) (switch k = slot k, opener j
/// = slot 16 + j in the default map).
constexpr int actuator_status_reg(int slot) {
  return kRegActuatorStatusFirst + kActuatorStride * (slot - 1);
}
/// First register of actuator slot i's command block: 503 + 4(i−1).
constexpr int actuator_command_reg(int slot) {
  return kRegActuatorCommandFirst + kActuatorStride * (slot - 1);
}
/// Last register of the default actuator map (opener 8's command time, high word): 598.
inline constexpr int kRegActuatorLast = actuator_command_reg(kActuatorSlots) + kActuatorStride - 1;
/// Last register of the default sensor map that is read (slot 30's status): 292.
inline constexpr int kRegSensorLast = sensor_status_reg(kSensorSlots);

// ---- Modbus limits (Modbus Application Protocol V1.1b3 §6.3, §6.12) ----
inline constexpr int kMaxReadRegisters = 125;   // FC 0x03: 1..125 registers
inline constexpr int kMaxWriteRegisters = 123;  // FC 0x10: 1..123 registers

}  // namespace egin::ksx3267
