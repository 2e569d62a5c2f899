# Yorisoi — plain Makefile with generated dependencies. `make V=1` shows commands.
# Targets: all run test asan fuzz update-po check-po install uninstall deb clean format

PREFIX  ?= /usr/local
SYSCONFDIR ?= /etc
DESTDIR ?=
BUILD   ?= build
CC      ?= cc

PKGS := ncursesw libpcsclite sqlite3 libqrencode libsodium libxml-2.0 zlib jansson libpng cairo pangocairo
PKG_CFLAGS := $(filter-out -D_XOPEN_SOURCE=% -D_DEFAULT_SOURCE,$(shell pkg-config --cflags $(PKGS) 2>/dev/null))
# libunistring (Unicode NFC in engine/) has no pkg-config file.
LIBS_EXTRA := -lunistring
# MeCab has no pkg-config file; the console reads names with it (tui/reading.c)
MECAB_LIBS := -lmecab
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null) $(LIBS_EXTRA)

WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wvla
OPT     ?= -O2
DEBUG   ?= -g
STD     := -std=c11 -D_XOPEN_SOURCE=700 -D_XOPEN_SOURCE_EXTENDED -D_DEFAULT_SOURCE
VERSION := 0.9.0
DEFS    := -DPREFIX='"$(PREFIX)"' -DSYSCONFDIR='"$(SYSCONFDIR)"' -DYORISOI_VERSION='"$(VERSION)"'
SANITIZERS := -fsanitize=address -fsanitize=undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
SAN_FLAGS := $(if $(SAN),$(SANITIZERS))
# CPPFLAGS and CFLAGS come last so a packager's flags (dpkg-buildflags:
# _FORTIFY_SOURCE, stack protector, noopt) win.
CFLAGS_ALL = $(STD) $(WARN) $(OPT) $(DEBUG) $(DEFS) $(SAN_FLAGS) -I. $(PKG_CFLAGS) $(CPPFLAGS) $(CFLAGS)
LDFLAGS_ALL = $(SAN_FLAGS) $(LDFLAGS)

ifeq ($(V),1)
Q :=
else
Q := @
endif

LIB_SRC  := $(wildcard cardio/*.c engine/*.c store/*.c handoff/*.c)
TUI_SRC  := $(wildcard tui/*.c tui/console/*.c tui/cli/*.c tui/counter/*.c)
SIM_SRC  := $(wildcard cardio/sim/*.c)
UNIT_SRC := $(wildcard tests/unit/*.c)
CARDIO_SRC := $(wildcard cardio/*.c)

obj = $(patsubst %.c,$(BUILD)/obj/%.o,$(1))
LIB_OBJ  := $(call obj,$(LIB_SRC))
TUI_OBJ  := $(call obj,$(TUI_SRC))
SIM_OBJ  := $(call obj,$(SIM_SRC))
UNIT_OBJ := $(call obj,$(UNIT_SRC))
CARDIO_OBJ := $(call obj,$(CARDIO_SRC))

LINGUAS := $(shell cat locales/LINGUAS 2>/dev/null)
MO := $(foreach l,$(LINGUAS),$(BUILD)/locale/$(l)/LC_MESSAGES/yorisoi.mo)

.PHONY: torture all run test asan fuzz update-po check-po install uninstall deb clean format deps deps-test bench-bin fuzz-bin module-tests

all: $(BUILD)/yorisoi $(BUILD)/yorisoi-cardsim $(BUILD)/unit-tests $(MO) $(BUILD)/locale/LINGUAS \
	$(BUILD)/postal.db

# The console's language menu follows LINGUAS (tui/languages.h).
$(BUILD)/locale/LINGUAS: locales/LINGUAS
	@mkdir -p $(dir $@)
	$(Q)cp $< $@

$(BUILD)/yorisoi: $(TUI_OBJ) $(LIB_OBJ)
	@echo "  LD      $@"
	$(Q)$(CC) $(LDFLAGS_ALL) -o $@ $^ $(PKG_LIBS) $(MECAB_LIBS)

$(BUILD)/yorisoi-cardsim: $(SIM_OBJ) $(CARDIO_OBJ)
	@echo "  LD      $@"
	$(Q)$(CC) $(LDFLAGS_ALL) -o $@ $^ $(PKG_LIBS)

# The unit tests link every library module; tui/ is tested through tmux.
$(BUILD)/unit-tests: $(UNIT_OBJ) $(LIB_OBJ) $(filter-out $(BUILD)/obj/tui/main.o,$(TUI_OBJ))
	@echo "  LD      $@"
	$(Q)$(CC) $(LDFLAGS_ALL) -o $@ $^ $(PKG_LIBS) $(MECAB_LIBS)

# One module's tests alone, for work on that module: make build/unit-engine
# (store and handoff link the engine they build on).
define module_tests
$$(BUILD)/unit-$(1): $$(call obj,tests/unit/runner.c $$(wildcard tests/unit/$(1)_*test.c) $$(wildcard $(1)/*.c) $(2))
	@echo "  LD      $$@"
	$$(Q)$$(CC) $$(LDFLAGS_ALL) -o $$@ $$^ $$(PKG_LIBS)
endef
$(eval $(call module_tests,cardio,))
$(eval $(call module_tests,engine,))
$(eval $(call module_tests,store,$(wildcard engine/*.c)))
$(eval $(call module_tests,handoff,$(wildcard engine/*.c)))
MODULE_TESTS := $(addprefix $(BUILD)/unit-,cardio engine store handoff)
module-tests: $(MODULE_TESTS)

# Postal codes (docs/postal.md): the committed data files become postal.db
# through a small C tool; postal-bench is built on demand by tests/bench.
POSTAL_OBJ := $(call obj,store/postal.c store/postal_input.c store/error.c engine/util.c)

$(BUILD)/postal-build: $(call obj,store/tools/postal_build.c)
	@echo "  LD      $@"
	$(Q)$(CC) $(LDFLAGS_ALL) -o $@ $^ $(PKG_LIBS)

$(BUILD)/postal.db: data/postal/postal.tsv.gz data/postal/chome.tsv.gz $(BUILD)/postal-build
	@echo "  POSTAL  $@"
	$(Q)$(BUILD)/postal-build data/postal/postal.tsv.gz data/postal/chome.tsv.gz $@

$(BUILD)/postal-bench: $(call obj,store/tools/postal_bench.c) $(POSTAL_OBJ)
	@echo "  LD      $@"
	$(Q)$(CC) $(LDFLAGS_ALL) -o $@ $^ $(PKG_LIBS)

# Benchmarks (tests/bench/) and fuzz targets (tests/fuzz/) are built here,
# with the same flags as everything else, not by their scripts.
BENCH_BIN := $(BUILD)/bench/keystrokes $(BUILD)/bench/card-apdus $(BUILD)/bench/handoff_bench \
	$(BUILD)/bench/readings
$(BUILD)/bench/keystrokes: $(call obj,tests/bench/keystrokes.c tests/bench/typing_model.c \
	tests/bench/postal_starts.c tui/reading.c) $(LIB_OBJ)
$(BUILD)/bench/keystrokes: BENCH_LIBS := $(MECAB_LIBS)
$(BUILD)/bench/readings: $(call obj,tests/bench/readings.c tui/reading.c) $(LIB_OBJ)
$(BUILD)/bench/readings: BENCH_LIBS := $(MECAB_LIBS)
$(BUILD)/bench/card-apdus: $(call obj,tests/bench/card_apdus.c) $(LIB_OBJ)
$(BUILD)/bench/handoff_bench: $(call obj,tests/bench/handoff_bench.c) $(LIB_OBJ)
$(BUILD)/handoff_unsigned_seed: $(call obj,tests/fuzz/handoff_unsigned_seed.c) $(LIB_OBJ)
$(BENCH_BIN) $(BUILD)/handoff_unsigned_seed:
	@mkdir -p $(dir $@)
	@echo "  LD      $@"
	$(Q)$(CC) $(LDFLAGS_ALL) -o $@ $^ $(PKG_LIBS) $(BENCH_LIBS)

# libFuzzer needs clang; each target links only the modules it fuzzes.
FUZZ_CC    ?= clang
FUZZ_FLAGS := $(STD) $(DEFS) -g -O1 -I. $(PKG_CFLAGS) -fsanitize=fuzzer,address,undefined \
	      -fno-sanitize-recover=all
FUZZ_BIN := $(addprefix $(BUILD)/fuzz/,fuzz_basic4 fuzz_card_read fuzz_handoff_decode fuzz_form_load)
$(BUILD)/fuzz/fuzz_basic4: tests/fuzz/fuzz_basic4.c $(wildcard cardio/*.c)
$(BUILD)/fuzz/fuzz_card_read: tests/fuzz/fuzz_card_read.c $(wildcard cardio/*.c)
$(BUILD)/fuzz/fuzz_handoff_decode: tests/fuzz/fuzz_handoff_decode.c $(wildcard handoff/*.c engine/*.c)
$(BUILD)/fuzz/fuzz_form_load: tests/fuzz/fuzz_form_load.c $(wildcard engine/*.c)
$(FUZZ_BIN):
	@mkdir -p $(dir $@)
	@echo "  FUZZ    $@"
	$(Q)$(FUZZ_CC) $(FUZZ_FLAGS) -o $@ $^ $(PKG_LIBS)

bench-bin: $(BENCH_BIN)
fuzz-bin: $(FUZZ_BIN)

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(CFLAGS_ALL) -MMD -MP -c -o $@ $<

$(BUILD)/locale/%/LC_MESSAGES/yorisoi.mo: locales/%.po
	@mkdir -p $(dir $@)
	@echo "  MSGFMT  $<"
	$(Q)msgfmt -c --check-format -o $@ $<

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)

deps:
	@sh scripts/install-deps.sh run

deps-test:
	@sh scripts/install-deps.sh test

run: deps
	@$(MAKE) --no-print-directory all
	./$(BUILD)/yorisoi $(ARGS)

# Every test in both builds; the runner prints the closing "N passed, N failed".
test: deps-test
	@$(MAKE) --no-print-directory all module-tests
	@$(MAKE) --no-print-directory BUILD=build/asan SAN=1 OPT=-O1 all
	@sh tests/run.sh build build/asan

asan:
	@$(MAKE) --no-print-directory BUILD=build/asan SAN=1 OPT=-O1 all
	@sh tests/run.sh --only-asan build/asan

fuzz:
	@sh tests/fuzz/run.sh long

# The SIGKILL torture of make test, ten times longer.
torture: all
	@/usr/bin/python3 tests/torture/kill_plain.py $(BUILD)/yorisoi 2000
	@BUILD=$(BUILD) sh tests/torture/kill_console.sh 300

update-po:
	@sh locales/update-po.sh

check-po:
	@sh locales/update-po.sh --check

# Where `make install` puts things (FHS); DESTDIR stages the whole tree.
BINDIR    := $(PREFIX)/bin
DATADIR   := $(PREFIX)/share/yorisoi
LOCALEDIR := $(PREFIX)/share/locale
MANDIR    := $(PREFIX)/share/man
DOCDIR    := $(PREFIX)/share/doc/yorisoi
CONFDIR   := $(SYSCONFDIR)/yorisoi
FORMS     := $(wildcard forms/*.xml) forms/form.rng
PAPERS    := $(wildcard forms/paper/*.xml) forms/paper/paper.rng
# lists of common answers that fields name (picks="countries")
LISTS     := $(wildcard forms/lists/*.xml) forms/lists/picks.rng
# older versions, for drafts and handoff codes made with them (engine.h)
ARCHIVE   := $(wildcard forms/archive/*.xml)
ARCHIVE_PAPERS := $(wildcard forms/archive/paper/*.xml) forms/archive/paper/paper.rng
MAN1      := docs/yorisoi.1 docs/yorisoi-cardsim.1
MAN5      := docs/yorisoi.conf.5

install: all
	install -d "$(DESTDIR)$(BINDIR)" "$(DESTDIR)$(DATADIR)/forms/paper" \
		"$(DESTDIR)$(DATADIR)/forms/lists" "$(DESTDIR)$(DATADIR)/forms/archive/paper" "$(DESTDIR)$(MANDIR)/man1" \
		"$(DESTDIR)$(MANDIR)/man5" "$(DESTDIR)$(DOCDIR)/examples" "$(DESTDIR)$(CONFDIR)"
	install -m 755 $(BUILD)/yorisoi $(BUILD)/yorisoi-cardsim "$(DESTDIR)$(BINDIR)/"
	install -m 644 $(FORMS) "$(DESTDIR)$(DATADIR)/forms/"
	install -m 644 $(PAPERS) "$(DESTDIR)$(DATADIR)/forms/paper/"
	install -m 644 $(LISTS) "$(DESTDIR)$(DATADIR)/forms/lists/"
	install -m 644 $(ARCHIVE) "$(DESTDIR)$(DATADIR)/forms/archive/"
	install -m 644 $(ARCHIVE_PAPERS) "$(DESTDIR)$(DATADIR)/forms/archive/paper/"
	for l in $(LINGUAS); do \
		install -d "$(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES" && \
		install -m 644 $(BUILD)/locale/$$l/LC_MESSAGES/yorisoi.mo "$(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/" || exit 1; \
	done
	install -m 644 $(BUILD)/postal.db locales/LINGUAS "$(DESTDIR)$(DATADIR)/"
	install -m 644 $(MAN1) "$(DESTDIR)$(MANDIR)/man1/"
	install -m 644 $(MAN5) "$(DESTDIR)$(MANDIR)/man5/"
	install -m 644 docs/yorisoi.conf "$(DESTDIR)$(DOCDIR)/examples/"
	@# never overwrite an admin's configuration
	@if [ -e "$(DESTDIR)$(CONFDIR)/yorisoi.conf" ]; then \
		echo "kept $(DESTDIR)$(CONFDIR)/yorisoi.conf; the new example is $(DESTDIR)$(DOCDIR)/examples/yorisoi.conf"; \
	else \
		echo "install -m 644 docs/yorisoi.conf $(DESTDIR)$(CONFDIR)/yorisoi.conf"; \
		install -m 644 docs/yorisoi.conf "$(DESTDIR)$(CONFDIR)/yorisoi.conf"; \
	fi

# Removes what install put, except a configuration the admin changed; the
# catalogues listed in the installed LINGUAS too, in case locales/ changed.
uninstall:
	rm -f "$(DESTDIR)$(BINDIR)/yorisoi" "$(DESTDIR)$(BINDIR)/yorisoi-cardsim"
	for f in $(notdir $(FORMS)); do rm -f "$(DESTDIR)$(DATADIR)/forms/$$f"; done
	for f in $(notdir $(PAPERS)); do rm -f "$(DESTDIR)$(DATADIR)/forms/paper/$$f"; done
	for f in $(notdir $(LISTS)); do rm -f "$(DESTDIR)$(DATADIR)/forms/lists/$$f"; done
	for f in $(notdir $(ARCHIVE)); do rm -f "$(DESTDIR)$(DATADIR)/forms/archive/$$f"; done
	for f in $(notdir $(ARCHIVE_PAPERS)); do rm -f "$(DESTDIR)$(DATADIR)/forms/archive/paper/$$f"; done
	for l in $(LINGUAS) $$(cat "$(DESTDIR)$(DATADIR)/LINGUAS" 2>/dev/null); do \
		rm -f "$(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/yorisoi.mo"; \
	done
	rm -f "$(DESTDIR)$(DATADIR)/postal.db" "$(DESTDIR)$(DATADIR)/LINGUAS"
	for f in $(notdir $(MAN1)); do rm -f "$(DESTDIR)$(MANDIR)/man1/$$f"; done
	for f in $(notdir $(MAN5)); do rm -f "$(DESTDIR)$(MANDIR)/man5/$$f"; done
	rm -f "$(DESTDIR)$(DOCDIR)/examples/yorisoi.conf"
	@if cmp -s docs/yorisoi.conf "$(DESTDIR)$(CONFDIR)/yorisoi.conf"; then \
		echo "rm -f $(DESTDIR)$(CONFDIR)/yorisoi.conf"; rm -f "$(DESTDIR)$(CONFDIR)/yorisoi.conf"; \
	elif [ -e "$(DESTDIR)$(CONFDIR)/yorisoi.conf" ]; then \
		echo "kept $(DESTDIR)$(CONFDIR)/yorisoi.conf: it differs from the shipped example"; \
	fi
	@# our folders go when empty; bin/, share/man/... belong to everyone
	for d in "$(DESTDIR)$(DATADIR)/forms/paper" "$(DESTDIR)$(DATADIR)/forms/lists" \
		"$(DESTDIR)$(DATADIR)/forms/archive/paper" \
		"$(DESTDIR)$(DATADIR)/forms/archive" "$(DESTDIR)$(DATADIR)/forms" "$(DESTDIR)$(DATADIR)" "$(DESTDIR)$(DOCDIR)/examples" \
		"$(DESTDIR)$(DOCDIR)" "$(DESTDIR)$(CONFDIR)"; do rmdir "$$d" 2>/dev/null || :; done

# The Debian package (debian/), built from a copy of the tree in DEB_OUT so
# that build trees never end up in it and dpkg-buildpackage's output (written
# to the copy's parent) lands in one known folder: $(DEB_OUT)/*.deb.
DEB_OUT ?= $(BUILD)/deb
deb:
	@# only what an earlier run put there: DEB_OUT may be a shared folder
	rm -rf "$(DEB_OUT)/src"
	rm -f "$(DEB_OUT)"/yorisoi*_*.deb "$(DEB_OUT)"/yorisoi_*.buildinfo "$(DEB_OUT)"/yorisoi_*.changes
	mkdir -p "$(DEB_OUT)/src/yorisoi-$(VERSION)"
	tar -cf - --exclude-vcs --exclude=./build --exclude='./obj-*' --exclude=./tmp \
		--exclude=./debian/yorisoi --exclude=./debian/.debhelper --exclude=./debian/tmp \
		--exclude=./debian/files --exclude='./debian/*.substvars' --exclude='./debian/*.debhelper.log' \
		--exclude=./debian/debhelper-build-stamp --exclude=./tests/fuzz/corpus-new \
		--exclude='./$(DEB_OUT)' . | \
		tar -xf - -C "$(DEB_OUT)/src/yorisoi-$(VERSION)"
	cd "$(DEB_OUT)/src/yorisoi-$(VERSION)" && dpkg-buildpackage -us -uc -b
	mv "$(DEB_OUT)"/src/*.deb "$(DEB_OUT)"/src/*.buildinfo "$(DEB_OUT)"/src/*.changes "$(DEB_OUT)/"
	rm -rf "$(DEB_OUT)/src"
	@ls "$(DEB_OUT)"/*.deb

format:
	clang-format -i $(LIB_SRC) $(TUI_SRC) $(SIM_SRC) $(UNIT_SRC) $(wildcard */*.h tui/*/*.h cardio/sim/*.h tests/unit/*.h)

clean:
	rm -rf build
