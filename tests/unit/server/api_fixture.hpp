// A whole API server in process for the route tests: a real SQLite store and account store in a
// temporary directory, a site with a greenhouse (sensors and a vent actuator), a weather station
// and a cotton field (data/examples/cotton_furrow.toml), the real ingest pipeline and field
// advisor, users of every role with live session tokens, the machine token, and — standing in
// for the device layer and the climate computer, which live in other libraries — small
// in-memory providers that keep the interfaces' contracts, so the routes can be tested against
// them. Requests go through a real httplib client on a loopback port.
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>

#include "egin/accounts/accounts.hpp"
#include "egin/crops/crop_library.hpp"
#include "egin/runtime/field_advisor.hpp"
#include "egin/runtime/ingest_pipeline.hpp"
#include "egin/runtime/listeners.hpp"
#include "egin/runtime/live_site.hpp"
#include "egin/runtime/metrics.hpp"
#include "egin/runtime/providers.hpp"
#include "egin/server/http_server.hpp"
#include "egin/soils/soil_library.hpp"

namespace egin::server::testing {

inline constexpr const char* kMachineToken = "machine-token-0123456789abcdef";

inline runtime::ChannelSpec channel(std::string id, std::string quantity, std::string unit,
                                    double min, double max,
                                    runtime::ChannelKind kind = runtime::ChannelKind::sensor) {
  runtime::ChannelSpec c;
  c.id = id;
  c.name = id;
  c.quantity = std::move(quantity);
  c.unit = std::move(unit);
  c.min = min;
  c.max = max;
  c.kind = kind;
  return c;
}

inline runtime::Site api_site() {
  runtime::Site site;
  site.id = "t";
  site.name = "Test farm";
  site.latitude_deg = 43.3;
  site.longitude_deg = 68.25;
  site.elevation_m = 210.0;
  site.utc_offset_min = 300;
  site.retention.push_back(runtime::RetentionSpec{});
  site.max_age_days = 36500.0;  // the tests post readings of 2025
  runtime::ZoneSpec gh;
  gh.id = "gh1";
  gh.name = "Greenhouse 1";
  runtime::DeviceSpec node;
  node.id = "node1";
  node.channels.push_back(channel("t_air", "air_temperature", "Cel", -40.0, 60.0));
  node.channels.push_back(channel("rh", "relative_humidity", "%RH", 0.0, 100.0));
  runtime::DeviceSpec vents;
  vents.id = "vents";
  vents.channels.push_back(
      channel("roof", "vent_position", "%", 0.0, 100.0, runtime::ChannelKind::actuator));
  gh.devices = {node, vents};
  runtime::ZoneSpec ws;
  ws.id = "ws1";
  ws.kind = runtime::ZoneKind::weather_station;
  runtime::DeviceSpec mast;
  mast.id = "mast";
  mast.channels.push_back(channel("rain", "precipitation", "mm", 0.0, 50.0));
  runtime::DeviceSpec derived;
  derived.id = "derived";
  auto et0 = channel("et0_mm", "reference_evapotranspiration", "mm", 0.0, 30.0);
  et0.sampling_period_s = 86400.0;
  derived.channels.push_back(et0);
  ws.devices = {mast, derived};
  runtime::ZoneSpec field;
  field.id = "cotton";
  field.kind = runtime::ZoneKind::field;
  field.field_file = std::string(EGIN_SOURCE_DIR) + "/data/examples/cotton_furrow.toml";
  field.weather_zone = "ws1";
  site.zones = {gh, ws, field};
  return site;
}

// --- in-memory providers (the interfaces' contracts, nothing more) ---------------------------

class MemoryCommands final : public runtime::CommandProvider {
 public:
  runtime::CommandRecord submit(const runtime::CommandRequest& request) override {
    const std::lock_guard lock(mutex_);
    runtime::CommandRecord r;
    r.id = "c" + std::to_string(++next_);
    r.request = request;
    r.updated_ms = request.requested_ms;
    if (request.action == runtime::CommandAction::kOn) {  // the vent is an opener
      r.state = runtime::CommandState::kRejected;
      r.detail = "on is a switch command; roof is an opener";
      records_.insert(records_.begin(), r);
      listeners_.notify(r);
      throw runtime::CommandRejected("unsupported_action", r.detail, r.id);
    }
    r.state = runtime::CommandState::kAccepted;
    if (request.duration_s) {
      r.ends_ms = request.requested_ms + static_cast<TimeMs>(*request.duration_s * 1000.0);
    }
    records_.insert(records_.begin(), r);
    listeners_.notify(r);
    return r;
  }
  std::vector<runtime::CommandRecord> history(const runtime::CommandQuery& q) override {
    const std::lock_guard lock(mutex_);
    std::vector<runtime::CommandRecord> out;
    for (const auto& r : records_) {
      if ((q.channel && r.request.channel != *q.channel) ||
          (q.zone && !r.request.channel.starts_with(*q.zone + "/"))) {
        continue;
      }
      if (out.size() < q.limit) {
        out.push_back(r);
      }
    }
    return out;
  }
  std::optional<runtime::CommandRecord> find(std::string_view id) override {
    const std::lock_guard lock(mutex_);
    for (const auto& r : records_) {
      if (r.id == id) {
        return r;
      }
    }
    return std::nullopt;
  }
  std::vector<runtime::ActuatorStatus> actuators() override {
    runtime::ActuatorStatus s;
    s.channel = "gh1/vents/roof";
    s.state = "opening";
    s.position_pct = 40.0;
    s.remaining_s = 25.0;
    s.control = "remote";
    return {s};
  }
  std::size_t subscribe(std::function<void(const runtime::CommandRecord&)> l) override {
    return listeners_.add(std::move(l));
  }
  void unsubscribe(std::size_t id) override { listeners_.remove(id); }

 private:
  std::mutex mutex_;
  int next_ = 0;
  std::vector<runtime::CommandRecord> records_;
  runtime::Listeners<runtime::CommandRecord> listeners_;
};

class MemoryAlarms final : public runtime::AlarmProvider {
 public:
  void raise(runtime::Alarm a) {
    {
      const std::lock_guard lock(mutex_);
      alarms_.insert(alarms_.begin(), a);
    }
    listeners_.notify(a);
  }
  std::vector<runtime::Alarm> list(const runtime::AlarmQuery& q) override {
    const std::lock_guard lock(mutex_);
    std::vector<runtime::Alarm> out;
    for (const auto& a : alarms_) {
      if ((q.open_only && !a.open()) || (q.zone && a.zone != *q.zone)) {
        continue;
      }
      out.push_back(a);
    }
    return out;
  }
  std::optional<runtime::Alarm> find(std::string_view id) override {
    const std::lock_guard lock(mutex_);
    for (const auto& a : alarms_) {
      if (a.id == id) {
        return a;
      }
    }
    return std::nullopt;
  }
  std::optional<runtime::Alarm> acknowledge(std::string_view id, std::string_view user,
                                            std::string_view note, TimeMs now_ms) override {
    std::optional<runtime::Alarm> out;
    {
      const std::lock_guard lock(mutex_);
      for (auto& a : alarms_) {
        if (a.id == id) {
          if (!a.acknowledged_ms) {
            a.acknowledged_ms = now_ms;
            a.acknowledged_by = std::string(user);
            a.note = std::string(note);
          }
          out = a;
        }
      }
    }
    if (out) {
      listeners_.notify(*out);
    }
    return out;
  }
  std::size_t subscribe(std::function<void(const runtime::Alarm&)> l) override {
    return listeners_.add(std::move(l));
  }
  void unsubscribe(std::size_t id) override { listeners_.remove(id); }

 private:
  std::mutex mutex_;
  std::vector<runtime::Alarm> alarms_;
  runtime::Listeners<runtime::Alarm> listeners_;
};

class MemorySettings final : public runtime::ControllerSettingsProvider {
 public:
  MemorySettings() {
    current_.zone = "gh1";
    current_.revision = "1";
    current_.values = {{"heating_setpoint_c", 18.0}, {"vent_setpoint_c", 24.0}};
    current_.schema = {
        {"type", "object"},
        {"properties",
         {{"heating_setpoint_c",
           {{"type", "number"}, {"minimum", 5}, {"maximum", 30}, {"x-unit", "Cel"}}},
          {"vent_setpoint_c",
           {{"type", "number"}, {"minimum", 10}, {"maximum", 40}, {"x-unit", "Cel"}}}}}};
  }
  std::vector<std::string> zones() override { return {"gh1"}; }
  std::optional<runtime::ControllerSettings> get(std::string_view zone) override {
    const std::lock_guard lock(mutex_);
    if (zone != "gh1") {
      return std::nullopt;
    }
    return current_;
  }
  std::vector<runtime::SettingsIssue> validate(std::string_view zone,
                                               const nlohmann::json& values) override {
    if (zone != "gh1") {
      return {{"", "no controller in zone " + std::string(zone), "gh1"}};
    }
    std::vector<runtime::SettingsIssue> issues;
    const double heat = values.value("heating_setpoint_c", 0.0);
    const double vent = values.value("vent_setpoint_c", 0.0);
    if (!(heat >= 5 && heat <= 30)) {
      issues.push_back({"/heating_setpoint_c", "out of range", "5 to 30 Cel"});
    }
    if (!(vent > heat)) {
      issues.push_back(
          {"/vent_setpoint_c", "not above the heating set-point", "more than heating_setpoint_c"});
    }
    return issues;
  }
  runtime::SettingsUpdateResult update(std::string_view zone, const nlohmann::json& values,
                                       std::string_view expected_revision, std::string_view user,
                                       TimeMs now_ms) override {
    runtime::SettingsUpdateResult r;
    if (zone != "gh1") {
      r.status = runtime::SettingsUpdateStatus::kNotFound;
      return r;
    }
    r.issues = validate(zone, values);
    const std::lock_guard lock(mutex_);
    if (!r.issues.empty()) {
      r.status = runtime::SettingsUpdateStatus::kInvalid;
    } else if (expected_revision != current_.revision) {
      r.status = runtime::SettingsUpdateStatus::kConflict;
    } else {
      current_.values = values;
      current_.revision = std::to_string(std::stoi(current_.revision) + 1);
      current_.updated_ms = now_ms;
      current_.updated_by = std::string(user);
      r.status = runtime::SettingsUpdateStatus::kApplied;
    }
    r.settings = current_;
    return r;
  }

 private:
  std::mutex mutex_;
  runtime::ControllerSettings current_;
};

// --- the server ----------------------------------------------------------------------------

class ApiServer {
 public:
  explicit ApiServer(bool with_providers = true)
      : dir_(make_dir()),
        store_(store::open_store("sqlite:" + (dir_ / "egin.db").string())),
        site_(api_site(), *store_),
        clock_(1'752'537'600'000),  // 2025-07-15T00:00:00Z: the cotton season
        pipeline_(site_, *store_, clock_, metrics_),
        account_store_(accounts::open_account_store("sqlite:" + (dir_ / "egin.db").string())),
        accounts_(*account_store_, wall_, options()),
        auth_(kMachineToken, &accounts_),
        crops_(crops::CropLibrary::load_directory(std::string(EGIN_SOURCE_DIR) + "/data/crops")),
        soils_(soils::SoilLibrary::load_directory(std::string(EGIN_SOURCE_DIR) + "/data/soils")),
        fields_(runtime::field_sources(site_.snapshot(), dir_, {}), crops_, soils_, *store_, site_),
        ctx_{.store = *store_,
             .site = site_,
             .pipeline = pipeline_,
             .metrics = metrics_,
             .clock = clock_,
             .auth = auth_,
             .log = log_,
             .data_dir = dir_,
             .accounts = &accounts_,
             .providers = &providers_,
             .fields = &fields_} {
    if (with_providers) {
      providers_.set_commands(commands_);
      providers_.set_alarms(alarms_);
      providers_.set_settings(settings_);
    }
    accounts_.add_user("admin1", accounts::Role::kAdmin, "admin-password-1");
    accounts_.add_user("operator1", accounts::Role::kOperator, "operator-password-1");
    accounts_.add_user("viewer1", accounts::Role::kViewer, "viewer-password-1");
    tokens_["admin"] = accounts_.login("admin1", "admin-password-1", "test").token;
    tokens_["operator"] = accounts_.login("operator1", "operator-password-1", "test").token;
    tokens_["viewer"] = accounts_.login("viewer1", "viewer-password-1", "test").token;
    tokens_["machine"] = kMachineToken;
    HttpOptions options;
    options.address = {"127.0.0.1", 0};
    options.threads = 8;
    server_ = std::make_unique<HttpServer>(ctx_, options);
    port_ = server_->start().port;
  }
  ~ApiServer() {
    server_->stop();
    server_.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  ApiServer(const ApiServer&) = delete;
  ApiServer& operator=(const ApiServer&) = delete;

  /// A client on the server's port.
  [[nodiscard]] httplib::Client client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(10, 0);
    return c;
  }
  /// "Authorization: Bearer <token of role>" ("admin", "operator", "viewer", "machine").
  [[nodiscard]] httplib::Headers as(const std::string& role) const {
    return {{"Authorization", "Bearer " + tokens_.at(role)}};
  }

  HttpServer& http() { return *server_; }
  accounts::Accounts& accounts() { return accounts_; }
  runtime::IngestPipeline& pipeline() { return pipeline_; }
  runtime::LiveSite& site() { return site_; }
  ManualClock& clock() { return clock_; }
  MemoryAlarms& alarms() { return *alarms_; }
  [[nodiscard]] int port() const { return port_; }

 private:
  static std::filesystem::path make_dir() {
    static std::atomic<int> counter{0};
    auto dir = std::filesystem::temp_directory_path() /
               ("egin-api-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
  }
  static accounts::AccountsOptions options() {
    accounts::AccountsOptions o;
    o.cost = accounts::PasswordCost::minimum();
    return o;
  }

  std::filesystem::path dir_;
  std::unique_ptr<store::TimeSeriesStore> store_;
  runtime::LiveSite site_;
  ManualClock clock_;
  runtime::Metrics metrics_;
  runtime::IngestPipeline pipeline_;
  SystemClock wall_;
  std::unique_ptr<accounts::AccountStore> account_store_;
  accounts::Accounts accounts_;
  ApiAuth auth_;
  crops::CropLibrary crops_;
  soils::SoilLibrary soils_;
  runtime::FieldAdvisor fields_;
  Log log_{"error"};
  runtime::Providers providers_;
  std::shared_ptr<MemoryCommands> commands_ = std::make_shared<MemoryCommands>();
  std::shared_ptr<MemoryAlarms> alarms_ = std::make_shared<MemoryAlarms>();
  std::shared_ptr<MemorySettings> settings_ = std::make_shared<MemorySettings>();
  ServerContext ctx_;
  std::map<std::string, std::string> tokens_;
  std::unique_ptr<HttpServer> server_;
  int port_ = 0;
};

}  // namespace egin::server::testing
