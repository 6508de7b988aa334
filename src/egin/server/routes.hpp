// The route groups of the HTTP API (DESIGN.md §4 HTTP, docs/api/openapi.yaml), one file each:
// operations (healthz, metrics, storage), ingest, site model (sites, zones, devices, channels,
// latest, overview), series, exports, sessions and users, fields (irrigation advice), commands,
// alarms, controller settings, live events, and the dashboard's static files. HttpServer adds
// them all through one Router, which checks the token and the role of every route.
// It must not hold state: everything lives in the ServerContext (and the EventHub).
#pragma once

#include <httplib.h>

#include "egin/server/event_hub.hpp"
#include "egin/server/route_table.hpp"
#include "egin/server/server_context.hpp"

namespace egin::server {

void add_ops_routes(Router& router);
void add_ingest_routes(Router& router);
void add_site_routes(Router& router);
void add_overview_routes(Router& router);
void add_series_routes(Router& router);
void add_export_routes(Router& router);
void add_session_routes(Router& router);
void add_user_routes(Router& router);
void add_field_routes(Router& router);
void add_command_routes(Router& router);
void add_alarm_routes(Router& router);
void add_settings_routes(Router& router);
/// At most `max_streams` streams at once (each holds an HTTP worker thread).
void add_event_routes(Router& router, EventHub& hub, std::size_t max_streams);
/// GET / and the dashboard's files from ctx.web_dir (a short page saying how to build it when
/// there is none); must be added last.
void add_web_routes(httplib::Server& http, Router& router);

}  // namespace egin::server
