# annals: the two commands that do everything on a fresh Debian machine are
#   make demo   (set-up, build, code the bundled examples)
#   make test   (set-up, build, every test)
.PHONY: setup build test demo bench clean

BUILD ?= build
JOBS ?= 2

setup:
	@scripts/setup

build: setup
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BUILD) -j$(JOBS)

test: build
	@cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

demo: build
	@scripts/demo $(BUILD)

bench: setup
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DANNALS_BUILD_BENCH=ON >/dev/null
	@cmake --build $(BUILD) -j$(JOBS)
	@scripts/bench $(BUILD)

clean:
	rm -rf $(BUILD)
