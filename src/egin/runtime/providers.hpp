// Providers: the parts of a running server that other layers plug in — actuator commands (the
// device layer), alarms and controller settings (the climate computer). `egin serve` (or a test,
// or the demo) registers each one it has; the HTTP routes ask for them per request and answer
// 503 "not configured" while one is missing. Shared ownership, so a provider may be replaced
// while a request still uses the old one. Thread-safe.
// It must not construct providers or know their implementations.
#pragma once

#include <memory>
#include <mutex>

#include "egin/runtime/actuator_commands.hpp"
#include "egin/runtime/alarms.hpp"
#include "egin/runtime/controller_settings.hpp"

namespace egin::runtime {

class Providers {
 public:
  void set_commands(std::shared_ptr<CommandProvider> provider) {
    const std::lock_guard lock(mutex_);
    commands_ = std::move(provider);
  }
  void set_alarms(std::shared_ptr<AlarmProvider> provider) {
    const std::lock_guard lock(mutex_);
    alarms_ = std::move(provider);
  }
  void set_settings(std::shared_ptr<ControllerSettingsProvider> provider) {
    const std::lock_guard lock(mutex_);
    settings_ = std::move(provider);
  }
  /// nullptr while none is registered.
  [[nodiscard]] std::shared_ptr<CommandProvider> commands() const {
    const std::lock_guard lock(mutex_);
    return commands_;
  }
  [[nodiscard]] std::shared_ptr<AlarmProvider> alarms() const {
    const std::lock_guard lock(mutex_);
    return alarms_;
  }
  [[nodiscard]] std::shared_ptr<ControllerSettingsProvider> settings() const {
    const std::lock_guard lock(mutex_);
    return settings_;
  }

 private:
  mutable std::mutex mutex_;
  std::shared_ptr<CommandProvider> commands_;
  std::shared_ptr<AlarmProvider> alarms_;
  std::shared_ptr<ControllerSettingsProvider> settings_;
};

}  // namespace egin::runtime
