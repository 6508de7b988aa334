// The dashboard's files: GET / and every file of ctx.web_dir (the Vite build of web/), served
// without a token (DESIGN.md §4: "/" is the web app) with the headers a browser app needs —
// hashed assets cached for a year, index.html revalidated every time — and, on every answer of
// the server, a strict Content-Security-Policy (scripts, styles and connections to this origin
// only; no framing) and no MIME sniffing. Without a built dashboard, GET / says how to build one.
#include <filesystem>
#include <string>

#include "egin/server/routes.hpp"

namespace egin::server {

namespace {

constexpr const char* kCsp =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'";

constexpr const char* kNotBuilt =
    "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>egin</title>"
    "<body><h1>egin serve</h1><p>The dashboard is not built. Run <code>make web</code> (or "
    "<code>cd web &amp;&amp; npm ci &amp;&amp; npm run build</code>) and start "
    "<code>egin serve --web build/web</code>. The API answers under <code>/api/v1/</code> "
    "(docs/api/openapi.yaml).</p></body></html>\n";

bool usable(const std::filesystem::path& dir) {
  std::error_code ec;
  return !dir.empty() && std::filesystem::is_regular_file(dir / "index.html", ec);
}

}  // namespace

void add_web_routes(httplib::Server& http, Router& router) {
  ServerContext& ctx = router.context();
  http.set_default_headers({{"Content-Security-Policy", kCsp},
                            {"X-Content-Type-Options", "nosniff"},
                            {"X-Frame-Options", "DENY"},
                            {"Referrer-Policy", "no-referrer"}});
  if (usable(ctx.web_dir)) {
    http.set_mount_point("/", ctx.web_dir.string());
    http.set_file_extension_and_mimetype_mapping("webmanifest", "application/manifest+json");
    http.set_file_request_handler([](const httplib::Request& req, httplib::Response& res) {
      // Vite names assets by their content hash: they never change under one name.
      res.set_header("Cache-Control", req.path.starts_with("/assets/")
                                          ? "public, max-age=31536000, immutable"
                                          : "no-cache");
    });
    // The file handler answers GET / (index.html) before any route; this route documents it and
    // answers only if index.html went missing after start.
  }
  router.get("/", Access::kPublic,
             [&ctx](const httplib::Request&, httplib::Response& res, const accounts::Principal&) {
               res.status = usable(ctx.web_dir) ? 503 : 200;
               res.set_content(kNotBuilt, "text/html; charset=utf-8");
             });
}

}  // namespace egin::server
