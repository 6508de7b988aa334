#include "egin/devices/modbus_link.hpp"

namespace egin::devices {

std::string_view transfer_status_name(TransferStatus status) {
  switch (status) {
    case TransferStatus::kOk:
      return "ok";
    case TransferStatus::kTimeout:
      return "timeout";
    case TransferStatus::kCrcError:
      return "crc";
    case TransferStatus::kException:
      return "exception";
    case TransferStatus::kBadFrame:
      return "bad_frame";
    case TransferStatus::kIoError:
      return "io";
  }
  return "io";
}

}  // namespace egin::devices
