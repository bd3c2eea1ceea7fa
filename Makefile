# annals: the two commands that do everything on a fresh Debian machine are
#   make demo   (set-up, build, code the bundled examples)
#   make test   (set-up, build, every test)
# Hardening (README, "Hardening"): make test-asan (every test under ASan+UBSan),
# make fuzz FUZZ_SECONDS=N [FUZZ_SEED=S] (each fuzz target N seconds; S fixes libFuzzer's seed), make hostile (the hostile corpus).
.PHONY: setup build test demo bench clean test-asan fuzz hostile

BUILD ?= build
JOBS ?= 2
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_SEED ?= 0
HOSTILE_DIR ?= /tmp/annals-hostile

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

test-asan: setup
	@cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DANNALS_SANITIZE=ON >/dev/null
	@cmake --build $(ASAN_BUILD) -j$(JOBS)
	@cd $(ASAN_BUILD) && ctest --output-on-failure -j$(JOBS)

fuzz: setup
	@CC=clang CXX=clang++ cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DANNALS_FUZZ=ON \
	  -DANNALS_BUILD_TESTS=OFF >/dev/null
	@cmake --build $(FUZZ_BUILD) --target fuzz_targets -j$(JOBS)
	@FUZZ_SEED=$(FUZZ_SEED) fuzz/run_fuzz $(FUZZ_BUILD) $(FUZZ_SECONDS)

hostile: build
	@scripts/hostile_corpus $(HOSTILE_DIR)
	@scripts/hostile_run $(HOSTILE_DIR) --annals $(BUILD)/annals

clean:
	rm -rf $(BUILD)
