# egin — the commands a developer and CI use. `make demo` and `make test` are the two the README
# promises on a fresh Debian 12 machine.
BUILD      ?= build
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
JOBS       ?= $(shell nproc)
FUZZ_SECONDS ?= 20

CMAKE_FLAGS ?= -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo

.PHONY: all deps configure build web web-test test unit reference e2e bench demo asan sanitize fuzz format \
        format-check tidy clean

all: build

deps:
	bash scripts/install-deps

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)

configure: $(BUILD)/build.ninja

build: configure web
	cmake --build $(BUILD) -j $(JOBS)

# The web dashboard (web/, TypeScript + Vite): `npm ci` installs exactly package-lock.json into
# web/node_modules (again only when the lock changes), then the build writes $(BUILD)/web, where
# `egin serve` finds it (next to build/apps/egin/egin) or --web points.
NPM     ?= npm
WEB_OUT ?= $(BUILD)/web
WEB_SRC := web/index.html web/vite.config.ts web/tsconfig.json $(wildcard web/src/*.ts web/src/*.css web/src/views/*.ts)

web: $(WEB_OUT)/index.html

web/node_modules/.egin-ci: web/package.json web/package-lock.json
	cd web && $(NPM) ci --no-audit --no-fund
	touch $@

$(WEB_OUT)/index.html: web/node_modules/.egin-ci $(WEB_SRC)
	cd web && $(NPM) run build -- --outDir $(abspath $(WEB_OUT)) --emptyOutDir

# The dashboard's own unit tests (vitest); ctest runs them too (tests/e2e/web_unit_test.sh).
web-test: web/node_modules/.egin-ci
	cd web && $(NPM) test

# Unit, reference and whole-program tests.
test: deps build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

unit: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS) -L unit

reference: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS) -L reference

e2e: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS) -L e2e

# Google Benchmark programs; results go to docs/benchmarks.md by hand, with the machine.
bench:
	cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DEGIN_TESTS=OFF
	cmake --build build-bench -j $(JOBS)
	bash bench/run_all.sh build-bench

# Installs what is missing, builds, runs the field-water demo, then starts the demo farm
# (`egin serve --demo`: the greenhouse twin behind simulated KS X 3267 nodes, a weather station,
# three fields, at DEMO_SPEED x) in the foreground, printing its URL and login; Ctrl-C stops it.
# DEMO_SERVE=0 skips the server (a machine without a browser); docs/user-guide/demo.md.
DEMO_SPEED ?= 60
DEMO_HTTP  ?= 127.0.0.1:8080
DEMO_DATA  ?= egin-demo
DEMO_SERVE ?= 1
demo: deps build
	bash scripts/demo.sh $(BUILD)/apps/egin/egin
	@if [ "$(DEMO_SERVE)" != 0 ]; then \
	  exec $(BUILD)/apps/egin/egin serve --demo --speed $(DEMO_SPEED) --http $(DEMO_HTTP) \
	    --data $(DEMO_DATA) --log-level warn; \
	fi

# Unit tests under AddressSanitizer and UndefinedBehaviorSanitizer.
asan:
	cmake -S . -B $(ASAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DEGIN_SANITIZE=ON -DEGIN_BENCH=OFF
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	ctest --test-dir $(ASAN_BUILD) --output-on-failure -j $(JOBS) -L unit

# One clang build instrumented for libFuzzer with ASan+UBSan serves both the unit tests and the
# fuzz targets (what CI runs: one sanitizer build instead of two).
sanitize:
	CXX=clang++ cmake -S . -B $(FUZZ_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DEGIN_FUZZ=ON \
	  -DEGIN_TESTS=ON -DEGIN_BENCH=OFF
	cmake --build $(FUZZ_BUILD) -j $(JOBS)
	ctest --test-dir $(FUZZ_BUILD) --output-on-failure -j $(JOBS) -L unit
	bash fuzz/run_all.sh $(FUZZ_BUILD) $(FUZZ_SECONDS)

# libFuzzer targets (clang), each run for FUZZ_SECONDS from its seed corpus.
fuzz:
	CXX=clang++ cmake -S . -B $(FUZZ_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DEGIN_FUZZ=ON \
	  -DEGIN_TESTS=OFF -DEGIN_BENCH=OFF
	cmake --build $(FUZZ_BUILD) -j $(JOBS)
	bash fuzz/run_all.sh $(FUZZ_BUILD) $(FUZZ_SECONDS)

format:
	git ls-files '*.cpp' '*.hpp' | xargs -r clang-format -i

format-check:
	git ls-files '*.cpp' '*.hpp' | xargs -r clang-format --dry-run -Werror

tidy: configure
	git ls-files 'src/*.cpp' 'apps/*.cpp' | xargs -r -P $(JOBS) -n 4 clang-tidy -p $(BUILD) --quiet

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD) build-bench web/node_modules
