// The route groups of the HTTP API (DESIGN.md §4 HTTP, docs/api/openapi.yaml), one file each:
// ingest, site model (sites, zones, devices, channels, latest), series, exports, operations
// (healthz, metrics, storage). HttpServer adds them all; auth is checked before routing.
// It must not hold state: everything lives in the ServerContext.
#pragma once

#include <httplib.h>

#include "egin/server/server_context.hpp"

namespace egin::server {

void add_ingest_routes(httplib::Server& http, ServerContext& ctx);
void add_site_routes(httplib::Server& http, ServerContext& ctx);
void add_series_routes(httplib::Server& http, ServerContext& ctx);
void add_export_routes(httplib::Server& http, ServerContext& ctx);
void add_ops_routes(httplib::Server& http, ServerContext& ctx);

}  // namespace egin::server
